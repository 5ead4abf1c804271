package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"golang.org/x/tools/go/packages"
)

// Ctrl-C and SIGTERM (a CI job's timeout). go/packages runs "go list" in
// its own process group, which a terminal's Ctrl-C does not reach, so
// without this handler tokenlint would die and leave go list compiling in
// the background. On the first signal the load's context is cancelled:
// go/packages interrupts go list's whole process group (the compilers
// and cgo under it too) and kills it if it has not stopped after 5 s.
// Once the load in flight has returned, tokenlint kills what is left in
// those groups (on Linux, where it finds them in /proc: compilers that go
// list started after the interrupt) and exits with 128+signal (130 for SIGINT, 143 for SIGTERM); a signal
// during the analysis exits at once, and so does a second signal.

var (
	loadCtx, cancelLoad = context.WithCancel(context.Background())
	loadMu              sync.Mutex // held while a load runs
)

// handleSignals installs the handler, for the standalone driver.
func handleSignals() {
	ch := make(chan os.Signal, 2)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig := <-ch
		groups := childGroups()
		cancelLoad()
		loaded := make(chan struct{})
		go func() {
			loadMu.Lock()
			close(loaded)
		}()
		select {
		case <-loaded:
		case <-ch:
		case <-time.After(10 * time.Second): // go/packages kills go list after 5 s
		}
		killGroups(groups)
		fmt.Fprintf(os.Stderr, "tokenlint: interrupted (%v)\n", sig)
		code := 128 + 2
		if s, ok := sig.(syscall.Signal); ok {
			code = 128 + int(s)
		}
		os.Exit(code)
	}()
}

// load is packages.Load under the signal handler's context. A load that
// a signal cancelled never returns: the handler exits the process, and no
// error of the cancelled go list reaches the user.
func load(cfg *packages.Config, patterns ...string) ([]*packages.Package, error) {
	loadMu.Lock()
	cfg.Context = loadCtx
	var pkgs []*packages.Package
	var err error
	whileLoading(func() { pkgs, err = packages.Load(cfg, patterns...) })
	loadMu.Unlock()
	if loadCtx.Err() != nil {
		select {} // the handler exits
	}
	return pkgs, err
}
