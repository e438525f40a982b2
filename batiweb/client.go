package batiweb

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/passerelle-go/passerelle/internal/transport"
	"github.com/passerelle-go/passerelle/internal/wire"
)

// DefaultBaseURL is the e-travaux host named by Batiweb's "Web Service
// 2023" document.
const DefaultBaseURL = "https://webservices.e-travaux.com"

// HelloArtisanBaseURL is the newer HelloArtisan host serving the same paths.
const HelloArtisanBaseURL = "https://lead-ws.helloartisan.com"

// Environment is the account environment every call names.
type Environment string

const (
	// Prep is the integration environment, where all development happens.
	Prep Environment = "PREP"
	// Prod is production, opened by Batiweb once it has accepted the
	// integration in Prep. Before that, every call answers code 1, "Access
	// to production is not granted" ([ErrUnauthorized]).
	Prod Environment = "PROD"
)

// Paths of the three methods, relative to the base URL.
const (
	pathIsSellable = "/json/lead/is_sellable"
	pathImport     = "/json/lead/import"
	pathStatus     = "/json/lead/status"
)

// Client calls the Batiweb lead web service. It is safe for concurrent use.
// Printing a Client with fmt never shows the password.
type Client struct {
	login    string
	password string
	env      Environment
	http     *transport.Client
	texts    *texts
}

// texts holds short service texts and their redacted form.
type texts struct {
	m sync.Map
	n atomic.Int32
}

// settings is what the options configure.
type settings struct {
	transport.Config
}

// Option configures a Client; see the With... functions.
type Option func(*settings) error

func common(f func(*transport.Config) error) Option {
	return func(s *settings) error { return f(&s.Config) }
}

// WithBaseURL sends requests to another host than [DefaultBaseURL], such
// as [HelloArtisanBaseURL] or a batiwebtest server.
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

// New returns a client for the account login/password in env ([Prep] or
// [Prod]; "prep" and "prod" are accepted too). A password shorter than 6
// characters is refused: it could not be masked safely in errors and logs.
func New(login, password string, env Environment, opts ...Option) (*Client, error) {
	env = Environment(strings.ToUpper(string(env)))
	switch {
	case login == "":
		return nil, errors.New("batiweb: login is required")
	case password == "":
		return nil, errors.New("batiweb: password is required")
	case env != Prep && env != Prod:
		return nil, fmt.Errorf("batiweb: environment %q is neither Prep nor Prod", env)
	}
	var s settings
	s.BaseURL, s.Secrets = DefaultBaseURL, []string{password}
	for _, opt := range opts {
		if err := opt(&s); err != nil {
			return nil, fmt.Errorf("batiweb: %w", err)
		}
	}
	t, err := transport.New(s.Config)
	if err != nil {
		return nil, fmt.Errorf("batiweb: %w", err)
	}
	return &Client{login: login, password: password, env: env, http: t, texts: &texts{}}, nil
}

// Environment is the environment the client calls.
func (c *Client) Environment() Environment { return c.env }

// Format prints the login and environment, never the password, whatever
// the verb, for a Client and a *Client alike.
func (c Client) Format(f fmt.State, _ rune) {
	fmt.Fprintf(f, "batiweb.Client{login: %q, environment: %s}", c.login, c.env)
}

// security is the credentials block of every request.
type security struct {
	Login       string      `json:"login"`
	Password    string      `json:"password"`
	Environment Environment `json:"environment"`
}

type envelope struct {
	Security security `json:"security"`
	Request  any      `json:"request"`
}

// response is every field the three methods answer; each reads its own.
// Its text fields take any JSON scalar and keep its text.
type response struct {
	Code           *wire.Int `json:"code"`
	Message        text      `json:"message"`
	ID             text      `json:"id"`
	Token          text      `json:"token"`
	Status         anyText   `json:"status"`
	StatusLabel    text      `json:"statusLabel"`
	Date           text      `json:"date"`
	SupplierLeadID text      `json:"supplierLeadId"`
}

// call is every method's path to the wire: encode the envelope, send it
// with the method's retry class, and decode the answer. Only the code
// decides the outcome: the service answers HTTP 200 on failures too.
func (c *Client) call(ctx context.Context, op, path string, kind transport.Kind, request any) (*response, error) {
	body, err := json.Marshal(envelope{security{c.login, c.password, c.env}, request})
	if err != nil {
		return nil, &Error{Op: op, Code: NoCode, Err: err}
	}
	resp, err := c.http.Do(ctx, transport.Request{Op: op, Kind: kind, Method: http.MethodPost, URL: path, Body: body})
	if err != nil {
		e := &Error{Op: op, Code: NoCode, Err: err}
		var te *transport.Error
		if errors.As(err, &te) {
			e.StatusCode, e.URL = te.StatusCode, te.URL
		}
		return nil, e
	}
	return c.decode(op, resp)
}

// decode reads one answer. A body that is not the documented JSON, or an
// HTTP error without a failure code, is an *Error wrapping
// ErrMalformedResponse with the status and a redacted excerpt.
func (c *Client) decode(op string, resp *transport.Response) (*response, error) {
	var r response
	err := json.Unmarshal(resp.Body, &r)
	ok2xx := resp.StatusCode >= 200 && resp.StatusCode < 300
	if err == nil && r.Code != nil && *r.Code < 0 {
		err = errors.New("negative code") // and NoCode must stay ours
	}
	switch {
	case err == nil && r.Code != nil && *r.Code != 0:
		return nil, &Error{Op: op, Code: Code(*r.Code), Message: c.text(r.Message), StatusCode: resp.StatusCode, URL: resp.URL()}
	case err == nil && ok2xx && (r.Code != nil || op == "status" && (r.Token != "" || r.Status != "")):
		return &r, nil // the status method's positive answer carries no code
	case err == nil && ok2xx:
		err = errors.New("no code in the response")
	case err == nil:
		err = errors.New("unexpected HTTP status")
	}
	return nil, &Error{
		Op: op, Code: NoCode, StatusCode: resp.StatusCode, URL: resp.URL(),
		Body: c.http.Redactor().Excerpt(resp.Body, 256),
		Raw:  []byte(c.http.Redactor().String(string(resp.Body))),
		Err:  fmt.Errorf("%w: %s", ErrMalformedResponse, c.http.Redactor().Message(wire.Describe(err))),
	}
}

// text is a service's free text made safe for a result or an error:
// secrets masked, control characters replaced, length capped. The service
// repeats a few short messages ("Lead correctly imported"), so the first
// ones are kept redacted: the redactor's replacer is the costly part.
func (c *Client) text(s text) string {
	const maxCachedLen, maxCached = 128, 64
	if len(s) > maxCachedLen {
		return c.http.Redactor().Message(string(s))
	}
	if v, ok := c.texts.m.Load(s); ok {
		return v.(string)
	}
	m := c.http.Redactor().Message(string(s))
	if c.texts.n.Add(1) <= maxCached {
		c.texts.m.Store(s, m)
	}
	return m
}
