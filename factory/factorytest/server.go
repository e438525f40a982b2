// Package factorytest is an in-memory La Factory for tests and examples,
// in the manner of net/http/httptest. It keeps the rules of La Factory's
// "Web Services CALL CENTER projet" (v1.11), no more and no less: a queue
// of projects handed out one per GetProject4CallCenter (from an import
// flow, not a partner's denunciation, without a call-center id);
// acknowledge storing the call-center id; create returning a new id and
// URL, and so does an update whose id is unknown (section 3.3.3.1);
// update replacing every balise (blanking what was not sent, keeping
// date_acquisition); commercial holding a licensed seller's e-mail when
// set (section 3.3.2); conclusion codes mapped through a table the test
// sets; activities with the fields and values section 3.4.2 requires; the
// referentials; the api-key check; and the faults of FailNext.
//
// Like La Factory's backend, it reads balise names in any letter case,
// any JSON scalar where the document says String, and keeps balises the
// document does not list (they are handed out and replaced like the
// others). AddImportedJSON queues a project exactly as written, so that a
// test can play numbers, odd letter case or unknown balises.
package factorytest

// Fault, FaultKind and FailNext are generated from internal/fault in
// fault_gen.go, the same for every fake server.
//go:generate go run ../../internal/fault/faultgen Server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/passerelle-go/passerelle/factory"
	"github.com/passerelle-go/passerelle/internal/fault"
)

// APIKey is the key every new Server accepts, in the "apikey" header: the
// document's demo key.
const APIKey = factory.DemoAPIKey

// Referentials are the lists the referential methods answer.
type Referentials struct {
	// Programs is GetPrograms' list, with the sellers that make a
	// commercial valid.
	Programs []factory.Program
	// Channels is GetCanaux's list.
	Channels []factory.Channel
	// Campaigns is GetCampaigns' list.
	Campaigns []factory.Campaign
	// Origins is GetOrigins' list.
	Origins []factory.Origin
	// Supports is GetSupports' list.
	Supports []factory.Support
	// Sources is Getsources' list.
	Sources []factory.Source
}

// DemoSeller is the e-mail of DemoReferentials' one licensed seller.
const DemoSeller = "sophie.leroy@edouarddenis.example"

// DemoReferentials are a new Server's referentials: one programme in
// Lille with one sales office and one seller (DemoSeller), and a few
// marketing codes.
func DemoReferentials() Referentials {
	return Referentials{
		Programs: []factory.Program{{
			ProgramID: "P-0001", ExternalID: "NX-59000-01", Name: "Les Jardins de la Citadelle", Code: "JDC",
			City: "Lille", PostalCode: "59000", Department: "59",
			SalesOffices: []factory.SalesOffice{{
				SalesOfficeID: "BV-01", Name: "Bureau de vente de Lille", City: "Lille", Code: "BVL", PostalCode: "59000",
				Sellers: []factory.Seller{{SalesOfficeID: "BV-01", UserID: "U-01", FirstName: "Sophie", LastName: "Leroy",
					Email: DemoSeller, ForLiving: "1", ForInvestment: "1"}},
			}},
		}},
		Channels:  []factory.Channel{{Name: "Call center", Code: "cc006"}, {Name: "Site web", Code: "web"}},
		Campaigns: []factory.Campaign{{Name: "Printemps 2026", UTMCampaign: "printemps26"}},
		Origins:   []factory.Origin{{Name: "Formulaire programme", UTMAct: "formprog"}},
		Supports:  []factory.Support{{Name: "E-mailing", UTMMedium: "email"}},
		Sources:   []factory.Source{{Name: "SeLoger", UTMSource: "seloger"}},
	}
}

// Activity is an activity SetActivity recorded, by balise, as text.
type Activity map[string]string

type project struct {
	fields       map[string]json.RawMessage // known balises by lower-case name, others as sent
	fromImport   bool
	denunciation bool
	sent         bool
	conclusion   string // La Factory's code, once concluded
	activities   []Activity
}

func (p *project) text(k string) string { return text(p.fields[k]) }

// Server is a fake La Factory. Its methods are safe for concurrent use.
type Server struct {
	*httptest.Server

	faults fault.Injector

	mu           sync.Mutex
	header, key  string
	doubleEncode bool
	paths        map[factory.Method]string
	projects     []*project
	byID         map[string]*project
	conclusions  map[string]string
	refs         Referentials
	calls        map[factory.Method]int
	nextID       int
}

// NewServer starts a server accepting APIKey at factory.DefaultPaths,
// answering GetProject4CallCenter and the referentials double-encoded,
// with DemoReferentials and no conclusion code.
func NewServer() *Server {
	s := &Server{header: factory.DefaultAPIKeyHeader, key: APIKey, doubleEncode: true, paths: map[factory.Method]string{},
		byID: map[string]*project{}, conclusions: map[string]string{}, refs: DemoReferentials(), calls: map[factory.Method]int{}}
	for m, p := range factory.DefaultPaths {
		s.paths[m] = p
	}
	s.Server = httptest.NewServer(s.faults.Wrap(http.HandlerFunc(s.route)))
	return s
}

// SetAPIKey changes the header and the key the server accepts.
func (s *Server) SetAPIKey(header, key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.header, s.key = header, key
}

// SetPath serves a method at another path (the old one answers 404), to
// test a client configured with factory.WithPath.
func (s *Server) SetPath(m factory.Method, path string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.paths[m] = path
}

// DoubleEncode chooses whether GetProject4CallCenter and the referentials
// answer JSON inside a JSON string (true, as La Factory was seen to) or
// plain JSON.
func (s *Server) DoubleEncode(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.doubleEncode = on
}

// SetConclusionCodes sets the "code conclusion" entity: the call center's
// code (flux5 code) → La Factory's code.
func (s *Server) SetConclusionCodes(codes map[string]string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.conclusions = map[string]string{}
	for k, v := range codes {
		s.conclusions[k] = v
	}
}

// SetReferentials replaces the referential lists.
func (s *Server) SetReferentials(r Referentials) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.refs = r
}

// AddImported stores a project that came from an import flow, waiting for
// the call center, and returns its new id.
func (s *Server) AddImported(p factory.Project) string { return s.add(p, true, false) }

// AddDenunciation stores a partner's denunciation, which NextProject
// never hands out, and returns its id.
func (s *Server) AddDenunciation(p factory.Project) string { return s.add(p, true, true) }

// AddImportedJSON stores an imported project written as La Factory's
// backend would write it: any JSON scalar as a value, balise names in any
// case, the flux's names, balises the document does not list. It keeps
// the project's factoryprojectid when it has one (a number too), and
// returns the id as text.
func (s *Server) AddImportedJSON(project string) (string, error) {
	var in map[string]json.RawMessage
	if err := json.Unmarshal([]byte(project), &in); err != nil || in == nil {
		return "", errors.New("factorytest: the project is not a JSON object")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	fields := map[string]json.RawMessage{}
	for k, v := range in {
		fields[canonical(k, true)] = v
	}
	return s.store(fields, true, false), nil
}

func (s *Server) add(p factory.Project, fromImport, denunciation bool) string {
	b, _ := json.Marshal(p)
	var in map[string]json.RawMessage
	_ = json.Unmarshal(b, &in)
	s.mu.Lock()
	defer s.mu.Unlock()
	fields := map[string]json.RawMessage{}
	for k, v := range in {
		fields[canonical(k, false)] = v
	}
	delete(fields, "factoryprojectid")
	return s.store(fields, fromImport, denunciation)
}

func (s *Server) store(fields map[string]json.RawMessage, fromImport, denunciation bool) string {
	if text(fields["date_acquisition"]) == "" {
		fields["date_acquisition"] = quote(time.Now().In(factory.Paris).Format(factory.DateTimeLayout))
	}
	id := text(fields["factoryprojectid"])
	if id == "" || s.byID[id] != nil {
		s.nextID++
		id = fmt.Sprintf("FP-%06d", s.nextID)
		fields["factoryprojectid"] = quote(id)
	}
	p := &project{fields: fields, fromImport: fromImport, denunciation: denunciation}
	s.projects = append(s.projects, p)
	s.byID[id] = p
	return id
}

// Project returns the stored project by id, decoded as NextProject
// would decode it.
func (s *Server) Project(id string) (factory.Project, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.byID[id]
	if !ok {
		return factory.Project{}, false
	}
	var out factory.Project
	b, _ := json.Marshal(p.fields)
	_ = json.Unmarshal(b, &out)
	return out, true
}

// Fields returns the stored balises of a project as text, empty ones
// included: known balises by their lower-case name, others as sent.
func (s *Server) Fields(id string) map[string]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]string{}
	if p, ok := s.byID[id]; ok {
		for k, v := range p.fields {
			out[k] = text(v)
		}
	}
	return out
}

// Balises returns the stored balises of a project as JSON values, as they
// were last written (a number stays a number).
func (s *Server) Balises(id string) map[string]json.RawMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]json.RawMessage{}
	if p, ok := s.byID[id]; ok {
		for k, v := range p.fields {
			out[k] = append(json.RawMessage(nil), v...)
		}
	}
	return out
}

// Conclusion is La Factory's conclusion code of a project, "" before one.
func (s *Server) Conclusion(id string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if p, ok := s.byID[id]; ok {
		return p.conclusion
	}
	return ""
}

// Activities returns the activities recorded on a project.
func (s *Server) Activities(id string) []Activity {
	s.mu.Lock()
	defer s.mu.Unlock()
	if p, ok := s.byID[id]; ok {
		return append([]Activity(nil), p.activities...)
	}
	return nil
}

// ProjectCount is the number of projects stored.
func (s *Server) ProjectCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.projects)
}

// Calls is the number of requests a method received (faulted ones not
// included).
func (s *Server) Calls(m factory.Method) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[m]
}

// knownBalises are the update table's balises, by lower-case name.
var knownBalises = func() map[string]bool {
	b, _ := json.Marshal(factory.Project{})
	var m map[string]json.RawMessage
	_ = json.Unmarshal(b, &m)
	known := map[string]bool{}
	for k := range m {
		known[strings.ToLower(k)] = true
	}
	return known
}()

// fluxNames are the flux's names of three balises (lower case), and back.
var fluxNames = map[string]string{"utm_campaign": "utm_camapaign", "type_logemented": "type_bienED", "nature_logement": "nature_bien"}

// canonical is the stored name of a balise: a known one in lower case
// (the flux's names too, when flux is true), any other as sent.
func canonical(k string, flux bool) string {
	l := strings.ToLower(k)
	if knownBalises[l] {
		return l
	}
	if flux {
		for name, alias := range fluxNames {
			if strings.EqualFold(alias, k) {
				return name
			}
		}
	}
	return k
}

func quote(s string) json.RawMessage { b, _ := json.Marshal(s); return b }

// text is a JSON value's text: a string's content, a scalar as written,
// "" for null.
func text(v json.RawMessage) string {
	t := bytes.TrimSpace(v)
	if len(t) == 0 || string(t) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(t, &s) == nil {
		return s
	}
	return string(t)
}

func isScalar(v json.RawMessage) bool {
	t := bytes.TrimSpace(v)
	return len(t) == 0 || t[0] != '{' && t[0] != '['
}

// answer is La Factory's answer: the error object, and what each method adds.
type answer map[string]any

func ok() answer { return answer{"error": map[string]any{"erCode": nil, "erMessage": nil}} }

func reject(code, msg string) answer {
	return answer{"error": map[string]any{"erCode": code, "erMessage": msg}}
}

func (s *Server) route(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var m factory.Method
	for method, path := range s.paths {
		if path == r.URL.Path {
			m = method
		}
	}
	if m == "" || r.Method != http.MethodPost {
		http.NotFound(w, r)
		return
	}
	s.calls[m]++
	status, a := s.handle(m, r)
	body, _ := json.Marshal(a)
	if s.doubleEncode && (m == factory.GetProject4CallCenter || strings.HasPrefix(factory.DefaultPaths[m], "/api/Referential/")) {
		body, _ = json.Marshal(string(body))
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

func (s *Server) handle(m factory.Method, r *http.Request) (int, answer) {
	if r.Header.Get(s.header) != s.key {
		return http.StatusUnauthorized, reject("401", "Invalid api key")
	}
	var raw map[string]json.RawMessage
	if err := json.NewDecoder(http.MaxBytesReader(nil, r.Body, 1<<20)).Decode(&raw); err != nil {
		return http.StatusBadRequest, reject("400", "Invalid JSON body")
	}
	switch m {
	case factory.GetProject4CallCenter:
		return http.StatusOK, s.next()
	case factory.CreateOrUpdateProject4CallCenter:
		return http.StatusOK, s.createOrUpdate(raw)
	}
	in := map[string]string{}
	for k, v := range raw {
		if !isScalar(v) {
			return http.StatusBadRequest, reject("400", "Invalid value for "+k+": the document types it String")
		}
		in[strings.ToLower(k)] = text(v)
	}
	switch m {
	case factory.AcquitProject4CallCenter:
		return http.StatusOK, s.acquit(in)
	case factory.SetActivity:
		return http.StatusOK, s.activity(in)
	}
	return http.StatusOK, s.referential(m)
}

func (s *Server) next() answer {
	a := ok()
	var data any
	for _, p := range s.projects {
		if p.fromImport && !p.denunciation && !p.sent && p.text("callcenterprojectid") == "" {
			p.sent = true
			data = flux(p.fields)
			break
		}
	}
	a["Operation"] = map[string]any{"Set": map[string]any{"Data": data}}
	return a
}

// flux writes a project with the flux's names for three balises.
func flux(fields map[string]json.RawMessage) map[string]json.RawMessage {
	out := map[string]json.RawMessage{}
	for k, v := range fields {
		if alias, ok := fluxNames[k]; ok {
			k = alias
		}
		out[k] = v
	}
	return out
}

func (s *Server) result(p *project) answer {
	a := ok()
	id := p.text("factoryprojectid")
	a["factoryprojectid"] = id
	a["callcenterprojectid"] = p.text("callcenterprojectid")
	a["url"] = s.URL + "/main.aspx?etn=if_project&id=" + id
	return a
}

func (s *Server) acquit(in map[string]string) answer {
	if in["factoryprojectid"] == "" || in["callcenterprojectid"] == "" {
		return reject("400", "factoryprojectid and callcenterprojectid are required")
	}
	p, found := s.byID[in["factoryprojectid"]]
	if !found {
		return reject("404", "Unknown project "+in["factoryprojectid"])
	}
	if code := in["conclusioncode"]; code != "" {
		mapped, known := s.conclusions[code]
		if !known {
			return reject("400", "Unknown conclusion code "+code)
		}
		p.conclusion = mapped
	}
	p.fields["callcenterprojectid"] = quote(in["callcenterprojectid"])
	return s.result(p)
}

func (s *Server) createOrUpdate(raw map[string]json.RawMessage) answer {
	in := map[string]json.RawMessage{}
	var bad []string
	for k, v := range raw {
		name := canonical(k, false)
		if knownBalises[name] && !isScalar(v) {
			bad = append(bad, k)
		}
		in[name] = v
	}
	if len(bad) > 0 {
		sort.Strings(bad)
		return reject("400", "Invalid value for "+strings.Join(bad, ", ")+": the document types it String")
	}
	get := func(k string) string { return text(in[k]) }
	if rep := get("commercial"); rep != "" && !s.licensed(rep) {
		return reject("400", "commercial "+rep+" is not the e-mail of a seller holding a licence in La Factory: "+
			"when the balise is set, it must hold one (Web Services CALL CENTER projet, section 3.3.2)")
	}
	p, exists := s.byID[get("factoryprojectid")]
	if !exists { // an empty or unknown id creates a project (section 3.3.3.1)
		if get("canal") == "" && get("utm_act") == "" {
			return reject("400", "canal or utm_act is required to create a project")
		}
		fields := map[string]json.RawMessage{}
		for k := range knownBalises {
			fields[k] = quote("")
		}
		for k, v := range in {
			fields[k] = v
		}
		delete(fields, "factoryprojectid")
		s.store(fields, false, false)
		return s.result(s.projects[len(s.projects)-1])
	}
	if get("callcenterprojectid") == "" {
		return reject("400", "callcenterprojectid is required to update a project")
	}
	if code := get("conclusioncode"); code != "" {
		mapped, known := s.conclusions[code]
		if !known {
			return reject("400", "Unknown conclusion code "+code)
		}
		p.conclusion = mapped
	}
	kept, id := p.fields["date_acquisition"], p.fields["factoryprojectid"]
	// The whole project is replaced: what was not sent is blanked.
	fields := map[string]json.RawMessage{}
	for k := range knownBalises {
		fields[k] = quote("")
	}
	for k, v := range in {
		fields[k] = v
	}
	fields["date_acquisition"], fields["factoryprojectid"] = kept, id
	p.fields = fields
	return s.result(p)
}

func (s *Server) licensed(email string) bool {
	for _, prog := range s.refs.Programs {
		for _, seller := range prog.Sellers() {
			if strings.EqualFold(seller.Email, email) {
				return true
			}
		}
	}
	return false
}

func (s *Server) activity(in map[string]string) answer {
	p, found := s.byID[in["factoryprojectid"]]
	if !found {
		return reject("404", "Unknown project "+in["factoryprojectid"])
	}
	required := map[string][]string{
		"phonecall":   {"sujet", "direction", "durée", "message"},
		"appointment": {"sujet", "commentaire", "datedebut", "datefin", "typerdv"},
	}[in["typeactivite"]]
	if required == nil {
		return reject("400", "typeactivite must be phonecall or appointment")
	}
	for _, k := range required {
		if in[k] == "" {
			return reject("400", k+" is required")
		}
	}
	// The values section 3.4.2 lists.
	oneOf := func(k string, allowed ...string) bool {
		for _, a := range allowed {
			if in[k] == a {
				return true
			}
		}
		return in[k] == ""
	}
	switch {
	case !oneOf("direction", "0", "1"):
		return reject("400", "direction must be 0 (incoming) or 1 (outgoing)")
	case !oneOf("message", "true", "false"):
		return reject("400", "message must be true or false")
	case !oneOf("typerdv", "R1", "R2", "R3", "partenaire"):
		return reject("400", "typerdv must be R1, R2, R3 or partenaire")
	case !oneOf("naturerdv", "physique", "visio", "téléphonique"):
		return reject("400", "naturerdv must be physique, visio or téléphonique")
	}
	for _, k := range []string{"datedebut", "datefin"} {
		if _, err := factory.ParseDateTime(in[k]); in[k] != "" && err != nil {
			return reject("400", k+" must be aaaammjjhhmmss")
		}
	}
	p.activities = append(p.activities, Activity(in))
	a := s.result(p)
	delete(a, "callcenterprojectid")
	return a
}

func (s *Server) referential(m factory.Method) answer {
	lists := map[factory.Method]any{
		factory.GetPrograms: s.refs.Programs, factory.GetCanaux: s.refs.Channels, factory.GetCampaigns: s.refs.Campaigns,
		factory.GetOrigins: s.refs.Origins, factory.GetSupports: s.refs.Supports, factory.Getsources: s.refs.Sources,
	}
	data := lists[m]
	if b, _ := json.Marshal(data); string(b) == "null" {
		data = []any{} // an empty list, not null
	}
	a := ok()
	a["Operation"] = map[string]any{"Set": map[string]any{"Data": data}}
	return a
}
