// Command divalto-prospects works with prospects through Divalto weavy's
// WHK_Prospect webhook: it lists and reads prospects, creates one and a
// suspect, does a CRM sync's round trip on the
// prospect (read it, change one field, write it back), recodes the
// suspect into a prospect, lists what it made, and deletes it.
//
//	go run ./examples/divalto-prospects         # in-memory fake, or read-only on a real company
//	go run ./examples/divalto-prospects -live   # a real company: create, change and delete
//
// Without DIVALTO_* variables it runs the whole story against an in-memory
// fake entry point. With DIVALTO_COMPANY and DIVALTO_ENTRYPOINT
// (DIVALTO_BASE_URL for another host than api.weavy.divalto.com) it works
// on that company. Without -live it only reads (LIST, GET), and prints
// what it would write. With -live it writes only records it created in
// this run: their codes carry a stamp unique to the run, it checks that
// weavy holds none of them before writing (a PUT of an existing code would
// overwrite that customer), and it deletes only what it created, even when
// a step fails.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/passerelle-go/passerelle/divalto"
	"github.com/passerelle-go/passerelle/divalto/divaltotest"
	"github.com/passerelle-go/passerelle/examples/internal/setup"
)

func main() { setup.Main(run) }

// vars are the variables of a real weavy entry point.
var vars = setup.Service{
	Name:     "Divalto weavy",
	Required: []string{"DIVALTO_COMPANY", "DIVALTO_ENTRYPOINT"},
	Optional: []string{"DIVALTO_BASE_URL"},
}

func run(ctx context.Context, w io.Writer, args []string, getenv func(string) string) error {
	live, err := setup.Live("divalto-prospects", args, w)
	if err != nil {
		return err
	}
	onReal, err := setup.Real(getenv, vars)
	if err != nil {
		return err
	}

	var client *divalto.Client
	var fake *divaltotest.Server
	if onReal {
		client, err = newDivalto(getenv("DIVALTO_COMPANY"), getenv("DIVALTO_ENTRYPOINT"), getenv("DIVALTO_BASE_URL"))
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "(Divalto weavy company %s, %s)\n", getenv("DIVALTO_COMPANY"), mode(live))
	} else {
		if client, fake, err = newFake(); err != nil {
			return err
		}
		defer fake.Close()
		fmt.Fprintln(w, "(the in-memory divaltotest entry point)")
	}
	return story(ctx, w, client, fake != nil || live, setup.Stamp())
}

// story is the example; it writes only when write is true, and only
// records whose codes carry stamp.
func story(ctx context.Context, w io.Writer, c *divalto.Client, write bool, stamp string) (err error) {
	// Read: the first page of prospects, and the first of them whole.
	page, err := c.Prospects.List(ctx, divalto.ListOptions{OrderBy: divalto.NameAsc})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "divalto  LIST page 1: %d prospects\n", len(page.Prospects))
	if len(page.Prospects) > 0 {
		first, err := c.Prospects.Get(ctx, page.Prospects[0].Code, divalto.GetOptions{ResultType: divalto.Extended})
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "divalto  GET %s: %q, %s %s\n", first.Code, first.Name, first.PostalCode, first.City)
	}

	// What this run creates: codes no one else holds.
	code, suspectCode, recoded := "PSR-"+stamp, "SSR-"+stamp, "PSR-"+stamp+"-R"
	for _, c2 := range []string{code, suspectCode, recoded} {
		_, err := c.Prospects.Get(ctx, c2, divalto.GetOptions{})
		if err == nil {
			return fmt.Errorf("weavy already holds a prospect %s: nothing written (run again for another code)", c2)
		} else if !errors.Is(err, divalto.ErrNotFound) {
			return err
		}
	}
	p := &divalto.Prospect{
		Code: code, Name: "DUPONT Jean", IsIndividual: true,
		Address1: "33 Avenue du Drapeau", PostalCode: "21000", City: "DIJON",
		MobilePhone: "06 90 11 22 33", Email: "jean.dupont+" + strings.ToLower(stamp) + "@example.fr",
		Country: divalto.Ref{Code: "FR"},
	}
	suspect := &divalto.Prospect{Code: suspectCode, Name: "CHEZ SOI " + stamp, City: "DIJON", ProspectType: divalto.NewRef("CUSTOMER_TYPE", "CTSUS")}
	fmt.Fprintf(w, "divalto  to create: prospect %s %q (%s %s, %s), suspect %s; to recode the suspect into %s\n",
		code, p.Name, p.PostalCode, p.City, p.Email, suspectCode, recoded)
	if !write {
		fmt.Fprintln(w, "divalto  nothing written: run with -live to create, change and delete these records")
		return nil
	}

	// Delete what this run created, whatever happens next: even when the
	// run's deadline is what stopped it.
	var created []string
	defer func() {
		cleanup, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer cancel()
		for _, code := range created {
			derr := c.Prospects.Delete(cleanup, code)
			if errors.Is(derr, divalto.ErrNotFound) {
				continue // a write that went unanswered had not been made
			} else if derr != nil {
				err = errors.Join(err, fmt.Errorf("deleting %s, which this run created: %w", code, derr))
				continue
			}
			fmt.Fprintf(w, "divalto  DELETE %s\n", code)
		}
	}()

	out, err := c.Prospects.Put(ctx, divalto.ProspectRecord{Prospect: p}, divalto.ProspectRecord{Prospect: suspect})
	for _, o := range out {
		fmt.Fprintf(w, "divalto  PUT %s (batch %d): %s\n", o.Code, o.Batch, o.Result)
		if o.Result == divalto.Done || o.Result == divalto.Uncertain {
			created = append(created, o.Code) // done, or perhaps: delete it either way
		}
	}
	if err != nil {
		return err
	}

	// The round trip of a CRM sync: read the prospect, change one field,
	// write it back.
	got, err := c.Prospects.Get(ctx, code, divalto.GetOptions{})
	if err != nil {
		return err
	}
	before := got.Phone
	got.Phone = "03 80 00 00 00"
	fmt.Fprintf(w, "divalto  round trip on %s: phoneNumber %q -> %q\n", code, before, got.Phone)
	if _, err := c.Prospects.Put(ctx, divalto.ProspectRecord{Prospect: got}); err != nil {
		return err
	}
	again, err := c.Prospects.Get(ctx, code, divalto.GetOptions{})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "divalto  GET %s again: phoneNumber %q, mobile %q, e-mail %q\n", code, again.Phone, again.MobilePhone, again.Email)

	// The suspect becomes a prospect under a new code.
	created = replace(created, suspectCode, recoded) // from the first byte sent, the suspect may be gone
	if err := c.Prospects.Recode(ctx, suspectCode, recoded, suspect.Name); err != nil {
		created = append(created, suspectCode) // delete whichever code weavy holds
		return err
	}
	fmt.Fprintf(w, "divalto  recoded suspect %s into prospect %s\n", suspectCode, recoded)

	var listed []string
	for pr, err := range c.Prospects.All(ctx, divalto.ListOptions{Filters: divalto.Filters{City: "DIJ", Code: divalto.AnyOf(code, recoded)}, OrderBy: divalto.NameAsc}) {
		if err != nil {
			return err
		}
		listed = append(listed, pr.Code+" "+pr.Name)
	}
	fmt.Fprintf(w, "divalto  LIST city starts with DIJ, this run's codes: %s\n", strings.Join(listed, ", "))
	return nil
}

// replace returns codes with old replaced by new.
func replace(codes []string, old, new string) []string {
	for i, c := range codes {
		if c == old {
			codes[i] = new
		}
	}
	return codes
}

// newDivalto is the client for a company's entry point, at baseURL when
// not "".
func newDivalto(company, entryPoint, baseURL string) (*divalto.Client, error) {
	opts := []divalto.Option{divalto.WithCaller("passerelle-example", "1")}
	if baseURL != "" {
		opts = append(opts, divalto.WithBaseURL(baseURL))
	}
	return divalto.New(company, entryPoint, opts...)
}

// newFake starts a divaltotest entry point holding one customer and
// returns a client for it.
func newFake() (*divalto.Client, *divaltotest.Server, error) {
	srv := divaltotest.NewServer()
	srv.AddProspect(divalto.Prospect{Code: "CLI-0001", Name: "MARTIN Claire", PostalCode: "21000", City: "DIJON", Email: "claire.martin@example.fr"})
	c, err := newDivalto(divaltotest.Company, divaltotest.EntryPoint, srv.URL)
	if err != nil {
		srv.Close()
		return nil, nil, err
	}
	return c, srv, nil
}

// mode says whether a run on a real company writes.
func mode(live bool) string {
	if live {
		return "-live: records unique to this run are created, changed and deleted"
	}
	return "read-only: run with -live to write"
}
