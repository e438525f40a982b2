package easycall

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/passerelle-go/passerelle/internal/transport"
)

// DefaultPath is where leads are posted, under the domain's URL. The curl
// example of EasyCall's "Configuración de la recepción de clientes
// potenciales a través de API REST" posts to "/easycall/spring"; public
// integrations post to "/easycall/spring/lead", the default. [WithPath]
// chooses the other.
const DefaultPath = "/easycall/spring/lead"

// DocumentPath is the path of the document's curl example; see
// [DefaultPath].
const DocumentPath = "/easycall/spring"

// DefaultCampaignKey is the JSON key that carries the external campaign
// code; it is set up with the Import API, so [WithCampaignKey] changes it.
const DefaultCampaignKey = "campaign"

// TestDomain is the domain of EasyCall's test host,
// https://test.web3.easycallcloud.com.
const TestDomain = "test"

// DomainURL is the URL of an EasyCall Cloud domain:
// DomainURL("mydomain") is https://mydomain.web3.easycallcloud.com.
// [New] builds it from its domain argument.
func DomainURL(domain string) string { return "https://" + domain + ".web3.easycallcloud.com" }

// dnsLabel is one label of a host name (RFC 1123).
var dnsLabel = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$`)

// Client imports leads into EasyCall Cloud. It is safe for concurrent use;
// printing it never shows the token.
type Client struct {
	path, campaignKey string
	http              *transport.Client
}

// settings is what the options configure.
type settings struct {
	transport.Config
	path, campaignKey string
}

// Option configures a Client; see the With... functions.
type Option func(*settings) error

func common(f func(*transport.Config) error) Option {
	return func(s *settings) error { return f(&s.Config) }
}

// WithBaseURL sends requests to another host than the domain's
// (https://<domain>.web3.easycallcloud.com), such as an easycalltest
// server.
func WithBaseURL(u string) Option { return common(transport.WithBaseURL(u)) }

// WithPath posts leads to another path ([DefaultPath] otherwise), such as
// [DocumentPath].
func WithPath(path string) Option {
	return func(s *settings) error {
		if !strings.HasPrefix(path, "/") {
			return fmt.Errorf("path %q must start with /", path)
		}
		s.path = path
		return nil
	}
}

// WithCampaignKey sends the campaign code under another key
// ([DefaultCampaignKey] otherwise), and reads it under that key in
// [Client.ParseLead].
func WithCampaignKey(key string) Option {
	return func(s *settings) error {
		if !customKey.MatchString(key) {
			return fmt.Errorf("campaign key %q is not lower-case [a-z0-9_]", key)
		}
		if _, predefined := CanonicalField(key); predefined {
			return fmt.Errorf("campaign key %q is a predefined field's name", key)
		}
		s.campaignKey = key
		return nil
	}
}

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

// New returns a client for the EasyCall Cloud domain (the "mydomain" of
// https://mydomain.web3.easycallcloud.com; [TestDomain] for EasyCall's
// test host) with a user's API token, sent as "Authorization: Bearer
// <token>". The domain must be one DNS label: letters, digits and "-".
// [WithBaseURL] sends the requests elsewhere (an easycalltest server). A
// token shorter than 6 characters is refused: it could not be masked
// safely in errors and logs.
func New(domain, token string, opts ...Option) (*Client, error) {
	switch {
	case domain == "":
		return nil, errors.New("easycall: domain is required")
	case !dnsLabel.MatchString(domain):
		return nil, fmt.Errorf("easycall: domain %q is not one DNS label (letters, digits and -, at most 63): give the mydomain of mydomain.web3.easycallcloud.com, or use WithBaseURL", shorten(domain))
	case token == "":
		return nil, errors.New("easycall: token is required")
	}
	s := settings{path: DefaultPath, campaignKey: DefaultCampaignKey}
	s.BaseURL, s.Secrets = DomainURL(strings.ToLower(domain)), []string{token}
	s.Auth = func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+token) }
	for _, opt := range opts {
		if err := opt(&s); err != nil {
			return nil, fmt.Errorf("easycall: %w", err)
		}
	}
	t, err := transport.New(s.Config)
	if err != nil {
		return nil, fmt.Errorf("easycall: %w", err)
	}
	return &Client{path: s.path, campaignKey: s.campaignKey, http: t}, nil
}

func shorten(s string) string {
	if len(s) > 80 {
		return strings.ToValidUTF8(s[:80], "") + "…"
	}
	return s
}

// Format prints the client without its token, whatever the verb.
func (c Client) Format(f fmt.State, _ rune) {
	fmt.Fprintf(f, "easycall.Client{path: %q, campaignKey: %q}", c.path, c.campaignKey)
}

// ImportResult is EasyCall's answer to an accepted lead. EasyCall's answer
// body is not documented: ID and Message are read when it is a JSON object
// with an "id" or "message" of any JSON type, and Body keeps it (redacted,
// at most 1 KiB).
type ImportResult struct {
	// StatusCode is the HTTP status, a 2xx.
	StatusCode int
	// ID is the "id" of a JSON answer, as its text: a string's content, a
	// number's or a boolean's literal, an object's JSON.
	ID string
	// Message is the "message" of a JSON answer, secrets masked, control
	// characters replaced, cut at 512 bytes.
	Message string
	// Body is the answer, redacted, at most 1 KiB.
	Body string
}

// answer is what a JSON answer may say. Each member is read on its own,
// whatever its JSON type, so that one odd member hides no other.
type answer struct {
	ID, Message, Error, Errors, Success string
}

// readAnswer reads the members of a JSON object answer; any other body
// gives an empty answer.
func readAnswer(body []byte) *answer {
	var m map[string]json.RawMessage
	if json.Unmarshal(body, &m) != nil {
		return &answer{}
	}
	return &answer{ID: jsonText(m["id"]), Message: jsonText(m["message"]), Error: jsonText(m["error"]), Errors: jsonText(m["errors"]), Success: jsonText(m["success"])}
}

// jsonText is a JSON value's text: a string's content, the literal of a
// number or a boolean, "" for null or absent, the compact JSON of an
// object or an array.
func jsonText(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	switch {
	case len(raw) == 0 || string(raw) == "null":
		return ""
	case raw[0] == '"':
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return s
		}
	case raw[0] == '{' || raw[0] == '[':
		var b bytes.Buffer
		if json.Compact(&b, raw) == nil {
			return b.String()
		}
	}
	return string(raw)
}

// failure is the failure a 2xx answer states, or "". The members are
// read tolerantly, in any letter case and JSON type: an "error" or
// "errors" that is empty, blank, null, false, 0, [] or {} states none; a
// "success" that is false, 0 (0.0) or no/ko states one.
func (a *answer) failure() string {
	for _, v := range []string{a.Error, a.Errors} {
		if !noError(v) {
			return v
		}
	}
	if falsy(a.Success) {
		if a.Message != "" {
			return a.Message
		}
		return "success: " + a.Success
	}
	return ""
}

// noError reports whether an "error" member's text states no error.
func noError(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "", "false", "[]", "{}", "0", "null":
		return true
	}
	return false
}

// falsy reports whether a "success" member's text says false.
func falsy(v string) bool {
	v = strings.ToLower(strings.TrimSpace(v))
	switch v {
	case "false", "no", "ko":
		return true
	}
	f, err := strconv.ParseFloat(v, 64)
	return err == nil && f == 0 && v != "" && (v[0] == '-' || v[0] >= '0' && v[0] <= '9')
}

// call is every method's path to the wire: it sends body with the
// method's retry class and maps the answer: any 2xx is success unless its
// JSON states a failure ([ErrMalformedResponse]); 401 is [ErrUnauthorized],
// 400 [ErrRejected], with EasyCall's message.
func (c *Client) call(ctx context.Context, op string, kind transport.Kind, body []byte) (*transport.Response, *answer, error) {
	resp, err := c.http.Do(ctx, transport.Request{Op: op, Kind: kind, Method: http.MethodPost, URL: c.path, Body: body})
	if err != nil {
		e := &Error{Op: op, Err: err}
		var te *transport.Error
		if errors.As(err, &te) {
			e.StatusCode, e.URL = te.StatusCode, te.URL
		}
		return nil, nil, e
	}
	a := readAnswer(resp.Body) // any body is accepted; JSON adds details
	r := c.http.Redactor()
	raw := []byte(r.String(string(resp.Body)))
	ok := resp.StatusCode >= 200 && resp.StatusCode <= 299
	if !ok {
		msg := a.Message
		if msg == "" {
			msg = a.failure()
		}
		if msg == "" {
			msg = string(resp.Body)
		}
		return nil, nil, &Error{Op: op, StatusCode: resp.StatusCode, URL: resp.URL(), Message: r.Message(msg), Body: r.Excerpt(resp.Body, 256), Raw: raw}
	}
	if msg := a.failure(); msg != "" {
		return nil, nil, &Error{
			Op: op, StatusCode: resp.StatusCode, URL: resp.URL(), Message: r.Message(msg), Body: r.Excerpt(resp.Body, 256), Raw: raw,
			Err: fmt.Errorf("%w: a %d answer states a failure", ErrMalformedResponse, resp.StatusCode),
		}
	}
	return resp, a, nil
}

// Import validates the lead and posts it as one flat JSON object. Any 2xx
// is success unless its JSON states a failure ([ErrMalformedResponse]: the
// lead may or may not have been imported); 401 is [ErrUnauthorized], 400
// [ErrRejected] with EasyCall's message (an unknown custom key, an unknown
// campaign, ...).
//
// Retry class: not idempotent. EasyCall documents no key that would make a
// second send harmless, so a resend could import the lead twice: the
// request is retried only when it cannot have reached EasyCall (no
// connection was made) or on 429 and 503. [Client.ImportAll] tells which
// leads may have arrived.
func (c *Client) Import(ctx context.Context, lead *Lead) (*ImportResult, error) {
	if lead == nil {
		return nil, &ValidationError{Op: "import", Fields: []FieldError{{Field: "lead", Problem: "is nil"}}}
	}
	if err := lead.validate(c.campaignKey); err != nil {
		return nil, err
	}
	body, err := json.Marshal(lead.Values(c.campaignKey))
	if err != nil {
		return nil, &Error{Op: "import", Err: err}
	}
	resp, a, err := c.call(ctx, "import", transport.NotIdempotent, body)
	if err != nil {
		return nil, err
	}
	r := c.http.Redactor()
	return &ImportResult{StatusCode: resp.StatusCode, ID: a.ID, Message: r.Message(a.Message), Body: r.Excerpt(resp.Body, 1024)}, nil
}

// ParseLead reads a lead in EasyCall's text form as [ParseLead] does, the
// campaign code under the client's campaign key ([WithCampaignKey]).
func (c *Client) ParseLead(r io.Reader) (*Lead, error) { return parseLead(r, c.campaignKey) }

// MarshalLead writes the lead in the text form [Client.ParseLead] reads,
// the campaign code under the client's campaign key ([WithCampaignKey]).
func (c *Client) MarshalLead(l *Lead) ([]byte, error) { return l.marshalText(c.campaignKey) }
