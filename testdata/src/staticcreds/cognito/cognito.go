// Package cognito: temporary credentials from a Cognito identity pool
// (GetCredentialsForIdentity) expire like STS's, with the same shape
// (AccessKeyId, SecretKey, SessionToken, Expiration).
package cognito

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentity"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

func frozen(ctx context.Context, c *cognitoidentity.Client, id string) *s3.Client {
	out, err := c.GetCredentialsForIdentity(ctx, &cognitoidentity.GetCredentialsForIdentityInput{IdentityId: aws.String(id)})
	if err != nil {
		return nil
	}
	cr := out.Credentials
	p := credentials.NewStaticCredentialsProvider(aws.ToString(cr.AccessKeyId), aws.ToString(cr.SecretKey), aws.ToString(cr.SessionToken)) // want `static credentials built from cognitoidentity\.GetCredentialsForIdentity output .* never refresh`
	return s3.New(s3.Options{Region: "eu-west-1", Credentials: p})
}

// A provider that asks the pool again when the answer expires: fine.
func refreshing(c *cognitoidentity.Client, id string) aws.CredentialsProvider {
	return aws.NewCredentialsCache(aws.CredentialsProviderFunc(func(ctx context.Context) (aws.Credentials, error) {
		out, err := c.GetCredentialsForIdentity(ctx, &cognitoidentity.GetCredentialsForIdentityInput{IdentityId: aws.String(id)})
		if err != nil {
			return aws.Credentials{}, err
		}
		cr := out.Credentials
		return aws.Credentials{AccessKeyID: aws.ToString(cr.AccessKeyId), SecretAccessKey: aws.ToString(cr.SecretKey), SessionToken: aws.ToString(cr.SessionToken), CanExpire: true, Expires: aws.ToTime(cr.Expiration)}, nil
	}))
}

// An unauthenticated-role lookup that reads only the identity id: fine.
func identityOnly(ctx context.Context, c *cognitoidentity.Client, pool string) string {
	id, err := c.GetId(ctx, &cognitoidentity.GetIdInput{IdentityPoolId: aws.String(pool)})
	if err != nil {
		return ""
	}
	out, err := c.GetCredentialsForIdentity(ctx, &cognitoidentity.GetCredentialsForIdentityInput{IdentityId: id.IdentityId})
	if err != nil {
		return ""
	}
	return credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "long-lived", "").Value.AccessKeyID + aws.ToString(out.IdentityId)
}
