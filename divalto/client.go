package divalto

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/passerelle-go/passerelle/internal/transport"
	"github.com/passerelle-go/passerelle/internal/validate"
)

// DefaultBaseURL is weavy's API host.
const DefaultBaseURL = "https://api.weavy.divalto.com"

// DefaultEntryPoint is the code of the standard prospect webhook. A
// company's own copies are named SPEWHK_...
const DefaultEntryPoint = "WHK_Prospect"

// DefaultMaxPerPut is how many records weavy accepts in one PUT unless
// its Webhook.PUT.MaxElementAtOnce setting says otherwise.
const DefaultMaxPerPut = 10

// WebhookPath is the path of a company's webhook entry points; the entry
// point's code goes in the c query parameter.
func WebhookPath(companyCode, entryPoint string) string {
	return "/v1/entrypoints/" + url.PathEscape(companyCode) + "/webhook/?c=" + url.QueryEscape(entryPoint)
}

// Client calls one weavy webhook entry point. It is safe for concurrent
// use. The webhook takes no credentials: weavy binds the entry point to a
// public API account.
type Client struct {
	// Prospects reads and writes prospects.
	Prospects *ProspectService

	path      string
	header    Header
	maxPerPut int
	now       func() time.Time
	http      *transport.Client
}

type settings struct {
	transport.Config
	header    Header
	maxPerPut int
	now       func() time.Time
}

// Option configures a Client.
type Option func(*settings) error

func common(f func(*transport.Config) error) Option {
	return func(s *settings) error { return f(&s.Config) }
}

// WithBaseURL sends requests to another host (DefaultBaseURL otherwise),
// such as a divaltotest server.
func WithBaseURL(u string) Option { return common(transport.WithBaseURL(u)) }

// WithHTTPClient sets the HTTP client the retries wrap. It is copied.
func WithHTTPClient(hc *http.Client) Option { return common(transport.WithHTTPClient(hc)) }

// WithTimeout bounds each attempt (30s by default).
func WithTimeout(d time.Duration) Option { return common(transport.WithTimeout(d)) }

// WithRetry sets how many times a call is retried and the backoff bounds.
func WithRetry(maxRetries int, minWait, maxWait time.Duration) Option {
	return common(transport.WithRetry(maxRetries, minWait, maxWait))
}

// WithMaxRetryAfter caps how long a server's Retry-After is honoured (30s).
func WithMaxRetryAfter(d time.Duration) Option { return common(transport.WithMaxRetryAfter(d)) }

// WithLogger logs requests, responses and retries.
func WithLogger(l *slog.Logger) Option { return common(transport.WithLogger(l)) }

// WithUserAgent replaces the User-Agent "passerelle/<version>".
func WithUserAgent(ua string) Option { return common(transport.WithUserAgent(ua)) }

// WithMaxResponseSize bounds the bytes read from a response (10 MiB).
func WithMaxResponseSize(n int64) Option { return common(transport.WithMaxResponseSize(n)) }

// WithCaller names the calling application in the envelope's header
// (caller and callerVersion; "passerelle" and the SDK's version otherwise).
func WithCaller(name, version string) Option {
	return func(s *settings) error {
		if name == "" {
			return errors.New("caller name is empty")
		}
		s.header.Caller, s.header.CallerVersion = name, version
		return nil
	}
}

// WithUserCode sends as the weavy user whose code is given (userCode).
func WithUserCode(code string) Option {
	return func(s *settings) error { s.header.UserCode = code; return nil }
}

// WithLanguage sets the envelope's languageCode (French otherwise).
func WithLanguage(l Language) Option {
	return func(s *settings) error {
		if !l.Valid() {
			return fmt.Errorf("language %q is not one of weavy's", l)
		}
		s.header.Language = l
		return nil
	}
}

// WithMarkForExport sets the envelope's markForExport: 0, 1 (weavy's
// default) or 2. It decides how weavy flags the records written for its
// export to the ERP; the seed does not say more.
func WithMarkForExport(n int) Option {
	return func(s *settings) error {
		if n < 0 || n > 2 {
			return fmt.Errorf("markForExport %d is not 0, 1 or 2", n)
		}
		s.header.MarkForExport = strconv.Itoa(n)
		return nil
	}
}

// WithWebhookVersion sets the envelope's webhookVersion: 1 or 2 (the
// default).
func WithWebhookVersion(n int) Option {
	return func(s *settings) error {
		if n != 1 && n != 2 {
			return fmt.Errorf("webhookVersion %d is not 1 or 2", n)
		}
		s.header.WebhookVersion = strconv.Itoa(n)
		return nil
	}
}

// WithMaxPerPut sets how many records Put sends at once: weavy's
// Webhook.PUT.MaxElementAtOnce setting (DefaultMaxPerPut otherwise).
func WithMaxPerPut(n int) Option {
	return func(s *settings) error {
		if n < 1 {
			return fmt.Errorf("max per PUT %d is below 1", n)
		}
		s.maxPerPut = n
		return nil
	}
}

// WithClock sets the clock of the envelope's callDateTime (time.Now
// otherwise).
func WithClock(now func() time.Time) Option {
	return func(s *settings) error { s.now = now; return nil }
}

// New returns a client for a company's webhook entry point
// (DefaultEntryPoint, or a company's SPEWHK_ copy).
func New(companyCode, entryPoint string, opts ...Option) (*Client, error) {
	if companyCode == "" || entryPoint == "" {
		return nil, errors.New("divalto: company code and entry point are required")
	}
	s := settings{
		header: Header{
			Caller: "passerelle", CallerVersion: transport.Version, Language: French,
			MarkForExport: "1", WebhookVersion: "2",
		},
		maxPerPut: DefaultMaxPerPut,
		now:       time.Now,
	}
	s.BaseURL = DefaultBaseURL
	for _, opt := range opts {
		if err := opt(&s); err != nil {
			return nil, fmt.Errorf("divalto: %w", err)
		}
	}
	t, err := transport.New(s.Config)
	if err != nil {
		return nil, fmt.Errorf("divalto: %w", err)
	}
	c := &Client{path: WebhookPath(companyCode, entryPoint), header: s.header, maxPerPut: s.maxPerPut, now: s.now, http: t}
	c.Prospects = &ProspectService{c: c}
	return c, nil
}

// Envelope is the body of every webhook call.
type Envelope struct {
	Header Header          `json:"header"`
	Action Action          `json:"action"`
	Data   json.RawMessage `json:"data,omitempty"`
}

// Header says who calls and how weavy should answer. weavy writes its
// values as strings, and so does the SDK.
type Header struct {
	Caller         string   `json:"caller"`
	CallerVersion  string   `json:"callerVersion"`
	UserCode       string   `json:"userCode"`
	CallDateTime   string   `json:"callDateTime"` // DateTimeLayout, Europe/Paris
	Language       Language `json:"languageCode"`
	MarkForExport  string   `json:"markForExport"`  // 0, 1 or 2
	WebhookVersion string   `json:"webhookVersion"` // 1 or 2
}

// Action is the verb and its parameters.
type Action struct {
	Verb       Verb            `json:"verb"`
	Parameters json.RawMessage `json:"parameters,omitempty"`
}

// call is every method's path to the wire: the envelope, one POST, and
// the answer's decoding (reply). kind says whether the call may be
// retried once it may have reached weavy.
func (c *Client) call(ctx context.Context, op string, kind transport.Kind, verb Verb, params, data any) (*reply, error) {
	env := Envelope{Header: c.header, Action: Action{Verb: verb}}
	env.Header.CallDateTime = c.now().In(Paris).Format(DateTimeLayout)
	var err error
	if params != nil {
		if env.Action.Parameters, err = json.Marshal(params); err != nil {
			return nil, &Error{Op: op, Verb: verb, Err: err}
		}
	}
	if data != nil {
		if env.Data, err = json.Marshal(data); err != nil {
			return nil, &Error{Op: op, Verb: verb, Err: err}
		}
	}
	body, err := json.Marshal(env)
	if err != nil {
		return nil, &Error{Op: op, Verb: verb, Err: err}
	}
	resp, err := c.http.Do(ctx, transport.Request{Op: op, Kind: kind, Method: http.MethodPost, URL: c.path, Body: body})
	if err != nil {
		e := &Error{Op: op, Verb: verb, Err: err}
		var te *transport.Error
		if errors.As(err, &te) {
			e.StatusCode, e.URL = te.StatusCode, te.URL
		}
		return nil, e
	}
	r, msg, derr := decodeReply(resp.Body)
	fail := func(cause error) *Error {
		red := c.http.Redactor()
		return &Error{Op: op, Verb: verb, StatusCode: resp.StatusCode, URL: resp.URL(), Message: red.String(msg), Body: red.Excerpt(resp.Body, 512), Err: cause}
	}
	switch {
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, fail(nil)
	case derr != nil:
		return nil, fail(fmt.Errorf("%w: %v", ErrMalformedResponse, derr))
	case msg != "":
		return nil, fail(ErrRejected)
	}
	return r, nil
}

// reply is weavy's answer, read tolerantly because its envelope is not
// documented (see the package documentation): the data section is the
// "data" object, or the answer itself when it has none.
type reply struct {
	data    map[string]json.RawMessage
	page    int
	maxPage int
}

// decodeReply reads an answer. msg is weavy's error message when the
// answer carries one ("error", "errors", "errorMessage", or "success":
// false with a "message"), in any section.
func decodeReply(body []byte) (r *reply, msg string, err error) {
	if len(bytes.TrimSpace(body)) == 0 {
		return &reply{}, "", nil // PUT and DELETE may answer nothing
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(body, &top); err != nil {
		return nil, "", err
	}
	r = &reply{data: top}
	sections := []map[string]json.RawMessage{top}
	for _, k := range []string{"header", "action", "data", "result"} {
		var m map[string]json.RawMessage
		if json.Unmarshal(top[k], &m) == nil && m != nil {
			sections = append(sections, m)
			if k == "data" || k == "result" {
				r.data = m
			}
		}
		if k == "action" && m != nil {
			var p map[string]json.RawMessage
			if json.Unmarshal(m["parameters"], &p) == nil && p != nil {
				sections = append(sections, p)
			}
		}
	}
	for _, s := range sections {
		if msg == "" {
			msg = errorMessage(s)
		}
		if n, ok := number(s["maxPageNumber"]); ok {
			r.maxPage = n
		}
		if n, ok := number(s["pageNumber"]); ok && r.page == 0 {
			r.page = n
		}
	}
	return r, msg, nil
}

func errorMessage(s map[string]json.RawMessage) string {
	for _, k := range []string{"error", "errors", "errorMessage"} {
		if v, ok := s[k]; ok {
			if t := text(v); t != "" {
				return t
			}
		}
	}
	var ok any
	if json.Unmarshal(s["success"], &ok) == nil && (ok == false || ok == "false" || ok == "0") {
		if t := text(s["message"]); t != "" {
			return t
		}
		return "success is false"
	}
	return ""
}

// text is a JSON value as a message: a string as it is, null/false/""/
// {}/[] as nothing, anything else as compact JSON.
func text(v json.RawMessage) string {
	var s string
	if json.Unmarshal(v, &s) == nil {
		return s
	}
	switch string(bytes.TrimSpace(v)) {
	case "", "null", "false", "{}", "[]", "0":
		return ""
	}
	var buf bytes.Buffer
	if json.Compact(&buf, v) != nil {
		return ""
	}
	return buf.String()
}

func number(v json.RawMessage) (int, bool) {
	if v == nil {
		return 0, false
	}
	var n json.Number
	if json.Unmarshal(v, &n) != nil {
		var s string
		if json.Unmarshal(v, &s) != nil {
			return 0, false
		}
		n = json.Number(s)
	}
	i, err := strconv.Atoi(string(n))
	return i, err == nil
}

// Error is a webhook call that did not succeed: an HTTP error status, an
// answer carrying weavy's error, an answer the SDK cannot read, or no
// answer at all.
type Error struct {
	Op         string // get, list, put, delete, recode, definition
	Verb       Verb
	StatusCode int    // 0 when no answer arrived
	Message    string // weavy's message, redacted
	URL        string // redacted
	Body       string // an excerpt of the answer, redacted
	Err        error  // the cause: ErrMalformedResponse, a transport error, ...
}

func (e *Error) Error() string {
	s := "divalto: " + e.Op
	if e.StatusCode != 0 {
		s += fmt.Sprintf(": HTTP %d", e.StatusCode)
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
// prospect), ErrUnauthorized (401, 403) and ErrRejected (another 4xx, or
// a 2xx carrying an error).
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
	ErrRejected = errors.New("request rejected")
	// ErrMalformedResponse is an answer the SDK cannot read.
	ErrMalformedResponse = errors.New("malformed response")
	// ErrResponseTooLarge is the cause of an answer over the size limit.
	ErrResponseTooLarge = transport.ErrResponseTooLarge
)

// FieldError is one invalid field: its wire name and what is wrong.
type FieldError = validate.Problem

// ValidationError lists every problem of a request, found before
// anything was sent.
type ValidationError = validate.Error
