package factory

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/passerelle-go/passerelle/internal/transport"
	"github.com/passerelle-go/passerelle/internal/validate"
)

// Error is a call that did not succeed: La Factory answered an erCode or
// erMessage, an HTTP error, or no usable answer. Match it with errors.Is
// and the sentinels below; read it with errors.As. It never holds the api
// key.
type Error struct {
	Op         string // the method, "GetProject4CallCenter", ...
	ErCode     string // La Factory's erCode, as sent
	ErMessage  string // La Factory's erMessage, redacted
	HTTPStatus int    // 0 when no response arrived
	URL        string // redacted
	Body       string // a short redacted excerpt of an answer that could not be read
	Err        error  // the cause when La Factory sent no error: transport, context, ErrMalformedResponse, ErrNoProject
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("factory: " + e.Op)
	if e.HTTPStatus != 0 && (e.HTTPStatus < 200 || e.HTTPStatus > 299) {
		b.WriteString(": HTTP " + strconv.Itoa(e.HTTPStatus))
	}
	if e.ErCode != "" || e.ErMessage != "" {
		b.WriteString(": erCode " + e.ErCode + ": " + e.ErMessage)
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

// Is matches ErrRejected (La Factory sent an error) and ErrUnauthorized
// (HTTP 401 or 403).
func (e *Error) Is(target error) bool {
	switch target {
	case ErrRejected:
		return e.ErCode != "" || e.ErMessage != ""
	case ErrUnauthorized:
		return e.HTTPStatus == http.StatusUnauthorized || e.HTTPStatus == http.StatusForbidden
	}
	return false
}

var (
	// ErrNoProject is NextProject's answer when no project waits for the
	// call center.
	ErrNoProject = errors.New("no project waiting")
	// ErrRejected matches every error La Factory reported with erCode or
	// erMessage.
	ErrRejected = errors.New("rejected by La Factory")
	// ErrUnauthorized matches HTTP 401 and 403: a wrong or missing api key.
	ErrUnauthorized = errors.New("api key refused")
	// ErrMalformedResponse is the cause of an answer that is not the
	// documented JSON (an HTML page, truncated JSON, an HTTP error without
	// La Factory's error object).
	ErrMalformedResponse = errors.New("malformed response")
	// ErrResponseTooLarge is the cause of an answer over the size limit.
	ErrResponseTooLarge = transport.ErrResponseTooLarge
)

// FieldError is one invalid field: its wire name and what is wrong.
type FieldError = validate.Problem

// ValidationError lists every problem of a request, found before anything
// was sent: Fields names each bad field, Field(name) tests for one.
type ValidationError = validate.Error

func validationError(op string, l validate.List) error { return l.Err("factory", op) }

func nilArgument(op, name string) error {
	return &ValidationError{Pkg: "factory", Op: op, Fields: []FieldError{{Field: name, Problem: "is nil"}}}
}
