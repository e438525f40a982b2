package transport

import (
	"errors"
	"log/slog"
	"net/http"
	"time"
)

// The options every client has. Each package's Option type is a func of
// the same shape (or wraps one), so that its With... functions are one
// line each, documented in the package.

// WithBaseURL sets Config.BaseURL.
func WithBaseURL(u string) func(*Config) error {
	return func(c *Config) error { c.BaseURL = u; return nil }
}

// WithHTTPClient sets Config.HTTPClient.
func WithHTTPClient(hc *http.Client) func(*Config) error {
	return func(c *Config) error {
		if hc == nil {
			return errors.New("nil HTTP client")
		}
		c.HTTPClient = hc
		return nil
	}
}

// WithTimeout sets Config.Timeout.
func WithTimeout(d time.Duration) func(*Config) error {
	return func(c *Config) error { c.Timeout = d; return nil }
}

// WithRetry sets the retry count and the backoff bounds.
func WithRetry(maxRetries int, minWait, maxWait time.Duration) func(*Config) error {
	return func(c *Config) error {
		p := c.policy()
		p.MaxRetries, p.MinWait, p.MaxWait = maxRetries, minWait, maxWait
		c.Retry = &p
		return p.Validate()
	}
}

// WithMaxRetryAfter sets the cap on a server's Retry-After.
func WithMaxRetryAfter(d time.Duration) func(*Config) error {
	return func(c *Config) error {
		p := c.policy()
		p.MaxRetryAfter = d
		c.Retry = &p
		return p.Validate()
	}
}

// WithLogger sets Config.Logger.
func WithLogger(l *slog.Logger) func(*Config) error {
	return func(c *Config) error { c.Logger = l; return nil }
}

// WithUserAgent sets Config.UserAgent.
func WithUserAgent(ua string) func(*Config) error {
	return func(c *Config) error { c.UserAgent = ua; return nil }
}

// WithMaxResponseSize sets Config.MaxResponseSize.
func WithMaxResponseSize(n int64) func(*Config) error {
	return func(c *Config) error { c.MaxResponseSize = n; return nil }
}

func (c *Config) policy() RetryPolicy {
	if c.Retry != nil {
		return *c.Retry
	}
	return DefaultRetryPolicy()
}
