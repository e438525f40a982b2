package divaltotest_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/passerelle-go/passerelle/divalto"
	"github.com/passerelle-go/passerelle/divalto/divaltotest"
)

// A Server is a weavy entry point in memory: a divalto client talks to it
// through WithBaseURL, and the test reads what was stored.
func ExampleNewServer() {
	srv := divaltotest.NewServer()
	defer srv.Close()
	c, err := divalto.New(divaltotest.Company, divaltotest.EntryPoint, divalto.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	p := &divalto.Prospect{Code: "P1", Name: "CHEZ SOI", Family: divalto.Ref{Code: "GRAND-EST"}, ProspectPotential: divalto.Ref{Code: "B"}}
	if _, err := c.Prospects.Put(ctx, divalto.ProspectRecord{Prospect: p}); err != nil {
		log.Fatal(err)
	}

	stored, _ := srv.Prospect("P1")
	fmt.Println(stored.Family, stored.ProspectType, stored.CustomerPotential)
	got, err := c.Prospects.Get(ctx, "P1", divalto.GetOptions{ResultType: divalto.Extended})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(got.Family.Code, got.ProspectType.Code, got.ProspectPotential.Code)
	fmt.Println(srv.Calls(divalto.VerbPut), srv.Calls(divalto.VerbGet))
	// Output:
	// CUSTOMER_FAMILY-GRAND-EST CUSTOMER_TYPE-CTP CUSTOMER_POTENTIAL-B
	// GRAND-EST CTP B
	// 1 1
}

// FailNext plays a failure instead of the next answers: here one 503,
// after which the client's retry succeeds.
func ExampleServer_FailNext() {
	srv := divaltotest.NewServer()
	defer srv.Close()
	srv.AddProspect(divalto.Prospect{Code: "P1", Name: "CHEZ SOI"})
	c, err := divalto.New(divaltotest.Company, divaltotest.EntryPoint, divalto.WithBaseURL(srv.URL),
		divalto.WithRetry(1, time.Millisecond, time.Millisecond))
	if err != nil {
		log.Fatal(err)
	}

	srv.FailNext(1, divaltotest.Fault{Kind: divaltotest.Unavailable})
	p, err := c.Prospects.Get(context.Background(), "P1", divalto.GetOptions{})
	fmt.Println(p.Name, err)

	srv.FailNext(2, divaltotest.Fault{Kind: divaltotest.Unavailable})
	_, err = c.Prospects.Get(context.Background(), "P1", divalto.GetOptions{})
	var e *divalto.Error
	fmt.Println(errors.As(err, &e), e.StatusCode)
	fmt.Println(srv.Calls(divalto.VerbGet), "GET processed")
	// Output:
	// CHEZ SOI <nil>
	// true 503
	// 1 GET processed
}

// Paths shows what reached the entry point: a company code stays inside
// its path segment, escaped.
func ExampleServer_Paths() {
	srv := divaltotest.NewServer()
	defer srv.Close()
	c, err := divalto.New("ACME/../../other", divaltotest.EntryPoint, divalto.WithBaseURL(srv.URL), divalto.WithRetry(0, 0, 0))
	if err != nil {
		log.Fatal(err)
	}
	_, err = c.Prospects.Get(context.Background(), "P1", divalto.GetOptions{})
	fmt.Println(errors.Is(err, divalto.ErrNotFound))
	fmt.Println(srv.Paths()[0])
	// Output:
	// true
	// /v1/entrypoints/ACME%2F..%2F..%2Fother/webhook/?c=WHK_Prospect
}

// Puts lists the batches the client sent: Put splits its records into
// requests of at most WithMaxPerPut.
func ExampleServer_Puts() {
	srv := divaltotest.NewServer()
	defer srv.Close()
	c, err := divalto.New(divaltotest.Company, divaltotest.EntryPoint, divalto.WithBaseURL(srv.URL), divalto.WithMaxPerPut(2))
	if err != nil {
		log.Fatal(err)
	}
	var records []divalto.ProspectRecord
	for _, code := range []string{"P1", "P2", "P3"} {
		records = append(records, divalto.ProspectRecord{Prospect: &divalto.Prospect{Code: code, Name: "Prospect " + code}})
	}
	out, err := c.Prospects.Put(context.Background(), records...)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(srv.Puts())
	fmt.Println(out[2].Batch, out[2].Result)
	// Output:
	// [[P1 P2] [P3]]
	// 1 done
}
