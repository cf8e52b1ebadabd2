package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"time"
)

// processFigures are what -binary measures of the real program: its size
// on disk, how long it takes from exec to the first answered request,
// and its resident memory idle and under load.
type processFigures struct {
	binaryBytes  int64
	startups     []time.Duration // exec → first 200 from /healthz
	firstPage    []time.Duration // exec → first 200 of the chapter page
	idleRSS      int64           // after every page was asked for once
	loadRSS      int64           // the most seen while wrk loads a chapter
	loadRequests float64         // wrk's rate during that load
}

// measureProcess starts binary `starts` times on a free loopback port.
func measureProcess(ctx context.Context, o options, binary string, starts int) (processFigures, error) {
	var f processFigures
	st, err := os.Stat(binary)
	if err != nil {
		return f, fmt.Errorf("-binary: %w", err)
	}
	f.binaryBytes = st.Size()
	for i := 0; i < starts; i++ {
		last := i == starts-1
		if err := startOnce(ctx, o, binary, &f, last); err != nil {
			return f, err
		}
	}
	return f, nil
}

func startOnce(ctx context.Context, o options, binary string, f *processFigures, measureMemory bool) error {
	n, err := freePort() // nginx.go
	if err != nil {
		return err
	}
	port := strconv.Itoa(n)
	base := "http://127.0.0.1:" + port
	cmd := exec.CommandContext(ctx, binary, "-addr", "127.0.0.1:"+port, "-log-level", "warn")
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	begin := time.Now()
	if err := cmd.Start(); err != nil {
		return err
	}
	defer func() { _ = cmd.Process.Signal(os.Interrupt); _ = cmd.Wait() }()
	client := &http.Client{Timeout: time.Second}
	if err := waitFor(ctx, client, base+"/healthz", 10*time.Second); err != nil {
		return err
	}
	f.startups = append(f.startups, time.Since(begin))
	if err := waitFor(ctx, client, base+"/ko/control-plane", 10*time.Second); err != nil {
		return err
	}
	f.firstPage = append(f.firstPage, time.Since(begin))
	if !measureMemory {
		return nil
	}
	for _, p := range pages {
		resp, err := client.Get(base + p.path)
		if err != nil {
			return err
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	time.Sleep(500 * time.Millisecond)
	if f.idleRSS, err = rss(cmd.Process.Pid); err != nil {
		return err
	}
	// Under load: wrk on the chapter while memory is sampled.
	done := make(chan wrkResult, 1)
	go func() {
		res, _ := runWrk(ctx, o, base+"/ko/control-plane", "gzip")
		done <- res
	}()
	for {
		select {
		case res := <-done:
			f.loadRequests = res.rps
			return nil
		case <-time.After(100 * time.Millisecond):
			if m, err := rss(cmd.Process.Pid); err == nil && m > f.loadRSS {
				f.loadRSS = m
			}
		}
	}
}

// waitFor polls url every millisecond until it answers 200.
func waitFor(ctx context.Context, c *http.Client, url string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		resp, err := c.Get(url)
		if err == nil {
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(time.Millisecond)
	}
	return fmt.Errorf("%s did not answer 200 within %s", url, limit)
}

// rss reads a process's resident set size from /proc (Linux).
func rss(pid int) (int64, error) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10, err
		}
	}
	return 0, errors.New("no VmRSS in /proc status")
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func writeProcess(w io.Writer, binary string, f processFigures) {
	fmt.Fprintf(w, "\nThe program (%s), started %d times:\n\n", binary, len(f.startups))
	fmt.Fprintln(w, "| figure | value |")
	fmt.Fprintln(w, "| --- | ---: |")
	fmt.Fprintf(w, "| binary size | %.1f MB |\n", float64(f.binaryBytes)/1e6)
	fmt.Fprintf(w, "| start to first /healthz answer, median (max) | %s (%s) |\n", ms(median(f.startups)), ms(slices.Max(f.startups)))
	fmt.Fprintf(w, "| start to first chapter page, median (max) | %s (%s) |\n", ms(median(f.firstPage)), ms(slices.Max(f.firstPage)))
	fmt.Fprintf(w, "| resident memory, idle after every page once | %.1f MB |\n", float64(f.idleRSS)/1e6)
	fmt.Fprintf(w, "| resident memory, most under load (%.0f req/s) | %.1f MB |\n", f.loadRequests, float64(f.loadRSS)/1e6)
}
