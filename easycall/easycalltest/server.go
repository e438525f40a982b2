// Package easycalltest is an in-memory EasyCall Cloud lead-import API for
// tests and examples, in the manner of net/http/httptest: the bearer
// check, campaigns routed from the external codes the test sets, custom
// keys that exist only once the test creates them (an unknown key is a
// 400 naming it), aliases resolved as EasyCall does, the leads received,
// and the fault injection of FailNext.
package easycalltest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"

	"github.com/passerelle-go/passerelle/easycall"
	"github.com/passerelle-go/passerelle/internal/fault"
)

// Token is the bearer token every new Server accepts.
const Token = "demo-token"

// Fault is a failure the server plays instead of answering (see FailNext).
type Fault = fault.Fault

// The failure modes of a Fault.
const (
	Unavailable     = fault.Unavailable     // 503, request not processed
	TooManyRequests = fault.TooManyRequests // 429 with Retry-After, not processed
	Drop            = fault.Drop            // connection closed, request not processed
	DropAfter       = fault.DropAfter       // request processed, then connection closed
	Stall           = fault.Stall           // no answer until the client gives up
	HTMLPage        = fault.HTMLPage        // 500 with an HTML page
	Truncated       = fault.Truncated       // request processed, half the answer sent
	Huge            = fault.Huge            // request processed, a 100 MB body answered
)

// Received is a lead the server accepted.
type Received struct {
	ID       string
	Campaign string            // the EasyCall campaign the code routed it to
	Fields   map[string]string // predefined fields, by canonical name
	Custom   map[string]string // custom fields, by key
}

// Server is a fake EasyCall. Its methods are safe for concurrent use.
type Server struct {
	*httptest.Server

	faults fault.Injector

	mu          sync.Mutex
	token       string
	campaignKey string
	campaigns   map[string]string
	customKeys  map[string]bool
	leads       []Received
}

// NewServer starts a server accepting Token, with no campaign and no
// custom key.
func NewServer() *Server {
	s := &Server{token: Token, campaignKey: easycall.DefaultCampaignKey, campaigns: map[string]string{}, customKeys: map[string]bool{}}
	mux := http.NewServeMux()
	mux.HandleFunc("POST "+easycall.DefaultPath, s.serve)
	s.Server = httptest.NewServer(s.faults.Wrap(mux))
	return s
}

// SetToken replaces the accepted token.
func (s *Server) SetToken(token string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.token = token
}

// SetCampaignKey changes the key that carries the campaign code.
func (s *Server) SetCampaignKey(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.campaignKey = key
}

// AddCampaign routes leads with the external code to the named campaign,
// as EasyCall's Import API set-up does.
func (s *Server) AddCampaign(code, campaign string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.campaigns[code] = campaign
}

// CreateCustomKeys creates custom keys, as a question of EasyCall's list.
func (s *Server) CreateCustomKeys(keys ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, k := range keys {
		s.customKeys[k] = true
	}
}

// FailNext makes the next n requests fail with f.
func (s *Server) FailNext(n int, f Fault) { s.faults.Next(n, f) }

// Leads returns the accepted leads, in order.
func (s *Server) Leads() []Received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Received(nil), s.leads...)
}

func answer(w http.ResponseWriter, status int, body map[string]string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r.Header.Get("Authorization") != "Bearer "+s.token {
		answer(w, http.StatusUnauthorized, map[string]string{"message": "Invalid token"})
		return
	}
	var raw map[string]any
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20))
	dec.UseNumber()
	if err := dec.Decode(&raw); err != nil {
		answer(w, http.StatusBadRequest, map[string]string{"message": "Invalid JSON"})
		return
	}
	lead := Received{Fields: map[string]string{}, Custom: map[string]string{}}
	var unknown []string
	code := ""
	for k, v := range raw {
		value := fmt.Sprint(v)
		if v == nil {
			value = ""
		}
		if c, ok := easycall.CanonicalField(k); ok {
			lead.Fields[c] = value
			continue
		}
		switch {
		case k == s.campaignKey:
			code = value
		case s.customKeys[k]:
			lead.Custom[k] = value
		default:
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	phone := lead.Fields["telefono_fisso"] + lead.Fields["telefono_mobile"] + lead.Fields["altro_telefono"] + lead.Fields["telefono"]
	switch campaign, ok := s.campaigns[code]; {
	case len(unknown) > 0:
		answer(w, http.StatusBadRequest, map[string]string{"message": "Unknown field(s): " + strings.Join(unknown, ", ")})
	case code == "":
		answer(w, http.StatusBadRequest, map[string]string{"message": "Missing campaign code"})
	case !ok:
		answer(w, http.StatusBadRequest, map[string]string{"message": "Unknown campaign code: " + code})
	case phone == "" && lead.Fields["email"] == "":
		answer(w, http.StatusBadRequest, map[string]string{"message": "A phone or an email is required"})
	default:
		lead.ID, lead.Campaign = fmt.Sprintf("L-%d", len(s.leads)+1), campaign
		s.leads = append(s.leads, lead)
		answer(w, http.StatusCreated, map[string]string{"id": lead.ID, "message": "Lead imported"})
	}
}
