package web

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// clientAddr is the address of the client a request came from, for rate
// limits and logs. It is the TCP peer, unless the peer is a trusted proxy
// (Edge.TrustedProxies): then X-Forwarded-For is read from the right,
// skipping trusted hops, and the first address not trusted is the client.
// Reading from the right matters: the leftmost entries are whatever the
// client wrote, only the ones our proxies appended can be believed.
func (e Edge) clientAddr(r *http.Request) netip.Addr {
	peer := remoteAddr(r)
	if !e.trusted(peer) {
		return peer
	}
	hops := r.Header.Values("X-Forwarded-For")
	for i := len(hops) - 1; i >= 0; i-- {
		parts := strings.Split(hops[i], ",")
		for j := len(parts) - 1; j >= 0; j-- {
			a, err := netip.ParseAddr(strings.TrimSpace(parts[j]))
			if err != nil {
				return peer // a garbled chain: believe only what we saw
			}
			a = a.Unmap()
			if !e.trusted(a) {
				return a
			}
			peer = a
		}
	}
	return peer
}

// forwardedHTTPS says a trusted proxy terminated TLS for this request.
func (e Edge) forwardedHTTPS(r *http.Request) bool {
	return e.trusted(remoteAddr(r)) && strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https")
}

func (e Edge) trusted(a netip.Addr) bool {
	if !a.IsValid() {
		return false
	}
	for _, p := range e.TrustedProxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// remoteAddr parses r.RemoteAddr ("host:port"); httptest and some
// listeners give a bare host.
func remoteAddr(r *http.Request) netip.Addr {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Addr{}
	}
	return a.Unmap()
}
