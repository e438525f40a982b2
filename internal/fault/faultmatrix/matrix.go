// Package faultmatrix runs every client method of a package through the
// same failures, played by the package's fake server: each ends in success
// where a retry is safe, or in the package's typed error — never a panic,
// never a write done twice, never a hang past the context's deadline.
package faultmatrix

import (
	"context"
	"errors"
	"slices"
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
}

// Run plays every scenario against every method, in parallel.
func Run(t *testing.T, methods []Method) {
	t.Helper()
	for _, m := range methods {
		for _, sc := range Scenarios {
			t.Run(m.Name+"/"+sc.Name, func(t *testing.T) {
				t.Parallel()
				inject, call, effects := m.Setup(t)
				inject(sc.Times, sc.Fault)
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
