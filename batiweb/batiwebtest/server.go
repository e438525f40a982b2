// Package batiwebtest is an in-memory Batiweb lead web service for tests
// and examples, in the manner of net/http/httptest. It implements the
// rules of Batiweb's "Web Service 2023" document: the login check, PROD
// refused until granted (code 1), validation with codes 2 and 3,
// sellability by postal code and trade as the test configures it (code 4),
// duplicate detection by e-mail (code 5), leaseholders refused on demand
// (code 6), an internal error on demand (code 9, [Server.AnswerCode]), and
// status by token, whose "status" is absent until the lead is qualified
// (the document's status table has no code for "not processed yet"). It
// accepts every value as a JSON string or number, as the document's PHP
// examples send strings. It records the leads it received and can fail on
// purpose ([Server.FailNext]).
package batiwebtest

// Fault, FaultKind and FailNext are generated from internal/fault in
// fault_gen.go, the same for every fake server.
//go:generate go run ../../internal/fault/faultgen Server

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/passerelle-go/passerelle/batiweb"
	"github.com/passerelle-go/passerelle/internal/fault"
	"github.com/passerelle-go/passerelle/internal/paris"
	"github.com/passerelle-go/passerelle/internal/phone"
	"github.com/passerelle-go/passerelle/internal/validate"
)

// The account every new Server accepts.
const (
	// Login is the login every new Server accepts.
	Login = "demo"
	// Password is the password every new Server accepts.
	Password = "demo-password"
)

// Received is a lead the server imported.
type Received struct {
	// ID is the id the server answered ("id").
	ID string
	// Token is the token the server answered ("token"), for Status.
	Token string
	// Environment is the environment the lead was sent to.
	Environment batiweb.Environment
	// Lead is the lead as the server read it.
	Lead batiweb.Lead
	// Status is the lead's qualification, 0 until SetStatus: the status
	// answer then carries no "status".
	Status batiweb.LeadStatus
	// Date is the import time, then the qualification time.
	Date time.Time
}

// Server is a fake Batiweb. Its methods are safe for concurrent use.
type Server struct {
	*httptest.Server

	faults fault.Injector

	mu                 sync.Mutex
	login, password    string
	prodGranted        bool
	sales              []sale
	refuseLeaseholders bool
	leads              []*Received
	calls              map[string]int
	codes              []batiweb.Code
}

type sale struct {
	zipPrefix string
	trades    map[batiweb.WorkType]bool // nil: every trade
}

// NewServer starts a server accepting Login/Password in PREP. It buys
// nothing until Sell is called.
func NewServer() *Server {
	s := &Server{login: Login, password: Password, calls: map[string]int{}}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /json/lead/{op}", s.serve)
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.calls[r.URL.Path]++
		s.mu.Unlock()
		s.faults.Wrap(mux).ServeHTTP(w, r)
	}))
	return s
}

// SetCredentials replaces the account the server accepts.
func (s *Server) SetCredentials(login, password string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.login, s.password = login, password
}

// GrantProd opens the PROD environment, as Batiweb does after accepting an
// integration; until then PROD answers code 1.
func (s *Server) GrantProd() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.prodGranted = true
}

// Sell makes leads sellable whose postal code starts with zipPrefix ("" for
// all, "78" for a département, "78180" for one town) for the given trades
// (none: every trade).
func (s *Server) Sell(zipPrefix string, trades ...batiweb.WorkType) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := sale{zipPrefix: zipPrefix}
	if len(trades) > 0 {
		r.trades = map[batiweb.WorkType]bool{}
		for _, t := range trades {
			r.trades[t] = true
		}
	}
	s.sales = append(s.sales, r)
}

// RefuseLeaseholders makes imports of tenants (IsOwner 2) answer code 6.
func (s *Server) RefuseLeaseholders(refuse bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.refuseLeaseholders = refuse
}

// codeMessages are the messages of the document's response code table.
var codeMessages = map[batiweb.Code]string{
	batiweb.CodeAuthentication:     "Authentication Failed",
	batiweb.CodeMissingArgument:    "Missing argument(s)",
	batiweb.CodeInvalidValue:       "Invalid value",
	batiweb.CodeNotSellable:        "This can't be sold",
	batiweb.CodeDuplicateLead:      "Duplicate Lead",
	batiweb.CodeLeaseholderRefused: "Leaseholder refused",
	batiweb.CodeInternal:           "Internal error",
}

// AnswerCode makes the next n requests answer the failure code with the
// document's message for it, HTTP 200, without processing them: code 9
// ("Internal error", [batiweb.CodeInternal]) plays a failing service. The
// code must be a failure code of the document's table (1 to 6, or 9).
func (s *Server) AnswerCode(n int, code batiweb.Code) error {
	if _, ok := codeMessages[code]; !ok {
		return fmt.Errorf("batiwebtest: %d is not a failure code of the document's table", int(code))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for range n {
		s.codes = append(s.codes, code)
	}
	return nil
}

// Leads returns copies of the imported leads, in import order.
func (s *Server) Leads() []Received {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Received, len(s.leads))
	for i, l := range s.leads {
		out[i] = *l
	}
	return out
}

// Calls is the number of requests received for a path ("/json/lead/import"),
// failed ones included.
func (s *Server) Calls(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[path]
}

// SetStatus qualifies the lead with the given token, as Batiweb's call
// center would. The status must be a code of the document's "Statuts des
// leads" table.
func (s *Server) SetStatus(token string, status batiweb.LeadStatus, at time.Time) error {
	if !status.Valid() {
		return fmt.Errorf("batiwebtest: status %d is not in the document's table", int(status))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, l := range s.leads {
		if l.Token == token {
			l.Status, l.Date = status, at
			return nil
		}
	}
	return fmt.Errorf("batiwebtest: no lead has token %q", token)
}

// answer is the service's answer; HTTP is always 200.
type answer map[string]any

func failure(code batiweb.Code, msg string) answer { return answer{"code": int(code), "message": msg} }

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	var a answer
	var env struct {
		Security map[string]any `json:"security"`
		Request  map[string]any `json:"request"`
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20))
	dec.UseNumber()
	if err := dec.Decode(&env); err != nil {
		a = failure(batiweb.CodeMissingArgument, "Invalide data argument(s) : payload")
	} else {
		a = s.handle(r.PathValue("op"), env.Security, env.Request)
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(a)
}

func (s *Server) handle(op string, sec, req map[string]any) answer {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.codes) > 0 {
		code := s.codes[0]
		s.codes = s.codes[1:]
		return failure(code, codeMessages[code])
	}
	envName, a := s.authenticate(sec)
	if a != nil {
		return a
	}
	f := fields(req)
	switch op {
	case "is_sellable":
		return s.isSellable(f)
	case "import":
		return s.importLead(envName, f)
	case "status":
		return s.status(f)
	}
	return failure(batiweb.CodeInvalidValue, "Invalid value")
}

func (s *Server) authenticate(sec map[string]any) (batiweb.Environment, answer) {
	f := fields(sec)
	env := batiweb.Environment(strings.ToUpper(f.text("environment")))
	switch {
	case f.text("login") == "":
		return "", failure(batiweb.CodeAuthentication, "Missing Login")
	case f.text("password") == "":
		return "", failure(batiweb.CodeAuthentication, "Missing password")
	case env != batiweb.Prep && env != batiweb.Prod:
		return "", failure(batiweb.CodeAuthentication, "Invalid argument environment")
	case f.text("login") != s.login || f.text("password") != s.password:
		return "", failure(batiweb.CodeAuthentication, "Authentication Failed")
	case env == batiweb.Prod && !s.prodGranted:
		return "", failure(batiweb.CodeAuthentication, "Access to production is not granted")
	}
	return env, nil
}

// fieldSet reads a request's values as text, whether sent as strings or
// numbers; any other JSON type makes the field invalid.
type fieldSet struct {
	values  map[string]string
	invalid []string
}

func fields(m map[string]any) *fieldSet {
	f := &fieldSet{values: map[string]string{}}
	for k, v := range m {
		switch x := v.(type) {
		case string:
			f.values[k] = strings.TrimSpace(x)
		case json.Number:
			f.values[k] = x.String()
		case nil:
		default:
			f.invalid = append(f.invalid, k)
		}
	}
	return f
}

func (f *fieldSet) text(k string) string { return f.values[k] }

// check applies the rules; missing fields answer code 2 "Missing
// argument(s)", unreadable ones code 2 "Invalide data argument(s)", codes
// outside the tables code 3.
func (f *fieldSet) check(required []string, formats map[string]func(string) bool, enums map[string]func(int) bool) answer {
	var missing []string
	for _, k := range required {
		if f.values[k] == "" {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		return failure(batiweb.CodeMissingArgument, "Missing argument(s) : "+strings.Join(missing, ", "))
	}
	bad := append([]string(nil), f.invalid...)
	for k, ok := range formats {
		if v := f.values[k]; v != "" && !ok(v) {
			bad = append(bad, k)
		}
	}
	for k, known := range enums {
		v := f.values[k]
		if v == "" {
			continue
		}
		if n, err := strconv.Atoi(v); err != nil {
			bad = append(bad, k)
		} else if !known(n) {
			return failure(batiweb.CodeInvalidValue, "Invalid value")
		}
	}
	if len(bad) > 0 {
		sort.Strings(bad)
		return failure(batiweb.CodeMissingArgument, "Invalide data argument(s) : "+strings.Join(bad, ", "))
	}
	return nil
}

func known[T interface{ Valid() bool }](lookup func(int) (T, bool)) func(int) bool {
	return func(n int) bool { _, ok := lookup(n); return ok }
}

var (
	zipcode = func(v string) bool { return validate.Digits(v, 5) }
	integer = func(v string) bool { n, err := strconv.Atoi(v); return err == nil && n >= 0 }
	// phoneNumber is the client's rule set (internal/phone, region FR):
	// the document gives no phone format, so the fake is no stricter and
	// no more lenient than the client's Validate.
	phoneNumber = func(v string) bool { return phone.Valid(v, phone.DefaultRegion) }
	leadFormats = map[string]func(string) bool{
		"zipcode": zipcode, "email": validate.Email, "amountofrooms": integer,
		"cellphone": phoneNumber, "landline": phoneNumber,
	}
	leadEnums = map[string]func(int) bool{
		"isowner": known(batiweb.LookupIsOwner), "housingtype": known(batiweb.LookupHousingType),
		"worktype": known(batiweb.LookupWorkType), "remindertime": known(batiweb.LookupReminderTime),
		"delay": known(batiweb.LookupDelay), "area": known(batiweb.LookupArea),
		"yearbuilt": known(batiweb.LookupYearBuilt), "funding": known(batiweb.LookupFunding),
		"budget": known(batiweb.LookupBudget),
	}
	leadRequired = []string{"email", "city", "zipcode", "isowner", "firstname", "lastname", "civility", "workdescription", "worktype"}
)

func (s *Server) isSellable(f *fieldSet) answer {
	formats := map[string]func(string) bool{"zipcode": zipcode, "email": validate.Email}
	if a := f.check([]string{"zipcode", "worktype"}, formats, map[string]func(int) bool{"worktype": leadEnums["worktype"]}); a != nil {
		return a
	}
	wt, _ := strconv.Atoi(f.text("worktype"))
	if !s.sellable(f.text("zipcode"), batiweb.WorkType(wt)) {
		return failure(batiweb.CodeNotSellable, "This can't be sold")
	}
	if s.duplicate(f.text("email")) {
		return failure(batiweb.CodeDuplicateLead, "Duplicate Lead")
	}
	return answer{"code": 0, "message": "This lead can be sold"}
}

func (s *Server) sellable(zip string, wt batiweb.WorkType) bool {
	for _, r := range s.sales {
		if strings.HasPrefix(zip, r.zipPrefix) && (r.trades == nil || r.trades[wt]) {
			return true
		}
	}
	return false
}

func (s *Server) duplicate(email string) bool {
	for _, l := range s.leads {
		if email != "" && strings.EqualFold(l.Lead.Email, email) {
			return true
		}
	}
	return false
}

func (s *Server) importLead(env batiweb.Environment, f *fieldSet) answer {
	if f.text("cellphone") == "" && f.text("landline") == "" {
		return failure(batiweb.CodeMissingArgument, "Missing argument(s) : cellphone, landline")
	}
	if a := f.check(leadRequired, leadFormats, leadEnums); a != nil {
		return a
	}
	civility, err := batiweb.ParseCivility(f.text("civility"))
	if err != nil {
		return failure(batiweb.CodeInvalidValue, "Invalid value")
	}
	var lead batiweb.Lead
	raw, _ := json.Marshal(f.values)
	if err := json.Unmarshal(raw, &lead); err != nil {
		return failure(batiweb.CodeMissingArgument, "Invalide data argument(s) : "+err.Error())
	}
	lead.Civility = civility
	switch {
	case !s.sellable(lead.Zipcode, lead.WorkType):
		return failure(batiweb.CodeNotSellable, "This can't be sold")
	case s.duplicate(lead.Email):
		return failure(batiweb.CodeDuplicateLead, "Duplicate Lead")
	case s.refuseLeaseholders && lead.IsOwner == batiweb.Tenant:
		return failure(batiweb.CodeLeaseholderRefused, "Leaseholder refused")
	}
	rec := &Received{
		ID: strconv.Itoa(1000 + len(s.leads) + 1), Token: newToken(),
		Environment: env, Lead: lead, Date: time.Now(),
	}
	s.leads = append(s.leads, rec)
	return answer{"code": 0, "message": "Lead correctly imported", "id": rec.ID, "token": rec.Token}
}

func (s *Server) status(f *fieldSet) answer {
	if a := f.check([]string{"token"}, nil, nil); a != nil {
		return a
	}
	for _, l := range s.leads {
		if l.Token == f.text("token") {
			a := answer{
				"token":          l.Token,
				"date":           l.Date.In(paris.Location).Format("2006-01-02 15:04:05"),
				"supplierLeadId": l.Lead.SupplierLeadID,
			}
			if l.Status != 0 { // the document's table has no code for "not processed"
				a["status"], a["statusLabel"] = int(l.Status), l.Status.String()
			}
			return a
		}
	}
	return failure(batiweb.CodeInvalidValue, "Invalid value")
}

// newToken makes a 128-hex-digit token like the document's example.
func newToken() string {
	b := make([]byte, 64)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
