package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/passerelle-go/passerelle/batiweb"
	"github.com/passerelle-go/passerelle/batiweb/batiwebtest"
)

// FakeBatiweb starts a batiwebtest server that buys every trade everywhere
// and returns a client for it; call the server's Close when done.
func FakeBatiweb() (*batiweb.Client, *batiwebtest.Server, error) {
	srv := batiwebtest.NewServer()
	srv.Sell("")
	c, err := batiweb.New(batiwebtest.Login, batiwebtest.Password, batiweb.Prep, batiweb.WithBaseURL(srv.URL))
	if err != nil {
		srv.Close()
		return nil, nil, err
	}
	return c, srv, nil
}

// DemoLead is the requester of the stories: painting two rooms of a house.
func DemoLead(email string) *batiweb.Lead {
	return &batiweb.Lead{
		Email: email, City: "Montigny-le-Bretonneux", Zipcode: "78180",
		IsOwner: batiweb.Owner, Cellphone: "06 12 34 56 78", FirstName: "Claire", LastName: "Martin",
		Civility: batiweb.Madame, HousingType: batiweb.House, WorkType: batiweb.WorkTypePeinture,
		AmountOfRooms: 2, Delay: batiweb.DelayWithinMonth, Budget: batiweb.Budget1500To6000,
		Comment: "Peinture de la chambre et du salon",
	}
}

// Batiweb checks sellability, imports a lead and reads its status; against
// a fake server it also shows a duplicate refused. Then it shows a lead
// refused before anything is sent.
func Batiweb(ctx context.Context, w io.Writer, c *batiweb.Client, srv *batiwebtest.Server) error {
	lead := DemoLead(fmt.Sprintf("claire.martin+%d@example.fr", time.Now().Unix()))

	sell, err := c.IsSellable(ctx, batiweb.SellableRequest{Zipcode: lead.Zipcode, WorkType: lead.WorkType, Email: lead.Email})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "batiweb  is_sellable %s in %s -> sellable=%t (code %d)\n", lead.WorkType, lead.Zipcode, sell.Sellable, sell.Code.Code())
	if !sell.Sellable {
		return nil
	}

	imp, err := c.Import(ctx, lead)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "batiweb  import %s %s -> id %s, token %.12s…\n", lead.FirstName, lead.LastName, imp.ID, imp.Token)

	if srv != nil { // the fake's call center qualifies the lead
		if err := srv.SetStatus(imp.Token, batiweb.StatusValidated, time.Now()); err != nil {
			return err
		}
	}
	st, err := c.Status(ctx, imp.Token)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "batiweb  status -> %d %q on %s\n", st.Status.Code(), st.StatusLabel, st.Date.Format("2006-01-02 15:04"))

	if srv != nil {
		_, err = c.Import(ctx, lead)
		fmt.Fprintf(w, "batiweb  import the same e-mail again -> duplicate=%t (%v)\n", errors.Is(err, batiweb.ErrDuplicateLead), err)
	}

	bad := DemoLead("not-an-email")
	bad.Zipcode, bad.Cellphone = "7818", ""
	_, err = c.Import(ctx, bad)
	var verr *batiweb.ValidationError
	if errors.As(err, &verr) {
		fmt.Fprintf(w, "batiweb  import an invalid lead -> nothing sent, %d problems: %v\n", len(verr.Fields), verr)
	}
	return nil
}
