// Command quickstart tells passerelle's story against the in-memory fake
// servers: no credentials, no network. It never reads the environment: the
// examples beside it (examples/batiweb, ...) are the programs to point at
// real accounts, and the ones to copy.
//
//	go run ./examples/quickstart
//
// Each service tells its part: Batiweb, La Factory, EasyCall, Divalto
// weavy and SoWell; then a bridge takes La Factory's projects to Batiweb
// through the mapping pivot, and one project is shown as each service
// spells it.
package main

import (
	"context"
	"fmt"
	"io"

	"os"
	"time"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	err := run(ctx, os.Stdout)
	cancel()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(ctx context.Context, w io.Writer) error {
	fmt.Fprintln(w, "== Batiweb: sell a renovation lead (fake server)")
	client, srv, err := FakeBatiweb()
	if err != nil {
		return err
	}
	defer srv.Close()
	if err := Batiweb(ctx, w, client, srv); err != nil {
		return err
	}

	fmt.Fprintln(w, "\n== La Factory: a call-center agent's loop (fake server)")
	fc, fsrv, err := FakeFactory()
	if err != nil {
		return err
	}
	defer fsrv.Close()
	if err := Factory(ctx, w, fc, fsrv); err != nil {
		return err
	}

	fmt.Fprintln(w, "\n== EasyCall Cloud: import leads into a call-center campaign (fake server)")
	ec, esrv, err := FakeEasyCall()
	if err != nil {
		return err
	}
	defer esrv.Close()
	if err := EasyCall(ctx, w, ec, esrv); err != nil {
		return err
	}

	fmt.Fprintln(w, "\n== Divalto weavy: prospects through the WHK_Prospect webhook (fake server)")
	dc, dsrv, err := FakeDivalto()
	if err != nil {
		return err
	}
	defer dsrv.Close()
	if err := Divalto(ctx, w, dc, dsrv); err != nil {
		return err
	}

	fmt.Fprintln(w, "\n== SoWell ↔ CRM: a signalement pushed, its status sent back (fake servers)")
	ends, err := FakeSoWell()
	if err != nil {
		return err
	}
	defer ends.Close()
	if err := SoWell(ctx, w, ends); err != nil {
		return err
	}

	fmt.Fprintln(w, "\n== La Factory → Batiweb: a bridge through the mapping pivot (fake servers)")
	bfc, bfsrv, bbc, bbsrv, err := FakeBridge()
	if err != nil {
		return err
	}
	defer bfsrv.Close()
	defer bbsrv.Close()
	if err := Bridge(ctx, w, bfc, bbc, BridgeWorkType, 10); err != nil {
		return err
	}
	first, _ := bfsrv.Project("FP-000001")
	return Vocabularies(w, &first)
}
