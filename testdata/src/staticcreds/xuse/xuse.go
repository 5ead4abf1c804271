// Package xuse freezes what package xsource hands over.
package xuse

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"example.com/fixtures/staticcreds/xsource"
)

func viaIface(ctx context.Context, s xsource.Source) aws.CredentialsProvider {
	v, _ := s.Get(ctx)
	return credentials.StaticCredentialsProvider{Value: v} // want `static credentials built from sts\.AssumeRole output`
}

func viaFuncVar(ctx context.Context) aws.CredentialsProvider {
	c, _ := xsource.Fetch(ctx)
	return credentials.NewStaticCredentialsProvider(*c.AccessKeyId, *c.SecretAccessKey, *c.SessionToken) // want `static credentials built from sts\.AssumeRole output`
}

func viaAccessor(ctx context.Context) aws.CredentialsProvider {
	cl, _ := xsource.NewClient(ctx)
	c := cl.Creds()
	return credentials.NewStaticCredentialsProvider(*c.AccessKeyId, *c.SecretAccessKey, *c.SessionToken) // want `static credentials built from sts\.AssumeRole output`
}

// The client's name is not a credential: not reported.
func viaName(ctx context.Context) aws.CredentialsProvider {
	cl, _ := xsource.NewClient(ctx)
	return credentials.NewStaticCredentialsProvider(cl.Name, "", "")
}

func viaReturnedFunc(ctx context.Context, s *xsource.STS) aws.CredentialsProvider {
	get := xsource.Getter(s)
	v, _ := get(ctx)
	return credentials.StaticCredentialsProvider{Value: v} // want `static credentials built from sts\.AssumeRole output`
}
