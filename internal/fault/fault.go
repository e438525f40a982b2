// Package fault injects failures into the fake servers (<pkg>test): the
// next N requests answer 503 or 429, lose the connection before or after
// the request is processed, stall, or return an HTML page, truncated JSON
// or an endless body. The fake servers re-export Fault so that users' tests
// can play the same failures.
package fault

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"time"
)

// Kind is a failure mode.
type Kind int

const (
	// Unavailable answers 503 without processing the request.
	Unavailable Kind = iota + 1
	// TooManyRequests answers 429 with a Retry-After, without processing.
	TooManyRequests
	// Drop closes the connection after reading the request, without
	// processing it.
	Drop
	// DropAfter processes the request, then closes the connection instead
	// of answering: the client cannot know the request took effect.
	DropAfter
	// Stall holds the request, unprocessed, until the client gives up (or
	// Fault.Duration passes), then closes the connection.
	Stall
	// HTMLPage answers 500 with an HTML error page, as a proxy would.
	HTMLPage
	// Truncated processes the request and sends the first half of the real
	// answer, then ends the body cleanly.
	Truncated
	// Huge answers 200 with a body of Fault.Size bytes (100 MB by default),
	// streamed without being held in memory.
	Huge
	// Redirect answers Fault.Status (302 by default) with a Location of
	// Fault.Location, without processing the request: the server (or a
	// hostile proxy) sends the client, and its credentials, elsewhere.
	Redirect
)

var kindNames = map[Kind]string{
	Unavailable: "503", TooManyRequests: "429+Retry-After", Drop: "drop-before",
	DropAfter: "drop-after", Stall: "stall", HTMLPage: "html-page",
	Truncated: "truncated-json", Huge: "huge-body", Redirect: "redirect",
}

func (k Kind) String() string {
	if n, ok := kindNames[k]; ok {
		return n
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Fault is one failure to play.
type Fault struct {
	// Kind is the failure mode.
	Kind Kind
	// RetryAfter is the Retry-After a TooManyRequests answer sends, in
	// whole seconds (1s when zero).
	RetryAfter time.Duration
	// Duration is the longest a Stall holds the request (1 minute when
	// zero).
	Duration time.Duration
	// Size is the length of a Huge body (100 MB when zero).
	Size int64
	// Status is the 3xx status of a Redirect (302 when zero).
	Status int
	// Location is where a Redirect sends the client, absolute or relative
	// to the request (another host, https://elsewhere.invalid, when empty).
	Location string
}

// Processes reports whether the server does the request's work before
// failing, so that a retry would do it twice.
func (f Fault) Processes() bool { return f.Kind == DropAfter || f.Kind == Truncated || f.Kind == Huge }

// Injector queues faults in front of a handler. It is safe for concurrent
// use; its zero value injects nothing.
type Injector struct {
	mu    sync.Mutex
	queue []Fault
}

// Next makes the next n requests fail with f (after the faults already queued).
func (in *Injector) Next(n int, f Fault) {
	in.mu.Lock()
	defer in.mu.Unlock()
	for range n {
		in.queue = append(in.queue, f)
	}
}

// Pending is the number of faults not played yet.
func (in *Injector) Pending() int {
	in.mu.Lock()
	defer in.mu.Unlock()
	return len(in.queue)
}

// Reset drops the faults not played yet.
func (in *Injector) Reset() {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.queue = nil
}

func (in *Injector) take() (Fault, bool) {
	in.mu.Lock()
	defer in.mu.Unlock()
	if len(in.queue) == 0 {
		return Fault{}, false
	}
	f := in.queue[0]
	in.queue = in.queue[1:]
	return f, true
}

// Wrap returns next with the injector in front of it.
func (in *Injector) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f, ok := in.take()
		if !ok {
			next.ServeHTTP(w, r)
			return
		}
		f.play(next, w, r)
	})
}

func (f Fault) play(next http.Handler, w http.ResponseWriter, r *http.Request) {
	// Read the whole request first, as a server does before failing, and
	// keep it for the faults that process it.
	body, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(bytes.NewReader(body))
	switch f.Kind {
	case Unavailable:
		http.Error(w, "Service Unavailable", http.StatusServiceUnavailable)
	case TooManyRequests:
		secs := int(f.RetryAfter / time.Second)
		if f.RetryAfter == 0 {
			secs = 1
		}
		w.Header().Set("Retry-After", strconv.Itoa(secs))
		http.Error(w, "Too Many Requests", http.StatusTooManyRequests)
	case Drop:
		hangUp(w)
	case DropAfter:
		next.ServeHTTP(httptest.NewRecorder(), r)
		hangUp(w)
	case Stall:
		d := f.Duration
		if d == 0 {
			d = time.Minute
		}
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-r.Context().Done():
		case <-t.C:
		}
		hangUp(w)
	case HTMLPage:
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = io.WriteString(w, "<!DOCTYPE html>\n<html><head><title>500 Internal Server Error</title></head>\n<body><h1>Internal Server Error</h1><p>The server encountered an internal error.</p></body></html>\n")
	case Truncated:
		rec := httptest.NewRecorder()
		next.ServeHTTP(rec, r)
		body := rec.Body.Bytes()
		w.Header().Set("Content-Type", rec.Header().Get("Content-Type"))
		w.WriteHeader(rec.Code)
		_, _ = w.Write(body[:len(body)/2])
	case Huge:
		next.ServeHTTP(httptest.NewRecorder(), r)
		size := f.Size
		if size == 0 {
			size = 100 << 20
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.FormatInt(size, 10))
		chunk := bytes.Repeat([]byte(" "), 32<<10)
		for written := int64(0); written < size; {
			n := min(int64(len(chunk)), size-written)
			if _, err := w.Write(chunk[:n]); err != nil {
				return // the client stopped reading
			}
			written += n
		}
	case Redirect:
		status, loc := f.Status, f.Location
		if status == 0 {
			status = http.StatusFound
		}
		if loc == "" {
			loc = "https://elsewhere.invalid" + r.URL.RequestURI()
		}
		w.Header().Set("Location", loc)
		w.WriteHeader(status)
	default:
		http.Error(w, fmt.Sprintf("unknown fault %d", f.Kind), http.StatusInternalServerError)
	}
}

// hangUp closes the connection without an answer.
func hangUp(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			_ = conn.Close()
			return
		}
	}
	panic(http.ErrAbortHandler) // HTTP/2 or a recorder: abort the stream
}
