package divalto

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/passerelle-go/passerelle/internal/transport"
	"github.com/passerelle-go/passerelle/internal/validate"
	"github.com/passerelle-go/passerelle/internal/wire"
)

// ProspectService is the WHK_Prospect webhook: client.Prospects.
type ProspectService struct{ c *Client }

// GetOptions choose what Get returns.
type GetOptions struct {
	// ResultType is Simple (when empty), Extended, or ExtendedRelated,
	// which adds Prospect.Related.
	ResultType ResultType
	// Indicators asks for the prospect's indicators (settings
	// getIndicators), in Prospect.Indicators.
	Indicators bool
}

type settingsParam struct {
	GetIndicators string `json:"getIndicators,omitempty"`
}

func indicators(on bool) *settingsParam {
	if on {
		return &settingsParam{GetIndicators: "1"}
	}
	return nil
}

type codeOnly struct {
	Prospect struct {
		Code string `json:"codeprospect"`
	} `json:"prospect"`
}

func byCode(code string) codeOnly {
	var d codeOnly
	d.Prospect.Code = code
	return d
}

// Get reads one prospect (verb GET). A prospect weavy does not have is
// ErrNotFound. A code that is blank, invalid UTF-8 or holds a control
// character is refused before sending (a *ValidationError naming
// codeprospect): sent, it would name another prospect. The prospect remembers what weavy sent: written back with
// Put, its values are sent as they were read and never refused by
// validation.
//
// GET is Idempotent (a read): it is retried after a lost answer.
func (s *ProspectService) Get(ctx context.Context, code string, opts GetOptions) (*Prospect, error) {
	var l validate.List
	_ = l.Required("codeprospect", code) && l.Text("codeprospect", code, false)
	rt := opts.ResultType
	if rt == "" {
		rt = Simple
	}
	l.Check(!rt.Valid(), "resultType", "is not simple, extended or extendedRelated")
	if err := validationError("get", l); err != nil {
		return nil, err
	}
	params := struct {
		ResultType ResultType     `json:"resultType"`
		Settings   *settingsParam `json:"settings,omitempty"`
	}{rt, indicators(opts.Indicators)}
	r, err := s.c.call(ctx, "get", transport.Idempotent, VerbGet, params, byCode(code))
	if err != nil {
		return nil, err
	}
	ps, other, err := r.prospects()
	if err != nil {
		return nil, &Error{Op: "get", Verb: VerbGet, StatusCode: http.StatusOK, Raw: r.body, Err: err}
	}
	for _, p := range ps {
		if strings.EqualFold(p.Code, code) || len(ps) == 1 && p.Code == "" { // weavy matches codes without case
			p.OtherIndicators = other
			return p, nil
		}
	}
	// Raw keeps what weavy answered (other prospects): nothing is lost.
	return nil, &Error{Op: "get", Verb: VerbGet, StatusCode: http.StatusOK, Message: "no prospect " + strconv.Quote(code) + " in the answer",
		Raw: r.body, Err: ErrNotFound}
}

// prospects reads the data section's prospects ("prospect": an object or
// an array; or "prospects"), its "related" records and "indicators",
// which it attaches to the prospect they name (prospect_ID). Each
// prospect keeps its own text as weavy sent it, for Validate.
//
// Indicators that name no prospect of the answer are returned in other,
// so that nothing weavy sent is lost.
func (r *reply) prospects() (ps []*Prospect, other []*Indicators, err error) {
	raw, ok := r.data["prospect"]
	if !ok {
		raw = r.data["prospects"]
	}
	decode := func(v string) (*Prospect, error) {
		p := new(Prospect)
		// A copy of the prospect's own text: its strings are substrings of
		// it, and it does not hold the page's other prospects alive.
		if err := prospectCodec.decodeValid(strings.Clone(v), p, true); err != nil {
			return nil, fmt.Errorf("%w: %w", ErrMalformedResponse, err)
		}
		return p, nil
	}
	switch firstByte(raw) {
	case 0, 'n':
	case '{':
		p, err := decode(raw)
		if err != nil {
			return nil, nil, err
		}
		if p.Code != "" || len(p.Extra) > 0 || p.fields.st.present != (fieldSet{}) {
			ps = append(ps, p)
		}
	case '[':
		err := eachElement(raw, func(i int, v string) error {
			switch v[0] {
			case 'n':
				return nil
			case '{':
				p, err := decode(v)
				if err == nil {
					ps = append(ps, p)
				}
				return err
			}
			return fmt.Errorf("%w: prospect[%d] is not an object", ErrMalformedResponse, i)
		})
		if err != nil {
			return nil, nil, err
		}
	default:
		return nil, nil, fmt.Errorf("%w: prospect is neither an object nor an array", ErrMalformedResponse)
	}
	if raw := r.data["related"]; firstByte(raw) == '[' || firstByte(raw) == '{' {
		rel, err := records[Related](raw, relatedCodec)
		if err != nil {
			return nil, nil, err
		}
		if len(ps) == 1 && len(rel) > 0 {
			ps[0].Related = rel[0]
		}
	}
	if raw := r.data["indicators"]; firstByte(raw) == '[' || firstByte(raw) == '{' {
		ind, err := records[Indicators](raw, indicatorsCodec)
		if err != nil {
			return nil, nil, err
		}
		for _, x := range ind {
			matched := false
			for _, p := range ps {
				// weavy matches codes without case, as Get does.
				if strings.EqualFold(x.Prospect, p.Code) && x.Prospect != "" || len(ps) == 1 && x.Prospect == "" {
					p.Indicators, matched = x, true
				}
			}
			if !matched {
				other = append(other, x)
			}
		}
	}
	return ps, other, nil
}

// records decodes an object or an array of objects (nulls skipped).
func records[T any](raw string, c *codec) ([]*T, error) {
	var out []*T
	one := func(i int, v string) error {
		switch v[0] {
		case 'n':
			return nil
		case '{':
			x := new(T)
			if err := c.decodeValid(strings.Clone(v), x, false); err != nil {
				return fmt.Errorf("%w: %w", ErrMalformedResponse, err)
			}
			out = append(out, x)
			return nil
		}
		return fmt.Errorf("%w: %s[%d] is not an object", ErrMalformedResponse, c.wire, i)
	}
	if firstByte(raw) == '{' {
		return out, one(0, strings.TrimSpace(raw))
	}
	return out, eachElement(raw, one)
}

func firstByte(s string) byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return c
		}
	}
	return 0
}

// Filters are LIST's filters; weavy ANDs the ones set. An equality
// filter takes several values as AnyOf("a", "b") ("a|b"), and Null
// ("null") for a field that is not set (IS NULL).
type Filters struct {
	// Code is codeProspect: the prospect's code equals it.
	Code string `json:"codeProspect,omitempty"`
	// Name is name: the prospect's name contains it.
	Name string `json:"name,omitempty"`
	// Family is codeProspectFamily: the prospect's family code equals it.
	Family string `json:"codeProspectFamily,omitempty"`
	// Country is codeCountry: the prospect's country code equals it.
	Country string `json:"codeCountry,omitempty"`
	// BaseUser is codeBaseuser: the code of the user in charge equals it.
	BaseUser string `json:"codeBaseuser,omitempty"`
	// BranchOffice is codeBranchoffice: the branch office's code equals
	// it.
	BranchOffice string `json:"codeBranchoffice,omitempty"`
	// Email is email: the e-mail address equals it.
	Email string `json:"email,omitempty"`
	// EmailDomain is emailDomain: the e-mail address ends with it
	// ("@example.fr").
	EmailDomain string `json:"emailDomain,omitempty"`
	// SiretNumber is siretNumber: the SIRET number equals it.
	SiretNumber string `json:"siretNumber,omitempty"`
	// City is city: the city starts with it.
	City string `json:"city,omitempty"`
	// NotClosedBefore keeps the prospects not closed, or closed after
	// this time (closedDate is null OR closedDate > value).
	NotClosedBefore time.Time `json:"-"`
}

// Null is the filter value that matches a field that is not set.
const Null = "null"

// AnyOf is an equality filter matching any of the values: "a|b|c". A
// value must not hold "|".
func AnyOf(values ...string) string { return strings.Join(values, "|") }

// MarshalJSON writes the filters set, NotClosedBefore in DateTimeLayout.
func (f Filters) MarshalJSON() ([]byte, error) {
	type plain Filters
	b, err := json.Marshal(plain(f))
	if err != nil || f.NotClosedBefore.IsZero() {
		return b, err
	}
	v := f.NotClosedBefore.In(Paris).Format(DateTimeLayout)
	if len(b) > 2 {
		b[len(b)-1] = ','
	} else {
		b = b[:1]
	}
	return append(wire.AppendString(append(b, `"notClosedBefore":`...), v), '}'), nil
}

// ListOptions choose a LIST page.
type ListOptions struct {
	// Type is listType: Simple (when empty) or Extended;
	// ExtendedRelated is not allowed in a list.
	Type ResultType
	// Page is pageNumber, from 1 (1 when 0). All starts there. The page
	// size is a weavy setting (10 by default).
	Page int
	// Filters are filters, ANDed.
	Filters Filters
	// OrderBy is orderBy: "" (weavy's order) or NameAsc.
	OrderBy OrderBy
	// TopRows limits the prospects listed in all (0: no limit).
	TopRows int
	// Indicators asks for each prospect's indicators (getIndicators).
	Indicators bool
}

func (o *ListOptions) params(page int) (any, error) {
	var l validate.List
	t := o.Type
	if t == "" {
		t = Simple
	}
	l.Check(t != Simple && t != Extended, "listType", "is not simple or extended")
	l.Check(o.Page < 0, "pageNumber", "is negative")
	l.Check(o.TopRows < 0, "topRows", "is negative")
	l.Check(o.OrderBy != "" && !o.OrderBy.Valid(), "orderBy", "is not nameAsc")
	f := &o.Filters
	for _, filter := range [...]struct{ name, value string }{
		{"codeProspect", f.Code}, {"name", f.Name}, {"codeProspectFamily", f.Family}, {"codeCountry", f.Country},
		{"codeBaseuser", f.BaseUser}, {"codeBranchoffice", f.BranchOffice}, {"email", f.Email},
		{"emailDomain", f.EmailDomain}, {"siretNumber", f.SiretNumber}, {"city", f.City},
	} {
		l.Text("filters."+filter.name, filter.value, false)
	}
	if err := validationError("list", l); err != nil {
		return nil, err
	}
	p := struct {
		ListType   ResultType     `json:"listType"`
		PageNumber int            `json:"pageNumber"`
		Settings   *settingsParam `json:"settings,omitempty"`
		Filters    Filters        `json:"filters"`
		OrderBy    OrderBy        `json:"orderBy,omitempty"`
		TopRows    int            `json:"topRows,omitempty"`
	}{t, max(page, 1), indicators(o.Indicators), o.Filters, o.OrderBy, o.TopRows}
	return p, nil
}

// Page is one LIST page.
type Page struct {
	// Prospects is the page's prospects, in weavy's order.
	Prospects []*Prospect
	// Number is pageNumber: weavy's, or the one asked for.
	Number int
	// MaxPage is the answer's maxPageNumber, the last page; 0 when weavy
	// did not say.
	MaxPage int
	// OtherIndicators is the answer's indicators that name (prospect_ID,
	// case ignored) no prospect of the page, kept so that nothing weavy
	// sent is lost.
	OtherIndicators []*Indicators
}

// List reads one page of prospects (verb LIST).
//
// LIST is Idempotent (a read): it is retried after a lost answer.
func (s *ProspectService) List(ctx context.Context, opts ListOptions) (*Page, error) {
	return s.list(ctx, &opts, max(opts.Page, 1))
}

func (s *ProspectService) list(ctx context.Context, opts *ListOptions, page int) (*Page, error) {
	params, err := opts.params(page)
	if err != nil {
		return nil, err
	}
	r, err := s.c.call(ctx, "list", transport.Idempotent, VerbList, params, nil)
	if err != nil {
		return nil, err
	}
	ps, other, err := r.prospects()
	if err != nil {
		return nil, &Error{Op: "list", Verb: VerbList, StatusCode: http.StatusOK, Raw: r.body, Err: err}
	}
	if r.page > 0 {
		page = r.page
	}
	return &Page{Prospects: ps, Number: page, MaxPage: r.maxPage, OtherIndicators: other}, nil
}

// All lists every prospect, page after page from opts.Page up to the
// answers' maxPageNumber (or up to an empty page when weavy does not
// send one). Only one page is held at a time. The first error ends the
// sequence; a page answered twice (weavy ignoring pageNumber) is
// ErrMalformedResponse rather than an endless loop.
//
// Each page is a LIST, Idempotent (a read): it is retried after a lost
// answer.
func (s *ProspectService) All(ctx context.Context, opts ListOptions) iter.Seq2[*Prospect, error] {
	return func(yield func(*Prospect, error) bool) {
		var previous string
		for page := max(opts.Page, 1); ; page++ {
			p, err := s.list(ctx, &opts, page)
			if err != nil {
				yield(nil, err)
				return
			}
			if len(p.Prospects) == 0 {
				return
			}
			first := p.Prospects[0].Code
			if page > max(opts.Page, 1) && first != "" && first == previous {
				yield(nil, &Error{Op: "list", Verb: VerbList, StatusCode: http.StatusOK,
					Err: fmt.Errorf("%w: page %d repeats page %d", ErrMalformedResponse, page, page-1)})
				return
			}
			previous = first
			// The page's indicators naming none of its prospects stay
			// reachable on its first prospect.
			p.Prospects[0].OtherIndicators = append(p.Prospects[0].OtherIndicators, p.OtherIndicators...)
			for i, pr := range p.Prospects {
				p.Prospects[i] = nil // the caller holds what it keeps
				if !yield(pr, nil) {
					return
				}
			}
			if p.MaxPage > 0 && page >= p.MaxPage {
				return
			}
		}
	}
}

// Result is what happened to one record of a Put, and what resending it
// would do.
type Result int

const (
	// Done: weavy took the record's batch.
	Done Result = iota + 1
	// Refused: weavy refused the record's batch; sending it again
	// unchanged fails again.
	Refused
	// NotSent: the record was never sent (an earlier batch failed, or the
	// context ended first), or weavy answered that it did not take it
	// (408, 425, 429, 503); sending it is safe.
	NotSent
	// Uncertain: the batch was sent but no answer proves what happened
	// (the connection dropped, the answer could not be read). For
	// WHK_Prospect a resend is harmless: PUT writes by code (WebHook
	// Prospect (V5.7), verb PUT: codeprospect and codeprospectuser are
	// globally unique codes; weavy creates the record it does not have and
	// updates the one it has, and creates an individual's main contact
	// only "s'il n'existe pas encore", if none exists yet), so a second
	// identical PUT leaves weavy as the first one did.
	Uncertain
)

// String is "done", "refused", "not sent" or "uncertain".
func (r Result) String() string {
	switch r {
	case Done:
		return "done"
	case Refused:
		return "refused"
	case NotSent:
		return "not sent"
	case Uncertain:
		return "uncertain"
	}
	return "Result(" + strconv.Itoa(int(r)) + ")"
}

// Outcome is one record's fate in a Put.
type Outcome struct {
	// Index is the record's index in Put's arguments.
	Index int
	// Code is its prospect's code.
	Code string
	// Batch is the PUT request it was in, from 0.
	Batch int
	// Result is what happened to it.
	Result Result
	// Err is why, when the Result is not Done.
	Err error
}

// Put writes prospects and their linked users (verb PUT), at most
// WithMaxPerPut records per request, in order. weavy creates a prospect
// whose code it does not have, with the customer type CTP unless one is
// given, and updates the others with the fields sent (see Prospect for
// which are). For an individual (IsIndividual) weavy then creates or
// updates the prospect's main contact.
//
// Every record is validated first (see [Prospect.Validate]): one invalid
// value the caller set anywhere and nothing is sent (a *ValidationError
// naming each field as records[i].prospect.name); a value read from
// weavy and sent back unchanged is never refused. A user's prospect_ID is
// filled with its prospect's code, generic-type references given as a
// bare code are qualified with their field's data type ("FR" is sent as
// "COUNTRY-FR"), and GET's generictype_ID_prospectPotential is sent as
// PUT's generictype_ID_customerPotential; the records given are not
// changed.
//
// Put returns one Outcome per record, in order. It stops at the first
// batch that fails and returns that batch's error; the records after it
// are NotSent.
//
// PUT is Idempotent: weavy writes by code, so a second send of a batch
// leaves weavy as the first one did (see Uncertain), and a batch is
// retried after a lost answer.
func (s *ProspectService) Put(ctx context.Context, records ...ProspectRecord) ([]Outcome, error) {
	var l validate.List
	seen := map[string]int{}
	for i := range records {
		prefix := "records[" + strconv.Itoa(i) + "]."
		records[i].check(&l, prefix)
		if p := records[i].Prospect; p != nil && p.Code != "" {
			if j, dup := seen[p.Code]; dup {
				l.Add(prefix+"prospect.codeprospect", "is also records["+strconv.Itoa(j)+"]'s")
			}
			seen[p.Code] = i
		}
	}
	l.Check(len(records) == 0, "records", "is empty")
	if err := validationError("put", l); err != nil {
		return nil, err
	}
	out := make([]Outcome, len(records))
	var firstErr error
	for start, batch := 0, 0; start < len(records); start, batch = start+s.c.maxPerPut, batch+1 {
		end := min(start+s.c.maxPerPut, len(records))
		result, err := Done, error(nil)
		if firstErr != nil {
			result, err = NotSent, ErrEarlierBatchFailed
		} else if err = s.putBatch(ctx, "put", transport.Idempotent, records[start:end]); err != nil {
			result, firstErr = resultOf(err), err
		}
		for i := start; i < end; i++ {
			out[i] = Outcome{Index: i, Code: records[i].Prospect.Code, Batch: batch, Result: result, Err: err}
		}
	}
	return out, firstErr
}

func (s *ProspectService) putBatch(ctx context.Context, op string, kind transport.Kind, records []ProspectRecord) error {
	wire := make([]ProspectRecord, len(records))
	for i, r := range records {
		p := *r.Prospect
		p.putForm()
		users := make([]ProspectUser, len(r.Users))
		for j, u := range r.Users {
			if u.Prospect == "" {
				u.Prospect = p.Code
			}
			prospectUserCodec.qualify(&u)
			users[j] = u
		}
		wire[i] = ProspectRecord{Prospect: &p, Users: users}
	}
	var data any = wire
	if len(wire) == 1 {
		data = wire[0] // the document's form of a single record
	}
	_, err := s.c.call(ctx, op, kind, VerbPut, nil, data)
	return err
}

// qualify gives every bare reference of the record v points to its
// field's data type.
func (c *codec) qualify(v any) {
	rv := reflect.ValueOf(v).Elem()
	for _, f := range c.fields {
		if f.dataType == "" || f.kind != kRef {
			continue
		}
		r := rv.Field(f.index).Addr().Interface().(*Ref)
		*r = r.Qualified(f.dataType)
	}
}

// notTaken are the statuses that say the request was not taken, so that
// resending it is safe: 408 (the server gave up waiting for the request),
// 425 (too early: not processed), 429 (rate limited) and 503 (not
// available).
var notTaken = map[int]bool{
	http.StatusRequestTimeout: true, http.StatusTooEarly: true,
	http.StatusTooManyRequests: true, http.StatusServiceUnavailable: true,
}

// resultOf tells from a batch's error whether it may have been written.
func resultOf(err error) Result {
	var e *Error
	switch {
	case errors.As(err, &e) && notTaken[e.StatusCode]:
		return NotSent
	case errors.As(err, &e) && e.StatusCode >= 400 && e.StatusCode < 500, errors.Is(err, ErrRejected):
		return Refused
	case transport.NothingSent(err):
		return NotSent
	}
	return Uncertain
}

// Delete deletes a prospect (verb DELETE); weavy deletes its linked
// users with it, by cascade. A code that is blank, invalid UTF-8 or holds
// a control character is refused before sending (a *ValidationError
// naming codeprospect): "P\xff1" would go out as "P\ufffd1", another
// prospect.
//
// DELETE is NotIdempotent: it is retried only when nothing reached weavy.
// A second DELETE of a prospect the first one deleted would be answered
// as an error (no such prospect), hiding that the delete happened.
func (s *ProspectService) Delete(ctx context.Context, code string) error {
	var l validate.List
	_ = l.Required("codeprospect", code) && l.Text("codeprospect", code, false)
	if err := validationError("delete", l); err != nil {
		return err
	}
	_, err := s.c.call(ctx, "delete", transport.NotIdempotent, VerbDelete, nil, byCode(code))
	return err
}

// CustomerTypeProspect is the customer type of a prospect (CTP); a
// suspect is CUSTOMER_TYPE-CTSUS.
var CustomerTypeProspect = NewRef("CUSTOMER_TYPE", "CTP")

// Recode turns the suspect fromCode into the prospect toCode (WebHook
// Prospect (V5.7), "Exemple de recodification d'un suspect en prospect"):
// a PUT of the prospect toCode, named name, of customer type CTP, whose
// internalcodeprospect is fromCode. weavy keeps the suspect's data and
// links under the new code.
//
// Recode is NotIdempotent: it is retried only when nothing reached weavy.
// After a first recode the suspect fromCode is gone and toCode exists; the
// document does not say what weavy makes of a second one.
func (s *ProspectService) Recode(ctx context.Context, fromCode, toCode, name string) error {
	p := &Prospect{Code: toCode, Name: name, CustomerType: CustomerTypeProspect, InternalCode: fromCode}
	var l validate.List
	p.check(&l, "prospect.")
	l.Required("prospect.name", name) // the recodification example names the prospect
	l.Required("prospect.internalcodeprospect", fromCode)
	if err := validationError("recode", l); err != nil {
		return err
	}
	return s.putBatch(ctx, "recode", transport.NotIdempotent, []ProspectRecord{{Prospect: p}})
}

// Definition asks weavy for the webhook's definition (verb DEFINITION)
// and returns the data section as weavy sent it; WebHook Prospect (V5.7)
// does not describe it.
//
// DEFINITION is Idempotent (a read): it is retried after a lost answer.
func (s *ProspectService) Definition(ctx context.Context) (json.RawMessage, error) {
	r, err := s.c.call(ctx, "definition", transport.Idempotent, VerbDefinition, nil, nil)
	if err != nil {
		return nil, err
	}
	m := make(map[string]json.RawMessage, len(r.data))
	for k, v := range r.data {
		m[k] = json.RawMessage(v)
	}
	return json.Marshal(m)
}
