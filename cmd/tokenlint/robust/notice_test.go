package robust_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"github.com/tokenlint/tokenlint/internal/clitest"
	"github.com/tokenlint/tokenlint/internal/fixtures"
)

// TestSlowLoadNotice: a slow (cold) load prints one line on standard
// error when it is a terminal, and nothing under CI=true or with JSON or
// SARIF output; TOKENLINT_PROGRESS=1 asks for it anywhere.
func TestSlowLoadNotice(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("opens a pseudo-terminal the Linux way")
	}
	bin := clitest.Tokenlint(t)
	const notice = "tokenlint: loading packages: the first run compiles dependencies"
	for _, tc := range []struct {
		name string
		tty  bool
		env  []string
		args []string
		want bool
	}{
		{"terminal", true, nil, nil, true},
		{"terminal, CI=true", true, []string{"CI=true"}, nil, false},
		{"terminal, sarif", true, nil, []string{"-format=sarif"}, false},
		{"terminal, json", true, nil, []string{"-json"}, false},
		{"pipe", false, nil, nil, false},
		{"pipe, CI=true, TOKENLINT_PROGRESS=1", false, []string{"CI=true", "TOKENLINT_PROGRESS=1"}, nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cmd := exec.Command(bin, append(tc.args, "./staticcreds/app")...)
			cmd.Dir = fixtures.Dir()
			var env []string
			for _, kv := range os.Environ() {
				if !strings.HasPrefix(kv, "CI=") && !strings.HasPrefix(kv, "TOKENLINT_PROGRESS=") {
					env = append(env, kv)
				}
			}
			// An empty build cache: the load takes minutes.
			cmd.Env = append(env, append(tc.env, "GOFLAGS=-mod=mod", "GOCACHE="+t.TempDir())...)
			var stderr syncBuffer
			var copied sync.WaitGroup
			if tc.tty {
				master, slave := openPTY(t)
				cmd.Stderr = slave
				copied.Add(1)
				go func() {
					defer copied.Done()
					io.Copy(&stderr, master) // ends with EIO once the child and slave are closed
				}()
				defer master.Close()
				defer slave.Close()
			} else {
				cmd.Stderr = &stderr
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// The notice is due 2 s into the load; give it 15 s on a
			// loaded machine when it is wanted, 4 s when it is not.
			wait := 4 * time.Second
			if tc.want {
				wait = 15 * time.Second
			}
			for deadline := time.Now().Add(wait); time.Now().Before(deadline) && !strings.Contains(stderr.String(), notice); {
				time.Sleep(50 * time.Millisecond)
			}
			cmd.Process.Signal(syscall.SIGINT)
			cmd.Wait()
			if f, ok := cmd.Stderr.(*os.File); ok {
				f.Close()
			}
			copied.Wait()
			got := stderr.String()
			if n := strings.Count(got, notice); tc.want && n != 1 || !tc.want && n != 0 {
				t.Errorf("notice printed %d times, want %v; stderr:\n%s", n, tc.want, got)
			}
			if !strings.Contains(got, "tokenlint: interrupted") {
				t.Errorf("the load finished before the test stopped it; stderr:\n%s", got)
			}
		})
	}
}

// openPTY opens a pseudo-terminal pair.
func openPTY(t *testing.T) (master, slave *os.File) {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals: %v", err)
	}
	var n uint32
	if _, _, errno := syscall.Syscall(syscall.SYS_IOCTL, master.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); errno != 0 {
		t.Fatalf("TIOCGPTN: %v", errno)
	}
	var unlock int32
	if _, _, errno := syscall.Syscall(syscall.SYS_IOCTL, master.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); errno != 0 {
		t.Fatalf("TIOCSPTLCK: %v", errno)
	}
	slave, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	return master, slave
}

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
