// Command factory-callcenter runs a call-center agent's loop on one La
// Factory project: take it, acknowledge it, log the call, qualify it and
// send it back whole, book a meeting with a seller, and close it.
//
//	go run ./examples/factory-callcenter         # in-memory fake, or read-only on a real account
//	go run ./examples/factory-callcenter -live   # a real account: take and work one project
//
// Without FACTORY_* variables it runs the whole loop against an in-memory
// fake server. With FACTORY_API_KEY and FACTORY_CONCLUSION_CODE (your
// "ACCORD / RDV PHYSIQUE" code in La Factory's "code conclusion" entity;
// FACTORY_ENV: ACCEPTANCE or PRODUCTION, ACCEPTANCE by default;
// FACTORY_BASE_URL for another host) it works on that account. La Factory
// hands a project out once and marks it as sent: taking one is a write.
// So without -live it only reads the Programs referential (the sellers)
// and prints what the loop would do; with -live it takes one project and
// works it, printing each field it changes before sending it.
//
// What it takes is never lost: the project is acknowledged right after it
// is handed out, before any other call, and the update sends back every
// field La Factory sent, changing only the qualification it prints. A
// field La Factory holds is never overwritten with a made-up answer: the
// qualification only fills what is empty. When no seller is found for the
// project's programme (an empty referential), the project keeps its owner;
// when that owner cannot be sent back (La Factory's document requires a
// licensed seller in commercial, checked with Client.CheckSalesRep before
// any change), no update is sent: the project is concluded with the calls
// that carry no commercial, and printed whole as La Factory handed it out,
// to be qualified by hand. A project the client cannot read, and any other
// project La Factory handed out in the same answer, is printed as La
// Factory sent it, to be handled by hand (it is marked as sent).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/passerelle-go/passerelle/examples/internal/setup"
	"github.com/passerelle-go/passerelle/factory"
	"github.com/passerelle-go/passerelle/factory/factorytest"
)

func main() { setup.Main(run) }

// vars are the variables of a real La Factory account.
var vars = setup.Service{
	Name:     "La Factory",
	Required: []string{"FACTORY_API_KEY", "FACTORY_CONCLUSION_CODE"},
	Optional: []string{"FACTORY_ENV", "FACTORY_BASE_URL"},
}

// fakeConclusionCode is the fake's conclusion code for "agreed, meeting
// booked".
const fakeConclusionCode = "ACCORD-RDV"

func run(ctx context.Context, w io.Writer, args []string, getenv func(string) string) error {
	live, err := setup.Live("factory-callcenter", args, w)
	if err != nil {
		return err
	}
	onReal, err := setup.Real(getenv, vars)
	if err != nil {
		return err
	}

	var client *factory.Client
	var fake *factorytest.Server
	conclusion := fakeConclusionCode
	if onReal {
		client, err = newFactory(getenv("FACTORY_API_KEY"), getenv("FACTORY_ENV"), getenv("FACTORY_BASE_URL"))
		if err != nil {
			return err
		}
		conclusion = getenv("FACTORY_CONCLUSION_CODE")
		fmt.Fprintf(w, "(La Factory %s, %s)\n", envName(getenv("FACTORY_ENV")), mode(live))
	} else {
		if client, fake, err = newFake(); err != nil {
			return err
		}
		defer fake.Close()
		fmt.Fprintln(w, "(the in-memory factorytest server)")
	}
	return agent(ctx, w, client, conclusion, fake != nil || live)
}

// agent is the loop; it takes a project only when write is true.
func agent(ctx context.Context, w io.Writer, c *factory.Client, conclusion string, write bool) error {
	// Read the sellers first: a referential that cannot be read stops the
	// loop before it takes anything.
	programs, err := c.Programs(ctx)
	if err != nil {
		return err
	}
	sellers := map[string]string{} // programme's external id -> a seller's e-mail
	for _, prog := range programs {
		for _, s := range prog.Sellers() {
			if sellers[prog.ExternalID] == "" && s.Email != "" {
				sellers[prog.ExternalID] = s.Email
			}
		}
	}
	fmt.Fprintf(w, "factory  %d programmes, %d with a seller\n", len(programs), len(sellers))

	if !write {
		fmt.Fprintln(w, "factory  would take the next project (La Factory marks it as sent: a write), acknowledge it,")
		fmt.Fprintln(w, "factory  log a call, fill the empty qualification fields, set ACCORD / RDV PHYSIQUE and its programme's seller,")
		fmt.Fprintf(w, "factory  send it back whole, book an R1 meeting in person and close it with conclusion code %s\n", conclusion)
		fmt.Fprintln(w, "factory  nothing taken: run with -live to work one project")
		return nil
	}

	p, err := c.NextProject(ctx)
	if errors.Is(err, factory.ErrNoProject) {
		fmt.Fprintln(w, "factory  no project waits for the call center")
		return nil
	}
	// La Factory may hand out several projects in one answer; the client
	// keeps the others. This loop works one: print the others whole
	// before it ends, whatever happens, so that none is lost.
	defer drain(w, c)
	if err != nil {
		unread(w, err)
		return err
	}
	// The project as La Factory handed it out, printed whole whenever the
	// loop cannot finish what it started.
	handed, _ := json.Marshal(p)
	fmt.Fprintf(w, "factory  next project %s: %s %s %s, %s, programme %s\n", p.FactoryProjectID, p.Salutation, p.FirstName, p.LastName, p.City, p.ProgramCode)

	// Acknowledge at once: from now on the call center holds the project.
	// If La Factory cannot be told, print the project whole so that nothing
	// it handed out is lost.
	// The acknowledgement outlives the run's deadline.
	ccID := "CC-" + p.FactoryProjectID
	tell, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	_, err = c.Acknowledge(tell, p.FactoryProjectID, ccID)
	cancel()
	if err != nil {
		fmt.Fprintf(w, "factory  NOT acknowledged; the project as La Factory handed it out: %s\n", handed)
		return fmt.Errorf("project %s was handed out but could not be acknowledged as %s (printed above): %w", p.FactoryProjectID, ccID, err)
	}
	p.CallCenterProjectID = ccID
	fmt.Fprintf(w, "factory  acknowledged as %s\n", ccID)
	failed := func(step string, err error) error {
		fmt.Fprintf(w, "factory  stopped while %s; the project as La Factory handed it out: %s\n", step, handed)
		return fmt.Errorf("project %s (acknowledged as %s): %s: %w", p.FactoryProjectID, ccID, step, err)
	}

	// The owner: the programme's seller replaces it when the referential
	// lists one; otherwise the project keeps its owner, which goes back
	// with the update only if it is a licensed seller (the document
	// requires one when commercial is set). Check it before any change:
	// when it cannot be sent back, no update is sent (La Factory would
	// refuse it, and one without commercial would blank the owner), and
	// the project is concluded with the calls that do not carry commercial.
	seller := sellers[p.ProgramCode]
	keepOwner := false
	if seller == "" && p.SalesRep != "" {
		if err := c.CheckSalesRep(ctx, p); err != nil {
			keepOwner = true
			fmt.Fprintf(w, "factory  the owner %s cannot be sent back (%v)\n", p.SalesRep, err)
			fmt.Fprintln(w, "factory  so no update is sent: it keeps its owner, and its qualification must be entered by hand in La Factory")
			fmt.Fprintf(w, "factory  the project as La Factory handed it out: %s\n", handed)
		}
	}

	if _, err := c.LogCall(ctx, p.FactoryProjectID, factory.PhoneCall{Subject: "Qualification", Direction: factory.Outgoing, DurationMinutes: 9}); err != nil {
		return failed("logging the call", err)
	}
	fmt.Fprintln(w, "factory  logged an outgoing call of 9 minutes")

	if keepOwner {
		seller = "" // the meeting and the closure carry no commercial
		fmt.Fprintln(w, "factory  qualification to enter by hand: objectif_achat, budget_max, primo_accedant if empty; ACCORD / RDV PHYSIQUE")
	} else if err := qualify(ctx, w, c, p, seller); err != nil {
		return failed("sending it back", err)
	} else if seller == "" {
		seller = p.SalesRep // no seller known for the programme: the project kept its owner
	}

	start := time.Now().In(factory.Paris).Truncate(time.Hour).Add(48 * time.Hour)
	if _, err := c.ScheduleAppointment(ctx, p.FactoryProjectID, factory.Appointment{
		Subject: "Visite du programme", Comment: "R1 au bureau de vente", Start: start, End: start.Add(time.Hour),
		Type: factory.R1, Nature: factory.Physique, SalesRep: seller,
	}); err != nil {
		return failed("booking the meeting", err)
	}
	fmt.Fprintf(w, "factory  booked an R1 meeting in person on %s with %s\n", start.Format("2006-01-02 15:04"), orNone(seller))

	if _, err := c.Conclude(ctx, p.FactoryProjectID, ccID, conclusion); err != nil {
		return failed("closing it", err)
	}
	fmt.Fprintf(w, "factory  closed with conclusion code %s\n", conclusion)
	return nil
}

// qualify changes the project La Factory sent, prints every change, then
// sends it back whole. The person's answers only fill what La Factory
// does not hold already; seller, when not "", becomes the owner.
func qualify(ctx context.Context, w io.Writer, c *factory.Client, p *factory.Project, seller string) error {
	var changes []string
	fill(&changes, "objectif_achat", &p.Goal, factory.ResidencePrincipale)
	fill(&changes, "budget_max", &p.BudgetMax, "280000")
	fill(&changes, "primo_accedant", &p.FirstTimeBuyer, factory.Oui)
	set(&changes, "cloture_call", &p.Closure, factory.Accord)
	set(&changes, "motif_cloture", &p.ClosureReason, factory.RdvPhysique)
	if seller != "" && seller != p.SalesRep {
		set(&changes, "commercial", &p.SalesRep, seller)
		at := factory.NewDateTime(time.Now())
		from := ""
		if !p.AssignedAt.IsZero() {
			from = p.AssignedAt.String()
		}
		changes = append(changes, fmt.Sprintf("attribdate_call %q -> %q", from, at))
		p.AssignedAt = at
	}
	note := "RDV R1 pris par le centre d'appels"
	if p.CallCenterComment != "" {
		note = p.CallCenterComment + " / " + note
	}
	set(&changes, "commentaire_call", &p.CallCenterComment, note)
	fmt.Fprintf(w, "factory  changes: %s\n", strings.Join(changes, ", "))
	res, err := c.UpdateProject(ctx, p)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "factory  sent the whole project back (%s / %s, seller %s) -> %s\n", p.Closure, p.ClosureReason, orNone(p.SalesRep), res.URL)
	return nil
}

// unread prints what La Factory answered when NextProject failed on an
// answer (a project it could not decode, or one beside an erMessage): La
// Factory has marked such a project as sent, so nobody else will get it.
func unread(w io.Writer, err error) {
	var fe *factory.Error
	if errors.As(err, &fe) && len(fe.Raw) > 0 {
		fmt.Fprintf(w, "factory  La Factory's answer could not be used (%v); it may hold a project La Factory handed out and marked as sent: handle it by hand. The answer as La Factory sent it: %s\n", err, fe.Raw)
	}
}

// drain prints the projects La Factory handed out in the same answer as
// the one worked, which the client kept: they are marked as sent, and
// this run works only one.
func drain(w io.Writer, c *factory.Client) {
	for c.Buffered() > 0 {
		p, err := c.NextProject(context.Background()) // from memory: no request
		if err != nil {
			unread(w, err)
			continue
		}
		whole, _ := json.Marshal(p)
		fmt.Fprintf(w, "factory  project %s came in the same answer and was not worked; it is marked as sent: handle it by hand. As La Factory handed it out: %s\n", p.FactoryProjectID, whole)
	}
}

// set changes a field and notes the change.
func set[T ~string](changes *[]string, balise string, field *T, value T) {
	if *field != value {
		*changes = append(*changes, fmt.Sprintf("%s %q -> %q", balise, *field, value))
		*field = value
	}
}

// fill sets a field La Factory holds nothing in.
func fill[T ~string](changes *[]string, balise string, field *T, value T) {
	if *field == "" {
		set(changes, balise, field, value)
	}
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// newFactory is the client for a real account: env is ACCEPTANCE (La
// Factory's "recette", the default) or PRODUCTION, baseURL another host
// when not "".
func newFactory(apiKey, env, baseURL string) (*factory.Client, error) {
	e := factory.Acceptance
	switch strings.ToUpper(env) {
	case "", "ACCEPTANCE":
	case "PRODUCTION":
		e = factory.Production
	default:
		return nil, fmt.Errorf("FACTORY_ENV %q: want ACCEPTANCE or PRODUCTION", env)
	}
	var opts []factory.Option
	if baseURL != "" {
		opts = append(opts, factory.WithBaseURL(baseURL))
	}
	return factory.New(apiKey, e, opts...)
}

// newFake starts a factorytest server holding one project waiting for the
// call center and the fake's conclusion code, and returns a client for it.
func newFake() (*factory.Client, *factorytest.Server, error) {
	srv := factorytest.NewServer()
	srv.SetConclusionCodes(map[string]string{fakeConclusionCode: "CONCL-ACCORD-RDV-PHYSIQUE"})
	srv.AddImported(factory.Project{
		Salutation: factory.Madame, FirstName: "Camille", LastName: "Durand", Email: "camille.durand@example.fr",
		MobilePhone: "06 90 11 22 33", WorkPhone: "03 20 00 00 00", PostalCode: "59000", City: "Lille",
		ProgramCode: "NX-59000-01", Project: factory.Habiter, Channel: "web", UTMSource: "seloger",
		FormName: "Contact programme", Comment: "Intéressée par un T3",
	})
	c, err := newFactory(factorytest.APIKey, "", srv.URL)
	if err != nil {
		srv.Close()
		return nil, nil, err
	}
	return c, srv, nil
}

func envName(env string) string {
	if env == "" {
		return "ACCEPTANCE"
	}
	return strings.ToUpper(env)
}

// mode says whether a run on a real account writes.
func mode(live bool) string {
	if live {
		return "-live: one project is taken and worked"
	}
	return "read-only: run with -live to take a project"
}
