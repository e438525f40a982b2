package batiweb

import (
	"context"
	"strings"
	"time"
	_ "time/tzdata" // Europe/Paris on hosts without a zoneinfo database

	"github.com/passerelle-go/passerelle/internal/transport"
	"github.com/passerelle-go/passerelle/internal/validate"
)

// StatusResult is a lead's state at Batiweb.
type StatusResult struct {
	Token       string
	Status      LeadStatus // 0 when the service sent none
	StatusLabel string     // the service's label for Status
	// Date is the qualification date, or the date of the request while the
	// lead has not been processed. Dates without a zone are read in
	// Europe/Paris. It is zero when the service sent none or an unknown
	// format: RawDate keeps what was sent.
	Date           time.Time
	RawDate        string
	SupplierLeadID string // your id, when it was sent with the lead
}

type statusRequest struct {
	Token string `json:"token"`
}

// Status returns the state of the lead with the token Import returned. It
// has no side effect and is retried.
func (c *Client) Status(ctx context.Context, token string) (*StatusResult, error) {
	var p validate.List
	p.Required("token", token)
	if err := validationError("status", p); err != nil {
		return nil, err
	}
	r, err := c.call(ctx, "status", pathStatus, transport.Idempotent, statusRequest{token})
	if err != nil {
		return nil, err
	}
	return &StatusResult{
		Token: r.Token, Status: r.Status, StatusLabel: r.StatusLabel,
		Date: parseDate(r.Date), RawDate: r.Date, SupplierLeadID: string(r.SupplierLeadID),
	}, nil
}

var paris = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		panic(err) // time/tzdata is linked in
	}
	return loc
}()

// dateLayouts are the formats the status date is read in, zoned first.
var dateLayouts = []string{time.RFC3339Nano, "2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02", "02/01/2006 15:04:05", "02/01/2006 15:04", "02/01/2006"}

func parseDate(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		if t, err := time.ParseInLocation(layout, s, paris); err == nil {
			return t
		}
	}
	return time.Time{}
}
