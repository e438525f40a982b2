package easycall

import (
	"context"
	"errors"
	"net/http"
	"sync"

	"github.com/passerelle-go/passerelle/internal/transport"
)

// Status is what happened to one lead of ImportAll.
type Status int

const (
	// Sent: EasyCall accepted the lead.
	Sent Status = iota + 1
	// Rejected: the lead was invalid (nothing sent) or EasyCall answered
	// an error; sending it again unchanged would fail again.
	Rejected
	// NotSent: the lead never reached EasyCall (the context ended first,
	// or no connection could be made); it is safe to send again.
	NotSent
	// Unknown: the request may have reached EasyCall but no answer came
	// (a timeout, a dropped connection); check in EasyCall before sending
	// it again, or it may be imported twice.
	Unknown
)

func (s Status) String() string {
	switch s {
	case Sent:
		return "sent"
	case Rejected:
		return "rejected"
	case NotSent:
		return "not sent"
	case Unknown:
		return "unknown"
	}
	return "Status(?)"
}

// Outcome is one lead's fate in ImportAll.
type Outcome struct {
	Index  int // the lead's index in the slice given
	Status Status
	Result *ImportResult // when Sent
	Err    error         // why, when not Sent
}

// ImportAllOptions tune ImportAll.
type ImportAllOptions struct {
	// Concurrency is the number of imports in flight (4 when zero).
	Concurrency int
}

// ImportAll imports leads with bounded concurrency and reports every
// lead's outcome, in the leads' order: sent, rejected (with the reason),
// not sent (safe to send again), or unknown (may have arrived). When the
// context ends, the leads not started are NotSent. It never sends a lead
// twice.
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
		return Outcome{Index: i, Status: NotSent, Err: err}
	}
	res, err := c.Import(ctx, lead)
	return Outcome{Index: i, Status: classify(err), Result: res, Err: err}
}

// classify tells from Import's error whether the lead may have arrived.
func classify(err error) Status {
	var (
		verr *ValidationError
		e    *Error
	)
	switch {
	case err == nil:
		return Sent
	case errors.As(err, &verr):
		return Rejected
	case errors.As(err, &e) && (e.StatusCode == http.StatusTooManyRequests || e.StatusCode == http.StatusServiceUnavailable):
		return NotSent // the two statuses that say the request was not processed
	case errors.As(err, &e) && e.StatusCode >= 400 && e.StatusCode < 500:
		return Rejected
	case transport.NothingSent(err):
		return NotSent
	}
	return Unknown
}
