// Package loops builds names, values and writers in loops: phis that refer
// back to themselves. A regression test: these once sent the engine into
// unbounded recursion (a stack overflow, which no recover can catch).
package loops

import "os"

// A name built in a loop is not provably a credential name.
func loopName(n int, token string) {
	name := "AWS_SESSION_"
	for i := 0; i < n; i++ {
		name = name + "X"
	}
	os.Setenv(name, token)
}

// A name chosen in a loop among constants is.
func loopChoice(n int, token string) {
	name := "AWS_REGION"
	for i := 0; i < n; i++ {
		if i == 1 {
			name = "AWS_SESSION_TOKEN"
		}
	}
	os.Setenv(name, token) // want `os\.Setenv\("AWS_SESSION_TOKEN"\)`
}

// A value read from the environment and passed around a loop is restored,
// not persisted.
func loopRestore(n int) {
	v := os.Getenv("AWS_SESSION_TOKEN")
	for i := 0; i < n; i++ {
		if i%2 == 0 {
			v = os.Getenv("AWS_SESSION_TOKEN")
		}
	}
	os.Setenv("AWS_SESSION_TOKEN", v)
}

// A value built in a loop is persisted.
func loopValue(n int, part string) {
	v := ""
	for i := 0; i < n; i++ {
		v = v + part
	}
	os.Setenv("AWS_SESSION_TOKEN", v) // want `os\.Setenv\("AWS_SESSION_TOKEN"\)`
}

// A writer chosen in a loop: a file on some path.
func loopWriter(n int, f *os.File, token string) {
	w := os.Stdout
	for i := 0; i < n; i++ {
		if i%2 == 0 {
			w = f
		}
	}
	w.WriteString("AWS_SESSION_TOKEN=" + token) // want `\(\*os\.File\)\.WriteString writes a session token as AWS_SESSION_TOKEN to disk`
}

// Standard output on every path: not reported.
func loopStdout(n int, token string) {
	w := os.Stdout
	for i := 0; i < n; i++ {
		if i%2 == 0 {
			w = os.Stderr
		}
	}
	w.WriteString("AWS_SESSION_TOKEN=" + token)
}
