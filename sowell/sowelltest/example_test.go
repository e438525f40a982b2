package sowelltest_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/passerelle-go/passerelle/sowell"
	"github.com/passerelle-go/passerelle/sowell/sowelltest"
)

func report(link string) *sowell.Report {
	return &sowell.Report{
		Qualification: "FUITE_EAU", Residence: "RES-0042", Author: "Martin Claire", AuthorEmail: "claire.martin@example.fr",
		CreatedAt: time.Date(2012, 4, 23, 18, 25, 43, 0, time.UTC), Priority: sowell.Normal, Description: "Fuite d'eau",
		Photos: []sowell.Photo{{Data: strings.NewReader("GIF89a...")}},
		URL:    link,
	}
}

// A fake CRM records what it stored; a replay of the same link is
// answered with the first CRM UID.
func ExampleNewCRM() {
	crm := sowelltest.NewCRM()
	defer crm.Close()
	c, _ := sowell.NewCRMClient(crm.URL, sowelltest.Token)
	for range 2 {
		rc, err := c.Push(context.Background(), report("https://manager.sowell.example/issues/981"))
		fmt.Println(rc.StatusCode, rc.CRMUID, err)
	}
	for _, s := range crm.Reports() {
		fmt.Println(s.ID, s.Report.Residence, len(s.Photos["photo-1.gif"]), "bytes")
	}
	fmt.Println("rolled back:", crm.Rollbacks())
	// Output:
	// 201 CRM-0001 <nil>
	// 200 CRM-0001 <nil>
	// CRM-0001 RES-0042 9 bytes
	// rolled back: 1
}

// A fake SoWell records the statuses it received; Accept widens the
// statuses it knows.
func ExampleNewSoWell() {
	sw := sowelltest.NewSoWell()
	defer sw.Close()
	sw.Accept("closed")
	c, _ := sowell.NewClient(sw.URL, sowelltest.Token, sowell.WithStatuses("closed"))
	fmt.Println(c.UpdateStatus(context.Background(), "981", sowell.Ongoing))
	fmt.Println(c.UpdateStatus(context.Background(), "a/b", "closed"))
	fmt.Println(sw.Updates(), sw.Paths())
	// Output:
	// <nil>
	// <nil>
	// [{981 ongoing} {a/b closed}] [/api/issue_reports/981/status /api/issue_reports/a%2Fb/status]
}

// FailNext plays a failure: a 503 read after the photos were streamed
// is not retried, since the push cannot be sent again.
func ExampleCRM_FailNext() {
	crm := sowelltest.NewCRM()
	defer crm.Close()
	c, _ := sowell.NewCRMClient(crm.URL, sowelltest.Token, sowell.WithRetry(2, time.Millisecond, time.Millisecond))
	crm.FailNext(1, sowelltest.Fault{Kind: sowelltest.Unavailable})
	_, err := c.Push(context.Background(), report("https://manager.sowell.example/issues/7"))
	var e *sowell.Error
	fmt.Println(errors.As(err, &e), len(crm.Reports()))
	rc, err := c.Push(context.Background(), report("https://manager.sowell.example/issues/7"))
	fmt.Println(rc.CRMUID, err)
	// Output:
	// true 0
	// CRM-0001 <nil>
}
