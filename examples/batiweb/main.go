// Command batiweb checks that Batiweb buys a lead, imports it and reads its
// status. It runs against an in-memory fake server unless BATIWEB_LOGIN and
// BATIWEB_PASSWORD are set (BATIWEB_ENV: PREP or PROD, default PREP;
// BATIWEB_BASE_URL for another host).
//
//	go run ./examples/batiweb
package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/passerelle-go/passerelle/examples/internal/demo"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	client, srv, err := demo.BatiwebClient()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if srv != nil {
		defer srv.Close()
		fmt.Println("(against the in-memory batiwebtest server)")
	}
	if err := demo.Batiweb(ctx, os.Stdout, client, srv); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
