// Command factory-callcenter runs a call-center agent's loop on La
// Factory: next project, acknowledge, log a call, qualify and update,
// book an appointment, close with ACCORD / RDV PHYSIQUE. It runs against
// an in-memory fake server unless FACTORY_BASE_URL and FACTORY_API_KEY are
// set (FACTORY_CONCLUSION_CODE: your conclusion code in La Factory).
//
//	go run ./examples/factory-callcenter
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
	client, srv, err := demo.FactoryClient()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if srv != nil {
		defer srv.Close()
		fmt.Println("(against the in-memory factorytest server)")
	}
	if err := demo.Factory(ctx, os.Stdout, client, srv); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
