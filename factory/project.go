package factory

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/passerelle-go/passerelle/internal/phone"
	"github.com/passerelle-go/passerelle/internal/transport"
	"github.com/passerelle-go/passerelle/internal/validate"
	"github.com/passerelle-go/passerelle/internal/wire"
)

// Project is a La Factory project and its contact: every balise (wire
// field) of the tables of "Web Services CALL CENTER projet" v1.11
// (GetProject4CallCenter, CreateOrUpdateProject4CallCenter and the
// contact table), keyed by the balise as the document writes it, with the
// first letter in lower case. The document types every balise as text.
//
// A Project decoded from La Factory keeps everything it held: a number or
// a boolean where text was documented keeps its text ("budget_max":300000
// reads "300000") and goes back out as the same JSON number; a balise
// this package does not model is kept in Extra; a known balise in another
// letter case ("Type_bienED") is read into its field. La Factory's flux
// names three balises differently from the update table, and decoding
// reads both: utm_camapaign (sic) for utm_campaign, type_bienED for
// type_logementED, nature_bien for nature_logement.
type Project struct {
	// FactoryProjectID is La Factory's id of the project (if_projectid).
	FactoryProjectID string `json:"factoryprojectid"`
	// CallCenterProjectID is your id of the project (if_callcenterid),
	// required to update it.
	CallCenterProjectID string `json:"callcenterprojectid"`
	// CallCenterContactID is your id of the contact
	// (if_externalidentifier of the contact).
	CallCenterContactID string `json:"callcentercontactid"`

	// Salutation is the contact's title ("civilité").
	Salutation Salutation `json:"salutation"`
	// FirstName is the contact's first name ("prénom").
	FirstName string `json:"prenom"`
	// LastName is the contact's last name ("nom").
	LastName string `json:"nom"`
	// Email is the contact's first e-mail address.
	Email string `json:"email"`
	// Email2 is the contact's second e-mail address.
	Email2 string `json:"email2"`
	// MobilePhone is the contact's mobile phone ("téléphone mobile").
	MobilePhone string `json:"tel_mobile"`
	// HomePhone is the contact's personal phone ("téléphone personnel").
	HomePhone string `json:"tel_fixe"`
	// WorkPhone is the contact's work phone ("téléphone professionnel").
	WorkPhone string `json:"tel_professionnel"`
	// Street1 is the first line of the contact's street address ("rue 1").
	Street1 string `json:"adresse"`
	// Street2 is the second line of the street address ("rue 2").
	Street2 string `json:"adresse2"`
	// PostalCode is the contact's postal code ("code postal"); the
	// document gives no format, so a foreign code (Belgium's 7000) is
	// accepted.
	PostalCode string `json:"code_postal"`
	// City is the contact's city ("ville").
	City string `json:"ville"`
	// CityINSEE is the INSEE code of the contact's city ("code INSEE"),
	// from La Factory's INSEE referential.
	CityINSEE string `json:"insee_ville"`
	// BirthDate is the contact's birth date ("date de naissance"), aaaammjj.
	BirthDate Date `json:"date_naissance"`
	// Profession is the contact's job ("profession").
	Profession string `json:"profession"`
	// TaxAmount is the contact's income tax ("montant de l'imposition").
	TaxAmount string `json:"imposition"`
	// FirstTimeBuyer says whether the contact buys a first home ("primo
	// accédant"): oui or non.
	FirstTimeBuyer OuiNon `json:"primo_accedant"`
	// ConsentOptIn is the GDPR opt-in flag ("RGPD opt-in"): oui or non.
	ConsentOptIn OuiNon `json:"rgpdin"`
	// ConsentOptOut is the GDPR opt-out flag ("RGPD opt-out"): oui or non.
	ConsentOptOut OuiNon `json:"rgpdout"`
	// HousingSituation is the contact's current housing ("situation
	// actuelle").
	HousingSituation SituationLogement `json:"situation_logement"`

	// LeadDate is when the lead came in ("date de la demande"),
	// aaaammjjhhmmss; set at creation, never sent on update.
	LeadDate DateTime `json:"date_acquisition"`
	// ProgramCode is the programme's external id ("identifiant externe du
	// programme"), a Program's ExternalID.
	ProgramCode string `json:"code_programme"`
	// Project is what the client means to do ("projet client").
	Project ProjetImmo `json:"projet_immo"`
	// Goal is what the home is bought for ("destination du logement").
	Goal ObjectifAchat `json:"objectif_achat"`
	// Comment describes the need ("description du besoin"); it may hold
	// line breaks.
	Comment string `json:"commentaire"`
	// BudgetMax is the highest budget ("budget max"), as text.
	BudgetMax string `json:"budget_max"`
	// BudgetRange is the budget range ("fourchette budgétaire").
	BudgetRange string `json:"budget_fourchette"`
	// CallbackTime is the date (and time) of the meeting or callback the
	// contact wishes ("date souhaitée RDV").
	CallbackTime string `json:"horaire_rappel"`
	// FormName is the web form the lead came from ("nom du formulaire").
	FormName string `json:"nom_formulaire"`
	// HousingType is the type of home sought ("type de logement").
	HousingType string `json:"type_logement"`
	// HousingSurface is the floor area sought ("surface du logement").
	HousingSurface string `json:"surface_logement"`
	// HousingSize is the size of home sought ("taille du logement").
	HousingSize string `json:"taille_logement"`
	// AssetType is La Factory's asset-type code ("code type de bien",
	// flux5code); type_bienED in the flux.
	AssetType string `json:"type_logementED"`
	// AssetNature is La Factory's asset-nature code ("code nature de
	// bien", flux5code); nature_bien in the flux.
	AssetNature string `json:"nature_logement"`
	// LotCode is the lot's code ("code lot"), xxxxx_yyyy.
	LotCode LotCode `json:"code_lot"`
	// SearchedDepts is the departments sought ("départements
	// recherchés"), free text.
	SearchedDepts string `json:"dept_rech"`
	// SearchedCities is the cities sought ("villes recherchées"), free
	// text.
	SearchedCities string `json:"ville_rech"`
	// Resale says whether the project is a resale ("revente"): oui or non.
	Resale OuiNon `json:"revente"`
	// SalesRep is the project's owner ("commercial", "suivi par"): when
	// set, the e-mail of a seller holding a La Factory licence (see
	// Client.CheckSalesRep).
	SalesRep string `json:"commercial"`

	// UTMCampaign is the marketing campaign's code ("campagne").
	UTMCampaign string `json:"utm_campaign"`
	// Channel is the communication channel's code ("canal"); a creation
	// needs it or UTMAct.
	Channel string `json:"canal"`
	// UTMAct is the marketing action's code ("origine").
	UTMAct string `json:"utm_act"`
	// UTMSource is the marketing source's code ("source").
	UTMSource string `json:"utm_source"`
	// UTMMedium is the communication medium's code ("support").
	UTMMedium string `json:"utm_medium"`

	// ConclusionCode is your conclusion code ("code conclusion"), mapped
	// to La Factory's in its "code conclusion" entity (flux5 code).
	ConclusionCode string `json:"conclusioncode"`
	// Closure is the call center's closure status ("clôture call
	// center"): ACCORD, REFUS or INEXPLOITABLE.
	Closure ClotureCall `json:"cloture_call"`
	// ClosureReason is the closure's reason ("motif de clôture"); it
	// must belong to Closure.
	ClosureReason MotifCloture `json:"motif_cloture"`
	// CallCenterProgram is the programme's external id if it changed
	// during the call ("programme call center").
	CallCenterProgram string `json:"programme_call"`
	// AssignedAt is when a seller was assigned ("date d'affectation call
	// center"), aaaammjjhhmmss.
	AssignedAt DateTime `json:"attribdate_call"`
	// CallCenterComment is the call center's comment ("commentaires call
	// center"); it may hold line breaks.
	CallCenterComment string `json:"commentaire_call"`

	// Extra holds the balises La Factory sent that this package does not
	// model (and a second spelling of a known one), by their name as sent,
	// with their JSON value as sent. They are sent back by UpdateProject,
	// which replaces the whole project: a balise removed from Extra is
	// blanked in La Factory, and refused unless Clear names it. A key
	// the caller adds must not be a balise of Project or a flux alias in
	// any letter case (it would go out beside the field), and its value
	// must be valid UTF-8 JSON: Validate refuses both.
	Extra map[string]json.RawMessage `json:"-"`

	// sent holds what La Factory sent for each balise (by its name in the
	// update table, or by its name as sent for Extra), for Validate, the
	// blanking guard and the JSON type of values sent back unchanged;
	// cleared holds the balises the caller blanks on purpose.
	sent    map[string]sentValue
	cleared map[string]bool
}

// sentValue is a balise as La Factory sent it: its JSON value, and its
// text as the field read it.
type sentValue struct {
	raw  json.RawMessage
	text string
}

// fluxAliases are the flux's names for three balises.
var fluxAliases = map[string]string{"utm_camapaign": "utm_campaign", "type_bienED": "type_logementED", "nature_bien": "nature_logement"}

type baliseKind int

const (
	textBalise baliseKind = iota
	dateBalise
	dateTimeBalise
)

// balise is one field of Project and its wire name.
type balise struct {
	name  string
	index int
	kind  baliseKind
}

// balises are Project's balises in field order; byName finds one by its
// update-table name, byFold by any name (flux aliases included) in lower
// case.
var balises, byName, byFold = func() ([]balise, map[string]int, map[string]int) {
	var list []balise
	named, folded := map[string]int{}, map[string]int{}
	t := reflect.TypeOf(Project{})
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name := f.Tag.Get("json")
		if !f.IsExported() || name == "" || name == "-" {
			continue
		}
		b := balise{name: name, index: i}
		switch f.Type {
		case reflect.TypeOf(Date{}):
			b.kind = dateBalise
		case reflect.TypeOf(DateTime{}):
			b.kind = dateTimeBalise
		}
		named[name] = len(list)
		folded[strings.ToLower(name)] = len(list)
		list = append(list, b)
	}
	for alias, name := range fluxAliases {
		folded[strings.ToLower(alias)] = named[name]
	}
	return list, named, folded
}()

// get is the balise's text as it goes on the wire.
func (p *Project) get(b balise) string {
	v := reflect.ValueOf(p).Elem().Field(b.index)
	switch b.kind {
	case dateBalise:
		return v.Interface().(Date).String()
	case dateTimeBalise:
		return v.Interface().(DateTime).String()
	}
	return v.String()
}

// set reads a JSON scalar into the balise's field, keeping its text.
func (p *Project) set(b balise, raw json.RawMessage) error {
	v := reflect.ValueOf(p).Elem().Field(b.index)
	switch b.kind {
	case dateBalise:
		var d Date
		if err := d.UnmarshalJSON(raw); err != nil {
			return err
		}
		v.Set(reflect.ValueOf(d))
		return nil
	case dateTimeBalise:
		var d DateTime
		if err := d.UnmarshalJSON(raw); err != nil {
			return err
		}
		v.Set(reflect.ValueOf(d))
		return nil
	}
	s, err := wire.Text(raw)
	if err != nil {
		return err
	}
	v.SetString(s)
	return nil
}

// blank empties the balise's field.
func (p *Project) blank(b balise) {
	v := reflect.ValueOf(p).Elem().Field(b.index)
	v.Set(reflect.Zero(v.Type()))
}

// UnmarshalJSON reads a project as La Factory sends it: the update table's
// balises or the flux's, in any letter case, with any JSON scalar as a
// value; every other balise goes to Extra. It remembers what La Factory
// sent, for Validate, Clear and UpdateProject. A known balise holding an
// object or a list cannot be read and is an error naming it.
func (p *Project) UnmarshalJSON(data []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return errors.New("a project is a JSON object: " + wire.Describe(err))
	}
	if raw == nil {
		return nil // null: nothing to read, as encoding/json does
	}
	*p = Project{sent: make(map[string]sentValue, len(raw))}
	// Exact names first, then the flux's names, then the others in a
	// fixed order, so that a second spelling of a balise goes to Extra
	// rather than replacing the documented one.
	keys := make([]string, 0, len(raw))
	var aliases, others []string
	for k := range raw {
		switch _, exact := byName[k]; {
		case exact:
			keys = append(keys, k)
		case fluxAliases[k] != "":
			aliases = append(aliases, k)
		default:
			others = append(others, k)
		}
	}
	sort.Strings(others)
	keys = append(append(keys, aliases...), others...)
	for _, k := range keys {
		v := raw[k]
		if i, known := byFold[strings.ToLower(k)]; known {
			b := balises[i]
			if _, taken := p.sent[b.name]; !taken {
				if err := p.set(b, v); err != nil {
					return fmt.Errorf("balise %q %s", k, err)
				}
				p.sent[b.name] = sentValue{raw: v, text: p.get(b)}
				continue
			}
		}
		if p.Extra == nil {
			p.Extra = map[string]json.RawMessage{}
		}
		p.Extra[k] = v
		p.sent[extraKey(k)] = sentValue{raw: v}
	}
	return nil
}

// extraKey is the key of an Extra balise in Project.sent, apart from the
// known balises' names.
func extraKey(k string) string { return "\x00" + k }

// MarshalJSON writes every balise of the update table (a creation's body),
// then Extra. A value La Factory sent and the project still holds goes
// out as La Factory wrote it (a number stays a number); any other goes
// out as text.
func (p Project) MarshalJSON() ([]byte, error) { return p.encode(false) }

// encode writes the project; update leaves date_acquisition out (set at
// creation, never updated).
func (p *Project) encode(update bool) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	first := true
	write := func(key string, value []byte) {
		if !first {
			buf.WriteByte(',')
		}
		first = false
		buf.Write(wire.AppendString(nil, key))
		buf.WriteByte(':')
		buf.Write(value)
	}
	for _, b := range balises {
		if update && b.name == "date_acquisition" {
			continue
		}
		text := p.get(b)
		if s, ok := p.sent[b.name]; ok && s.text == text {
			write(b.name, s.raw)
			continue
		}
		write(b.name, wire.AppendString(nil, text))
	}
	extra := make([]string, 0, len(p.Extra))
	for k := range p.Extra {
		extra = append(extra, k)
	}
	sort.Strings(extra)
	for _, k := range extra {
		v := p.Extra[k]
		if len(bytes.TrimSpace(v)) == 0 {
			v = json.RawMessage("null")
		}
		if !json.Valid(v) {
			return nil, fmt.Errorf("balise %q of Extra is not JSON", k)
		}
		write(k, bytes.TrimSpace(v))
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// Clear blanks balises on purpose, by name ("tel_professionnel", or an
// Extra balise's name), for UpdateProject: without it, UpdateProject
// refuses to blank a balise La Factory sent, since La Factory would blank
// it too. A known balise is matched in any letter case. It returns p for
// chaining.
func (p *Project) Clear(names ...string) *Project {
	if p.cleared == nil {
		p.cleared = map[string]bool{}
	}
	for _, n := range names {
		if i, ok := byFold[strings.ToLower(n)]; ok {
			b := balises[i]
			p.blank(b)
			p.cleared[b.name] = true
			continue
		}
		delete(p.Extra, n)
		p.cleared[extraKey(n)] = true
	}
	return p
}

// AsNew returns a copy of p as a new project for CreateProject: without
// its factoryprojectid and without the memory of what La Factory sent, so
// that every value is checked. Extra is copied.
func (p *Project) AsNew() *Project {
	q := *p
	q.FactoryProjectID = ""
	q.sent, q.cleared = nil, nil
	if p.Extra != nil {
		q.Extra = make(map[string]json.RawMessage, len(p.Extra))
		for k, v := range p.Extra {
			q.Extra[k] = append(json.RawMessage(nil), v...)
		}
	}
	return &q
}

// multiline are the comment-like balises, the only ones that may hold
// line breaks.
var multiline = map[string]bool{"commentaire": true, "commentaire_call": true}

// Validate checks the project and reports every problem at once. A
// project without a factoryprojectid is a creation: it needs canal or
// utm_act, and every value is checked. A project with one is an update:
// it needs callcenterprojectid; a value La Factory sent and the project
// still holds is not checked (La Factory holds it already, and refusing it
// would make a project with one odd value, a tel_mobile of "n/c",
// impossible to update), and a balise La Factory sent may not be blanked
// unless Clear names it. The checks of a value the caller set: text is
// valid UTF-8 without control characters (line breaks only in commentaire
// and commentaire_call); e-mails are addresses; phones, the INSEE code,
// the lot code and dates are well formed; listed values are the
// document's; a closure reason belongs to its closure; a key added to
// Extra is no balise's other spelling, and its value is valid UTF-8 JSON.
func (p *Project) Validate() error {
	if p.FactoryProjectID == "" {
		return p.check("create")
	}
	return p.check("update")
}

// changed reports whether the caller set the balise: a value La Factory
// did not send, or one it sent and the project no longer holds. For a
// project built by hand, every non-empty value.
func (p *Project) changed(name string) bool {
	v := p.get(balises[byName[name]])
	s, ok := p.sent[name]
	if !ok {
		return v != ""
	}
	return v != s.text
}

func (p *Project) check(op string) error {
	var l validate.List
	update := op == "update"
	if update {
		l.Required("factoryprojectid", p.FactoryProjectID)
		l.Required("callcenterprojectid", p.CallCenterProjectID)
	} else if strings.TrimSpace(p.Channel) == "" && strings.TrimSpace(p.UTMAct) == "" {
		l.Add("canal", "canal or utm_act is required to create a project")
	}
	var fresh validate.List // the checks of values the caller set
	for _, b := range balises {
		v := p.get(b)
		if v == "" || !p.changed(b.name) {
			continue
		}
		if !fresh.Text(b.name, v, multiline[b.name]) {
			continue
		}
		switch b.name {
		case "commercial", "email", "email2":
			fresh.Check(!validate.Email(v), b.name, "is not an e-mail address")
		case "tel_mobile", "tel_fixe", "tel_professionnel":
			fresh.Check(!phone.Valid(v, phone.DefaultRegion), b.name, "is not a phone number")
		case "insee_ville":
			fresh.Check(!ValidINSEE(v), b.name, "is not an INSEE code (5 digits, or 2A/2B and 3 digits)")
		case "code_lot":
			fresh.Check(p.LotCode.Validate() != nil, b.name, "is not xxxxx_yyyy")
		case "date_naissance":
			fresh.Check(!p.BirthDate.Valid(), b.name, "is not aaaammjj")
		case "date_acquisition":
			fresh.Check(!p.LeadDate.Valid(), b.name, "is not aaaammjjhhmmss")
		case "attribdate_call":
			fresh.Check(!p.AssignedAt.Valid(), b.name, "is not aaaammjjhhmmss")
		case "salutation":
			fresh.Check(!p.Salutation.Valid(), b.name, "is not one of the document's values")
		case "situation_logement":
			fresh.Check(!p.HousingSituation.Valid(), b.name, "is not one of the document's values")
		case "projet_immo":
			fresh.Check(!p.Project.Valid(), b.name, "is not one of the document's values")
		case "objectif_achat":
			fresh.Check(!p.Goal.Valid(), b.name, "is not one of the document's values")
		case "primo_accedant", "rgpdin", "rgpdout", "revente":
			fresh.Check(!OuiNon(v).Valid(), b.name, "is not one of the document's values")
		case "cloture_call":
			fresh.Check(!p.Closure.Valid(), b.name, "is not one of the document's values")
		case "motif_cloture":
			fresh.Check(!p.ClosureReason.Valid(), b.name, "is not one of the document's values")
		}
	}
	for k, v := range p.Extra {
		s, sent := p.sent[extraKey(k)]
		if sent && bytes.Equal(bytes.TrimSpace(v), bytes.TrimSpace(s.raw)) {
			continue
		}
		_, known := byFold[strings.ToLower(k)]
		switch {
		case !fresh.Text(k, k, false):
		case known && !sent:
			// A second spelling of a balise would go out beside it, and
			// La Factory would read one of the two: set the field instead.
			fresh.Add(k, "is a balise of the project in another spelling; set its field rather than Extra")
		case !utf8.Valid(v):
			fresh.Add(k, "is not valid UTF-8")
		case len(bytes.TrimSpace(v)) > 0 && !json.Valid(v):
			fresh.Add(k, "is not JSON")
		default:
			if why := jsonTextProblem(v); why != "" {
				fresh.Add(k, why)
			}
		}
	}
	l = append(l, fresh...)
	if p.changed("motif_cloture") || p.changed("cloture_call") {
		switch {
		case p.ClosureReason != "" && p.Closure == "":
			l.Add("cloture_call", "is required with motif_cloture")
		case p.ClosureReason.Valid() && p.Closure.Valid() && p.ClosureReason.Closure() != p.Closure:
			l.Add("motif_cloture", "does not belong to closure "+string(p.Closure))
		}
	}
	if update {
		l = append(l, p.blanked()...)
	}
	return validationError(op, l)
}

// jsonTextProblem checks every text in a JSON value the caller set (its
// strings and its members' names) as validate.TextProblem does (line
// breaks allowed), and refuses an escape that is no character (a lone
// surrogate, which decoding turns into U+FFFD).
func jsonTextProblem(v json.RawMessage) string {
	if len(bytes.TrimSpace(v)) == 0 {
		return ""
	}
	dec := json.NewDecoder(bytes.NewReader(v))
	dec.UseNumber()
	var x any
	if dec.Decode(&x) != nil {
		return "is not JSON"
	}
	replaced := !bytes.ContainsRune(v, utf8.RuneError) && !bytes.Contains(bytes.ToLower(v), []byte(`\ufffd`))
	var walk func(any) string
	check := func(s string) string {
		if replaced && strings.ContainsRune(s, utf8.RuneError) {
			return "holds an escape that is not a character (a lone surrogate)"
		}
		return validate.TextProblem(s, true)
	}
	walk = func(x any) string {
		switch x := x.(type) {
		case string:
			return check(x)
		case []any:
			for _, e := range x {
				if why := walk(e); why != "" {
					return why
				}
			}
		case map[string]any:
			for k, e := range x {
				if why := check(k); why != "" {
					return why
				}
				if why := walk(e); why != "" {
					return why
				}
			}
		}
		return ""
	}
	return walk(x)
}

// blanked lists the balises La Factory sent with a value that the update
// would blank without Clear naming them.
func (p *Project) blanked() validate.List {
	var names []string
	for key, s := range p.sent {
		if p.cleared[key] || key == "date_acquisition" {
			continue
		}
		if name, extra := strings.CutPrefix(key, "\x00"); extra {
			if t, err := wire.Text(s.raw); err == nil && t == "" {
				continue // La Factory sent it empty
			}
			v, ok := p.Extra[name]
			if t, err := wire.Text(v); !ok || err == nil && t == "" {
				names = append(names, name)
			}
			continue
		}
		if s.text != "" && p.get(balises[byName[key]]) == "" {
			names = append(names, key)
		}
	}
	sort.Strings(names)
	var l validate.List
	for _, n := range names {
		l.Add(n, "La Factory sent a value and the update would blank it; call Clear(\""+n+"\") to blank it on purpose")
	}
	return l
}

// CreateProject creates a project (and its contact) in La Factory
// (CreateOrUpdateProject4CallCenter). It needs Channel (canal) or UTMAct
// (utm_act). FactoryProjectID must be empty: an id La Factory knows would
// make this call an update.
//
// Not idempotent: a second send creates a second project, so the call is
// retried only when it cannot have reached La Factory, or on 429 and 503.
// For the same reason, an error that is not ErrRejected (no answer, or an
// answer without a factoryprojectid: ErrMalformedResponse) leaves open
// whether the project was created: look for it before sending it again.
func (c *Client) CreateProject(ctx context.Context, p *Project) (*Result, error) {
	if p == nil {
		return nil, nilArgument("create", "project")
	}
	if p.FactoryProjectID != "" {
		return nil, &ValidationError{Op: "create", Fields: []FieldError{{Field: "factoryprojectid", Problem: "must be empty to create; use UpdateProject"}}}
	}
	if err := p.check("create"); err != nil {
		return nil, err
	}
	body, err := p.encode(false)
	if err != nil {
		return nil, &Error{Op: string(opCreateOrUpdate), Err: err}
	}
	return c.result(ctx, opCreateOrUpdate, transport.NotIdempotent, body)
}

// UpdateProject replaces the project in La Factory with p
// (CreateOrUpdateProject4CallCenter).
//
// La Factory's rule: an update replaces the whole project, and a balise
// it sent that the update does not send back is blanked. So UpdateProject
// always sends every balise of p, Extra included, and there is no partial
// update: change the project NextProject returned and send it whole. A
// balise La Factory sent that p no longer holds is refused by Validate
// unless Clear named it. date_acquisition is never sent: La Factory keeps
// the creation date.
//
// When La Factory does not know the factoryprojectid, it creates a new
// project (section 3.3.3.1 of the document): UpdateProject then returns
// the Result (Created true, the new id) with an *Error wrapping
// ErrProjectCreated that carries the same Result.
//
// Not idempotent: because an unknown id creates a project, a second send
// after a lost answer could create two, so the call is retried only when
// it cannot have reached La Factory, or on 429 and 503.
func (c *Client) UpdateProject(ctx context.Context, p *Project) (*Result, error) {
	if p == nil {
		return nil, nilArgument("update", "project")
	}
	if err := p.check("update"); err != nil {
		return nil, err
	}
	body, err := p.encode(true)
	if err != nil {
		return nil, &Error{Op: string(opCreateOrUpdate), Err: err}
	}
	res, err := c.result(ctx, opCreateOrUpdate, transport.NotIdempotent, body)
	if err != nil {
		return nil, err
	}
	// La Factory's ids are GUID-like: the same id may come back in
	// another letter case.
	if !strings.EqualFold(strings.TrimSpace(res.FactoryProjectID), strings.TrimSpace(p.FactoryProjectID)) {
		res.Created = true
		r := c.http.Redactor()
		return res, &Error{Op: string(opCreateOrUpdate), Result: res, Err: fmt.Errorf("%w: sent factoryprojectid %q, new project %q",
			ErrProjectCreated, r.Message(p.FactoryProjectID), r.Message(res.FactoryProjectID))}
	}
	return res, nil
}

// NextProject takes the next project waiting for the call center
// (GetProject4CallCenter): a project from an import flow, not a partner's
// denunciation, that carries no call-center id yet. Each call hands out a
// different project; ErrNoProject (wrapped in an *Error) says none waits.
// Acknowledge the project next, so that La Factory records your id.
//
// La Factory marks a project as sent when it answers, so nothing it hands
// out is dropped: a project that cannot be decoded is returned as an
// *Error wrapping ErrMalformedResponse whose Raw holds its JSON, and when
// an answer holds several projects (the document says one), the client
// keeps the others and the next calls return them, in order, without a
// request: [Client.Buffered] counts them. A program that stops taking
// projects calls NextProject while Buffered is above zero, so that none
// is left in memory (La Factory has marked them as sent). An answer that
// refuses the request (an erCode or erMessage) may still carry a project:
// the *Error's Raw holds the whole answer.
//
// Not idempotent: La Factory hands a project out once, so a retry after
// the answer was lost would skip it. The call is retried only when it
// cannot have reached La Factory, or on 429 and 503.
func (c *Client) NextProject(ctx context.Context) (*Project, error) {
	if h, ok := c.queue.pop(); ok {
		return h.p, h.err
	}
	a, err := c.call(ctx, GetProject4CallCenter, transport.NotIdempotent, nil)
	if err != nil {
		return nil, err
	}
	var items []json.RawMessage
	var list []json.RawMessage
	if json.Unmarshal(a.payload, &list) == nil {
		for _, item := range list {
			items = append(items, json.RawMessage(unwrapString(item)))
		}
	} else {
		items = []json.RawMessage{a.payload}
	}
	var out []handedOut
	for _, item := range items {
		if isEmpty(item) {
			continue
		}
		out = append(out, c.decodeProject(a, item))
	}
	if len(out) == 0 {
		return nil, &Error{Op: string(GetProject4CallCenter), StatusCode: a.status, URL: a.url, Err: ErrNoProject}
	}
	c.queue.push(out[1:])
	return out[0].p, out[0].err
}

// decodeProject reads one project La Factory handed out; one it cannot
// read is an *Error holding its JSON in Raw.
func (c *Client) decodeProject(a *answer, item json.RawMessage) handedOut {
	fail := func(why string) handedOut {
		return handedOut{err: &Error{Op: string(GetProject4CallCenter), StatusCode: a.status, URL: a.url,
			Raw: append(json.RawMessage(nil), item...), Err: malformed("La Factory handed out a project that could not be decoded (" + why + "); its JSON is in Error.Raw")}}
	}
	var p Project
	if err := json.Unmarshal(item, &p); err != nil {
		return fail(c.http.Redactor().Message(wire.Describe(err)))
	}
	if strings.TrimSpace(p.FactoryProjectID) == "" {
		return fail("it has no factoryprojectid")
	}
	return handedOut{p: &p}
}

// Buffered is how many projects (or errors holding one) La Factory
// handed out in an earlier answer that NextProject keeps and returns next,
// without a request. They are marked as sent in La Factory: take them
// all with NextProject before the Client is dropped.
func (c *Client) Buffered() int {
	c.queue.mu.Lock()
	defer c.queue.mu.Unlock()
	return len(c.queue.pending)
}

func (q *queue) pop() (handedOut, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.pending) == 0 {
		return handedOut{}, false
	}
	h := q.pending[0]
	q.pending = q.pending[1:]
	return h, true
}

func (q *queue) push(hs []handedOut) {
	if len(hs) == 0 {
		return
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	q.pending = append(q.pending, hs...)
}

// isEmpty reports an absent project: nothing, null, "" or {}.
func isEmpty(b json.RawMessage) bool {
	switch string(bytes.TrimSpace(b)) {
	case "", "null", `""`, "{}":
		return true
	}
	return false
}
