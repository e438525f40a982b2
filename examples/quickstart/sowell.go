package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"time"

	"github.com/passerelle-go/passerelle/sowell"
	"github.com/passerelle-go/passerelle/sowell/sowelltest"
)

// SoWellEnds are the two ends of the SoWell story and the fakes behind
// them, nil for an end pointed at a real endpoint.
type SoWellEnds struct {
	CRM      *sowell.CRMClient
	SoWell   *sowell.Client
	FakeCRM  *sowelltest.CRM
	FakeSoWl *sowelltest.SoWell
}

// Close stops the fakes.
func (e *SoWellEnds) Close() {
	if e.FakeCRM != nil {
		e.FakeCRM.Close()
	}
	if e.FakeSoWl != nil {
		e.FakeSoWl.Close()
	}
}

// FakeSoWell starts both ends' fakes and clients for them.
func FakeSoWell() (*SoWellEnds, error) {
	e := &SoWellEnds{FakeCRM: sowelltest.NewCRM(), FakeSoWl: sowelltest.NewSoWell()}
	var err error
	if e.CRM, err = sowell.NewCRMClient(e.FakeCRM.URL, sowelltest.Token); err == nil {
		e.SoWell, err = sowell.NewClient(e.FakeSoWl.URL, sowelltest.Token)
	}
	if err != nil {
		e.Close()
		return nil, err
	}
	return e, nil
}

// SoWell pushes a signalement with two photos to the CRM, shows how the
// CRM processes it, and sends a status change back to SoWell.
func SoWell(ctx context.Context, w io.Writer, e *SoWellEnds) error {
	photo := bytes.Repeat([]byte{0xff, 0xd8, 0xff, 0xe0}, 64<<10) // 256 KiB each
	r := &sowell.Report{
		Qualification: "FUITE_EAU", Residence: "RES-0042", Spot: "LOG-12B",
		Author: "Martin Claire", AuthorEmail: "claire.martin@example.fr", CreatedAt: time.Now(),
		Priority: sowell.High, Description: "Fuite d'eau au plafond de la cage d'escalier",
		Photos: []sowell.Photo{{Data: bytes.NewReader(photo)}, {Data: bytes.NewReader(photo)}},
		URL:    "https://manager.sowell.example/issues/981",
	}
	rc, err := e.CRM.Push(ctx, r)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "sowell   pushed %s in %s with %d photos -> CRM UID %s\n", r.Qualification, r.Residence, len(r.Photos), rc.CRMUID)
	if e.FakeCRM != nil {
		stored := e.FakeCRM.Reports()[0]
		req, err := sowell.ToCRMRequest(ctx, &stored.Report, sowell.ResolverFunc(func(_ context.Context, residence, _ string) (string, string, error) {
			return "Responsable de secteur (" + residence + ")", "Régie Nord", nil
		}))
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "sowell   CRM request: %s, channel %s, %s / %s, %d files\n", req.Status, req.Channel, req.Manager, req.Actor, len(stored.Photos))
	}
	n := sowell.Notifier{Client: e.SoWell, Map: sowell.DefaultStatusMap()}
	sent, err := n.Notify(ctx, sowell.StatusChange{ReportID: rc.SoWellID, Channel: sowell.ChannelSoWell, CRMStatus: "En cours"})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "sowell   CRM status \"En cours\" -> SoWell %q (sent=%t)\n", sowell.Ongoing, sent)
	return nil
}
