package factory

import (
	"context"
	"strconv"
	"time"

	"github.com/passerelle-go/passerelle/internal/transport"
	"github.com/passerelle-go/passerelle/internal/validate"
)

// PhoneCall is a call to log on a project: subject, direction, duration
// and whether a voicemail was left are all required by the seed.
type PhoneCall struct {
	Subject         string    // sujet
	Direction       Direction // Incoming or Outgoing
	DurationMinutes int       // durée, in whole minutes
	VoicemailLeft   bool      // message: a voicemail was left
	Comment         string    // commentaire (optional)
}

// Appointment is a meeting to book on a project: subject, comment, start,
// end and type are required by the seed; nature and seller are optional.
type Appointment struct {
	Subject  string    // sujet
	Comment  string    // commentaire
	Start    time.Time // datedebut
	End      time.Time // datefin, after Start
	Type     RdvType   // R1, R2, R3 or partenaire
	Nature   RdvNature // physique, visio or téléphonique
	SalesRep string    // commercial: the seller's e-mail
}

// activityBody is SetActivity's input. The duration's balise is "durée",
// accent included, as the seed writes it.
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
// phonecall). An activity sent twice is recorded twice, so the call is
// retried only when it cannot have reached La Factory, or on 429 and 503.
func (c *Client) LogCall(ctx context.Context, factoryProjectID string, call PhoneCall) (*Result, error) {
	var l validate.List
	l.Required("factoryprojectid", factoryProjectID)
	l.Required("sujet", call.Subject)
	if l.Required("direction", string(call.Direction)) {
		l.Check(!call.Direction.Valid(), "direction", "must be Incoming (0) or Outgoing (1)")
	}
	l.Check(call.DurationMinutes < 0, "durée", "is negative")
	if err := validationError("log call", l); err != nil {
		return nil, err
	}
	return c.result(ctx, SetActivity, transport.NotIdempotent, activityBody{
		FactoryProjectID: factoryProjectID, Subject: call.Subject, Type: "phonecall",
		Direction: call.Direction, Duration: strconv.Itoa(call.DurationMinutes),
		Voicemail: strconv.FormatBool(call.VoicemailLeft), Comment: call.Comment,
	})
}

// ScheduleAppointment books an appointment on the project (SetActivity,
// typeactivite appointment). Like LogCall, it is not retried once it may
// have reached La Factory.
func (c *Client) ScheduleAppointment(ctx context.Context, factoryProjectID string, a Appointment) (*Result, error) {
	var l validate.List
	l.Required("factoryprojectid", factoryProjectID)
	l.Required("sujet", a.Subject)
	l.Required("commentaire", a.Comment)
	l.Check(a.Start.IsZero(), "datedebut", "is required")
	l.Check(a.End.IsZero(), "datefin", "is required")
	l.Check(!a.Start.IsZero() && !a.End.IsZero() && !a.End.After(a.Start), "datefin", "must be after datedebut")
	if l.Required("typerdv", string(a.Type)) {
		l.Check(!a.Type.Valid(), "typerdv", "must be R1, R2, R3 or partenaire")
	}
	l.Check(a.Nature != "" && !a.Nature.Valid(), "naturerdv", "must be physique, visio or téléphonique")
	l.Check(a.SalesRep != "" && !validate.Email(a.SalesRep), "commercial", "is not an e-mail address")
	if err := validationError("schedule appointment", l); err != nil {
		return nil, err
	}
	return c.result(ctx, SetActivity, transport.NotIdempotent, activityBody{
		FactoryProjectID: factoryProjectID, Subject: a.Subject, Type: "appointment", Comment: a.Comment,
		Start: NewDateTime(a.Start).String(), End: NewDateTime(a.End).String(),
		RdvType: a.Type, RdvNature: a.Nature, SalesRep: a.SalesRep,
	})
}
