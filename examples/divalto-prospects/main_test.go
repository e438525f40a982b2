package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/passerelle-go/passerelle/divalto"
	"github.com/passerelle-go/passerelle/divalto/divaltotest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// company is a fake entry point used as a real company: it holds a
// customer the example must never touch.
func company(t *testing.T) (*divaltotest.Server, func(string) string) {
	srv := divaltotest.NewServer()
	t.Cleanup(srv.Close)
	srv.AddProspect(divalto.Prospect{Code: "C-REAL", Name: "LEGRAND Anne", City: "DIJON", Phone: "03 80 11 11 11", Email: "anne@example.fr"})
	env := map[string]string{"DIVALTO_COMPANY": divaltotest.Company, "DIVALTO_ENTRYPOINT": divaltotest.EntryPoint, "DIVALTO_BASE_URL": srv.URL}
	return srv, func(k string) string { return env[k] }
}

// untouched checks that the customer the company held is as it was.
func untouched(t *testing.T, srv *divaltotest.Server) {
	t.Helper()
	p, ok := srv.Prospect("C-REAL")
	require.True(t, ok, "never deleted")
	assert.Equal(t, "LEGRAND Anne", p.Name)
	assert.Equal(t, "03 80 11 11 11", p.Phone)
}

// TestDivaltoFakes: without variables the whole story runs on the fake.
func TestDivaltoFakes(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out, nil, func(string) string { return "" }))
	for _, want := range []string{"(the in-memory divaltotest entry point)", "GET CLI-0001", ": done", "round trip on PSR-",
		`phoneNumber "03 80 00 00 00", mobile "06 90 11 22 33"`, "recoded suspect SSR-", "DELETE PSR-"} {
		assert.Contains(t, out.String(), want)
	}
}

// TestDivaltoReadOnly: on a real company without -live only GET and LIST
// are sent.
func TestDivaltoReadOnly(t *testing.T) {
	t.Parallel()
	srv, env := company(t)
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out, nil, env))
	assert.Contains(t, out.String(), "GET C-REAL: \"LEGRAND Anne\"")
	assert.Contains(t, out.String(), "nothing written: run with -live")
	assert.Zero(t, srv.Calls(divalto.VerbPut)+srv.Calls(divalto.VerbDelete), "no write")
	assert.Equal(t, []string{"C-REAL"}, srv.Codes())
	untouched(t, srv)
}

// TestDivaltoLive: with -live the story completes, changes only what it
// created, and leaves the company as it found it.
func TestDivaltoLive(t *testing.T) {
	t.Parallel()
	srv, env := company(t)
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out, []string{"-live"}, env))
	assert.Contains(t, out.String(), "round trip on PSR-")
	assert.Contains(t, out.String(), "LIST city starts with DIJ, this run's codes: PSR-")
	assert.Equal(t, []string{"C-REAL"}, srv.Codes(), "what the run created is deleted, nothing else")
	for _, batch := range srv.Puts() {
		for _, code := range batch {
			assert.NotEqual(t, "C-REAL", code)
		}
	}
	assert.Equal(t, 2, srv.Calls(divalto.VerbDelete), "two deletes: the prospect and the recoded suspect")
	untouched(t, srv)
}

// TestDivaltoExistingCode: when weavy already holds a code the run would
// create, nothing is written and the holder is kept.
func TestDivaltoExistingCode(t *testing.T) {
	t.Parallel()
	for _, code := range []string{"PSR-T1", "SSR-T1", "PSR-T1-R"} {
		t.Run(code, func(t *testing.T) {
			t.Parallel()
			srv, env := company(t)
			srv.AddProspect(divalto.Prospect{Code: code, Name: "DÉJÀ LÀ", City: "DIJON"})
			c, err := newDivalto(env("DIVALTO_COMPANY"), env("DIVALTO_ENTRYPOINT"), env("DIVALTO_BASE_URL"))
			require.NoError(t, err)
			err = story(context.Background(), &bytes.Buffer{}, c, true, "T1")
			require.ErrorContains(t, err, "weavy already holds a prospect "+code+": nothing written")
			assert.Zero(t, srv.Calls(divalto.VerbPut)+srv.Calls(divalto.VerbDelete))
			p, ok := srv.Prospect(code)
			require.True(t, ok)
			assert.Equal(t, "DÉJÀ LÀ", p.Name)
			untouched(t, srv)
		})
	}
}

// TestDivaltoConfiguration: half a configuration is refused.
func TestDivaltoConfiguration(t *testing.T) {
	t.Parallel()
	err := run(context.Background(), &bytes.Buffer{}, []string{"-live"}, func(k string) string {
		return map[string]string{"DIVALTO_COMPANY": "ACME"}[k]
	})
	require.ErrorContains(t, err, "DIVALTO_COMPANY is set but DIVALTO_ENTRYPOINT is missing")
}

// failRecode fails, unsent, every request that recodes a suspect.
type failRecode struct{}

func (failRecode) RoundTrip(r *http.Request) (*http.Response, error) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, err
	}
	if strings.Contains(string(body), "internalcodeprospect") {
		return nil, errors.New("connection refused")
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	return http.DefaultTransport.RoundTrip(r)
}

// TestDivaltoCleanupOnFailure: when a step fails after the run created
// records, it deletes them, and only them, before returning the error.
func TestDivaltoCleanupOnFailure(t *testing.T) {
	t.Parallel()
	srv, _ := company(t)
	c, err := divalto.New(divaltotest.Company, divaltotest.EntryPoint, divalto.WithBaseURL(srv.URL),
		divalto.WithHTTPClient(&http.Client{Transport: failRecode{}}), divalto.WithRetry(0, time.Millisecond, time.Millisecond))
	require.NoError(t, err)
	var out bytes.Buffer
	err = story(context.Background(), &out, c, true, "T2")
	require.ErrorContains(t, err, "connection refused")
	assert.Contains(t, out.String(), "DELETE PSR-T2\n")
	assert.Contains(t, out.String(), "DELETE SSR-T2\n")
	assert.Equal(t, []string{"C-REAL"}, srv.Codes())
	untouched(t, srv)
}

// stallRound fails the round trip's PUT by ending the run's context
// while it is in flight: the cleanup still deletes what the run made.
type stallRound struct{ cancel context.CancelFunc }

func (s stallRound) RoundTrip(r *http.Request) (*http.Response, error) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, err
	}
	if strings.Contains(string(body), "03 80 00 00 00") {
		s.cancel()
		<-r.Context().Done()
		return nil, r.Context().Err()
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	return http.DefaultTransport.RoundTrip(r)
}

// TestDivaltoCleanupAfterDeadline: when the run's context ends mid-way,
// what it created is deleted all the same.
func TestDivaltoCleanupAfterDeadline(t *testing.T) {
	t.Parallel()
	srv, _ := company(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c, err := divalto.New(divaltotest.Company, divaltotest.EntryPoint, divalto.WithBaseURL(srv.URL),
		divalto.WithHTTPClient(&http.Client{Transport: stallRound{cancel}}), divalto.WithRetry(0, time.Millisecond, time.Millisecond))
	require.NoError(t, err)
	var out bytes.Buffer
	err = story(ctx, &out, c, true, "T3")
	require.ErrorIs(t, err, context.Canceled)
	assert.Contains(t, out.String(), "DELETE PSR-T3\n")
	assert.Contains(t, out.String(), "DELETE SSR-T3\n")
	assert.Equal(t, []string{"C-REAL"}, srv.Codes())
}
