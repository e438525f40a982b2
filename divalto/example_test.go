package divalto_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"

	"github.com/passerelle-go/passerelle/divalto"
	"github.com/passerelle-go/passerelle/divalto/divaltotest"
)

func exampleClient() (*divalto.Client, *divaltotest.Server) {
	srv := divaltotest.NewServer()
	c, err := divalto.New(divaltotest.Company, divaltotest.EntryPoint, divalto.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	return c, srv
}

// Put creates a prospect with a linked user. weavy gives a prospect
// created without a customer type the type CTP; Get reads it back.
func ExampleProspectService_Put() {
	c, srv := exampleClient()
	defer srv.Close()
	ctx := context.Background()

	out, err := c.Prospects.Put(ctx, divalto.ProspectRecord{
		Prospect: &divalto.Prospect{Code: "P0000001", Name: "CHEZ SOI", City: "DIJON", Country: divalto.Ref{Code: "FR"}},
		Users:    []divalto.ProspectUser{{Code: "P0000001-95", BaseUser: "95", Category: divalto.Ref{Code: "1"}}},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(out[0].Code, out[0].Result)

	p, err := c.Prospects.Get(ctx, "P0000001", divalto.GetOptions{ResultType: divalto.Extended})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(p.Name, p.ProspectType.Code, p.Country)
	fmt.Println(srv.Users("P0000001")[0].Prospect)
	// Output:
	// P0000001 done
	// CHEZ SOI CTP FR
	// P0000001
}

// All follows the pages of a LIST; the filters are weavy's.
func ExampleProspectService_All() {
	c, srv := exampleClient()
	defer srv.Close()
	srv.SetPageSize(2)
	ctx := context.Background()
	var records []divalto.ProspectRecord
	for i, city := range []string{"DIJON", "PARIS", "DIJON", "DIJON", "LYON"} {
		records = append(records, divalto.ProspectRecord{Prospect: &divalto.Prospect{Code: fmt.Sprintf("P%d", i), Name: fmt.Sprintf("Prospect %d", 5-i), City: city}})
	}
	if _, err := c.Prospects.Put(ctx, records...); err != nil {
		log.Fatal(err)
	}

	for p, err := range c.Prospects.All(ctx, divalto.ListOptions{Filters: divalto.Filters{City: "DIJ"}, OrderBy: divalto.NameAsc}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(p.Code, p.Name, p.City)
	}
	// Output:
	// P3 Prospect 2 DIJON
	// P2 Prospect 3 DIJON
	// P0 Prospect 5 DIJON
}

// A prospect read and written back is unchanged: null and "" are kept
// apart, numbers keep their text, references their form.
func ExampleProspect_roundTrip() {
	var p divalto.Prospect
	in := `{"codeprospect":"P1","address2":null,"address3":"","discountRate":"0.00","blocked":"0","generictype_ID_country":"COUNTRY-FR"}`
	if err := json.Unmarshal([]byte(in), &p); err != nil {
		log.Fatal(err)
	}
	fmt.Println(p.IsNull("address2"), p.IsNull("address3"), p.Country.DataType, p.Country.Code)
	out, _ := json.Marshal(p)
	fmt.Println(string(out))
	// Output:
	// true false COUNTRY FR
	// {"codeprospect":"P1","address2":null,"address3":"","generictype_ID_country":"COUNTRY-FR","blocked":"0","discountRate":"0.00"}
}

// Recode turns a suspect into a prospect, keeping its links.
func ExampleProspectService_Recode() {
	c, srv := exampleClient()
	defer srv.Close()
	ctx := context.Background()
	suspect := &divalto.Prospect{Code: "S0000001", Name: "CHEZ SOI", ProspectType: divalto.NewRef("CUSTOMER_TYPE", "CTSUS")}
	if _, err := c.Prospects.Put(ctx, divalto.ProspectRecord{Prospect: suspect}); err != nil {
		log.Fatal(err)
	}

	if err := c.Prospects.Recode(ctx, "S0000001", "P0000001", "CHEZ SOI"); err != nil {
		log.Fatal(err)
	}
	p, err := c.Prospects.Get(ctx, "P0000001", divalto.GetOptions{ResultType: divalto.Extended})
	if err != nil {
		log.Fatal(err)
	}
	_, err = c.Prospects.Get(ctx, "S0000001", divalto.GetOptions{})
	fmt.Println(p.Code, p.Name, p.ProspectType.Code)
	fmt.Println("suspect gone:", errors.Is(err, divalto.ErrNotFound))
	// Output:
	// P0000001 CHEZ SOI CTP
	// suspect gone: true
}

// A prospect read from weavy passes validation whatever weavy holds; a
// value the caller sets is checked.
func ExampleProspect_Validate() {
	c, srv := exampleClient()
	defer srv.Close()
	srv.AddProspect(divalto.Prospect{Code: "P1", Name: "CHEZ SOI", Email: "a@b.fr;c@d.fr", Family: divalto.Ref{Code: "GRAND-EST"}})

	p, err := c.Prospects.Get(context.Background(), "P1", divalto.GetOptions{ResultType: divalto.Extended})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(p.Family.Code, p.Validate())
	p.Email = "x@y.fr;z@y.fr"
	p.Workforce = "2.5"
	fmt.Println(p.Validate())
	// Output:
	// GRAND-EST <nil>
	// divalto: invalid put request: prospect.email: is not an e-mail address; prospect.workforce: is not an integer
}

// A value weavy holds that the field's type cannot (a flag "2") does not
// fail the read: the field is zero, Raw returns the value, and it goes
// back as weavy wrote it until the caller sets the field.
func ExampleProspect_Raw() {
	var p divalto.Prospect
	if err := json.Unmarshal([]byte(`{"codeprospect":"P1","blocked":"2"}`), &p); err != nil {
		log.Fatal(err)
	}
	raw, ok := p.Raw("blocked")
	fmt.Println(p.Blocked, string(raw), ok)
	b, _ := json.Marshal(p)
	fmt.Println(string(b))
	p.Blocked = true
	b, _ = json.Marshal(p)
	fmt.Println(string(b))
	// Output:
	// false "2" true
	// {"codeprospect":"P1","blocked":"2"}
	// {"codeprospect":"P1","blocked":"1"}
}
