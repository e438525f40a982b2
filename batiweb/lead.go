package batiweb

import (
	"context"
	"strings"

	"github.com/passerelle-go/passerelle/internal/transport"
	"github.com/passerelle-go/passerelle/internal/validate"
)

// Lead is a requester and their project, as the import method takes it.
// JSON keys are the seed's parameter names; codes travel as strings, as in
// the seed's PHP example.
type Lead struct {
	Email     string   `json:"email"`               // required: the requester's e-mail
	City      string   `json:"city"`                // required: the requester's town
	Zipcode   string   `json:"zipcode"`             // required: 5-digit postal code
	IsOwner   IsOwner  `json:"isowner"`             // required: occupancy status
	Cellphone string   `json:"cellphone,omitempty"` // required unless Landline is set
	Landline  string   `json:"landline,omitempty"`  // required unless Cellphone is set
	FirstName string   `json:"firstname"`           // required: prénom
	LastName  string   `json:"lastname"`            // required: nom
	Civility  Civility `json:"civility"`            // required: sent as its code
	// HousingType is the kind of dwelling (optional).
	HousingType HousingType `json:"housingtype,omitempty"`
	// WorkDescription is "Libellé du métier", the trade's label (required).
	// Import sends WorkType's label when it is empty.
	WorkDescription string   `json:"workdescription"`
	WorkType        WorkType `json:"worktype"`          // required: the trade's code
	Address         string   `json:"address,omitempty"` // postal address of the requester or the site
	// AmountOfRooms is the number of rooms concerned; 0 is not sent.
	AmountOfRooms  int          `json:"amountofrooms,omitempty,string"`
	ReminderTime   ReminderTime `json:"remindertime,omitempty"`   // when to call back
	Delay          Delay        `json:"delay,omitempty"`          // when the work should start
	Area           Area         `json:"area,omitempty"`           // surface concerned
	Comment        string       `json:"comment,omitempty"`        // the work asked for, in the requester's words
	YearBuilt      YearBuilt    `json:"yearbuilt,omitempty"`      // age of the building
	Funding        Funding      `json:"funding,omitempty"`        // how the work is paid
	Budget         Budget       `json:"budget,omitempty"`         // the requester's budget
	SupplierLeadID string       `json:"supplierleadid,omitempty"` // the lead's id in your system
}

// Validate applies every rule of the seed before anything is sent and
// reports all problems at once in a *ValidationError: required fields, a
// 5-digit zipcode, a cellphone or a landline, a non-negative room count, an
// e-mail address, and codes that exist in the seed's tables.
func (l *Lead) Validate() error {
	var p validate.List
	if p.Required("email", l.Email) {
		p.Check(!validate.Email(l.Email), "email", "is not an e-mail address")
	}
	p.Required("city", l.City)
	checkZipcode(&p, l.Zipcode)
	if l.Cellphone == "" && l.Landline == "" {
		p.Add("cellphone", "is required when landline is empty")
	}
	p.Check(l.Cellphone != "" && !validate.Phone(l.Cellphone), "cellphone", "is not a phone number")
	p.Check(l.Landline != "" && !validate.Phone(l.Landline), "landline", "is not a phone number")
	p.Required("firstname", l.FirstName)
	p.Required("lastname", l.LastName)
	p.Check(l.AmountOfRooms < 0, "amountofrooms", "is negative")
	required(&p, "isowner", l.IsOwner)
	required(&p, "civility", l.Civility)
	required(&p, "worktype", l.WorkType)
	optional(&p, "housingtype", l.HousingType)
	optional(&p, "remindertime", l.ReminderTime)
	optional(&p, "delay", l.Delay)
	optional(&p, "area", l.Area)
	optional(&p, "yearbuilt", l.YearBuilt)
	optional(&p, "funding", l.Funding)
	optional(&p, "budget", l.Budget)
	if strings.TrimSpace(l.WorkDescription) == "" && l.WorkType == 0 {
		p.Add("workdescription", "is required (it defaults to the work type's label)")
	}
	return validationError("import", p)
}

// code is what every enum type of the package is.
type code interface {
	Valid() bool
	Code() int
}

func required(p *validate.List, field string, v code) {
	if v.Code() == 0 {
		p.Add(field, "is required")
	} else {
		optional(p, field, v)
	}
}

func optional(p *validate.List, field string, v code) {
	p.Check(v.Code() != 0 && !v.Valid(), field, "code is not in the seed's table")
}

func checkZipcode(p *validate.List, zip string) {
	if p.Required("zipcode", zip) {
		p.Check(!validate.Digits(zip, 5), "zipcode", "must be 5 digits")
	}
}

// ImportResult is an imported lead.
type ImportResult struct {
	ID      string // the lead's id at Batiweb, as sent
	Token   string // the lead's token, for Status
	Message string // the service's message ("Lead correctly imported")
}

// Import validates the lead and sends it. The lead is not changed.
//
// A failure code comes back as an *Error: ErrNotSellable (4),
// ErrDuplicateLead (5, Batiweb already has this e-mail), ErrLeaseholderRefused
// (6), ErrMissingArgument (2), ErrInvalidValue (3), ErrAuthentication (1).
//
// Import creates a lead, so a retry could create it twice: it is retried
// only when the request cannot have reached Batiweb (the connection was
// never made) or when the server answered 429 or 503. A dropped connection
// or a timeout after sending is returned as an error; check with Status or
// IsSellable (with the e-mail) before sending again.
func (c *Client) Import(ctx context.Context, lead *Lead) (*ImportResult, error) {
	if lead == nil {
		return nil, &ValidationError{Pkg: "batiweb", Op: "import", Fields: []FieldError{{Field: "lead", Problem: "is nil"}}}
	}
	if err := lead.Validate(); err != nil {
		return nil, err
	}
	wire := *lead
	if strings.TrimSpace(wire.WorkDescription) == "" {
		wire.WorkDescription = lead.WorkType.String()
	}
	wire.Zipcode = strings.TrimSpace(wire.Zipcode)
	r, err := c.call(ctx, "import", pathImport, transport.NotIdempotent, &wire)
	if err != nil {
		return nil, err
	}
	return &ImportResult{ID: string(r.ID), Token: r.Token, Message: r.Message}, nil
}
