package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/passerelle-go/passerelle/easycall"
	"github.com/passerelle-go/passerelle/easycall/easycalltest"
)

// Campaign is the external campaign code of the EasyCall story.
const Campaign = "reformas_2026"

// FakeEasyCall starts an easycalltest server routing Campaign and knowing
// the custom key tipo_inmueble, and returns a client for it.
func FakeEasyCall() (*easycall.Client, *easycalltest.Server, error) {
	srv := easycalltest.NewServer()
	srv.AddCampaign(Campaign, "Reformas 2026")
	srv.CreateCustomKeys("tipo_inmueble")
	c, err := easycall.New(easycall.TestDomain, easycalltest.Token, easycall.WithBaseURL(srv.URL))
	if err != nil {
		srv.Close()
		return nil, nil, err
	}
	return c, srv, nil
}

// EasyCall validates a lead, imports it, then imports a batch with a bad
// lead in the middle and prints each outcome.
func EasyCall(ctx context.Context, w io.Writer, c *easycall.Client, srv *easycalltest.Server) error {
	campaign := Campaign
	lead, err := easycall.ParseLead(strings.NewReader("nombre: Lucía\napellido: García\ntelefono_movil: +34 612 345 678\ncorreo_electronico: lucia@example.es\ntipo_inmueble: piso\ncampaign: " + campaign))
	if err != nil {
		return err
	}
	if err := lead.Validate(); err != nil {
		return err
	}
	fmt.Fprintf(w, "easycall parsed and validated %s %s (telefono_movil -> telefono_mobile)\n", lead.Nome, lead.Cognome)
	res, err := c.Import(ctx, lead)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "easycall import -> HTTP %d, id %s\n", res.StatusCode, res.ID)

	batch := []*easycall.Lead{
		{Nome: "Ana", TelefonoMobile: "612000001", Campaign: campaign},
		{Nome: "Bea", Campaign: "sin campaña"}, // a space and no contact: refused before sending
		{Nome: "Dora", TelefonoFisso: "910000004", Campaign: campaign},
	}
	for _, o := range c.ImportAll(ctx, batch, easycall.ImportAllOptions{Concurrency: 2}) {
		fmt.Fprintf(w, "easycall batch lead %d (%s): %s", o.Index, batch[o.Index].Nome, o.Result)
		if o.Err != nil {
			fmt.Fprintf(w, ": %v", o.Err)
		}
		fmt.Fprintln(w)
	}
	if srv != nil {
		fmt.Fprintf(w, "easycall the fake received %d leads\n", len(srv.Leads()))
	}
	return nil
}
