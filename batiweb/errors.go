package batiweb

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/passerelle-go/passerelle/internal/transport"
	"github.com/passerelle-go/passerelle/internal/validate"
)

// NoCode is Error.Code when the failure carried no service code: a
// transport failure, an ended context, or a response that could not be
// read. Error.Err says which. (A negative code from the server is not
// documented, so it is read as a malformed response.)
const NoCode Code = -1

// Error is a call that did not succeed: the service answered a code other
// than 0 (whatever the HTTP status), or gave no usable answer. Match its
// kind with errors.Is and the sentinels below; read its details with
// errors.As. Nothing in it holds the password.
type Error struct {
	Op         string // "is_sellable", "import" or "status"
	Code       Code   // the service's code, or NoCode
	Message    string // the service's message, redacted
	HTTPStatus int    // 0 when no response arrived
	URL        string // the endpoint, redacted
	Body       string // a short redacted excerpt of a body that could not be understood
	Err        error  // the cause when there is no code: transport error, context error, ErrMalformedResponse
}

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
	if e.HTTPStatus != 0 {
		b.WriteString(": HTTP " + strconv.Itoa(e.HTTPStatus))
	}
	if e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	if e.Body != "" {
		b.WriteString(": body: " + e.Body)
	}
	return b.String()
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Is matches the code sentinels (ErrDuplicateLead, ...).
func (e *Error) Is(target error) bool {
	s, ok := target.(*codeError)
	return ok && e.Code != NoCode && e.Code == s.code
}

type codeError struct {
	code Code
	msg  string
}

func (s *codeError) Error() string { return "batiweb: " + s.msg }

// Sentinels for errors.Is, one per failure code of the seed's table.
var (
	// ErrAuthentication is code 1: missing or wrong login or password, an
	// invalid environment, or "Access to production is not granted" (PROD
	// opens only after Batiweb has accepted the integration in PREP).
	ErrAuthentication error = &codeError{CodeAuthentication, "authentication failed or production access not granted"}
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

// ErrMalformedResponse is the cause of an *Error whose response could not
// be read as the documented JSON: an HTML error page, truncated JSON, an
// HTTP error without a code. Error.HTTPStatus and Error.Body tell more.
var ErrMalformedResponse = errors.New("malformed response")

// ErrResponseTooLarge is the cause of an *Error whose response body was
// longer than the limit (10 MiB unless WithMaxResponseSize says otherwise).
var ErrResponseTooLarge = transport.ErrResponseTooLarge

// FieldError is one invalid field: its wire name and what is wrong.
type FieldError = validate.Problem

// ValidationError lists every problem of a request, found before anything
// was sent: Fields names each bad field, Field(name) tests for one.
type ValidationError = validate.Error

func validationError(op string, l validate.List) error { return l.Err("batiweb", op) }
