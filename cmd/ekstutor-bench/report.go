package main

import (
	"fmt"
	"io"
	"runtime"
	"time"
)

// row is one page in one encoding, with the best result of each server.
type row struct {
	body    body
	results map[string]wrkResult
}

// writeTable prints the Markdown table the README's performance section
// holds, with the machine and the command's settings above it.
func writeTable(w io.Writer, o options, rows []row, withNginx bool) {
	fmt.Fprintf(w, "Measured %s on %s/%s, %d CPUs, %s; wrk -t%d -c%d -d%s over loopback, best of %d interleaved rounds.\n\n",
		time.Now().UTC().Format("2006-01-02"), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version(),
		o.threads, o.connections, o.duration, o.rounds)
	if withNginx {
		fmt.Fprintln(w, "| page | encoding | bytes | tutor req/s | bare req/s | nginx req/s | tutor / bare | tutor / nginx | tutor p99 | bare p99 |")
		fmt.Fprintln(w, "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
	} else {
		fmt.Fprintln(w, "| page | encoding | bytes | tutor req/s | bare req/s | tutor / bare | tutor p99 | bare p99 |")
		fmt.Fprintln(w, "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
	}
	for _, r := range rows {
		t, b := r.results["tutor"], r.results["bare"]
		if withNginx {
			n := r.results["nginx"]
			fmt.Fprintf(w, "| %s | %s | %d | %.0f | %.0f | %.0f | %.2f× | %.2f× | %s | %s |\n",
				r.body.page.name, r.body.encoding, len(r.body.data), t.rps, b.rps, n.rps, t.rps/b.rps, t.rps/n.rps, ms(t.p99), ms(b.p99))
			continue
		}
		fmt.Fprintf(w, "| %s | %s | %d | %.0f | %.0f | %.2f× | %s | %s |\n",
			r.body.page.name, r.body.encoding, len(r.body.data), t.rps, b.rps, t.rps/b.rps, ms(t.p99), ms(b.p99))
	}
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond)) }
