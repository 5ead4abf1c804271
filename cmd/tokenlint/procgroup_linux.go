package main

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// childGroups returns the process groups that tokenlint's children lead:
// go/packages starts each go list as the leader of its own group.
func childGroups() []int {
	self := os.Getpid()
	var groups []int
	for _, p := range processes() {
		if p.ppid == self && p.pgrp == p.pid {
			groups = append(groups, p.pgrp)
		}
	}
	return groups
}

// killGroups kills what is left of those groups once their go list has
// exited: compilers that go list started after the interrupt reached its
// group run on otherwise, orphaned, for seconds. It waits (up to 2 s)
// until no process of the groups runs (zombies wait for init to reap
// them, and run nothing), so that nothing of tokenlint outlives it.
func killGroups(groups []int) {
	if len(groups) == 0 {
		return
	}
	for _, g := range groups {
		syscall.Kill(-g, syscall.SIGKILL) // ESRCH: nothing left
	}
	for deadline := time.Now().Add(2 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if !slices.ContainsFunc(processes(), func(p process) bool {
			return p.state != "Z" && slices.Contains(groups, p.pgrp)
		}) {
			return
		}
	}
}

type process struct {
	pid, ppid, pgrp int
	state           string
}

// processes reads /proc/PID/stat of every process.
func processes() []process {
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	var out []process
	for _, name := range stats {
		data, err := os.ReadFile(name)
		if err != nil {
			continue // the process has exited
		}
		// "pid (comm) state ppid pgrp ..."; comm may hold spaces and
		// parentheses, so the fields start after the last ')'.
		s := string(data)
		i := strings.LastIndexByte(s, ')')
		j := strings.IndexByte(s, ' ')
		if i < 0 || j < 0 {
			continue
		}
		f := strings.Fields(s[i+1:])
		if len(f) < 3 {
			continue
		}
		var p process
		p.pid, _ = strconv.Atoi(s[:j])
		p.state = f[0]
		p.ppid, _ = strconv.Atoi(f[1])
		p.pgrp, _ = strconv.Atoi(f[2])
		out = append(out, p)
	}
	return out
}
