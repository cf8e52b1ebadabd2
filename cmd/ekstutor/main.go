// Command ekstutor serves EKS Tutor: chapters, diagrams and packet flows
// about Amazon EKS, in Korean and English, from one self-contained binary.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/ekstutor/ekstutor/web"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "ekstutor:", err)
		stop()
		os.Exit(1)
	}
}

// run is the whole program; tests call it with their own arguments,
// environment and output, and stop it by cancelling ctx.
func run(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	cfg, err := parseConfig(args, getenv, stdout)
	if err != nil {
		return err
	}
	if cfg.healthcheck {
		return healthcheck(ctx, cfg.addr)
	}
	log, err := newLogger(cfg, stdout)
	if err != nil {
		return err
	}
	hub, err := newHub(cfg.rooms)
	if err != nil {
		return err
	}
	defer hub.Close()
	cfg.roomOpts = web.RoomOptions{Hub: hub, CreatePerMinute: cfg.rooms.createPerMinute}
	if cfg.metricsAddr != "" {
		cfg.metrics = web.NewMetricsRegistry()
		stopMetrics, err := serveMetrics(cfg.metricsAddr, cfg.metrics, log)
		if err != nil {
			return err
		}
		defer stopMetrics()
	}
	streams := web.NewStreams(writeTimeout)
	h, err := newHandler(cfg, log, streams)
	if err != nil {
		return err
	}
	return serve(ctx, cfg.addr, newServer(h, log), streams, log)
}
