package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strings"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/ekstutor/ekstutor/web"
)

// config is the command line, each flag with an environment variable
// equivalent (the flag wins) so a container can be configured either way.
type config struct {
	addr        string
	metricsAddr string
	baseURL     string
	contentDir  string
	logLevel    string
	logFormat   string
	healthcheck bool
	edgeFlags   edgeFlags
	edge        web.Edge // from edgeFlags, checked
	rooms       roomFlags
	roomOpts    web.RoomOptions      // filled by run from rooms
	metrics     *prometheus.Registry // filled by run when metricsAddr is set
}

func parseConfig(args []string, getenv func(string) string, out io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("ekstutor", flag.ContinueOnError)
	fs.SetOutput(out)
	env := &envReader{getenv: getenv}
	fs.StringVar(&c.addr, "addr", env.str("EKSTUTOR_ADDR", ":8080"), "listen address (env EKSTUTOR_ADDR)")
	fs.StringVar(&c.metricsAddr, "metrics-addr", env.str("EKSTUTOR_METRICS_ADDR", ""),
		"serve /metrics on this address of its own instead of -addr, e.g. :9090 for a scraper inside the cluster (env EKSTUTOR_METRICS_ADDR; default: on -addr)")
	fs.StringVar(&c.baseURL, "base-url", env.str("EKSTUTOR_BASE_URL", ""),
		"public origin for absolute canonical links, e.g. https://eks.example.org (env EKSTUTOR_BASE_URL; default: from each request's Host)")
	fs.StringVar(&c.contentDir, "content", env.str("EKSTUTOR_CONTENT", ""),
		"serve chapters from this directory instead of the embedded copy (env EKSTUTOR_CONTENT)")
	fs.StringVar(&c.logLevel, "log-level", env.str("EKSTUTOR_LOG_LEVEL", "info"), "debug, info, warn or error (env EKSTUTOR_LOG_LEVEL)")
	fs.StringVar(&c.logFormat, "log-format", env.str("EKSTUTOR_LOG_FORMAT", "text"), "text or json (env EKSTUTOR_LOG_FORMAT)")
	fs.BoolVar(&c.healthcheck, "healthcheck", false, "check that a server on -addr answers /healthz, then exit (for container health checks)")
	c.edgeFlags.register(fs, env)
	c.rooms.register(fs, env)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return c, err
		}
		return c, fmt.Errorf("bad arguments: %w", err)
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected argument %q (see -help)", fs.Arg(0))
	}
	if err := c.rooms.check(); err != nil {
		return c, err
	}
	if c.metricsAddr != "" {
		if _, _, err := net.SplitHostPort(c.metricsAddr); err != nil || c.metricsAddr == c.addr {
			return c, fmt.Errorf("-metrics-addr %q is not a listen address of its own (accepted: host:port or :port, not the same as -addr)", c.metricsAddr)
		}
	}
	if c.baseURL != "" {
		base, ok := web.NormaliseBaseURL(c.baseURL)
		if !ok {
			return c, fmt.Errorf("-base-url %q is not an origin (accepted: http:// or https:// with a host and optional port, no path)", c.baseURL)
		}
		c.baseURL = base
	}
	if err := env.err(); err != nil {
		return c, err
	}
	edge, err := c.edgeFlags.edge()
	if err != nil {
		return c, err
	}
	c.edge = edge
	return c, nil
}

func newLogger(c config, out io.Writer) (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.logLevel)); err != nil {
		return nil, fmt.Errorf("log level %q is not one of debug, info, warn, error", c.logLevel)
	}
	opts := &slog.HandlerOptions{Level: level}
	switch strings.ToLower(c.logFormat) {
	case "text":
		return slog.New(slog.NewTextHandler(out, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(out, opts)), nil
	}
	return nil, fmt.Errorf("log format %q is not one of text, json", c.logFormat)
}
