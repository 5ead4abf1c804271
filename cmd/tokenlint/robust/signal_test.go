package robust_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tokenlint/tokenlint/internal/clitest"
	"github.com/tokenlint/tokenlint/internal/fixtures"
)

// TestSignalStopsLoad: SIGINT or SIGTERM during a cold load (an empty
// build cache, so that go list is compiling the standard library and the
// SDK) stops tokenlint at once with 128+signal, and leaves no process of
// go list's process group running.
func TestSignalStopsLoad(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc")
	}
	bin := clitest.Tokenlint(t)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			cmd := exec.Command(bin, "./staticcreds/app")
			cmd.Dir = fixtures.Dir()
			cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOCACHE="+t.TempDir(), "CI=true")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()

			// Wait until go list (tokenlint's child, leading its own
			// process group) runs a compiler.
			var group int
			var members []proc
			for deadline := time.Now().Add(2 * time.Minute); members == nil; time.Sleep(20 * time.Millisecond) {
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatal("no compiler under go list after 2 minutes")
				}
				select {
				case err := <-exited:
					t.Fatalf("tokenlint finished (%v) before it compiled anything; stderr:\n%s", err, stderr.String())
				default:
				}
				all := procs()
				for _, p := range all {
					if p.ppid == cmd.Process.Pid && p.pgrp == p.pid {
						group = p.pid
					}
				}
				for _, p := range all {
					if group != 0 && p.pgrp == group && p.comm == "compile" {
						members = inGroup(all, group)
					}
				}
			}

			start := time.Now()
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			select {
			case <-exited:
			case <-time.After(20 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("tokenlint still runs 20 s after %v", sig)
			}
			took := time.Since(start)
			if took > 5*time.Second {
				t.Errorf("tokenlint took %v to exit after %v, want well under 5 s", took, sig)
			}
			if code := cmd.ProcessState.ExitCode(); code != 128+int(sig) {
				t.Errorf("exit code %d (%v), want %d", code, cmd.ProcessState, 128+int(sig))
			}
			if !strings.Contains(stderr.String(), "tokenlint: interrupted") || strings.Contains(stderr.String(), "goroutine ") {
				t.Errorf("stderr:\n%s", stderr.String())
			}
			if left := inGroup(procs(), group); len(left) > 0 {
				t.Errorf("after exit, go list's group %d still runs %v (it ran %v when signalled)", group, left, members)
			}
			t.Logf("%v: exit after %v; go list's group had %d processes", sig, took, len(members))
		})
	}
}

type proc struct {
	pid, ppid, pgrp int
	comm, state     string
}

// procs reads /proc/PID/stat: "pid (comm) state ppid pgrp ...".
func procs() []proc {
	names, _ := filepath.Glob("/proc/[0-9]*/stat")
	var out []proc
	for _, name := range names {
		data, err := os.ReadFile(name)
		s := string(data)
		open, close := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
		if err != nil || open < 1 || close < open {
			continue
		}
		f := strings.Fields(s[close+1:])
		if len(f) < 3 {
			continue
		}
		p := proc{comm: s[open+1 : close], state: f[0]}
		p.pid, _ = strconv.Atoi(strings.TrimSpace(s[:open]))
		p.ppid, _ = strconv.Atoi(f[1])
		p.pgrp, _ = strconv.Atoi(f[2])
		out = append(out, p)
	}
	return out
}

// inGroup returns the processes of a group that run (not zombies).
func inGroup(all []proc, group int) []proc {
	var out []proc
	for _, p := range all {
		if p.pgrp == group && p.state != "Z" {
			out = append(out, p)
		}
	}
	return out
}
