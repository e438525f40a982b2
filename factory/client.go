package factory

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/passerelle-go/passerelle/internal/transport"
	"github.com/passerelle-go/passerelle/internal/wire"
)

// La Factory's hosts for the Edouard Denis call-center web services.
const (
	AcceptanceBaseURL = "https://rct-ed-callcenter.azurewebsites.net" // recette
	ProductionBaseURL = "https://prd-ed-projet.azurewebsites.net"
)

// DemoAPIKey is the seed's demo key, for the acceptance host only.
const DemoAPIKey = "EDOUARD-DENISFACTORY"

// DefaultAPIKeyHeader carries the api key (the seed's Swagger UI calls it
// api_key; see WithAPIKeyHeader).
const DefaultAPIKeyHeader = "apikey"

// Method is a web-service method; its path can be changed with WithPath.
type Method string

// The methods of the seed.
const (
	GetProject4CallCenter            Method = "GetProject4CallCenter"
	AcquitProject4CallCenter         Method = "AcquitProject4CallCenter"
	CreateOrUpdateProject4CallCenter Method = "CreateOrUpdateProject4CallCenter"
	SetActivity                      Method = "SetActivity"
	GetPrograms                      Method = "GetPrograms"
	GetCanaux                        Method = "GetCanaux"
	GetCampaigns                     Method = "GetCampaigns"
	GetOrigins                       Method = "GetOrigins"
	GetSupports                      Method = "GetSupports"
	Getsources                       Method = "Getsources"
)

// DefaultPaths are the methods' paths: the project methods' are known;
// the referentials' were not found and are assumed under /api/Referential.
var DefaultPaths = map[Method]string{
	GetProject4CallCenter:            "/api/Project/GetProject4CallCenter",
	AcquitProject4CallCenter:         "/api/Project/AcquitProject4CallCenter",
	CreateOrUpdateProject4CallCenter: "/api/Project/CreateOrUpdateProject4CallCenter",
	SetActivity:                      "/api/Project/SetActivity",
	GetPrograms:                      "/api/Referential/GetPrograms",
	GetCanaux:                        "/api/Referential/GetCanaux",
	GetCampaigns:                     "/api/Referential/GetCampaigns",
	GetOrigins:                       "/api/Referential/GetOrigins",
	GetSupports:                      "/api/Referential/GetSupports",
	Getsources:                       "/api/Referential/Getsources",
}

const opCreateOrUpdate = CreateOrUpdateProject4CallCenter

// Client calls La Factory's call-center web services. It is safe for
// concurrent use; printing it never shows the api key.
type Client struct {
	header string
	paths  map[Method]string
	http   *transport.Client
}

type settings struct {
	transport.Config
	header string
	paths  map[Method]string
}

// Option configures a Client.
type Option func(*settings) error

func common(f func(*transport.Config) error) Option {
	return func(s *settings) error { return f(&s.Config) }
}

// WithAPIKeyHeader sends the api key in another header ("apikey" by default).
func WithAPIKeyHeader(name string) Option {
	return func(s *settings) error {
		if name == "" || strings.ContainsAny(name, " :\r\n") {
			return fmt.Errorf("invalid header name %q", name)
		}
		s.header = name
		return nil
	}
}

// WithPath changes a method's path, relative to the base URL.
func WithPath(m Method, path string) Option {
	return func(s *settings) error {
		if _, ok := DefaultPaths[m]; !ok {
			return fmt.Errorf("unknown method %q", m)
		}
		if !strings.HasPrefix(path, "/") {
			return fmt.Errorf("path %q must start with /", path)
		}
		s.paths[m] = path
		return nil
	}
}

// WithHTTPClient sets the HTTP client the retries wrap. It is copied.
func WithHTTPClient(hc *http.Client) Option { return common(transport.WithHTTPClient(hc)) }

// WithTimeout bounds each attempt (30s by default); the context bounds
// the whole call, retries included.
func WithTimeout(d time.Duration) Option { return common(transport.WithTimeout(d)) }

// WithRetry sets how many times a call is retried and the backoff bounds
// (3 retries, 500ms to 10s by default).
func WithRetry(maxRetries int, minWait, maxWait time.Duration) Option {
	return common(transport.WithRetry(maxRetries, minWait, maxWait))
}

// WithMaxRetryAfter caps how long a server's Retry-After is honoured (30s).
func WithMaxRetryAfter(d time.Duration) Option { return common(transport.WithMaxRetryAfter(d)) }

// WithLogger logs requests, responses and retries, the api key masked.
func WithLogger(l *slog.Logger) Option { return common(transport.WithLogger(l)) }

// WithUserAgent replaces the User-Agent "passerelle/<version>".
func WithUserAgent(ua string) Option { return common(transport.WithUserAgent(ua)) }

// WithMaxResponseSize bounds the bytes read from a response (10 MiB).
func WithMaxResponseSize(n int64) Option { return common(transport.WithMaxResponseSize(n)) }

// New returns a client for La Factory at baseURL (AcceptanceBaseURL,
// ProductionBaseURL or a factorytest server) with the given api key.
func New(baseURL, apiKey string, opts ...Option) (*Client, error) {
	if apiKey == "" {
		return nil, errors.New("factory: api key is required")
	}
	s := settings{header: DefaultAPIKeyHeader, paths: map[Method]string{}}
	s.BaseURL, s.Secrets = baseURL, []string{apiKey}
	for m, p := range DefaultPaths {
		s.paths[m] = p
	}
	for _, opt := range opts {
		if err := opt(&s); err != nil {
			return nil, fmt.Errorf("factory: %w", err)
		}
	}
	if baseURL == "" {
		return nil, errors.New("factory: base URL is required")
	}
	header := s.header
	s.Auth = func(r *http.Request) { r.Header.Set(header, apiKey) }
	t, err := transport.New(s.Config)
	if err != nil {
		return nil, fmt.Errorf("factory: %w", err)
	}
	return &Client{header: s.header, paths: s.paths, http: t}, nil
}

// Format prints the client without its api key, whatever the verb.
func (c Client) Format(f fmt.State, _ rune) {
	fmt.Fprintf(f, "factory.Client{apiKeyHeader: %q}", c.header)
}

// Result is what the project and activity methods answer.
type Result struct {
	FactoryProjectID    string // La Factory's id of the project
	CallCenterProjectID string // your id, as La Factory recorded it
	URL                 string // the project's page in La Factory
	// ErrorMessage is a message La Factory sent with a success (a
	// message with an error code is an *Error instead).
	ErrorMessage string
}

// envelope is every answer's top level.
type envelope struct {
	Error *struct {
		ErCode    wire.NumString `json:"erCode"`
		ErMessage wire.NumString `json:"erMessage"`
	} `json:"error"`
	FactoryProjectID    wire.NumString `json:"factoryprojectid"`
	CallCenterProjectID wire.NumString `json:"callcenterprojectid"`
	URL                 string         `json:"url"`
	Operation           *struct {
		Set *struct {
			Data json.RawMessage `json:"Data"`
		} `json:"Set"`
	} `json:"Operation"`
}

// rejected applies La Factory's error convention: success when erCode and
// erMessage are null. A message without a code is a failure unless the
// answer also carries a project (then it is Result.ErrorMessage).
func (e *envelope) rejected(ok2xx bool) bool {
	if e.Error == nil || e.Error.ErCode == "" && e.Error.ErMessage == "" {
		return false
	}
	return e.Error.ErCode != "" || !ok2xx || e.FactoryProjectID == "" && e.Operation == nil
}

// call is every method's path to the wire: POST the JSON body, then read
// the answer, JSON or JSON inside a JSON string, and map La Factory's
// error convention to an *Error. It returns the envelope and its payload
// (Operation.Set.Data when present, else the whole answer).
func (c *Client) call(ctx context.Context, m Method, kind transport.Kind, body any) (*envelope, json.RawMessage, error) {
	payload := []byte("{}")
	if body != nil {
		var err error
		if payload, err = json.Marshal(body); err != nil {
			return nil, nil, &Error{Op: string(m), Err: err}
		}
	}
	resp, err := c.http.Do(ctx, transport.Request{Op: string(m), Kind: kind, Method: http.MethodPost, URL: c.paths[m], Body: payload})
	if err != nil {
		e := &Error{Op: string(m), Err: err}
		var te *transport.Error
		if errors.As(err, &te) {
			e.HTTPStatus, e.URL = te.StatusCode, te.URL
		}
		return nil, nil, e
	}
	raw := unwrapString(resp.Body)
	var env envelope
	var decodeErr error
	switch t := bytes.TrimSpace(raw); {
	case len(t) == 0 || string(t) == "null":
		raw = nil // an empty answer: the caller decides
	case t[0] == '[':
		decodeErr = json.Unmarshal(raw, new([]json.RawMessage)) // a bare list
	default:
		decodeErr = json.Unmarshal(raw, &env)
	}
	fail := func(e *Error) (*envelope, json.RawMessage, error) {
		e.Op, e.HTTPStatus, e.URL = string(m), resp.StatusCode, resp.URL()
		return nil, nil, e
	}
	ok2xx := resp.StatusCode >= 200 && resp.StatusCode < 300
	if decodeErr == nil && env.rejected(ok2xx) {
		r := c.http.Redactor()
		return fail(&Error{ErCode: r.String(string(env.Error.ErCode)), ErMessage: r.String(string(env.Error.ErMessage))})
	}
	if decodeErr != nil || !ok2xx {
		why := "unexpected HTTP status"
		if decodeErr != nil {
			why = decodeErr.Error()
		}
		return fail(c.malformed(m, resp.Body, why))
	}
	if env.Operation != nil && env.Operation.Set != nil {
		return &env, unwrapString(env.Operation.Set.Data), nil
	}
	return &env, raw, nil
}

// unwrapString returns the JSON inside a JSON string ("double-encoded"
// answers), up to two levels, or b itself.
func unwrapString(b []byte) []byte {
	for range 2 {
		t := bytes.TrimSpace(b)
		if len(t) == 0 || t[0] != '"' {
			return b
		}
		var s string
		if json.Unmarshal(t, &s) != nil {
			return b
		}
		b = []byte(s)
	}
	return b
}

func (c *Client) result(ctx context.Context, m Method, kind transport.Kind, body any) (*Result, error) {
	env, _, err := c.call(ctx, m, kind, body)
	if err != nil {
		return nil, err
	}
	r := &Result{FactoryProjectID: string(env.FactoryProjectID), CallCenterProjectID: string(env.CallCenterProjectID), URL: env.URL}
	if env.Error != nil {
		r.ErrorMessage = c.http.Redactor().String(string(env.Error.ErMessage))
	}
	return r, nil
}

// malformed is the *Error of an answer that is not the documented JSON.
func (c *Client) malformed(m Method, body []byte, why string) *Error {
	r := c.http.Redactor()
	return &Error{Op: string(m), Body: r.Excerpt(body, 256), Err: fmt.Errorf("%w: %s", ErrMalformedResponse, r.String(why))}
}
