package batiweb

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/passerelle-go/passerelle/internal/phone"
	"github.com/passerelle-go/passerelle/internal/transport"
	"github.com/passerelle-go/passerelle/internal/validate"
)

// Lead is a requester and their project, as the import method takes it
// (the "request" of "Connectivité IMPORT" in Batiweb's "Web Service 2023"
// document). JSON keys are the document's parameter names. Codes are sent
// as strings, as in the document's PHP example; decoding accepts a JSON
// string, number or boolean for any text field and keeps its text
// ({"zipcode":78180} reads as "78180"), as PHP callers send numbers.
type Lead struct {
	// Email is the requester's e-mail address (required); Batiweb
	// de-duplicates leads by it.
	Email string `json:"email"`
	// City is the requester's town, "ville du demandeur" (required).
	City string `json:"city"`
	// Zipcode is the requester's 5-digit postal code (required). Spaces
	// around it are trimmed before it is checked and sent.
	Zipcode string `json:"zipcode"`
	// IsOwner is the requester's occupancy status (required).
	IsOwner IsOwner `json:"isowner"`
	// Cellphone is the requester's mobile number; required unless Landline
	// is set.
	Cellphone string `json:"cellphone,omitempty"`
	// Landline is the requester's landline number; required unless
	// Cellphone is set.
	Landline string `json:"landline,omitempty"`
	// FirstName is the requester's first name, "prénom" (required).
	FirstName string `json:"firstname"`
	// LastName is the requester's family name, "nom" (required).
	LastName string `json:"lastname"`
	// Civility is the requester's title (required), sent as its code.
	Civility Civility `json:"civility"`
	// HousingType is the kind of dwelling (optional).
	HousingType HousingType `json:"housingtype,omitempty"`
	// WorkDescription is "Libellé du métier", the trade's label (required,
	// one line). Import sends WorkType's label when it is blank.
	WorkDescription string `json:"workdescription"`
	// WorkType is the trade's code (required).
	WorkType WorkType `json:"worktype"`
	// Address is the postal address of the requester or of the site
	// (optional, one line).
	Address string `json:"address,omitempty"`
	// AmountOfRooms is the number of rooms concerned (optional); 0 is not
	// sent. Decoding accepts a JSON number or a string holding one.
	AmountOfRooms int `json:"amountofrooms,omitempty,string"`
	// ReminderTime is when to call the requester back (optional).
	ReminderTime ReminderTime `json:"remindertime,omitempty"`
	// Delay is when the work should start (optional).
	Delay Delay `json:"delay,omitempty"`
	// Area is the surface concerned (optional).
	Area Area `json:"area,omitempty"`
	// Comment is the work asked for, in the requester's words (optional);
	// the one field that may hold line breaks.
	Comment string `json:"comment,omitempty"`
	// YearBuilt is the age of the building (optional).
	YearBuilt YearBuilt `json:"yearbuilt,omitempty"`
	// Funding is how the work is paid (optional).
	Funding Funding `json:"funding,omitempty"`
	// Budget is the requester's budget (optional).
	Budget Budget `json:"budget,omitempty"`
	// SupplierLeadID is the lead's id in your system (optional); Status
	// gives it back.
	SupplierLeadID string `json:"supplierleadid,omitempty"`
}

// leadJSON is Lead as JSON may hold it: text fields of any scalar type.
type leadJSON struct {
	Email           text         `json:"email"`
	City            text         `json:"city"`
	Zipcode         text         `json:"zipcode"`
	IsOwner         IsOwner      `json:"isowner"`
	Cellphone       text         `json:"cellphone"`
	Landline        text         `json:"landline"`
	FirstName       text         `json:"firstname"`
	LastName        text         `json:"lastname"`
	Civility        Civility     `json:"civility"`
	HousingType     HousingType  `json:"housingtype"`
	WorkDescription text         `json:"workdescription"`
	WorkType        WorkType     `json:"worktype"`
	Address         text         `json:"address"`
	AmountOfRooms   count        `json:"amountofrooms"`
	ReminderTime    ReminderTime `json:"remindertime"`
	Delay           Delay        `json:"delay"`
	Area            Area         `json:"area"`
	Comment         text         `json:"comment"`
	YearBuilt       YearBuilt    `json:"yearbuilt"`
	Funding         Funding      `json:"funding"`
	Budget          Budget       `json:"budget"`
	SupplierLeadID  text         `json:"supplierleadid"`
}

// UnmarshalJSON reads a lead written with the document's keys. A text
// field may be a JSON string, number or boolean and keeps its text
// ({"zipcode":78180} is "78180"); AmountOfRooms may be a number or a string
// holding one; the codes accept their number, their text or a label.
// Unknown keys are ignored.
func (l *Lead) UnmarshalJSON(b []byte) error {
	var w leadJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return named(err, "Lead")
	}
	*l = Lead{
		Email: string(w.Email), City: string(w.City), Zipcode: string(w.Zipcode), IsOwner: w.IsOwner,
		Cellphone: string(w.Cellphone), Landline: string(w.Landline), FirstName: string(w.FirstName),
		LastName: string(w.LastName), Civility: w.Civility, HousingType: w.HousingType,
		WorkDescription: string(w.WorkDescription), WorkType: w.WorkType, Address: string(w.Address),
		AmountOfRooms: int(w.AmountOfRooms), ReminderTime: w.ReminderTime, Delay: w.Delay, Area: w.Area,
		Comment: string(w.Comment), YearBuilt: w.YearBuilt, Funding: w.Funding, Budget: w.Budget,
		SupplierLeadID: string(w.SupplierLeadID),
	}
	return nil
}

// Validate applies every rule of the document before anything is sent and
// reports all problems at once in a *ValidationError: required fields, a
// 5-digit zipcode (spaces around it trimmed first), a cellphone or a
// landline, a non-negative room count, an e-mail address, codes that exist
// in the document's mapping tables, and text that is valid UTF-8 without
// control characters (line breaks only in Comment). The lead is not
// changed.
func (l *Lead) Validate() error {
	var p validate.List
	if p.Text("email", l.Email, false) && p.Required("email", l.Email) {
		p.Check(!validate.Email(l.Email), "email", "is not an e-mail address")
	}
	if p.Text("city", l.City, false) {
		p.Required("city", l.City)
	}
	checkZipcode(&p, l.Zipcode)
	if l.Cellphone == "" && l.Landline == "" {
		p.Add("cellphone", "is required when landline is empty")
	}
	if p.Text("cellphone", l.Cellphone, false) {
		p.Check(l.Cellphone != "" && !phone.Valid(l.Cellphone, phone.DefaultRegion), "cellphone", "is not a phone number")
	}
	if p.Text("landline", l.Landline, false) {
		p.Check(l.Landline != "" && !phone.Valid(l.Landline, phone.DefaultRegion), "landline", "is not a phone number")
	}
	if p.Text("firstname", l.FirstName, false) {
		p.Required("firstname", l.FirstName)
	}
	if p.Text("lastname", l.LastName, false) {
		p.Required("lastname", l.LastName)
	}
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
	if p.Text("workdescription", l.WorkDescription, false) &&
		strings.TrimSpace(l.WorkDescription) == "" && l.WorkType == 0 {
		p.Add("workdescription", "is required (it defaults to the work type's label)")
	}
	p.Text("address", l.Address, false)
	p.Text("comment", l.Comment, true)
	p.Text("supplierleadid", l.SupplierLeadID, false)
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
	p.Check(v.Code() != 0 && !v.Valid(), field, "code is not in the document's mapping table")
}

// normalZipcode is the zipcode as it is checked and sent: spaces around it
// trimmed.
func normalZipcode(zip string) string { return strings.TrimSpace(zip) }

func checkZipcode(p *validate.List, zip string) {
	zip = normalZipcode(zip)
	if p.Required("zipcode", zip) {
		p.Check(!validate.Digits(zip, 5), "zipcode", "must be 5 digits")
	}
}

// ImportResult is an imported lead.
type ImportResult struct {
	// ID is the lead's id at Batiweb ("id"), as sent.
	ID string
	// Token is the lead's unique token ("token"), for [Client.Status].
	Token string
	// Message is the service's message ("Lead correctly imported"),
	// secrets masked, control characters replaced, cut at 512 bytes.
	Message string
}

// Import validates the lead and sends it. The lead is not changed; the
// zipcode goes out trimmed and a blank WorkDescription as WorkType's label.
//
// A failure code comes back as an *Error: [ErrNotSellable] (4),
// [ErrDuplicateLead] (5, Batiweb already has this e-mail),
// [ErrLeaseholderRefused] (6), [ErrMissingArgument] (2), [ErrInvalidValue]
// (3), [ErrUnauthorized] (1), [ErrInternal] (9).
//
// Retry class: not idempotent. Import creates a lead, and a second send
// could create it twice (Batiweb de-duplicates by e-mail, but only among
// leads it kept). It is retried only when the request cannot have reached
// Batiweb (the connection was never made) or when the server answered 429
// or 503. A dropped connection or a timeout after sending is returned as
// an error; check with Status or IsSellable (with the e-mail) before
// sending again.
func (c *Client) Import(ctx context.Context, lead *Lead) (*ImportResult, error) {
	if lead == nil {
		return nil, &ValidationError{Op: "import", Fields: []FieldError{{Field: "lead", Problem: "is nil"}}}
	}
	if err := lead.Validate(); err != nil {
		return nil, err
	}
	wire := *lead
	if strings.TrimSpace(wire.WorkDescription) == "" {
		wire.WorkDescription = lead.WorkType.String()
	}
	wire.Zipcode = normalZipcode(wire.Zipcode)
	r, err := c.call(ctx, "import", pathImport, transport.NotIdempotent, &wire)
	if err != nil {
		return nil, err
	}
	return &ImportResult{ID: string(r.ID), Token: string(r.Token), Message: c.text(r.Message)}, nil
}
