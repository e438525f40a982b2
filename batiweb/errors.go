package batiweb

// FieldError, ValidationError and validationError are generated, the same
// for every package, in validation_gen.go.
//go:generate go run ../internal/validate/valgen

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/passerelle-go/passerelle/internal/transport"
)

// NoCode is Error.Code when the failure carried no service code: a
// transport failure, an ended context, or a response that could not be
// read. Error.Err says which. (A negative code from the server is not
// documented, so it is read as a malformed response.)
const NoCode Code = -1

// Error is a call that did not succeed: the service answered a code other
// than 0 (whatever the HTTP status), or gave no usable answer. Match its
// kind with errors.Is and the sentinels below; read its details with
// errors.As. Nothing in it holds the password, and its text is bounded.
type Error struct {
	// Op is the method: "is_sellable", "import" or "status".
	Op string
	// Code is the service's response code ("Code réponse"), or [NoCode].
	Code Code
	// Message is the service's message ("message"), secrets masked,
	// control characters replaced and cut at 512 bytes.
	Message string
	// StatusCode is the HTTP status, 0 when no answer arrived. The service
	// answers 200 on failures too: Code decides.
	StatusCode int
	// URL is the endpoint, without user info or secrets.
	URL string
	// Body is a short redacted excerpt of a body that could not be read.
	Body string
	// Raw is the whole answer, secrets masked, when it could not be read
	// as the documented JSON or did not prove success: whatever Batiweb
	// sent (an import's id and token) stays reachable. Error() never
	// prints it.
	Raw []byte
	// Err is the cause when there is no code: a transport error, a context
	// error, [ErrMalformedResponse], [ErrRedirect], [ErrResponseTooLarge].
	Err error
}

// Error describes the answer: the operation, the service's code and
// message, or the HTTP status, the cause and a body excerpt.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("batiweb: ")
	b.WriteString(e.Op)
	if e.Err == nil {
		fmt.Fprintf(&b, ": code %d", int(e.Code))
		if e.Message != "" {
			b.WriteString(": " + e.Message)
		}
		return b.String()
	}
	if e.StatusCode != 0 {
		b.WriteString(": HTTP " + strconv.Itoa(e.StatusCode))
	}
	b.WriteString(": " + bounded(e.Err.Error()))
	if e.Body != "" {
		b.WriteString(": body: " + e.Body)
	}
	return b.String()
}

// bounded cuts a cause's text at 1 KiB: a cause's text comes from the
// transport, which bounds what it shows, but the error's text must stay
// bounded whatever the cause.
func bounded(s string) string {
	const max = 1 << 10
	if len(s) <= max {
		return s
	}
	i := max
	for i > 0 && s[i]&0xC0 == 0x80 {
		i--
	}
	return s[:i] + "…"
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Is matches the code sentinels ([ErrDuplicateLead], ...) and
// [ErrRejected] for codes 2 to 6.
func (e *Error) Is(target error) bool {
	if e.Code == NoCode {
		return false
	}
	if target == ErrRejected {
		return e.Code >= CodeMissingArgument && e.Code <= CodeLeaseholderRefused
	}
	s, ok := target.(*codeError)
	return ok && e.Code == s.code
}

type codeError struct {
	code Code
	msg  string
}

// Error names the code's failure.
func (s *codeError) Error() string { return "batiweb: " + s.msg }

// Sentinels for errors.Is, one per failure code of the response code table
// ("Code réponse") of Batiweb's "Web Service 2023" document.
var (
	// ErrUnauthorized is code 1: missing or wrong login or password, an
	// invalid environment, or "Access to production is not granted" (PROD
	// opens only after Batiweb has accepted the integration in PREP).
	ErrUnauthorized error = &codeError{CodeAuthentication, "authentication failed or production access not granted"}
	// ErrAuthentication is code 1.
	//
	// Deprecated: use ErrUnauthorized, the name every passerelle package
	// gives a refused credential.
	ErrAuthentication = ErrUnauthorized
	// ErrMissingArgument is code 2: a required argument is missing or
	// unreadable; the message names it.
	ErrMissingArgument error = &codeError{CodeMissingArgument, "missing or invalid argument"}
	// ErrInvalidValue is code 3: a value is not one the service accepts.
	ErrInvalidValue error = &codeError{CodeInvalidValue, "invalid value"}
	// ErrNotSellable is code 4 from Import: Batiweb does not buy this trade
	// in this place. From IsSellable, code 4 is a result, not an error.
	ErrNotSellable error = &codeError{CodeNotSellable, "lead cannot be sold"}
	// ErrDuplicateLead is code 5: Batiweb already has this requester.
	ErrDuplicateLead error = &codeError{CodeDuplicateLead, "duplicate lead"}
	// ErrLeaseholderRefused is code 6: the lead is refused because the
	// requester does not own the dwelling.
	ErrLeaseholderRefused error = &codeError{CodeLeaseholderRefused, "leaseholder refused"}
	// ErrInternal is code 9: the service failed.
	ErrInternal error = &codeError{CodeInternal, "internal error"}
)

// ErrRejected matches every code by which Batiweb refused the request
// itself, 2 to 6 ([ErrMissingArgument], [ErrInvalidValue],
// [ErrNotSellable], [ErrDuplicateLead], [ErrLeaseholderRefused]): sent
// again unchanged, it is refused again.
var ErrRejected = errors.New("batiweb: request rejected")

// ErrMalformedResponse is the cause of an *Error whose response could not
// be read as the documented JSON or does not prove success: an HTML error
// page, truncated JSON, an answer without a code, an HTTP error without a
// code. Error.StatusCode and Error.Body tell more.
var ErrMalformedResponse = errors.New("malformed response")

// ErrResponseTooLarge is the cause of an *Error whose response body was
// longer than the limit (10 MiB unless WithMaxResponseSize says otherwise).
var ErrResponseTooLarge = transport.ErrResponseTooLarge

// ErrRedirect is the cause of an *Error whose answer was a redirect: it is
// never followed, as the password travels in the body. The error names
// the Location, redacted.
var ErrRedirect = transport.ErrRedirect
