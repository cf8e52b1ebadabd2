package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// nginxServer is an nginx the run started, serving the tutor's bodies as
// files: the second baseline, a server built for static files.
type nginxServer struct {
	url   string
	dir   string
	cmd   *exec.Cmd
	close func()
}

// startNginx writes every body to a file in a temporary folder and starts
// nginx on a free loopback port with a configuration that sends the file
// matching the request's Accept-Encoding, with its Content-Type and
// Content-Encoding. Access logging is off and keep-alive is unbounded, as
// for the Go servers.
func startNginx(ctx context.Context, bin string, bodies []body) (*nginxServer, error) {
	path, err := exec.LookPath(bin)
	if err != nil {
		return nil, fmt.Errorf("%s not found (Debian: apt-get install nginx-light)", bin)
	}
	dir, err := os.MkdirTemp("", "ekstutor-bench-nginx")
	if err != nil {
		return nil, err
	}
	// nginx started as root hands requests to workers running as an
	// unprivileged user, who must be able to read the files.
	if err := os.Chmod(dir, 0o755); err != nil {
		return nil, err
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	root := filepath.Join(dir, "root")
	if err := os.Mkdir(root, 0o755); err != nil {
		return nil, err
	}
	locations := map[string]string{} // URL path → content type
	for _, b := range bodies {
		p := b.page.path
		if j := strings.IndexByte(p, '?'); j >= 0 {
			p = p[:j]
		}
		name := fmt.Sprintf("f%d.%s", pageIndex(b.page), b.encoding)
		if err := os.WriteFile(filepath.Join(root, name), b.data, 0o644); err != nil {
			return nil, err
		}
		locations[p] = b.header.Get("Content-Type")
	}
	var locs strings.Builder
	for p, ctype := range locations {
		pg, _ := pageByPath(p)
		fmt.Fprintf(&locs, "    location = %s { default_type %q; add_header Content-Encoding $ce; try_files /f%d.$enc =404; }\n", p, ctype, pageIndex(pg))
	}
	conf := fmt.Sprintf(`worker_processes auto;
daemon off;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 10000000;
  map $http_accept_encoding $enc { default identity; gzip gzip; br br; }
  map $http_accept_encoding $ce { default ""; gzip gzip; br br; }
  client_body_temp_path %[1]s/tmp;
  proxy_temp_path %[1]s/tmp;
  fastcgi_temp_path %[1]s/tmp;
  uwsgi_temp_path %[1]s/tmp;
  scgi_temp_path %[1]s/tmp;
  server {
    listen 127.0.0.1:%[2]d;
    root %[3]s;
%[4]s  }
}
`, dir, port, root, locs.String())
	confPath := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(confPath, []byte(conf), 0o644); err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, path, "-c", confPath, "-p", dir, "-e", filepath.Join(dir, "error.log"))
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	n := &nginxServer{url: fmt.Sprintf("http://127.0.0.1:%d", port), dir: dir, cmd: cmd}
	n.close = func() {
		_ = cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(3 * time.Second):
			_ = cmd.Process.Kill()
		}
		_ = os.RemoveAll(dir)
	}
	if err := waitUp(n.url + bodies[0].page.path); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "error.log"))
		n.close()
		return nil, fmt.Errorf("nginx did not answer: %v %s", err, log)
	}
	return n, nil
}

func pageIndex(p page) int {
	for i, q := range pages {
		if q.name == p.name {
			return i
		}
	}
	return -1
}

func pageByPath(path string) (page, bool) {
	for _, p := range pages {
		if p.path == path || strings.HasPrefix(p.path, path+"?") {
			return p, true
		}
	}
	return page{}, false
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

func waitUp(url string) error {
	var err error
	for range 50 {
		var resp *http.Response
		if resp, err = http.Get(url); err == nil {
			resp.Body.Close()
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return err
}
