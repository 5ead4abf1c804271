package singletonclient

import (
	_ "embed"
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/tokenlint/tokenlint/internal/analysisutil"
	"github.com/tokenlint/tokenlint/internal/catalog"
	"github.com/tokenlint/tokenlint/internal/engine"
)

//go:embed doc.go
var doc string

// URL is the rule's page.
const URL = "https://github.com/tokenlint/tokenlint/blob/main/docs/singletonclient.md"

// Analyzer reports process-wide S3 clients whose credentials cannot refresh.
var Analyzer = &analysis.Analyzer{
	Name:     "singletonclient",
	Doc:      analysisutil.MustExtractDoc(doc, "singletonclient"),
	URL:      URL,
	Requires: []*analysis.Analyzer{engine.Analyzer},
	Run:      analysisutil.Guard(run),
}

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
	analysisutil.UnusedDirectivesFlag(Analyzer, &reportUnused)
	Analyzer.Flags.Var(&services, "services",
		"which clients the rule covers: s3 (S3 clients, transfer managers, uploaders, presign clients) or all (every AWS service client)")
}

const fix = "build the config with config.LoadDefaultConfig, or with a refreshing provider such as aws.NewCredentialsCache(stscreds.NewAssumeRoleProvider(stsClient, roleARN))"

// reportUnused enables reports of directives that suppress nothing.
var reportUnused = true

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[engine.Analyzer].(*engine.Result)
	if res.Err != nil {
		return nil, res.Err
	}
	if res.Foreign {
		return nil, nil // the standard library or the SDK
	}
	r := analysisutil.NewReporter(pass)
	defer r.Finish(reportUnused)
	for _, f := range res.Findings {
		if f.Kind != engine.Singleton || (services == "s3" && !catalog.IsS3Client(f.Client)) {
			continue
		}
		where := f.Sink
		if f.Via != "" {
			where += " (through " + f.Via + ")"
		}
		msg := fmt.Sprintf("%s holds a %s for the whole process, but its credentials come from %s and cannot refresh: every request fails with ExpiredToken once the session ends; %s",
			where, f.Client, f.Frozen, fix)
		r.Report(analysis.Diagnostic{Pos: f.Pos, End: f.End, Category: "singletonclient", Message: msg, URL: URL})
	}
	return nil, nil
}
