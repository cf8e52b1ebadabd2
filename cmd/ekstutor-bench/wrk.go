package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

func lookWrk() (string, error) {
	p, err := exec.LookPath("wrk")
	if err != nil {
		return "", errors.New("wrk not found (Debian: apt-get install wrk)")
	}
	return p, nil
}

// wrkResult is what one wrk run reported.
type wrkResult struct {
	rps     float64
	latency time.Duration // mean
	p99     time.Duration
	errors  int // non-2xx/3xx answers plus socket errors
}

// runWrk loads url for o.duration with the given Accept-Encoding.
func runWrk(ctx context.Context, o options, url, enc string) (wrkResult, error) {
	args := []string{
		"-t" + strconv.Itoa(o.threads), "-c" + strconv.Itoa(o.connections),
		"-d" + strconv.Itoa(int(o.duration.Seconds())) + "s", "--latency",
		"-H", "Accept-Encoding: " + enc, url,
	}
	out, err := exec.CommandContext(ctx, "wrk", args...).CombinedOutput()
	if err != nil {
		return wrkResult{}, fmt.Errorf("wrk: %v: %s", err, out)
	}
	res, err := parseWrk(out)
	if err != nil {
		return res, fmt.Errorf("%v in:\n%s", err, out)
	}
	if res.errors > 0 {
		return res, fmt.Errorf("%d errors or non-2xx answers:\n%s", res.errors, out)
	}
	return res, nil
}

// parseWrk reads wrk's --latency report: "Requests/sec:", the thread
// stats' mean latency, the 99% line, and any error lines.
func parseWrk(out []byte) (wrkResult, error) {
	var r wrkResult
	var haveRPS bool
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		switch {
		case len(f) >= 2 && f[0] == "Requests/sec:":
			v, err := strconv.ParseFloat(f[1], 64)
			if err != nil {
				return r, fmt.Errorf("requests/sec %q: %v", f[1], err)
			}
			r.rps, haveRPS = v, true
		case len(f) >= 2 && f[0] == "Latency" && r.latency == 0:
			r.latency, _ = parseWrkDuration(f[1])
		case len(f) == 2 && f[0] == "99%":
			r.p99, _ = parseWrkDuration(f[1])
		case len(f) >= 5 && f[0] == "Non-2xx":
			n, _ := strconv.Atoi(f[len(f)-1])
			r.errors += n
		case len(f) >= 2 && f[0] == "Socket" && f[1] == "errors:":
			for i := 2; i+1 < len(f); i += 2 {
				n, _ := strconv.Atoi(strings.TrimSuffix(f[i+1], ","))
				r.errors += n
			}
		}
	}
	if !haveRPS {
		return r, errors.New("no Requests/sec line")
	}
	return r, nil
}

// parseWrkDuration reads wrk's units: 1.23ms, 456.00us, 2.00s, 1.5m.
func parseWrkDuration(s string) (time.Duration, error) {
	for _, u := range []struct {
		suffix string
		unit   time.Duration
	}{{"us", time.Microsecond}, {"ms", time.Millisecond}, {"s", time.Second}, {"m", time.Minute}} {
		if v, ok := strings.CutSuffix(s, u.suffix); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				return 0, err
			}
			return time.Duration(f * float64(u.unit)), nil
		}
	}
	return 0, fmt.Errorf("unknown duration %q", s)
}
