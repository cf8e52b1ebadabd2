// Package redistest starts a real redis-server for tests: on a free
// loopback port, with an append-only file so a killed and restarted
// server comes back with its data. Without redis-server a test skips
// with a message, and under CI=true it fails, so CI cannot pass by
// skipping.
package redistest

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// Server is a redis-server a test started.
type Server struct {
	bin, dir string
	port     int
	cmd      *exec.Cmd
}

// URL is the server's address for NewRedis.
func (s *Server) URL() string { return "redis://127.0.0.1:" + strconv.Itoa(s.port) + "/0" }

// Start returns a running server, stopped when t ends, or skips.
func Start(t *testing.T) *Server {
	t.Helper()
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("redis-server is not installed (CI=true requires it; .ci/run installs Debian's redis-server)")
		}
		t.Skip("redis-server is not installed; skipping the Redis hub tests (apt-get install redis-server)")
	}
	s := &Server{bin: bin, dir: t.TempDir(), port: freePort(t)}
	if err := s.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.stop)
	return s
}

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// Start (re)starts the server and waits until it listens.
func (s *Server) Start() error {
	s.cmd = exec.Command(s.bin, "--port", strconv.Itoa(s.port), "--bind", "127.0.0.1", "--dir", s.dir,
		"--save", "", "--appendonly", "yes", "--appendfsync", "always", "--protected-mode", "yes",
		"--logfile", filepath.Join(s.dir, "redis.log"))
	if err := s.cmd.Start(); err != nil {
		return err
	}
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if c, err := net.DialTimeout("tcp", "127.0.0.1:"+strconv.Itoa(s.port), 100*time.Millisecond); err == nil {
			c.Close()
			return nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.stop()
	log, _ := os.ReadFile(filepath.Join(s.dir, "redis.log"))
	return fmt.Errorf("redis-server did not listen on %d within 10s; its log:\n%s", s.port, log)
}

// Kill stops the server the hard way, as a crash would; Start brings
// it back on the same port and data directory.
func (s *Server) Kill() {
	if s.cmd != nil && s.cmd.Process != nil {
		_ = s.cmd.Process.Kill()
		_ = s.cmd.Wait()
	}
	s.cmd = nil
}

func (s *Server) stop() { s.Kill() }
