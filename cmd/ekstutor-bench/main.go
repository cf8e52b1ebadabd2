// Command ekstutor-bench measures how fast the tutor serves its pages
// against two baselines in the same run: a bare net/http handler writing
// the same bytes (headers and compressed body) from memory, and nginx
// serving the same body from a file. It drives each with wrk over
// loopback and prints a Markdown table of requests per second, latency
// and the ratios.
//
//	go run ./cmd/ekstutor-bench                 # every page, gzip and br, 5 s each
//	go run ./cmd/ekstutor-bench -d 3s -enc gzip -pages chapter,player
//	go build -o /tmp/ekstutor ./cmd/ekstutor && go run ./cmd/ekstutor-bench -binary /tmp/ekstutor
//
// It needs wrk (Debian: apt-get install wrk); nginx is optional (Debian:
// nginx-light) and its column is left out when it is missing. Everything
// listens on 127.0.0.1 and stops when the run ends.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "ekstutor-bench:", err)
		os.Exit(1)
	}
}

// options are the command's flags.
type options struct {
	duration    time.Duration
	connections int
	threads     int
	rounds      int
	encodings   []string
	pages       []page
	nginx       string
	binary      string // the built ekstutor, for process figures; "" to skip
	starts      int
}

func parseOptions(args []string, stderr io.Writer) (options, error) {
	fs := flag.NewFlagSet("ekstutor-bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	o := options{}
	fs.DurationVar(&o.duration, "d", 5*time.Second, "wrk duration per measurement")
	fs.IntVar(&o.connections, "c", 64, "wrk connections")
	fs.IntVar(&o.threads, "t", 1, "wrk threads")
	fs.IntVar(&o.rounds, "rounds", 2, "measure each server this many times, interleaved, and keep the best")
	enc := fs.String("enc", "gzip,br", "Accept-Encoding values to measure, comma-separated (gzip, br, identity)")
	names := fs.String("pages", strings.Join(pageNames(), ","), "pages to measure, comma-separated")
	fs.StringVar(&o.nginx, "nginx", "nginx", "nginx binary; empty to leave nginx out")
	fs.StringVar(&o.binary, "binary", "", "a built ekstutor (go build -o /tmp/ekstutor ./cmd/ekstutor): also measure its size, start-up and memory")
	fs.IntVar(&o.starts, "starts", 10, "with -binary: start it this many times for the start-up figures")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if o.duration < time.Second || o.connections < 1 || o.threads < 1 || o.rounds < 1 || o.starts < 1 {
		return o, fmt.Errorf("-d must be at least 1s, -c, -t, -rounds and -starts at least 1")
	}
	for _, e := range strings.Split(*enc, ",") {
		switch e = strings.TrimSpace(e); e {
		case "gzip", "br", "identity":
			o.encodings = append(o.encodings, e)
		default:
			return o, fmt.Errorf("-enc %q: accepted are gzip, br, identity", e)
		}
	}
	for _, n := range strings.Split(*names, ",") {
		p, ok := pageNamed(strings.TrimSpace(n))
		if !ok {
			return o, fmt.Errorf("-pages %q: accepted are %s", n, strings.Join(pageNames(), ", "))
		}
		o.pages = append(o.pages, p)
	}
	return o, nil
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	o, err := parseOptions(args, stderr)
	if err != nil {
		return err
	}
	if _, err := lookWrk(); err != nil {
		return err
	}
	tutor, err := startTutor()
	if err != nil {
		return err
	}
	defer tutor.close()

	bodies, err := fetchAll(tutor.url, o.pages, o.encodings)
	if err != nil {
		return err
	}
	bare, err := startBare(bodies)
	if err != nil {
		return err
	}
	defer bare.close()
	var ngx *nginxServer
	if o.nginx != "" {
		if ngx, err = startNginx(ctx, o.nginx, bodies); err != nil {
			fmt.Fprintf(stderr, "nginx left out: %v\n", err)
			ngx = nil
		} else {
			defer ngx.close()
		}
	}
	fmt.Fprintf(stderr, "measuring %d pages × %d encodings, wrk -t%d -c%d -d%s, %d interleaved rounds\n",
		len(o.pages), len(o.encodings), o.threads, o.connections, o.duration, o.rounds)
	var rows []row
	for _, b := range bodies {
		servers := []target{{"tutor", tutor.url}, {"bare", bare.url}}
		if ngx != nil {
			servers = append(servers, target{"nginx", ngx.url})
		}
		r := row{body: b, results: map[string]wrkResult{}}
		for round := 0; round < o.rounds; round++ {
			for _, s := range servers {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				res, err := runWrk(ctx, o, s.url+b.page.path, b.encoding)
				if err != nil {
					return fmt.Errorf("%s %s %s: %w", s.name, b.page.name, b.encoding, err)
				}
				if best, ok := r.results[s.name]; !ok || res.rps > best.rps {
					r.results[s.name] = res
				}
			}
		}
		fmt.Fprintf(stderr, "  %-8s %-8s tutor %.0f/s, bare %.0f/s\n", b.page.name, b.encoding, r.results["tutor"].rps, r.results["bare"].rps)
		rows = append(rows, r)
	}
	writeTable(stdout, o, rows, ngx != nil)
	if o.binary != "" {
		f, err := measureProcess(ctx, o, o.binary, o.starts)
		if err != nil {
			return err
		}
		writeProcess(stdout, o.binary, f)
	}
	return nil
}

type target struct{ name, url string }
