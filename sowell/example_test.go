package sowell_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/passerelle-go/passerelle/sowell"
	"github.com/passerelle-go/passerelle/sowell/sowelltest"
)

// SoWell's side: push a signalement with a photo to the CRM (here the
// fake one) and keep the ids its receipt gives.
func ExampleCRMClient_Push() {
	crm := sowelltest.NewCRM()
	defer crm.Close()
	c, err := sowell.NewCRMClient(crm.URL, sowelltest.Token)
	if err != nil {
		fmt.Println(err)
		return
	}
	rc, err := c.Push(context.Background(), &sowell.Report{
		Qualification: "FUITE_EAU", Residence: "RES-0042", Spot: "LOG-12B",
		Author: "Martin Claire", AuthorEmail: "claire.martin@example.fr",
		CreatedAt: time.Date(2012, 4, 23, 18, 25, 43, 511e6, time.UTC), Priority: sowell.Low,
		Description: "Fuite d'eau au plafond\nde la cage d'escalier",
		Photos:      []sowell.Photo{{Data: strings.NewReader("\xff\xd8\xff\xe0 a JPEG photo")}},
		URL:         "https://manager.sowell.example/issues/981",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("CRM UID:", rc.CRMUID, "/ SoWell id:", rc.SoWellID)
	stored := crm.Reports()[0]
	for name := range stored.Photos {
		fmt.Println("file:", name)
	}

	// Nothing invalid is sent: every problem is listed at once.
	_, err = c.Push(context.Background(), &sowell.Report{Residence: strings.Repeat("R", 3000), Author: "A\x00"})
	var v *sowell.ValidationError
	if errors.As(err, &v) {
		fmt.Println(v.Fields[:3])
	}
	// Output:
	// CRM UID: CRM-0001 / SoWell id: 981
	// file: photo-1.jpg
	// [qualification: is required residence: is longer than 2048 bytes author: holds a control character]
}

// The CRM's side of the way back: a request's status changed, and its
// channel is SoWell, so SoWell is told, in its own words.
func ExampleNotifier_Notify() {
	sw := sowelltest.NewSoWell()
	defer sw.Close()
	c, err := sowell.NewClient(sw.URL, sowelltest.Token)
	if err != nil {
		fmt.Println(err)
		return
	}
	n := sowell.Notifier{Client: c, Map: sowell.DefaultStatusMap()}
	ctx := context.Background()
	for _, ch := range []sowell.StatusChange{
		{ReportID: "981", Channel: "SoWell", CRMStatus: "En cours"},
		{ReportID: "981", Channel: "sowell", CRMStatus: "Clôturée"},
		{ReportID: "982", Channel: "Téléphone", CRMStatus: "En cours"},
		{ReportID: "981", Channel: "SoWell", CRMStatus: "En litige"},
	} {
		sent, err := n.Notify(ctx, ch)
		fmt.Println(ch.ReportID, ch.CRMStatus, "sent:", sent, "error:", err)
	}
	fmt.Println(sw.Updates())
	// Output:
	// 981 En cours sent: true error: <nil>
	// 981 Clôturée sent: true error: <nil>
	// 982 En cours sent: false error: <nil>
	// 981 En litige sent: false error: sowell: CRM status has no SoWell status: "En litige"
	// [{981 ongoing} {981 done}]
}

// Errors carry the HTTP status and match the package's sentinels.
func ExampleError() {
	sw := sowelltest.NewSoWell()
	defer sw.Close()
	c, err := sowell.NewClient(sw.URL, "not-the-token")
	if err != nil {
		fmt.Println(err)
		return
	}
	err = c.UpdateStatus(context.Background(), "981", sowell.Done)
	var e *sowell.Error
	if errors.As(err, &e) {
		fmt.Println(e.StatusCode, e.Message, errors.Is(err, sowell.ErrUnauthorized))
	}
	// Output:
	// 401 unauthorized true
}

// SoWell's dates are ISO 8601, with or without a zone.
func ExampleParseTime() {
	for _, s := range []string{"2012-04-23T18:25:43.511Z", "2012-04-23T20:25:43+0200", "2012-04-23T20:25:43"} {
		t, err := sowell.ParseTime(s)
		fmt.Println(t.UTC().Format(time.RFC3339Nano), err)
	}
	// Output:
	// 2012-04-23T18:25:43.511Z <nil>
	// 2012-04-23T18:25:43Z <nil>
	// 2012-04-23T18:25:43Z <nil>
}

// A photo is named from its content.
func ExamplePhotoName() {
	fmt.Println(sowell.PhotoName(1, []byte("\x89PNG\r\n\x1a\n")), sowell.PhotoName(2, []byte("%PDF-1.7")))
	// Output:
	// photo-1.png photo-2.pdf
}
