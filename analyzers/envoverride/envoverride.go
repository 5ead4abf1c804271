package envoverride

import (
	_ "embed"
	"fmt"

	"github.com/tokenlint/tokenlint/internal/analysisutil"
	"github.com/tokenlint/tokenlint/internal/engine"
)

//go:embed doc.go
var doc string

// Analyzer reports session tokens persisted to the environment or to disk.
var Analyzer = analysisutil.NewAnalyzer("envoverride", doc, message)

// checkExec enables the child-process part of the rule.
var checkExec = true

func init() {
	Analyzer.Flags.BoolVar(&checkExec, "exec", true,
		"report credentials put into a child process's environment (exec.Cmd.Env, syscall.Exec); -exports=off turns this off together with the other intentional exports")
}

const (
	fixProcess = "leave credentials to the SDK's refreshing providers (the default chain, or aws.NewCredentialsCache(stscreds.NewAssumeRoleProvider(...))) instead of exporting them"
	fixChild   = "serve credentials to the child from a refreshing endpoint instead: a container-credentials endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI) or a credential_process"
	fixDisk    = "leave credentials to the SDK's refreshing providers; if another process needs them, serve them from a refreshing endpoint (a credential_process) rather than a file"
)

func message(f engine.Finding) string {
	if f.Kind == engine.EnvChild && !checkExec {
		return "" // -exports=off hides it too (analysisutil.hidden)
	}
	what := "a session token"
	if f.Name != "" {
		what = f.Name
	}
	from := ""
	if f.Source.Label != "" {
		from = " from " + analysisutil.From(f)
	}
	via := ""
	if f.Via != "" {
		via = " (through " + f.Via + ")"
	}
	switch f.Kind {
	case engine.EnvSet:
		return fmt.Sprintf("%s(%q) persists temporary credentials%s in the process environment%s: the SDK reads them once, before web identity, container and IMDS credentials, so they shadow refreshing credentials and fail with ExpiredToken when the session ends; %s",
			f.Sink, f.Name, from, via, fixProcess)
	case engine.EnvChild:
		return fmt.Sprintf("%s puts %s%s into a child process's environment%s: a child that outlives the session cannot refresh it and fails with ExpiredToken; %s (a credential tool that exports credentials to a child on purpose: -exports=off)",
			f.Sink, what, from, via, fixChild)
	case engine.DiskWrite:
		if f.Name != "" && f.Source.Label == "" {
			what = "a session token as " + f.Name
		} else if f.Name != "" {
			what = f.Name
		}
		return fmt.Sprintf("%s writes %s%s to disk%s, where it outlives its session and shadows refreshing credentials for whoever reads it, until requests fail with ExpiredToken; %s",
			f.Sink, what, from, via, fixDisk)
	}
	return ""
}
