package sowell

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/passerelle-go/passerelle/internal/transport"
)

// Option configures a [CRMClient] or a [Client]. Options that make sense
// for one only say so and are refused by the other.
type Option func(*settings) error

// settings is what the options set.
type settings struct {
	transport.Config
	path     string
	crm      bool // a CRMClient's settings
	uidKeys  []string
	location bool
	linkID   func(string) (string, error)
	maxPush  int64
	statuses []Status
}

func common(f func(*transport.Config) error) Option {
	return func(s *settings) error { return f(&s.Config) }
}

// WithPath changes the client's path: DefaultCRMPath for CRMClient,
// DefaultStatusPath (with "{id}") for Client.
func WithPath(path string) Option {
	return func(s *settings) error {
		if !strings.HasPrefix(path, "/") {
			return fmt.Errorf("path %q must start with /", path)
		}
		s.path = path
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

// The default paths: where the CRM receives reports, and where SoWell
// receives a report's status ({id} is SoWell's id of the report). SoWell's
// API is not public: both are options (WithPath).
const (
	DefaultCRMPath    = "/sowell/reports"
	DefaultStatusPath = "/api/issue_reports/{id}/status"
)

// core is what both clients share: the transport and the one path to the
// wire.
type core struct {
	http *transport.Client
}

func newCore(endpoint, token string, s *settings, opts []Option) (core, error) {
	if endpoint == "" {
		return core{}, errors.New("sowell: endpoint URL is required (there is no default host)")
	}
	if token == "" {
		return core{}, errors.New("sowell: token is required")
	}
	s.BaseURL, s.Secrets = endpoint, []string{token}
	s.Auth = func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+token) }
	for _, o := range opts {
		if err := o(s); err != nil {
			return core{}, fmt.Errorf("sowell: %w", err)
		}
	}
	t, err := transport.New(s.Config)
	if err != nil {
		return core{}, fmt.Errorf("sowell: %w", err)
	}
	return core{http: t}, nil
}

// call sends req; it is every method's path to the wire. A 2xx answer is
// returned; anything else is an *Error.
func (c core) call(ctx context.Context, req transport.Request) (*transport.Response, error) {
	resp, err := c.http.Do(ctx, req)
	if err != nil {
		return nil, wrap(req.Op, err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, failure(req.Op, resp, c.http)
	}
	return resp, nil
}

// CRMClient is SoWell's side of the push: it sends reports to the CRM's
// endpoint (a CRM built on NewHandler, or any CRM speaking the same wire
// form). Printing it never shows the token.
type CRMClient struct {
	core
	path     string
	uidKeys  []string
	location bool
	linkID   func(string) (string, error)
	maxPush  int64
}

// NewCRMClient returns a client for the CRM's endpoint at crmURL (scheme,
// host and optional path prefix; the report path, DefaultCRMPath, is
// joined to it) with the bearer token the CRM gave SoWell. Both are
// positional: each CRM has its own host, and there is no default one.
// Tokens shorter than 6 characters are refused, as they cannot be masked
// safely in errors and logs.
func NewCRMClient(crmURL, token string, opts ...Option) (*CRMClient, error) {
	s := &settings{path: DefaultCRMPath, crm: true, uidKeys: DefaultUIDKeys, location: true, linkID: IDFromLink, maxPush: DefaultMaxBodySize}
	c, err := newCore(crmURL, token, s, opts)
	if err != nil {
		return nil, err
	}
	return &CRMClient{core: c, path: s.path, uidKeys: s.uidKeys, location: s.location, linkID: s.linkID, maxPush: s.maxPush}, nil
}

// Format prints the client without its token.
func (c CRMClient) Format(f fmt.State, _ rune) { fmt.Fprintf(f, "sowell.CRMClient{path: %q}", c.path) }

// Client is the CRM's side of the status update: it tells SoWell a
// report's new status. Printing it never shows the token.
type Client struct {
	core
	prefix, suffix string // the status path around {id}
	statuses       []Status
}

// NewClient returns a client for SoWell's API at apiURL (scheme, host and
// optional path prefix) with the bearer token SoWell gave the CRM. Both are
// positional: SoWell's API is not public and has no known default host.
// Tokens shorter than 6 characters are refused, as they cannot be masked
// safely in errors and logs.
func NewClient(apiURL, token string, opts ...Option) (*Client, error) {
	s := &settings{path: DefaultStatusPath}
	c, err := newCore(apiURL, token, s, opts)
	if err != nil {
		return nil, err
	}
	prefix, suffix, ok := strings.Cut(s.path, "{id}")
	if !ok {
		return nil, fmt.Errorf("sowell: status path %q has no {id}", s.path)
	}
	return &Client{core: c, prefix: prefix, suffix: suffix, statuses: append(statusTable.Values(), s.statuses...)}, nil
}

// Format prints the client without its token.
func (c Client) Format(f fmt.State, _ rune) {
	fmt.Fprintf(f, "sowell.Client{path: %q}", c.prefix+"{id}"+c.suffix)
}

// Accepts reports whether the client may send s: one of the known
// statuses or one given to WithStatuses.
func (c *Client) Accepts(s Status) bool { return slices.Contains(c.statuses, s) }

// WithUIDKeys replaces DefaultUIDKeys: the members of the CRM's JSON
// answer that may hold the CRM UID, tried in order, letter case ignored.
// No key at all means the body is not read for it. CRMClient only.
func WithUIDKeys(keys ...string) Option {
	return func(s *settings) error {
		if !s.crm {
			return errors.New("WithUIDKeys is a CRMClient option")
		}
		s.uidKeys = append([]string(nil), keys...)
		return nil
	}
}

// WithUIDFromLocation says whether Push takes the CRM UID from the last
// path segment of the answer's Location header when no UID key holds it
// (true by default). CRMClient only.
func WithUIDFromLocation(on bool) Option {
	return func(s *settings) error {
		if !s.crm {
			return errors.New("WithUIDFromLocation is a CRMClient option")
		}
		s.location = on
		return nil
	}
}

// WithSoWellID replaces IDFromLink, the way Push derives SoWell's id of a
// report from its link ("Lien SoWell"): Push refuses a link for which it
// returns an error or "". The function must not keep the link. A CRM built
// on NewHandler applies IDFromLink itself, and answers 400 for a link
// IDFromLink refuses whatever this function makes of it. CRMClient only.
func WithSoWellID(f func(link string) (string, error)) Option {
	return func(s *settings) error {
		if !s.crm || f == nil {
			return errors.New("WithSoWellID is a CRMClient option and needs a function")
		}
		s.linkID = f
		return nil
	}
}

// WithMaxPushSize is the body size the CRM accepts (DefaultMaxBodySize,
// the default of NewHandler). Push refuses a report whose photos' known
// sizes exceed it before sending anything, and stops streaming one that
// turns out larger. CRMClient only.
func WithMaxPushSize(n int64) Option {
	return func(s *settings) error {
		if !s.crm || n <= 0 {
			return errors.New("WithMaxPushSize is a CRMClient option and needs a positive size")
		}
		s.maxPush = n
		return nil
	}
}

// WithStatuses adds statuses SoWell accepts beyond Pending, Ongoing, Done
// and Canceled: UpdateStatus (and so Notifier) may send them. Each must be
// one line of valid UTF-8 text. Client only.
func WithStatuses(statuses ...Status) Option {
	return func(s *settings) error {
		if s.crm {
			return errors.New("WithStatuses is a Client option")
		}
		for _, st := range statuses {
			if p := statusProblem(st); p != "" {
				return fmt.Errorf("status %q %s", st, p)
			}
		}
		s.statuses = append(s.statuses, statuses...)
		return nil
	}
}
