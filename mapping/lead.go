package mapping

import (
	"strings"
	"time"
)

// Lead is the pivot: one person and their project as every service of
// passerelle knows them. Converters go from a service's type to a Lead and
// from a Lead to a service's type, so N services need 2N converters.
// Every converter returns a Report of what it could not carry.
type Lead struct {
	// The person.
	Civility    Civility
	FirstName   string
	LastName    string
	Company     string // a business's name (a Divalto prospect that is not an individual)
	BirthDate   time.Time
	Profession  string
	OwnerStatus OwnerStatus

	// Contact details. Phones are parsed: a text that is not a phone
	// number is reported, never carried.
	Email     string
	Email2    string
	Mobile    Phone
	Landline  Phone
	WorkPhone Phone // the work phone, or another (EasyCall's altro_telefono)

	// The address.
	Street1    string
	Street2    string
	Street3    string
	PostalCode string
	City       string
	CityINSEE  string // La Factory's insee_ville
	Region     string
	Province   string
	Country    string   // ISO 3166 code, FR
	Latitude   *float64 // degrees
	Longitude  *float64

	// The project.
	HousingType  HousingType
	Comment      string // the need, in the person's words
	Budget       string // as written: "300000", "200 à 250 k€"
	CallbackTime string // when to call back, as written

	// The marketing origin.
	Campaign string
	Channel  string // La Factory's canal
	Act      string // La Factory's utm_act (origine)
	Source   string
	Medium   string
	FormName string
	LeadDate time.Time // when the person asked

	// Consent.
	OptIn  Answer // agreed to be contacted (RGPD opt-in)
	OptOut Answer // asked not to be contacted (RGPD opt-out)

	// The lead's ids in the services.
	FactoryProjectID    string
	CallCenterProjectID string
	CallCenterContactID string
	DivaltoCode         string
}

// Answer is a yes/no question's answer, or none.
type Answer int8

// The answers.
const (
	Unanswered Answer = iota
	Yes
	No
)

// AnswerOf is Yes for true and No for false.
func AnswerOf(b bool) Answer {
	if b {
		return Yes
	}
	return No
}

// FullName is "First Last" (JoinName), or the company's name.
func (l *Lead) FullName() string {
	if n := JoinName(l.FirstName, l.LastName); n != "" {
		return n
	}
	return l.Company
}

// Loss is why a field was not carried as it was.
type Loss int8

const (
	// NoField: the target has no field for it; it was dropped.
	NoField Loss = iota + 1
	// NoValue: the target's field has no value for it (an unknown code, a
	// text that is not a phone number); it was dropped.
	NoValue
	// Approximated: carried as the nearest value the target has.
	Approximated
	// Normalised: carried in the target's form ("06 12 34 56 78" as
	// "+33612345678"); nothing is lost.
	Normalised
)

func (l Loss) String() string {
	switch l {
	case NoField:
		return "no equivalent field"
	case NoValue:
		return "no equivalent value"
	case Approximated:
		return "approximated"
	case Normalised:
		return "normalised"
	}
	return "Loss(?)"
}

// MarshalText writes the loss as String does, so a Report logs and
// encodes as JSON readably.
func (l Loss) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// Entry is one field a converter did not carry as it was.
type Entry struct {
	Field  string // the source's wire name ("tel_mobile", "generictype_ID_civility")
	Loss   Loss
	Detail string // what happened; never the value, which may be personal data
}

func (e Entry) String() string {
	s := e.Field + ": " + e.Loss.String()
	if e.Detail != "" {
		s += " (" + e.Detail + ")"
	}
	return s
}

// Report names every field a conversion dropped, approximated or
// normalised, and why.
type Report struct {
	From, To string // "factory", "lead", "batiweb", ...
	Entries  []Entry

	most int // the most entries the converter can write: one allocation
}

func (r *Report) add(field string, loss Loss, detail string) {
	if r.Entries == nil {
		r.Entries = make([]Entry, 0, max(r.most, 4))
	}
	r.Entries = append(r.Entries, Entry{field, loss, detail})
}

// Lost returns the entries that lost something: every one but Normalised.
func (r Report) Lost() []Entry {
	var out []Entry
	for _, e := range r.Entries {
		if e.Loss != Normalised {
			out = append(out, e)
		}
	}
	return out
}

// Has reports whether the report names field.
func (r Report) Has(field string) bool {
	for _, e := range r.Entries {
		if e.Field == field {
			return true
		}
	}
	return false
}

func (r Report) String() string {
	parts := make([]string, len(r.Entries))
	for i, e := range r.Entries {
		parts[i] = e.String()
	}
	return r.From + " -> " + r.To + ": " + strings.Join(parts, "; ")
}

// LossError is a strict conversion that would have lost something.
type LossError struct{ Report *Report }

func (e *LossError) Error() string {
	lost := e.Report.Lost()
	parts := make([]string, len(lost))
	for i, x := range lost {
		parts[i] = x.String()
	}
	return "mapping: " + e.Report.From + " -> " + e.Report.To + " would lose " + strings.Join(parts, "; ")
}

// Options tune a conversion.
type Options struct {
	// Strict makes a conversion that loses anything (every Loss but
	// Normalised) fail with a *LossError, returning no result.
	Strict bool
	// DivaltoCivility maps civilities to weavy's CIVILITY codes
	// (DefaultDivaltoCivility when nil).
	DivaltoCivility DivaltoCivility
}

func (o Options) done(r *Report) error {
	if o.Strict {
		for _, e := range r.Entries {
			if e.Loss != Normalised {
				c := *r
				return &LossError{Report: &c}
			}
		}
	}
	return nil
}

// phone parses a source's phone text into the pivot, reporting a text
// that is not one, or one written otherwise than in its national form.
func phone(r *Report, field, text string) Phone {
	if strings.TrimSpace(text) == "" {
		return Phone{}
	}
	p, err := ParsePhone(text)
	if err != nil {
		r.add(field, NoValue, "not a phone number")
		return Phone{}
	}
	if !p.isNational(text) && text != p.E164() {
		r.add(field, Normalised, "written in neither the national form nor E.164")
	}
	return p
}

// parsedTime reads a source's date text, reporting one it cannot read.
func parsedTime(r *Report, field, text string) time.Time {
	if strings.TrimSpace(text) == "" {
		return time.Time{}
	}
	t, _, err := ParseTime(text)
	if err != nil {
		r.add(field, NoValue, "not a date")
	}
	return t
}

// field is one of the pivot's fields, as a bit: its index in leadFields.
type field uint64

// The pivot's fields, in Lead's order.
const (
	fCivility field = 1 << iota
	fFirstName
	fLastName
	fCompany
	fBirthDate
	fProfession
	fOwnerStatus
	fEmail
	fEmail2
	fMobile
	fLandline
	fWorkPhone
	fStreet1
	fStreet2
	fStreet3
	fPostalCode
	fCity
	fCityINSEE
	fRegion
	fProvince
	fCountry
	fLatitude
	fLongitude
	fHousingType
	fComment
	fBudget
	fCallbackTime
	fCampaign
	fChannel
	fAct
	fSource
	fMedium
	fFormName
	fLeadDate
	fOptIn
	fOptOut
	fFactoryProjectID
	fCallCenterProjectID
	fCallCenterContactID
	fDivaltoCode
)

// allFields is every field of the pivot.
const allFields = fDivaltoCode<<1 - 1

// leadFields is every field of the pivot, in Lead's order (a test holds
// it to Lead), with whether a lead holds a value in it. A converter to a
// service names the fields it carries; uncarried reports each other one
// that holds a value, so a field added to Lead is reported by every
// converter until one carries it.
var leadFields = [...]struct {
	name string
	set  func(*Lead) bool
}{
	{"Civility", func(l *Lead) bool { return l.Civility != CivilityUnknown }},
	{"FirstName", func(l *Lead) bool { return l.FirstName != "" }},
	{"LastName", func(l *Lead) bool { return l.LastName != "" }},
	{"Company", func(l *Lead) bool { return l.Company != "" }},
	{"BirthDate", func(l *Lead) bool { return !l.BirthDate.IsZero() }},
	{"Profession", func(l *Lead) bool { return l.Profession != "" }},
	{"OwnerStatus", func(l *Lead) bool { return l.OwnerStatus != OwnerStatusUnknown }},
	{"Email", func(l *Lead) bool { return l.Email != "" }},
	{"Email2", func(l *Lead) bool { return l.Email2 != "" }},
	{"Mobile", func(l *Lead) bool { return !l.Mobile.IsZero() }},
	{"Landline", func(l *Lead) bool { return !l.Landline.IsZero() }},
	{"WorkPhone", func(l *Lead) bool { return !l.WorkPhone.IsZero() }},
	{"Street1", func(l *Lead) bool { return l.Street1 != "" }},
	{"Street2", func(l *Lead) bool { return l.Street2 != "" }},
	{"Street3", func(l *Lead) bool { return l.Street3 != "" }},
	{"PostalCode", func(l *Lead) bool { return l.PostalCode != "" }},
	{"City", func(l *Lead) bool { return l.City != "" }},
	{"CityINSEE", func(l *Lead) bool { return l.CityINSEE != "" }},
	{"Region", func(l *Lead) bool { return l.Region != "" }},
	{"Province", func(l *Lead) bool { return l.Province != "" }},
	{"Country", func(l *Lead) bool { return l.Country != "" }},
	{"Latitude", func(l *Lead) bool { return l.Latitude != nil }},
	{"Longitude", func(l *Lead) bool { return l.Longitude != nil }},
	{"HousingType", func(l *Lead) bool { return l.HousingType != HousingTypeUnknown }},
	{"Comment", func(l *Lead) bool { return l.Comment != "" }},
	{"Budget", func(l *Lead) bool { return l.Budget != "" }},
	{"CallbackTime", func(l *Lead) bool { return l.CallbackTime != "" }},
	{"Campaign", func(l *Lead) bool { return l.Campaign != "" }},
	{"Channel", func(l *Lead) bool { return l.Channel != "" }},
	{"Act", func(l *Lead) bool { return l.Act != "" }},
	{"Source", func(l *Lead) bool { return l.Source != "" }},
	{"Medium", func(l *Lead) bool { return l.Medium != "" }},
	{"FormName", func(l *Lead) bool { return l.FormName != "" }},
	{"LeadDate", func(l *Lead) bool { return !l.LeadDate.IsZero() }},
	{"OptIn", func(l *Lead) bool { return l.OptIn != Unanswered }},
	{"OptOut", func(l *Lead) bool { return l.OptOut != Unanswered }},
	{"FactoryProjectID", func(l *Lead) bool { return l.FactoryProjectID != "" }},
	{"CallCenterProjectID", func(l *Lead) bool { return l.CallCenterProjectID != "" }},
	{"CallCenterContactID", func(l *Lead) bool { return l.CallCenterContactID != "" }},
	{"DivaltoCode", func(l *Lead) bool { return l.DivaltoCode != "" }},
}

// uncarried reports, as having no field in the target, each of l's
// fields that holds a value and is not in carried.
func (r *Report) uncarried(l *Lead, carried field) {
	for i, f := range leadFields {
		if carried&(1<<i) == 0 && f.set(l) {
			r.add(f.name, NoField, "")
		}
	}
}

// drop reports a source field that has no place in the target and holds
// a value.
func drop(r *Report, field, value string) {
	if strings.TrimSpace(value) != "" {
		r.add(field, NoField, "")
	}
}
