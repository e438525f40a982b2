package batiwebtest_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/passerelle-go/passerelle/batiweb"
	"github.com/passerelle-go/passerelle/batiweb/batiwebtest"
)

func lead() *batiweb.Lead {
	return &batiweb.Lead{
		Email: "claire.martin@example.fr", City: "Montigny-le-Bretonneux", Zipcode: "78180",
		IsOwner: batiweb.Owner, Cellphone: "0612345678", FirstName: "Claire", LastName: "Martin",
		Civility: batiweb.Madame, WorkType: batiweb.WorkTypePeinture,
	}
}

func ExampleNewServer() {
	srv := batiwebtest.NewServer()
	defer srv.Close()
	srv.Sell("78", batiweb.WorkTypePeinture) // painting in the Yvelines only

	client, err := batiweb.New(batiwebtest.Login, batiwebtest.Password, batiweb.Prep, batiweb.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	res, err := client.Import(context.Background(), lead())
	if err != nil {
		log.Fatal(err)
	}
	got := srv.Leads()[0]
	fmt.Println(res.ID, got.Environment, got.Lead.LastName, got.Lead.WorkDescription)
	// Output: 1001 PREP Martin Peinture
}

func ExampleServer_SetStatus() {
	srv := batiwebtest.NewServer()
	defer srv.Close()
	srv.Sell("")
	client, _ := batiweb.New(batiwebtest.Login, batiwebtest.Password, batiweb.Prep, batiweb.WithBaseURL(srv.URL))
	ctx := context.Background()
	imported, _ := client.Import(ctx, lead())

	st, _ := client.Status(ctx, imported.Token)
	fmt.Printf("before: status %d %q\n", st.Status, st.StatusLabel) // not processed yet: no status

	_ = srv.SetStatus(imported.Token, batiweb.StatusWrongNumber, time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC))
	st, _ = client.Status(ctx, imported.Token)
	fmt.Printf("after: status %d %q\n", st.Status, st.StatusLabel)
	fmt.Println(srv.SetStatus(imported.Token, 3, time.Now()))
	// Output:
	// before: status 0 ""
	// after: status 11 "Faux numéro"
	// batiwebtest: status 3 is not in the document's table
}

func ExampleServer_AnswerCode() {
	srv := batiwebtest.NewServer()
	defer srv.Close()
	srv.Sell("")
	client, _ := batiweb.New(batiwebtest.Login, batiwebtest.Password, batiweb.Prep, batiweb.WithBaseURL(srv.URL))

	_ = srv.AnswerCode(1, batiweb.CodeInternal) // the next request answers code 9
	_, err := client.Import(context.Background(), lead())
	fmt.Println(err, errors.Is(err, batiweb.ErrInternal))
	fmt.Println(len(srv.Leads()), "lead imported")
	// Output:
	// batiweb: import: code 9: Internal error true
	// 0 lead imported
}

func ExampleServer_FailNext() {
	srv := batiwebtest.NewServer()
	defer srv.Close()
	srv.Sell("")
	client, _ := batiweb.New(batiwebtest.Login, batiwebtest.Password, batiweb.Prep,
		batiweb.WithBaseURL(srv.URL), batiweb.WithRetry(0, 0, 0))

	srv.FailNext(1, batiwebtest.Fault{Kind: batiwebtest.HTMLPage})
	_, err := client.Import(context.Background(), lead())
	fmt.Println(errors.Is(err, batiweb.ErrMalformedResponse), srv.Calls("/json/lead/import"))
	// Output: true 1
}
