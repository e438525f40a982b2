package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/passerelle-go/passerelle/batiweb"
	"github.com/passerelle-go/passerelle/batiweb/batiwebtest"
	"github.com/passerelle-go/passerelle/factory"
	"github.com/passerelle-go/passerelle/factory/factorytest"
	"github.com/passerelle-go/passerelle/mapping"
)

// BridgeWorkType is the trade the bridge sells La Factory's projects as
// (BRIDGE_WORK_TYPE, a code or a label, chooses another): nothing in a
// project says which trade its need is.
const BridgeWorkType = batiweb.WorkTypeRenovationDAppartementDeMaison

// FakeBridge starts a factorytest server holding three projects and a
// batiwebtest server that buys every trade in the Nord (59) only: one
// project is sold, one is in Marseille, and one has no phone number for
// Batiweb to call (its tel_mobile is "n/c"). Call both servers' Close when done.
func FakeBridge() (*factory.Client, *factorytest.Server, *batiweb.Client, *batiwebtest.Server, error) {
	fsrv := factorytest.NewServer()
	for _, p := range []factory.Project{
		{Salutation: factory.Madame, FirstName: "Camille", LastName: "Durand", Email: "camille.durand@example.fr",
			MobilePhone: "06 12 34 56 78", Street1: "12 rue Nationale", Street2: "Bât. B", PostalCode: "59000", City: "Lille",
			HousingSituation: factory.Proprietaire, HousingType: "Appartement T3", ProgramCode: "NX-59000-01",
			Comment: "Rafraîchir le T3 avant d'emménager", UTMSource: "seloger", ConsentOptIn: factory.Oui},
		{Salutation: factory.Monsieur, FirstName: "Marc", LastName: "Petit", Email: "marc.petit@example.fr",
			HomePhone: "04.91.00.11.22", PostalCode: "13008", City: "Marseille", HousingSituation: factory.Locataire,
			Comment: "Refaire la cuisine"},
		{Salutation: factory.Mademoiselle, FirstName: "Julie", LastName: "Bernard", Email: "julie.bernard@example.fr",
			MobilePhone: "n/c", PostalCode: "59800", City: "Lille", HousingSituation: factory.Proprietaire, Comment: "Salle de bains"},
	} {
		fsrv.AddImported(p)
	}
	bsrv := batiwebtest.NewServer()
	bsrv.Sell("59")
	fc, err := factory.New(factorytest.APIKey, factory.Acceptance, factory.WithBaseURL(fsrv.URL))
	if err != nil {
		fsrv.Close()
		bsrv.Close()
		return nil, nil, nil, nil, err
	}
	bc, err := batiweb.New(batiwebtest.Login, batiwebtest.Password, batiweb.Prep, batiweb.WithBaseURL(bsrv.URL))
	if err != nil {
		fsrv.Close()
		bsrv.Close()
		return nil, nil, nil, nil, err
	}
	return fc, fsrv, bc, bsrv, nil
}

// Bridge takes up to limit projects La Factory has for the call center,
// maps each to a Batiweb lead of workType through the mapping pivot,
// checks that Batiweb buys it, imports the ones it buys, and acknowledges
// every project back to La Factory: the call-center id is the Batiweb
// lead's ("BW-<id>") or the project's own ("BRIDGE-<id>"), and the
// project's commentaire_call says what happened. La Factory hands a
// project out once, so none is dropped: when Batiweb gives no verdict on
// one (the network, a malformed answer), the bridge still acknowledges
// it, writes in its commentaire_call what is known (not imported when
// is_sellable went unanswered; perhaps imported when the import did), and
// stops with an error that names it. When La Factory cannot be told, the
// error names the project and what happened at Batiweb, the lead's id
// included, so that nothing is lost.
func Bridge(ctx context.Context, w io.Writer, fc *factory.Client, bc *batiweb.Client, workType batiweb.WorkType, limit int) error {
	var imported, refused int
	for range limit {
		p, err := fc.NextProject(ctx)
		if errors.Is(err, factory.ErrNoProject) {
			break
		} else if err != nil {
			return err
		}
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

		untold := func(err error) error {
			return fmt.Errorf("bridge stopped: %s (call-center id %s) %s, but La Factory was not told: %w", p.FactoryProjectID, id, outcome, err)
		}
		if _, err := fc.Acknowledge(ctx, p.FactoryProjectID, id); err != nil {
			return untold(err)
		}
		p.CallCenterProjectID, p.CallCenterComment = id, "Batiweb: "+outcome
		if _, err := fc.UpdateProject(ctx, p); err != nil {
			return untold(err)
		}
		fmt.Fprintf(w, "factory    acknowledged as %s, commentaire_call %q\n", id, p.CallCenterComment)
		if failed != nil {
			return fmt.Errorf("bridge stopped: %s %s: %w", p.FactoryProjectID, outcome, failed)
		}
	}
	fmt.Fprintf(w, "bridge   %d projects: %d imported into Batiweb, %d not; each acknowledged in La Factory\n", imported+refused, imported, refused)
	return nil
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

// Vocabularies shows one La Factory project as each service spells it,
// through the pivot: the civility, the name, the mobile phone and the
// date the person asked.
func Vocabularies(w io.Writer, p *factory.Project) error {
	lead, _, err := mapping.FromFactory(p, mapping.Options{})
	if err != nil {
		return err
	}
	b, _, err := lead.ToBatiweb(BridgeWorkType, mapping.Options{})
	if err != nil {
		return err
	}
	e, _, err := lead.ToEasyCall(mapping.Options{})
	if err != nil {
		return err
	}
	d, _, err := lead.ToDivalto(mapping.Options{})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "mapping  civility: factory %q, batiweb %d (%s), divalto %s, easycall has none\n",
		p.Salutation, b.Civility.Code(), b.Civility, d.Civility.Qualified(mapping.DivaltoCivilityDataType))
	fmt.Fprintf(w, "mapping  name:     factory %q %q, batiweb %q %q, easycall %q %q, divalto %q\n",
		p.FirstName, p.LastName, b.FirstName, b.LastName, e.Nome, e.Cognome, d.Name)
	fmt.Fprintf(w, "mapping  mobile:   factory %q, batiweb %q, easycall %q, divalto %q (%s)\n",
		p.MobilePhone, b.Cellphone, e.TelefonoMobile, d.MobilePhone, lead.Mobile.Kind())
	fmt.Fprintf(w, "mapping  asked on: factory %s, easycall %q, pivot %s\n",
		p.LeadDate.Format("20060102150405"), e.DataPresentazione, lead.LeadDate.Format(time.RFC3339))
	return nil
}
