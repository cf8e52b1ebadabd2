package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Bounds on a run, so a typo cannot open a million connections or run
// for a day.
const (
	maxFollowers = 5000
	maxSteps     = 1000
	maxTimeout   = 10 * time.Minute
)

type config struct {
	urls        []string      // servers; followers are spread over them, the room lives on the first
	n           int           // followers
	steps       int           // presenter steps
	interval    time.Duration // between steps
	timeout     time.Duration // the whole run
	pids        []int         // the servers' processes, for their resident memory; none skips
	allowRemote bool
	connectConc int // connections being opened at once
}

// pidList is a flag that may be given once per server process.
type pidList []int

func (p *pidList) String() string { return fmt.Sprint([]int(*p)) }
func (p *pidList) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		return fmt.Errorf("want a process ID, not %q", s)
	}
	*p = append(*p, n)
	return nil
}

// urlList is a flag that may be given more than once.
type urlList []string

func (u *urlList) String() string     { return strings.Join(*u, ",") }
func (u *urlList) Set(s string) error { *u = append(*u, strings.TrimRight(s, "/")); return nil }

// parseConfig reads the flags and reports every bad one at once.
func parseConfig(args []string, stderr io.Writer) (config, error) {
	var c config
	var urls urlList
	var pids pidList
	fs := flag.NewFlagSet("ekstutor-load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Var(&urls, "url", "server base URL, e.g. http://127.0.0.1:8080 (give it twice to spread followers over two replicas)")
	fs.IntVar(&c.n, "n", 200, fmt.Sprintf("followers, each on its own connection (at most %d)", maxFollowers))
	fs.IntVar(&c.steps, "steps", 20, fmt.Sprintf("presenter steps (at most %d)", maxSteps))
	fs.DurationVar(&c.interval, "interval", 250*time.Millisecond, "time between steps")
	fs.DurationVar(&c.timeout, "timeout", 60*time.Second, "the whole run's time limit (at most 10m)")
	fs.Var(&pids, "pid", "a server's process ID: report resident memory (Linux /proc VmRSS) per follower; give one per replica")
	fs.BoolVar(&c.allowRemote, "allow-remote", false, "allow servers that are not on a loopback address")
	fs.IntVar(&c.connectConc, "connect-concurrency", 100, "connections opened at once while followers join")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	c.urls, c.pids = urls, pids
	var errs []error
	if len(c.urls) == 0 {
		errs = append(errs, errors.New("-url is required"))
	}
	for _, u := range c.urls {
		if err := checkURL(u, c.allowRemote); err != nil {
			errs = append(errs, err)
		}
	}
	if c.n < 1 || c.n > maxFollowers {
		errs = append(errs, fmt.Errorf("-n must be 1 to %d, not %d", maxFollowers, c.n))
	}
	if c.steps < 1 || c.steps > maxSteps {
		errs = append(errs, fmt.Errorf("-steps must be 1 to %d, not %d", maxSteps, c.steps))
	}
	if c.interval < 0 {
		errs = append(errs, errors.New("-interval must not be negative"))
	}
	if c.timeout <= 0 || c.timeout > maxTimeout {
		errs = append(errs, fmt.Errorf("-timeout must be above 0 and at most %s", maxTimeout))
	}
	if c.connectConc < 1 {
		errs = append(errs, errors.New("-connect-concurrency must be at least 1"))
	}
	return c, errors.Join(errs...)
}

// checkURL accepts http(s) URLs whose host is a loopback address (or a
// name that resolves only to loopback addresses) unless remote is allowed:
// a load test pointed at someone else's server by mistake is an attack.
func checkURL(raw string, allowRemote bool) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("-url %q: want http://host:port or https://host:port", raw)
	}
	if allowRemote {
		return nil
	}
	host := u.Hostname()
	ips := []net.IP{net.ParseIP(host)}
	if ips[0] == nil {
		addrs, err := net.LookupIP(host)
		if err != nil || len(addrs) == 0 {
			return fmt.Errorf("-url %q: cannot resolve %s", raw, host)
		}
		ips = addrs
	}
	for _, ip := range ips {
		if !ip.IsLoopback() {
			return fmt.Errorf("-url %q: %s is not a loopback address; pass -allow-remote to load another machine", raw, ip)
		}
	}
	return nil
}
