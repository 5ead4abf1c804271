// Package version holds tokenlint's version: the one string that
// "tokenlint -version", the SARIF log's tool.driver.version and the
// golangci-lint plugin report.
//
// Version is the release this source tree is, or will be: the release
// process (docs/releasing.md) sets it in the commit that is tagged, and a
// test requires it to be the newest release in CHANGELOG.md, so the tag,
// the changelog and the binary agree.
package version

import (
	"runtime/debug"
	"strings"
)

// Version is tokenlint's release, as tagged: "v" and a semantic version.
const Version = "v0.1.0"

// Module is tokenlint's module path.
const Module = "github.com/tokenlint/tokenlint"

// String returns Version.
func String() string { return Version }

// Full returns Version followed, in parentheses, by what the build knows
// of itself: the module version the go command recorded when it differs
// (a pseudo-version for a commit between releases, "(devel)" for a
// checkout), the VCS revision of a checkout build, and the Go release.
func Full() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return Version
	}
	var extra []string
	mod := moduleVersion(bi)
	if mod != "" && mod != Version {
		extra = append(extra, "module "+mod)
	}
	var rev, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if modified == "true" {
			rev += "+dirty"
		}
		extra = append(extra, "commit "+rev)
	}
	if bi.GoVersion != "" {
		extra = append(extra, bi.GoVersion)
	}
	if len(extra) == 0 {
		return Version
	}
	return Version + " (" + strings.Join(extra, ", ") + ")"
}

// moduleVersion returns the version the go command recorded for
// tokenlint's module: the main module's for the tokenlint command, the
// dependency's for a binary that links tokenlint in (golangci-lint with
// the plugin).
func moduleVersion(bi *debug.BuildInfo) string {
	if bi.Main.Path == Module {
		return bi.Main.Version
	}
	for _, d := range bi.Deps {
		if d.Path == Module {
			if d.Replace != nil {
				if d.Replace.Version == "" {
					return "replaced by " + d.Replace.Path
				}
				return d.Replace.Version
			}
			return d.Version
		}
	}
	return ""
}
