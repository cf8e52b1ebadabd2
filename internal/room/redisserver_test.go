package room

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"
)

// redisServer is a real redis-server the test started on a free
// loopback port, with an append-only file so a killed and restarted
// server comes back with its rooms (as a deployment's would).
type redisServer struct {
	bin, dir string
	port     int
	cmd      *exec.Cmd
}

// URL is the server's address for NewRedis.
func (s *redisServer) URL() string { return "redis://127.0.0.1:" + strconv.Itoa(s.port) + "/0" }

// needRedis returns a running server or skips; under CI=true a missing
// redis-server fails the test instead, so CI cannot pass by skipping.
func needRedis(t *testing.T) *redisServer {
	t.Helper()
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("redis-server is not installed (CI=true requires it; .ci/run installs Debian's redis-server)")
		}
		t.Skip("redis-server is not installed; skipping the Redis hub tests (apt-get install redis-server)")
	}
	s := &redisServer{bin: bin, dir: t.TempDir(), port: freePort(t)}
	if err := s.start(); err != nil {
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

func (s *redisServer) start() error {
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

// kill stops the server the hard way, as a crash would.
func (s *redisServer) kill() {
	if s.cmd != nil && s.cmd.Process != nil {
		_ = s.cmd.Process.Kill()
		_ = s.cmd.Wait()
	}
	s.cmd = nil
}

var stopMu sync.Mutex

func (s *redisServer) stop() {
	stopMu.Lock()
	defer stopMu.Unlock()
	s.kill()
}
