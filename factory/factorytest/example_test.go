package factorytest_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/passerelle-go/passerelle/factory"
	"github.com/passerelle-go/passerelle/factory/factorytest"
)

// A fake La Factory for a test: queue a project, take it with a client.
func ExampleNewServer() {
	srv := factorytest.NewServer()
	defer srv.Close()
	id := srv.AddImported(factory.Project{FirstName: "Camille", LastName: "Durand", Channel: "web"})

	client, err := factory.New(factorytest.APIKey, factory.Acceptance, factory.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	p, err := client.NextProject(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(p.FactoryProjectID == id, p.FirstName, p.LastName)
	_, err = client.NextProject(context.Background())
	fmt.Println(errors.Is(err, factory.ErrNoProject))
	// Output:
	// true Camille Durand
	// true
}

// A project as La Factory's backend may write it: numbers where the
// document says text, a balise in another letter case, one the document
// does not list. The update sends every one back as it came.
func ExampleServer_AddImportedJSON() {
	srv := factorytest.NewServer()
	defer srv.Close()
	id, err := srv.AddImportedJSON(`{"nom":"Durand","budget_max":300000,"Type_bienED":"APT","if_autre_champ":"x","canal":"web"}`)
	if err != nil {
		log.Fatal(err)
	}
	client, _ := factory.New(factorytest.APIKey, factory.Acceptance, factory.WithBaseURL(srv.URL))
	ctx := context.Background()

	p, _ := client.NextProject(ctx)
	fmt.Println(p.BudgetMax, p.AssetType, string(p.Extra["if_autre_champ"]))
	p.CallCenterProjectID = "CC-42"
	if _, err := client.UpdateProject(ctx, p); err != nil {
		log.Fatal(err)
	}
	stored := srv.Balises(id)
	fmt.Println(string(stored["budget_max"]), string(stored["type_logemented"]), string(stored["if_autre_champ"]))
	// Output:
	// 300000 APT "x"
	// 300000 "APT" "x"
}

// The referentials' paths are not in La Factory's document: a client
// configured with WithPath can be tested against a server serving the
// same path.
func ExampleServer_SetPath() {
	srv := factorytest.NewServer()
	defer srv.Close()
	srv.SetPath(factory.GetCanaux, "/api/Referentials/Channels")
	client, _ := factory.New(factorytest.APIKey, factory.Acceptance, factory.WithBaseURL(srv.URL),
		factory.WithPath(factory.GetCanaux, "/api/Referentials/Channels"))

	channels, err := client.Channels(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range channels {
		fmt.Println(c.Code, c.Name)
	}
	// Output:
	// cc006 Call center
	// web Site web
}

// Faults: a 503 is retried by an idempotent call, and the call succeeds.
func ExampleServer_FailNext() {
	srv := factorytest.NewServer()
	defer srv.Close()
	client, _ := factory.New(factorytest.APIKey, factory.Acceptance, factory.WithBaseURL(srv.URL),
		factory.WithRetry(2, time.Millisecond, 10*time.Millisecond))

	srv.FailNext(1, factorytest.Fault{Kind: factorytest.Unavailable})
	programs, err := client.Programs(context.Background())
	fmt.Println(len(programs), err, srv.Calls(factory.GetPrograms))

	srv.FailNext(1, factorytest.Fault{Kind: factorytest.HTMLPage})
	_, err = client.Programs(context.Background())
	fmt.Println(errors.Is(err, factory.ErrMalformedResponse))
	// Output:
	// 1 <nil> 1
	// true
}
