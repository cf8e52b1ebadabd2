// Command ekstutor-load measures live rooms: it opens a room on a
// running ekstutor (or two replicas sharing Redis), connects -n
// followers to its event stream, each on its own connection, drives
// -steps steps through the JSON API and reports, as Markdown, how long
// each step took from the PUT to the last follower.
//
//	go run ./cmd/ekstutor-load -url http://127.0.0.1:8080 -n 2000 -pid <the server's PID>
//
// It refuses servers off the loopback unless -allow-remote is given.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	code := runMain(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// runMain is the program with its arguments and outputs, for tests. It
// exits 1 when the run had errors, 2 on bad flags.
func runMain(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cfg, err := parseConfig(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintln(stderr, "ekstutor-load:", err)
		return 2
	}
	limit, err := raiseFileLimit()
	if err != nil {
		fmt.Fprintln(stderr, "ekstutor-load: raising the open-file limit:", err)
	}
	if limit != 0 && uint64(cfg.n)+64 > limit {
		fmt.Fprintf(stderr, "ekstutor-load: -n %d needs more open files than the limit of %d\n", cfg.n, limit)
		return 2
	}
	res, err := run(ctx, cfg, limit)
	if err != nil {
		fmt.Fprintln(stderr, "ekstutor-load:", err)
		return 1
	}
	writeReport(stdout, res)
	if res.errorCount() > 0 {
		return 1
	}
	return 0
}
