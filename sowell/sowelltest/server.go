// Package sowelltest holds in-memory fakes of both ends of the SoWell ↔
// CRM integration, in the manner of net/http/httptest: a CRM endpoint
// (sowell.NewHandler over an in-memory sink that identifies a report by
// its link, as SoWell's CRM integration notes allow) and SoWell's status
// endpoint. Both record what they received and can fail on purpose
// (FailNext).
package sowelltest

// Fault, FaultKind and FailNext are generated from internal/fault in
// fault_gen.go, the same for every fake server.
//go:generate go run ../../internal/fault/faultgen CRM SoWell

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"

	"github.com/passerelle-go/passerelle/internal/fault"
	"github.com/passerelle-go/passerelle/sowell"
)

// Token is the bearer token both fakes accept.
const Token = "demo-sowell-token"

// Stored is a report the fake CRM committed, with its photos' bytes.
type Stored struct {
	// ID is the CRM UID the fake gave it, "CRM-0001" onwards.
	ID string
	// Report is the report as committed; its Photos hold names only.
	Report sowell.Report
	// Photos are the photos' bytes by name.
	Photos map[string][]byte
}

// CRM is a fake CRM endpoint. Its methods are safe for concurrent use.
type CRM struct {
	*httptest.Server
	faults fault.Injector

	mu        sync.Mutex
	stored    []Stored
	byLink    map[string]string
	rollbacks int
}

// NewCRM starts the CRM endpoint at sowell.DefaultCRMPath, accepting Token.
func NewCRM() *CRM {
	c := &CRM{}
	mux := http.NewServeMux()
	mux.Handle(sowell.DefaultCRMPath, sowell.NewHandler(c, sowell.WithBearerToken(Token)))
	c.Server = httptest.NewServer(c.faults.Wrap(mux))
	return c
}

// Reports returns the committed reports, in order.
func (c *CRM) Reports() []Stored {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]Stored(nil), c.stored...)
}

// Rollbacks is the number of requests that stored nothing.
func (c *CRM) Rollbacks() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.rollbacks
}

// Lookup implements sowell.Sink: the id of the report stored with this
// link, or "".
func (c *CRM) Lookup(_ context.Context, link string) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.byLink[link], nil
}

// Begin implements sowell.Sink.
func (c *CRM) Begin(context.Context) (sowell.Tx, error) {
	return &tx{crm: c, photos: map[string][]byte{}}, nil
}

type tx struct {
	crm    *CRM
	photos map[string][]byte
}

func (t *tx) AddPhoto(_ context.Context, name string, data io.Reader) error {
	var b bytes.Buffer
	if _, err := b.ReadFrom(data); err != nil {
		return err
	}
	t.photos[name] = b.Bytes()
	return nil
}

func (t *tx) Commit(_ context.Context, r *sowell.Report) (string, error) {
	t.crm.mu.Lock()
	defer t.crm.mu.Unlock()
	if id, dup := t.crm.byLink[r.URL]; dup {
		return id, sowell.ErrDuplicate
	}
	id := fmt.Sprintf("CRM-%04d", len(t.crm.stored)+1)
	t.crm.stored = append(t.crm.stored, Stored{ID: id, Report: *r, Photos: t.photos})
	if t.crm.byLink == nil {
		t.crm.byLink = map[string]string{}
	}
	t.crm.byLink[r.URL] = id
	return id, nil
}

func (t *tx) Rollback(context.Context) error {
	t.crm.mu.Lock()
	defer t.crm.mu.Unlock()
	t.crm.rollbacks++
	return nil
}

// Update is a status SoWell received.
type Update struct {
	// ReportID is the id in the request's path, unescaped.
	ReportID string
	// Status is the status received.
	Status sowell.Status
}

// SoWell is a fake of SoWell's status endpoint.
type SoWell struct {
	*httptest.Server
	faults fault.Injector

	mu      sync.Mutex
	updates []Update
	extra   []sowell.Status
	paths   []string
}

// Accept makes the fake accept statuses beyond the four known ones, as a
// SoWell instance with more statuses would.
func (s *SoWell) Accept(statuses ...sowell.Status) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.extra = append(s.extra, statuses...)
}

// Paths returns the escaped request paths received, in order, whatever
// their answer.
func (s *SoWell) Paths() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.paths...)
}

// NewSoWell starts SoWell's status endpoint at sowell.DefaultStatusPath,
// accepting Token.
func NewSoWell() *SoWell {
	s := &SoWell{}
	mux := http.NewServeMux()
	mux.HandleFunc("PUT /api/issue_reports/{id}/status", s.serve)
	s.Server = httptest.NewServer(s.faults.Wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.paths = append(s.paths, r.URL.EscapedPath())
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	})))
	return s
}

// Updates returns the statuses received, in order.
func (s *SoWell) Updates() []Update {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Update(nil), s.updates...)
}

func (s *SoWell) serve(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	if r.Header.Get("Authorization") != "Bearer "+Token {
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = io.WriteString(w, `{"error":"unauthorized"}`)
		return
	}
	var in struct{ Status sowell.Status }
	err := json.NewDecoder(io.LimitReader(r.Body, 1<<10)).Decode(&in)
	s.mu.Lock()
	known := in.Status.Valid() || slices.Contains(s.extra, in.Status)
	s.mu.Unlock()
	if err != nil || !known {
		w.WriteHeader(http.StatusBadRequest)
		_, _ = io.WriteString(w, `{"error":"status must be pending, ongoing, done or canceled"}`)
		return
	}
	s.mu.Lock()
	s.updates = append(s.updates, Update{ReportID: r.PathValue("id"), Status: in.Status})
	s.mu.Unlock()
	_, _ = io.WriteString(w, `{"ok":true}`)
}
