// Command easycall validates leads and imports them into an EasyCall Cloud
// campaign: one lead read from EasyCall's text form, then a batch with a
// bad lead in the middle, printing each lead's outcome.
//
//	go run ./examples/easycall         # in-memory fake, or read-only on a real domain
//	go run ./examples/easycall -live   # a real domain: import the leads
//
// Without EASYCALL_* variables it runs the whole story against an
// in-memory fake server. With EASYCALL_DOMAIN (your domain, as in
// https://<domain>.web3.easycallcloud.com), EASYCALL_TOKEN and
// EASYCALL_CAMPAIGN (the external campaign code set up in EasyCall's
// Import API; EASYCALL_BASE_URL for another host) it works on that domain.
// EasyCall's API only imports: every call is a write, so without -live it
// sends nothing and prints each lead it would import. With -live it imports
// them: made-up requesters, each e-mail unique to the run.
package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/passerelle-go/passerelle/easycall"
	"github.com/passerelle-go/passerelle/easycall/easycalltest"
	"github.com/passerelle-go/passerelle/examples/internal/setup"
)

func main() { setup.Main(run) }

// vars are the variables of a real EasyCall Cloud domain.
var vars = setup.Service{
	Name:     "EasyCall",
	Required: []string{"EASYCALL_DOMAIN", "EASYCALL_TOKEN", "EASYCALL_CAMPAIGN"},
	Optional: []string{"EASYCALL_BASE_URL"},
}

// fakeCampaign is the campaign code the fake routes.
const fakeCampaign = "reformas_demo"

func run(ctx context.Context, w io.Writer, args []string, getenv func(string) string) error {
	live, err := setup.Live("easycall", args, w)
	if err != nil {
		return err
	}
	onReal, err := setup.Real(getenv, vars)
	if err != nil {
		return err
	}

	var client *easycall.Client
	var fake *easycalltest.Server
	campaign := fakeCampaign
	if onReal {
		client, err = newEasyCall(getenv("EASYCALL_DOMAIN"), getenv("EASYCALL_TOKEN"), getenv("EASYCALL_BASE_URL"))
		if err != nil {
			return err
		}
		campaign = getenv("EASYCALL_CAMPAIGN")
		fmt.Fprintf(w, "(EasyCall domain %s, campaign %s, %s)\n", getenv("EASYCALL_DOMAIN"), campaign, mode(live))
	} else {
		if client, fake, err = newFake(); err != nil {
			return err
		}
		defer fake.Close()
		fmt.Fprintln(w, "(the in-memory easycalltest server)")
	}
	write := fake != nil || live
	stamp := strings.ToLower(setup.Stamp())

	// One lead in EasyCall's text form: Spanish aliases are read as the
	// canonical Italian fields (telefono_movil is telefono_mobile).
	lead, err := easycall.ParseLead(strings.NewReader("nombre: Lucía\napellido: García\ntelefono_movil: +34 612 345 678\n" +
		"correo_electronico: lucia+" + stamp + "@example.es\ncampaign: " + campaign))
	if err != nil {
		return err
	}
	if err := lead.Validate(); err != nil {
		return err
	}
	fmt.Fprintf(w, "easycall parsed and validated %s %s <%s>\n", lead.Nome, lead.Cognome, lead.Email)

	batch := []*easycall.Lead{
		{Nome: "Ana", TelefonoMobile: "612000001", Email: "ana+" + stamp + "@example.es", Campaign: campaign},
		{Nome: "Bea", Campaign: "sin campaña"}, // a space and no contact: refused before sending
		{Nome: "Dora", TelefonoFisso: "910000004", Email: "dora+" + stamp + "@example.es", Campaign: campaign},
	}

	if !write {
		for _, l := range append([]*easycall.Lead{lead}, batch...) {
			if err := l.Validate(); err != nil {
				fmt.Fprintf(w, "easycall would not send %s: %v\n", l.Nome, err)
				continue
			}
			text, err := l.MarshalText()
			if err != nil {
				return err
			}
			fmt.Fprintf(w, "easycall would import %s: %s\n", l.Nome, strings.ReplaceAll(strings.TrimSpace(string(text)), "\n", "; "))
		}
		fmt.Fprintln(w, "easycall nothing sent: run with -live to import")
		return nil
	}

	res, err := client.Import(ctx, lead)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "easycall import -> HTTP %d, id %s\n", res.StatusCode, res.ID)

	for _, o := range client.ImportAll(ctx, batch, easycall.ImportAllOptions{Concurrency: 2}) {
		fmt.Fprintf(w, "easycall batch lead %d (%s): %s", o.Index, batch[o.Index].Nome, o.Result)
		if o.Err != nil {
			fmt.Fprintf(w, ": %v", o.Err)
		}
		fmt.Fprintln(w)
	}
	if fake != nil {
		fmt.Fprintf(w, "easycall the fake received %d leads\n", len(fake.Leads()))
	}
	return nil
}

// newEasyCall is the client for the EasyCall Cloud domain, at baseURL
// instead when not "".
func newEasyCall(domain, token, baseURL string) (*easycall.Client, error) {
	var opts []easycall.Option
	if baseURL != "" {
		opts = append(opts, easycall.WithBaseURL(baseURL))
	}
	return easycall.New(domain, token, opts...)
}

// newFake starts an easycalltest server routing fakeCampaign and returns a
// client for it.
func newFake() (*easycall.Client, *easycalltest.Server, error) {
	srv := easycalltest.NewServer()
	srv.AddCampaign(fakeCampaign, "Reformas (demo)")
	c, err := newEasyCall("demo", easycalltest.Token, srv.URL)
	if err != nil {
		srv.Close()
		return nil, nil, err
	}
	return c, srv, nil
}

// mode says whether a run on a real domain writes.
func mode(live bool) string {
	if live {
		return "-live: the leads are imported"
	}
	return "read-only: run with -live to import"
}
