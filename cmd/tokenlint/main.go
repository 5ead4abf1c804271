// The tokenlint command finds AWS credentials that cannot refresh.
//
// Standalone:
//
//	tokenlint ./...
//	tokenlint -json ./...
//
// As a go vet tool, with the same findings:
//
//	go vet -vettool=$(command -v tokenlint) ./...
//
// Exit status: 0 when clean, 1 on errors (bad flags, packages that do not
// load or type-check), 3 when there are findings, 128+signal when stopped
// by SIGINT or SIGTERM. With -fix or -diff (see fix.go), as in x/tools: 0
// when every fix applied, 1 on errors.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/tokenlint/tokenlint/analyzers"
	"github.com/tokenlint/tokenlint/internal/analysisutil"
	tlversion "github.com/tokenlint/tokenlint/internal/version"
	"github.com/tokenlint/tokenlint/internal/vetunit"
)

// Exit codes, as in the x/tools multichecker.
const (
	exitClean    = 0
	exitError    = 1
	exitFindings = 3
)

func main() {
	all := analyzers.All()
	if isVetInvocation(os.Args[1:]) {
		// go vet's protocol: -V=full, -flags, then one *.cfg per package.
		// A dependency that cannot carry credentials needs only its types.
		if vetunit.Light(os.Args[1:]) {
			os.Exit(exitClean)
		}
		configFlagOn(flag.CommandLine, true)
		analysisutil.RegisterExports(flag.CommandLine)
		unitchecker.Main(all...)
		return
	}
	handleSignals()
	os.Exit(run(os.Args[1:], all, os.Stdout, os.Stderr))
}

// isVetInvocation reports whether go vet is driving the tool.
func isVetInvocation(args []string) bool {
	for _, a := range args {
		if a == "-V=full" || a == "--V=full" || a == "-flags" || a == "--flags" || strings.HasSuffix(a, ".cfg") {
			return true
		}
	}
	return false
}

// options are the standalone driver's settings.
type options struct {
	dir      string
	format   string
	tests    bool
	tags     string
	fix      bool // apply suggested fixes (fix.go)
	diff     bool // print them as a unified diff
	enabled  []*analysis.Analyzer
	baseline baselineOptions
	config   []byte // the -config file's content, for the result cache
}

func run(args []string, all []*analysis.Analyzer, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "help" {
		return help(args[1:], all, stdout, stderr)
	}
	fs, opts, finish := newFlagSet(all, stderr)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitClean
		}
		return exitError // the flag package printed the error and usage
	}
	if *opts.version || *opts.longVersion {
		fmt.Fprintf(stdout, "tokenlint version %s\n", tlversion.Full())
		return exitClean
	}
	o, err := finish()
	if err != nil {
		fmt.Fprintf(stderr, "tokenlint: %v\n", err)
		return exitError
	}
	if o.dir != "" {
		if err := os.Chdir(o.dir); err != nil {
			fmt.Fprintf(stderr, "tokenlint: -C: %v\n", err)
			return exitError
		}
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		patterns = []string{"."}
	}
	for _, p := range patterns {
		if strings.TrimSpace(p) == "" {
			fmt.Fprintln(stderr, "tokenlint: empty package pattern")
			return exitError
		}
	}
	return analyze(o, patterns, stdout, stderr)
}

type flagResult struct {
	version, longVersion *bool
}

// newFlagSet defines the standalone flags: output, package selection,
// one switch per analyzer and each analyzer's own flags, prefixed with
// its name, as go vet spells them.
func newFlagSet(all []*analysis.Analyzer, stderr io.Writer) (*flag.FlagSet, flagResult, func() (options, error)) {
	fs := flag.NewFlagSet("tokenlint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	fs.StringVar(&o.dir, "C", "", "change to `dir` before loading packages, as 'go -C dir' does")
	fs.StringVar(&o.format, "format", "text", "output `format`: text (file:line:col: message), json (go vet -json's tree), sarif (SARIF 2.1.0 for code scanning), github (GitHub Actions annotations)")
	jsonAlias := fs.Bool("json", false, "print findings as JSON, in the same tree as 'go vet -json' (same as -format=json)")
	fs.BoolVar(&o.tests, "test", true, "also analyse the packages' _test.go files")
	fs.StringVar(&o.tags, "tags", "", "comma-separated build tags, as for 'go build -tags'")
	fs.BoolVar(&o.fix, "fix", false, "apply the findings' suggested fixes to the files, and print no findings")
	fs.BoolVar(&o.diff, "diff", false, "print the suggested fixes as a unified diff, and write nothing")
	o.baseline.register(fs)
	res := flagResult{
		version:     fs.Bool("V", false, "print the version and exit (go vet's -V=full is its protocol's, and stays so)"),
		longVersion: fs.Bool("version", false, "print the version and exit (also --version)"),
	}
	cfg := configFlagOn(fs, false)
	analysisutil.RegisterExports(fs)
	enable := make(map[string]*triState)
	for _, a := range all {
		t := new(triState)
		enable[a.Name] = t
		fs.Var(t, a.Name, fmt.Sprintf("enable the %s analyzer (%s); naming any analyzer =true runs only those named", a.Name, title(a.Doc)))
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	fs.Usage = func() {
		fmt.Fprintf(stderr, "tokenlint finds AWS credentials that cannot refresh (ExpiredToken / TokenRefreshRequired before they happen).\n\n")
		fmt.Fprintf(stderr, "Usage:\n  tokenlint [flags] [packages]      (default package: .)\n  go vet -vettool=$(command -v tokenlint) [flags] [packages]\n  tokenlint help [analyzer]\n\n")
		fmt.Fprintf(stderr, "Exit status: 0 clean, 1 error, 3 findings.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	finish := func() (options, error) {
		if *jsonAlias {
			o.format = "json"
		}
		if err := o.baseline.check(); err != nil {
			return o, err
		}
		switch o.format {
		case "text", "json", "sarif", "github":
		default:
			return o, fmt.Errorf("-format=%s: want text, json, sarif or github", o.format)
		}
		if err := checkFixFlags(&o); err != nil {
			return o, err
		}
		anyTrue := false
		for _, t := range enable {
			if t.set && t.value {
				anyTrue = true
			}
		}
		for _, a := range all {
			t := enable[a.Name]
			if (anyTrue && t.set && t.value) || (!anyTrue && !(t.set && !t.value)) {
				o.enabled = append(o.enabled, a)
			}
		}
		if len(o.enabled) == 0 {
			return o, errors.New("every analyzer is disabled: nothing to run")
		}
		err := cfg.load()
		o.config = cfg.data
		return o, err
	}
	return fs, res, finish
}

// triState is a boolean flag that remembers whether it was set.
type triState struct{ set, value bool }

func (t *triState) String() string {
	if t == nil || !t.set {
		return ""
	}
	return fmt.Sprint(t.value)
}

func (t *triState) Set(s string) error {
	switch strings.ToLower(s) {
	case "true", "1", "t":
		t.value = true
	case "false", "0", "f":
		t.value = false
	default:
		return fmt.Errorf("want true or false, got %q", s)
	}
	t.set = true
	return nil
}

func (t *triState) IsBoolFlag() bool { return true }

// title returns the first paragraph of an analyzer's doc.
func title(doc string) string {
	t, _, _ := strings.Cut(doc, "\n\n")
	return strings.TrimSpace(t)
}

func help(args []string, all []*analysis.Analyzer, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintf(stdout, "tokenlint finds AWS credentials that cannot refresh, before requests fail with\nExpiredToken or TokenRefreshRequired.\n\n")
		fmt.Fprintf(stdout, "Usage:\n  tokenlint [flags] [packages]\n  go vet -vettool=$(command -v tokenlint) [flags] [packages]\n\nAnalyzers:\n")
		for _, a := range all {
			fmt.Fprintf(stdout, "  %-16s %s\n", a.Name, title(a.Doc))
		}
		fmt.Fprintf(stdout, "\nRun 'tokenlint help NAME' for an analyzer's documentation, 'tokenlint -help' for the flags.\n")
		return exitClean
	}
	status := exitClean
	for _, name := range args {
		i := slices.IndexFunc(all, func(a *analysis.Analyzer) bool { return a.Name == name })
		if i < 0 {
			fmt.Fprintf(stderr, "tokenlint: no analyzer named %q\n", name)
			status = exitError
			continue
		}
		a := all[i]
		fmt.Fprintf(stdout, "%s: %s\n", a.Name, a.Doc)
		if a.URL != "" {
			fmt.Fprintf(stdout, "\nMore: %s\n", a.URL)
		}
		first := true
		a.Flags.VisitAll(func(f *flag.Flag) {
			if first {
				fmt.Fprintf(stdout, "\nFlags:\n")
				first = false
			}
			fmt.Fprintf(stdout, "  -%s.%s\n    \t%s\n", a.Name, f.Name, f.Usage)
		})
	}
	return status
}

// version is the release tokenlint reports, in SARIF too.
func version() string { return tlversion.String() }
