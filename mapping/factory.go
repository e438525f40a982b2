package mapping

import (
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
	{"surface_logement", func(p *factory.Project) bool { return p.HousingSurface != "" }},
	{"taille_logement", func(p *factory.Project) bool { return p.HousingSize != "" }},
	{"type_logementED", func(p *factory.Project) bool { return p.AssetType != "" }},
	{"nature_logement", func(p *factory.Project) bool { return p.AssetNature != "" }},
	{"code_lot", func(p *factory.Project) bool { return p.LotCode != "" }},
	{"dept_rech", func(p *factory.Project) bool { return p.SearchedDepts != "" }},
	{"ville_rech", func(p *factory.Project) bool { return p.SearchedCities != "" }},
	{"revente", func(p *factory.Project) bool { return p.Resale != "" }},
	{"commercial", func(p *factory.Project) bool { return p.SalesRep != "" }},
	{"conclusioncode", func(p *factory.Project) bool { return p.ConclusionCode != "" }},
	{"cloture_call", func(p *factory.Project) bool { return p.Closure != "" }},
	{"motif_cloture", func(p *factory.Project) bool { return p.ClosureReason != "" }},
	{"programme_call", func(p *factory.Project) bool { return p.CallCenterProgram != "" }},
	{"attribdate_call", func(p *factory.Project) bool { return !p.AssignedAt.IsZero() }},
	{"commentaire_call", func(p *factory.Project) bool { return p.CallCenterComment != "" }},
}

// FromFactory reads a La Factory project into a Lead. The contact, its
// address, the need (comment, budget max, housing type, callback time),
// the marketing codes, consent and ids are carried; the real-estate
// project's details and the call center's results have no place in the
// pivot and are reported.
func FromFactory(p *factory.Project, o Options) (*Lead, Report, error) {
	r := Report{From: "factory", To: "lead", most: 31}
	l := &Lead{
		FirstName: p.FirstName, LastName: p.LastName, Email: p.Email, Email2: p.Email2, Profession: p.Profession,
		Street1: p.Street1, Street2: p.Street2, PostalCode: p.PostalCode, City: p.City, CityINSEE: p.CityINSEE,
		Comment: p.Comment, Budget: p.BudgetMax, CallbackTime: p.CallbackTime, FormName: p.FormName,
		Campaign: p.UTMCampaign, Channel: p.Channel, Act: p.UTMAct, Source: p.UTMSource, Medium: p.UTMMedium,
		FactoryProjectID: p.FactoryProjectID, CallCenterProjectID: p.CallCenterProjectID, CallCenterContactID: p.CallCenterContactID,
	}
	if p.Salutation != "" {
		var ok bool
		if l.Civility, ok = CivilityFromFactory(p.Salutation); !ok {
			r.add("salutation", NoValue, "not one of La Factory's civilities")
		}
	}
	if p.HousingSituation != "" {
		var ok bool
		if l.OwnerStatus, ok = OwnerStatusFromFactory(p.HousingSituation); !ok {
			r.add("situation_logement", NoValue, "not one of La Factory's situations")
		}
	}
	l.Mobile = phone(&r, "tel_mobile", p.MobilePhone)
	l.Landline = phone(&r, "tel_fixe", p.HomePhone)
	l.WorkPhone = phone(&r, "tel_professionnel", p.WorkPhone)
	l.BirthDate = factoryTime(&r, "date_naissance", p.BirthDate.Time, p.BirthDate.Raw)
	l.LeadDate = factoryTime(&r, "date_acquisition", p.LeadDate.Time, p.LeadDate.Raw)
	l.OptIn = factoryAnswer(&r, "rgpdin", p.ConsentOptIn)
	l.OptOut = factoryAnswer(&r, "rgpdout", p.ConsentOptOut)
	if p.HousingType != "" {
		h, exact := HousingTypeFromFactory(p.HousingType)
		switch {
		case h == HousingTypeUnknown:
			r.add("type_logement", NoValue, "no housing type in the text")
		case !exact:
			r.add("type_logement", Approximated, "read as "+h.String())
		}
		l.HousingType = h
	}
	if p.PostalCode != "" || p.City != "" {
		l.Country = "FR" // La Factory's addresses are French
	}
	for _, f := range factoryOnly {
		if f.set(p) {
			r.add(f.name, NoField, "")
		}
	}
	if err := o.done(&r); err != nil {
		return nil, r, err
	}
	return l, r, nil
}

// factoryTime is a La Factory date; one it could not read (kept in Raw)
// is reported.
func factoryTime(r *Report, field string, t time.Time, raw string) time.Time {
	if raw != "" {
		r.add(field, NoValue, "not a La Factory date")
	}
	return t
}

// inParis is t in Europe/Paris, or the zero time.
func inParis(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.In(Paris)
}

// nationalOrEmpty writes a phone in its national form.
func nationalOrEmpty(p Phone) string {
	if p.IsZero() {
		return ""
	}
	return p.National()
}

func factoryAnswer(r *Report, field string, v factory.OuiNon) Answer {
	if v == "" {
		return Unanswered
	}
	b, ok := v.Bool()
	if !ok {
		r.add(field, NoValue, "not oui or non")
		return Unanswered
	}
	return AnswerOf(b)
}

// ToFactory writes a Lead as a La Factory project, to create or update
// (keep the ids of the project read). Phones are written in the national
// form; the pivot's fields La Factory has no balise for are reported.
func (l *Lead) ToFactory(o Options) (*factory.Project, Report, error) {
	r := Report{From: "lead", To: "factory"}
	p := &factory.Project{
		FirstName: l.FirstName, LastName: l.LastName, Email: l.Email, Email2: l.Email2, Profession: l.Profession,
		Street1: l.Street1, Street2: l.Street2, PostalCode: l.PostalCode, City: l.City, CityINSEE: l.CityINSEE,
		Comment: l.Comment, BudgetMax: l.Budget, CallbackTime: l.CallbackTime, FormName: l.FormName,
		UTMCampaign: l.Campaign, Channel: l.Channel, UTMAct: l.Act, UTMSource: l.Source, UTMMedium: l.Medium,
		FactoryProjectID: l.FactoryProjectID, CallCenterProjectID: l.CallCenterProjectID, CallCenterContactID: l.CallCenterContactID,
		MobilePhone: nationalOrEmpty(l.Mobile), HomePhone: nationalOrEmpty(l.Landline), WorkPhone: nationalOrEmpty(l.WorkPhone),
		BirthDate: factory.Date{Time: inParis(l.BirthDate)}, LeadDate: factory.DateTime{Time: inParis(l.LeadDate)},
		HousingType: l.HousingType.Factory(),
	}
	if l.Civility != CivilityUnknown {
		p.Salutation, _ = l.Civility.Factory()
	}
	if l.OwnerStatus != OwnerStatusUnknown {
		var exact bool
		p.HousingSituation, exact = l.OwnerStatus.Factory()
		switch {
		case p.HousingSituation == "":
			r.add("OwnerStatus", NoValue, l.OwnerStatus.String()+" has no La Factory situation")
		case !exact:
			r.add("OwnerStatus", Approximated, "written "+string(p.HousingSituation))
		}
	}
	if l.OptIn != Unanswered {
		p.ConsentOptIn = factory.OuiNonOf(l.OptIn == Yes)
	}
	if l.OptOut != Unanswered {
		p.ConsentOptOut = factory.OuiNonOf(l.OptOut == Yes)
	}
	if l.Country != "" && l.Country != "FR" {
		r.add("Country", NoField, "La Factory's addresses are French")
	}
	r.uncarried(l, allFields&^(fCompany|fStreet3|fRegion|fProvince|fLatitude|fLongitude|fDivaltoCode))
	if err := o.done(&r); err != nil {
		return nil, r, err
	}
	return p, r, nil
}
