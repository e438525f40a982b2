package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/passerelle-go/passerelle/divalto"
	"github.com/passerelle-go/passerelle/divalto/divaltotest"
)

// FakeDivalto starts a divaltotest entry point and returns a client for it.
func FakeDivalto() (*divalto.Client, *divaltotest.Server, error) {
	srv := divaltotest.NewServer()
	c, err := divalto.New(divaltotest.Company, divaltotest.EntryPoint, divalto.WithBaseURL(srv.URL), divalto.WithCaller("passerelle-demo", "1"))
	if err != nil {
		srv.Close()
		return nil, nil, err
	}
	return c, srv, nil
}

// Divalto creates a prospect (a private person) with two linked users,
// reads it back extended with its related records, recodes a suspect into
// a prospect, lists the prospects of a city, and deletes what it created.
func Divalto(ctx context.Context, w io.Writer, c *divalto.Client, srv *divaltotest.Server) error {
	p := &divalto.Prospect{
		Code: "PSR-0001", Name: "DUPONT Jean", IsIndividual: true,
		Address1: "33 Avenue du Drapeau", PostalCode: "21000", City: "DIJON",
		MobilePhone: "06 90 11 22 33", Email: "jean.dupont@example.fr",
		Country: divalto.Ref{Code: "FR"}, BranchOffice: "SXB", BaseUser: "25",
	}
	users := []divalto.ProspectUser{
		{Code: "PSR-0001-25", BaseUser: "25", Category: divalto.Ref{Code: "1"}},
		{Code: "PSR-0001-TECH", BaseUser: "TECH-01", Category: divalto.Ref{Code: "2"}},
	}
	suspect := &divalto.Prospect{Code: "SSR-0001", Name: "CHEZ SOI", City: "DIJON", ProspectType: divalto.NewRef("CUSTOMER_TYPE", "CTSUS")}
	out, err := c.Prospects.Put(ctx, divalto.ProspectRecord{Prospect: p, Users: users}, divalto.ProspectRecord{Prospect: suspect})
	for _, o := range out {
		fmt.Fprintf(w, "divalto  PUT %s (batch %d): %s\n", o.Code, o.Batch, o.Result)
	}
	if err != nil {
		return err
	}

	got, err := c.Prospects.Get(ctx, p.Code, divalto.GetOptions{ResultType: divalto.ExtendedRelated, Indicators: true})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "divalto  GET %s extendedRelated: %q, type %s, country %s", got.Code, got.Name, got.ProspectType, got.Country)
	if r := got.Related; r != nil && r.BranchOffice != nil && r.Country != nil {
		fmt.Fprintf(w, " (%s), branch office %s", r.Country.Label, r.BranchOffice.Name)
	}
	fmt.Fprintln(w)
	if srv != nil {
		if contact, ok := srv.MainContact(p.Code); ok {
			fmt.Fprintf(w, "divalto  weavy created the individual's main contact %q\n", contact.Name)
		}
	}

	if err := c.Prospects.Recode(ctx, suspect.Code, "PSR-0002", suspect.Name); err != nil {
		return err
	}
	fmt.Fprintf(w, "divalto  recoded suspect %s into prospect PSR-0002\n", suspect.Code)

	var codes []string
	for pr, err := range c.Prospects.All(ctx, divalto.ListOptions{Filters: divalto.Filters{City: "DIJ", Code: divalto.AnyOf("PSR-0001", "PSR-0002")}, OrderBy: divalto.NameAsc}) {
		if err != nil {
			return err
		}
		codes = append(codes, pr.Code+" "+pr.Name)
	}
	fmt.Fprintf(w, "divalto  LIST city starts with DIJ, by name: %s\n", strings.Join(codes, ", "))

	for _, code := range []string{"PSR-0001", "PSR-0002"} {
		if err := c.Prospects.Delete(ctx, code); err != nil {
			return err
		}
	}
	_, err = c.Prospects.Get(ctx, "PSR-0001", divalto.GetOptions{})
	fmt.Fprintf(w, "divalto  DELETE PSR-0001, PSR-0002; GET again: not found %t", errors.Is(err, divalto.ErrNotFound))
	if srv != nil {
		fmt.Fprintf(w, ", linked users left %d", len(srv.Users("PSR-0001")))
	}
	fmt.Fprintln(w)
	return nil
}
