package sowell

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
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

// WithHTTPClient sets the HTTP client the retries wrap. It is copied, and
// its copy never follows redirects.
func WithHTTPClient(hc *http.Client) Option { return common(transport.WithHTTPClient(hc)) }

// WithTimeout bounds each attempt: connecting, sending and reading the
// whole answer (30s by default).
func WithTimeout(d time.Duration) Option { return common(transport.WithTimeout(d)) }

// WithRetry sets the number of retries after the first attempt and the
// bounds of the exponential backoff between them (3, 500ms, 10s by
// default).
func WithRetry(maxRetries int, minWait, maxWait time.Duration) Option {
	return common(transport.WithRetry(maxRetries, minWait, maxWait))
}

// WithMaxRetryAfter caps how long a server's Retry-After is honoured (30s
// by default).
func WithMaxRetryAfter(d time.Duration) Option { return common(transport.WithMaxRetryAfter(d)) }

// WithLogger logs requests, responses and retries at debug level, every
// credential masked; nil (the default) is silent.
func WithLogger(l *slog.Logger) Option { return common(transport.WithLogger(l)) }

// WithUserAgent replaces the User-Agent "passerelle/<version>".
func WithUserAgent(ua string) Option { return common(transport.WithUserAgent(ua)) }

// WithMaxResponseSize bounds the bytes read from one answer (10 MiB by
// default); a longer answer is an error wrapping ErrResponseTooLarge.
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
