package main

import "strings"

// An awsService is one AWS SDK v2 service the operator wraps.
type awsService struct {
	Dir    string // wrapper directory and package name
	Import string // the SDK package
	Noun   string // what one resource is
	Ops    string // the body of the ops.go template: list, ensure, remove and more
}

func awsOpsTemplates() string {
	var b strings.Builder
	for _, s := range awsServices {
		b.WriteString(`{{define "aws_ops_` + s.Dir + `"}}// Code for the ` + s.Noun + ` operations of ` + s.Import + `.

package {{.Name}}

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "` + s.Import + `"
	sdktypes "` + s.Import + `/types"
)

var (
	_ = errors.New
	_ = sort.Strings
	_ = strings.HasPrefix
	_ = time.Now
)
` + goLiteral(s.Ops) + "\n{{end}}\n")
	}
	return b.String()
}

// goLiteral keeps Go's "{{" and "}}" (nested composite literals) out of
// the template's way; gofmt joins them again.
func goLiteral(src string) string {
	return strings.ReplaceAll(strings.ReplaceAll(src, "{{", "{ {"), "}}", "} }")
}

var awsServices = []*awsService{
	{Dir: "ec2", Import: "github.com/aws/aws-sdk-go-v2/service/ec2", Noun: "instance", Ops: `
func ec2Tags(m map[string]string) []sdktypes.Tag {
	var out []sdktypes.Tag
	for _, kv := range sortedTags(m) {
		out = append(out, sdktypes.Tag{Key: aws.String(kv.Key), Value: aws.String(kv.Value)})
	}
	return out
}

func fromInstance(in sdktypes.Instance) Resource {
	r := Resource{ID: aws.ToString(in.InstanceId), Tags: map[string]string{}}
	if in.State != nil {
		r.State = string(in.State.Name)
	}
	for _, t := range in.Tags {
		r.Tags[aws.ToString(t.Key)] = aws.ToString(t.Value)
		if aws.ToString(t.Key) == "Name" {
			r.Name = aws.ToString(t.Value)
		}
	}
	if in.LaunchTime != nil {
		r.Created = *in.LaunchTime
	}
	return r
}

func (c *Client) list(ctx context.Context, prefix string) ([]Resource, error) {
	p := sdk.NewDescribeInstancesPaginator(c.api, &sdk.DescribeInstancesInput{
		Filters: []sdktypes.Filter{{Name: aws.String("tag:Name"), Values: []string{prefix + "*"}}},
	})
	var out []Resource
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("describe instances: %w", err)
		}
		for _, rsv := range page.Reservations {
			for _, in := range rsv.Instances {
				out = append(out, fromInstance(in))
			}
		}
	}
	return out, nil
}

func (c *Client) ensure(ctx context.Context, name string, tags map[string]string) (Resource, error) {
	found, err := c.list(ctx, name)
	if err != nil {
		return Resource{}, err
	}
	for _, r := range found {
		if r.Name == name && r.State != string(sdktypes.InstanceStateNameTerminated) {
			return r, nil
		}
	}
	all := withName(tags, name)
	out, err := c.api.RunInstances(ctx, &sdk.RunInstancesInput{
		ImageId:      aws.String(tags["image"]),
		InstanceType: sdktypes.InstanceType(tags["instanceType"]),
		MinCount:     aws.Int32(1),
		MaxCount:     aws.Int32(1),
		TagSpecifications: []sdktypes.TagSpecification{{
			ResourceType: sdktypes.ResourceTypeInstance,
			Tags:         ec2Tags(all),
		}},
	})
	if err != nil {
		return Resource{}, fmt.Errorf("run instance %s: %w", name, err)
	}
	if len(out.Instances) == 0 {
		return Resource{}, errors.New("run instances returned no instance")
	}
	return fromInstance(out.Instances[0]), nil
}

func (c *Client) remove(ctx context.Context, id string) error {
	_, err := c.api.TerminateInstances(ctx, &sdk.TerminateInstancesInput{InstanceIds: []string{id}})
	return err
}

// SecurityGroups returns the IDs of the VPC's security groups.
func (c *Client) SecurityGroups(ctx context.Context, vpcID string) ([]string, error) {
	out, err := c.api.DescribeSecurityGroups(ctx, &sdk.DescribeSecurityGroupsInput{
		Filters: []sdktypes.Filter{{Name: aws.String("vpc-id"), Values: []string{vpcID}}},
	})
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, g := range out.SecurityGroups {
		ids = append(ids, aws.ToString(g.GroupId))
	}
	sort.Strings(ids)
	return ids, nil
}

// Subnets returns the VPC's subnets by availability zone.
func (c *Client) Subnets(ctx context.Context, vpcID string) (map[string][]string, error) {
	out, err := c.api.DescribeSubnets(ctx, &sdk.DescribeSubnetsInput{
		Filters: []sdktypes.Filter{{Name: aws.String("vpc-id"), Values: []string{vpcID}}},
	})
	if err != nil {
		return nil, err
	}
	byZone := make(map[string][]string)
	for _, s := range out.Subnets {
		z := aws.ToString(s.AvailabilityZone)
		byZone[z] = append(byZone[z], aws.ToString(s.SubnetId))
	}
	return byZone, nil
}

// Tag sets tags on resources.
func (c *Client) Tag(ctx context.Context, ids []string, tags map[string]string) error {
	_, err := c.api.CreateTags(ctx, &sdk.CreateTagsInput{Resources: ids, Tags: ec2Tags(tags)})
	return err
}
`},
	{Dir: "iam", Import: "github.com/aws/aws-sdk-go-v2/service/iam", Noun: "role", Ops: `
func iamTags(m map[string]string) []sdktypes.Tag {
	var out []sdktypes.Tag
	for _, kv := range sortedTags(m) {
		out = append(out, sdktypes.Tag{Key: aws.String(kv.Key), Value: aws.String(kv.Value)})
	}
	return out
}

func fromRole(r sdktypes.Role) Resource {
	res := Resource{ID: aws.ToString(r.RoleId), Name: aws.ToString(r.RoleName), ARN: aws.ToString(r.Arn), State: "active", Tags: map[string]string{}}
	for _, t := range r.Tags {
		res.Tags[aws.ToString(t.Key)] = aws.ToString(t.Value)
	}
	if r.CreateDate != nil {
		res.Created = *r.CreateDate
	}
	return res
}

func (c *Client) list(ctx context.Context, prefix string) ([]Resource, error) {
	p := sdk.NewListRolesPaginator(c.api, &sdk.ListRolesInput{PathPrefix: aws.String("/operator/")})
	var out []Resource
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("list roles: %w", err)
		}
		for _, r := range page.Roles {
			if strings.HasPrefix(aws.ToString(r.RoleName), prefix) {
				out = append(out, fromRole(r))
			}
		}
	}
	return out, nil
}

func (c *Client) ensure(ctx context.Context, name string, tags map[string]string) (Resource, error) {
	got, err := c.api.GetRole(ctx, &sdk.GetRoleInput{RoleName: aws.String(name)})
	if err == nil && got.Role != nil {
		return fromRole(*got.Role), nil
	}
	var nf *sdktypes.NoSuchEntityException
	if err != nil && !errors.As(err, &nf) {
		return Resource{}, err
	}
	out, err := c.api.CreateRole(ctx, &sdk.CreateRoleInput{
		RoleName:                 aws.String(name),
		Path:                     aws.String("/operator/"),
		AssumeRolePolicyDocument: aws.String(tags["trustPolicy"]),
		Tags:                     iamTags(tags),
	})
	if err != nil {
		return Resource{}, fmt.Errorf("create role %s: %w", name, err)
	}
	return fromRole(*out.Role), nil
}

func (c *Client) remove(ctx context.Context, id string) error {
	_, err := c.api.DeleteRole(ctx, &sdk.DeleteRoleInput{RoleName: aws.String(id)})
	return err
}

// AttachedPolicies returns the ARNs of the role's managed policies.
func (c *Client) AttachedPolicies(ctx context.Context, role string) ([]string, error) {
	out, err := c.api.ListAttachedRolePolicies(ctx, &sdk.ListAttachedRolePoliciesInput{RoleName: aws.String(role)})
	if err != nil {
		return nil, err
	}
	var arns []string
	for _, p := range out.AttachedPolicies {
		arns = append(arns, aws.ToString(p.PolicyArn))
	}
	sort.Strings(arns)
	return arns, nil
}

// Attach attaches a managed policy.
func (c *Client) Attach(ctx context.Context, role, policyARN string) error {
	_, err := c.api.AttachRolePolicy(ctx, &sdk.AttachRolePolicyInput{RoleName: aws.String(role), PolicyArn: aws.String(policyARN)})
	return err
}
`},
	{Dir: "eks", Import: "github.com/aws/aws-sdk-go-v2/service/eks", Noun: "cluster", Ops: `
func fromCluster(cl *sdktypes.Cluster) Resource {
	r := Resource{ID: aws.ToString(cl.Name), Name: aws.ToString(cl.Name), ARN: aws.ToString(cl.Arn), State: string(cl.Status), Tags: map[string]string{}}
	for k, v := range cl.Tags {
		r.Tags[k] = v
	}
	if cl.CreatedAt != nil {
		r.Created = *cl.CreatedAt
	}
	return r
}

func (c *Client) list(ctx context.Context, prefix string) ([]Resource, error) {
	p := sdk.NewListClustersPaginator(c.api, &sdk.ListClustersInput{})
	var out []Resource
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("list clusters: %w", err)
		}
		for _, name := range page.Clusters {
			if strings.HasPrefix(name, prefix) {
				out = append(out, Resource{ID: name, Name: name, State: "unknown"})
			}
		}
	}
	return out, nil
}

func (c *Client) ensure(ctx context.Context, name string, tags map[string]string) (Resource, error) {
	got, err := c.api.DescribeCluster(ctx, &sdk.DescribeClusterInput{Name: aws.String(name)})
	if err == nil && got.Cluster != nil {
		return fromCluster(got.Cluster), nil
	}
	var nf *sdktypes.ResourceNotFoundException
	if err != nil && !errors.As(err, &nf) {
		return Resource{}, err
	}
	out, err := c.api.CreateCluster(ctx, &sdk.CreateClusterInput{
		Name:               aws.String(name),
		RoleArn:            aws.String(tags["roleARN"]),
		ResourcesVpcConfig: &sdktypes.VpcConfigRequest{SubnetIds: strings.Split(tags["subnets"], ",")},
		Tags:               tags,
	})
	if err != nil {
		return Resource{}, fmt.Errorf("create cluster %s: %w", name, err)
	}
	return fromCluster(out.Cluster), nil
}

func (c *Client) remove(ctx context.Context, id string) error {
	_, err := c.api.DeleteCluster(ctx, &sdk.DeleteClusterInput{Name: aws.String(id)})
	return err
}

// Nodegroups lists the cluster's node groups.
func (c *Client) Nodegroups(ctx context.Context, cluster string) ([]string, error) {
	p := sdk.NewListNodegroupsPaginator(c.api, &sdk.ListNodegroupsInput{ClusterName: aws.String(cluster)})
	var out []string
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		out = append(out, page.Nodegroups...)
	}
	return out, nil
}

// Endpoint returns the cluster's API endpoint and CA data.
func (c *Client) Endpoint(ctx context.Context, cluster string) (string, string, error) {
	got, err := c.api.DescribeCluster(ctx, &sdk.DescribeClusterInput{Name: aws.String(cluster)})
	if err != nil {
		return "", "", err
	}
	ca := ""
	if got.Cluster.CertificateAuthority != nil {
		ca = aws.ToString(got.Cluster.CertificateAuthority.Data)
	}
	return aws.ToString(got.Cluster.Endpoint), ca, nil
}
`},
	{Dir: "s3", Import: "github.com/aws/aws-sdk-go-v2/service/s3", Noun: "bucket", Ops: `
func (c *Client) list(ctx context.Context, prefix string) ([]Resource, error) {
	out, err := c.api.ListBuckets(ctx, &sdk.ListBucketsInput{Prefix: aws.String(prefix)})
	if err != nil {
		return nil, fmt.Errorf("list buckets: %w", err)
	}
	var res []Resource
	for _, b := range out.Buckets {
		r := Resource{ID: aws.ToString(b.Name), Name: aws.ToString(b.Name), State: "available"}
		if b.CreationDate != nil {
			r.Created = *b.CreationDate
		}
		res = append(res, r)
	}
	return res, nil
}

func (c *Client) ensure(ctx context.Context, name string, tags map[string]string) (Resource, error) {
	if _, err := c.api.HeadBucket(ctx, &sdk.HeadBucketInput{Bucket: aws.String(name)}); err == nil {
		return Resource{ID: name, Name: name, State: "available", Tags: tags}, nil
	}
	in := &sdk.CreateBucketInput{Bucket: aws.String(name)}
	if c.region != "us-east-1" {
		in.CreateBucketConfiguration = &sdktypes.CreateBucketConfiguration{LocationConstraint: sdktypes.BucketLocationConstraint(c.region)}
	}
	if _, err := c.api.CreateBucket(ctx, in); err != nil {
		return Resource{}, fmt.Errorf("create bucket %s: %w", name, err)
	}
	var set []sdktypes.Tag
	for _, kv := range sortedTags(tags) {
		set = append(set, sdktypes.Tag{Key: aws.String(kv.Key), Value: aws.String(kv.Value)})
	}
	if _, err := c.api.PutBucketTagging(ctx, &sdk.PutBucketTaggingInput{Bucket: aws.String(name), Tagging: &sdktypes.Tagging{TagSet: set}}); err != nil {
		return Resource{}, err
	}
	return Resource{ID: name, Name: name, State: "created", Tags: tags, Created: time.Now()}, nil
}

func (c *Client) remove(ctx context.Context, id string) error {
	_, err := c.api.DeleteBucket(ctx, &sdk.DeleteBucketInput{Bucket: aws.String(id)})
	return err
}

// Objects lists the keys under prefix with their sizes.
func (c *Client) Objects(ctx context.Context, bucket, prefix string) (map[string]int64, error) {
	p := sdk.NewListObjectsV2Paginator(c.api, &sdk.ListObjectsV2Input{Bucket: aws.String(bucket), Prefix: aws.String(prefix)})
	out := make(map[string]int64)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, o := range page.Contents {
			out[aws.ToString(o.Key)] = aws.ToInt64(o.Size)
		}
	}
	return out, nil
}

// Put stores data under key.
func (c *Client) Put(ctx context.Context, bucket, key string, data []byte) error {
	_, err := c.api.PutObject(ctx, &sdk.PutObjectInput{Bucket: aws.String(bucket), Key: aws.String(key), Body: strings.NewReader(string(data))})
	return err
}
`},
	{Dir: "sts", Import: "github.com/aws/aws-sdk-go-v2/service/sts", Noun: "identity", Ops: `
func (c *Client) list(ctx context.Context, prefix string) ([]Resource, error) {
	out, err := c.api.GetCallerIdentity(ctx, &sdk.GetCallerIdentityInput{})
	if err != nil {
		return nil, fmt.Errorf("get caller identity: %w", err)
	}
	r := Resource{ID: aws.ToString(out.UserId), Name: aws.ToString(out.Account), ARN: aws.ToString(out.Arn), State: "active"}
	if !strings.HasPrefix(r.Name, prefix) {
		return nil, nil
	}
	return []Resource{r}, nil
}

func (c *Client) ensure(ctx context.Context, name string, tags map[string]string) (Resource, error) {
	found, err := c.list(ctx, "")
	if err != nil {
		return Resource{}, err
	}
	if len(found) == 0 {
		return Resource{}, errors.New("no caller identity")
	}
	return found[0], nil
}

func (c *Client) remove(ctx context.Context, id string) error {
	return nil // identities are not deleted
}

// SessionTags converts tags to STS session tags, for roles assumed with
// stscreds.AssumeRoleOptions.Tags.
func SessionTags(m map[string]string) []sdktypes.Tag {
	var out []sdktypes.Tag
	for _, kv := range sortedTags(m) {
		out = append(out, sdktypes.Tag{Key: aws.String(kv.Key), Value: aws.String(kv.Value)})
	}
	return out
}

// Account returns the caller's account ID.
func (c *Client) Account(ctx context.Context) (string, error) {
	out, err := c.api.GetCallerIdentity(ctx, &sdk.GetCallerIdentityInput{})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Account), nil
}

// Decode decodes an authorization failure message.
func (c *Client) Decode(ctx context.Context, msg string) (string, error) {
	out, err := c.api.DecodeAuthorizationMessage(ctx, &sdk.DecodeAuthorizationMessageInput{EncodedMessage: aws.String(msg)})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.DecodedMessage), nil
}
`},
	{Dir: "route53", Import: "github.com/aws/aws-sdk-go-v2/service/route53", Noun: "hosted zone", Ops: `
func (c *Client) list(ctx context.Context, prefix string) ([]Resource, error) {
	p := sdk.NewListHostedZonesPaginator(c.api, &sdk.ListHostedZonesInput{})
	var out []Resource
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("list hosted zones: %w", err)
		}
		for _, z := range page.HostedZones {
			if strings.HasPrefix(aws.ToString(z.Name), prefix) {
				out = append(out, Resource{ID: aws.ToString(z.Id), Name: strings.TrimSuffix(aws.ToString(z.Name), "."), State: "active"})
			}
		}
	}
	return out, nil
}

func (c *Client) ensure(ctx context.Context, name string, tags map[string]string) (Resource, error) {
	found, err := c.list(ctx, name)
	if err != nil {
		return Resource{}, err
	}
	for _, r := range found {
		if r.Name == name {
			return r, nil
		}
	}
	out, err := c.api.CreateHostedZone(ctx, &sdk.CreateHostedZoneInput{Name: aws.String(name), CallerReference: aws.String(fmt.Sprintf("%s-%d", name, time.Now().UnixNano()))})
	if err != nil {
		return Resource{}, fmt.Errorf("create zone %s: %w", name, err)
	}
	return Resource{ID: aws.ToString(out.HostedZone.Id), Name: name, State: "created", Tags: tags}, nil
}

func (c *Client) remove(ctx context.Context, id string) error {
	_, err := c.api.DeleteHostedZone(ctx, &sdk.DeleteHostedZoneInput{Id: aws.String(id)})
	return err
}

// Upsert points name at the addresses.
func (c *Client) Upsert(ctx context.Context, zoneID, name string, ttl int64, addrs []string) error {
	var rrs []sdktypes.ResourceRecord
	for _, a := range addrs {
		rrs = append(rrs, sdktypes.ResourceRecord{Value: aws.String(a)})
	}
	_, err := c.api.ChangeResourceRecordSets(ctx, &sdk.ChangeResourceRecordSetsInput{
		HostedZoneId: aws.String(zoneID),
		ChangeBatch: &sdktypes.ChangeBatch{Changes: []sdktypes.Change{{
			Action:            sdktypes.ChangeActionUpsert,
			ResourceRecordSet: &sdktypes.ResourceRecordSet{Name: aws.String(name), Type: sdktypes.RRTypeA, TTL: aws.Int64(ttl), ResourceRecords: rrs},
		}}},
	})
	return err
}
`},
	{Dir: "elbv2", Import: "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2", Noun: "load balancer", Ops: `
func fromLB(lb sdktypes.LoadBalancer) Resource {
	r := Resource{ID: aws.ToString(lb.LoadBalancerArn), Name: aws.ToString(lb.LoadBalancerName), ARN: aws.ToString(lb.LoadBalancerArn)}
	if lb.State != nil {
		r.State = string(lb.State.Code)
	}
	if lb.CreatedTime != nil {
		r.Created = *lb.CreatedTime
	}
	return r
}

func (c *Client) list(ctx context.Context, prefix string) ([]Resource, error) {
	p := sdk.NewDescribeLoadBalancersPaginator(c.api, &sdk.DescribeLoadBalancersInput{})
	var out []Resource
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("describe load balancers: %w", err)
		}
		for _, lb := range page.LoadBalancers {
			if strings.HasPrefix(aws.ToString(lb.LoadBalancerName), prefix) {
				out = append(out, fromLB(lb))
			}
		}
	}
	return out, nil
}

func (c *Client) ensure(ctx context.Context, name string, tags map[string]string) (Resource, error) {
	found, err := c.list(ctx, name)
	if err != nil {
		return Resource{}, err
	}
	for _, r := range found {
		if r.Name == name {
			return r, nil
		}
	}
	var set []sdktypes.Tag
	for _, kv := range sortedTags(tags) {
		set = append(set, sdktypes.Tag{Key: aws.String(kv.Key), Value: aws.String(kv.Value)})
	}
	out, err := c.api.CreateLoadBalancer(ctx, &sdk.CreateLoadBalancerInput{
		Name:    aws.String(name),
		Subnets: strings.Split(tags["subnets"], ","),
		Type:    sdktypes.LoadBalancerTypeEnumApplication,
		Tags:    set,
	})
	if err != nil {
		return Resource{}, fmt.Errorf("create load balancer %s: %w", name, err)
	}
	if len(out.LoadBalancers) == 0 {
		return Resource{}, errors.New("no load balancer created")
	}
	return fromLB(out.LoadBalancers[0]), nil
}

func (c *Client) remove(ctx context.Context, id string) error {
	_, err := c.api.DeleteLoadBalancer(ctx, &sdk.DeleteLoadBalancerInput{LoadBalancerArn: aws.String(id)})
	return err
}

// TargetGroups returns the ARNs of the load balancer's target groups.
func (c *Client) TargetGroups(ctx context.Context, lbARN string) ([]string, error) {
	out, err := c.api.DescribeTargetGroups(ctx, &sdk.DescribeTargetGroupsInput{LoadBalancerArn: aws.String(lbARN)})
	if err != nil {
		return nil, err
	}
	var arns []string
	for _, tg := range out.TargetGroups {
		arns = append(arns, aws.ToString(tg.TargetGroupArn))
	}
	return arns, nil
}

// Register registers targets on a port.
func (c *Client) Register(ctx context.Context, tgARN string, ids []string, port int32) error {
	var ts []sdktypes.TargetDescription
	for _, id := range ids {
		ts = append(ts, sdktypes.TargetDescription{Id: aws.String(id), Port: aws.Int32(port)})
	}
	_, err := c.api.RegisterTargets(ctx, &sdk.RegisterTargetsInput{TargetGroupArn: aws.String(tgARN), Targets: ts})
	return err
}
`},
	{Dir: "secretsmanager", Import: "github.com/aws/aws-sdk-go-v2/service/secretsmanager", Noun: "secret", Ops: `
func (c *Client) list(ctx context.Context, prefix string) ([]Resource, error) {
	p := sdk.NewListSecretsPaginator(c.api, &sdk.ListSecretsInput{
		Filters: []sdktypes.Filter{{Key: sdktypes.FilterNameStringTypeName, Values: []string{prefix}}},
	})
	var out []Resource
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("list secrets: %w", err)
		}
		for _, s := range page.SecretList {
			r := Resource{ID: aws.ToString(s.ARN), Name: aws.ToString(s.Name), ARN: aws.ToString(s.ARN), State: "active", Tags: map[string]string{}}
			for _, t := range s.Tags {
				r.Tags[aws.ToString(t.Key)] = aws.ToString(t.Value)
			}
			if s.CreatedDate != nil {
				r.Created = *s.CreatedDate
			}
			out = append(out, r)
		}
	}
	return out, nil
}

func (c *Client) ensure(ctx context.Context, name string, tags map[string]string) (Resource, error) {
	got, err := c.api.DescribeSecret(ctx, &sdk.DescribeSecretInput{SecretId: aws.String(name)})
	if err == nil {
		return Resource{ID: aws.ToString(got.ARN), Name: aws.ToString(got.Name), ARN: aws.ToString(got.ARN), State: "active"}, nil
	}
	var set []sdktypes.Tag
	for _, kv := range sortedTags(tags) {
		set = append(set, sdktypes.Tag{Key: aws.String(kv.Key), Value: aws.String(kv.Value)})
	}
	out, err := c.api.CreateSecret(ctx, &sdk.CreateSecretInput{Name: aws.String(name), Description: aws.String("managed by the operator"), Tags: set})
	if err != nil {
		return Resource{}, fmt.Errorf("create secret %s: %w", name, err)
	}
	return Resource{ID: aws.ToString(out.ARN), Name: name, ARN: aws.ToString(out.ARN), State: "created", Tags: tags}, nil
}

func (c *Client) remove(ctx context.Context, id string) error {
	_, err := c.api.DeleteSecret(ctx, &sdk.DeleteSecretInput{SecretId: aws.String(id), RecoveryWindowInDays: aws.Int64(7)})
	return err
}

// Value returns the secret's string value.
func (c *Client) Value(ctx context.Context, id string) (string, error) {
	out, err := c.api.GetSecretValue(ctx, &sdk.GetSecretValueInput{SecretId: aws.String(id)})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.SecretString), nil
}

// Rotate starts the secret's rotation.
func (c *Client) Rotate(ctx context.Context, id string) error {
	_, err := c.api.RotateSecret(ctx, &sdk.RotateSecretInput{SecretId: aws.String(id)})
	return err
}
`},
	{Dir: "sqs", Import: "github.com/aws/aws-sdk-go-v2/service/sqs", Noun: "queue", Ops: `
func (c *Client) list(ctx context.Context, prefix string) ([]Resource, error) {
	p := sdk.NewListQueuesPaginator(c.api, &sdk.ListQueuesInput{QueueNamePrefix: aws.String(prefix)})
	var out []Resource
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("list queues: %w", err)
		}
		for _, u := range page.QueueUrls {
			name := u[strings.LastIndex(u, "/")+1:]
			out = append(out, Resource{ID: u, Name: name, State: "active"})
		}
	}
	return out, nil
}

func (c *Client) ensure(ctx context.Context, name string, tags map[string]string) (Resource, error) {
	out, err := c.api.CreateQueue(ctx, &sdk.CreateQueueInput{
		QueueName:  aws.String(name),
		Attributes: map[string]string{string(sdktypes.QueueAttributeNameVisibilityTimeout): "60"},
		Tags:       tags,
	})
	if err != nil {
		return Resource{}, fmt.Errorf("create queue %s: %w", name, err)
	}
	return Resource{ID: aws.ToString(out.QueueUrl), Name: name, State: "active", Tags: tags}, nil
}

func (c *Client) remove(ctx context.Context, id string) error {
	_, err := c.api.DeleteQueue(ctx, &sdk.DeleteQueueInput{QueueUrl: aws.String(id)})
	return err
}

// Send sends one message.
func (c *Client) Send(ctx context.Context, url, body string) (string, error) {
	out, err := c.api.SendMessage(ctx, &sdk.SendMessageInput{QueueUrl: aws.String(url), MessageBody: aws.String(body)})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.MessageId), nil
}

// Drain receives up to max messages, hands each to f and deletes those f accepts.
func (c *Client) Drain(ctx context.Context, url string, max int32, f func(string) bool) (int, error) {
	out, err := c.api.ReceiveMessage(ctx, &sdk.ReceiveMessageInput{QueueUrl: aws.String(url), MaxNumberOfMessages: max, WaitTimeSeconds: 10})
	if err != nil {
		return 0, err
	}
	n := 0
	for _, m := range out.Messages {
		if !f(aws.ToString(m.Body)) {
			continue
		}
		if _, err := c.api.DeleteMessage(ctx, &sdk.DeleteMessageInput{QueueUrl: aws.String(url), ReceiptHandle: m.ReceiptHandle}); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}
`},
	{Dir: "kms", Import: "github.com/aws/aws-sdk-go-v2/service/kms", Noun: "key", Ops: `
func (c *Client) list(ctx context.Context, prefix string) ([]Resource, error) {
	p := sdk.NewListAliasesPaginator(c.api, &sdk.ListAliasesInput{})
	var out []Resource
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("list aliases: %w", err)
		}
		for _, a := range page.Aliases {
			name := strings.TrimPrefix(aws.ToString(a.AliasName), "alias/")
			if strings.HasPrefix(name, prefix) {
				out = append(out, Resource{ID: aws.ToString(a.TargetKeyId), Name: name, ARN: aws.ToString(a.AliasArn), State: "enabled"})
			}
		}
	}
	return out, nil
}

func (c *Client) ensure(ctx context.Context, name string, tags map[string]string) (Resource, error) {
	found, err := c.list(ctx, name)
	if err != nil {
		return Resource{}, err
	}
	for _, r := range found {
		if r.Name == name {
			return r, nil
		}
	}
	var set []sdktypes.Tag
	for _, kv := range sortedTags(tags) {
		set = append(set, sdktypes.Tag{TagKey: aws.String(kv.Key), TagValue: aws.String(kv.Value)})
	}
	out, err := c.api.CreateKey(ctx, &sdk.CreateKeyInput{Description: aws.String(name), Tags: set})
	if err != nil {
		return Resource{}, fmt.Errorf("create key %s: %w", name, err)
	}
	id := aws.ToString(out.KeyMetadata.KeyId)
	if _, err := c.api.CreateAlias(ctx, &sdk.CreateAliasInput{AliasName: aws.String("alias/" + name), TargetKeyId: aws.String(id)}); err != nil {
		return Resource{}, err
	}
	return Resource{ID: id, Name: name, ARN: aws.ToString(out.KeyMetadata.Arn), State: string(out.KeyMetadata.KeyState), Tags: tags}, nil
}

func (c *Client) remove(ctx context.Context, id string) error {
	_, err := c.api.ScheduleKeyDeletion(ctx, &sdk.ScheduleKeyDeletionInput{KeyId: aws.String(id), PendingWindowInDays: aws.Int32(7)})
	return err
}

// Seal encrypts data under the key.
func (c *Client) Seal(ctx context.Context, keyID string, data []byte) ([]byte, error) {
	out, err := c.api.Encrypt(ctx, &sdk.EncryptInput{KeyId: aws.String(keyID), Plaintext: data})
	if err != nil {
		return nil, err
	}
	return out.CiphertextBlob, nil
}

// Open decrypts data.
func (c *Client) Open(ctx context.Context, blob []byte) ([]byte, error) {
	out, err := c.api.Decrypt(ctx, &sdk.DecryptInput{CiphertextBlob: blob})
	if err != nil {
		return nil, err
	}
	return out.Plaintext, nil
}
`},
	{Dir: "dynamodb", Import: "github.com/aws/aws-sdk-go-v2/service/dynamodb", Noun: "table", Ops: `
func (c *Client) list(ctx context.Context, prefix string) ([]Resource, error) {
	p := sdk.NewListTablesPaginator(c.api, &sdk.ListTablesInput{})
	var out []Resource
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("list tables: %w", err)
		}
		for _, t := range page.TableNames {
			if strings.HasPrefix(t, prefix) {
				out = append(out, Resource{ID: t, Name: t, State: "unknown"})
			}
		}
	}
	return out, nil
}

func (c *Client) ensure(ctx context.Context, name string, tags map[string]string) (Resource, error) {
	got, err := c.api.DescribeTable(ctx, &sdk.DescribeTableInput{TableName: aws.String(name)})
	if err == nil && got.Table != nil {
		return Resource{ID: name, Name: name, ARN: aws.ToString(got.Table.TableArn), State: string(got.Table.TableStatus)}, nil
	}
	var set []sdktypes.Tag
	for _, kv := range sortedTags(tags) {
		set = append(set, sdktypes.Tag{Key: aws.String(kv.Key), Value: aws.String(kv.Value)})
	}
	out, err := c.api.CreateTable(ctx, &sdk.CreateTableInput{
		TableName:            aws.String(name),
		BillingMode:          sdktypes.BillingModePayPerRequest,
		AttributeDefinitions: []sdktypes.AttributeDefinition{{AttributeName: aws.String("id"), AttributeType: sdktypes.ScalarAttributeTypeS}},
		KeySchema:            []sdktypes.KeySchemaElement{{AttributeName: aws.String("id"), KeyType: sdktypes.KeyTypeHash}},
		Tags:                 set,
	})
	if err != nil {
		return Resource{}, fmt.Errorf("create table %s: %w", name, err)
	}
	return Resource{ID: name, Name: name, ARN: aws.ToString(out.TableDescription.TableArn), State: string(out.TableDescription.TableStatus), Tags: tags}, nil
}

func (c *Client) remove(ctx context.Context, id string) error {
	_, err := c.api.DeleteTable(ctx, &sdk.DeleteTableInput{TableName: aws.String(id)})
	return err
}

// Get reads one item's string attributes.
func (c *Client) Get(ctx context.Context, table, id string) (map[string]string, error) {
	out, err := c.api.GetItem(ctx, &sdk.GetItemInput{TableName: aws.String(table), Key: map[string]sdktypes.AttributeValue{"id": &sdktypes.AttributeValueMemberS{Value: id}}})
	if err != nil {
		return nil, err
	}
	res := make(map[string]string)
	for k, v := range out.Item {
		if s, ok := v.(*sdktypes.AttributeValueMemberS); ok {
			res[k] = s.Value
		}
	}
	return res, nil
}

// Put writes one item of string attributes.
func (c *Client) Put(ctx context.Context, table string, item map[string]string) error {
	av := make(map[string]sdktypes.AttributeValue, len(item))
	for k, v := range item {
		av[k] = &sdktypes.AttributeValueMemberS{Value: v}
	}
	_, err := c.api.PutItem(ctx, &sdk.PutItemInput{TableName: aws.String(table), Item: av})
	return err
}
`},
	{Dir: "ecr", Import: "github.com/aws/aws-sdk-go-v2/service/ecr", Noun: "repository", Ops: `
func fromRepo(r sdktypes.Repository) Resource {
	res := Resource{ID: aws.ToString(r.RepositoryName), Name: aws.ToString(r.RepositoryName), ARN: aws.ToString(r.RepositoryArn), State: "active"}
	if r.CreatedAt != nil {
		res.Created = *r.CreatedAt
	}
	return res
}

func (c *Client) list(ctx context.Context, prefix string) ([]Resource, error) {
	p := sdk.NewDescribeRepositoriesPaginator(c.api, &sdk.DescribeRepositoriesInput{})
	var out []Resource
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("describe repositories: %w", err)
		}
		for _, r := range page.Repositories {
			if strings.HasPrefix(aws.ToString(r.RepositoryName), prefix) {
				out = append(out, fromRepo(r))
			}
		}
	}
	return out, nil
}

func (c *Client) ensure(ctx context.Context, name string, tags map[string]string) (Resource, error) {
	got, err := c.api.DescribeRepositories(ctx, &sdk.DescribeRepositoriesInput{RepositoryNames: []string{name}})
	if err == nil && len(got.Repositories) > 0 {
		return fromRepo(got.Repositories[0]), nil
	}
	var set []sdktypes.Tag
	for _, kv := range sortedTags(tags) {
		set = append(set, sdktypes.Tag{Key: aws.String(kv.Key), Value: aws.String(kv.Value)})
	}
	out, err := c.api.CreateRepository(ctx, &sdk.CreateRepositoryInput{RepositoryName: aws.String(name), ImageTagMutability: sdktypes.ImageTagMutabilityImmutable, Tags: set})
	if err != nil {
		return Resource{}, fmt.Errorf("create repository %s: %w", name, err)
	}
	return fromRepo(*out.Repository), nil
}

func (c *Client) remove(ctx context.Context, id string) error {
	_, err := c.api.DeleteRepository(ctx, &sdk.DeleteRepositoryInput{RepositoryName: aws.String(id), Force: true})
	return err
}

// Images lists the repository's image tags.
func (c *Client) Images(ctx context.Context, repo string) ([]string, error) {
	p := sdk.NewListImagesPaginator(c.api, &sdk.ListImagesInput{RepositoryName: aws.String(repo)})
	var tags []string
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, id := range page.ImageIds {
			if id.ImageTag != nil {
				tags = append(tags, *id.ImageTag)
			}
		}
	}
	sort.Strings(tags)
	return tags, nil
}
`},
}
