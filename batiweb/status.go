package batiweb

import (
	"context"
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/passerelle-go/passerelle/internal/paris"
	"github.com/passerelle-go/passerelle/internal/transport"
	"github.com/passerelle-go/passerelle/internal/validate"
)

// StatusResult is a lead's state at Batiweb, the positive answer of
// "Connectivité STATUS" in Batiweb's "Web Service 2023" document. Every
// value is kept as the service sent it, whatever its JSON type.
type StatusResult struct {
	// Token is the lead's token ("token"), as sent.
	Token string
	// Status is the qualification ("status"), a code of the document's
	// "Statuts des leads" table, read from a code (as a JSON number, even
	// 1.0, or a string) or a label of the table. A code outside the table
	// is kept. It is 0 when the service sent none (a lead not processed
	// yet) or something that is neither a whole number nor a label of the
	// table ("Rappel"): RawStatus then holds what was sent.
	Status LeadStatus
	// RawStatus is the "status" as the service sent it: a string's text, a
	// number's or a boolean's literal, an object's or an array's JSON; ""
	// when absent or null. Secrets are masked, control characters
	// replaced, and it is cut at 512 bytes.
	RawStatus string
	// StatusLabel is the service's label for Status ("statusLabel"),
	// secrets masked, control characters replaced, cut at 512 bytes.
	StatusLabel string
	// Date is the qualification date, or the date of the request while the
	// lead has not been processed. Dates without a zone are read in
	// Europe/Paris. It is zero when the service sent none or an unknown
	// format: RawDate keeps what was sent.
	Date time.Time
	// RawDate is the "date" as sent.
	RawDate string
	// SupplierLeadID is your id ("supplierLeadId"), when it was sent with
	// the lead.
	SupplierLeadID string
}

type statusRequest struct {
	Token string `json:"token"`
}

// Status returns the state of the lead with the token Import returned. The
// token is sent back as Batiweb wrote it. An empty token, or one holding
// invalid UTF-8 or a control character (a tab or a line break included),
// is refused with a *ValidationError naming "token" before anything is
// sent: JSON cannot carry invalid UTF-8 unchanged, and the document's
// tokens are hexadecimal, so such a token cannot be one Batiweb issued.
//
// Retry class: idempotent. It only reads, so it is retried on network
// errors and on 429, 502, 503 and 504.
func (c *Client) Status(ctx context.Context, token string) (*StatusResult, error) {
	var p validate.List
	if p.Text("token", token, false) {
		p.Check(token == "", "token", "is required")
	}
	if err := validationError("status", p); err != nil {
		return nil, err
	}
	r, err := c.call(ctx, "status", pathStatus, transport.Idempotent, statusRequest{token})
	if err != nil {
		return nil, err
	}
	return &StatusResult{
		Token: string(r.Token), Status: readStatus(string(r.Status)), RawStatus: c.text(text(r.Status)), StatusLabel: c.text(r.StatusLabel),
		Date: parseDate(string(r.Date)), RawDate: string(r.Date), SupplierLeadID: string(r.SupplierLeadID),
	}, nil
}

// readStatus reads a status the service sent: a whole number (an
// unknown code is kept), a label or an accepted spelling of the table;
// anything else is 0, never an error: the raw text stays on the result.
func readStatus(s string) LeadStatus {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0
	}
	if n, err := strconv.Atoi(s); err == nil {
		return LeadStatus(n)
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && (s[0] == '-' || s[0] >= '0' && s[0] <= '9') && json.Valid([]byte(s)) {
		if f == math.Trunc(f) && math.Abs(f) <= math.MaxInt32 {
			return LeadStatus(int(f))
		}
		return 0
	}
	if v, err := ParseLeadStatus(s); err == nil {
		return v
	}
	return 0
}

// dateLayouts are the formats the status date is read in, zoned first.
var dateLayouts = []string{time.RFC3339Nano, "2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02", "02/01/2006 15:04:05", "02/01/2006 15:04", "02/01/2006"}

func parseDate(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		if t, err := time.ParseInLocation(layout, s, paris.Location); err == nil {
			return t
		}
	}
	return time.Time{}
}
