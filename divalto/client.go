package divalto

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unsafe"

	"github.com/google/go-querystring/query"
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

// entryPointQuery is the query of a webhook URL: the entry point's code.
type entryPointQuery struct {
	EntryPoint string `url:"c"`
}

// WebhookPath is the path and query of a company's webhook entry point:
// /v1/entrypoints/{companyCode}/webhook/?c={entryPoint}. The company
// code stays one path segment ("A/B" is sent as "A%2FB"). A code that
// no escaping keeps inside its segment ("", ".", ".."), an empty entry
// point, and invalid UTF-8 or a control character in either is a
// *ValidationError naming companyCode or entryPoint.
func WebhookPath(companyCode, entryPoint string) (string, error) {
	var l validate.List
	l.Required("entryPoint", entryPoint)
	l.Text("companyCode", companyCode, false)
	l.Text("entryPoint", entryPoint, false)
	path, err := transport.JoinPath("/v1/entrypoints", companyCode, "webhook")
	if err != nil {
		l.Add("companyCode", `is "", "." or "..", which cannot stay inside one URL path segment`)
	}
	if err := validationError("new", l); err != nil {
		return "", err
	}
	q, err := query.Values(entryPointQuery{EntryPoint: entryPoint})
	if err != nil {
		return "", err
	}
	return path + "/?" + q.Encode(), nil
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

// Option configures a Client; New returns its error.
type Option func(*settings) error

func common(f func(*transport.Config) error) Option {
	return func(s *settings) error { return f(&s.Config) }
}

// WithBaseURL sends requests to another host than DefaultBaseURL, such as
// a divaltotest server. The URL must be absolute, http or https.
func WithBaseURL(u string) Option { return common(transport.WithBaseURL(u)) }

// WithHTTPClient sets the HTTP client the retries wrap. It is copied: its
// Timeout is replaced by WithTimeout's when both are given, and the copy
// never follows a redirect, whatever its CheckRedirect says (ErrRedirect).
func WithHTTPClient(hc *http.Client) Option { return common(transport.WithHTTPClient(hc)) }

// WithTimeout bounds each attempt: connecting, sending and reading the
// whole answer (30s by default). The context bounds the whole call,
// retries included.
func WithTimeout(d time.Duration) Option { return common(transport.WithTimeout(d)) }

// WithRetry sets how many times a call is retried after its first attempt
// and the bounds of the exponential backoff between attempts (3 retries,
// 500ms to 10s by default); WithRetry(0, 0, 0) sends each request once.
// Each method's documentation says whether a second send is harmless,
// which decides when it is retried.
func WithRetry(maxRetries int, minWait, maxWait time.Duration) Option {
	return common(transport.WithRetry(maxRetries, minWait, maxWait))
}

// WithMaxRetryAfter caps how long a server's Retry-After is honoured (30s
// by default); a longer one is waited this long.
func WithMaxRetryAfter(d time.Duration) Option { return common(transport.WithMaxRetryAfter(d)) }

// WithLogger logs requests and responses at debug level, retries at info
// level and failures at warn level, with every secret masked. Clients are
// silent without it.
func WithLogger(l *slog.Logger) Option { return common(transport.WithLogger(l)) }

// WithUserAgent replaces the User-Agent "passerelle/<version>".
func WithUserAgent(ua string) Option { return common(transport.WithUserAgent(ua)) }

// WithMaxResponseSize bounds the bytes read from an answer (10 MiB by
// default); a longer one is an error wrapping ErrResponseTooLarge.
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
// export to the ERP; WebHook Prospect (V5.7) does not say more.
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
// (DefaultEntryPoint, or a company's SPEWHK_ copy). The company code goes
// in one segment of the URL's path, escaped: a code that cannot stay
// inside it ("", ".", ".."), or that holds invalid UTF-8 or a control
// character, is refused with a *ValidationError naming companyCode (see
// WebhookPath). The webhook takes no credentials, so New checks none.
func New(companyCode, entryPoint string, opts ...Option) (*Client, error) {
	path, err := WebhookPath(companyCode, entryPoint)
	if err != nil {
		return nil, err
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
	c := &Client{path: path, header: s.header, maxPerPut: s.maxPerPut, now: s.now, http: t}
	c.Prospects = &ProspectService{c: c}
	return c, nil
}

// Envelope is the body of every webhook call.
type Envelope struct {
	// Header says who calls.
	Header Header `json:"header"`
	// Action is the verb and its parameters.
	Action Action `json:"action"`
	// Data is the records the verb works on: {"prospect": {...}}.
	Data json.RawMessage `json:"data,omitempty"`
}

// Header says who calls and how weavy should answer. weavy writes its
// values as strings, and so does the SDK.
type Header struct {
	// Caller is caller, the calling application ("passerelle" unless
	// WithCaller says otherwise).
	Caller string `json:"caller"`
	// CallerVersion is callerVersion, its version.
	CallerVersion string `json:"callerVersion"`
	// UserCode is userCode, the weavy user the call acts as (WithUserCode).
	UserCode string `json:"userCode"`
	// CallDateTime is callDateTime, when the call was made, in
	// DateTimeLayout and Europe/Paris.
	CallDateTime string `json:"callDateTime"`
	// Language is languageCode, the language of weavy's labels and
	// messages.
	Language Language `json:"languageCode"`
	// MarkForExport is markForExport: 0, 1 or 2 (see WithMarkForExport).
	MarkForExport string `json:"markForExport"`
	// WebhookVersion is webhookVersion: 1 or 2.
	WebhookVersion string `json:"webhookVersion"`
}

// Action is the verb and its parameters.
type Action struct {
	// Verb is verb: GET, LIST, PUT, DELETE or DEFINITION.
	Verb Verb `json:"verb"`
	// Parameters is parameters: resultType, listType, pageNumber,
	// settings, filters, orderBy, topRows.
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
		e := &Error{Op: op, Verb: verb, StatusCode: resp.StatusCode, URL: resp.URL(), Message: red.Message(msg), Body: red.Excerpt(resp.Body, 512), Err: cause}
		if errors.Is(cause, ErrMalformedResponse) {
			e.Raw = json.RawMessage(resp.Body)
		}
		return e
	}
	switch {
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, fail(nil)
	case derr != nil:
		return nil, fail(fmt.Errorf("%w: %w", ErrMalformedResponse, derr))
	case msg != "":
		return nil, fail(ErrRejected)
	}
	r.body = resp.Body
	return r, nil
}

// reply is weavy's answer, read tolerantly because its envelope is not
// documented (see the package documentation): the data section is the
// "data" object, or the answer itself when it has none. Its values are
// raw JSON text.
type reply struct {
	data    map[string]string
	page    int
	maxPage int
	body    []byte // the answer, for the errors of what cannot be decoded
}

// decodeReply reads an answer. msg is weavy's error message when the
// answer carries one ("error", "errors", "errorMessage", or "success":
// false or 0, or "status": "error", with a "message"; keys in any letter
// case), in any section. The answer is checked once;
// its sections and records are then walked without another copy.
func decodeReply(body []byte) (r *reply, msg string, err error) {
	body = bytes.TrimSpace(body)
	switch {
	case len(body) == 0, string(body) == "null":
		return &reply{}, "", nil // PUT and DELETE may answer nothing
	case !json.Valid(body):
		return nil, "", errors.New("the answer is not JSON")
	case body[0] != '{':
		return nil, "", errors.New("the answer is not a JSON object")
	}
	// The answer is read in place: body is never modified once read, and
	// nothing kept from it outlives this call and prospects, which copy
	// what they keep (each prospect's own text, messages through redact).
	top := object(unsafe.String(unsafe.SliceData(body), len(body)))
	r = &reply{data: top}
	sections := []map[string]string{top}
	for _, k := range []string{"header", "action", "data", "result"} {
		m := object(top[k])
		if m == nil {
			continue
		}
		sections = append(sections, m)
		if k == "data" || k == "result" {
			r.data = m
		}
		if k == "action" {
			if p := object(m["parameters"]); p != nil {
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

// object returns the members of the valid JSON text v when it is an
// object, else nil.
func object(v string) map[string]string {
	if firstByte(v) != '{' {
		return nil
	}
	m := map[string]string{}
	_ = eachMember(strings.TrimSpace(v), func(k, v string) error { m[k] = v; return nil })
	return m
}

func errorMessage(s map[string]string) string {
	for _, k := range []string{"error", "errors", "errorMessage"} {
		if t := text(member(s, k)); t != "" {
			return t
		}
	}
	failed := false
	if v := member(s, "success"); v != "" {
		t, _, _ := scalar(strings.TrimSpace(v))
		switch strings.ToLower(strings.TrimSpace(t)) {
		case "false", "0":
			failed = true
		}
	}
	if v := member(s, "status"); v != "" && firstByte(v) == '"' {
		t, _, _ := scalar(strings.TrimSpace(v))
		switch strings.ToLower(strings.TrimSpace(t)) {
		case "error", "failed", "failure", "ko":
			failed = true
		}
	}
	if !failed {
		return ""
	}
	if t := text(member(s, "message")); t != "" {
		return t
	}
	return "the answer says it failed"
}

// member is the value of the section's key in any letter case: the key
// as written first, else the first matching key in sorted order.
func member(s map[string]string, key string) string {
	if v, ok := s[key]; ok {
		return v
	}
	found, value := "", ""
	for k, v := range s {
		if strings.EqualFold(k, key) && (found == "" || k < found) {
			found, value = k, v
		}
	}
	return value
}

// text is a valid JSON value as a message: a string as it is, null,
// false, "", {}, [] and 0 (a number or a string: "0", "false") as
// nothing, anything else as compact JSON.
func text(v string) string {
	v = strings.TrimSpace(v)
	if firstByte(v) == '"' {
		s, _, _ := scalar(v)
		switch strings.ToLower(strings.TrimSpace(s)) {
		case "0", "false", "null":
			return ""
		}
		return s
	}
	switch v {
	case "", "null", "false", "{}", "[]", "0":
		return ""
	}
	var buf bytes.Buffer
	if json.Compact(&buf, []byte(v)) != nil {
		return ""
	}
	return buf.String()
}

// number reads a JSON number, or a string holding one, as an int.
func number(v string) (int, bool) {
	if v == "" {
		return 0, false
	}
	s, typ, err := scalar(v)
	if err != nil || typ == 0 || typ == 'b' {
		return 0, false
	}
	i, err := strconv.Atoi(strings.TrimSpace(s))
	return i, err == nil
}
