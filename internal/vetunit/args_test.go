package vetunit

import (
	"os"
	"path/filepath"
	"testing"
)

// TestUnitFile: Light takes only a unit's invocation, and none that
// installs the user's catalogue.
func TestUnitFile(t *testing.T) {
	for _, c := range []struct {
		args []string
		ok   bool
	}{
		{[]string{"/tmp/b001/vet.cfg"}, true},
		{[]string{"-staticcreds=false", "-json", "/tmp/b001/vet.cfg"}, true},
		{[]string{"-V=full"}, false},
		{[]string{"-flags"}, false},
		{nil, false},
		{[]string{"-config=/etc/tokenlint.yml", "/tmp/b001/vet.cfg"}, false},
		{[]string{"--config.sha256=00", "/tmp/b001/vet.cfg"}, false},
		{[]string{"-tokenlintengine.catalog=x", "/tmp/b001/vet.cfg"}, false},
	} {
		if _, ok := unitFile(c.args); ok != c.ok {
			t.Errorf("unitFile(%q) ok = %v, want %v", c.args, ok, c.ok)
		}
	}
}

// TestLightDeclines: anything unexpected goes to unitchecker, with
// nothing written.
func TestLightDeclines(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	src := write("a.go", "package a\n")
	bad := write("bad.go", "package a\n\nvar X int = \"s\"\n")
	out := filepath.Join(dir, "vet.out")
	short := write("short.vetx", "vetx")
	for name, cfg := range map[string]string{
		"not JSON":           "{",
		"diagnostics wanted": `{"ImportPath":"example.com/a","GoFiles":["` + src + `"],"VetxOnly":false,"VetxOutput":"` + out + `"}`,
		"no files":           `{"ImportPath":"example.com/a","VetxOnly":true,"VetxOutput":"` + out + `"}`,
		"bad vetx":           `{"ImportPath":"example.com/a","GoFiles":["` + src + `"],"VetxOnly":true,"VetxOutput":"` + out + `","PackageVetx":{"strings":"` + short + `"}}`,
		"type error":         `{"ImportPath":"example.com/a","GoFiles":["` + bad + `"],"VetxOnly":true,"VetxOutput":"` + out + `"}`,
		"missing file":       `{"ImportPath":"example.com/a","GoFiles":["` + filepath.Join(dir, "gone.go") + `"],"VetxOnly":true,"VetxOutput":"` + out + `"}`,
	} {
		if Light([]string{write("vet.cfg", cfg)}) {
			t.Errorf("%s: Light handled it", name)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%s: Light wrote %s", name, out)
			os.Remove(out)
		}
	}
	// The same unit, well formed, is handled: a file of the package's
	// types and no facts.
	if !Light([]string{write("vet.cfg", `{"ImportPath":"example.com/a","GoFiles":["`+src+`"],"VetxOnly":true,"VetxOutput":"`+out+`","GoVersion":"go1.26"}`)}) {
		t.Fatal("a well-formed unit that cannot carry credentials: Light declined it")
	}
	v, err := readVetx(map[string]string{"example.com/a": out})
	if err != nil || len(v["example.com/a"].types) == 0 || len(v["example.com/a"].facts) != 0 {
		t.Errorf("Light's vetx file: %v, %d bytes of types, %d of facts; want types and no facts", err, len(v["example.com/a"].types), len(v["example.com/a"].facts))
	}
	t.Setenv(DisableEnv, "1")
	if Light([]string{filepath.Join(dir, "vet.cfg")}) {
		t.Errorf("with %s set, Light handled a unit", DisableEnv)
	}
}
