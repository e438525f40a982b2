package sowell

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/passerelle-go/passerelle/internal/transport"
)

// Option configures CRMClient and Client.
type Option func(*settings) error

type settings struct {
	transport.Config
	path string
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

// WithHTTPClient sets the HTTP client the retries wrap. It is copied.
func WithHTTPClient(hc *http.Client) Option { return common(transport.WithHTTPClient(hc)) }

// WithTimeout bounds each attempt (30s by default).
func WithTimeout(d time.Duration) Option { return common(transport.WithTimeout(d)) }

// WithRetry sets the retry count and the backoff bounds.
func WithRetry(maxRetries int, minWait, maxWait time.Duration) Option {
	return common(transport.WithRetry(maxRetries, minWait, maxWait))
}

// WithMaxRetryAfter caps how long a server's Retry-After is honoured (30s).
func WithMaxRetryAfter(d time.Duration) Option { return common(transport.WithMaxRetryAfter(d)) }

// WithLogger logs requests, responses and retries, the token masked.
func WithLogger(l *slog.Logger) Option { return common(transport.WithLogger(l)) }

// WithUserAgent replaces the User-Agent "passerelle/<version>".
func WithUserAgent(ua string) Option { return common(transport.WithUserAgent(ua)) }

// The default paths: where the CRM receives reports, and where SoWell
// receives a report's status ({id} is the report's id). SoWell's API is
// not public: both are options.
const (
	DefaultCRMPath    = "/sowell/reports"
	DefaultStatusPath = "/api/issue_reports/{id}/status"
)

func newTransport(baseURL, token, path string, opts []Option) (*transport.Client, string, error) {
	if token == "" {
		return nil, "", errors.New("sowell: token is required")
	}
	if baseURL == "" {
		return nil, "", errors.New("sowell: base URL is required")
	}
	s := settings{path: path}
	s.BaseURL, s.Secrets = baseURL, []string{token}
	s.Auth = func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+token) }
	for _, o := range opts {
		if err := o(&s); err != nil {
			return nil, "", fmt.Errorf("sowell: %w", err)
		}
	}
	t, err := transport.New(s.Config)
	if err != nil {
		return nil, "", fmt.Errorf("sowell: %w", err)
	}
	return t, s.path, nil
}

// CRMClient is SoWell's side of the push: it sends reports to the CRM's
// endpoint (NewHandler). Printing it never shows the token.
type CRMClient struct {
	path string
	http *transport.Client
}

// NewCRMClient returns a client for the CRM at baseURL with its token.
func NewCRMClient(baseURL, token string, opts ...Option) (*CRMClient, error) {
	t, path, err := newTransport(baseURL, token, DefaultCRMPath, opts)
	if err != nil {
		return nil, err
	}
	return &CRMClient{path: path, http: t}, nil
}

// Format prints the client without its token.
func (c CRMClient) Format(f fmt.State, _ rune) { fmt.Fprintf(f, "sowell.CRMClient{path: %q}", c.path) }

// errStreamed refuses a second attempt once photos were streamed.
var errStreamed = errors.New("the report's photos were already streamed: it cannot be sent again")

// Push validates the report and sends it, streaming its photos as base64,
// and returns the CRM's id ("CRM UID"). It is retried only while nothing
// of it was sent (no connection was made); once the photos have started
// to stream it is never resent, since the CRM may have stored it.
func (c *CRMClient) Push(ctx context.Context, r *Report) (string, error) {
	if r == nil {
		return "", &ValidationError{Pkg: "sowell", Op: "report", Fields: []FieldError{{Field: "report", Problem: "is nil"}}}
	}
	if err := r.Validate(); err != nil {
		return "", err
	}
	for i, p := range r.Photos {
		if p.Data == nil {
			return "", &ValidationError{Pkg: "sowell", Op: "report", Fields: []FieldError{{Field: fmt.Sprintf("photos[%d]", i), Problem: "has no data"}}}
		}
	}
	body := &lazyBody{report: r}
	defer body.Close()
	resp, err := c.http.Do(ctx, transport.Request{Op: "push", Kind: transport.NotIdempotent, Method: http.MethodPost, URL: c.path,
		Stream: func() (io.Reader, error) {
			if body.started() {
				return nil, errStreamed
			}
			return body, nil
		}})
	if err != nil {
		return "", wrap("push", err)
	}
	var a answer
	_ = json.Unmarshal(resp.Body, &a)
	if resp.StatusCode != http.StatusCreated && resp.StatusCode != http.StatusOK || a.ID == "" {
		return "", failure("push", resp, a, c.http)
	}
	return a.ID, nil
}

// lazyBody writes the report's wire form into a pipe, from its first
// Read: until then it can be handed to another attempt.
type lazyBody struct {
	report *Report
	once   sync.Once
	mu     sync.Mutex
	pr     *io.PipeReader
}

func (b *lazyBody) started() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.pr != nil
}

func (b *lazyBody) Read(p []byte) (int, error) {
	b.once.Do(func() {
		pr, pw := io.Pipe()
		b.mu.Lock()
		b.pr = pr
		b.mu.Unlock()
		go func() { pw.CloseWithError(writeReport(pw, b.report)) }()
	})
	return b.pr.Read(p)
}

// Close stops the writer; before the first Read it does nothing.
func (b *lazyBody) Close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.pr != nil {
		return b.pr.CloseWithError(errStreamed)
	}
	return nil
}

// wireReport is a report's JSON fields but the photos.
type wireReport struct {
	Qualification string   `json:"qualification"`
	Residence     string   `json:"residence"`
	Spot          string   `json:"spot,omitempty"`
	Author        string   `json:"author"`
	AuthorEmail   string   `json:"author_email"`
	CreatedAt     string   `json:"created_at"`
	Priority      Priority `json:"priority"`
	Description   string   `json:"description"`
	URL           string   `json:"url"`
}

// writeReport writes the wire form NewHandler reads, photos encoded as
// they are read from their streams.
func writeReport(w io.Writer, r *Report) error {
	head, err := json.Marshal(wireReport{
		Qualification: r.Qualification, Residence: r.Residence, Spot: r.Spot, Author: r.Author, AuthorEmail: r.AuthorEmail,
		CreatedAt: r.CreatedAt.UTC().Format("2006-01-02T15:04:05.000Z07:00"), Priority: r.Priority, Description: r.Description, URL: r.URL,
	})
	if err != nil {
		return err
	}
	if _, err := w.Write(append(head[:len(head)-1], `,"photos":[`...)); err != nil {
		return err
	}
	for i, p := range r.Photos {
		sep := `"`
		if i > 0 {
			sep = `,"`
		}
		if _, err := io.WriteString(w, sep); err != nil {
			return err
		}
		enc := base64.NewEncoder(base64.StdEncoding, w)
		if _, err := io.Copy(enc, p.Data); err != nil {
			return fmt.Errorf("photo %d: %w", i+1, err)
		}
		if err := enc.Close(); err != nil {
			return err
		}
		if _, err := io.WriteString(w, `"`); err != nil {
			return err
		}
	}
	_, err = io.WriteString(w, "]}")
	return err
}

// Client is the CRM's side of the status update: it tells SoWell a
// report's new status. Printing it never shows the token.
type Client struct {
	path string
	http *transport.Client
}

// NewClient returns a client for SoWell's API at baseURL with its token.
func NewClient(baseURL, token string, opts ...Option) (*Client, error) {
	t, path, err := newTransport(baseURL, token, DefaultStatusPath, opts)
	if err != nil {
		return nil, err
	}
	if !strings.Contains(path, "{id}") {
		return nil, fmt.Errorf("sowell: status path %q has no {id}", path)
	}
	return &Client{path: path, http: t}, nil
}

// Format prints the client without its token.
func (c Client) Format(f fmt.State, _ rune) { fmt.Fprintf(f, "sowell.Client{path: %q}", c.path) }

// UpdateStatus sets a report's status in SoWell (PUT, {"status": ...}).
// Setting the same status twice is harmless, so it is retried.
func (c *Client) UpdateStatus(ctx context.Context, reportID string, status Status) error {
	if reportID == "" || !status.Valid() {
		return &ValidationError{Pkg: "sowell", Op: "status", Fields: []FieldError{{Field: "id/status", Problem: "an id and a SoWell status are required"}}}
	}
	body, _ := json.Marshal(map[string]Status{"status": status})
	resp, err := c.http.Do(ctx, transport.Request{Op: "status", Kind: transport.Idempotent, Method: http.MethodPut,
		URL: strings.Replace(c.path, "{id}", url.PathEscape(reportID), 1), Body: body})
	if err != nil {
		return wrap("status", err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		var a answer
		_ = json.Unmarshal(resp.Body, &a)
		return failure("status", resp, a, c.http)
	}
	return nil
}

// StatusChange is a CRM request whose status changed.
type StatusChange struct {
	ReportID  string // SoWell's id of the report (the CRM keeps it)
	Channel   string // the request's channel
	CRMStatus string // the new status in the CRM
}

// Notifier pushes CRM status changes to SoWell, for requests whose
// channel is SoWell only.
type Notifier struct {
	Client *Client
	Map    StatusMap
}

// Notify sends the change to SoWell when the channel is SoWell and
// reports whether it did. An unmapped status is an error wrapping
// ErrUnmappedStatus, and nothing is sent.
func (n Notifier) Notify(ctx context.Context, ch StatusChange) (bool, error) {
	if ch.Channel != ChannelSoWell {
		return false, nil
	}
	st, err := n.Map.Map(ch.CRMStatus)
	if err != nil {
		return false, err
	}
	if err := n.Client.UpdateStatus(ctx, ch.ReportID, st); err != nil {
		return false, err
	}
	return true, nil
}

// Error is a call that did not succeed: an HTTP error status (with the
// bad fields the CRM listed), or no answer. It never holds the token.
type Error struct {
	Op         string
	StatusCode int          // 0 when no answer arrived
	Message    string       // the server's message, redacted
	Fields     []FieldError // the CRM's list of bad fields, on 400
	URL        string
	Err        error // the cause when no answer arrived
}

func (e *Error) Error() string {
	s := "sowell: " + e.Op
	if e.StatusCode != 0 {
		s += fmt.Sprintf(": HTTP %d", e.StatusCode)
	}
	if e.Message != "" {
		s += ": " + e.Message
	}
	for _, f := range e.Fields {
		s += "; " + f.String()
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

func wrap(op string, err error) error {
	e := &Error{Op: op, Err: err}
	var te *transport.Error
	if errors.As(err, &te) {
		e.StatusCode, e.URL = te.StatusCode, te.URL
	}
	return e
}

func failure(op string, resp *transport.Response, a answer, t *transport.Client) error {
	msg := a.Error
	if msg == "" {
		msg = t.Redactor().Excerpt(resp.Body, 256)
	}
	return &Error{Op: op, StatusCode: resp.StatusCode, Message: t.Redactor().String(msg), Fields: a.Fields, URL: resp.URL()}
}
