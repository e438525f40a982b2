// Command batiweb checks that Batiweb buys a lead, imports it and reads its
// status.
//
//	go run ./examples/batiweb         # in-memory fake, or read-only on a real account
//	go run ./examples/batiweb -live   # a real account: import the lead
//
// Without BATIWEB_* variables it runs the whole story against an in-memory
// fake server. With BATIWEB_LOGIN and BATIWEB_PASSWORD (BATIWEB_ENV: PREP
// or PROD, PREP by default; BATIWEB_BASE_URL for another host) it runs
// against that account: it asks is_sellable, which changes nothing, and
// prints the lead it would import; only with -live does it import it (a
// made-up requester with an e-mail unique to the run) and read its status.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/passerelle-go/passerelle/batiweb"
	"github.com/passerelle-go/passerelle/batiweb/batiwebtest"
	"github.com/passerelle-go/passerelle/examples/internal/setup"
)

func main() { setup.Main(run) }

// vars are the variables of a real Batiweb account.
var vars = setup.Service{
	Name:     "Batiweb",
	Required: []string{"BATIWEB_LOGIN", "BATIWEB_PASSWORD"},
	Optional: []string{"BATIWEB_ENV", "BATIWEB_BASE_URL"},
}

func run(ctx context.Context, w io.Writer, args []string, getenv func(string) string) error {
	live, err := setup.Live("batiweb", args, w)
	if err != nil {
		return err
	}
	onReal, err := setup.Real(getenv, vars)
	if err != nil {
		return err
	}

	var client *batiweb.Client
	var fake *batiwebtest.Server
	if onReal {
		client, err = newBatiweb(getenv("BATIWEB_LOGIN"), getenv("BATIWEB_PASSWORD"), getenv("BATIWEB_ENV"), getenv("BATIWEB_BASE_URL"))
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "(Batiweb %s, %s)\n", client.Environment(), mode(live, client.Environment()))
	} else {
		if client, fake, err = newFake(); err != nil {
			return err
		}
		defer fake.Close()
		fmt.Fprintln(w, "(the in-memory batiwebtest server)")
	}
	// A made-up lead never goes into production, where Batiweb would sell
	// it to a real tradesman: -live imports it into PREP only.
	prod := fake == nil && client.Environment() == batiweb.Prod
	write := fake != nil || live && !prod

	// A requester unique to this run: Batiweb refuses a second lead with the
	// same e-mail, and a rerun must not collide with the last one.
	lead := &batiweb.Lead{
		Email: fmt.Sprintf("claire.martin+%s@example.fr", setup.Stamp()), City: "Montigny-le-Bretonneux", Zipcode: "78180",
		IsOwner: batiweb.Owner, Cellphone: "06 12 34 56 78", FirstName: "Claire", LastName: "Martin",
		Civility: batiweb.Madame, HousingType: batiweb.House, WorkType: batiweb.WorkTypePeinture,
		AmountOfRooms: 2, Delay: batiweb.DelayWithinMonth, Budget: batiweb.Budget1500To6000,
		Comment: "Peinture de la chambre et du salon",
	}

	// Validate runs before anything is sent: an invalid lead never leaves.
	bad := *lead
	bad.Email, bad.Zipcode, bad.Cellphone = "not-an-email", "7818", ""
	var invalid *batiweb.ValidationError
	if err := bad.Validate(); errors.As(err, &invalid) {
		fmt.Fprintf(w, "batiweb  an invalid lead -> nothing sent, %d problems: %v\n", len(invalid.Fields), invalid)
	}

	// is_sellable only asks: it changes nothing at Batiweb.
	sell, err := client.IsSellable(ctx, batiweb.SellableRequest{Zipcode: lead.Zipcode, WorkType: lead.WorkType, Email: lead.Email})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "batiweb  is_sellable %s in %s -> sellable=%t (code %d)\n", lead.WorkType, lead.Zipcode, sell.Sellable, sell.Code.Code())
	if !sell.Sellable {
		return nil
	}

	fmt.Fprintf(w, "batiweb  lead to import: %s %s <%s>, %s %s, %s, %d rooms, budget %s\n",
		lead.FirstName, lead.LastName, lead.Email, lead.Zipcode, lead.City, lead.WorkType, lead.AmountOfRooms, lead.Budget)
	switch {
	case live && prod:
		fmt.Fprintln(w, "batiweb  not imported: a made-up lead never goes into PROD (use PREP to try an import)")
		return nil
	case !write:
		fmt.Fprintln(w, "batiweb  not imported: run with -live to import it")
		return nil
	}
	imp, err := client.Import(ctx, lead)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "batiweb  import %s %s -> id %s, token %.12s…\n", lead.FirstName, lead.LastName, imp.ID, imp.Token)

	if fake != nil { // the fake's call center qualifies the lead
		if err := fake.SetStatus(imp.Token, batiweb.StatusValidated, time.Now()); err != nil {
			return err
		}
	}
	st, err := client.Status(ctx, imp.Token)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "batiweb  status -> %d %q on %s\n", st.Status.Code(), st.StatusLabel, st.Date.Format("2006-01-02 15:04"))

	if fake != nil { // a second import of the e-mail would be a second write on a real account
		_, err = client.Import(ctx, lead)
		fmt.Fprintf(w, "batiweb  import the same e-mail again -> duplicate=%t (%v)\n", errors.Is(err, batiweb.ErrDuplicateLead), err)
	}
	return nil
}

// newBatiweb is the client for a real account; env is PREP (the default)
// or PROD, baseURL another host when not "".
func newBatiweb(login, password, env, baseURL string) (*batiweb.Client, error) {
	e := batiweb.Prep
	if env != "" {
		e = batiweb.Environment(env)
	}
	var opts []batiweb.Option
	if baseURL != "" {
		opts = append(opts, batiweb.WithBaseURL(baseURL))
	}
	return batiweb.New(login, password, e, opts...)
}

// newFake starts a batiwebtest server that buys every trade everywhere and
// returns a client for it.
func newFake() (*batiweb.Client, *batiwebtest.Server, error) {
	srv := batiwebtest.NewServer()
	srv.Sell("")
	c, err := newBatiweb(batiwebtest.Login, batiwebtest.Password, "", srv.URL)
	if err != nil {
		srv.Close()
		return nil, nil, err
	}
	return c, srv, nil
}

// mode says whether a run on real services writes.
func mode(live bool, env batiweb.Environment) string {
	switch {
	case live && env == batiweb.Prod:
		return "-live, but a made-up lead is imported into PREP only"
	case live:
		return "-live: the lead is imported"
	}
	return "read-only: run with -live to import"
}
