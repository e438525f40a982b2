package factory

import (
	"bytes"
	"context"
	"encoding/json"
	"sort"

	"github.com/passerelle-go/passerelle/internal/transport"
	"github.com/passerelle-go/passerelle/internal/validate"
)

// Project is a La Factory project and its contact: every balise of the
// seed's tables (GetProject4CallCenter, CreateOrUpdateProject4CallCenter
// and the contact table), keyed by the balise as the seed writes it, with
// the first letter in lower case. All values are text on the wire.
//
// La Factory's project flux names three balises differently from the
// update table; decoding accepts both: utm_camapaign (sic) for
// utm_campaign, type_bienED for type_logementED, nature_bien for
// nature_logement.
type Project struct {
	// Identifiers.
	FactoryProjectID    string `json:"factoryprojectid"`    // if_projectid: La Factory's id
	CallCenterProjectID string `json:"callcenterprojectid"` // if_callcenterid: your id, required to update
	CallCenterContactID string `json:"callcentercontactid"` // if_externalidentifier: your id of the contact

	// Contact (CTC1).
	Salutation       Salutation        `json:"salutation"`         // civilité
	FirstName        string            `json:"prenom"`             // prénom
	LastName         string            `json:"nom"`                // nom
	Email            string            `json:"email"`              // e-mail 1
	Email2           string            `json:"email2"`             // e-mail 2
	MobilePhone      string            `json:"tel_mobile"`         // téléphone mobile
	HomePhone        string            `json:"tel_fixe"`           // téléphone personnel
	WorkPhone        string            `json:"tel_professionnel"`  // téléphone professionnel
	Street1          string            `json:"adresse"`            // rue 1
	Street2          string            `json:"adresse2"`           // rue 2
	PostalCode       string            `json:"code_postal"`        // code postal, 5 digits
	City             string            `json:"ville"`              // ville
	CityINSEE        string            `json:"insee_ville"`        // code INSEE de la ville
	BirthDate        Date              `json:"date_naissance"`     // aaaammjj
	Profession       string            `json:"profession"`         // profession
	TaxAmount        string            `json:"imposition"`         // montant de l'imposition
	FirstTimeBuyer   OuiNon            `json:"primo_accedant"`     // primo accédant
	ConsentOptIn     OuiNon            `json:"rgpdin"`             // RGPD opt-in
	ConsentOptOut    OuiNon            `json:"rgpdout"`            // RGPD opt-out
	HousingSituation SituationLogement `json:"situation_logement"` // situation actuelle

	// The project.
	LeadDate       DateTime      `json:"date_acquisition"`  // date de la demande; set at creation, never updated
	ProgramCode    string        `json:"code_programme"`    // identifiant externe du programme
	Project        ProjetImmo    `json:"projet_immo"`       // projet client
	Goal           ObjectifAchat `json:"objectif_achat"`    // destination du logement
	Comment        string        `json:"commentaire"`       // description du besoin
	BudgetMax      string        `json:"budget_max"`        // budget max
	BudgetRange    string        `json:"budget_fourchette"` // fourchette budgétaire
	CallbackTime   string        `json:"horaire_rappel"`    // date (et heure) de RDV ou de rappel souhaitée
	FormName       string        `json:"nom_formulaire"`    // formulaire d'origine du lead
	HousingType    string        `json:"type_logement"`     // type de logement recherché
	HousingSurface string        `json:"surface_logement"`  // surface du logement recherché
	HousingSize    string        `json:"taille_logement"`   // taille du logement recherché
	AssetType      string        `json:"type_logementED"`   // code type de bien (flux5code); type_bienED in the flux
	AssetNature    string        `json:"nature_logement"`   // code nature de bien (flux5code); nature_bien in the flux
	LotCode        LotCode       `json:"code_lot"`          // xxxxx_yyyy
	SearchedDepts  string        `json:"dept_rech"`         // départements recherchés (free text)
	SearchedCities string        `json:"ville_rech"`        // villes recherchées (free text)
	Resale         OuiNon        `json:"revente"`           // revente
	SalesRep       string        `json:"commercial"`        // e-mail of a licensed seller (see Programs)

	// Marketing: codes set up in La Factory (see the referentials).
	UTMCampaign string `json:"utm_campaign"` // campagne
	Channel     string `json:"canal"`        // canal; create needs it or UTMAct
	UTMAct      string `json:"utm_act"`      // origine
	UTMSource   string `json:"utm_source"`   // source
	UTMMedium   string `json:"utm_medium"`   // support

	// Call-center qualification and closure.
	ConclusionCode    string       `json:"conclusioncode"`   // your conclusion code, mapped in La Factory (flux5 code)
	Closure           ClotureCall  `json:"cloture_call"`     // ACCORD, REFUS or INEXPLOITABLE
	ClosureReason     MotifCloture `json:"motif_cloture"`    // must belong to Closure
	CallCenterProgram string       `json:"programme_call"`   // programme, if it changed during the call
	AssignedAt        DateTime     `json:"attribdate_call"`  // when a seller was assigned
	CallCenterComment string       `json:"commentaire_call"` // commentaires call center

	// sent holds the balises La Factory sent non-empty and their values,
	// for UpdateProject's guard; cleared holds those the caller blanks on
	// purpose.
	sent    map[string]string
	cleared map[string]bool
}

// fluxAliases are the flux's names for three balises.
var fluxAliases = map[string]string{"utm_camapaign": "utm_campaign", "type_bienED": "type_logementED", "nature_bien": "nature_logement"}

// UnmarshalJSON reads a project with the update table's balises or the
// flux's, and remembers which fields La Factory sent.
func (p *Project) UnmarshalJSON(b []byte) error {
	type plain Project
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	for alias, name := range fluxAliases {
		if v, ok := raw[alias]; ok {
			if _, set := raw[name]; !set {
				raw[name] = v
			}
			delete(raw, alias)
		}
	}
	b, _ = json.Marshal(raw)
	var q plain
	if err := json.Unmarshal(b, &q); err != nil {
		return err
	}
	*p = Project(q)
	p.sent = nonEmptyFields(p)
	return nil
}

// nonEmptyFields is the balises of p that hold a value, with the value.
func nonEmptyFields(p *Project) map[string]string {
	fields := map[string]string{}
	for k, v := range p.wire() {
		if v != "" {
			fields[k] = v
		}
	}
	return fields
}

// wire is p as the flat object of text values it travels as.
func (p *Project) wire() map[string]string {
	type plain Project
	b, _ := json.Marshal((*plain)(p))
	var m map[string]string
	_ = json.Unmarshal(b, &m)
	return m
}

// Clear blanks fields on purpose, by balise ("tel_professionnel"), for
// UpdateProject: without it, UpdateProject refuses to blank a field La
// Factory sent. It returns p for chaining.
func (p *Project) Clear(balises ...string) *Project {
	if p.cleared == nil {
		p.cleared = map[string]bool{}
	}
	w := p.wire()
	blank := map[string]string{}
	for _, b := range balises {
		p.cleared[b] = true
		if _, ok := w[b]; ok {
			blank[b] = ""
		}
	}
	bb, _ := json.Marshal(blank)
	type plain Project
	_ = json.Unmarshal(bb, (*plain)(p))
	return p
}

// Validate checks a project for creation (update false) or update, and
// reports every problem at once: creation needs canal or utm_act; update
// needs both ids; commercial is an e-mail; a closure reason belongs to its
// closure; codes, dates, postal and INSEE codes are well formed. On
// update, a value La Factory sent and the update sends back unchanged is
// not checked: La Factory holds it already, and refusing it would leave a
// project with one bad value (a tel_mobile of "n/c") impossible to update
// without blanking it.
func (p *Project) Validate(update bool) error {
	var l validate.List
	if update {
		l.Required("factoryprojectid", p.FactoryProjectID)
		l.Required("callcenterprojectid", p.CallCenterProjectID)
	} else if p.Channel == "" && p.UTMAct == "" {
		l.Add("canal", "canal or utm_act is required to create a project")
	}
	l.Check(p.SalesRep != "" && !validate.Email(p.SalesRep), "commercial", "is not an e-mail address")
	l.Check(p.Email != "" && !validate.Email(p.Email), "email", "is not an e-mail address")
	l.Check(p.Email2 != "" && !validate.Email(p.Email2), "email2", "is not an e-mail address")
	l.Check(p.PostalCode != "" && !ValidPostalCode(p.PostalCode), "code_postal", "must be 5 digits")
	l.Check(p.CityINSEE != "" && !ValidINSEE(p.CityINSEE), "insee_ville", "is not an INSEE code (5 digits, or 2A/2B and 3 digits)")
	l.Check(p.LotCode != "" && p.LotCode.Validate() != nil, "code_lot", "is not xxxxx_yyyy")
	l.Check(!p.BirthDate.Valid(), "date_naissance", "is not aaaammjj")
	l.Check(!p.LeadDate.Valid(), "date_acquisition", "is not aaaammjjhhmmss")
	l.Check(!p.AssignedAt.Valid(), "attribdate_call", "is not aaaammjjhhmmss")
	for _, phone := range [][2]string{{"tel_mobile", p.MobilePhone}, {"tel_fixe", p.HomePhone}, {"tel_professionnel", p.WorkPhone}} {
		l.Check(phone[1] != "" && !validate.Phone(phone[1]), phone[0], "is not a phone number")
	}
	for _, e := range []struct {
		balise string
		set    bool
		valid  bool
	}{
		{"salutation", p.Salutation != "", p.Salutation.Valid()},
		{"situation_logement", p.HousingSituation != "", p.HousingSituation.Valid()},
		{"projet_immo", p.Project != "", p.Project.Valid()},
		{"objectif_achat", p.Goal != "", p.Goal.Valid()},
		{"primo_accedant", p.FirstTimeBuyer != "", p.FirstTimeBuyer.Valid()},
		{"rgpdin", p.ConsentOptIn != "", p.ConsentOptIn.Valid()},
		{"rgpdout", p.ConsentOptOut != "", p.ConsentOptOut.Valid()},
		{"revente", p.Resale != "", p.Resale.Valid()},
		{"cloture_call", p.Closure != "", p.Closure.Valid()},
		{"motif_cloture", p.ClosureReason != "", p.ClosureReason.Valid()},
	} {
		l.Check(e.set && !e.valid, e.balise, "is not one of the seed's values")
	}
	var now map[string]string
	if update && len(p.sent) > 0 {
		now = p.wire()
		kept := l[:0] // the checks above are of one field each
		for _, problem := range l {
			if v, ok := p.sent[problem.Field]; !ok || now[problem.Field] != v {
				kept = append(kept, problem)
			}
		}
		l = kept
	}
	switch {
	case p.ClosureReason != "" && p.Closure == "":
		l.Add("cloture_call", "is required with motif_cloture")
	case p.ClosureReason.Valid() && p.Closure.Valid() && p.ClosureReason.Closure() != p.Closure:
		l.Add("motif_cloture", "does not belong to closure "+string(p.Closure))
	}
	if update && len(p.sent) > 0 {
		var blanked []string
		for b := range p.sent {
			if !p.cleared[b] && now[b] == "" && b != "date_acquisition" {
				blanked = append(blanked, b)
			}
		}
		sort.Strings(blanked)
		for _, b := range blanked {
			l.Add(b, "La Factory sent a value and the update would blank it; call Clear(\""+b+"\") to blank it on purpose")
		}
	}
	return validationError(op(update), l)
}

func op(update bool) string {
	if update {
		return "update"
	}
	return "create"
}

// updateBody is a project for update: every balise, date_acquisition
// left out (it is set at creation and never updated).
type updateBody struct {
	*Project
	LeadDate *struct{} `json:"date_acquisition,omitempty"`
}

// CreateProject creates a project (and its contact) in La Factory. It
// needs Channel (canal) or UTMAct (utm_act). FactoryProjectID must be
// empty: an id La Factory knows would make this call an update.
//
// Creating is not idempotent, so the call is retried only when it cannot
// have reached La Factory, or on 429 and 503.
func (c *Client) CreateProject(ctx context.Context, p *Project) (*Result, error) {
	if p == nil {
		return nil, nilArgument("create", "project")
	}
	err := p.Validate(false)
	if err == nil && p.FactoryProjectID != "" {
		err = &ValidationError{Pkg: "factory", Op: "create", Fields: []FieldError{{Field: "factoryprojectid", Problem: "must be empty to create; use UpdateProject"}}}
	}
	if err != nil {
		return nil, err
	}
	return c.result(ctx, opCreateOrUpdate, transport.NotIdempotent, p)
}

// UpdateProject replaces the project in La Factory with p.
//
// La Factory's rule: an update replaces the whole project, and a field it
// sent that the update does not send back is blanked. So UpdateProject
// always sends every field of p, and there is no partial update: change
// the project NextProject returned and send it whole. A field La Factory
// sent that p no longer holds is refused by Validate unless Clear named
// it. date_acquisition is never sent: La Factory keeps the creation date.
//
// An update with the same project is idempotent, so the call is retried.
func (c *Client) UpdateProject(ctx context.Context, p *Project) (*Result, error) {
	if p == nil {
		return nil, nilArgument("update", "project")
	}
	if err := p.Validate(true); err != nil {
		return nil, err
	}
	return c.result(ctx, opCreateOrUpdate, transport.Idempotent, updateBody{Project: p})
}

// NextProject takes the next project waiting for the call center
// (GetProject4CallCenter): a project from an import flow, not a partner's
// denunciation, that carries no call-center id yet. Each call hands out a
// different project; ErrNoProject (wrapped in an *Error) says none waits.
// Acknowledge the project next, so that La Factory records your id.
//
// La Factory marks the project as sent when it answers, so a retry after
// the answer was lost would skip it: the call is retried only when it
// cannot have reached La Factory, or on 429 and 503.
func (c *Client) NextProject(ctx context.Context) (*Project, error) {
	_, payload, err := c.call(ctx, GetProject4CallCenter, transport.NotIdempotent, nil)
	if err != nil {
		return nil, err
	}
	payload = firstOf(payload)
	if isEmpty(payload) {
		return nil, &Error{Op: string(GetProject4CallCenter), Err: ErrNoProject}
	}
	var p Project
	if err := json.Unmarshal(payload, &p); err != nil {
		return nil, c.malformed(GetProject4CallCenter, payload, err.Error())
	}
	if p.FactoryProjectID == "" {
		return nil, c.malformed(GetProject4CallCenter, payload, "the project has no factoryprojectid")
	}
	return &p, nil
}

// firstOf returns the first element of a JSON array, or b.
func firstOf(b json.RawMessage) json.RawMessage {
	var list []json.RawMessage
	if json.Unmarshal(b, &list) == nil {
		if len(list) == 0 {
			return nil
		}
		return list[0]
	}
	return b
}

// isEmpty reports an absent project: nothing, null, "" or {}.
func isEmpty(b json.RawMessage) bool {
	switch string(bytes.TrimSpace(b)) {
	case "", "null", `""`, "{}":
		return true
	}
	return false
}
