// Package faultmatrix runs every client method of a package through the
// same failures, played by the package's fake server: each ends in success
// where a retry is safe, or in the package's typed error — never a panic,
// never a write done twice, never a hang past the context's deadline.
package faultmatrix

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/passerelle-go/passerelle/internal/fault"
	"github.com/passerelle-go/passerelle/internal/transport"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The client settings a package's Setup must use, so that the matrix runs
// in well under a second per case.
const (
	Timeout       = 300 * time.Millisecond // per attempt
	Retries       = 2
	MinWait       = time.Millisecond
	MaxWait       = 10 * time.Millisecond
	MaxRetryAfter = 100 * time.Millisecond // the server asks for 1s
	deadline      = 5 * time.Second        // the context of each call
)

// Method is one client method under test.
type Method struct {
	Name string
	Kind transport.Kind
	// Setup starts a fresh fake server with a client configured with the
	// constants above. It returns the server's fault queue, the call, and
	// a count of the method's effects on the server (the writes it did);
	// effects may be nil for reads.
	Setup func(t *testing.T) (inject func(n int, f fault.Fault), call func(ctx context.Context) error, effects func() int)
	// Typed reports whether err is the package's error type.
	Typed func(err error) bool
	// Succeeds lists the faults after which this method succeeds although
	// the matrix expects an error, because the service's convention says
	// so (EasyCall: any 2xx is success, whatever the body). Say why where
	// it is set.
	Succeeds []fault.Kind
	// Fails lists the faults after which this method fails although the
	// matrix expects success, because a retry would be unsafe for it (a
	// streamed body cannot be sent again). Say why where it is set.
	Fails []fault.Kind
}

// Scenario is one failure and what each kind of method must make of it.
type Scenario struct {
	Name    string
	Fault   fault.Fault
	Times   int
	ReadOK  bool  // a read ends in success
	WriteOK bool  // a write ends in success
	Cause   error // when not nil, a failure must wrap it
	// Trap sends a Redirect's Location to a server of the matrix's own,
	// on another port, which must receive nothing: no credential, no body.
	Trap bool
}

// Scenarios is the matrix of the foundation issue.
var Scenarios = []Scenario{
	{Name: "503 then success", Fault: fault.Fault{Kind: fault.Unavailable}, Times: 1, ReadOK: true, WriteOK: true},
	{Name: "429 with Retry-After then success", Fault: fault.Fault{Kind: fault.TooManyRequests, RetryAfter: time.Second}, Times: 1, ReadOK: true, WriteOK: true},
	{Name: "503 until retries run out", Fault: fault.Fault{Kind: fault.Unavailable}, Times: Retries + 1},
	{Name: "connection dropped before processing", Fault: fault.Fault{Kind: fault.Drop}, Times: 1, ReadOK: true},
	{Name: "connection dropped after processing", Fault: fault.Fault{Kind: fault.DropAfter}, Times: 1, ReadOK: true},
	{Name: "stall past the timeout", Fault: fault.Fault{Kind: fault.Stall, Duration: 10 * time.Second}, Times: 1, ReadOK: true},
	{Name: "HTML error page", Fault: fault.Fault{Kind: fault.HTMLPage}, Times: 1},
	{Name: "truncated JSON", Fault: fault.Fault{Kind: fault.Truncated}, Times: 1},
	{Name: "100 MB body", Fault: fault.Fault{Kind: fault.Huge}, Times: 1, Cause: transport.ErrResponseTooLarge},
	{Name: "301 to another host", Fault: fault.Fault{Kind: fault.Redirect, Status: 301}, Times: 1, Cause: transport.ErrRedirect, Trap: true},
	{Name: "302 to another host", Fault: fault.Fault{Kind: fault.Redirect, Status: 302}, Times: 1, Cause: transport.ErrRedirect, Trap: true},
	{Name: "307 to another host", Fault: fault.Fault{Kind: fault.Redirect, Status: 307}, Times: 1, Cause: transport.ErrRedirect, Trap: true},
	{Name: "308 to another host", Fault: fault.Fault{Kind: fault.Redirect, Status: 308}, Times: 1, Cause: transport.ErrRedirect, Trap: true},
	{Name: "302 to the same path", Fault: fault.Fault{Kind: fault.Redirect, Status: 302, Location: "?again=1"}, Times: 1, Cause: transport.ErrRedirect},
}

// Run plays every scenario against every method, in parallel.
func Run(t *testing.T, methods []Method) {
	t.Helper()
	for _, m := range methods {
		for _, sc := range Scenarios {
			t.Run(m.Name+"/"+sc.Name, func(t *testing.T) {
				t.Parallel()
				inject, call, effects := m.Setup(t)
				f := sc.Fault
				var trapped atomic.Int32
				if sc.Trap {
					trap := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { trapped.Add(1) }))
					defer trap.Close()
					f.Location = trap.URL + "/elsewhere"
				}
				inject(sc.Times, f)
				ctx, cancel := context.WithTimeout(context.Background(), deadline)
				defer cancel()

				start := time.Now()
				err := call(ctx)
				elapsed := time.Since(start)

				assert.Less(t, elapsed, deadline, "the call outlived its context")
				if sc.Fault.Kind == fault.Stall {
					assert.Less(t, elapsed, 4*Timeout, "a stalled attempt was not cut at the timeout")
				}
				wantOK := sc.ReadOK
				if m.Kind == transport.NotIdempotent {
					wantOK = sc.WriteOK
				}
				wantOK = wantOK || slices.Contains(m.Succeeds, sc.Fault.Kind) && sc.Times == 1
				wantOK = wantOK && !slices.Contains(m.Fails, sc.Fault.Kind)
				if wantOK {
					require.NoError(t, err)
				} else {
					require.Error(t, err)
					assert.True(t, m.Typed(err), "error %T is not the package's type: %v", err, err)
					if sc.Cause != nil {
						assert.True(t, errors.Is(err, sc.Cause), "error does not wrap %v: %v", sc.Cause, err)
					}
				}
				assert.Zero(t, trapped.Load(), "a redirect was followed to another host")
				if m.Kind == transport.NotIdempotent && effects != nil {
					n := effects()
					assert.LessOrEqual(t, n, 1, "the write was done %d times", n)
					if wantOK {
						assert.Equal(t, 1, n, "the write succeeded but the server did not do it")
					}
					if !sc.Fault.Processes() && !wantOK {
						assert.Zero(t, n, "the server did the write although the fault precedes processing")
					}
				}
			})
		}
	}
}

// HostileIDs are ids a caller or a service could hand over that must stay
// inside their URL path segment.
var HostileIDs = []string{"../../../admin/users/1", "a/b", "..", ".", "%2e%2e", "x?y=1#z", "ACME/../../other", "a\\b"}

// PathID is a method that puts an id in a URL path segment.
type PathID struct {
	Name string
	// Setup starts a fresh fake server and a client. call sends the
	// method with id; paths returns the escaped request paths
	// (RequestURI) the server received so far.
	Setup func(t *testing.T) (call func(ctx context.Context, id string) error, paths func() []string)
}

// RunPathIDs calls each method with every hostile id: either the call is
// refused before anything is sent, or every path the server received keeps
// the id whole in one segment and holds no "." or ".." segment.
func RunPathIDs(t *testing.T, methods []PathID) {
	t.Helper()
	for _, m := range methods {
		for _, id := range HostileIDs {
			t.Run(m.Name+"/"+id, func(t *testing.T) {
				t.Parallel()
				call, paths := m.Setup(t)
				before := len(paths())
				ctx, cancel := context.WithTimeout(context.Background(), deadline)
				defer cancel()
				err := call(ctx, id)
				sent := paths()[before:]
				if err != nil && len(sent) == 0 {
					return // refused before sending
				}
				require.NotEmpty(t, sent, "the call succeeded without a request: %v", err)
				for _, p := range sent {
					path, _, _ := strings.Cut(p, "?")
					found := false
					for _, seg := range strings.Split(path, "/") {
						d, uerr := url.PathUnescape(seg)
						require.NoError(t, uerr, p)
						assert.NotContains(t, []string{".", ".."}, d, "a dot segment reached the server: %s", p)
						found = found || d == id
					}
					assert.True(t, found, "the id is not one segment of %s", p)
				}
			})
		}
	}
}
