package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// envReader gives flags their defaults from environment variables. A
// value that does not parse is kept as a problem, reported once after
// parsing with what is accepted, rather than silently leaving the default.
type envReader struct {
	getenv func(string) string
	errs   []string
}

func (e *envReader) str(key, def string) string {
	if v := e.getenv(key); v != "" {
		return v
	}
	return def
}

func (e *envReader) bool(key string) bool {
	v := e.getenv(key)
	if v == "" {
		return false
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		e.errs = append(e.errs, fmt.Sprintf("%s=%q is not true or false", key, v))
	}
	return b
}

func (e *envReader) float(key string, def float64) float64 {
	v := e.getenv(key)
	if v == "" {
		return def
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		e.errs = append(e.errs, fmt.Sprintf("%s=%q is not a number (e.g. 2 or 0.5)", key, v))
		return def
	}
	return f
}

func (e *envReader) int(key string, def int) int {
	v := e.getenv(key)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		e.errs = append(e.errs, fmt.Sprintf("%s=%q is not a whole number", key, v))
		return def
	}
	return n
}

func (e *envReader) duration(key string, def time.Duration) time.Duration {
	v := e.getenv(key)
	if v == "" {
		return def
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		e.errs = append(e.errs, fmt.Sprintf("%s=%q is not a duration (e.g. 30m or 1h)", key, v))
		return def
	}
	return d
}

// err is every environment problem at once, or nil.
func (e *envReader) err() error {
	if len(e.errs) == 0 {
		return nil
	}
	return fmt.Errorf("environment: %s", strings.Join(e.errs, "; "))
}
