package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// percentile is the nearest-rank percentile q (0..100) of sorted ds.
func percentile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(float64(len(sorted))*q/100+0.999999) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond)) }

// errorCount is the run's errors, summed over their messages.
func (r *result) errorCount() int {
	n := 0
	for _, c := range r.errors {
		n += c
	}
	return n
}

// writeReport prints the run as Markdown: the summary, then each step.
func writeReport(w io.Writer, r *result) {
	lat := slices.Clone(r.latencies)
	slices.Sort(lat)
	fmt.Fprintf(w, "Load: %d followers over %s, %d steps every %s (open-file limit %d).\n\n",
		r.cfg.n, strings.Join(r.cfg.urls, " and "), r.cfg.steps, r.cfg.interval, r.fdLimit)
	fmt.Fprintln(w, "| followers | steps | deliveries | p50 | p99 | max | errors | all connected after | server RSS per follower |")
	fmt.Fprintln(w, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	rss := "—"
	if len(r.cfg.pids) > 0 { // summed over the processes given
		rss = fmt.Sprintf("%.1f KiB (%.1f → %.1f MiB)", float64(r.rssAfter-r.rssBefore)/float64(r.cfg.n)/1024,
			float64(r.rssBefore)/(1<<20), float64(r.rssAfter)/(1<<20))
	}
	fmt.Fprintf(w, "| %d | %d | %d of %d | %s | %s | %s | %d | %s | %s |\n\n",
		r.cfg.n, r.cfg.steps, len(lat), r.cfg.n*r.cfg.steps,
		ms(percentile(lat, 50)), ms(percentile(lat, 99)), ms(percentile(lat, 100)),
		r.errorCount(), ms(r.connect), rss)
	fmt.Fprintln(w, "| step | event ID | PUT round trip | followers reached | PUT → last follower |")
	fmt.Fprintln(w, "|---:|---:|---:|---:|---:|")
	for k, s := range r.steps {
		if s.err != nil {
			fmt.Fprintf(w, "| %d | — | — | 0 | failed |\n", k+1)
			continue
		}
		fmt.Fprintf(w, "| %d | %d | %s | %d | %s |\n", k+1, s.id, ms(s.put), s.reached, ms(s.last))
	}
	if len(r.errors) > 0 {
		fmt.Fprintln(w, "\n| error | count |")
		fmt.Fprintln(w, "|---|---:|")
		msgs := make([]string, 0, len(r.errors))
		for m := range r.errors {
			msgs = append(msgs, m)
		}
		slices.Sort(msgs)
		for _, m := range msgs {
			fmt.Fprintf(w, "| %s | %d |\n", strings.ReplaceAll(m, "|", `\|`), r.errors[m])
		}
	}
}
