package singletonclient

import (
	_ "embed"
	"fmt"

	"github.com/tokenlint/tokenlint/internal/analysisutil"
	"github.com/tokenlint/tokenlint/internal/catalog"
	"github.com/tokenlint/tokenlint/internal/engine"
)

//go:embed doc.go
var doc string

// Analyzer reports process-wide S3 clients whose credentials cannot refresh.
var Analyzer = analysisutil.NewAnalyzer("singletonclient", doc, message)

// services selects the clients the rule covers.
var services = servicesFlag("s3")

type servicesFlag string

func (f *servicesFlag) String() string { return string(*f) }

func (f *servicesFlag) Set(s string) error {
	if s != "s3" && s != "all" {
		return fmt.Errorf("want s3 or all, got %q", s)
	}
	*f = servicesFlag(s)
	return nil
}

func init() {
	Analyzer.Flags.Var(&services, "services",
		"which clients the rule covers: s3 (S3 clients, transfer managers, uploaders, presign clients) or all (every AWS service client)")
}

const fix = "build it from config.LoadDefaultConfig or a refreshing provider (aws.NewCredentialsCache(stscreds.NewAssumeRoleProvider(...)))"

func message(f engine.Finding) string {
	if f.Kind != engine.Singleton || (services == "s3" && !catalog.IsS3Client(f.Client) && !f.UserClient) {
		return ""
	}
	where := f.Sink
	if f.Via != "" {
		where += " (through " + f.Via + ")"
	}
	frozen := f.Frozen
	if p := analysisutil.SourcePlace(f); p != "" {
		frozen += " (" + p + ")"
	}
	return fmt.Sprintf("%s holds a %s for the whole process, but its credentials come from %s and cannot refresh: requests fail with ExpiredToken once the session ends; %s",
		where, f.Client, frozen, fix)
}
