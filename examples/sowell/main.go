// Command sowell plays both ends of SoWell's CRM integration: it pushes a
// signalement with photos to a CRM, as SoWell does, shows how the CRM
// processes it, and sends the CRM's status change back to SoWell for that
// signalement.
//
//	go run ./examples/sowell         # in-memory fakes, or read-only on real ends
//	go run ./examples/sowell -live   # real ends: push, and send the status back
//
// Without SOWELL_* variables both ends are in-memory fakes. Real ends need
// all of SOWELL_CRM_URL and SOWELL_CRM_TOKEN (the CRM endpoint the
// signalement is pushed to), SOWELL_API_URL and SOWELL_API_TOKEN (SoWell's
// status API), and SOWELL_REPORT_URL: the "Lien SoWell" of a signalement
// you made in SoWell for this test, whose status the run changes to
// "ongoing". One end real and the other fake is refused. Both calls are
// writes: without -live nothing is sent, and the run prints the
// signalement it would push and the status it would send back; with
// -live it prints each before sending it. The signalement pushed is made
// up, under a residence and a spot unique to the run (RES-TEST-<stamp>,
// LOG-TEST-<stamp>), so that a real CRM never files it under a real
// record.
package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/passerelle-go/passerelle/examples/internal/setup"
	"github.com/passerelle-go/passerelle/sowell"
	"github.com/passerelle-go/passerelle/sowell/sowelltest"
)

func main() { setup.Main(run) }

// The variables of the two real ends.
var (
	crmVars = setup.Service{Name: "CRM", Required: []string{"SOWELL_CRM_URL", "SOWELL_CRM_TOKEN"}}
	apiVars = setup.Service{Name: "SoWell", Required: []string{"SOWELL_API_URL", "SOWELL_API_TOKEN", "SOWELL_REPORT_URL"}}
)

func run(ctx context.Context, w io.Writer, args []string, getenv func(string) string) error {
	live, err := setup.Live("sowell", args, w)
	if err != nil {
		return err
	}
	onReal, err := setup.Real(getenv, crmVars, apiVars)
	if err != nil {
		return err
	}

	var crm *sowell.CRMClient
	var api *sowell.Client
	var fakeCRM *sowelltest.CRM
	link := getenv("SOWELL_REPORT_URL")
	if onReal {
		if crm, err = newCRM(getenv("SOWELL_CRM_URL"), getenv("SOWELL_CRM_TOKEN")); err != nil {
			return err
		}
		if api, err = newSoWell(getenv("SOWELL_API_URL"), getenv("SOWELL_API_TOKEN")); err != nil {
			return err
		}
		fmt.Fprintf(w, "(a real CRM and SoWell, %s)\n", mode(live))
	} else {
		fakeCRM = sowelltest.NewCRM()
		defer fakeCRM.Close()
		fakeSoWell := sowelltest.NewSoWell()
		defer fakeSoWell.Close()
		if crm, err = newCRM(fakeCRM.URL, sowelltest.Token); err != nil {
			return err
		}
		if api, err = newSoWell(fakeSoWell.URL, sowelltest.Token); err != nil {
			return err
		}
		// A signalement of this run's own: SoWell's ids are numbers.
		link = "https://manager.sowell.example/issues/" + strconv.FormatInt(time.Now().UnixMilli(), 10)
		fmt.Fprintln(w, "(the in-memory sowelltest CRM and SoWell)")
	}
	write := fakeCRM != nil || live

	// Codes of this run's own: a real CRM files the test report under a
	// residence and a spot no real record holds.
	stamp := setup.Stamp()
	photo := bytes.Repeat([]byte{0xff, 0xd8, 0xff, 0xe0}, 64<<10) // 256 KiB each
	r := &sowell.Report{
		Qualification: "FUITE_EAU", Residence: "RES-TEST-" + stamp, Spot: "LOG-TEST-" + stamp,
		Author: "Martin Claire", AuthorEmail: "claire.martin@example.fr", CreatedAt: time.Now(),
		Priority: sowell.High, Description: "Fuite d'eau au plafond de la cage d'escalier (test passerelle " + stamp + ")",
		// No Name: the wire form carries no photo name, the CRM names them.
		Photos: []sowell.Photo{{Data: bytes.NewReader(photo)}, {Data: bytes.NewReader(photo)}},
		URL:    link,
	}
	if err := r.Validate(); err != nil { // a link without an id is refused before anything is sent
		return err
	}
	id, err := sowell.IDFromLink(r.URL)
	if err != nil {
		return err
	}
	change := sowell.StatusChange{Channel: sowell.ChannelSoWell, CRMStatus: "En cours"}
	what := fmt.Sprintf("%s in %s/%s, priority %s, %d photos of %d KiB, link %s",
		r.Qualification, r.Residence, r.Spot, r.Priority, len(r.Photos), len(photo)>>10, r.URL)
	if !write {
		fmt.Fprintf(w, "sowell   would push %s\n", what)
		fmt.Fprintf(w, "sowell   would send back CRM status %q as SoWell %q for signalement %s\n", change.CRMStatus, sowell.Ongoing, id)
		fmt.Fprintln(w, "sowell   nothing sent: run with -live to push and send the status back")
		return nil
	}

	fmt.Fprintf(w, "sowell   pushing %s\n", what) // printed before anything is sent
	rc, err := crm.Push(ctx, r)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "sowell   pushed %s in %s with %d photos -> CRM UID %s\n", r.Qualification, r.Residence, len(r.Photos), rc.CRMUID)
	if fakeCRM != nil { // what the CRM makes of it
		stored := fakeCRM.Reports()[0]
		req, err := sowell.ToCRMRequest(ctx, &stored.Report, sowell.ResolverFunc(func(_ context.Context, residence, _ string) (string, string, error) {
			return "Responsable de secteur (" + residence + ")", "Régie Nord", nil
		}))
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "sowell   CRM request: %s, channel %s, %s / %s, %d files\n", req.Status, req.Channel, req.Manager, req.Actor, len(stored.Photos))
	}

	// The CRM keeps SoWell's id of the signalement it was pushed (the push
	// derived it from the link), and addresses the status change to it.
	change.ReportID = rc.SoWellID
	fmt.Fprintf(w, "sowell   sending back CRM status %q as SoWell %q for signalement %s\n", change.CRMStatus, sowell.Ongoing, change.ReportID)
	n := sowell.Notifier{Client: api, Map: sowell.DefaultStatusMap()}
	sent, err := n.Notify(ctx, change)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "sowell   CRM status %q -> SoWell %q for signalement %s (sent=%t)\n", change.CRMStatus, sowell.Ongoing, change.ReportID, sent)
	return nil
}

// newCRM is the client of the CRM endpoint SoWell pushes to.
func newCRM(crmURL, token string) (*sowell.CRMClient, error) {
	return sowell.NewCRMClient(crmURL, token)
}

// newSoWell is the client of SoWell's status API.
func newSoWell(apiURL, token string) (*sowell.Client, error) { return sowell.NewClient(apiURL, token) }

// mode says whether a run on real ends writes.
func mode(live bool) string {
	if live {
		return "-live: the signalement is pushed and its status sent back"
	}
	return "read-only: run with -live to send"
}
