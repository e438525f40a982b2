package easycall

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/passerelle-go/passerelle/internal/transport"
	"github.com/passerelle-go/passerelle/internal/validate"
	"github.com/passerelle-go/passerelle/internal/wire"
)

// DefaultPath is where leads are posted, under the domain's URL.
const DefaultPath = "/easycall/spring/lead"

// DefaultCampaignKey is the JSON key that carries the external campaign
// code; it is set up with the Import API, so WithCampaignKey changes it.
const DefaultCampaignKey = "campaign"

// DomainURL is the URL of an EasyCall Cloud domain:
// DomainURL("mydomain") is https://mydomain.web3.easycallcloud.com.
func DomainURL(domain string) string { return "https://" + domain + ".web3.easycallcloud.com" }

// Client imports leads into EasyCall Cloud. It is safe for concurrent use;
// printing it never shows the token.
type Client struct {
	path, campaignKey string
	http              *transport.Client
}

type settings struct {
	transport.Config
	path, campaignKey string
}

// Option configures a Client.
type Option func(*settings) error

func common(f func(*transport.Config) error) Option {
	return func(s *settings) error { return f(&s.Config) }
}

// WithPath posts leads to another path (DefaultPath otherwise).
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
// (DefaultCampaignKey otherwise).
func WithCampaignKey(key string) Option {
	return func(s *settings) error {
		if !customKey.MatchString(key) {
			return fmt.Errorf("campaign key %q is not lower-case [a-z0-9_]", key)
		}
		s.campaignKey = key
		return nil
	}
}

// WithHTTPClient sets the HTTP client the retries wrap. It is copied.
func WithHTTPClient(hc *http.Client) Option { return common(transport.WithHTTPClient(hc)) }

// WithTimeout bounds each attempt (30s by default).
func WithTimeout(d time.Duration) Option { return common(transport.WithTimeout(d)) }

// WithRetry sets how many times a request that cannot have reached
// EasyCall (or got 429/503) is retried, and the backoff bounds.
func WithRetry(maxRetries int, minWait, maxWait time.Duration) Option {
	return common(transport.WithRetry(maxRetries, minWait, maxWait))
}

// WithMaxRetryAfter caps how long a server's Retry-After is honoured (30s).
func WithMaxRetryAfter(d time.Duration) Option { return common(transport.WithMaxRetryAfter(d)) }

// WithLogger logs requests, responses and retries, the token masked.
func WithLogger(l *slog.Logger) Option { return common(transport.WithLogger(l)) }

// WithUserAgent replaces the User-Agent "passerelle/<version>".
func WithUserAgent(ua string) Option { return common(transport.WithUserAgent(ua)) }

// WithMaxResponseSize bounds the bytes read from a response (10 MiB).
func WithMaxResponseSize(n int64) Option { return common(transport.WithMaxResponseSize(n)) }

// New returns a client for the EasyCall domain at baseURL (see DomainURL)
// with a user's API token.
func New(baseURL, token string, opts ...Option) (*Client, error) {
	if token == "" {
		return nil, errors.New("easycall: token is required")
	}
	if baseURL == "" {
		return nil, errors.New("easycall: base URL is required")
	}
	s := settings{path: DefaultPath, campaignKey: DefaultCampaignKey}
	s.BaseURL, s.Secrets = baseURL, []string{token}
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

// Format prints the client without its token, whatever the verb.
func (c Client) Format(f fmt.State, _ rune) {
	fmt.Fprintf(f, "easycall.Client{path: %q, campaignKey: %q}", c.path, c.campaignKey)
}

// ImportResult is EasyCall's answer to an accepted lead. EasyCall's answer
// body is not documented: ID and Message are read when it is JSON with an
// "id" or "message", and Body keeps it (redacted, at most 1 KiB).
type ImportResult struct {
	StatusCode int
	ID         string
	Message    string
	Body       string
}

// Import validates the lead and posts it as one flat JSON object. Any 2xx
// is success; 401 is ErrUnauthorized, 400 ErrRejected with EasyCall's
// message (an unknown custom key, an unknown campaign, ...).
//
// Importing is not idempotent, so the request is retried only when it
// cannot have reached EasyCall (no connection was made) or on 429 and
// 503; ImportAll tells which leads may have arrived.
func (c *Client) Import(ctx context.Context, lead *Lead) (*ImportResult, error) {
	if lead == nil {
		return nil, &ValidationError{Pkg: "easycall", Op: "import", Fields: []FieldError{{Field: "lead", Problem: "is nil"}}}
	}
	if err := lead.validate(c.campaignKey); err != nil {
		return nil, err
	}
	body, err := json.Marshal(lead.Values(c.campaignKey))
	if err != nil {
		return nil, &Error{Op: "import", Err: err}
	}
	resp, err := c.http.Do(ctx, transport.Request{Op: "import", Kind: transport.NotIdempotent, Method: http.MethodPost, URL: c.path, Body: body})
	if err != nil {
		e := &Error{Op: "import", Err: err}
		var te *transport.Error
		if errors.As(err, &te) {
			e.StatusCode, e.URL = te.StatusCode, te.URL
		}
		return nil, e
	}
	var answer struct {
		ID      wire.NumString `json:"id"`
		Message string         `json:"message"`
		Error   string         `json:"error"`
	}
	_ = json.Unmarshal(resp.Body, &answer) // any body is accepted; JSON adds details
	r := c.http.Redactor()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		msg := answer.Message
		if msg == "" {
			msg = answer.Error
		}
		if msg == "" {
			msg = r.Excerpt(resp.Body, 256)
		}
		return nil, &Error{Op: "import", StatusCode: resp.StatusCode, URL: resp.URL(), Message: r.String(msg)}
	}
	return &ImportResult{StatusCode: resp.StatusCode, ID: string(answer.ID), Message: r.String(answer.Message), Body: r.Excerpt(resp.Body, 1024)}, nil
}

// Error is an import that did not succeed: an HTTP error status, or no
// answer at all. It never holds the token.
type Error struct {
	Op         string
	StatusCode int    // 0 when no answer arrived
	Message    string // EasyCall's message, or an excerpt of its answer, redacted
	URL        string // redacted
	Err        error  // the cause when no answer arrived
}

func (e *Error) Error() string {
	s := "easycall: " + e.Op
	if e.StatusCode != 0 {
		s += fmt.Sprintf(": HTTP %d", e.StatusCode)
	}
	if e.Message != "" {
		s += ": " + e.Message
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Is matches ErrUnauthorized (401) and ErrRejected (400).
func (e *Error) Is(target error) bool {
	return target == ErrUnauthorized && e.StatusCode == http.StatusUnauthorized ||
		target == ErrRejected && e.StatusCode == http.StatusBadRequest
}

var (
	// ErrUnauthorized is HTTP 401: the token is wrong or revoked.
	ErrUnauthorized = errors.New("token refused")
	// ErrRejected is HTTP 400: EasyCall refused the lead; Error.Message
	// says why.
	ErrRejected = errors.New("lead rejected")
	// ErrResponseTooLarge is the cause of an answer over the size limit.
	ErrResponseTooLarge = transport.ErrResponseTooLarge
)

// FieldError is one invalid field: its name and what is wrong.
type FieldError = validate.Problem

// ValidationError lists every problem of a lead, found before anything
// was sent.
type ValidationError = validate.Error

func validationError(op string, l validate.List) error { return l.Err("easycall", op) }
