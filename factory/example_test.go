package factory_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/passerelle-go/passerelle/factory"
	"github.com/passerelle-go/passerelle/factory/factorytest"
)

// lead is a project as La Factory imports it from a web form.
func lead() factory.Project {
	return factory.Project{
		Salutation: factory.Madame, FirstName: "Camille", LastName: "Durand",
		Email: "camille.durand@example.fr", MobilePhone: "06 90 11 22 33", WorkPhone: "03 20 00 00 00",
		PostalCode: "59000", City: "Lille", ProgramCode: "NX-59000-01", Project: factory.Habiter,
		Channel: "web", UTMSource: "seloger", FormName: "Contact programme",
	}
}

func ExampleNew() {
	srv := factorytest.NewServer() // a real account: factory.New(key, factory.Production)
	defer srv.Close()
	client, err := factory.New(factorytest.APIKey, factory.Acceptance, factory.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(client) // the api key is never printed
	// Output: factory.Client{apiKeyHeader: "apikey"}
}

func ExampleClient_NextProject() {
	srv := factorytest.NewServer()
	defer srv.Close()
	srv.AddImported(lead())
	client, _ := factory.New(factorytest.APIKey, factory.Acceptance, factory.WithBaseURL(srv.URL))
	ctx := context.Background()

	p, err := client.NextProject(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(p.FactoryProjectID, p.Salutation, p.FirstName, p.LastName, p.Project)
	res, _ := client.Acknowledge(ctx, p.FactoryProjectID, "CC-42")
	fmt.Println("acknowledged as", res.CallCenterProjectID)

	_, err = client.NextProject(ctx)
	fmt.Println(errors.Is(err, factory.ErrNoProject))
	// Output:
	// FP-000001 Madame Camille Durand Habiter
	// acknowledged as CC-42
	// true
}

// The safe way to update: take the project La Factory sent, change it,
// send it whole. A field left out would be blanked by La Factory.
func ExampleClient_UpdateProject() {
	srv := factorytest.NewServer()
	defer srv.Close()
	id := srv.AddImported(lead())
	client, _ := factory.New(factorytest.APIKey, factory.Acceptance, factory.WithBaseURL(srv.URL))
	ctx := context.Background()

	p, _ := client.NextProject(ctx) // 1. fetch
	p.CallCenterProjectID = "CC-42" // 2. change
	p.Goal, p.BudgetMax = factory.ResidencePrincipale, "320000"
	if _, err := client.UpdateProject(ctx, p); err != nil { // 3. update, whole
		log.Fatal(err)
	}
	fmt.Println(srv.Fields(id)["tel_professionnel"], srv.Fields(id)["budget_max"])

	p.WorkPhone = "" // blanking a field La Factory sent needs Clear
	_, err := client.UpdateProject(ctx, p)
	fmt.Println(err)
	_, err = client.UpdateProject(ctx, p.Clear("tel_professionnel"))
	fmt.Println(err, srv.Fields(id)["tel_professionnel"] == "")
	// Output:
	// 03 20 00 00 00 320000
	// factory: invalid update request: tel_professionnel: La Factory sent a value and the update would blank it; call Clear("tel_professionnel") to blank it on purpose
	// <nil> true
}

func ExampleClient_ScheduleAppointment() {
	srv := factorytest.NewServer()
	defer srv.Close()
	id := srv.AddImported(lead())
	client, _ := factory.New(factorytest.APIKey, factory.Acceptance, factory.WithBaseURL(srv.URL))
	ctx := context.Background()

	_, _ = client.LogCall(ctx, id, factory.PhoneCall{Subject: "Premier appel", Direction: factory.Outgoing, DurationMinutes: 7})
	start := time.Date(2026, 12, 3, 14, 0, 0, 0, factory.Paris)
	_, err := client.ScheduleAppointment(ctx, id, factory.Appointment{
		Subject: "Visite du T3", Comment: "Présentation du lot 0012", Start: start, End: start.Add(time.Hour),
		Type: factory.R1, Nature: factory.Physique, SalesRep: "sophie.leroy@edouarddenis.example",
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, a := range srv.Activities(id) {
		fmt.Printf("%s %q durée=%q %q→%q\n", a["typeactivite"], a["sujet"], a["durée"], a["datedebut"], a["datefin"])
	}
	// Output:
	// phonecall "Premier appel" durée="7" ""→""
	// appointment "Visite du T3" durée="" "20261203140000"→"20261203150000"
}

func ExampleClient_Conclude() {
	srv := factorytest.NewServer()
	defer srv.Close()
	srv.SetConclusionCodes(map[string]string{"RDV": "CONCL-RDV-PHYSIQUE"}) // the "code conclusion" entity
	id := srv.AddImported(lead())
	client, _ := factory.New(factorytest.APIKey, factory.Acceptance, factory.WithBaseURL(srv.URL))

	_, err := client.Conclude(context.Background(), id, "CC-42", "RDV")
	fmt.Println(err, srv.Conclusion(id))

	_, err = client.Conclude(context.Background(), id, "CC-42", "???")
	var e *factory.Error
	if errors.As(err, &e) && errors.Is(err, factory.ErrRejected) {
		fmt.Println(e.Code, e.Message)
	}
	// Output:
	// <nil> CONCL-RDV-PHYSIQUE
	// 400 Unknown conclusion code ???
}

func ExampleMotifCloture_Closure() {
	fmt.Println(factory.RdvPhysique.Closure(), len(factory.Refus.Motifs()), len(factory.MotifClotureValues()))
	m, _ := factory.ParseMotifCloture("tra")
	fmt.Println(m)
	// Output:
	// ACCORD 8 21
	// TRANSFERT ABOUTI (TRA)
}

// An owner La Factory sent who is not a licensed seller cannot be sent
// back: CheckSalesRep says so before the update, and Clear("commercial")
// is the way through.
func ExampleClient_CheckSalesRep() {
	srv := factorytest.NewServer()
	defer srv.Close()
	p := lead()
	p.SalesRep = "directeur@edouarddenis.example" // the "suivi par" of the project
	srv.AddImported(p)
	client, _ := factory.New(factorytest.APIKey, factory.Acceptance, factory.WithBaseURL(srv.URL))
	ctx := context.Background()

	next, _ := client.NextProject(ctx)
	next.CallCenterProjectID = "CC-42"
	err := client.CheckSalesRep(ctx, next)
	fmt.Println(errors.Is(err, factory.ErrSellerNotLicensed))
	next.Clear("commercial")
	_, err = client.UpdateProject(ctx, next)
	fmt.Println(err)
	// Output:
	// true
	// <nil>
}

// A project as La Factory may send it: a number where the document says
// text, a balise in another letter case, one the package does not model.
// Nothing is lost, and what comes back unchanged goes out as it came.
func ExampleProject_UnmarshalJSON() {
	var p factory.Project
	err := json.Unmarshal([]byte(`{"factoryprojectid":"FP-1","budget_max":300000,"Type_bienED":"APT","if_autre_champ":"x"}`), &p)
	fmt.Println(err, p.BudgetMax, p.AssetType, string(p.Extra["if_autre_champ"]))
	out, _ := json.Marshal(p)
	var sent map[string]json.RawMessage
	_ = json.Unmarshal(out, &sent)
	fmt.Println(string(sent["budget_max"]), string(sent["type_logementED"]), string(sent["if_autre_champ"]))
	// Output:
	// <nil> 300000 APT "x"
	// 300000 "APT" "x"
}

// La Factory's document says GetProject4CallCenter hands out one project;
// an answer holding several keeps the others in the client, and each is
// marked as sent in La Factory. Before a program stops taking projects,
// it takes those too (no request is made for them).
func ExampleClient_Buffered() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, `[{"factoryprojectid":"FP-1","nom":"Durand"},{"factoryprojectid":"FP-2","nom":"Petit"}]`)
	}))
	defer srv.Close()
	client, _ := factory.New(factorytest.APIKey, factory.Acceptance, factory.WithBaseURL(srv.URL))
	ctx := context.Background()

	p, _ := client.NextProject(ctx)
	fmt.Println("working", p.FactoryProjectID)
	for client.Buffered() > 0 {
		p, err := client.NextProject(ctx)
		var fe *factory.Error
		if errors.As(err, &fe) {
			fmt.Printf("to handle by hand: %s\n", fe.Raw)
			continue
		}
		fmt.Println("to handle by hand:", p.FactoryProjectID, p.LastName)
	}
	// Output:
	// working FP-1
	// to handle by hand: FP-2 Petit
}
