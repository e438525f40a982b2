// Package transport is the HTTP layer every passerelle client shares. It
// sends one request through go-retryablehttp with the retry policy of the
// operation's Kind, sets the User-Agent and the client's credentials, reads
// the response under a size limit, logs through an optional *slog.Logger,
// and passes every URL, error and log value through one redact.Redactor.
package transport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-retryablehttp"
	"github.com/passerelle-go/passerelle/internal/redact"
)

// Version is passerelle's version, sent in the User-Agent.
const Version = "0.1.0"

// DefaultUserAgent is the User-Agent of every request unless overridden.
const DefaultUserAgent = "passerelle/" + Version

// DefaultMaxResponseSize bounds the bytes read from one response body.
const DefaultMaxResponseSize int64 = 10 << 20

// DefaultTimeout bounds one attempt: connecting, sending, and reading the
// whole response.
const DefaultTimeout = 30 * time.Second

// ErrResponseTooLarge is the cause of an *Error when a response body is
// longer than the configured limit.
var ErrResponseTooLarge = errors.New("response body exceeds the size limit")

// ErrRedirect is the cause of an *Error when the server answered a redirect
// (any 3xx but 304). Redirects are never followed: a credential must not
// reach another scheme, host or port, and a write must not turn into a
// GET. The error names the Location, redacted.
var ErrRedirect = errors.New("redirect not followed")

// ErrPathSegment is the cause of the error JoinPath returns for a value
// that cannot stand alone in a URL path segment.
var ErrPathSegment = errors.New("not usable as a URL path segment")

// Kind is a request's retry class: it answers "is a second send of this
// request harmless?".
type Kind int

const (
	// Idempotent is a request whose second send is harmless: a read, or a
	// write the service applies the same way however often it receives it
	// (a full replace by key, a status set to a value). It is retried on
	// transport errors and on HTTP 429, 502, 503 and 504.
	Idempotent Kind = iota
	// NotIdempotent is a request a second send could apply twice: a
	// creation, an import, a hand-out from a queue. It is retried only when
	// nothing reached the server (the connection was never made) or when
	// the server answered 429 or 503, the two statuses that say the
	// request was not processed.
	NotIdempotent
)

func (k Kind) String() string {
	if k == NotIdempotent {
		return "not idempotent"
	}
	return "idempotent"
}

// RetryPolicy bounds the retry loop.
type RetryPolicy struct {
	// MaxRetries is the number of retries after the first attempt; 0 sends
	// each request once.
	MaxRetries int
	// MinWait and MaxWait bound the exponential backoff; each wait is drawn
	// at random in its upper half (jitter).
	MinWait, MaxWait time.Duration
	// MaxRetryAfter caps a server's Retry-After; a longer one waits this long.
	MaxRetryAfter time.Duration
}

// DefaultRetryPolicy is 3 retries, backoff from 500ms to 10s, and
// Retry-After honoured up to 30s.
func DefaultRetryPolicy() RetryPolicy {
	return RetryPolicy{MaxRetries: 3, MinWait: 500 * time.Millisecond, MaxWait: 10 * time.Second, MaxRetryAfter: 30 * time.Second}
}

// Validate reports a policy that cannot work.
func (p RetryPolicy) Validate() error {
	switch {
	case p.MaxRetries < 0:
		return errors.New("retry policy: MaxRetries is negative")
	case p.MinWait < 0 || p.MaxWait < 0 || p.MaxRetryAfter < 0:
		return errors.New("retry policy: a wait is negative")
	case p.MaxWait < p.MinWait:
		return errors.New("retry policy: MaxWait is less than MinWait")
	}
	return nil
}

// Config is what a package's options set. The zero value of each field
// means its default.
type Config struct {
	// BaseURL is joined with a Request's relative URL.
	BaseURL string
	// HTTPClient is the client retries wrap; it is copied, never modified.
	HTTPClient *http.Client
	// Timeout bounds one attempt (DefaultTimeout when zero).
	Timeout time.Duration
	// UserAgent replaces DefaultUserAgent.
	UserAgent string
	// Logger receives debug lines for requests, responses and retries;
	// nil is silent.
	Logger *slog.Logger
	// Retry is the retry policy; nil means DefaultRetryPolicy.
	Retry *RetryPolicy
	// MaxResponseSize bounds a response body (DefaultMaxResponseSize when zero).
	MaxResponseSize int64
	// Auth sets the credentials on each request.
	Auth func(*http.Request)
	// Secrets are values masked in every error and log line.
	Secrets []string
}

// Client sends requests. It is safe for concurrent use.
type Client struct {
	base     *url.URL
	rc       *retryablehttp.Client
	ua       string
	log      *slog.Logger
	max      int64
	auth     func(*http.Request)
	redactor *redact.Redactor
	uaHeader []string
	resolved sync.Map // ref → *url.URL, never modified once stored
	cached   atomic.Int32
}

// New checks cfg and builds a Client.
func New(cfg Config) (*Client, error) {
	for _, secret := range cfg.Secrets {
		if err := redact.CheckSecret("a credential", secret); err != nil {
			return nil, err
		}
	}
	c := &Client{
		ua: DefaultUserAgent, log: cfg.Logger, max: DefaultMaxResponseSize,
		auth: cfg.Auth, redactor: redact.New(cfg.Secrets...),
	}
	if cfg.BaseURL != "" {
		u, err := url.Parse(cfg.BaseURL)
		if err != nil || u.Scheme == "" || u.Host == "" {
			return nil, fmt.Errorf("base URL %q is not an absolute URL", c.redactor.BaseURL(cfg.BaseURL))
		}
		if u.Scheme != "https" && u.Scheme != "http" {
			return nil, fmt.Errorf("base URL %q: scheme %q is neither https nor http", c.redactor.BaseURL(cfg.BaseURL), u.Scheme)
		}
		if err := checkPath(u); err != nil {
			return nil, fmt.Errorf("base URL %q: %w", c.redactor.BaseURL(cfg.BaseURL), err)
		}
		c.base = u
	}
	if cfg.UserAgent != "" {
		c.ua = cfg.UserAgent
	}
	if cfg.MaxResponseSize < 0 {
		return nil, errors.New("max response size is negative")
	} else if cfg.MaxResponseSize > 0 {
		c.max = cfg.MaxResponseSize
	}
	c.uaHeader = []string{c.ua}
	policy := DefaultRetryPolicy()
	if cfg.Retry != nil {
		policy = *cfg.Retry
	}
	if err := policy.Validate(); err != nil {
		return nil, err
	}
	pooled := http.DefaultTransport.(*http.Transport).Clone()
	pooled.MaxIdleConnsPerHost = 32 // concurrent batches (ImportAll) reuse their connections
	hc := &http.Client{Transport: pooled}
	if cfg.HTTPClient != nil {
		copied := *cfg.HTTPClient
		hc = &copied
	}
	// Never follow a redirect, whoever's client this is: net/http keeps
	// custom headers (an apikey) across hosts, re-sends bodies (a password)
	// on 307 and 308, and turns a POST into a body-less GET on 301 and 302.
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	switch {
	case cfg.Timeout < 0:
		return nil, errors.New("timeout is negative")
	case cfg.Timeout > 0:
		hc.Timeout = cfg.Timeout
	case hc.Timeout == 0:
		hc.Timeout = DefaultTimeout
	}
	c.rc = &retryablehttp.Client{
		HTTPClient:     hc,
		RetryMax:       policy.MaxRetries,
		RetryWaitMin:   policy.MinWait,
		RetryWaitMax:   policy.MaxWait,
		CheckRetry:     c.checkRetry,
		Backoff:        backoff(policy.MaxRetryAfter),
		ErrorHandler:   retryablehttp.PassthroughErrorHandler,
		RequestLogHook: c.beforeAttempt,
	}
	return c, nil
}

// Redactor is the client's redactor, for the errors its package builds.
func (c *Client) Redactor() *redact.Redactor { return c.redactor }

// Request is one operation to send.
type Request struct {
	Op     string // the operation's name in logs and errors
	Kind   Kind
	Method string
	URL    string // absolute, or relative to the base URL
	Header http.Header
	Body   []byte
	// Stream, when set, replaces Body: it is called for each attempt and
	// returns the body to send, streamed rather than held. It may refuse a
	// second call (a stream already read cannot be replayed); its error
	// ends the call.
	Stream      func() (io.Reader, error)
	ContentType string // default application/json when Body is set
}

// Response is a response read whole (up to the size limit).
type Response struct {
	StatusCode int
	Header     http.Header
	Body       []byte
	Attempts   int
	url        *url.URL
	redactor   *redact.Redactor
}

// URL is the request's URL, redacted. It is computed on demand: only
// error paths need it.
func (r *Response) URL() string { return r.redactor.URL(r.url) }

// Error is a request that got no usable response: a transport failure, an
// ended context, or a body over the size limit.
type Error struct {
	Op         string
	Method     string
	URL        string // redacted
	StatusCode int    // 0 when no response arrived
	Attempts   int
	Err        error // the cause, with its URL redacted
	msg        string
}

func (e *Error) Error() string { return e.msg }
func (e *Error) Unwrap() error { return e.Err }

// call is the state of one Do across its attempts.
type call struct {
	kind     Kind
	op       string
	attempts int
	body     []byte
	bodyRead bool
	stream   bool
}

type callKey struct{}

// Do sends req. Any HTTP status is a Response: mapping statuses to errors
// is the package's job. A failure to get a whole response is an *Error.
func (c *Client) Do(ctx context.Context, req Request) (*Response, error) {
	u, err := c.resolve(req.URL)
	if err != nil {
		return nil, err
	}
	st := &call{kind: req.Kind, op: req.Op, stream: req.Stream != nil}
	ctx = context.WithValue(ctx, callKey{}, st)
	var body any
	switch {
	case req.Stream != nil:
		body = retryablehttp.ReaderFunc(req.Stream)
	case req.Body != nil:
		body = req.Body
	}
	rreq, err := retryablehttp.NewRequestWithContext(ctx, req.Method, u.String(), body)
	if err != nil {
		return nil, c.fail(req, u, st, 0, err)
	}
	h := rreq.Header
	h["User-Agent"] = c.uaHeader
	h["Accept"] = jsonHeader
	if body != nil {
		h["Content-Type"] = jsonHeader
		if req.ContentType != "" {
			h.Set("Content-Type", req.ContentType)
		}
	}
	for k, v := range req.Header {
		h[http.CanonicalHeaderKey(k)] = v
	}
	if c.auth != nil {
		c.auth(rreq.Request)
	}
	rreq.SetResponseHandler(func(resp *http.Response) error { return c.readBody(st, resp) })

	resp, err := c.rc.Do(rreq)
	if err == nil && !st.bodyRead {
		// Retries ran out on a retryable status: its body is still unread.
		err = c.readBody(st, resp)
	}
	status := 0
	if resp != nil {
		status = resp.StatusCode
	}
	if err == nil && status >= 300 && status < 400 && status != http.StatusNotModified {
		err = c.redirectError(u, status, resp.Header.Get("Location"))
	}
	if err != nil {
		if resp != nil && resp.Body != nil {
			resp.Body.Close()
		}
		return nil, c.fail(req, u, st, status, err)
	}
	c.debug(ctx, "passerelle: response", "op", req.Op, "status", status, "bytes", len(st.body), "attempts", st.attempts)
	return &Response{StatusCode: status, Header: resp.Header, Body: st.body, Attempts: st.attempts, url: u, redactor: c.redactor}, nil
}

// jsonHeader is shared by every request's Accept and Content-Type: the
// standard library only reads header values.
var jsonHeader = []string{"application/json"}

// resolve turns a request's URL into an absolute one. The answers for the
// first refs are cached: a client calls the same few paths again and again.
func (c *Client) resolve(ref string) (*url.URL, error) {
	if u, ok := c.resolved.Load(ref); ok {
		return u.(*url.URL), nil
	}
	u, err := c.parse(ref)
	if err == nil && c.cached.Load() < maxCachedURLs && c.cached.Add(1) <= maxCachedURLs {
		c.resolved.Store(ref, u)
	}
	return u, err
}

const maxCachedURLs = 64

// parse resolves ref against the base URL. The path keeps its escaping
// (an id's "%2F" stays inside its segment) and is never cleaned: a "." or
// ".." segment is refused, not resolved.
func (c *Client) parse(ref string) (*url.URL, error) {
	u, err := url.Parse(ref)
	if err != nil {
		return nil, fmt.Errorf("invalid URL %q", c.redactor.BaseURL(ref))
	}
	if err := checkPath(u); err != nil {
		return nil, fmt.Errorf("URL %q: %w", c.redactor.URL(u), err)
	}
	if c.base != nil && !u.IsAbs() {
		joined := *c.base
		joined.Path = strings.TrimSuffix(c.base.Path, "/") + "/" + strings.TrimPrefix(u.Path, "/")
		joined.RawPath = strings.TrimSuffix(c.base.EscapedPath(), "/") + "/" + strings.TrimPrefix(u.EscapedPath(), "/")
		joined.RawQuery = u.RawQuery
		return &joined, nil
	}
	if !u.IsAbs() {
		return nil, fmt.Errorf("URL %q is relative and the client has no base URL", c.redactor.URL(u))
	}
	return u, nil
}

// checkPath refuses a path with a "." or ".." segment, escaped or not:
// a server or proxy could resolve it outside the path the client meant.
func checkPath(u *url.URL) error {
	for _, seg := range strings.Split(u.EscapedPath(), "/") {
		if d, err := url.PathUnescape(seg); err != nil || d == "." || d == ".." {
			return fmt.Errorf("path segment %q: %w", seg, ErrPathSegment)
		}
	}
	return nil
}

// JoinPath is prefix followed by each segment, escaped so that it stays one
// path segment on the wire ("a/b" is sent as "a%2Fb"). A segment that is
// empty, "." or ".." is refused with an error wrapping ErrPathSegment: no
// escaping keeps those inside their segment. The error never holds the
// value.
func JoinPath(prefix string, segments ...string) (string, error) {
	var b strings.Builder
	b.WriteString(strings.TrimSuffix(prefix, "/"))
	for i, seg := range segments {
		if seg == "" || seg == "." || seg == ".." {
			return "", fmt.Errorf("path segment %d (%d bytes): %w", i+1, len(seg), ErrPathSegment)
		}
		b.WriteByte('/')
		b.WriteString(url.PathEscape(seg))
	}
	return b.String(), nil
}

// redirectError is the error of a 3xx answer: see ErrRedirect.
func (c *Client) redirectError(from *url.URL, status int, location string) error {
	where := "no Location"
	if location != "" {
		if to, err := from.Parse(location); err == nil {
			where = "Location " + c.redactor.URL(to)
		} else {
			where = "Location " + c.redactor.BaseURL(location)
		}
	}
	return fmt.Errorf("%w: HTTP %d, %s", ErrRedirect, status, where)
}

// readBody reads the whole body under the size limit and closes it.
func (c *Client) readBody(st *call, resp *http.Response) error {
	defer resp.Body.Close()
	st.bodyRead = true
	if resp.ContentLength > c.max {
		// Announced too large: fail without downloading the limit first.
		return fmt.Errorf("%w (%d bytes announced, limit %d)", ErrResponseTooLarge, resp.ContentLength, c.max)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, c.max+1))
	if err != nil {
		return err
	}
	if int64(len(b)) > c.max {
		return fmt.Errorf("%w (%d bytes)", ErrResponseTooLarge, c.max)
	}
	st.body = b
	return nil
}

func (c *Client) fail(req Request, u *url.URL, st *call, status int, err error) *Error {
	redacted := c.redactor.URL(u)
	var ue *url.Error
	if errors.As(err, &ue) {
		// The standard library puts the raw URL in its errors.
		err = &url.Error{Op: ue.Op, URL: redacted, Err: ue.Err}
	}
	e := &Error{Op: req.Op, Method: req.Method, URL: redacted, StatusCode: status, Attempts: st.attempts, Err: err}
	e.msg = c.redactor.String(fmt.Sprintf("%s %s: %v", req.Method, redacted, err))
	if st.attempts > 1 {
		e.msg += " (after " + strconv.Itoa(st.attempts) + " attempts)"
	}
	if c.log != nil {
		c.log.Warn("passerelle: request failed", "op", req.Op, "error", e.msg)
	}
	return e
}

func (c *Client) beforeAttempt(_ retryablehttp.Logger, r *http.Request, attempt int) {
	if st, ok := r.Context().Value(callKey{}).(*call); ok {
		st.attempts = attempt + 1
		st.bodyRead = false
		if st.stream {
			// net/http rewinds the body through GetBody for a 307 or 308
			// before it asks CheckRedirect; a stream read once must not
			// be asked for again just to be refused.
			r.GetBody = nil
		}
	}
	if c.log != nil {
		c.log.DebugContext(r.Context(), "passerelle: request", "method", r.Method, "url", c.redactor.URL(r.URL), "attempt", attempt+1)
	}
}

func (c *Client) checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	st, ok := ctx.Value(callKey{}).(*call)
	if !ok {
		st = &call{kind: Idempotent}
	}
	retry, why := shouldRetry(st.kind, resp, err)
	if ctxErr := ctx.Err(); ctxErr != nil && (retry || err != nil) {
		// An answer that arrived whole is kept even when the context ended
		// meanwhile: it may be what the service handed out once (a La
		// Factory project). Only a retry, or a failed read, gives way.
		return false, ctxErr
	}
	if retry && c.log != nil {
		c.log.InfoContext(ctx, "passerelle: retrying", "op", st.op, "kind", st.kind.String(), "reason", c.redactor.String(why))
	}
	return retry, nil
}

// shouldRetry is the retry policy: see Kind.
func shouldRetry(kind Kind, resp *http.Response, err error) (bool, string) {
	if err != nil {
		if errors.Is(err, ErrResponseTooLarge) || !transient(err) {
			return false, ""
		}
		return kind == Idempotent || nothingSent(err), err.Error()
	}
	switch resp.StatusCode {
	case http.StatusTooManyRequests, http.StatusServiceUnavailable:
		return true, resp.Status
	case http.StatusBadGateway, http.StatusGatewayTimeout:
		return kind == Idempotent, resp.Status
	}
	return false, ""
}

// transient is false for errors a retry cannot mend: a bad URL or scheme,
// a certificate the client refuses, a redirect loop.
func transient(err error) bool {
	msg := err.Error()
	for _, permanent := range []string{"unsupported protocol scheme", "stopped after", "certificate", "invalid header"} {
		if strings.Contains(msg, permanent) {
			return false
		}
	}
	return true
}

// NothingSent reports an error from before the request could reach the
// server: no connection was made (dial, proxy or DNS error), or the
// context ended before the first attempt.
func NothingSent(err error) bool {
	var te *Error
	if errors.As(err, &te) && te.Attempts == 0 {
		return true
	}
	return nothingSent(err)
}

// nothingSent reports an error from before the connection existed, so the
// server cannot have seen the request.
func nothingSent(err error) bool {
	var op *net.OpError
	if errors.As(err, &op) && (op.Op == "dial" || op.Op == "proxyconnect") {
		return true
	}
	var dns *net.DNSError
	return errors.As(err, &dns)
}

// backoff waits for the server's Retry-After (capped) when it sent one on
// 429 or 503, and otherwise for an exponential delay with jitter.
func backoff(maxRetryAfter time.Duration) retryablehttp.Backoff {
	return func(min, max time.Duration, attempt int, resp *http.Response) time.Duration {
		if resp != nil && (resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable) {
			if d, ok := RetryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
				return clamp(d, 0, maxRetryAfter)
			}
		}
		d := min
		for i := 0; i < attempt && d < max; i++ {
			d *= 2
		}
		d = clamp(d, min, max)
		if d <= 1 {
			return d
		}
		return d/2 + rand.N(d/2+1)
	}
}

// RetryAfter parses a Retry-After header: delay-seconds or an HTTP date.
func RetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if s, err := strconv.ParseInt(v, 10, 64); err == nil {
		if s < 0 {
			return 0, false
		}
		if s > int64(24*time.Hour/time.Second) {
			s = int64(24 * time.Hour / time.Second)
		}
		return time.Duration(s) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

func clamp(d, lo, hi time.Duration) time.Duration {
	return min(max(d, lo), hi)
}

func (c *Client) debug(ctx context.Context, msg string, args ...any) {
	if c.log != nil {
		c.log.DebugContext(ctx, msg, args...)
	}
}
