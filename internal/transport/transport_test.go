package transport

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const secret = "hunter2-S3cret"

func newMocked(t *testing.T, cfg Config) (*Client, *httpmock.MockTransport) {
	t.Helper()
	mt := httpmock.NewMockTransport()
	cfg.HTTPClient = &http.Client{Transport: mt}
	if cfg.BaseURL == "" {
		cfg.BaseURL = "https://api.example.test"
	}
	if cfg.Retry == nil {
		cfg.Retry = &RetryPolicy{MaxRetries: 3, MinWait: time.Millisecond, MaxWait: 2 * time.Millisecond, MaxRetryAfter: 20 * time.Millisecond}
	}
	c, err := New(cfg)
	require.NoError(t, err)
	return c, mt
}

// sequence answers each call with the next responder, then the last one.
func sequence(rs ...httpmock.Responder) httpmock.Responder {
	i := 0
	return func(r *http.Request) (*http.Response, error) {
		r2 := rs[min(i, len(rs)-1)]
		i++
		return r2(r)
	}
}

var dialErr = httpmock.NewErrorResponder(&net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connection refused")})
var resetErr = httpmock.NewErrorResponder(&net.OpError{Op: "read", Net: "tcp", Err: errors.New("connection reset by peer")})

func TestRetryPolicyByKind(t *testing.T) {
	t.Parallel()
	ok := httpmock.NewStringResponder(200, `{"ok":true}`)
	cases := []struct {
		name       string
		kind       Kind
		first      httpmock.Responder
		wantStatus int // 0: an *Error
		wantCalls  int
	}{
		{"read retries 503", Idempotent, httpmock.NewStringResponder(503, ""), 200, 2},
		{"read retries 429", Idempotent, httpmock.NewStringResponder(429, ""), 200, 2},
		{"read retries 502", Idempotent, httpmock.NewStringResponder(502, ""), 200, 2},
		{"read retries 504", Idempotent, httpmock.NewStringResponder(504, ""), 200, 2},
		{"read does not retry 500", Idempotent, httpmock.NewStringResponder(500, ""), 500, 1},
		{"read does not retry 400", Idempotent, httpmock.NewStringResponder(400, ""), 400, 1},
		{"read retries a reset connection", Idempotent, resetErr, 200, 2},
		{"read retries a dial error", Idempotent, dialErr, 200, 2},
		{"write retries 503", NotIdempotent, httpmock.NewStringResponder(503, ""), 200, 2},
		{"write retries 429", NotIdempotent, httpmock.NewStringResponder(429, ""), 200, 2},
		{"write does not retry 502", NotIdempotent, httpmock.NewStringResponder(502, ""), 502, 1},
		{"write does not retry 504", NotIdempotent, httpmock.NewStringResponder(504, ""), 504, 1},
		{"write does not retry a reset connection", NotIdempotent, resetErr, 0, 1},
		{"write retries a dial error", NotIdempotent, dialErr, 200, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, mt := newMocked(t, Config{})
			mt.RegisterResponder("POST", "https://api.example.test/x", sequence(tc.first, ok))
			resp, err := c.Do(context.Background(), Request{Op: "x", Kind: tc.kind, Method: "POST", URL: "/x", Body: []byte(`{}`)})
			assert.Equal(t, tc.wantCalls, mt.GetTotalCallCount())
			if tc.wantStatus == 0 {
				var e *Error
				require.ErrorAs(t, err, &e)
				assert.Equal(t, 1, e.Attempts)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.wantStatus, resp.StatusCode)
			assert.Equal(t, tc.wantCalls, resp.Attempts)
		})
	}
}

func TestRetriesRunOutReturnTheLastResponse(t *testing.T) {
	t.Parallel()
	c, mt := newMocked(t, Config{})
	mt.RegisterResponder("GET", "https://api.example.test/x", httpmock.NewStringResponder(503, "busy"))
	resp, err := c.Do(context.Background(), Request{Kind: Idempotent, Method: "GET", URL: "/x"})
	require.NoError(t, err)
	assert.Equal(t, 503, resp.StatusCode)
	assert.Equal(t, "busy", string(resp.Body))
	assert.Equal(t, 4, mt.GetTotalCallCount())
}

func TestRequestHeadersAndAuth(t *testing.T) {
	t.Parallel()
	c, mt := newMocked(t, Config{Auth: func(r *http.Request) { r.Header.Set("apikey", secret) }})
	var got http.Header
	var body []byte
	mt.RegisterResponder("POST", "https://api.example.test/a/b", func(r *http.Request) (*http.Response, error) {
		got = r.Header.Clone()
		body, _ = io.ReadAll(r.Body)
		return httpmock.NewStringResponse(200, "{}"), nil
	})
	_, err := c.Do(context.Background(), Request{Kind: NotIdempotent, Method: "POST", URL: "/a/b", Body: []byte(`{"k":1}`)})
	require.NoError(t, err)
	assert.Equal(t, "passerelle/"+Version, got.Get("User-Agent"))
	assert.Equal(t, "application/json", got.Get("Content-Type"))
	assert.Equal(t, "application/json", got.Get("Accept"))
	assert.Equal(t, secret, got.Get("apikey"))
	assert.Equal(t, `{"k":1}`, string(body))
}

func TestBodyIsReplayedOnRetry(t *testing.T) {
	t.Parallel()
	c, mt := newMocked(t, Config{})
	var bodies []string
	mt.RegisterResponder("POST", "https://api.example.test/x", func(r *http.Request) (*http.Response, error) {
		b, _ := io.ReadAll(r.Body)
		bodies = append(bodies, string(b))
		if len(bodies) == 1 {
			return httpmock.NewStringResponse(503, ""), nil
		}
		return httpmock.NewStringResponse(200, "{}"), nil
	})
	_, err := c.Do(context.Background(), Request{Kind: NotIdempotent, Method: "POST", URL: "/x", Body: []byte(`{"lead":1}`)})
	require.NoError(t, err)
	assert.Equal(t, []string{`{"lead":1}`, `{"lead":1}`}, bodies)
}

func TestResponseSizeLimit(t *testing.T) {
	t.Parallel()
	c, mt := newMocked(t, Config{MaxResponseSize: 10})
	mt.RegisterResponder("GET", "https://api.example.test/big", httpmock.NewStringResponder(200, strings.Repeat("x", 11)))
	mt.RegisterResponder("GET", "https://api.example.test/fit", httpmock.NewStringResponder(200, strings.Repeat("x", 10)))
	_, err := c.Do(context.Background(), Request{Kind: Idempotent, Method: "GET", URL: "/big"})
	require.ErrorIs(t, err, ErrResponseTooLarge)
	assert.Equal(t, 1, mt.GetTotalCallCount(), "a body over the limit is not retried")
	resp, err := c.Do(context.Background(), Request{Kind: Idempotent, Method: "GET", URL: "/fit"})
	require.NoError(t, err)
	assert.Len(t, resp.Body, 10)
}

func TestContextEndsTheRetryLoop(t *testing.T) {
	t.Parallel()
	// The backoff is 10 s: a call that ends well before it ended with its
	// context, however loaded the machine.
	c, mt := newMocked(t, Config{Retry: &RetryPolicy{MaxRetries: 100, MinWait: 10 * time.Second, MaxWait: 10 * time.Second}})
	mt.RegisterResponder("GET", "https://api.example.test/x", httpmock.NewStringResponder(503, ""))
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.Do(ctx, Request{Kind: Idempotent, Method: "GET", URL: "/x"})
	require.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Less(t, time.Since(start), 5*time.Second)
}

func TestSecretsNeverReachErrorsOrLogs(t *testing.T) {
	t.Parallel()
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c, mt := newMocked(t, Config{
		BaseURL: "https://user:" + secret + "@api.example.test",
		Logger:  logger, Secrets: []string{secret},
		Auth: func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+secret) },
	})
	mt.RegisterNoResponder(httpmock.NewErrorResponder(errors.New("connection refused")))
	_, err := c.Do(context.Background(), Request{Op: "get", Kind: Idempotent, Method: "GET", URL: "/x?apikey=" + secret + "&q=1"})
	require.Error(t, err)
	assert.NotContains(t, err.Error(), secret)
	for e := err; e != nil; e = errors.Unwrap(e) {
		assert.NotContains(t, e.Error(), secret, "%T in the chain", e)
	}
	assert.NotContains(t, logs.String(), secret)
	assert.Contains(t, logs.String(), "passerelle: retrying", "retries are logged")
	assert.Contains(t, err.Error(), "q=1", "the rest of the URL is kept")
}

func TestRetryAfterAndBackoff(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	for in, want := range map[string]time.Duration{
		"3": 3 * time.Second, "0": 0, "Sun, 22 Nov 2026 10:00:07 GMT": 7 * time.Second,
		"Sun, 22 Nov 2026 09:00:00 GMT": 0, "99999999": 24 * time.Hour,
	} {
		got, ok := RetryAfter(in, now)
		assert.True(t, ok, in)
		assert.Equal(t, want, got, in)
	}
	for _, bad := range []string{"", "-1", "soon"} {
		_, ok := RetryAfter(bad, now)
		assert.False(t, ok, bad)
	}

	b := backoff(2 * time.Second)
	resp := &http.Response{StatusCode: 429, Header: http.Header{"Retry-After": {"120"}}}
	assert.Equal(t, 2*time.Second, b(time.Millisecond, time.Second, 0, resp), "Retry-After is capped")
	resp.Header.Set("Retry-After", "1")
	assert.Equal(t, time.Second, b(time.Millisecond, time.Millisecond, 0, resp), "Retry-After beats the backoff bounds")
	for attempt := range 40 {
		d := b(100*time.Millisecond, 800*time.Millisecond, attempt, nil)
		ceiling := min(100*time.Millisecond<<min(attempt, 10), 800*time.Millisecond)
		assert.GreaterOrEqual(t, d, ceiling/2, "attempt %d", attempt)
		assert.LessOrEqual(t, d, ceiling, "attempt %d", attempt)
	}
}

func TestConfigValidation(t *testing.T) {
	t.Parallel()
	for name, cfg := range map[string]Config{
		"relative base URL": {BaseURL: "/api"},
		"negative timeout":  {Timeout: -1},
		"negative size":     {MaxResponseSize: -1},
		"negative retries":  {Retry: &RetryPolicy{MaxRetries: -1}},
		"inverted waits":    {Retry: &RetryPolicy{MinWait: 2, MaxWait: 1}},
	} {
		_, err := New(cfg)
		assert.Error(t, err, name)
	}
	hc := &http.Client{Timeout: time.Hour}
	c, err := New(Config{HTTPClient: hc, Timeout: time.Second})
	require.NoError(t, err)
	assert.Equal(t, time.Hour, hc.Timeout, "the caller's client is not modified")
	assert.Equal(t, time.Second, c.rc.HTTPClient.Timeout)
}

func TestResolveCachesAFewURLs(t *testing.T) {
	t.Parallel()
	c, err := New(Config{BaseURL: "https://api.example.test/base"})
	require.NoError(t, err)
	for i := range 2 * maxCachedURLs {
		ref := "/p/" + strings.Repeat("x", i) + "?n=1"
		for range 2 {
			u, err := c.resolve(ref)
			require.NoError(t, err)
			assert.Equal(t, "https://api.example.test/base"+ref, u.String())
		}
	}
	stored := 0
	c.resolved.Range(func(any, any) bool { stored++; return true })
	assert.Equal(t, maxCachedURLs, stored)
	assert.EqualValues(t, maxCachedURLs, c.cached.Load(), "the counter stops at the cap")
	_, err = c.resolve("://bad")
	assert.Error(t, err)
	noBase, _ := New(Config{})
	_, err = noBase.resolve("/relative")
	assert.Error(t, err)
}

// trap is a server that must never be reached: it counts what reaches it
// and which credentials came along.
type trap struct {
	*httptest.Server
	hits atomic.Int32
	seen atomic.Value // string: the last request's headers and body
}

func newTrap(t *testing.T, tls bool) *trap {
	tr := &trap{}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tr.hits.Add(1)
		b, _ := io.ReadAll(r.Body)
		tr.seen.Store(r.Method + " " + fmt.Sprint(r.Header) + string(b))
	})
	if tls {
		tr.Server = httptest.NewTLSServer(h)
	} else {
		tr.Server = httptest.NewServer(h)
	}
	t.Cleanup(tr.Close)
	return tr
}

// TestRedirectsAreNeverFollowed: whatever the status and the kind, a 3xx is
// an error naming the Location, and nothing reaches the other end.
func TestRedirectsAreNeverFollowed(t *testing.T) {
	t.Parallel()
	for _, status := range []int{301, 302, 303, 307, 308} {
		for _, kind := range []Kind{Idempotent, NotIdempotent} {
			for _, scheme := range []string{"cross-host", "https-to-http"} {
				t.Run(fmt.Sprint(status, kind, scheme), func(t *testing.T) {
					t.Parallel()
					elsewhere := newTrap(t, false)
					var origin *httptest.Server
					var originHits atomic.Int32
					h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
						originHits.Add(1)
						loc := elsewhere.URL + "/stolen?apikey=" + secret
						if scheme == "https-to-http" {
							// Same host name, plain http, another port.
							loc = elsewhere.URL + r.URL.RequestURI()
						}
						w.Header().Set("Location", loc)
						w.WriteHeader(status)
					})
					if scheme == "https-to-http" {
						origin = httptest.NewTLSServer(h)
					} else {
						origin = httptest.NewServer(h)
					}
					t.Cleanup(origin.Close)
					hc := origin.Client()
					c, err := New(Config{
						BaseURL: origin.URL, HTTPClient: hc, Secrets: []string{secret},
						Auth:  func(r *http.Request) { r.Header.Set("apikey", secret) },
						Retry: &RetryPolicy{MaxRetries: 2, MinWait: time.Millisecond, MaxWait: time.Millisecond},
					})
					require.NoError(t, err)
					_, err = c.Do(context.Background(), Request{Op: "op", Kind: kind, Method: "POST", URL: "/x", Body: []byte(`{"password":"` + secret + `"}`)})
					require.Error(t, err)
					assert.ErrorIs(t, err, ErrRedirect)
					var te *Error
					require.ErrorAs(t, err, &te)
					assert.Equal(t, status, te.StatusCode)
					assert.Contains(t, err.Error(), "Location "+strings.Split(elsewhere.URL, "://")[0])
					assert.NotContains(t, err.Error(), secret)
					assert.Zero(t, elsewhere.hits.Load(), "the redirect was followed: %v", elsewhere.seen.Load())
					assert.EqualValues(t, 1, originHits.Load(), "a redirect is not retried")
				})
			}
		}
	}
}

// TestRedirectPolicyOverridesTheCallersClient: a caller's CheckRedirect is
// replaced, and the caller's client is left as it was.
func TestRedirectPolicyOverridesTheCallersClient(t *testing.T) {
	t.Parallel()
	elsewhere := newTrap(t, false)
	origin := httptest.NewServer(http.RedirectHandler(elsewhere.URL, http.StatusTemporaryRedirect))
	t.Cleanup(origin.Close)
	follow := func(*http.Request, []*http.Request) error { return nil }
	hc := &http.Client{CheckRedirect: follow}
	c, err := New(Config{BaseURL: origin.URL, HTTPClient: hc})
	require.NoError(t, err)
	_, err = c.Do(context.Background(), Request{Method: "GET", URL: "/"})
	assert.ErrorIs(t, err, ErrRedirect)
	assert.Zero(t, elsewhere.hits.Load())
	assert.NotNil(t, hc.CheckRedirect, "the caller's client was modified")
}

// TestPathSegmentsStayInside: an id escaped with JoinPath stays one segment
// on the wire, and a "." or ".." segment is refused before sending.
func TestPathSegmentsStayInside(t *testing.T) {
	t.Parallel()
	var got []string
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		got = append(got, r.RequestURI)
		mu.Unlock()
	}))
	t.Cleanup(srv.Close)
	c, err := New(Config{BaseURL: srv.URL + "/api/v1/"})
	require.NoError(t, err)
	for id, want := range map[string]string{
		"../../../admin/users/1": "/api/v1/reports/..%2F..%2F..%2Fadmin%2Fusers%2F1/status",
		"ACME/../../other":       "/api/v1/reports/ACME%2F..%2F..%2Fother/status",
		"a b?c=1#d":              "/api/v1/reports/a%20b%3Fc=1%23d/status",
		"%2e%2e":                 "/api/v1/reports/%252e%252e/status",
		"981":                    "/api/v1/reports/981/status",
	} {
		p, err := JoinPath("/reports", id, "status")
		require.NoError(t, err, id)
		_, err = c.Do(context.Background(), Request{Method: "PUT", URL: p, Kind: Idempotent})
		require.NoError(t, err, id)
		mu.Lock()
		assert.Equal(t, want, got[len(got)-1], id)
		mu.Unlock()
	}
	for _, id := range []string{"", ".", ".."} {
		_, err := JoinPath("/reports", id)
		assert.ErrorIs(t, err, ErrPathSegment, "%q", id)
	}
	// A relative URL built by hand with a dot segment is refused, escaped or not.
	for _, ref := range []string{"/reports/../admin", "/reports/%2e%2e/admin", "/./x", "reports/."} {
		_, err := c.Do(context.Background(), Request{Method: "GET", URL: ref})
		assert.ErrorIs(t, err, ErrPathSegment, ref)
	}
	mu.Lock()
	assert.Len(t, got, 5, "a refused path was sent")
	mu.Unlock()
	_, err = New(Config{BaseURL: "https://h.test/v1/../admin"})
	assert.ErrorIs(t, err, ErrPathSegment)
}

func TestBaseURLErrorsHideUserInfo(t *testing.T) {
	t.Parallel()
	for _, base := range []string{"//user:pw-S3cret@host/", "https://user:pw-S3cret@host/../x", "ftp://user:pw-S3cret@host/", "http://user:pw-S3cret@[::1/"} {
		_, err := New(Config{BaseURL: base})
		require.Error(t, err, base)
		assert.NotContains(t, err.Error(), "pw-S3cret", base)
	}
}

func TestShortSecretsAreRefused(t *testing.T) {
	t.Parallel()
	_, err := New(Config{Secrets: []string{"p"}})
	require.Error(t, err)
	assert.NotContains(t, err.Error(), `"p"`)
	_, err = New(Config{Secrets: []string{"123456"}})
	assert.NoError(t, err)
}

// TestAnswerKeptWhenTheContextEndsAsItArrives: an answer read whole is
// returned even if the context ended while it arrived (a La Factory project
// is handed out once: discarding its answer loses it).
func TestAnswerKeptWhenTheContextEndsAsItArrives(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	c, mt := newMocked(t, Config{})
	mt.RegisterResponder("POST", "https://api.example.test/next", func(r *http.Request) (*http.Response, error) {
		cancel() // the deadline passes just as the answer comes
		return httpmock.NewStringResponse(200, `{"project":"P-1"}`), nil
	})
	resp, err := c.Do(ctx, Request{Kind: NotIdempotent, Method: "POST", URL: "/next", Body: []byte(`{}`)})
	require.NoError(t, err)
	assert.Equal(t, `{"project":"P-1"}`, string(resp.Body))

	// A retry does give way to the ended context.
	ctx2, cancel2 := context.WithCancel(context.Background())
	mt.RegisterResponder("GET", "https://api.example.test/busy", func(r *http.Request) (*http.Response, error) {
		cancel2()
		return httpmock.NewStringResponse(503, ""), nil
	})
	_, err = c.Do(ctx2, Request{Kind: Idempotent, Method: "GET", URL: "/busy"})
	assert.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, 1, mt.GetCallCountInfo()["GET https://api.example.test/busy"])
}
