package factory

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
	"sync"
	"time"

	"github.com/passerelle-go/passerelle/internal/transport"
	"github.com/passerelle-go/passerelle/internal/wire"
)

// La Factory's hosts for the Edouard Denis call-center web services
// (section 2.1 of "Web Services CALL CENTER projet" v1.11 names the
// acceptance one; the production one is La Factory's).
const (
	// AcceptanceBaseURL is the acceptance ("recette") host.
	AcceptanceBaseURL = "https://rct-ed-callcenter.azurewebsites.net"
	// ProductionBaseURL is the production host.
	ProductionBaseURL = "https://prd-ed-projet.azurewebsites.net"
)

// Environment is the La Factory environment a Client talks to: it picks
// the host. WithBaseURL overrides it (a proxy, a factorytest server).
type Environment int

const (
	// Acceptance is La Factory's acceptance ("recette") environment, at
	// AcceptanceBaseURL, where DemoAPIKey works.
	Acceptance Environment = iota + 1
	// Production is La Factory's production environment, at
	// ProductionBaseURL.
	Production
)

// BaseURL is the environment's host, "" for an unknown environment.
func (e Environment) BaseURL() string {
	switch e {
	case Acceptance:
		return AcceptanceBaseURL
	case Production:
		return ProductionBaseURL
	}
	return ""
}

// String is "acceptance" or "production".
func (e Environment) String() string {
	switch e {
	case Acceptance:
		return "acceptance"
	case Production:
		return "production"
	}
	return "Environment(" + strconv.Itoa(int(e)) + ")"
}

// DemoAPIKey is the demo key of section 2.3 of the document, for the
// acceptance environment only.
const DemoAPIKey = "EDOUARD-DENISFACTORY"

// DefaultAPIKeyHeader is the header that carries the api key (the
// document's Swagger UI calls the field api_key; see WithAPIKeyHeader).
const DefaultAPIKeyHeader = "apikey"

// Method is a web-service method; its path can be changed with WithPath.
type Method string

// The methods of the document, by the names it gives them.
const (
	// GetProject4CallCenter hands out the next project (NextProject).
	GetProject4CallCenter Method = "GetProject4CallCenter"
	// AcquitProject4CallCenter acknowledges ("acquitte") or closes a
	// project (Acknowledge, Conclude).
	AcquitProject4CallCenter Method = "AcquitProject4CallCenter"
	// CreateOrUpdateProject4CallCenter creates or replaces a project
	// (CreateProject, UpdateProject).
	CreateOrUpdateProject4CallCenter Method = "CreateOrUpdateProject4CallCenter"
	// SetActivity records a phone call or an appointment (LogCall,
	// ScheduleAppointment).
	SetActivity Method = "SetActivity"
	// GetPrograms lists the programmes and their sellers (Programs).
	GetPrograms Method = "GetPrograms"
	// GetCanaux lists the channels, "canaux" (Channels).
	GetCanaux Method = "GetCanaux"
	// GetCampaigns lists the campaigns (Campaigns).
	GetCampaigns Method = "GetCampaigns"
	// GetOrigins lists the origins (Origins).
	GetOrigins Method = "GetOrigins"
	// GetSupports lists the media, "supports" (Supports).
	GetSupports Method = "GetSupports"
	// Getsources lists the sources, spelt as the document spells it
	// (Sources).
	Getsources Method = "Getsources"
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

	queue *queue // projects La Factory handed out together, not yet returned
}

type queue struct {
	mu      sync.Mutex
	pending []handedOut
}

// handedOut is one project of an answer: decoded, or the error holding it.
type handedOut struct {
	p   *Project
	err error
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

// WithBaseURL replaces the environment's host, for a proxy or a fake
// server (factorytest). The URL is absolute, http or https; a path in it
// prefixes every method's path.
func WithBaseURL(u string) Option { return common(transport.WithBaseURL(u)) }

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

// WithPath changes a method's path, relative to the base URL: the
// referentials' paths are not in the document and are assumed.
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

// New returns a client for La Factory's environment env (Acceptance or
// Production; WithBaseURL for another host) with the given api key. A key
// shorter than 6 characters is refused: it could not be masked in errors
// and logs.
func New(apiKey string, env Environment, opts ...Option) (*Client, error) {
	if apiKey == "" {
		return nil, errors.New("factory: api key is required")
	}
	s := settings{header: DefaultAPIKeyHeader, paths: map[Method]string{}}
	s.BaseURL, s.Secrets = env.BaseURL(), []string{apiKey}
	for m, p := range DefaultPaths {
		s.paths[m] = p
	}
	for _, opt := range opts {
		if err := opt(&s); err != nil {
			return nil, fmt.Errorf("factory: %w", err)
		}
	}
	if s.BaseURL == "" {
		return nil, fmt.Errorf("factory: unknown environment %v: use Acceptance, Production or WithBaseURL", env)
	}
	header := s.header
	s.Auth = func(r *http.Request) { r.Header.Set(header, apiKey) }
	t, err := transport.New(s.Config)
	if err != nil {
		return nil, fmt.Errorf("factory: %w", err)
	}
	return &Client{header: s.header, paths: s.paths, http: t, queue: &queue{}}, nil
}

// Format prints the client without its api key, whatever the verb.
func (c Client) Format(f fmt.State, _ rune) {
	fmt.Fprintf(f, "factory.Client{apiKeyHeader: %q}", c.header)
}

// Result is what the project and activity methods answer (the document's
// "paramètres de sortie": output parameters).
type Result struct {
	// FactoryProjectID is La Factory's id of the project (factoryprojectid).
	FactoryProjectID string
	// CallCenterProjectID is your id of the project, as La Factory
	// recorded it (callcenterprojectid); SetActivity does not return it.
	CallCenterProjectID string
	// URL is the project's page in La Factory.
	URL string
	// Created is true when UpdateProject's factoryprojectid was unknown to
	// La Factory, which created a new project (see ErrProjectCreated).
	Created bool
}

// answer is La Factory's answer, read: its top-level members as text and
// the payload (Operation.Set.Data when present, else the whole answer).
type answer struct {
	status              int
	url                 string
	body                []byte // as received
	factoryProjectID    string
	callCenterProjectID string
	projectURL          string
	payload             json.RawMessage
}

// call is every method's path to the wire: POST the JSON body, read the
// answer (JSON, or JSON inside a JSON string), and map La Factory's error
// convention to an *Error: success when erCode and erMessage are both
// null (or empty); anything else, an HTTP error, or an answer that is not
// the documented JSON is an error, holding the whole answer in Raw.
func (c *Client) call(ctx context.Context, m Method, kind transport.Kind, body []byte) (*answer, error) {
	if body == nil {
		body = []byte("{}")
	}
	resp, err := c.http.Do(ctx, transport.Request{Op: string(m), Kind: kind, Method: http.MethodPost, URL: c.paths[m], Body: body})
	if err != nil {
		e := &Error{Op: string(m), Err: err}
		var te *transport.Error
		if errors.As(err, &te) {
			e.StatusCode, e.URL = te.StatusCode, te.URL
		}
		return nil, e
	}
	a := &answer{status: resp.StatusCode, url: resp.URL(), body: resp.Body}
	r := c.http.Redactor()
	var top map[string]json.RawMessage
	fail := func(e *Error) (*answer, error) {
		e.Op, e.StatusCode, e.URL = string(m), a.status, a.url
		// Every error keeps the whole answer: one that refuses the request
		// may still carry what La Factory handed out (a project beside an
		// erMessage), which would otherwise be lost.
		if len(bytes.TrimSpace(a.body)) > 0 {
			e.Raw = append(json.RawMessage(nil), a.body...)
		}
		if errors.Is(e.Err, ErrMalformedResponse) && e.Body == "" && m != GetProject4CallCenter {
			e.Body = r.Excerpt(a.body, 256)
		}
		if m == GetProject4CallCenter && e.Err == nil && len(top) > 1 {
			e.Err = errors.New("the answer may hold a project La Factory handed out (marked as sent): it is whole in Error.Raw")
		}
		return nil, e
	}
	ok2xx := a.status >= 200 && a.status < 300
	raw := unwrapString(resp.Body)
	t := bytes.TrimSpace(raw)
	switch {
	case len(t) == 0 || string(t) == "null":
	case t[0] == '[':
		if !json.Valid(t) {
			return fail(&Error{Err: malformed("the answer is not JSON")})
		}
		a.payload = t // a bare list
	case t[0] == '{':
		if err := json.Unmarshal(t, &top); err != nil {
			return fail(&Error{Err: malformed(wire.Describe(err))})
		}
	default:
		return fail(&Error{Err: malformed("the answer is not a JSON object or list")})
	}
	get := func(name string) (json.RawMessage, bool) { return member(top, name) }
	if v, found := get("error"); found {
		code, msg, odd := readErrorMember(v)
		code, msg = r.Message(code), r.Message(msg)
		switch {
		case odd != "":
			return fail(&Error{Message: msg, Err: malformed(odd)})
		case code != "" || msg != "":
			return fail(&Error{Code: code, Message: msg})
		}
	}
	if !ok2xx {
		return fail(&Error{Err: malformed("HTTP " + strconv.Itoa(a.status) + " without La Factory's error object")})
	}
	for name, dst := range map[string]*string{"factoryprojectid": &a.factoryProjectID, "callcenterprojectid": &a.callCenterProjectID, "url": &a.projectURL} {
		if v, found := get(name); found {
			s, err := wire.Text(v)
			if err != nil {
				return fail(&Error{Err: malformed("its " + name + " " + err.Error())})
			}
			*dst = s
		}
	}
	if a.payload == nil && top != nil {
		payload, why := payloadOf(top, t)
		if why != "" {
			return fail(&Error{Err: malformed(why)})
		}
		a.payload = payload
	}
	return a, nil
}

// payloadOf is what an answer object carries: the data at
// Operation.Set.Data (Operation and Set may be JSON inside a JSON string,
// Set a list of such objects), else the members beside the error object
// and an empty Operation (a project handed out flat), else, without an
// envelope, the answer itself. nil means the answer carries nothing (none
// waiting, for NextProject); why, not "", that an Operation is there that
// cannot be read, so the answer proves neither nothing nor something.
func payloadOf(top map[string]json.RawMessage, whole []byte) (payload json.RawMessage, why string) {
	_, envelope := member(top, "error")
	op, hasOp := member(top, "Operation")
	if !envelope && !hasOp {
		return whole, "" // the answer itself: a project, or one item
	}
	var data json.RawMessage
	if hasOp {
		var err error
		if data, err = operationData(op); err != nil {
			return nil, "its Operation " + err.Error()
		}
	}
	if !isEmpty(data) && string(bytes.TrimSpace(data)) != "[]" {
		return data, ""
	}
	// Members beside the envelope: La Factory's answer is the payload
	// itself (a project handed out flat), kept whole.
	rest := make(map[string]json.RawMessage, len(top))
	for k, v := range top {
		if !strings.EqualFold(k, "error") && !strings.EqualFold(k, "Operation") {
			rest[k] = v
		}
	}
	if len(rest) > 0 {
		flat, _ := json.Marshal(rest)
		return flat, ""
	}
	return data, ""
}

// operationData is Operation.Set.Data: nil when Operation, Set or Data is
// empty (null, "", {}, []); an error when a member is of another shape or
// missing beside others.
func operationData(op json.RawMessage) (json.RawMessage, error) {
	op = bytes.TrimSpace(unwrapString(op))
	if isEmpty(op) {
		return nil, nil
	}
	var o map[string]json.RawMessage
	if json.Unmarshal(op, &o) != nil {
		return nil, errors.New("is not the documented {Set: {Data}} object")
	}
	set, found := member(o, "Set")
	if !found {
		return nil, errors.New("has no Set member")
	}
	set = bytes.TrimSpace(unwrapString(set))
	if isEmpty(set) || string(set) == "[]" {
		return nil, nil
	}
	dataOf := func(item json.RawMessage) (json.RawMessage, error) {
		item = bytes.TrimSpace(unwrapString(item))
		if isEmpty(item) {
			return nil, nil
		}
		var st map[string]json.RawMessage
		if json.Unmarshal(item, &st) != nil {
			return nil, errors.New("holds a Set that is not the documented {Data} object")
		}
		data, found := member(st, "Data")
		if !found {
			return nil, errors.New("holds a Set without Data")
		}
		return json.RawMessage(bytes.TrimSpace(unwrapString(data))), nil
	}
	if set[0] != '[' {
		return dataOf(set)
	}
	var items []json.RawMessage
	if json.Unmarshal(set, &items) != nil {
		return nil, errors.New("holds a Set that is not a JSON list")
	}
	if len(items) == 1 {
		return dataOf(items[0])
	}
	// Several Sets: every non-empty Data, one list, so that none is lost.
	var all []json.RawMessage
	for _, item := range items {
		d, err := dataOf(item)
		if err != nil {
			return nil, err
		}
		if d = bytes.TrimSpace(d); isEmpty(d) || string(d) == "[]" {
			continue
		}
		if d[0] == '[' {
			var list []json.RawMessage
			if json.Unmarshal(d, &list) != nil {
				return nil, errors.New("holds a Data that is not a JSON list")
			}
			all = append(all, list...)
			continue
		}
		all = append(all, d)
	}
	if len(all) == 0 {
		return nil, nil
	}
	b, _ := json.Marshal(all)
	return b, nil
}

// member is the value of an object's member, its name matched exactly,
// else in any letter case (La Factory's backend reads names in any case).
func member(obj map[string]json.RawMessage, name string) (json.RawMessage, bool) {
	if v, ok := obj[name]; ok {
		return v, true
	}
	for k, v := range obj {
		if strings.EqualFold(k, name) {
			return v, true
		}
	}
	return nil, false
}

// readErrorMember reads La Factory's error member: {erCode, erMessage},
// null or empty for none. Another shape gives odd, a description of it,
// with its text in msg.
func readErrorMember(v json.RawMessage) (code, msg, odd string) {
	t := bytes.TrimSpace(v)
	switch {
	case len(t) == 0 || string(t) == "null" || string(t) == "false" || string(t) == `""`:
		return "", "", ""
	case t[0] == '{':
		var obj map[string]json.RawMessage
		if json.Unmarshal(t, &obj) != nil {
			return "", "", "its error member is not JSON"
		}
		c, hasCode := member(obj, "erCode")
		m, hasMsg := member(obj, "erMessage")
		if !hasCode && !hasMsg && len(obj) > 0 {
			// Not the documented object, and not empty: it says something
			// went wrong in words we do not know, so it is no success.
			text := string(t)
			for _, name := range []string{"message", "msg", "error", "detail"} {
				if v, ok := member(obj, name); ok {
					if s, err := wire.Text(v); err == nil && s != "" {
						text = s
						break
					}
				}
			}
			return "", text, "its error member has no erCode or erMessage, not the documented {erCode, erMessage} object"
		}
		// A null erCode with an empty erMessage ("") carries no failure:
		// the document's success is both null, and "" says no more than
		// null does; any text in either is a failure.
		return anyText(c), anyText(m), ""
	case t[0] == '"':
		s, _ := wire.Text(t)
		return "", s, "its error member is a string, not the documented {erCode, erMessage} object"
	case t[0] == '[':
		return "", string(t), "its error member is a list, not the documented {erCode, erMessage} object"
	}
	return "", string(t), "its error member is " + string(t) + ", not the documented {erCode, erMessage} object"
}

// anyText is a JSON value's text: a scalar's, or the JSON itself.
func anyText(v json.RawMessage) string {
	if s, err := wire.Text(v); err == nil {
		return s
	}
	return string(bytes.TrimSpace(v))
}

func malformed(why string) error { return fmt.Errorf("%w: %s", ErrMalformedResponse, why) }

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

// result calls a method whose answer is a Result, which must carry the
// factoryprojectid: an answer without it does not prove success.
func (c *Client) result(ctx context.Context, m Method, kind transport.Kind, body []byte) (*Result, error) {
	a, err := c.call(ctx, m, kind, body)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(a.factoryProjectID) == "" {
		e := &Error{Op: string(m), StatusCode: a.status, URL: a.url, Raw: append(json.RawMessage(nil), a.body...),
			Body: c.http.Redactor().Excerpt(a.body, 256), Err: malformed("the answer holds no factoryprojectid")}
		return nil, e
	}
	// The ids are kept exact: the caller sends them back to La Factory.
	return &Result{FactoryProjectID: a.factoryProjectID, CallCenterProjectID: a.callCenterProjectID, URL: c.http.Redactor().Message(a.projectURL)}, nil
}

// marshal is a request body, encoded without HTML escaping (La Factory
// reads "<" as well as "\u003c", and the first is what the caller wrote).
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
