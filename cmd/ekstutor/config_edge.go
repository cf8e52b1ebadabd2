package main

import (
	"flag"
	"fmt"

	"golang.org/x/time/rate"

	"github.com/ekstutor/ekstutor/web"
)

// edgeFlags are the settings for what stands in front of the tutor: a
// load balancer or ingress (trusted proxies, TLS in front), a learning
// platform that frames it, and the per-client POST budget.
type edgeFlags struct {
	trustedProxies string
	hsts           bool
	frameAncestors string
	postRate       float64
	postBurst      int
}

func (e *edgeFlags) register(fs *flag.FlagSet, env *envReader) {
	fs.StringVar(&e.trustedProxies, "trusted-proxies", env.str("EKSTUTOR_TRUSTED_PROXIES", ""),
		"comma-separated IPs or CIDRs of proxies whose X-Forwarded-For and X-Forwarded-Proto are believed, e.g. 10.0.0.0/8 (env EKSTUTOR_TRUSTED_PROXIES; default: none)")
	fs.BoolVar(&e.hsts, "hsts", env.bool("EKSTUTOR_HSTS"),
		"send Strict-Transport-Security: set it when TLS is terminated in front of the tutor (env EKSTUTOR_HSTS=true)")
	fs.StringVar(&e.frameAncestors, "frame-ancestors", env.str("EKSTUTOR_FRAME_ANCESTORS", ""),
		"origins allowed to embed the tutor in a frame, e.g. https://lms.example.edu (env EKSTUTOR_FRAME_ANCESTORS; default: none)")
	fs.Float64Var(&e.postRate, "post-rate", env.float("EKSTUTOR_POST_RATE", float64(web.DefaultPostRate)),
		"POSTs per second each client address may send on average (env EKSTUTOR_POST_RATE)")
	fs.IntVar(&e.postBurst, "post-burst", env.int("EKSTUTOR_POST_BURST", web.DefaultPostBurst),
		"POSTs a client may send at once before -post-rate applies (env EKSTUTOR_POST_BURST)")
}

// edge checks the flags and returns what web takes.
func (e *edgeFlags) edge() (web.Edge, error) {
	var out web.Edge
	var err error
	if out.TrustedProxies, err = web.ParseTrustedProxies(e.trustedProxies); err != nil {
		return out, fmt.Errorf("-trusted-proxies: %w", err)
	}
	if out.FrameAncestors, err = web.ParseFrameAncestors(e.frameAncestors); err != nil {
		return out, fmt.Errorf("-frame-ancestors: %w", err)
	}
	if e.postRate <= 0 || e.postBurst <= 0 {
		return out, fmt.Errorf("-post-rate %v and -post-burst %d must be above 0", e.postRate, e.postBurst)
	}
	out.HSTS, out.PostRate, out.PostBurst = e.hsts, rate.Limit(e.postRate), e.postBurst
	return out, nil
}
