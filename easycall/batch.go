package easycall

import (
	"context"
	"errors"
	"net/http"
	"sync"

	"github.com/passerelle-go/passerelle/internal/transport"
)

// Result is what happened to one lead of [Client.ImportAll], named for
// what the caller may do next.
type Result int

const (
	// Done: EasyCall took the lead (a 2xx answer).
	Done Result = iota + 1
	// Refused: the lead was refused, by validation before anything was
	// sent or by EasyCall (a 4xx answer but 408, 425 and 429); sending
	// it again unchanged fails again.
	Refused
	// NotSent: the lead never reached EasyCall, or EasyCall said it did not
	// process it (the context ended first, no connection could be made,
	// 408 Request Timeout, 425 Too Early, 429 or 503); sending it again is
	// safe.
	NotSent
	// Uncertain: the request may have reached EasyCall but no answer
	// proves what happened (a timeout, a dropped connection, a 5xx, an
	// answer stating a failure). EasyCall documents no way to make a
	// second send harmless: a resend may import the lead twice, so check
	// in EasyCall before sending it again.
	Uncertain
)

// String is the result in words: "done", "refused", "not sent" or
// "uncertain".
func (r Result) String() string {
	switch r {
	case Done:
		return "done"
	case Refused:
		return "refused"
	case NotSent:
		return "not sent"
	case Uncertain:
		return "uncertain"
	}
	return "Result(?)"
}

// Outcome is one lead's fate in [Client.ImportAll].
type Outcome struct {
	// Index is the lead's index in the slice given.
	Index int
	// Result says what happened and what may be done next.
	Result Result
	// Imported is EasyCall's answer, when Done.
	Imported *ImportResult
	// Err says why, when not Done.
	Err error
}

// ImportAllOptions tune ImportAll.
type ImportAllOptions struct {
	// Concurrency is the number of imports in flight (4 when zero).
	Concurrency int
}

// ImportAll imports leads with bounded concurrency and reports every
// lead's outcome, in the leads' order: [Done], [Refused] (with the
// reason), [NotSent] (safe to send again) or [Uncertain] (may have
// arrived). When the context ends, the leads not started are NotSent. It
// never sends a lead twice beyond [Client.Import]'s own retries.
func (c *Client) ImportAll(ctx context.Context, leads []*Lead, opts ImportAllOptions) []Outcome {
	n := opts.Concurrency
	if n <= 0 {
		n = 4
	}
	out := make([]Outcome, len(leads))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(n, len(leads)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = c.importOne(ctx, i, leads[i])
			}
		}()
	}
	for i := range leads {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

func (c *Client) importOne(ctx context.Context, i int, lead *Lead) Outcome {
	if err := ctx.Err(); err != nil {
		return Outcome{Index: i, Result: NotSent, Err: err}
	}
	res, err := c.Import(ctx, lead)
	return Outcome{Index: i, Result: classify(err), Imported: res, Err: err}
}

// notTaken reports whether an HTTP status says the request was not
// processed: 408 (the server gave up waiting for the request), 425 (it
// would not risk processing a request that might be replayed), 429 and
// 503.
func notTaken(status int) bool {
	switch status {
	case http.StatusRequestTimeout, http.StatusTooEarly, http.StatusTooManyRequests, http.StatusServiceUnavailable:
		return true
	}
	return false
}

// classify tells from Import's error whether the lead may have arrived.
func classify(err error) Result {
	var (
		verr *ValidationError
		e    *Error
	)
	switch {
	case err == nil:
		return Done
	case errors.As(err, &verr):
		return Refused
	case errors.As(err, &e) && notTaken(e.StatusCode):
		return NotSent
	case errors.As(err, &e) && e.StatusCode >= 400 && e.StatusCode < 500:
		return Refused
	case transport.NothingSent(err):
		return NotSent
	}
	return Uncertain
}
