// Package easycalltest is an in-memory EasyCall Cloud lead-import API for
// tests and examples, in the manner of net/http/httptest, following
// EasyCall's "Configuración de la recepción de clientes potenciales a
// través de API REST": the bearer check, campaigns routed from the
// external codes the test sets, custom keys that exist only once the test
// creates them (an unknown key is a 400 naming it), aliases resolved as
// the document's table says, the leads received with their values as sent
// (strings, numbers, booleans, objects), and the fault injection of
// FailNext. It serves both the document's curl path, /easycall/spring
// ([easycall.DocumentPath]), and /easycall/spring/lead
// ([easycall.DefaultPath]). Clients reach it with [easycall.WithBaseURL].
//
// When one lead names a field twice (a canonical name and its alias, or
// two aliases), the canonical name wins, then the alias the document's
// table lists first: "nome" over "nombre", "cp" over "codigo_postal".
package easycalltest

// Fault, FaultKind and FailNext are generated from internal/fault in
// fault_gen.go, the same for every fake server.
//go:generate go run ../../internal/fault/faultgen Server

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

// Received is a lead the server accepted. Values are as the JSON held
// them: a string, a json.Number, a bool, nil, a map[string]any or a []any.
type Received struct {
	// ID is the id the server answered ("L-1", "L-2", ...).
	ID string
	// Campaign is the EasyCall campaign the external code routed it to.
	Campaign string
	// Path is the path the lead was posted to.
	Path string
	// Fields holds the predefined fields, by canonical name.
	Fields map[string]any
	// Custom holds the custom fields, by key.
	Custom map[string]any
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
	mux.HandleFunc("POST "+easycall.DocumentPath, s.serve)
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

// rank orders the names of one field: the canonical name first, then the
// aliases in the document's table order.
var rank = func() map[string]int {
	m := map[string]int{}
	for _, f := range easycall.Fields() {
		m[f] = 0
	}
	for i, a := range easycall.Aliases() {
		if a.Name != a.Field {
			m[a.Name] = i + 1
		}
	}
	return m
}()

// fold is a field name as CanonicalField compares it.
func fold(name string) string { return strings.Join(strings.Fields(strings.ToLower(name)), " ") }

// scalarText is the text of a value for the server's checks.
func scalarText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		return fmt.Sprint(x)
	}
	b, _ := json.Marshal(v)
	return string(b)
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
	lead := Received{Path: r.URL.Path, Fields: map[string]any{}, Custom: map[string]any{}}
	from := map[string]string{} // canonical field → the name its value came from
	var unknown []string
	code := ""
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := raw[k]
		if c, ok := easycall.CanonicalField(k); ok {
			if prev, set := from[c]; set && rank[fold(prev)] <= rank[fold(k)] {
				continue // the canonical name, or the alias listed first, wins
			}
			lead.Fields[c], from[c] = v, k
			continue
		}
		switch {
		case k == s.campaignKey:
			code = scalarText(v)
		case s.customKeys[k]:
			lead.Custom[k] = v
		default:
			unknown = append(unknown, k)
		}
	}
	phone := ""
	for _, f := range []string{easycall.FieldTelefonoFisso, easycall.FieldTelefonoMobile, easycall.FieldAltroTelefono, easycall.FieldTelefono} {
		phone += scalarText(lead.Fields[f])
	}
	switch campaign, ok := s.campaigns[code]; {
	case len(unknown) > 0:
		answer(w, http.StatusBadRequest, map[string]string{"message": "Unknown field(s): " + strings.Join(unknown, ", ")})
	case code == "":
		answer(w, http.StatusBadRequest, map[string]string{"message": "Missing campaign code"})
	case !ok:
		answer(w, http.StatusBadRequest, map[string]string{"message": "Unknown campaign code: " + code})
	case phone == "" && scalarText(lead.Fields[easycall.FieldEmail]) == "":
		answer(w, http.StatusBadRequest, map[string]string{"message": "A phone or an email is required"})
	default:
		lead.ID, lead.Campaign = fmt.Sprintf("L-%d", len(s.leads)+1), campaign
		s.leads = append(s.leads, lead)
		answer(w, http.StatusCreated, map[string]string{"id": lead.ID, "message": "Lead imported"})
	}
}
