package mapping

import (
	"math/bits"
	"strings"
	"time"
)

// Lead is the pivot: one person and their project as every service of
// passerelle knows them. Converters go from a service's type to a Lead and
// from a Lead to a service's type, so N services need 2N converters.
// Every converter returns a Report of what it could not carry.
type Lead struct {
	// Civility is the person's title.
	Civility Civility
	// FirstName is the first name (prénom, nome, nombre).
	FirstName string
	// LastName is the last name (nom, cognome, apellido).
	LastName string
	// Company is a business's name: a weavy prospect that is not an
	// individual.
	Company string
	// BirthDate is the date of birth (La Factory's date_naissance).
	BirthDate time.Time
	// Profession is the person's job, as written.
	Profession string
	// OwnerStatus is how the person occupies their home.
	OwnerStatus OwnerStatus
	// CompanyTaxID is the company's tax id: EasyCall's partita_iva
	// (CIF/NIF), weavy's vatIntra (intra-EU VAT number).
	CompanyTaxID string

	// Email is the main e-mail address.
	Email string
	// Email2 is a second e-mail address (La Factory's email2).
	Email2 string
	// Mobile is the mobile phone. Phones are parsed in the lead's region:
	// a text that is not a valid number is reported, never carried.
	Mobile Phone
	// Landline is the home phone.
	Landline Phone
	// WorkPhone is the work phone, or another one (EasyCall's
	// altro_telefono).
	WorkPhone Phone

	// Street1 is the first line of the street address.
	Street1 string
	// Street2 is the second line of the street address.
	Street2 string
	// Street3 is the third line of the street address (weavy's address3).
	Street3 string
	// PostalCode is the postal code, as written.
	PostalCode string
	// City is the town.
	City string
	// CityINSEE is the town's INSEE code (La Factory's insee_ville).
	CityINSEE string
	// Region is the region (EasyCall's regione).
	Region string
	// Province is the province or district (EasyCall's provincia, weavy's
	// generictype_ID_province code).
	Province string
	// Country is an ISO 3166-1 alpha-2 code ("FR", "ES"): the converters
	// read country names in any language with [Country] and report the
	// rewrite.
	Country string
	// Latitude is in degrees, north positive.
	Latitude *float64
	// Longitude is in degrees, east positive.
	Longitude *float64

	// HousingType is the kind of home.
	HousingType HousingType
	// Surface is the home's surface in square metres, as written: La
	// Factory's surface_logement ("75", "75 m²").
	Surface string
	// Rooms is the number of rooms, 0 when not given: La Factory's
	// taille_logement ("3", "T3"), Batiweb's amountofrooms.
	Rooms int
	// Comment is the need, in the person's words.
	Comment string
	// Budget is the budget as written: "300000", "200 à 250 k€".
	Budget string
	// CallbackTime is when to call back, as written: La Factory's
	// horaire_rappel.
	CallbackTime string

	// Campaign is the marketing campaign's code (utm_campaign, EasyCall's
	// external campaign).
	Campaign string
	// Channel is La Factory's canal.
	Channel string
	// Act is La Factory's utm_act (origine).
	Act string
	// Source is the marketing source (utm_source).
	Source string
	// Medium is the marketing medium (utm_medium, support).
	Medium string
	// FormName is the web form the lead came from (nom_formulaire).
	FormName string
	// LeadDate is when the person asked.
	LeadDate time.Time

	// OptIn is whether the person agreed to be contacted (RGPD opt-in).
	OptIn Answer
	// OptOut is whether the person asked not to be contacted (RGPD
	// opt-out).
	OptOut Answer

	// SalesRep is who follows the lead: La Factory's commercial (a
	// seller's e-mail), weavy's baseuser_ID (a user code).
	SalesRep string

	// FactoryProjectID is La Factory's project id (factoryprojectid).
	FactoryProjectID string
	// CallCenterProjectID is the call center's project id
	// (callcenterprojectid).
	CallCenterProjectID string
	// CallCenterContactID is the call center's contact id
	// (callcentercontactid).
	CallCenterContactID string
	// DivaltoCode is weavy's prospect code (codeprospect).
	DivaltoCode string
}

// Answer is a yes/no question's answer, or none.
type Answer int8

// The answers.
const (
	Unanswered Answer = iota // the question was not answered
	Yes                      // yes
	No                       // no
)

// AnswerOf is Yes for true and No for false.
func AnswerOf(b bool) Answer {
	if b {
		return Yes
	}
	return No
}

// Valid reports whether a is Yes or No.
func (a Answer) Valid() bool { return a == Yes || a == No }

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
	// Approximated: carried as the nearest value the target has; the
	// meaning changed (Mademoiselle written Madame, "Villa" read as a
	// house, a budget of 250000 written as Batiweb's "Plus de 6000€").
	Approximated
	// Normalised: carried in another spelling of the same meaning ("M."
	// written "Monsieur", "06.12.34.56.78" written "06 12 34 56 78",
	// "España" written "ES"); nothing is lost.
	Normalised
)

// String is the loss in English: "no equivalent field", ...; the zero
// Loss, which the reading functions return for an exact reading, is
// "exact".
func (l Loss) String() string {
	switch l {
	case 0:
		return "exact"
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
	// Field is the source's name for the field: a service's wire name
	// ("tel_mobile", "generictype_ID_civility"), a path into nested
	// records ("related.baseuser.lastName"), or the pivot's field name
	// ("Civility") when the source is a Lead.
	Field string
	// Loss is what happened to it.
	Loss Loss
	// Detail says how; it never holds the value, which may be personal
	// data.
	Detail string
}

// String is "field: loss (detail)".
func (e Entry) String() string {
	s := e.Field + ": " + e.Loss.String()
	if e.Detail != "" {
		s += " (" + e.Detail + ")"
	}
	return s
}

// Report names every field a conversion dropped, approximated or
// normalised, and why. A converter of your own fills one with Add,
// Dropped and Uncarried and ends with Options.Check.
type Report struct {
	// From and To name the two sides: "factory", "lead", "batiweb", ...
	From, To string
	// Entries are the fields not carried as they were, in the order the
	// converter met them.
	Entries []Entry
}

// Add names a field the conversion did not carry as it was.
func (r *Report) Add(field string, loss Loss, detail string) {
	n := len(r.Entries)
	switch {
	case r.Entries == nil:
		r.Entries = make([]Entry, 1, 8)
	case n < cap(r.Entries):
		r.Entries = r.Entries[:n+1]
	default:
		r.Entries = append(r.Entries, Entry{})
	}
	// Field by field: cheaper than copying a whole Entry while the
	// garbage collector is marking.
	e := &r.Entries[n]
	e.Field, e.Loss, e.Detail = field, loss, detail
}

// Dropped reports field as having no place in the target (NoField) when
// value holds something other than spaces.
func (r *Report) Dropped(field, value string) {
	if strings.TrimSpace(value) != "" {
		r.Add(field, NoField, "")
	}
}

// Uncarried reports, as having no field in the target (NoField), each
// field of l that holds a value and is not named in carried (the pivot's
// field names: "FirstName", "Mobile"; see LeadFields). A converter to a
// service calls it last, so that a field added to Lead one day is
// reported until the converter carries it.
func (r *Report) Uncarried(l *Lead, carried ...string) {
	var set field
	for _, name := range carried {
		for i, f := range leadFields {
			if f.name == name {
				set |= 1 << i
			}
		}
	}
	r.uncarried(l, set)
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

// Kind returns the loss the report gives field, and whether it names it.
func (r Report) Kind(field string) (Loss, bool) {
	for _, e := range r.Entries {
		if e.Field == field {
			return e.Loss, true
		}
	}
	return 0, false
}

// String is "from -> to: entry; entry".
func (r Report) String() string {
	parts := make([]string, len(r.Entries))
	for i, e := range r.Entries {
		parts[i] = e.String()
	}
	return r.From + " -> " + r.To + ": " + strings.Join(parts, "; ")
}

// LossError is a strict conversion that would have lost something.
type LossError struct {
	// Report is the conversion's report; its Lost entries are why.
	Report *Report
}

// Error names the fields that would have been lost.
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
	// Region is the ISO 3166-1 alpha-2 region that phone numbers without
	// an international prefix are read in when the source does not say
	// where the lead lives. When it is "", the lead's country decides
	// (EasyCall's nazione, weavy's country), else the service's own:
	// France for La Factory and weavy, Spain for EasyCall.
	Region string
}

// Check ends a conversion: in strict mode, a report with a loss (any
// entry but Normalised) is a *LossError holding a copy of the report;
// otherwise nil.
func (o Options) Check(r *Report) error {
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

// region is the region to read a source's phones in: Options.Region, else
// the lead's country when it has a numbering plan, else def.
func (o Options) region(country, def string) string {
	switch {
	case o.Region != "":
		return o.Region
	case len(country) == 2:
		return country
	}
	return def
}

// ReadPhone reads a source's phone text in region (an ISO 3166-1 code,
// "" for France) into the pivot, for a converter of your own. A text
// that is not a valid number is reported as NoValue and not carried; one
// written in neither its national form nor E.164 is reported as
// Normalised, since a converter back writes one of those; a blank text
// (spaces only) is reported as NoValue.
func ReadPhone(r *Report, field, text, region string) Phone {
	if text == "" {
		return Phone{}
	}
	if strings.TrimSpace(text) == "" {
		r.Add(field, NoValue, "blank")
		return Phone{}
	}
	p, err := ParsePhoneIn(text, region)
	if err != nil {
		r.Add(field, NoValue, "not a phone number")
		return Phone{}
	}
	if !p.isNational(text) && text != p.E164() {
		r.Add(field, Normalised, "written in neither the national form nor E.164")
	}
	return p
}

// ReadTime reads a source's date text in any of the services' formats
// (ParseTime), for a converter of your own; one it cannot read is
// reported as NoValue.
func ReadTime(r *Report, field, text string) time.Time {
	if text == "" {
		return time.Time{}
	}
	if strings.TrimSpace(text) == "" {
		r.Add(field, NoValue, "blank")
		return time.Time{}
	}
	t, _, err := ParseTime(text)
	if err != nil {
		r.Add(field, NoValue, "not a date")
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
	fCompanyTaxID
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
	fSurface
	fRooms
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
	fSalesRep
	fFactoryProjectID
	fCallCenterProjectID
	fCallCenterContactID
	fDivaltoCode
)

// allFields is every field of the pivot.
const allFields = fDivaltoCode<<1 - 1

// leadFields is every field of the pivot, in Lead's order (a test holds
// it to Lead), with whether a lead holds a value in it.
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
	{"CompanyTaxID", func(l *Lead) bool { return l.CompanyTaxID != "" }},
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
	{"Surface", func(l *Lead) bool { return l.Surface != "" }},
	{"Rooms", func(l *Lead) bool { return l.Rooms != 0 }},
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
	{"SalesRep", func(l *Lead) bool { return l.SalesRep != "" }},
	{"FactoryProjectID", func(l *Lead) bool { return l.FactoryProjectID != "" }},
	{"CallCenterProjectID", func(l *Lead) bool { return l.CallCenterProjectID != "" }},
	{"CallCenterContactID", func(l *Lead) bool { return l.CallCenterContactID != "" }},
	{"DivaltoCode", func(l *Lead) bool { return l.DivaltoCode != "" }},
}

// LeadFields returns the names of the pivot's fields, in Lead's order:
// the names Report.Uncarried takes.
func LeadFields() []string {
	out := make([]string, len(leadFields))
	for i, f := range leadFields {
		out[i] = f.name
	}
	return out
}

// uncarried reports, as having no field in the target, each of l's
// fields that holds a value and is not in carried.
func (r *Report) uncarried(l *Lead, carried field) {
	for left := l.setFields() &^ carried; left != 0; left &= left - 1 {
		r.Add(leadFields[bits.TrailingZeros64(uint64(left))].name, NoField, "")
	}
}

// setFields is the fields of l that hold a value, as leadFields' set
// functions say (a test holds them to each other), without a call per
// field.
func (l *Lead) setFields() field {
	var f field
	b := func(set bool, x field) {
		if set {
			f |= x
		}
	}
	b(l.Civility != CivilityUnknown, fCivility)
	b(l.FirstName != "", fFirstName)
	b(l.LastName != "", fLastName)
	b(l.Company != "", fCompany)
	b(!l.BirthDate.IsZero(), fBirthDate)
	b(l.Profession != "", fProfession)
	b(l.OwnerStatus != OwnerStatusUnknown, fOwnerStatus)
	b(l.CompanyTaxID != "", fCompanyTaxID)
	b(l.Email != "", fEmail)
	b(l.Email2 != "", fEmail2)
	b(!l.Mobile.IsZero(), fMobile)
	b(!l.Landline.IsZero(), fLandline)
	b(!l.WorkPhone.IsZero(), fWorkPhone)
	b(l.Street1 != "", fStreet1)
	b(l.Street2 != "", fStreet2)
	b(l.Street3 != "", fStreet3)
	b(l.PostalCode != "", fPostalCode)
	b(l.City != "", fCity)
	b(l.CityINSEE != "", fCityINSEE)
	b(l.Region != "", fRegion)
	b(l.Province != "", fProvince)
	b(l.Country != "", fCountry)
	b(l.Latitude != nil, fLatitude)
	b(l.Longitude != nil, fLongitude)
	b(l.HousingType != HousingTypeUnknown, fHousingType)
	b(l.Surface != "", fSurface)
	b(l.Rooms != 0, fRooms)
	b(l.Comment != "", fComment)
	b(l.Budget != "", fBudget)
	b(l.CallbackTime != "", fCallbackTime)
	b(l.Campaign != "", fCampaign)
	b(l.Channel != "", fChannel)
	b(l.Act != "", fAct)
	b(l.Source != "", fSource)
	b(l.Medium != "", fMedium)
	b(l.FormName != "", fFormName)
	b(!l.LeadDate.IsZero(), fLeadDate)
	b(l.OptIn != Unanswered, fOptIn)
	b(l.OptOut != Unanswered, fOptOut)
	b(l.SalesRep != "", fSalesRep)
	b(l.FactoryProjectID != "", fFactoryProjectID)
	b(l.CallCenterProjectID != "", fCallCenterProjectID)
	b(l.CallCenterContactID != "", fCallCenterContactID)
	b(l.DivaltoCode != "", fDivaltoCode)
	return f
}
