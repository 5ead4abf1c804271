//go:build tokenlintprofile

// Heap and CPU profiles of the tokenlint command, for bench/profile.sh.
// go build -tags tokenlintprofile -overlay adds this file to cmd/tokenlint,
// so the command that is shipped has none of it.
//
// With TOKENLINT_PROFILE_DIR set, the process writes there:
//   - heap.pprof: the heap profile written when the live heap (as of the
//     last GC) was last seen 10% above the one of the previous profile, so
//     near the peak: the command ends with os.Exit, so no profile can be
//     written at the end. The runtime publishes a heap profile only at the
//     end of the GC cycle after the allocations, so this profile is a cycle
//     or two old; no GC is forced, so that the run is the plain command's;
//   - cpu.NNN.pprof: CPU profiles of consecutive 2-second slices of the run
//     (go tool pprof merges them); the last slice is lost at os.Exit;
//   - with TOKENLINT_PROFILE_EVERY set to a duration (say 3s), also
//     heap.NNN.pprof every that often, each after a forced GC, so exact
//     (the GCs slow the run and lower its peak a little); the largest of
//     them shows what is live at the peak of a transient structure;
//   - heap.tsv: every 250 ms, seconds since start, live heap bytes after the
//     last GC, and the process's resident set (VmRSS) in KiB.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"
)

func init() {
	dir := os.Getenv("TOKENLINT_PROFILE_DIR")
	if dir == "" {
		return
	}
	go cpuSlices(dir)
	go heapWatch(dir)
	if every, err := time.ParseDuration(os.Getenv("TOKENLINT_PROFILE_EVERY")); err == nil && every > 0 {
		go heapEvery(dir, every)
	}
}

func heapEvery(dir string, every time.Duration) {
	for i := 0; ; i++ {
		time.Sleep(every)
		runtime.GC()
		writeHeap(filepath.Join(dir, fmt.Sprintf("heap.%03d.pprof", i)))
	}
}

// writeHeap writes the heap profile to name, through a temporary file so
// that a profile cut short by os.Exit is never left under that name.
func writeHeap(name string) {
	tmp := name + ".tmp"
	if f, err := os.Create(tmp); err == nil {
		if pprof.Lookup("heap").WriteTo(f, 0) == nil && f.Close() == nil {
			os.Rename(tmp, name)
		}
	}
}

func cpuSlices(dir string) {
	for i := 0; ; i++ {
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("cpu.%03d.pprof", i)))
		if err != nil {
			return
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return
		}
		time.Sleep(2 * time.Second)
		pprof.StopCPUProfile()
		f.Close()
	}
}

func heapWatch(dir string) {
	start := time.Now()
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	tsv, err := os.Create(filepath.Join(dir, "heap.tsv"))
	if err != nil {
		return
	}
	var written uint64
	for {
		metrics.Read(sample)
		live := sample[0].Value.Uint64()
		fmt.Fprintf(tsv, "%.2f\t%d\t%d\n", time.Since(start).Seconds(), live, rssKiB())
		if live > written+written/10 {
			written = live
			writeHeap(filepath.Join(dir, "heap.pprof"))
		}
		time.Sleep(250 * time.Millisecond)
	}
}

func rssKiB() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return n
		}
	}
	return 0
}
