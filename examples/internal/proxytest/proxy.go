// Package proxytest puts a proxy in front of a fake server for the
// examples' tests: it counts every request by path, refused ones included,
// and can fail a path, before or after the fake processed the request.
package proxytest

import (
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"testing"
)

// Proxy forwards to a target and records the requests.
type Proxy struct {
	*httptest.Server

	mu    sync.Mutex
	paths []string
	rules []rule
}

type rule struct {
	path  string
	after bool // process, then lose the answer
}

// New starts a proxy to target, closed when the test ends.
func New(t testing.TB, target string) *Proxy {
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	p := &Proxy{}
	fwd := httputil.NewSingleHostReverseProxy(u)
	p.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		p.paths = append(p.paths, r.URL.Path)
		var hit *rule
		for i := range p.rules {
			if strings.Contains(r.URL.Path, p.rules[i].path) {
				hit = &p.rules[i]
				break
			}
		}
		p.mu.Unlock()
		switch {
		case hit == nil:
			fwd.ServeHTTP(w, r)
		case !hit.after:
			http.Error(w, "refused by the test proxy", http.StatusBadRequest)
		default:
			fwd.ServeHTTP(httptest.NewRecorder(), r)
			if c, _, err := http.NewResponseController(w).Hijack(); err == nil {
				c.Close()
			}
		}
	}))
	t.Cleanup(p.Close)
	return p
}

// Calls is the number of requests whose path contains part ("" for all).
func (p *Proxy) Calls(part string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := 0
	for _, path := range p.paths {
		if strings.Contains(path, part) {
			n++
		}
	}
	return n
}

// Refuse answers 400 (which no client retries) to every request whose
// path contains part, without forwarding it: the service never saw it.
func (p *Proxy) Refuse(part string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.rules = append(p.rules, rule{path: part})
}

// LoseAnswer forwards every request whose path contains part, then closes
// the connection: the service processed it, the client never knows.
func (p *Proxy) LoseAnswer(part string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.rules = append(p.rules, rule{path: part, after: true})
}
