package divalto

// FieldError, ValidationError and validationError are generated, the same
// for every package, in validation_gen.go.
//go:generate go run ../internal/validate/valgen

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	"github.com/passerelle-go/passerelle/internal/transport"
)

// Error is a webhook call that did not succeed: an HTTP error status, an
// answer carrying weavy's error, an answer that does not prove success
// or cannot be read, a redirect, or no answer at all. Match it with
// errors.As, and its kind with errors.Is and the Err... sentinels.
type Error struct {
	// Op is the method: get, list, put, delete, recode or definition.
	Op string
	// Verb is the envelope's verb.
	Verb Verb
	// StatusCode is the answer's HTTP status; 0 when no answer arrived.
	StatusCode int
	// URL is the entry point's URL, redacted.
	URL string
	// Message is weavy's error message, redacted and cut at 512 bytes.
	Message string
	// Body is an excerpt of the answer, redacted.
	Body string
	// Raw is the whole answer as weavy sent it when it could not be
	// decoded (ErrMalformedResponse), so that nothing weavy handed out is
	// lost. Error never shows it.
	Raw json.RawMessage
	// Err is the cause: ErrMalformedResponse, ErrRejected, ErrNotFound, a
	// transport failure (wrapping ErrRedirect or ErrResponseTooLarge), or
	// the context's error.
	Err error
}

// Error describes the answer: the method, the HTTP status, weavy's
// message and the cause.
func (e *Error) Error() string {
	s := "divalto: " + e.Op
	if e.StatusCode != 0 {
		s += ": HTTP " + strconv.Itoa(e.StatusCode)
	}
	if e.Message != "" {
		s += ": " + e.Message
	}
	if e.Err != nil && e.Err != ErrRejected {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Is matches ErrNotFound (HTTP 404, or a GET answered without the
// prospect), ErrUnauthorized (401, 403) and ErrRejected (another 4xx but
// 429, or a 2xx carrying an error). The cause matches the other
// sentinels.
func (e *Error) Is(target error) bool {
	switch target {
	case ErrNotFound:
		return e.StatusCode == http.StatusNotFound
	case ErrUnauthorized:
		return e.StatusCode == http.StatusUnauthorized || e.StatusCode == http.StatusForbidden
	case ErrRejected:
		return e.StatusCode >= 400 && e.StatusCode < 500 && !e.Is(ErrNotFound) && !e.Is(ErrUnauthorized) &&
			e.StatusCode != http.StatusTooManyRequests
	}
	return false
}

var (
	// ErrNotFound is a prospect weavy does not have.
	ErrNotFound = errors.New("prospect not found")
	// ErrUnauthorized is weavy refusing the entry point (HTTP 401/403).
	ErrUnauthorized = errors.New("entry point refused")
	// ErrRejected is weavy refusing the request; Error.Message says why.
	// Sending it again unchanged fails again.
	ErrRejected = errors.New("request rejected")
	// ErrMalformedResponse is an answer that does not prove success or
	// cannot be read; Error.Raw holds it whole.
	ErrMalformedResponse = errors.New("malformed response")
	// ErrResponseTooLarge is the cause of an answer over the size limit
	// (WithMaxResponseSize).
	ErrResponseTooLarge = transport.ErrResponseTooLarge
	// ErrRedirect is the cause of an answer that redirects (any 3xx but
	// 304): redirects are never followed, so a write never turns into a
	// GET and no request reaches another host. The error names the
	// Location, redacted.
	ErrRedirect = transport.ErrRedirect
	// ErrEarlierBatchFailed is the Err of the records Put did not send
	// because a batch before theirs failed.
	ErrEarlierBatchFailed = errors.New("not sent: an earlier batch failed")
)
