package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/passerelle-go/passerelle/factory"
	"github.com/passerelle-go/passerelle/factory/factorytest"
)

// ConclusionCode is the call center's code for "agreed, meeting booked",
// mapped in La Factory's "code conclusion" entity.
const ConclusionCode = "ACCORD-RDV"

// FakeFactory starts a factorytest server holding one imported project
// and the conclusion code above, and returns a client for it; call the
// server's Close when done.
func FakeFactory() (*factory.Client, *factorytest.Server, error) {
	srv := factorytest.NewServer()
	srv.SetConclusionCodes(map[string]string{ConclusionCode: "CONCL-ACCORD-RDV-PHYSIQUE"})
	srv.AddImported(factory.Project{
		Salutation: factory.Madame, FirstName: "Camille", LastName: "Durand", Email: "camille.durand@example.fr",
		MobilePhone: "06 90 11 22 33", WorkPhone: "03 20 00 00 00", PostalCode: "59000", City: "Lille",
		ProgramCode: "NX-59000-01", Project: factory.Habiter, Channel: "web", UTMSource: "seloger",
		FormName: "Contact programme", Comment: "Intéressée par un T3",
	})
	c, err := factory.New(factorytest.APIKey, factory.Acceptance, factory.WithBaseURL(srv.URL))
	if err != nil {
		srv.Close()
		return nil, nil, err
	}
	return c, srv, nil
}

// Factory is a call-center agent's loop on one project: take it,
// acknowledge it, log the call, qualify and update it whole, book a
// meeting with a seller, and close it with ACCORD / RDV PHYSIQUE.
func Factory(ctx context.Context, w io.Writer, c *factory.Client, srv *factorytest.Server) error {
	p, err := c.NextProject(ctx)
	if errors.Is(err, factory.ErrNoProject) {
		fmt.Fprintln(w, "factory  no project waits for the call center")
		return nil
	} else if err != nil {
		return err
	}
	fmt.Fprintf(w, "factory  next project %s: %s %s %s, %s, programme %s\n", p.FactoryProjectID, p.Salutation, p.FirstName, p.LastName, p.City, p.ProgramCode)

	p.CallCenterProjectID = "CC-" + p.FactoryProjectID
	if _, err := c.Acknowledge(ctx, p.FactoryProjectID, p.CallCenterProjectID); err != nil {
		return err
	}
	fmt.Fprintf(w, "factory  acknowledged as %s\n", p.CallCenterProjectID)

	if _, err := c.LogCall(ctx, p.FactoryProjectID, factory.PhoneCall{Subject: "Qualification", Direction: factory.Outgoing, DurationMinutes: 9}); err != nil {
		return err
	}
	fmt.Fprintln(w, "factory  logged an outgoing call of 9 minutes")

	programs, err := c.Programs(ctx)
	if err != nil {
		return err
	}
	var seller string
	for _, prog := range programs {
		for _, s := range prog.Sellers() {
			if seller == "" && s.Email != "" {
				seller = s.Email
			}
		}
	}

	// Qualify: change the project La Factory sent and send it back whole.
	p.Goal, p.BudgetMax, p.FirstTimeBuyer = factory.ResidencePrincipale, "280000", factory.Oui
	p.Closure, p.ClosureReason, p.SalesRep = factory.Accord, factory.RdvPhysique, seller
	p.AssignedAt = factory.NewDateTime(time.Now())
	res, err := c.UpdateProject(ctx, p)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "factory  updated the whole project (%s / %s, seller %s) -> %s\n", p.Closure, p.ClosureReason, seller, res.URL)

	start := time.Now().In(factory.Paris).Truncate(time.Hour).Add(48 * time.Hour)
	if _, err := c.ScheduleAppointment(ctx, p.FactoryProjectID, factory.Appointment{
		Subject: "Visite du programme", Comment: "R1 au bureau de vente", Start: start, End: start.Add(time.Hour),
		Type: factory.R1, Nature: factory.Physique, SalesRep: seller,
	}); err != nil {
		return err
	}
	fmt.Fprintf(w, "factory  booked an R1 meeting in person on %s\n", start.Format("2006-01-02 15:04"))

	code := ConclusionCode
	if _, err := c.Conclude(ctx, p.FactoryProjectID, p.CallCenterProjectID, code); err != nil {
		return err
	}
	fmt.Fprintf(w, "factory  closed with conclusion code %s", code)
	if srv != nil {
		fmt.Fprintf(w, " (La Factory's %s, %d activities recorded)", srv.Conclusion(p.FactoryProjectID), len(srv.Activities(p.FactoryProjectID)))
	}
	fmt.Fprintln(w)
	return nil
}
