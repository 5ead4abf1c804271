package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/tokenlint/tokenlint/internal/analysisutil"
	"github.com/tokenlint/tokenlint/internal/driver"
)

// analyze runs the analyzers on the packages matched by patterns, with
// the standalone driver (internal/driver: go vet's unit model in one
// process), and writes the findings in the chosen format.
func analyze(o options, patterns []string, stdout, stderr io.Writer) int {
	status := exitClean
	fail := func(format string, args ...any) {
		fmt.Fprintf(stderr, "tokenlint: "+format+"\n", args...)
		status = exitError
	}
	enableSlowNotice(o.format, stderr)
	var buildFlags []string
	if o.tags != "" {
		buildFlags = append(buildFlags, "-tags="+o.tags)
	}
	res, err := driver.Run(driver.Config{
		Analyzers:  o.enabled,
		Tests:      o.tests,
		BuildFlags: buildFlags,
		Load:       load,
		Cache:      openCache(o, stderr),
	}, patterns...)
	if err != nil {
		fail("%s", loadError(err))
		return exitError
	}
	for _, msg := range res.Errors {
		fail("%s", msg)
	}
	if len(res.Packages) == 0 {
		if status == exitClean {
			fail("no packages to analyse in %s", strings.Join(patterns, " "))
		}
		return status
	}
	fset := res.Fset
	result := res.Packages

	diags := collect(fset, o.enabled, result)
	sortFindings(diags)
	fingerprint(diags)
	diags, status, done := o.baseline.apply(fset, diags, result, status, stderr)
	if done {
		return status
	}

	var err2 error
	switch o.format {
	case "json":
		err2 = writeJSON(stdout, fset, o.enabled, result)
	case "sarif":
		err2 = writeSARIF(stdout, fset, fileNames{res}, o.enabled, diags, status != exitError)
	case "github":
		writeGitHub(stdout, diags)
	case formatFix:
		err2 = applyFixes(o, fset, diags, result, stdout, stderr)
	default:
		writeText(stdout, fset, fileNames{res}, diags)
	}
	if err2 != nil {
		fail("%v", err2)
	}
	for _, p := range result {
		for _, a := range o.enabled {
			if act := p.Actions[a.Name]; act != nil && act.Err != nil && !ignorableErr(p) {
				fail("%s: %s: %v", p.ID, a.Name, act.Err)
			}
		}
	}
	if status == exitClean && len(diags) > 0 && o.format != formatFix {
		status = exitFindings
	}
	return status
}

// openCache opens the result cache (driver.CacheEnv); a cache that cannot
// be opened is said once and the run goes on without it.
func openCache(o options, stderr io.Writer) *driver.Cache {
	dir := driver.DefaultCacheDir()
	if dir == "" {
		return nil
	}
	// The key covers the analyzers' flags and the configuration; the
	// -exports switch, which changes how findings are phrased, goes with
	// the configuration.
	key := append([]byte("exports="+string(analysisutil.Exports)+"\x00"), o.config...)
	c, err := driver.OpenCache(dir, o.enabled, key)
	if err != nil {
		fmt.Fprintf(stderr, "tokenlint: running without the result cache: %v (set %s=off to say so)\n", err, driver.CacheEnv)
		return nil
	}
	return c
}
