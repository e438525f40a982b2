package sowell

// FieldError, ValidationError and validationError are generated, the same
// for every package, in validation_gen.go.
//go:generate go run ../internal/validate/valgen

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/passerelle-go/passerelle/internal/transport"
)

// Error is a call that did not succeed: the other end answered an HTTP
// status outside 2xx (with, from a CRM built on [NewHandler], the list of
// bad fields), or gave no usable answer. Match its kind with errors.Is and
// the sentinels below; read its details with errors.As. Nothing in it holds
// the token.
type Error struct {
	// Op is the operation: "push" or "status".
	Op string
	// StatusCode is the HTTP status of the answer; 0 when no answer
	// arrived.
	StatusCode int
	// URL is the endpoint, redacted.
	URL string
	// Message is the text the other end gave (its "error" or "message"
	// member), redacted and cut at 512 bytes.
	Message string
	// Body is a short redacted excerpt of an answer that could not be
	// read as JSON.
	Body string
	// Fields are the bad fields the CRM listed with a 400 answer.
	Fields []FieldError
	// Err is the cause when no usable answer arrived: a transport or
	// context error, ErrRedirect, ErrResponseTooLarge or
	// ErrMalformedResponse.
	Err error
}

// Error describes the failure on one line: the operation, the HTTP
// status, the other end's message and bad fields, the cause, or an
// excerpt of an answer that could not be read.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("sowell: ")
	b.WriteString(e.Op)
	if e.StatusCode != 0 {
		b.WriteString(": HTTP " + strconv.Itoa(e.StatusCode))
	}
	if e.Message != "" {
		b.WriteString(": " + e.Message)
	}
	for _, f := range e.Fields {
		b.WriteString("; " + f.String())
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

// Is matches ErrUnauthorized (HTTP 401 or 403), ErrNotFound (404) and
// ErrRejected (any other 4xx: the request itself was refused, and sending
// it again unchanged fails again). The causes (ErrRedirect,
// ErrResponseTooLarge, ErrMalformedResponse, transport and context
// errors) match through Unwrap.
func (e *Error) Is(target error) bool {
	switch target {
	case ErrUnauthorized:
		return e.StatusCode == http.StatusUnauthorized || e.StatusCode == http.StatusForbidden
	case ErrNotFound:
		return e.StatusCode == http.StatusNotFound
	case ErrRejected:
		return e.StatusCode >= 400 && e.StatusCode < 500 && e.StatusCode != http.StatusUnauthorized &&
			e.StatusCode != http.StatusForbidden && e.StatusCode != http.StatusNotFound &&
			e.StatusCode != http.StatusRequestTimeout && e.StatusCode != http.StatusTooManyRequests
	}
	return false
}

var (
	// ErrUnauthorized matches HTTP 401 and 403: the token was refused.
	ErrUnauthorized = errors.New("token refused")
	// ErrRejected matches the other 4xx answers but 404, 408 and 429: the
	// other end refused the request (a CRM built on NewHandler lists the
	// bad fields in Error.Fields).
	ErrRejected = errors.New("request refused")
	// ErrNotFound matches HTTP 404: SoWell does not know the report, or
	// the endpoint's path is wrong.
	ErrNotFound = errors.New("not found")
	// ErrMalformedResponse is the cause of an error answer that cannot be
	// read as JSON (an HTML page from a proxy, a truncated body) or of an
	// answer whose status is not one HTTP defines: it proves nothing.
	// Error.StatusCode and Error.Body tell more.
	ErrMalformedResponse = errors.New("malformed response")
	// ErrResponseTooLarge is the cause of an answer longer than the limit
	// (10 MiB unless WithMaxResponseSize says otherwise).
	ErrResponseTooLarge = transport.ErrResponseTooLarge
	// ErrRedirect is the cause of a redirect answer (any 3xx but 304):
	// redirects are never followed, so the token never reaches another
	// scheme, host or port. The error names the Location, redacted.
	ErrRedirect = transport.ErrRedirect
)

// errorAnswer is what an error answer may hold: the handler's own shape
// ({"error", "fields"}) and the usual "message".
type errorAnswer struct {
	Error   json.RawMessage `json:"error"`
	Message json.RawMessage `json:"message"`
	Fields  []FieldError    `json:"fields"`
}

// text reads a JSON scalar as text: a string's content, or a number's or
// boolean's literal.
func text(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	t := strings.TrimSpace(string(raw))
	if t == "null" || strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[") {
		return ""
	}
	return t
}

// failure turns a non-2xx answer into an *Error.
func failure(op string, resp *transport.Response, t *transport.Client) error {
	rd := t.Redactor()
	e := &Error{Op: op, StatusCode: resp.StatusCode, URL: resp.URL()}
	var a errorAnswer
	switch {
	case resp.StatusCode < 100 || resp.StatusCode > 599:
		e.Err = ErrMalformedResponse
	case len(strings.TrimSpace(string(resp.Body))) == 0:
	case json.Unmarshal(resp.Body, &a) != nil:
		e.Err = ErrMalformedResponse
	}
	msg := text(a.Error)
	if msg == "" {
		msg = text(a.Message)
	}
	e.Message = rd.Message(msg)
	if len(a.Fields) > maxProblems {
		a.Fields = a.Fields[:maxProblems]
	}
	for _, f := range a.Fields {
		e.Fields = append(e.Fields, FieldError{Field: rd.Message(f.Field), Problem: rd.Message(f.Problem)})
	}
	if e.Message == "" && len(e.Fields) == 0 && len(resp.Body) > 0 {
		e.Body = rd.Excerpt(resp.Body, 256)
	}
	return e
}

// wrap turns a transport failure into an *Error.
func wrap(op string, err error) error {
	e := &Error{Op: op, Err: err}
	var te *transport.Error
	if errors.As(err, &te) {
		e.StatusCode, e.URL = te.StatusCode, te.URL
	}
	return e
}
