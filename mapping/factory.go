package mapping

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/passerelle-go/passerelle/factory"
)

// factoryOnly is every La Factory balise the pivot has no field for: the
// real-estate project's details and the call center's results. FromFactory
// reports each one that holds a value.
var factoryOnly = []struct {
	name string
	set  func(p *factory.Project) bool
}{
	{"imposition", func(p *factory.Project) bool { return p.TaxAmount != "" }},
	{"primo_accedant", func(p *factory.Project) bool { return p.FirstTimeBuyer != "" }},
	{"code_programme", func(p *factory.Project) bool { return p.ProgramCode != "" }},
	{"projet_immo", func(p *factory.Project) bool { return p.Project != "" }},
	{"objectif_achat", func(p *factory.Project) bool { return p.Goal != "" }},
	{"budget_fourchette", func(p *factory.Project) bool { return p.BudgetRange != "" }},
	{"type_logementED", func(p *factory.Project) bool { return p.AssetType != "" }},
	{"nature_logement", func(p *factory.Project) bool { return p.AssetNature != "" }},
	{"code_lot", func(p *factory.Project) bool { return p.LotCode != "" }},
	{"dept_rech", func(p *factory.Project) bool { return p.SearchedDepts != "" }},
	{"ville_rech", func(p *factory.Project) bool { return p.SearchedCities != "" }},
	{"revente", func(p *factory.Project) bool { return p.Resale != "" }},
	{"conclusioncode", func(p *factory.Project) bool { return p.ConclusionCode != "" }},
	{"cloture_call", func(p *factory.Project) bool { return p.Closure != "" }},
	{"motif_cloture", func(p *factory.Project) bool { return p.ClosureReason != "" }},
	{"programme_call", func(p *factory.Project) bool { return p.CallCenterProgram != "" }},
	{"attribdate_call", func(p *factory.Project) bool { return !p.AssignedAt.IsZero() }},
	{"commentaire_call", func(p *factory.Project) bool { return p.CallCenterComment != "" }},
}

// factoryOut is FromFactory's result and its report's first entries (a
// French lead's usual report: the country inferred, a phone respelled),
// in one allocation.
type factoryOut struct {
	lead    Lead
	entries [2]Entry
}

// FromFactory reads a La Factory project into a Lead. The contact, its
// address, the need (comment, budget max, housing type, surface, rooms,
// callback time), the marketing codes, consent, the seller and the ids
// are carried; the real-estate project's details and the call center's
// results have no place in the pivot and are reported, as is every balise
// the factory package does not model (Project.Extra), by its wire name.
// The country is France when the postal code is a French one (reported
// as approximated: inferred, not sent), else left empty. Phones are read
// in Options.Region, else France: La Factory's addresses are French.
func FromFactory(p *factory.Project, o Options) (*Lead, Report, error) {
	out := new(factoryOut)
	r := Report{From: "factory", To: "lead", Entries: out.entries[:0]}
	l := &out.lead
	*l = Lead{
		FirstName: p.FirstName, LastName: p.LastName, Email: p.Email, Email2: p.Email2, Profession: p.Profession,
		Street1: p.Street1, Street2: p.Street2, PostalCode: p.PostalCode, City: p.City, CityINSEE: p.CityINSEE,
		Comment: p.Comment, Budget: p.BudgetMax, CallbackTime: p.CallbackTime, FormName: p.FormName,
		Campaign: p.UTMCampaign, Channel: p.Channel, Act: p.UTMAct, Source: p.UTMSource, Medium: p.UTMMedium,
		FactoryProjectID: p.FactoryProjectID, CallCenterProjectID: p.CallCenterProjectID, CallCenterContactID: p.CallCenterContactID,
		Surface: p.HousingSurface, SalesRep: p.SalesRep,
	}
	if p.Salutation != "" {
		var loss Loss
		l.Civility, loss = CivilityFromFactory(p.Salutation)
		r.fit("salutation", loss, "not one of La Factory's civilities", "another spelling of a civility")
	}
	if p.HousingSituation != "" {
		var loss Loss
		l.OwnerStatus, loss = OwnerStatusFromFactory(p.HousingSituation)
		r.fit("situation_logement", loss, "not one of La Factory's situations", "another spelling of a situation")
	}
	region := o.region("", "FR")
	l.Mobile = ReadPhone(&r, "tel_mobile", p.MobilePhone, region)
	l.Landline = ReadPhone(&r, "tel_fixe", p.HomePhone, region)
	l.WorkPhone = ReadPhone(&r, "tel_professionnel", p.WorkPhone, region)
	l.BirthDate = factoryTime(&r, "date_naissance", p.BirthDate.Time, p.BirthDate.Raw)
	l.LeadDate = factoryTime(&r, "date_acquisition", p.LeadDate.Time, p.LeadDate.Raw)
	l.OptIn = factoryAnswer(&r, "rgpdin", p.ConsentOptIn)
	l.OptOut = factoryAnswer(&r, "rgpdout", p.ConsentOptOut)
	if p.HousingType != "" {
		var loss Loss
		l.HousingType, loss = HousingTypeFromFactory(p.HousingType)
		r.fit("type_logement", loss, "no housing type in the text", housingDetail[l.HousingType])
	}
	if p.HousingSize != "" {
		var loss Loss
		l.Rooms, loss = ParseRooms(p.HousingSize)
		r.fit("taille_logement", loss, "not a number of rooms", "read as a number of rooms")
	}
	if _, ok := department(p.PostalCode); ok {
		// A French postal code: La Factory's addresses are French. The
		// country is read from the address, not invented, so the reading
		// changes no meaning (Normalised: strict mode accepts it).
		l.Country = "FR"
		r.Add("Country", Normalised, "country inferred from the postal code")
	}
	for _, f := range factoryOnly {
		if f.set(p) {
			r.Add(f.name, NoField, "")
		}
	}
	reportExtra(&r, "", p.Extra)
	if err := o.Check(&r); err != nil {
		return nil, r, err
	}
	return l, r, nil
}

// reportExtra reports, under prefix and by its wire name, every field a
// service sent that its package does not model (an Extra map), in name
// order; a null or empty text holds nothing and is not reported.
func reportExtra(r *Report, prefix string, m map[string]json.RawMessage) {
	if len(m) == 0 {
		return
	}
	keys := make([]string, 0, len(m))
	for k, raw := range m {
		if s := string(raw); s != "null" && s != `""` {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		r.Add(prefix+k, NoField, "a field this SDK does not model")
	}
}

// fit reports a translation that was not exact: NoValue with noValue as
// the detail, Approximated or Normalised with changed; nothing for 0.
// Both details are constants: a report is built without allocating
// beyond its entries.
func (r *Report) fit(field string, loss Loss, noValue, changed string) {
	switch loss {
	case 0:
	case NoValue, NoField:
		r.Add(field, loss, noValue)
	default:
		r.Add(field, loss, changed)
	}
}

// ParseRooms reads a number of rooms as French listings write it, and
// says how faithful the reading is: 0 for a bare number ("3"), Normalised
// for "T3", "F3", "3 pièces" or "3p" (the same count), NoValue (and 0)
// for anything else, "studio" included.
func ParseRooms(s string) (int, Loss) {
	t := strings.TrimSpace(s)
	if n, err := strconv.Atoi(t); err == nil && n > 0 && t == strconv.Itoa(n) {
		return n, 0
	}
	f := fold(t)
	f = strings.TrimPrefix(strings.TrimPrefix(f, "t"), "f")
	for _, suffix := range []string{" pieces", " piece", "pieces", "piece", " p", "p"} {
		f = strings.TrimSuffix(f, suffix)
	}
	if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n > 0 && n < 100 {
		return n, Normalised
	}
	return 0, NoValue
}

// housingDetail says how a type_logement text was read: "read as
// Appartement", built once so that a report costs no allocation.
var housingDetail = func() map[HousingType]string {
	m := map[HousingType]string{}
	for _, r := range housingTypes {
		m[r.housing] = "read as " + r.label
	}
	return m
}()

// factoryTime is a La Factory date; one it could not read (kept in Raw)
// is reported.
func factoryTime(r *Report, field string, t time.Time, raw string) time.Time {
	if raw != "" {
		r.Add(field, NoValue, "not a La Factory date")
	}
	return t
}

func factoryAnswer(r *Report, field string, v factory.OuiNon) Answer {
	if v == "" {
		return Unanswered
	}
	a, loss := AnswerFromFactory(v)
	r.fit(field, loss, "not oui or non", "another spelling of oui or non")
	return a
}

// factoryDateTime is t as La Factory's aaaammjjhhmmss holds it: to the
// second, in Europe/Paris. A dropped fraction of a second is reported as
// Approximated, a change of zone alone as Normalised (the same instant).
func factoryDateTime(r *Report, field string, t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	switch {
	case t.Nanosecond() != 0:
		r.Add(field, Approximated, "the fraction of a second dropped (La Factory's dates are to the second)")
	case !inParisZone(t):
		r.Add(field, Normalised, "written in Europe/Paris time: the same instant")
	}
	return t.Truncate(time.Second).In(Paris)
}

// inParisZone reports whether t is in Europe/Paris (its location named
// so, whichever *time.Location holds it).
func inParisZone(t time.Time) bool {
	loc := t.Location()
	return loc == Paris || loc.String() == "Europe/Paris"
}

// factoryDate is t's date as written (its year, month and day in its own
// zone: a date of birth has no zone) at midnight in Europe/Paris, so that
// La Factory's aaaammjj holds the same day. A time of day, dropped, is
// reported as Approximated.
func factoryDate(r *Report, field string, t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.Date()
	if h, mi, sec := t.Clock(); h != 0 || mi != 0 || sec != 0 || t.Nanosecond() != 0 {
		r.Add(field, Approximated, "the time of day dropped (La Factory's date has none)")
	}
	return time.Date(y, m, d, 0, 0, 0, 0, Paris)
}

// frenchOrE164 writes a phone for a French service: a French number in
// its national form, any other in E.164 (a national form of another
// country would read as a French number).
func frenchOrE164(p Phone) string {
	switch {
	case p.IsZero():
		return ""
	case p.French():
		return p.National()
	}
	return p.E164()
}

// ToFactory writes a Lead as a La Factory project, to create or update
// (keep the ids of the project read). French phones are written in the
// national form, others in E.164; a civility, housing type or answer
// outside the pivot's values is reported and never written (an unknown
// answer is not "non"), as is a negative room count; the lead date is
// written to the second in Europe/Paris (a dropped fraction of a second is
// reported as approximated, a change of zone alone as normalised), the
// birth date as the day written; a country other than France is
// reported (France in another spelling than "FR" as normalised); the
// pivot's fields La Factory has no balise for are reported.
func (l *Lead) ToFactory(o Options) (*factory.Project, Report, error) {
	r := Report{From: "lead", To: "factory"}
	p := &factory.Project{
		FirstName: l.FirstName, LastName: l.LastName, Email: l.Email, Email2: l.Email2, Profession: l.Profession,
		Street1: l.Street1, Street2: l.Street2, PostalCode: l.PostalCode, City: l.City, CityINSEE: l.CityINSEE,
		Comment: l.Comment, BudgetMax: l.Budget, CallbackTime: l.CallbackTime, FormName: l.FormName,
		UTMCampaign: l.Campaign, Channel: l.Channel, UTMAct: l.Act, UTMSource: l.Source, UTMMedium: l.Medium,
		FactoryProjectID: l.FactoryProjectID, CallCenterProjectID: l.CallCenterProjectID, CallCenterContactID: l.CallCenterContactID,
		MobilePhone: frenchOrE164(l.Mobile), HomePhone: frenchOrE164(l.Landline), WorkPhone: frenchOrE164(l.WorkPhone),
		BirthDate:      factory.Date{Time: factoryDate(&r, "BirthDate", l.BirthDate)},
		LeadDate:       factory.DateTime{Time: factoryDateTime(&r, "LeadDate", l.LeadDate)},
		HousingSurface: l.Surface, SalesRep: l.SalesRep,
	}
	if l.Civility != CivilityUnknown {
		var ok bool
		if p.Salutation, ok = l.Civility.Factory(); !ok {
			r.Add("Civility", NoValue, "not one of the pivot's civilities")
		}
	}
	if l.HousingType != HousingTypeUnknown {
		if p.HousingType = l.HousingType.Factory(); p.HousingType == "" {
			r.Add("HousingType", NoValue, "not one of the pivot's housing types")
		}
	}
	switch {
	case l.Rooms > 0:
		p.HousingSize = strconv.Itoa(l.Rooms)
	case l.Rooms < 0:
		r.Add("Rooms", NoValue, "a negative number of rooms")
	}
	if l.OwnerStatus != OwnerStatusUnknown {
		var exact bool
		p.HousingSituation, exact = l.OwnerStatus.Factory()
		switch {
		case p.HousingSituation == "":
			r.Add("OwnerStatus", NoValue, l.OwnerStatus.String()+" has no La Factory situation")
		case !exact:
			r.Add("OwnerStatus", Approximated, "written "+string(p.HousingSituation))
		}
	}
	var ok bool
	if p.ConsentOptIn, ok = l.OptIn.Factory(); !ok && l.OptIn != Unanswered {
		r.Add("OptIn", NoValue, "neither yes nor no")
	}
	if p.ConsentOptOut, ok = l.OptOut.Factory(); !ok && l.OptOut != Unanswered {
		r.Add("OptOut", NoValue, "neither yes nor no")
	}
	if l.Country != "" {
		switch france, normalised := isFrance(l.Country); {
		case !france:
			r.Add("Country", NoField, "La Factory's addresses are French")
		case normalised:
			r.Add("Country", Normalised, "France, implied by La Factory")
		}
	}
	r.uncarried(l, allFields&^(fCompany|fCompanyTaxID|fStreet3|fRegion|fProvince|fLatitude|fLongitude|fDivaltoCode))
	if err := o.Check(&r); err != nil {
		return nil, r, err
	}
	return p, r, nil
}
