package factory

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

// Error is a call that did not succeed: La Factory answered an erCode or
// erMessage, an HTTP error, a redirect, or no usable answer. Match it with
// errors.Is and the sentinels below; read it with errors.As. It never
// holds the api key, and its Error text never shows Raw.
type Error struct {
	// Op is the method: "GetProject4CallCenter", "SetActivity", ...
	Op string
	// StatusCode is the HTTP status of La Factory's answer; 0 when no
	// answer arrived.
	StatusCode int
	// URL is the request's URL, redacted.
	URL string
	// Code is La Factory's erCode ("error code"), as sent, redacted.
	Code string
	// Message is La Factory's erMessage ("error message"), or the text of
	// an error member of another shape, masked and cut at 512 bytes.
	Message string
	// Body is a short redacted excerpt of an answer that could not be
	// read. It is left empty when the answer holds a project, whose
	// personal data does not belong in an error text.
	Body string
	// Raw is what La Factory answered, whole and as received, on every
	// error that had an answer (a refusal, an answer that could not be
	// read): a project NextProject could not decode, or one La Factory
	// handed out beside an erMessage, is here, so that nothing it handed
	// out is lost. Error never prints it; it may hold personal data.
	Raw []byte
	// Result is what La Factory answered with an error that is not a
	// failure of the request: UpdateProject's ErrProjectCreated carries
	// the new project's ids here.
	Result *Result
	// Err is the cause: a transport error, the context's error,
	// ErrMalformedResponse, ErrNoProject, ErrProjectCreated,
	// ErrSellerNotLicensed.
	Err error
}

// Error describes what happened in terms of La Factory's answer: the
// method, the HTTP status, erCode and erMessage, the cause and a short
// body excerpt; never Raw.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("factory: " + e.Op)
	if e.StatusCode != 0 && (e.StatusCode < 200 || e.StatusCode > 299) {
		b.WriteString(": HTTP " + strconv.Itoa(e.StatusCode))
	}
	if e.Code != "" || e.Message != "" {
		b.WriteString(": La Factory answered erCode " + orNull(e.Code) + ", erMessage " + orNull(e.Message))
	}
	if e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	if e.Body != "" {
		b.WriteString(": body: " + e.Body)
	}
	return b.String()
}

func orNull(s string) string {
	if s == "" {
		return "null"
	}
	return strconv.Quote(s)
}

// GoString prints the error as Error does, so that %#v never shows Raw.
func (e *Error) GoString() string { return e.Error() }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Is matches ErrRejected (La Factory sent an erCode or an erMessage),
// ErrUnauthorized (HTTP 401 or 403) and ErrNotFound (HTTP 404); the
// causes (ErrMalformedResponse, ErrRedirect, ...) match through Unwrap.
func (e *Error) Is(target error) bool {
	switch target {
	case ErrRejected:
		return e.Code != "" || e.Message != ""
	case ErrUnauthorized:
		return e.StatusCode == http.StatusUnauthorized || e.StatusCode == http.StatusForbidden
	case ErrNotFound:
		return e.StatusCode == http.StatusNotFound
	}
	return false
}

var (
	// ErrNoProject is NextProject's answer when no project waits for the
	// call center.
	ErrNoProject = errors.New("no project waiting")
	// ErrRejected matches every error La Factory reported with a non-null
	// erCode or erMessage: the request was refused, and sending it again
	// unchanged fails again.
	ErrRejected = errors.New("rejected by La Factory")
	// ErrUnauthorized matches HTTP 401 and 403: a wrong or missing api key.
	ErrUnauthorized = errors.New("api key refused")
	// ErrNotFound matches HTTP 404: no web service at this path (see
	// WithPath and WithBaseURL).
	ErrNotFound = errors.New("no web service at this path")
	// ErrMalformedResponse is the cause of an answer that does not prove
	// success: not the documented JSON (an HTML page, truncated JSON, an
	// error member of another shape or without erCode and erMessage, an
	// Operation that holds no readable Set.Data), an HTTP error without La Factory's
	// error object, or a success without what the method returns (no
	// factoryprojectid). A project that could not be decoded is in
	// Error.Raw.
	ErrMalformedResponse = errors.New("malformed response")
	// ErrResponseTooLarge is the cause of an answer over the size limit
	// (see WithMaxResponseSize).
	ErrResponseTooLarge = transport.ErrResponseTooLarge
	// ErrRedirect is the cause of a redirect answer: redirects are never
	// followed, so the api key never reaches another host. The error
	// names the Location, redacted.
	ErrRedirect = transport.ErrRedirect
	// ErrProjectCreated is UpdateProject's cause when La Factory did not
	// know the factoryprojectid and so created a new project, as its
	// document says it does (section 3.3.3.1). The new ids are in
	// Error.Result.
	ErrProjectCreated = errors.New("the project was unknown to La Factory, which created a new one")
	// ErrSellerNotLicensed is CheckSalesRep's cause when the commercial
	// ("suivi par", the project's owner) is not the e-mail of a seller the
	// GetPrograms referential lists.
	ErrSellerNotLicensed = errors.New("commercial is not a licensed seller")
)

func nilArgument(op, name string) error {
	return &ValidationError{Op: op, Fields: []FieldError{{Field: name, Problem: "is nil"}}}
}
