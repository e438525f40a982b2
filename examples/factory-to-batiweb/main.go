// Command factory-to-batiweb is a bridge between two services: it takes
// the projects La Factory has for the call center, maps each through the
// mapping pivot to a Batiweb lead, checks that Batiweb buys it, imports
// the ones it buys, acknowledges every project back to La Factory with
// what happened, and prints each mapping report.
//
//	go run ./examples/factory-to-batiweb         # in-memory fakes, or read-only on real accounts
//	go run ./examples/factory-to-batiweb -live   # real accounts: take, import and acknowledge
//
// Without FACTORY_* and BATIWEB_* variables both ends are in-memory fakes.
// Real accounts need both: FACTORY_API_KEY (FACTORY_ENV: ACCEPTANCE or
// PRODUCTION, ACCEPTANCE by default; FACTORY_BASE_URL for another host),
// and BATIWEB_LOGIN and BATIWEB_PASSWORD (BATIWEB_ENV: PREP or PROD, PREP
// by default; BATIWEB_BASE_URL for another host). One end real and the
// other fake is refused: real projects would be acknowledged as imported
// into a fake. La Factory hands a project out once and marks it as sent,
// so taking one is a write: without -live the bridge only reads La
// Factory's programmes, to check the account, and prints what it would
// do. BRIDGE_WORK_TYPE is the Batiweb trade, a code or a label
// ("Rénovation d'appartement / de maison" by default); BRIDGE_MAX the most
// projects to take (10).
//
// A project taken is never dropped: whatever Batiweb answers, or fails to,
// the project is acknowledged and sent back whole with what happened in
// its commentaire_call (added after what La Factory held there), printed
// before it is sent; when La Factory cannot be told, the project is
// printed whole, as La Factory handed it out, and the error names it and
// what happened at Batiweb (and whether it was acknowledged). A project
// whose owner (commercial) cannot be sent back (La Factory's document
// requires a licensed seller there; an empty referential lists none) is
// acknowledged only: no update is sent, so it keeps its owner, and the
// comment to write by hand is printed with the project. A project the
// client cannot decode, and those of a multi-project answer the bridge
// does not get to, are printed as La Factory sent them, to be handled by
// hand (they are marked as sent).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/passerelle-go/passerelle/batiweb"
	"github.com/passerelle-go/passerelle/batiweb/batiwebtest"
	"github.com/passerelle-go/passerelle/examples/internal/setup"
	"github.com/passerelle-go/passerelle/factory"
	"github.com/passerelle-go/passerelle/factory/factorytest"
	"github.com/passerelle-go/passerelle/mapping"
)

func main() { setup.Main(run) }

// The variables of the two real accounts.
var (
	factoryVars = setup.Service{Name: "La Factory", Required: []string{"FACTORY_API_KEY"}, Optional: []string{"FACTORY_ENV", "FACTORY_BASE_URL"}}
	batiwebVars = setup.Service{Name: "Batiweb", Required: []string{"BATIWEB_LOGIN", "BATIWEB_PASSWORD"}, Optional: []string{"BATIWEB_ENV", "BATIWEB_BASE_URL"}}
)

// defaultWorkType is the trade the bridge sells La Factory's projects as:
// nothing in a project says which trade its need is.
const defaultWorkType = batiweb.WorkTypeRenovationDAppartementDeMaison

func run(ctx context.Context, w io.Writer, args []string, getenv func(string) string) error {
	live, err := setup.Live("factory-to-batiweb", args, w)
	if err != nil {
		return err
	}
	onReal, err := setup.Real(getenv, factoryVars, batiwebVars)
	if err != nil {
		return err
	}
	workType, limit := defaultWorkType, 10
	if s := getenv("BRIDGE_WORK_TYPE"); s != "" {
		if workType, err = batiweb.ParseWorkType(s); err != nil {
			return err
		}
	}
	if s := getenv("BRIDGE_MAX"); s != "" {
		if limit, err = strconv.Atoi(s); err != nil || limit < 1 {
			return fmt.Errorf("BRIDGE_MAX %q: want a positive number", s)
		}
	}

	var fc *factory.Client
	var bc *batiweb.Client
	if onReal {
		if fc, err = newFactory(getenv("FACTORY_API_KEY"), getenv("FACTORY_ENV"), getenv("FACTORY_BASE_URL")); err != nil {
			return err
		}
		if bc, err = newBatiweb(getenv("BATIWEB_LOGIN"), getenv("BATIWEB_PASSWORD"), getenv("BATIWEB_ENV"), getenv("BATIWEB_BASE_URL")); err != nil {
			return err
		}
		fmt.Fprintf(w, "(La Factory and Batiweb %s, %s)\n", bc.Environment(), mode(live))
	} else {
		fsrv, bsrv := newFakes()
		defer fsrv.Close()
		defer bsrv.Close()
		if fc, err = newFactory(factorytest.APIKey, "", fsrv.URL); err != nil {
			return err
		}
		if bc, err = newBatiweb(batiwebtest.Login, batiwebtest.Password, "", bsrv.URL); err != nil {
			return err
		}
		fmt.Fprintln(w, "(the in-memory factorytest and batiwebtest servers; Batiweb buys in the Nord only)")
	}

	if onReal && !live {
		programs, err := fc.Programs(ctx) // a read: checks the account
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "factory  the account answers: %d programmes\n", len(programs))
		fmt.Fprintf(w, "bridge   would take up to %d projects (La Factory marks each as sent: a write), map each to a Batiweb lead of %s,\n", limit, workType)
		fmt.Fprintln(w, "bridge   import the ones Batiweb buys, and acknowledge each with what happened in its commentaire_call")
		fmt.Fprintln(w, "bridge   nothing taken: run with -live to run the bridge")
		return nil
	}
	return bridge(ctx, w, fc, bc, workType, limit)
}

// bridge takes up to limit projects La Factory has for the call center,
// maps each to a Batiweb lead of workType through the mapping pivot,
// checks that Batiweb buys it, imports the ones it buys, and acknowledges
// every project back to La Factory: the call-center id is the Batiweb
// lead's ("BW-<id>") or the project's own ("BRIDGE-<id>"), and the
// project's commentaire_call says what happened. When Batiweb gives no
// verdict on a project (the network, a malformed answer), the bridge
// still acknowledges it, writes what is known (not imported when
// is_sellable went unanswered; perhaps imported when the import did), and
// stops with an error that names it.
func bridge(ctx context.Context, w io.Writer, fc *factory.Client, bc *batiweb.Client, workType batiweb.WorkType, limit int) error {
	var imported, refused int
	// La Factory may hand out several projects in one answer; the client
	// keeps the others. Print those the bridge does not get to before it
	// ends, whatever happens, so that none is lost.
	defer drain(w, fc)
	for range limit {
		p, err := fc.NextProject(ctx)
		if errors.Is(err, factory.ErrNoProject) {
			break
		} else if err != nil {
			unread(w, err)
			return err
		}
		// The project as La Factory handed it out, printed whole whenever
		// La Factory cannot be told all that happened.
		handed, _ := json.Marshal(p)
		lead, toLead, _ := mapping.FromFactory(p, mapping.Options{}) // not strict: cannot fail
		b, toBatiweb, _ := lead.ToBatiweb(workType, mapping.Options{})
		fmt.Fprintf(w, "bridge   %s %s %s, %s %s\n", p.FactoryProjectID, p.FirstName, p.LastName, p.PostalCode, p.City)
		fmt.Fprintf(w, "mapping    factory -> lead:    %s\n", summary(toLead))
		fmt.Fprintf(w, "mapping    lead -> batiweb:    %s\n", summary(toBatiweb))

		id, outcome, failed := sell(ctx, bc, b)
		if id == "" {
			id, refused = "BRIDGE-"+p.FactoryProjectID, refused+1
		} else {
			id, imported = "BW-"+id, imported+1
		}
		fmt.Fprintf(w, "batiweb    %s\n", outcome)

		// Tell La Factory: print the change, then send the project back
		// whole with it.
		note := "Batiweb: " + outcome
		if p.CallCenterComment != "" {
			note = p.CallCenterComment + " / " + note
		}
		fmt.Fprintf(w, "factory    acknowledging as %s, commentaire_call %q -> %q\n", id, p.CallCenterComment, note)
		acked, ownerKept, err := tell(ctx, fc, p, id, note)
		switch {
		case err != nil && !acked:
			fmt.Fprintf(w, "factory    NOT told; the project as La Factory handed it out: %s\n", handed)
			return fmt.Errorf("bridge stopped: %s (call-center id %s) %s, but La Factory was not told: %w", p.FactoryProjectID, id, outcome, err)
		case err != nil:
			fmt.Fprintf(w, "factory    acknowledged as %s, but its commentaire_call NOT updated (write %q by hand); the project as La Factory handed it out: %s\n", id, note, handed)
			return fmt.Errorf("bridge stopped: %s (acknowledged as %s) %s, but its commentaire_call could not be updated: %w", p.FactoryProjectID, id, outcome, err)
		case ownerKept != nil:
			fmt.Fprintf(w, "factory    acknowledged as %s; its owner %s cannot be sent back (%v),\n", id, p.SalesRep, ownerKept)
			fmt.Fprintf(w, "factory    so no update is sent and it keeps its owner: write commentaire_call %q by hand; the project as La Factory handed it out: %s\n", note, handed)
		default:
			fmt.Fprintf(w, "factory    acknowledged as %s\n", id)
		}
		if failed != nil {
			return fmt.Errorf("bridge stopped: %s %s: %w", p.FactoryProjectID, outcome, failed)
		}
	}
	fmt.Fprintf(w, "bridge   %d projects: %d imported into Batiweb, %d not; each acknowledged in La Factory\n", imported+refused, imported, refused)
	return nil
}

// tell acknowledges a project La Factory handed out and sends it back
// whole with its call-center id and comment, even when the run's deadline
// has passed: a project taken is never left untold for lack of time.
// acked says whether the acknowledgement went through. The project's
// owner (commercial) is checked before the update: the document requires
// a licensed seller when it is set, so an owner that is not one (an empty
// referential) cannot be sent back, and an update without it would blank
// it. Then no update is sent, and ownerKept says why.
func tell(ctx context.Context, fc *factory.Client, p *factory.Project, id, comment string) (acked bool, ownerKept, err error) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	if _, err := fc.Acknowledge(ctx, p.FactoryProjectID, id); err != nil {
		return false, nil, err
	}
	if err := fc.CheckSalesRep(ctx, p); err != nil {
		return true, err, nil
	}
	q := *p // p stays as La Factory handed it out
	q.CallCenterProjectID, q.CallCenterComment = id, comment
	_, err = fc.UpdateProject(ctx, &q)
	return true, nil, err
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

// drain prints the projects La Factory handed out in an answer that held
// several, which the client kept and the bridge did not get to: they are
// marked as sent.
func drain(w io.Writer, c *factory.Client) {
	for c.Buffered() > 0 {
		p, err := c.NextProject(context.Background()) // from memory: no request
		if err != nil {
			unread(w, err)
			continue
		}
		whole, _ := json.Marshal(p)
		fmt.Fprintf(w, "factory  project %s came in an answer with others and was not bridged; it is marked as sent: handle it by hand. As La Factory handed it out: %s\n", p.FactoryProjectID, whole)
	}
}

// sell checks, then imports, a lead, and says what happened. id is
// Batiweb's id for an imported lead. err is a failure that is not
// Batiweb's verdict on the lead; outcome then says what is known.
func sell(ctx context.Context, bc *batiweb.Client, b *batiweb.Lead) (id, outcome string, err error) {
	var invalid *batiweb.ValidationError
	if err := b.Validate(); errors.As(err, &invalid) {
		problems := make([]string, len(invalid.Fields))
		for i, f := range invalid.Fields {
			problems[i] = f.String()
		}
		return "", "not sent: " + strings.Join(problems, "; "), nil
	}
	s, err := bc.IsSellable(ctx, batiweb.SellableRequest{Zipcode: b.Zipcode, WorkType: b.WorkType, Email: b.Email})
	if err != nil {
		return verdict(err, "not imported, is_sellable went unanswered (to send again)")
	}
	if !s.Sellable {
		return "", fmt.Sprintf("not bought: %s in %s (code %d)", b.WorkType, b.Zipcode, s.Code.Code()), nil
	}
	imp, err := bc.Import(ctx, b)
	if err != nil {
		return verdict(err, "perhaps imported, the import went unanswered (a second import of the e-mail is refused as a duplicate)")
	}
	return imp.ID, fmt.Sprintf("imported as lead %s (%s in %s)", imp.ID, b.WorkType, b.Zipcode), nil
}

// verdict turns Batiweb's answer code into an outcome; any other error
// is returned with unanswered as the outcome.
func verdict(err error, unanswered string) (string, string, error) {
	var be *batiweb.Error
	if errors.As(err, &be) && be.Code != batiweb.NoCode {
		return "", fmt.Sprintf("refused: code %d, %s", be.Code.Code(), be.Message), nil
	}
	return "", unanswered, err
}

// summary is a report in one line: the fields each kind of loss touched.
func summary(r mapping.Report) string {
	if len(r.Entries) == 0 {
		return "nothing lost"
	}
	var parts []string
	for _, loss := range []mapping.Loss{mapping.NoValue, mapping.Approximated, mapping.Normalised, mapping.NoField} {
		var names []string
		for _, e := range r.Entries {
			if e.Loss == loss {
				name := e.Field
				if loss != mapping.NoField && e.Detail != "" {
					name += " (" + e.Detail + ")"
				}
				names = append(names, name)
			}
		}
		if len(names) > 0 {
			parts = append(parts, loss.String()+": "+strings.Join(names, ", "))
		}
	}
	return strings.Join(parts, "; ")
}

// newFactory is the La Factory client: env is ACCEPTANCE (La Factory's
// "recette", the default) or PRODUCTION, baseURL another host when not "".
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

// newBatiweb is the Batiweb client: env is PREP (the default) or PROD,
// baseURL another host when not "".
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

// newFakes starts a factorytest server holding three projects and a
// batiwebtest server that buys every trade in the Nord (59) only: one
// project is sold, one is in Marseille, and one has no phone number for
// Batiweb to call (its tel_mobile is "n/c").
func newFakes() (*factorytest.Server, *batiwebtest.Server) {
	fsrv := factorytest.NewServer()
	for _, p := range fakeProjects() {
		fsrv.AddImported(p)
	}
	bsrv := batiwebtest.NewServer()
	bsrv.Sell("59")
	return fsrv, bsrv
}

// fakeProjects are the projects the fake La Factory holds.
func fakeProjects() []factory.Project {
	return []factory.Project{
		{Salutation: factory.Madame, FirstName: "Camille", LastName: "Durand", Email: "camille.durand@example.fr",
			MobilePhone: "06 12 34 56 78", Street1: "12 rue Nationale", Street2: "Bât. B", PostalCode: "59000", City: "Lille",
			HousingSituation: factory.Proprietaire, HousingType: "Appartement T3", ProgramCode: "NX-59000-01",
			Comment: "Rafraîchir le T3 avant d'emménager", UTMSource: "seloger", ConsentOptIn: factory.Oui},
		{Salutation: factory.Monsieur, FirstName: "Marc", LastName: "Petit", Email: "marc.petit@example.fr",
			HomePhone: "04.91.00.11.22", PostalCode: "13008", City: "Marseille", HousingSituation: factory.Locataire,
			Comment: "Refaire la cuisine"},
		{Salutation: factory.Mademoiselle, FirstName: "Julie", LastName: "Bernard", Email: "julie.bernard@example.fr",
			MobilePhone: "n/c", PostalCode: "59800", City: "Lille", HousingSituation: factory.Proprietaire, Comment: "Salle de bains"},
	}
}

// mode says whether a run on real accounts writes.
func mode(live bool) string {
	if live {
		return "-live: projects are taken, imported and acknowledged"
	}
	return "read-only: run with -live to take projects"
}
