// Command printed is secretlog's specification: each case function prints
// something built from temporary credentials, the way services do, and
// secretlog must report it if and only if the secret's bytes really reach
// the output. analyzers/secretlog's TestPrinted builds this program, runs
// every case in a process of its own against a local STS endpoint that
// hands out known credentials, and compares what each case printed with
// what secretlog reported in it.
//
// usage: printed CASE
package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"sort"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	v1aws "github.com/aws/aws-sdk-go/aws"
	v1creds "github.com/aws/aws-sdk-go/aws/credentials"
	v1stscreds "github.com/aws/aws-sdk-go/aws/credentials/stscreds"
	"github.com/aws/aws-sdk-go/aws/session"
	v1sts "github.com/aws/aws-sdk-go/service/sts"
)

// The credentials the local STS endpoint issues. TestPrinted looks for
// these bytes in each case's output.
const (
	issuedKeyID  = "ASIAPRINTEDEXAMPLE01"
	issuedSecret = "printedSecretAccessKey0123456789abcdefXY"
	issuedToken  = "IQoJb3JpZ2luX2VjEPRINTEDSESSIONTOKEN0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	roleARN      = "arn:aws:iam::123456789012:role/printed"
)

const assumeRoleResponse = `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <AssumedRoleUser>
      <Arn>arn:aws:sts::123456789012:assumed-role/printed/case</Arn>
      <AssumedRoleId>AROAPRINTED:case</AssumedRoleId>
    </AssumedRoleUser>
    <Credentials>
      <AccessKeyId>` + issuedKeyID + `</AccessKeyId>
      <SecretAccessKey>` + issuedSecret + `</SecretAccessKey>
      <SessionToken>` + issuedToken + `</SessionToken>
      <Expiration>2030-01-01T00:00:00Z</Expiration>
    </Credentials>
  </AssumeRoleResult>
  <ResponseMetadata><RequestId>printed</RequestId></ResponseMetadata>
</AssumeRoleResponse>`

// env is what a case gets: clients of both SDKs that call the local STS
// endpoint, and a config whose provider assumes the role there.
type env struct {
	sts   *sts.Client
	cfg   aws.Config
	v1sts *v1sts.STS
	v1    *session.Session
}

func main() {
	if len(os.Args) != 2 || cases[os.Args[1]] == nil {
		names := make([]string, 0, len(cases))
		for n := range cases {
			names = append(names, n)
		}
		sort.Strings(names)
		fmt.Fprintf(os.Stderr, "usage: printed CASE\ncases: %s\n", strings.Join(names, " "))
		os.Exit(2)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/xml")
		fmt.Fprint(w, assumeRoleResponse)
	}))
	defer srv.Close()

	base := aws.Config{
		Region:       "us-east-1",
		Credentials:  credentials.NewStaticCredentialsProvider("AKIDBASEEXAMPLE", "base-secret", ""),
		BaseEndpoint: aws.String(srv.URL),
	}
	e := &env{sts: sts.NewFromConfig(base), cfg: base.Copy()}
	e.cfg.Credentials = aws.NewCredentialsCache(stscreds.NewAssumeRoleProvider(e.sts, roleARN))
	e.v1 = session.Must(session.NewSession(&v1aws.Config{
		Region:      v1aws.String("us-east-1"),
		Endpoint:    v1aws.String(srv.URL),
		Credentials: v1creds.NewStaticCredentials("AKIDBASEEXAMPLE", "base-secret", ""),
	}))
	e.v1sts = v1sts.New(e.v1)
	e.v1.Config.Credentials = v1stscreds.NewCredentials(e.v1, roleARN)

	cases[os.Args[1]](context.Background(), e)
}
