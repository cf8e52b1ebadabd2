package main

import "slices"

// page is one URL the tutor serves, by the kind of page it stands for.
type page struct {
	name string
	path string
	what string
}

// pages are the page types the performance table covers. Each is a
// deterministic document the tutor renders once and then answers from its
// response cache.
var pages = []page{
	{"home", "/ko/", "course home"},
	{"chapter", "/ko/control-plane", "a chapter"},
	{"player", "/en/endpoint-access?mode=public&flow=kubelet-to-apiserver&step=3", "the endpoint chapter with its player"},
	{"compare", "/ko/compare", "/compare, three modes side by side"},
	{"svg", "/diagrams/endpoints.svg?mode=public&flow=kubelet-to-apiserver&animate=1", "a standalone SVG"},
	{"api", "/api/v1/resolve?public=true&private=true", "the resolver API"},
	{"lab", "/en/lab?cidrs=203.0.113.10/32&flow=kubelet-to-apiserver&step=2", "the lab at a shared configuration"},
}

func pageNames() []string {
	out := make([]string, len(pages))
	for i, p := range pages {
		out[i] = p.name
	}
	return out
}

func pageNamed(name string) (page, bool) {
	i := slices.IndexFunc(pages, func(p page) bool { return p.name == name })
	if i < 0 {
		return page{}, false
	}
	return pages[i], true
}
