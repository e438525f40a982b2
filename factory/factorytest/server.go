// Package factorytest is an in-memory La Factory for tests and examples,
// in the manner of net/http/httptest. It keeps the documented rules: a
// queue of projects handed out one per NextProject (from an import flow,
// not a partner's denunciation, without a call-center id), acknowledge
// storing the call-center id, create returning a new id and URL, update
// replacing every field (blanking what was not sent, keeping
// date_acquisition), conclusion codes mapped through a table the test
// sets, activities and referentials, the api-key check, and the fault
// injection of FailNext.
package factorytest

import (
	"encoding/json"
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

// APIKey is the key every new Server accepts, in the "apikey" header.
const APIKey = factory.DemoAPIKey

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
	Truncated       = fault.Truncated       // request processed, half the JSON answered
	Huge            = fault.Huge            // request processed, a 100 MB body answered
)

// Referentials are the lists the referential methods answer.
type Referentials struct {
	Programs  []factory.Program
	Channels  []factory.Channel
	Campaigns []factory.Campaign
	Origins   []factory.Origin
	Supports  []factory.Support
	Sources   []factory.Source
}

// DemoReferentials are a new Server's referentials: one programme in
// Lille with one sales office and one seller, and a few marketing codes.
func DemoReferentials() Referentials {
	return Referentials{
		Programs: []factory.Program{{
			ProgramID: "P-0001", ExternalID: "NX-59000-01", Name: "Les Jardins de la Citadelle", Code: "JDC",
			City: "Lille", PostalCode: "59000", Department: "59",
			SalesOffices: []factory.SalesOffice{{
				SalesOfficeID: "BV-01", Name: "Bureau de vente de Lille", City: "Lille", Code: "BVL", PostalCode: "59000",
				Sellers: []factory.Seller{{SalesOfficeID: "BV-01", UserID: "U-01", FirstName: "Sophie", LastName: "Leroy",
					Email: "sophie.leroy@edouarddenis.example", ForLiving: true, ForInvestment: true}},
			}},
		}},
		Channels:  []factory.Channel{{Name: "Call center", Code: "cc006"}, {Name: "Site web", Code: "web"}},
		Campaigns: []factory.Campaign{{Name: "Printemps 2026", UTMCampaign: "printemps26"}},
		Origins:   []factory.Origin{{Name: "Formulaire programme", UTMAct: "formprog"}},
		Supports:  []factory.Support{{Name: "E-mailing", UTMMedium: "email"}},
		Sources:   []factory.Source{{Name: "SeLoger", UTMSource: "seloger"}},
	}
}

// Activity is an activity SetActivity recorded, by balise.
type Activity map[string]string

type project struct {
	fields       map[string]string // balise (lower case) → value
	fromImport   bool
	denunciation bool
	sent         bool
	conclusion   string // La Factory's code, once concluded
	activities   []Activity
}

// Server is a fake La Factory. Its methods are safe for concurrent use.
type Server struct {
	*httptest.Server

	faults fault.Injector

	mu           sync.Mutex
	header, key  string
	doubleEncode bool
	projects     []*project
	byID         map[string]*project
	conclusions  map[string]string
	refs         Referentials
	calls        map[factory.Method]int
	nextID       int
}

// NewServer starts a server accepting APIKey, answering GetProject and
// the referentials double-encoded, with DemoReferentials and no
// conclusion code.
func NewServer() *Server {
	s := &Server{header: factory.DefaultAPIKeyHeader, key: APIKey, doubleEncode: true,
		byID: map[string]*project{}, conclusions: map[string]string{}, refs: DemoReferentials(), calls: map[factory.Method]int{}}
	mux := http.NewServeMux()
	for m, path := range factory.DefaultPaths {
		mux.HandleFunc("POST "+path, func(w http.ResponseWriter, r *http.Request) { s.serve(m, w, r) })
	}
	s.Server = httptest.NewServer(s.faults.Wrap(mux))
	return s
}

// SetAPIKey changes the header and the key the server accepts.
func (s *Server) SetAPIKey(header, key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.header, s.key = header, key
}

// DoubleEncode chooses whether GetProject and the referentials answer
// JSON inside a JSON string (true, as La Factory was seen to) or plain JSON.
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

// FailNext makes the next n requests fail with f.
func (s *Server) FailNext(n int, f Fault) { s.faults.Next(n, f) }

// AddImported stores a project that came from an import flow, waiting for
// the call center, and returns its new id.
func (s *Server) AddImported(p factory.Project) string { return s.add(p, true, false) }

// AddDenunciation stores a partner's denunciation, which NextProject
// never hands out, and returns its id.
func (s *Server) AddDenunciation(p factory.Project) string { return s.add(p, true, true) }

func (s *Server) add(p factory.Project, fromImport, denunciation bool) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	fields := balises(p)
	if fields["date_acquisition"] == "" {
		fields["date_acquisition"] = time.Now().In(factory.Paris).Format(factory.DateTimeLayout)
	}
	return s.store(fields, fromImport, denunciation)
}

func (s *Server) store(fields map[string]string, fromImport, denunciation bool) string {
	s.nextID++
	id := fmt.Sprintf("FP-%06d", s.nextID)
	fields["factoryprojectid"] = id
	p := &project{fields: fields, fromImport: fromImport, denunciation: denunciation}
	s.projects = append(s.projects, p)
	s.byID[id] = p
	return id
}

// Project returns the stored project by id.
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

// Fields returns the stored balises of a project, empty ones included.
func (s *Server) Fields(id string) map[string]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]string{}
	if p, ok := s.byID[id]; ok {
		for k, v := range p.fields {
			out[k] = v
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

// knownBalises are the Project balises, lower case.
var knownBalises = func() map[string]bool {
	known := map[string]bool{}
	for k := range balises(factory.Project{}) {
		known[k] = true
	}
	return known
}()

// balises is a project's fields by lower-case balise.
func balises(p factory.Project) map[string]string {
	b, _ := json.Marshal(p)
	var m map[string]string
	_ = json.Unmarshal(b, &m)
	return lower(m)
}

func lower(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[strings.ToLower(k)] = v
	}
	return out
}

// answer is La Factory's answer: the error object, and what each method adds.
type answer map[string]any

func ok() answer { return answer{"error": map[string]any{"erCode": nil, "erMessage": nil}} }

func reject(code, msg string) answer {
	return answer{"error": map[string]any{"erCode": code, "erMessage": msg}}
}

func (s *Server) serve(m factory.Method, w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls[m]++
	status, a := s.handle(m, r)
	var body []byte
	body, _ = json.Marshal(a)
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
	var raw map[string]any
	dec := json.NewDecoder(http.MaxBytesReader(nil, r.Body, 1<<20))
	dec.UseNumber()
	if err := dec.Decode(&raw); err != nil {
		return http.StatusBadRequest, reject("400", "Invalid JSON body")
	}
	in := map[string]string{}
	for k, v := range raw {
		switch x := v.(type) {
		case string:
			in[strings.ToLower(k)] = x
		case json.Number:
			in[strings.ToLower(k)] = x.String()
		case nil:
			in[strings.ToLower(k)] = ""
		default:
			return http.StatusBadRequest, reject("400", "Invalid value for "+k)
		}
	}
	switch m {
	case factory.GetProject4CallCenter:
		return http.StatusOK, s.next()
	case factory.AcquitProject4CallCenter:
		return http.StatusOK, s.acquit(in)
	case factory.CreateOrUpdateProject4CallCenter:
		return http.StatusOK, s.createOrUpdate(in)
	case factory.SetActivity:
		return http.StatusOK, s.activity(in)
	}
	return http.StatusOK, s.referential(m)
}

func (s *Server) next() answer {
	a := ok()
	var data any
	for _, p := range s.projects {
		if p.fromImport && !p.denunciation && !p.sent && p.fields["callcenterprojectid"] == "" {
			p.sent = true
			data = flux(p.fields)
			break
		}
	}
	a["Operation"] = map[string]any{"Set": map[string]any{"Data": data}}
	return a
}

// flux writes a project with the flux's names for three balises.
func flux(fields map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range fields {
		switch k {
		case "utm_campaign":
			k = "utm_camapaign"
		case "type_logemented":
			k = "type_bienED"
		case "nature_logement":
			k = "nature_bien"
		}
		out[k] = v
	}
	return out
}

func (s *Server) result(p *project) answer {
	a := ok()
	a["factoryprojectid"] = p.fields["factoryprojectid"]
	a["callcenterprojectid"] = p.fields["callcenterprojectid"]
	a["url"] = s.URL + "/main.aspx?etn=if_project&id=" + p.fields["factoryprojectid"]
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
	p.fields["callcenterprojectid"] = in["callcenterprojectid"]
	return s.result(p)
}

func (s *Server) createOrUpdate(in map[string]string) answer {
	var unknown []string
	for k := range in {
		if !knownBalises[k] {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return reject("400", "Unknown balise(s): "+strings.Join(unknown, ", "))
	}
	if rep := in["commercial"]; rep != "" && !s.licensed(rep) {
		return reject("400", "commercial "+rep+" is not a licensed seller")
	}
	p, exists := s.byID[in["factoryprojectid"]]
	if in["factoryprojectid"] == "" || !exists {
		if in["canal"] == "" && in["utm_act"] == "" {
			return reject("400", "canal or utm_act is required to create a project")
		}
		fields := map[string]string{}
		for k := range knownBalises {
			fields[k] = in[k]
		}
		if fields["date_acquisition"] == "" {
			fields["date_acquisition"] = time.Now().In(factory.Paris).Format(factory.DateTimeLayout)
		}
		s.store(fields, false, false)
		return s.result(s.projects[len(s.projects)-1])
	}
	if in["callcenterprojectid"] == "" {
		return reject("400", "callcenterprojectid is required to update a project")
	}
	if code := in["conclusioncode"]; code != "" {
		mapped, known := s.conclusions[code]
		if !known {
			return reject("400", "Unknown conclusion code "+code)
		}
		p.conclusion = mapped
	}
	kept := p.fields["date_acquisition"]
	for k := range knownBalises { // the whole project is replaced: what was not sent is blanked
		p.fields[k] = in[k]
	}
	p.fields["date_acquisition"] = kept
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
	a := ok()
	a["Operation"] = map[string]any{"Set": map[string]any{"Data": lists[m]}}
	return a
}
