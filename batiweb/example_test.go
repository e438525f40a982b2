package batiweb_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/passerelle-go/passerelle/batiweb"
	"github.com/passerelle-go/passerelle/batiweb/batiwebtest"
)

func exampleLead() *batiweb.Lead {
	return &batiweb.Lead{
		Email: "claire.martin@example.fr", City: "Montigny-le-Bretonneux", Zipcode: "78180",
		IsOwner: batiweb.Owner, Cellphone: "0612345678", FirstName: "Claire", LastName: "Martin",
		Civility: batiweb.Madame, WorkType: batiweb.WorkTypePeinture, HousingType: batiweb.House,
		AmountOfRooms: 2, Comment: "Peinture de la chambre et du salon",
	}
}

func ExampleNew() {
	srv := batiwebtest.NewServer() // a real account: batiweb.New(login, password, batiweb.Prep)
	defer srv.Close()

	client, err := batiweb.New(batiwebtest.Login, batiwebtest.Password, batiweb.Prep, batiweb.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(client) // the password is never printed
	// Output: batiweb.Client{login: "demo", environment: PREP}
}

func ExampleClient_IsSellable() {
	srv := batiwebtest.NewServer()
	defer srv.Close()
	srv.Sell("78", batiweb.WorkTypePeinture) // Batiweb buys painting in the Yvelines
	client, _ := batiweb.New(batiwebtest.Login, batiwebtest.Password, batiweb.Prep, batiweb.WithBaseURL(srv.URL))

	for _, zip := range []string{"78180", "13001"} {
		res, err := client.IsSellable(context.Background(), batiweb.SellableRequest{Zipcode: zip, WorkType: batiweb.WorkTypePeinture})
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s %s: sellable=%t (code %d)\n", batiweb.WorkTypePeinture, zip, res.Sellable, res.Code)
	}
	// Output:
	// Peinture 78180: sellable=true (code 0)
	// Peinture 13001: sellable=false (code 4)
}

func ExampleClient_Import() {
	srv := batiwebtest.NewServer()
	defer srv.Close()
	srv.Sell("")
	client, _ := batiweb.New(batiwebtest.Login, batiwebtest.Password, batiweb.Prep, batiweb.WithBaseURL(srv.URL))

	res, err := client.Import(context.Background(), exampleLead())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.ID, res.Message, len(res.Token))
	fmt.Println(srv.Leads()[0].Lead.WorkDescription) // filled from the work type
	// Output:
	// 1001 Lead correctly imported 128
	// Peinture
}

func ExampleClient_Status() {
	srv := batiwebtest.NewServer()
	defer srv.Close()
	srv.Sell("")
	client, _ := batiweb.New(batiwebtest.Login, batiwebtest.Password, batiweb.Prep, batiweb.WithBaseURL(srv.URL))
	ctx := context.Background()

	imported, _ := client.Import(ctx, exampleLead())
	_ = srv.SetStatus(imported.Token, batiweb.StatusValidated, time.Date(2026, 11, 20, 14, 30, 0, 0, time.UTC))

	st, err := client.Status(ctx, imported.Token)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(st.Status.Code(), st.StatusLabel, st.Date.UTC())
	// Output: 1 Validé 2026-11-20 14:30:00 +0000 UTC
}

func ExampleError() {
	srv := batiwebtest.NewServer()
	defer srv.Close()
	srv.Sell("")
	client, _ := batiweb.New(batiwebtest.Login, batiwebtest.Password, batiweb.Prep, batiweb.WithBaseURL(srv.URL))
	ctx := context.Background()

	_, _ = client.Import(ctx, exampleLead())
	_, err := client.Import(ctx, exampleLead()) // the same e-mail again

	var e *batiweb.Error
	if errors.Is(err, batiweb.ErrDuplicateLead) && errors.As(err, &e) {
		fmt.Println("duplicate:", e.Code.Code(), e.Message)
	}

	bad := exampleLead()
	bad.Zipcode, bad.Cellphone, bad.WorkType = "7818", "", 9999
	_, err = client.Import(ctx, bad) // nothing is sent
	fmt.Println(err)
	// Output:
	// duplicate: 5 Duplicate Lead
	// batiweb: invalid import request: zipcode: must be 5 digits; cellphone: is required when landline is empty; worktype: code is not in the document's mapping table
}

func ExampleParseWorkType() {
	wt, err := batiweb.ParseWorkType("peinture")
	fmt.Println(wt.Code(), wt, err)
	// Output: 69 Peinture <nil>
}
