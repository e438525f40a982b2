package easycall

// FieldError, ValidationError and validationError are generated, the same
// for every package, in validation_gen.go.
//go:generate go run ../internal/validate/valgen

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/passerelle-go/passerelle/internal/transport"
)

// Error is an import that did not succeed: an HTTP error status, an
// answer stating a failure, or no answer at all. Match its kind with
// errors.Is and the sentinels below. It never holds the token, and its
// text is bounded.
type Error struct {
	// Op is the operation, "import".
	Op string
	// StatusCode is the HTTP status, 0 when no answer arrived.
	StatusCode int
	// Message is EasyCall's message (the "message" or "error" of a JSON
	// answer, else the answer itself), secrets masked, control characters
	// replaced, cut at 512 bytes.
	Message string
	// URL is the endpoint, without user info or secrets.
	URL string
	// Body is a redacted excerpt of the answer, at most 256 bytes.
	Body string
	// Raw is the whole answer, secrets masked, when there was one: nothing
	// EasyCall sent is lost. Error() never prints it.
	Raw []byte
	// Err is the cause: a transport error, a context error,
	// [ErrMalformedResponse], [ErrRedirect], [ErrResponseTooLarge]; nil
	// for an HTTP error status.
	Err error
}

// Error describes the answer: the operation, the HTTP status, EasyCall's
// message and the cause.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("easycall: " + e.Op)
	if e.StatusCode != 0 {
		b.WriteString(": HTTP " + strconv.Itoa(e.StatusCode))
	}
	if e.Message != "" {
		b.WriteString(": " + e.Message)
	}
	if e.Err != nil {
		s := e.Err.Error()
		if len(s) > 1<<10 {
			s = strings.ToValidUTF8(s[:1<<10], "") + "…"
		}
		b.WriteString(": " + s)
	}
	return b.String()
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Is matches [ErrUnauthorized] (401) and [ErrRejected] (400).
func (e *Error) Is(target error) bool {
	return target == ErrUnauthorized && e.StatusCode == http.StatusUnauthorized ||
		target == ErrRejected && e.StatusCode == http.StatusBadRequest
}

var (
	// ErrUnauthorized is HTTP 401: the token is wrong or revoked.
	ErrUnauthorized = errors.New("token refused")
	// ErrRejected is HTTP 400: EasyCall refused the lead; Error.Message
	// says why. Sent again unchanged, it is refused again.
	ErrRejected = errors.New("lead rejected")
	// ErrMalformedResponse is the cause of an *Error whose answer does not
	// prove success: a 2xx whose JSON states a failure (a non-empty
	// "error" or "errors", "success": false). Whether the lead was
	// imported is unknown.
	ErrMalformedResponse = errors.New("answer does not prove success")
	// ErrResponseTooLarge is the cause of an answer over the size limit.
	ErrResponseTooLarge = transport.ErrResponseTooLarge
	// ErrRedirect is the cause of an *Error whose answer was a redirect:
	// it is never followed, as the token would go with it. The error names
	// the Location, redacted.
	ErrRedirect = transport.ErrRedirect
)
