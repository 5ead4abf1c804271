package main_test

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/internal/clitest"
)

// TestTrailAcrossPackages: package app builds a static provider from what
// broker.Fetch returns, and broker.Fetch calls sts AssumeRole. App's
// finding names the AssumeRole line in package broker as its source (the
// first related position), then the call of broker.Fetch in app, in the
// standalone driver and under go vet (where broker is another unit, so
// the position travels in facts), in text and in JSON; each output is
// byte-identical across two runs, and the two drivers print the same.
func TestTrailAcrossPackages(t *testing.T) {
	bin := tokenlint(t)
	brokerLine := lineOf(t, "staticcreds/broker/broker.go", "out, err := c.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String(arn)})")
	fetchLine := lineOf(t, "staticcreds/app/app.go", `s, err := broker.Fetch(ctx, sts.NewFromConfig(cfg), "arn")`)
	sinkLine := lineOf(t, "staticcreds/app/app.go", "cfg.Credentials = credentials.NewStaticCredentialsProvider(s.Key, s.Secret, s.Token)")

	twice := func(what string, f func(run int) (string, int), wantCode int) string {
		t.Helper()
		first, code := f(0)
		if code != wantCode {
			t.Fatalf("%s: exit %d, want %d\n%s", what, code, wantCode, first)
		}
		if again, _ := f(1); again != first {
			t.Errorf("%s: the second run differs from the first:\n%s\n---\n%s", what, first, again)
		}
		return first
	}
	standalone := func(args ...string) func(int) (string, int) {
		return func(int) (string, int) {
			stdout, _, code := run(t, bin, append(args, "./staticcreds/app")...)
			return stdout, code
		}
	}
	// go vet caches a tool's results by the tool's identity: each of the
	// two runs has a fresh copy, so that both analyse every unit. (Not the
	// tool earlier tests ran: after a go vet run that had broker among its
	// packages, go vet -json on app replays broker's cached, empty "{}"
	// before app's tree; that is the go command's cache, not tokenlint.)
	copies := []string{clitest.FreshCopy(t, bin), clitest.FreshCopy(t, bin)}
	vet := func(args ...string) func(int) (string, int) {
		return func(n int) (string, int) {
			stdout, stderr, code := run(t, "go", append(append([]string{"vet", "-vettool=" + copies[n]}, args...), "./staticcreds/app")...)
			if len(args) == 0 { // text goes to stderr, after a "# package" line
				var lines []string
				for _, l := range strings.SplitAfter(stderr, "\n") {
					if !strings.HasPrefix(l, "# ") {
						lines = append(lines, l)
					}
				}
				return strings.Join(lines, ""), code
			}
			return stdout, code
		}
	}

	// Text: the finding, then its trail, as go vet prints related
	// information.
	text := twice("standalone text", standalone(), 3)
	if vetText := twice("go vet text", vet(), 1); vetText != text {
		t.Errorf("go vet's text differs from the standalone driver's:\n%s\n---\n%s", vetText, text)
	}
	lines := strings.Split(text, "\n")
	at := slices.IndexFunc(lines, func(l string) bool {
		return strings.HasPrefix(l, fmt.Sprintf("staticcreds/app/app.go:%d:", sinkLine))
	})
	if at < 0 || at+2 >= len(lines) {
		t.Fatalf("no finding at app.go:%d:\n%s", sinkLine, text)
	}
	if want := fmt.Sprintf("(staticcreds/broker/broker.go:%d)", brokerLine); !strings.Contains(lines[at], want) {
		t.Errorf("the message does not name the source %s: %s", want, lines[at])
	}
	for i, rx := range []string{
		fmt.Sprintf(`^staticcreds/broker/broker\.go:%d:\d+: \tsts\.AssumeRole output$`, brokerLine),
		fmt.Sprintf(`^staticcreds/app/app\.go:%d:\d+: \treturned by broker\.Fetch$`, fetchLine),
	} {
		if !regexp.MustCompile(rx).MatchString(lines[at+1+i]) {
			t.Errorf("related line %d = %q, want %s", i, lines[at+1+i], rx)
		}
	}

	// JSON: go vet -json's tree, the same from both drivers.
	js := twice("standalone -json", standalone("-json"), 3)
	if vetJSON := twice("go vet -json", vet("-json"), 0); vetJSON != js {
		t.Errorf("go vet -json differs from tokenlint -json:\n%s\n---\n%s", vetJSON, js)
	}
	var tree map[string]map[string][]struct {
		Posn    string
		Related []struct{ Posn, Message string }
	}
	if err := json.Unmarshal([]byte(js), &tree); err != nil {
		t.Fatalf("-json: %v\n%s", err, js)
	}
	diags := tree["example.com/fixtures/staticcreds/app"]["staticcreds"]
	i := slices.IndexFunc(diags, func(d struct {
		Posn    string
		Related []struct{ Posn, Message string }
	}) bool {
		return strings.HasPrefix(d.Posn, filepath.Join(fixturesDir(t), "staticcreds", "app", "app.go")+fmt.Sprintf(":%d:", sinkLine))
	})
	if i < 0 {
		t.Fatalf("-json: no diagnostic at app.go:%d:\n%s", sinkLine, js)
	}
	rel := diags[i].Related
	if len(rel) != 2 {
		t.Fatalf("-json: related %+v, want the source and one hop", rel)
	}
	if want := filepath.Join(fixturesDir(t), "staticcreds", "broker", "broker.go") + fmt.Sprintf(":%d:", brokerLine); !strings.HasPrefix(rel[0].Posn, want) || rel[0].Message != "sts.AssumeRole output" {
		t.Errorf("-json: the source is %+v, want %s... sts.AssumeRole output", rel[0], want)
	}
	if want := filepath.Join(fixturesDir(t), "staticcreds", "app", "app.go") + fmt.Sprintf(":%d:", fetchLine); !strings.HasPrefix(rel[1].Posn, want) || rel[1].Message != "returned by broker.Fetch" {
		t.Errorf("-json: the hop is %+v, want %s... returned by broker.Fetch", rel[1], want)
	}
}
