// Package divaltotest is an in-memory Divalto weavy webhook entry point
// (WHK_Prospect) for tests and examples, in the manner of
// net/http/httptest. It answers on
// /v1/entrypoints/DEMO/webhook/?c=WHK_Prospect (Company, EntryPoint) and
// implements the rules of WebHook Prospect (V5.7) in memory:
//
//   - the envelope: POST only (405 otherwise); an unknown company or entry
//     point is a 404; unreadable JSON, a languageCode other than FR, EN,
//     DE, PT, ES, IT, FR-CA, EN-CA, a markForExport other than 0/1/2, a
//     webhookVersion other than 1/2 or an unknown verb is a 400 naming the
//     problem. Header values may be JSON strings or numbers; a header value
//     that is absent or "" takes weavy's default (FR, 1, 2).
//   - GET answers the simple or extended fields (divalto.SimpleFields,
//     divalto.ExtendedFields), extendedRelated adds the related records
//     resolved in the server's referential, getIndicators the indicators.
//   - LIST pages, filters and sorts the prospects (see List filters below).
//   - PUT creates or updates up to SetMaxPerPut records at once, all or
//     nothing, with the type de tiers defaulted to CUSTOMER_TYPE-CTP on a
//     create, an individual's main contact kept in step, recodification
//     through internalcodeprospect, and the linked users upserted. Every
//     record needs its codeprospect; a record that creates a prospect
//     also needs its name (the document's minimal example holds one), an
//     update may omit it. Every value is checked as the document types
//     it, with divalto's own struct-tag table (Prospect.Validate,
//     ProspectUser.Validate): a text over its Varchar size, a workforce
//     that is not an Int, a Double that is not a number, an e-mail that is
//     not one, a reference of another data type ("PROVINCE-X" as a
//     country), a flag other than 0/1 (true/false and JSON numbers are
//     read as text), a DIVINF type outside its table: a 400 naming each
//     field, nothing written. A value the stored record already holds is
//     taken as it is (sending back what weavy holds changes nothing), and
//     control characters, which the document does not forbid, are stored.
//   - DELETE deletes a prospect and, by cascade, its users, its main
//     contact and its indicators.
//   - DEFINITION lists the wire fields.
//
// Tests fill it (AddProspect, SetIndicators, SetClosedDate, AddGenericType,
// ...), inspect it (Prospect, Users, MainContact, Codes, Calls, Puts,
// Paths, LastHeader) and make it fail on purpose (FailNext).
//
// # Answers
//
// weavy's answer envelope is not documented; the fake's choice, which the
// divalto client reads tolerantly, is:
//
//	GET, LIST, DEFINITION  200 {"header": <the request's header>, "data": {...}}
//	PUT, DELETE            200 {"header": <the request's header>}
//	a refused request      400 (404 for an unknown prospect on GET and DELETE)
//	                           {"header": {...}, "error": "message"}
//	a refused envelope     400, 404 or 405 {"error": "message"}
//
// GET's data is {"prospect": {...}} plus "related": [{...}] for
// extendedRelated and "indicators": [{...}] with getIndicators. LIST's
// data is {"prospect": [...], "pageNumber": "N", "maxPageNumber": "M"}
// plus "indicators" (one per prospect of the page) with getIndicators.
// DEFINITION's data is {"prospect": [wire fields], "prospectuser": [wire
// fields], "filters": [LIST filters], "orderBy": ["nameAsc"]}.
//
// Every value answered is a JSON string, as in the document's examples: a
// field never written, or written null, is answered "". A generic-type
// reference (a generictype_ID_... field of a data type the document
// names) is answered as its bare code, as the document's GET examples
// show: the field's data type and its dash are taken off ("FR" for
// COUNTRY-FR, "GRAND-EST" for CUSTOMER_FAMILY-GRAND-EST).
//
// # Storage
//
// The server keeps what PUT sent in wire form, null and "" apart, a
// number sent as a JSON number kept as its text and true/false as "1"/"0".
// A PUT of an existing prospect merges: the fields sent replace the ones
// stored (null and "" included), the others are kept. Prospect codes,
// user codes and the referential's codes are matched exactly;
// LIST's filters compare case-insensitively (see below).
//
// The type de tiers (third-party type) has two PUT names in WebHook
// Prospect (V5.7): generictype_ID_prospectType (the PUT example's, and
// GET's) and generictype_ID_customerType (the document's rule and its
// recodification example). The server stores a value under the name it
// was sent with, and a write under one name drops the value under the
// other unless the record sends both. GET's generictype_ID_prospectType
// answers whichever is stored (prospectType first). A prospect created
// without a type de tiers (absent, null or "") gets
// generictype_ID_prospectType "CUSTOMER_TYPE-CTP".
//
// The potential has one PUT name, generictype_ID_customerPotential; GET
// answers it as generictype_ID_prospectPotential. The server speaks the
// document strictly: a PUT of generictype_ID_prospectPotential (GET's
// name, not a PUT field) is stored as any field the document does not
// list, and never answered as the potential.
//
// # List filters
//
// LIST's filters are ANDed; an absent, null or "" filter is ignored and an
// unknown filter key is a 400 naming it. codeProspect, codeProspectFamily,
// codeCountry, codeBaseuser, codeBranchoffice, email and siretNumber are
// equality filters: "a|b|c" matches any of the values, and the value
// "null" matches a field never written or written null (not ""). The
// reference filters (codeProspectFamily, codeCountry) compare the bare
// codes, so "FR" and "COUNTRY-FR" both match a prospect of COUNTRY-FR.
// name matches a name that contains the value, emailDomain an e-mail that
// ends with it, city a city that starts with it; a null field matches none
// of them. notClosedBefore ("2006-01-02 15:04:05", Europe/Paris) keeps the
// prospects without a closedDate (SetClosedDate) or closed after it.
// weavy runs on a case-insensitive SQL collation, so every comparison
// ignores case (accents count). The order is the creation order (a
// recoded prospect keeps its place) unless orderBy is nameAsc: by name,
// ignoring case, then by code. topRows keeps the first N matching
// prospects before paging. Pages hold SetPageSize prospects (10 by
// default); maxPageNumber is the number of pages, at least 1, and a page
// past it is empty.
package divaltotest

// Fault, FaultKind and FailNext are generated from internal/fault in
// fault_gen.go, the same for every fake server.
//go:generate go run ../../internal/fault/faultgen Server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/passerelle-go/passerelle/divalto"
	"github.com/passerelle-go/passerelle/internal/fault"
	"github.com/passerelle-go/passerelle/internal/wire"
)

// The company and entry point every new Server answers.
const (
	Company    = "DEMO"
	EntryPoint = divalto.DefaultEntryPoint
)

// Contact is a prospect's main contact (sw_data_customercontact with
// mainContact = 1), which weavy creates for an individual
// (isIndividual = 1) at the end of the PUT that creates or modifies it,
// and updates at the end of every later PUT of it.
type Contact struct {
	// Code is the contact's code, generated: C0000001, C0000002, ...
	Code string
	// Prospect is the prospect's code.
	Prospect string
	// Name is the prospect's name.
	Name string
	// Civility is the prospect's generictype_ID_civility as stored
	// ("CIVILITY-M").
	Civility string
	// Email is the prospect's e-mail address.
	Email string
	// Phone is the prospect's phoneNumber.
	Phone string
	// MobilePhone is the prospect's mobilePhoneNumber.
	MobilePhone string
	// Main is always true: mainContact = 1.
	Main bool
	// Updates is how many PUTs updated the contact after the one that
	// created it.
	Updates int
}

// Server is a fake weavy webhook entry point. Its methods are safe for
// concurrent use.
type Server struct {
	*httptest.Server

	faults fault.Injector

	mu         sync.Mutex
	st         *state
	ref        referential
	pageSize   int
	maxPerPut  int
	calls      map[divalto.Verb]int
	puts       [][]string
	lastHeader divalto.Header
	paths      []string
}

// wireMap is a record in wire form: field name → JSON value.
type wireMap = map[string]json.RawMessage

// state is everything a PUT or a DELETE changes; a PUT works on a clone
// and replaces the state only when every record of its batch succeeded.
type state struct {
	prospects   map[string]*prospect
	order       []string  // prospect codes, creation order
	users       []wireMap // prospectuser records, creation order
	contacts    map[string]Contact
	indicators  map[string]wireMap // SetIndicators, by prospect code
	closed      map[string]time.Time
	prospectSeq int
	contactSeq  int
}

type prospect struct {
	serial int // creation number, for the generated indicators code
	fields wireMap
}

func newState() *state {
	return &state{
		prospects: map[string]*prospect{}, contacts: map[string]Contact{},
		indicators: map[string]wireMap{}, closed: map[string]time.Time{},
	}
}

func (st *state) clone() *state {
	c := &state{
		prospects: make(map[string]*prospect, len(st.prospects)), order: slices.Clone(st.order),
		users: make([]wireMap, len(st.users)), contacts: cloneMap(st.contacts),
		indicators: cloneMap(st.indicators), closed: cloneMap(st.closed),
		prospectSeq: st.prospectSeq, contactSeq: st.contactSeq,
	}
	for k, p := range st.prospects {
		c.prospects[k] = &prospect{serial: p.serial, fields: cloneMap(p.fields)}
	}
	for i, u := range st.users {
		c.users[i] = cloneMap(u)
	}
	return c
}

func cloneMap[K comparable, V any](m map[K]V) map[K]V {
	out := make(map[K]V, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// NewServer starts a server answering Company and EntryPoint, with no
// prospect, pages of 10 prospects, at most divalto.DefaultMaxPerPut
// records per PUT, and a referential holding the related records of the
// document's GET extendedRelated example:
// the generic types CUSTOMER_FAMILY-Est ("Grand est") and COUNTRY-FR
// ("FRANCE"), the users 25 (Vincent MOREL) and TECH-01, the culture FR-FR
// and the branch office SXB (Strasbourg).
func NewServer() *Server {
	s := &Server{
		st: newState(), ref: newReferential(), pageSize: 10, maxPerPut: divalto.DefaultMaxPerPut,
		calls: map[divalto.Verb]int{},
	}
	s.fillReferential()
	s.Server = httptest.NewServer(s.faults.Wrap(http.HandlerFunc(s.serve)))
	return s
}

// SetPageSize sets how many prospects a LIST page holds (10 by default,
// weavy's setting). It panics if n < 1.
func (s *Server) SetPageSize(n int) {
	if n < 1 {
		panic("divaltotest: page size below 1")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pageSize = n
}

// SetMaxPerPut sets how many records one PUT may hold (weavy's
// Webhook.PUT.MaxElementAtOnce, divalto.DefaultMaxPerPut by default); a
// PUT of more is refused whole. It panics if n < 1.
func (s *Server) SetMaxPerPut(n int) {
	if n < 1 {
		panic("divaltotest: max per PUT below 1")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.maxPerPut = n
}

// SetClosedDate sets the closedDate of the prospect with the code, which
// LIST's notClosedBefore filter reads; a zero t clears it. It may be set
// before the prospect exists; it follows a recodification and goes with
// a DELETE.
func (s *Server) SetClosedDate(code string, t time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if t.IsZero() {
		delete(s.st.closed, code)
		return
	}
	s.st.closed[code] = t
}

// SetIndicators sets the indicators GET and LIST answer for the prospect
// with the code when asked (getIndicators). Their Prospect is answered as
// the code whatever x says, and an empty Code as a generated one. Without
// SetIndicators the server answers a generated codeprospectextension and
// every other field "". Like SetClosedDate, it may precede the prospect.
func (s *Server) SetIndicators(code string, x divalto.Indicators) {
	m := mustWire(x)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st.indicators[code] = m
}

// AddProspect stores a prospect and its linked users as a PUT would merge
// them (the fields p encodes: those set, and those named by SendNull or
// SendEmpty), but without weavy's rules: no default type de tiers, no main
// contact, no recodification (internalcodeprospect is only stored), no
// validation, and it is not counted in Calls or Puts. Use it to store a
// suspect, for instance. The users are linked to p whatever their
// Prospect field says. It panics if p.Code is empty.
func (s *Server) AddProspect(p divalto.Prospect, users ...divalto.ProspectUser) {
	if strings.TrimSpace(p.Code) == "" {
		panic("divaltotest: AddProspect: empty prospect code")
	}
	rec := putRecord{code: p.Code, prospect: normalizeLoose(mustWire(p))}
	for _, u := range users {
		m := normalizeLoose(mustWire(u))
		m["prospect_ID"] = jsonString(p.Code)
		rec.users = append(rec.users, m)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.st.apply(rec, false); err != nil {
		panic("divaltotest: AddProspect: " + err.Error())
	}
}

// Prospect returns the stored prospect with the code, decoded from its
// wire form so that Has and IsNull tell which fields were written and
// which were written null. Every stored field is there, including those
// GET does not answer (internalcodeprospect, the PUT-only ones, DIVINF).
func (s *Server) Prospect(code string) (*divalto.Prospect, bool) {
	s.mu.Lock()
	p, ok := s.st.prospects[code]
	var b []byte
	if ok {
		b = mustJSON(p.fields)
	}
	s.mu.Unlock()
	if !ok {
		return nil, false
	}
	out := new(divalto.Prospect)
	if err := json.Unmarshal(b, out); err != nil {
		panic("divaltotest: stored prospect " + code + ": " + err.Error())
	}
	return out, true
}

// Users returns the users linked to the prospect with the code, in the
// order they were first written.
func (s *Server) Users(code string) []divalto.ProspectUser {
	s.mu.Lock()
	var raw [][]byte
	for _, u := range s.st.users {
		if text(u["prospect_ID"]) == code {
			raw = append(raw, mustJSON(u))
		}
	}
	s.mu.Unlock()
	var out []divalto.ProspectUser
	for _, b := range raw {
		var u divalto.ProspectUser
		if err := json.Unmarshal(b, &u); err != nil {
			panic("divaltotest: stored user: " + err.Error())
		}
		out = append(out, u)
	}
	return out
}

// MainContact returns the main contact of the prospect with the code,
// which exists once a PUT made the prospect an individual.
func (s *Server) MainContact(code string) (Contact, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.st.contacts[code]
	return c, ok
}

// Codes returns the codes of the stored prospects, in creation order.
func (s *Server) Codes() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.st.order)
}

// Calls is the number of requests of the verb the server processed:
// those whose envelope (company, entry point, JSON, header, verb) was
// accepted, whether the action then succeeded or not. A fault that does
// not process the request (Unavailable, Drop, ...) does not count.
func (s *Server) Calls(verb divalto.Verb) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[verb]
}

// Puts returns, for every PUT request processed (refused ones included),
// the codeprospect of each of its records in order ("" where a record has
// none): the batches the client sent.
func (s *Server) Puts() [][]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([][]string, len(s.puts))
	for i, p := range s.puts {
		out[i] = slices.Clone(p)
	}
	return out
}

// Paths returns the escaped path and query (RequestURI) of every request
// that reached the entry point, in order (not those a fault answered).
func (s *Server) Paths() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.paths)
}

// LastHeader returns the header of the last request whose envelope could
// be read, numbers given as their text.
func (s *Server) LastHeader() divalto.Header {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lastHeader
}

// member is one key of an ordered JSON object.
type member struct {
	Key   string
	Value any
}

// object is a JSON object written in its members' order.
type object []member

// MarshalJSON writes the members in order.
func (o object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(m.Key)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(m.Value)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", m.Key, err)
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// apiError is a refused request: its HTTP status and message.
type apiError struct {
	status int
	msg    string
}

// Error is the message answered.
func (e *apiError) Error() string { return e.msg }

func badRequest(format string, args ...any) error {
	return &apiError{http.StatusBadRequest, fmt.Sprintf(format, args...)}
}

func notFound(code string) error {
	return &apiError{http.StatusNotFound, fmt.Sprintf("prospect %q not found", code)}
}

const maxBody = 4 << 20

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	status, body := s.handle(r)
	if status == http.StatusMethodNotAllowed {
		w.Header().Set("Allow", http.MethodPost)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

func failure(status int, header json.RawMessage, msg string) (int, []byte) {
	o := object{}
	if header != nil {
		o = append(o, member{"header", header})
	}
	return status, mustJSON(append(o, member{"error", msg}))
}

// handle checks the envelope, then runs the verb under the lock.
func (s *Server) handle(r *http.Request) (int, []byte) {
	if r.Method != http.MethodPost {
		return failure(http.StatusMethodNotAllowed, nil, "method "+r.Method+" is not allowed: the webhook takes POST")
	}
	s.mu.Lock()
	s.paths = append(s.paths, r.URL.RequestURI())
	s.mu.Unlock()
	rest, ok := strings.CutPrefix(r.URL.EscapedPath(), "/v1/entrypoints/")
	escaped, tail, _ := strings.Cut(rest, "/")
	company, err := url.PathUnescape(escaped)
	if !ok || err != nil || company == "" || (tail != "webhook" && tail != "webhook/") {
		return failure(http.StatusNotFound, nil, "no webhook at "+r.URL.EscapedPath())
	}
	if company != Company {
		return failure(http.StatusNotFound, nil, fmt.Sprintf("unknown company code %q", company))
	}
	if ep := r.URL.Query().Get("c"); ep != EntryPoint {
		return failure(http.StatusNotFound, nil, fmt.Sprintf("unknown entry point %q", ep))
	}
	body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxBody))
	if err != nil {
		return failure(http.StatusBadRequest, nil, "body: "+err.Error())
	}
	var env struct {
		Header json.RawMessage `json:"header"`
		Action json.RawMessage `json:"action"`
		Data   json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(body, &env); err != nil {
		return failure(http.StatusBadRequest, nil, "the body is not a JSON envelope: "+err.Error())
	}
	header, err := objectOf(env.Header, "header")
	if err != nil {
		return failure(http.StatusBadRequest, nil, err.Error())
	}
	echo := json.RawMessage(mustJSON(header))
	if header == nil {
		echo = json.RawMessage(`{}`)
	}
	h, herr := readHeader(header)

	s.mu.Lock()
	defer s.mu.Unlock()
	s.lastHeader = h
	if herr != nil {
		return failure(http.StatusBadRequest, echo, herr.Error())
	}
	action, err := objectOf(env.Action, "action")
	if err != nil {
		return failure(http.StatusBadRequest, echo, err.Error())
	}
	verbText, _, err := scalar(action["verb"])
	if err != nil {
		return failure(http.StatusBadRequest, echo, "action.verb is not a string")
	}
	verb := divalto.Verb(verbText)
	if !verb.Valid() {
		return failure(http.StatusBadRequest, echo, fmt.Sprintf("unknown verb %q: want GET, LIST, PUT, DELETE or DEFINITION", verbText))
	}
	s.calls[verb]++
	params := action["parameters"]
	var data any
	switch verb {
	case divalto.VerbGet:
		data, err = s.get(params, env.Data)
	case divalto.VerbList:
		data, err = s.list(params)
	case divalto.VerbPut:
		err = s.put(env.Data)
	case divalto.VerbDelete:
		err = s.delete(env.Data)
	case divalto.VerbDefinition:
		data = definition()
	}
	if err != nil {
		status := http.StatusBadRequest
		if e, ok := err.(*apiError); ok {
			status = e.status
		}
		return failure(status, echo, err.Error())
	}
	out := object{{"header", echo}}
	if data != nil {
		out = append(out, member{"data", data})
	}
	return http.StatusOK, mustJSON(out)
}

// readHeader reads the header's values as text, checking languageCode,
// markForExport and webhookVersion; absent or "" values take weavy's
// defaults.
func readHeader(m wireMap) (divalto.Header, error) {
	var h divalto.Header
	var bad []string
	get := func(k string) string {
		v, _, err := scalar(m[k])
		if err != nil {
			bad = append(bad, "header."+k+" is not a string")
		}
		return v
	}
	h.Caller, h.CallerVersion, h.UserCode = get("caller"), get("callerVersion"), get("userCode")
	h.CallDateTime = get("callDateTime")
	h.Language = divalto.Language(get("languageCode"))
	h.MarkForExport, h.WebhookVersion = get("markForExport"), get("webhookVersion")
	if len(bad) > 0 {
		return h, badRequest("%s", strings.Join(bad, "; "))
	}
	switch {
	case h.Language != "" && !h.Language.Valid():
		return h, badRequest("header.languageCode %q is not one of FR, EN, DE, PT, ES, IT, FR-CA, EN-CA", h.Language)
	case h.MarkForExport != "" && h.MarkForExport != "0" && h.MarkForExport != "1" && h.MarkForExport != "2":
		return h, badRequest("header.markForExport %q is not 0, 1 or 2", h.MarkForExport)
	case h.WebhookVersion != "" && h.WebhookVersion != "1" && h.WebhookVersion != "2":
		return h, badRequest("header.webhookVersion %q is not 1 or 2", h.WebhookVersion)
	}
	return h, nil
}

// get answers GET.
func (s *Server) get(params, data json.RawMessage) (any, error) {
	p, err := objectOf(params, "action.parameters")
	if err != nil {
		return nil, err
	}
	rtText, _, err := scalar(p["resultType"])
	if err != nil {
		return nil, badRequest("action.parameters.resultType is not a string")
	}
	rt := divalto.ResultType(rtText)
	if rt == "" {
		rt = divalto.Simple
	}
	if !rt.Valid() {
		return nil, badRequest("resultType %q is not simple, extended or extendedRelated", rtText)
	}
	withIndicators, err := indicatorsAsked(p)
	if err != nil {
		return nil, err
	}
	code, err := prospectCode(data)
	if err != nil {
		return nil, err
	}
	pr, ok := s.st.prospects[code]
	if !ok {
		return nil, notFound(code)
	}
	out := object{{"prospect", answerProspect(pr, fieldsOf(rt))}}
	if rt == divalto.ExtendedRelated {
		out = append(out, member{"related", []object{s.related(pr)}})
	}
	if withIndicators {
		out = append(out, member{"indicators", []object{s.st.indicatorsOf(code, pr)}})
	}
	return out, nil
}

func fieldsOf(rt divalto.ResultType) []string {
	if rt == divalto.Simple {
		return divalto.SimpleFields()
	}
	return divalto.ExtendedFields()
}

// indicatorsAsked reads settings.getIndicators ("1", 1 or true).
func indicatorsAsked(params wireMap) (bool, error) {
	settings, err := objectOf(params["settings"], "action.parameters.settings")
	if err != nil {
		return false, err
	}
	v, _, err := scalar(settings["getIndicators"])
	if err != nil {
		return false, badRequest("settings.getIndicators is not a string")
	}
	return v == "1", nil
}

// prospectCode reads data.prospect.codeprospect.
func prospectCode(data json.RawMessage) (string, error) {
	d, err := objectOf(data, "data")
	if err != nil {
		return "", err
	}
	p, err := objectOf(d["prospect"], "data.prospect")
	if err != nil {
		return "", err
	}
	code, _, err := scalar(p["codeprospect"])
	if err != nil || strings.TrimSpace(code) == "" {
		return "", badRequest("data.prospect.codeprospect is required")
	}
	return code, nil
}

// typeNames are the type de tiers' two PUT names: the one GET answers
// first.
var typeNames = [2]string{"generictype_ID_prospectType", "generictype_ID_customerType"}

// getColumns are the GET names answered from stored PUT names.
var getColumns = map[string][]string{
	typeNames[0]:                       {typeNames[0], typeNames[1]},
	"generictype_ID_prospectPotential": {"generictype_ID_customerPotential"},
}

// value is a stored field's text, GET names read from their PUT names; ok
// is false when the field was never written or written null.
func value(f wireMap, name string) (string, bool) {
	columns, ok := getColumns[name]
	if !ok {
		columns = []string{name}
	}
	for _, c := range columns {
		if v, ok := f[c]; ok && !isNull(v) {
			return text(v), true
		}
	}
	return "", false
}

// refTypes are the data types of the reference fields WebHook Prospect
// (V5.7) types (ForeignKey to sw_data_generictype with its datatype), by
// wire name, GET's names included.
var refTypes = map[string]string{
	"generictype_ID_country": "COUNTRY", "generictype_ID_province": "PROVINCE",
	"generictype_ID_civility": "CIVILITY", "generictype_ID_prospectType": "CUSTOMER_TYPE",
	"generictype_ID_customerType": "CUSTOMER_TYPE", "generictype_ID_prospectFamily": "CUSTOMER_FAMILY",
	"generictype_ID_paymentMean": "PAYMENT_MEAN", "generictype_ID_deliveryMode": "DELIVERY_MODE",
	"generictype_ID_taxCode": "TAX_CUSTOMER", "generictype_ID_accountingCategory": "ACCOUNTING_CATEGORY",
	"generictype_ID_customerPotential": "CUSTOMER_POTENTIAL", "generictype_ID_prospectPotential": "CUSTOMER_POTENTIAL",
	"generictype_ID_prospectpotential": "CUSTOMER_POTENTIAL",
	"generictype_ID_role":              "ROLE", "generictype_ID_referencing": "PRODUCT_REFERENCING",
	"generictype_ID_distribution": "DISTRIBUTION", "generictype_ID_market": "MARKET",
	"generictype_ID_category": "CUSTOMERUSER_LINK",
}

// bare is a reference's code without its field's data type.
func bare(field, v string) string {
	if dt, ok := refTypes[field]; ok {
		if code, ok := strings.CutPrefix(v, dt+"-"); ok {
			return code
		}
	}
	return v
}

// answerProspect is a prospect as GET and LIST answer it: exactly the
// names, never-written and null fields as "", references as bare codes.
func answerProspect(p *prospect, names []string) object {
	o := make(object, 0, len(names))
	for _, n := range names {
		v, _ := value(p.fields, n)
		o = append(o, member{n, answerText(n, v)})
	}
	return o
}

func answerText(name, v string) string { return bare(name, v) }

// answerRecord answers a stored record with every wire field of its type
// (those not stored as ""), then its other fields in key order.
func answerRecord(names []string, m wireMap) object {
	o := make(object, 0, len(names)+len(m))
	known := make(map[string]bool, len(names))
	for _, n := range names {
		known[n] = true
		o = append(o, member{n, answerText(n, text(m[n]))})
	}
	extra := make([]string, 0, len(m))
	for k := range m {
		if !known[k] {
			extra = append(extra, k)
		}
	}
	slices.Sort(extra)
	for _, k := range extra {
		if s, _, err := scalar(m[k]); err == nil {
			o = append(o, member{k, answerText(k, s)})
		} else {
			o = append(o, member{k, m[k]})
		}
	}
	return o
}

// indicatorsOf answers the prospect's indicators.
func (st *state) indicatorsOf(code string, p *prospect) object {
	m := cloneMap(st.indicators[code])
	if text(m["codeprospectextension"]) == "" {
		m["codeprospectextension"] = jsonString(fmt.Sprintf("3%010d", p.serial))
	}
	m["prospect_ID"] = jsonString(code)
	return answerRecord(indicatorFields, m)
}

// list answers LIST.
func (s *Server) list(params json.RawMessage) (any, error) {
	p, err := objectOf(params, "action.parameters")
	if err != nil {
		return nil, err
	}
	ltText, _, err := scalar(p["listType"])
	if err != nil {
		return nil, badRequest("action.parameters.listType is not a string")
	}
	switch lt := divalto.ResultType(ltText); lt {
	case "", divalto.Simple, divalto.Extended:
	case divalto.ExtendedRelated:
		return nil, badRequest("listType extendedRelated is not allowed in a LIST: use simple or extended")
	default:
		return nil, badRequest("listType %q is not simple or extended", ltText)
	}
	page, err := intParam(p, "pageNumber", 1, 1)
	if err != nil {
		return nil, err
	}
	top, err := intParam(p, "topRows", 0, 0)
	if err != nil {
		return nil, err
	}
	withIndicators, err := indicatorsAsked(p)
	if err != nil {
		return nil, err
	}
	fm, err := objectOf(p["filters"], "action.parameters.filters")
	if err != nil {
		return nil, err
	}
	filters, err := parseFilters(fm)
	if err != nil {
		return nil, err
	}
	orderBy, _, err := scalar(p["orderBy"])
	if err != nil {
		return nil, badRequest("action.parameters.orderBy is not a string")
	}
	if orderBy != "" && !divalto.OrderBy(orderBy).Valid() {
		return nil, badRequest("orderBy %q is not nameAsc", orderBy)
	}

	var matching []string
	for _, code := range s.st.order {
		if s.st.matches(code, filters) {
			matching = append(matching, code)
		}
	}
	if divalto.OrderBy(orderBy) == divalto.NameAsc {
		slices.SortStableFunc(matching, func(a, b string) int {
			na, _ := value(s.st.prospects[a].fields, "name")
			nb, _ := value(s.st.prospects[b].fields, "name")
			if c := strings.Compare(strings.ToLower(na), strings.ToLower(nb)); c != 0 {
				return c
			}
			return strings.Compare(a, b)
		})
	}
	if top > 0 && len(matching) > top {
		matching = matching[:top]
	}
	maxPage := max(1, (len(matching)+s.pageSize-1)/s.pageSize)
	start := min((page-1)*s.pageSize, len(matching))
	end := min(start+s.pageSize, len(matching))
	names := divalto.SimpleFields()
	if divalto.ResultType(ltText) == divalto.Extended {
		names = divalto.ExtendedFields()
	}
	items := make([]object, 0, end-start)
	var inds []object
	for _, code := range matching[start:end] {
		pr := s.st.prospects[code]
		items = append(items, answerProspect(pr, names))
		if withIndicators {
			inds = append(inds, s.st.indicatorsOf(code, pr))
		}
	}
	out := object{{"prospect", items}}
	if withIndicators {
		out = append(out, member{"indicators", append(make([]object, 0, len(inds)), inds...)})
	}
	return append(out, member{"pageNumber", strconv.Itoa(page)}, member{"maxPageNumber", strconv.Itoa(maxPage)}), nil
}

// intParam reads an integer parameter, def when absent, null or "".
func intParam(p wireMap, key string, def, least int) (int, error) {
	v, _, err := scalar(p[key])
	if err != nil {
		return 0, badRequest("%s is not a number", key)
	}
	if strings.TrimSpace(v) == "" {
		return def, nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < least {
		return 0, badRequest("%s %q is not an integer of at least %d", key, v, least)
	}
	return n, nil
}

// putRecord is one record of a PUT, normalized.
type putRecord struct {
	code     string
	prospect wireMap
	users    []wireMap
}

// put runs PUT: all the batch's records or none.
func (s *Server) put(data json.RawMessage) error {
	raws, err := splitRecords(data)
	codes := make([]string, len(raws))
	for i, r := range raws {
		var rec struct {
			Prospect struct {
				Code json.RawMessage `json:"codeprospect"`
			} `json:"prospect"`
		}
		if json.Unmarshal(r, &rec) == nil {
			codes[i] = text(rec.Prospect.Code)
		}
	}
	s.puts = append(s.puts, codes)
	if err != nil {
		return err
	}
	if len(raws) > s.maxPerPut {
		return badRequest("%d records in one PUT: at most %d are allowed at once (Webhook.PUT.MaxElementAtOnce)", len(raws), s.maxPerPut)
	}
	recs := make([]putRecord, len(raws))
	var problems []string
	known := map[string]bool{}
	for i, r := range raws {
		prefix := fmt.Sprintf("records[%d].", i)
		recs[i], problems = readRecord(r, prefix, problems, s.st)
		// A record that creates a prospect needs its name; an update
		// (by code, or the recode of a stored suspect) may omit it.
		code, origin := recs[i].code, strings.TrimSpace(text(recs[i].prospect["internalcodeprospect"]))
		_, exists := s.st.prospects[code]
		_, recoded := s.st.prospects[origin]
		if code != "" && !exists && !known[code] && !(origin != "" && recoded) && strings.TrimSpace(text(recs[i].prospect["name"])) == "" {
			problems = append(problems, prefix+"prospect.name is required to create a prospect")
		}
		known[code] = true
	}
	if len(problems) > 0 {
		return badRequest("%s", strings.Join(problems, "; "))
	}
	st := s.st.clone()
	for i, rec := range recs {
		if err := st.apply(rec, true); err != nil {
			return badRequest("records[%d]: %v", i, err)
		}
	}
	s.st = st
	return nil
}

// splitRecords reads PUT's data: one record or an array of records.
func splitRecords(data json.RawMessage) ([]json.RawMessage, error) {
	switch firstByte(data) {
	case '{':
		return []json.RawMessage{data}, nil
	case '[':
		var out []json.RawMessage
		if err := json.Unmarshal(data, &out); err != nil {
			return nil, badRequest("data: %v", err)
		}
		if len(out) == 0 {
			return nil, badRequest("data holds no record")
		}
		return out, nil
	}
	return nil, badRequest("data is not a record nor an array of records")
}

// readRecord normalizes and checks one PUT record, adding its problems.
// A value the document forbids that the stored record already holds
// (weavy holds it: another channel wrote it) is taken: sending back what
// weavy holds changes nothing.
func readRecord(raw json.RawMessage, prefix string, problems []string, st *state) (putRecord, []string) {
	var rec putRecord
	top, err := objectOf(raw, strings.TrimSuffix(prefix, "."))
	if err != nil || top == nil {
		return rec, append(problems, prefix[:len(prefix)-1]+" is not a record")
	}
	p, err := objectOf(top["prospect"], prefix+"prospect")
	switch {
	case err != nil:
		return rec, append(problems, err.Error())
	case p == nil:
		return rec, append(problems, prefix+"prospect is required")
	}
	rec.prospect, problems = normalize(p, prefix+"prospect.", problems)
	rec.code = strings.TrimSpace(text(rec.prospect["codeprospect"]))
	var stored wireMap
	if sp, ok := st.prospects[rec.code]; ok {
		stored = sp.fields
	}
	problems = decodes[divalto.Prospect, *divalto.Prospect](rec.prospect, stored, prefix+"prospect", problems)
	if rec.code == "" {
		problems = append(problems, prefix+"prospect.codeprospect is required")
	}
	var users []json.RawMessage
	switch firstByte(top["prospectuser"]) {
	case 0, 'n':
	case '{':
		users = []json.RawMessage{top["prospectuser"]}
	case '[':
		if err := json.Unmarshal(top["prospectuser"], &users); err != nil {
			problems = append(problems, prefix+"prospectuser: "+err.Error())
		}
	default:
		problems = append(problems, prefix+"prospectuser is not an array of records")
	}
	for j, u := range users {
		up := fmt.Sprintf("%sprospectuser[%d].", prefix, j)
		m, err := objectOf(u, up[:len(up)-1])
		if err != nil || m == nil {
			problems = append(problems, up[:len(up)-1]+" is not a record")
			continue
		}
		m, problems = normalize(m, up, problems)
		var storedUser wireMap
		for _, su := range st.users {
			if text(su["codeprospectuser"]) == text(m["codeprospectuser"]) {
				storedUser = su
			}
		}
		problems = decodes[divalto.ProspectUser, *divalto.ProspectUser](m, storedUser, up[:len(up)-1], problems)
		if strings.TrimSpace(text(m["codeprospectuser"])) == "" {
			problems = append(problems, up+"codeprospectuser is required")
		}
		if strings.TrimSpace(text(m["baseuser_ID"])) == "" {
			problems = append(problems, up+"baseuser_ID is required")
		}
		rec.users = append(rec.users, m)
	}
	return rec, problems
}

// normalize stores every value as weavy's text: strings as they are,
// numbers as their text, true/false as "1"/"0", null as null; anything
// else is a problem.
func normalize(m wireMap, prefix string, problems []string) (wireMap, []string) {
	out := make(wireMap, len(m))
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		s, null, err := scalar(m[k])
		switch {
		case err != nil:
			problems = append(problems, prefix+k+" is not a string")
		case null:
			out[k] = json.RawMessage("null")
		default:
			out[k] = jsonString(s)
		}
	}
	return out, problems
}

// checked is a PUT record type the document types: its Validate checks
// every field the struct tags describe (Varchar sizes, Int and Double
// numbers, e-mails, the data type of references, the DIVINF enums).
type checked[T any] interface {
	*T
	Validate() error
	Raw(field string) (json.RawMessage, bool)
}

// decodes adds a problem for every value of the record m that WebHook
// Prospect (V5.7) forbids, as the divalto package's own Validate finds
// it (the one table of struct tags), plus every value a typed field
// cannot hold as the document writes it (a flag that is not 0 or 1, a
// DIVINF type outside its table: m is normalized, so such a value is one
// the package keeps raw). The package's refusal of control characters is
// the client's own rule, not the document's: the fake stores them.
func decodes[T any, P checked[T]](m, stored wireMap, name string, problems []string) []string {
	v := P(new(T))
	if err := json.Unmarshal(mustJSON(m), v); err != nil {
		return append(problems, name+": "+err.Error())
	}
	// held reports whether the stored record holds the field's value.
	held := func(field string) bool {
		sv, ok := stored[field]
		return ok && bytes.Equal(sv, m[field])
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if held(k) {
			continue
		}
		if _, odd := v.Raw(k); odd {
			problems = append(problems, name+"."+k+" is not one of the document's values")
		}
		// A reference is sent DATATYPE-code: the code of another data
		// type is refused (the struct tags read a bare code).
		if dt, ok := refTypes[k]; ok {
			r := divalto.ParseRef(text(m[k]))
			if r.DataType != dt && dataTypes[r.DataType] {
				problems = append(problems, name+"."+k+" is a "+r.DataType+", want a "+dt)
			}
		}
	}
	var ve *divalto.ValidationError
	if errors.As(v.Validate(), &ve) {
		for _, f := range ve.Fields {
			switch f.Problem {
			case "holds a line break or a tab", "holds a control character":
				continue
			}
			_, field, _ := strings.Cut(f.Field, ".") // "prospect.email"
			if !held(field) {
				problems = append(problems, name+"."+field+" "+f.Problem)
			}
		}
	}
	return problems
}

// dataTypes are the generic types' data types the document names.
var dataTypes = func() map[string]bool {
	m := map[string]bool{}
	for _, dt := range refTypes {
		m[dt] = true
	}
	return m
}()

// normalizeLoose is normalize keeping any other JSON value as it is.
func normalizeLoose(m wireMap) wireMap {
	for k, v := range m {
		if s, null, err := scalar(v); err == nil {
			if null {
				m[k] = json.RawMessage("null")
			} else {
				m[k] = jsonString(s)
			}
		}
	}
	return m
}

// apply writes one record into the state; rules applies weavy's PUT rules
// (recodification, default type de tiers, main contact).
func (st *state) apply(rec putRecord, rules bool) error {
	code := rec.code
	p, exists := st.prospects[code]
	if origin := strings.TrimSpace(text(rec.prospect["internalcodeprospect"])); rules && origin != "" && origin != code {
		if o, ok := st.prospects[origin]; ok {
			if exists {
				return fmt.Errorf("cannot recode %q into %q: prospect %q exists", origin, code, code)
			}
			st.move(origin, code)
			p, exists = o, true
		}
	}
	if !exists {
		st.prospectSeq++
		p = &prospect{serial: st.prospectSeq, fields: wireMap{}}
		st.prospects[code] = p
		st.order = append(st.order, code)
	}
	for k, v := range rec.prospect {
		p.fields[k] = v
	}
	_, sent0 := rec.prospect[typeNames[0]]
	_, sent1 := rec.prospect[typeNames[1]]
	switch {
	case sent0 && !sent1:
		delete(p.fields, typeNames[1])
	case sent1 && !sent0:
		delete(p.fields, typeNames[0])
	}
	if rules && !exists {
		if v0, ok0 := rec.prospect[typeNames[0]]; !ok0 || text(v0) == "" {
			if v1, ok1 := rec.prospect[typeNames[1]]; !ok1 || text(v1) == "" {
				p.fields[typeNames[0]] = jsonString(divalto.CustomerTypeProspect.String())
			}
		}
	}
	for _, u := range rec.users {
		pid := strings.TrimSpace(text(u["prospect_ID"]))
		if pid == "" {
			pid = code
			u["prospect_ID"] = jsonString(code)
		}
		if _, ok := st.prospects[pid]; !ok {
			return fmt.Errorf("prospectuser %q: unknown prospect %q", text(u["codeprospectuser"]), pid)
		}
		st.upsertUser(u)
	}
	if rules && truthy(p.fields["isIndividual"]) {
		c, ok := st.contacts[code]
		if ok {
			c.Updates++
		} else {
			st.contactSeq++
			c = Contact{Code: fmt.Sprintf("C%07d", st.contactSeq), Prospect: code, Main: true}
		}
		c.Name, c.Civility = text(p.fields["name"]), text(p.fields["generictype_ID_civility"])
		c.Email, c.Phone, c.MobilePhone = text(p.fields["email"]), text(p.fields["phoneNumber"]), text(p.fields["mobilePhoneNumber"])
		st.contacts[code] = c
	}
	return nil
}

func (st *state) upsertUser(u wireMap) {
	code := text(u["codeprospectuser"])
	for _, old := range st.users {
		if text(old["codeprospectuser"]) == code {
			for k, v := range u {
				old[k] = v
			}
			return
		}
	}
	st.users = append(st.users, u)
}

// move recodes the prospect from into to, with its users, main contact,
// indicators and closed date; it keeps its place in the order.
func (st *state) move(from, to string) {
	p := st.prospects[from]
	delete(st.prospects, from)
	st.prospects[to] = p
	p.fields["codeprospect"] = jsonString(to)
	if i := slices.Index(st.order, from); i >= 0 {
		st.order[i] = to
	}
	for _, u := range st.users {
		if text(u["prospect_ID"]) == from {
			u["prospect_ID"] = jsonString(to)
		}
	}
	if c, ok := st.contacts[from]; ok {
		c.Prospect = to
		st.contacts[to] = c
		delete(st.contacts, from)
	}
	if x, ok := st.indicators[from]; ok {
		st.indicators[to] = x
		delete(st.indicators, from)
	}
	if t, ok := st.closed[from]; ok {
		st.closed[to] = t
		delete(st.closed, from)
	}
}

// delete runs DELETE, with its cascade.
func (s *Server) delete(data json.RawMessage) error {
	code, err := prospectCode(data)
	if err != nil {
		return err
	}
	st := s.st
	if _, ok := st.prospects[code]; !ok {
		return notFound(code)
	}
	delete(st.prospects, code)
	st.order = slices.DeleteFunc(st.order, func(c string) bool { return c == code })
	st.users = slices.DeleteFunc(st.users, func(u wireMap) bool { return text(u["prospect_ID"]) == code })
	delete(st.contacts, code)
	delete(st.indicators, code)
	delete(st.closed, code)
	return nil
}

// definition is DEFINITION's data.
func definition() object {
	return object{
		{"prospect", divalto.ProspectFields()},
		{"prospectuser", prospectUserFields},
		{"filters", filterKeys()},
		{"orderBy", []divalto.OrderBy{divalto.NameAsc}},
	}
}

// The wire fields of the divalto record types, from their json tags.
var (
	prospectUserFields = wireNames[divalto.ProspectUser]()
	indicatorFields    = wireNames[divalto.Indicators]()
	genericTypeFields  = wireNames[divalto.GenericType]()
	baseUserFields     = wireNames[divalto.BaseUser]()
	cultureFields      = wireNames[divalto.Culture]()
	branchOfficeFields = wireNames[divalto.BranchOffice]()
	productDepotFields = wireNames[divalto.ProductDepot]()
)

func wireNames[T any]() []string {
	t := reflect.TypeFor[T]()
	var out []string
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.IsExported() || sf.Anonymous {
			continue
		}
		if name, _, _ := strings.Cut(sf.Tag.Get("json"), ","); name != "" && name != "-" {
			out = append(out, name)
		}
	}
	return out
}

// scalar reads a wire value: a string, a number (its text) or a boolean
// ("1"/"0"); null and an absent value are null.
func scalar(v json.RawMessage) (s string, null bool, err error) {
	switch string(bytes.TrimSpace(v)) {
	case "":
		return "", true, nil
	case "true":
		return "1", false, nil
	case "false":
		return "0", false, nil
	}
	s, ok, err := wire.Scalar(v)
	return s, !ok && err == nil, err
}

// text is a wire value's text: "" for null, absent or not a scalar.
func text(v json.RawMessage) string {
	s, _, _ := scalar(v)
	return s
}

func isNull(v json.RawMessage) bool {
	_, null, err := scalar(v)
	return null && err == nil
}

func truthy(v json.RawMessage) bool {
	s := strings.TrimSpace(text(v))
	return s == "1" || strings.EqualFold(s, "true")
}

// objectOf reads a JSON object; absent or null is a nil map.
func objectOf(v json.RawMessage, name string) (wireMap, error) {
	switch firstByte(v) {
	case 0, 'n':
		return nil, nil
	case '{':
		var m wireMap
		if err := json.Unmarshal(v, &m); err != nil {
			return nil, badRequest("%s: %v", name, err)
		}
		return m, nil
	}
	return nil, badRequest("%s is not an object", name)
}

func firstByte(b []byte) byte {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return 0
	}
	return b[0]
}

func jsonString(s string) json.RawMessage { return mustJSON(s) }

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic("divaltotest: " + err.Error())
	}
	return b
}

// mustWire encodes a divalto record into its wire map.
func mustWire(v any) wireMap {
	var m wireMap
	if err := json.Unmarshal(mustJSON(v), &m); err != nil {
		panic("divaltotest: " + err.Error())
	}
	if m == nil {
		m = wireMap{}
	}
	return m
}
