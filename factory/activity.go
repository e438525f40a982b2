package factory

import (
	"context"
	"strconv"
	"time"

	"github.com/passerelle-go/passerelle/internal/transport"
	"github.com/passerelle-go/passerelle/internal/validate"
)

// PhoneCall is a call to log on a project (SetActivity, section 3.4.2.1
// of the document): subject, direction, duration and whether a voicemail
// was left are required.
type PhoneCall struct {
	// Subject is the call's subject ("sujet").
	Subject string
	// Direction is Incoming or Outgoing ("direction").
	Direction Direction
	// DurationMinutes is the call's length in whole minutes ("durée").
	DurationMinutes int
	// VoicemailLeft says whether a voicemail was left ("message").
	VoicemailLeft bool
	// Comment is a comment on the call ("commentaire"), optional; it may
	// hold line breaks.
	Comment string
	// SalesRep is the seller in charge ("commercial"), optional: the
	// e-mail of a seller holding a La Factory licence. The document's
	// SetActivity table allows it on any activity.
	SalesRep string
}

// Appointment is a meeting to book on a project (SetActivity, section
// 3.4.2.2): subject, comment, start, end and type are required; nature
// and seller are optional.
type Appointment struct {
	// Subject is the meeting's subject ("sujet").
	Subject string
	// Comment describes the meeting ("commentaire"); it may hold line
	// breaks.
	Comment string
	// Start is when the meeting starts ("datedebut"), sent in Europe/Paris.
	Start time.Time
	// End is when it ends ("datefin"), after Start.
	End time.Time
	// Type is the kind of meeting ("typerdv"): R1, R2, R3 or partenaire.
	Type RdvType
	// Nature is how the meeting takes place ("naturerdv"): physique,
	// visio or téléphonique.
	Nature RdvNature
	// SalesRep is the seller's e-mail ("commercial"), optional.
	SalesRep string
}

// activityBody is SetActivity's input. The duration's balise is "durée",
// accent included, as the document writes it.
type activityBody struct {
	FactoryProjectID string    `json:"factoryprojectid"`
	Subject          string    `json:"sujet"`
	Type             string    `json:"typeactivite"` // phonecall or appointment
	Direction        Direction `json:"direction,omitempty"`
	Duration         string    `json:"durée,omitempty"`
	Voicemail        string    `json:"message,omitempty"` // "true" or "false"
	Comment          string    `json:"commentaire,omitempty"`
	Start            string    `json:"datedebut,omitempty"` // aaaammjjhhmmss
	End              string    `json:"datefin,omitempty"`
	RdvType          RdvType   `json:"typerdv,omitempty"`
	RdvNature        RdvNature `json:"naturerdv,omitempty"`
	SalesRep         string    `json:"commercial,omitempty"`
}

// LogCall records a phone call on the project (SetActivity, typeactivite
// phonecall).
//
// Not idempotent: an activity sent twice is recorded twice, so the call
// is retried only when it cannot have reached La Factory, or on 429 and
// 503.
func (c *Client) LogCall(ctx context.Context, factoryProjectID string, call PhoneCall) (*Result, error) {
	var l validate.List
	if l.Required("factoryprojectid", factoryProjectID) {
		l.Text("factoryprojectid", factoryProjectID, false)
	}
	if l.Required("sujet", call.Subject) {
		l.Text("sujet", call.Subject, false)
	}
	if l.Required("direction", string(call.Direction)) {
		l.Check(!call.Direction.Valid(), "direction", "must be Incoming (0) or Outgoing (1)")
	}
	l.Check(call.DurationMinutes < 0, "durée", "is negative")
	l.Text("commentaire", call.Comment, true)
	if call.SalesRep != "" && l.Text("commercial", call.SalesRep, false) {
		l.Check(!validate.Email(call.SalesRep), "commercial", "is not an e-mail address")
	}
	if err := validationError("log call", l); err != nil {
		return nil, err
	}
	return c.activity(ctx, activityBody{
		FactoryProjectID: factoryProjectID, Subject: call.Subject, Type: "phonecall",
		Direction: call.Direction, Duration: strconv.Itoa(call.DurationMinutes),
		Voicemail: strconv.FormatBool(call.VoicemailLeft), Comment: call.Comment, SalesRep: call.SalesRep,
	})
}

// ScheduleAppointment books an appointment on the project (SetActivity,
// typeactivite appointment).
//
// Not idempotent, like LogCall: a second send books a second meeting, so
// the call is not retried once it may have reached La Factory.
func (c *Client) ScheduleAppointment(ctx context.Context, factoryProjectID string, a Appointment) (*Result, error) {
	var l validate.List
	if l.Required("factoryprojectid", factoryProjectID) {
		l.Text("factoryprojectid", factoryProjectID, false)
	}
	if l.Required("sujet", a.Subject) {
		l.Text("sujet", a.Subject, false)
	}
	if l.Required("commentaire", a.Comment) {
		l.Text("commentaire", a.Comment, true)
	}
	l.Check(a.Start.IsZero(), "datedebut", "is required")
	l.Check(a.End.IsZero(), "datefin", "is required")
	l.Check(!a.Start.IsZero() && !a.End.IsZero() && !a.End.After(a.Start), "datefin", "must be after datedebut")
	if l.Required("typerdv", string(a.Type)) {
		l.Check(!a.Type.Valid(), "typerdv", "must be R1, R2, R3 or partenaire")
	}
	l.Check(a.Nature != "" && !a.Nature.Valid(), "naturerdv", "must be physique, visio or téléphonique")
	if a.SalesRep != "" && l.Text("commercial", a.SalesRep, false) {
		l.Check(!validate.Email(a.SalesRep), "commercial", "is not an e-mail address")
	}
	if err := validationError("schedule appointment", l); err != nil {
		return nil, err
	}
	return c.activity(ctx, activityBody{
		FactoryProjectID: factoryProjectID, Subject: a.Subject, Type: "appointment", Comment: a.Comment,
		Start: NewDateTime(a.Start).String(), End: NewDateTime(a.End).String(),
		RdvType: a.Type, RdvNature: a.Nature, SalesRep: a.SalesRep,
	})
}

func (c *Client) activity(ctx context.Context, body activityBody) (*Result, error) {
	b, err := marshal(body)
	if err != nil {
		return nil, &Error{Op: string(SetActivity), Err: err}
	}
	return c.result(ctx, SetActivity, transport.NotIdempotent, b)
}
