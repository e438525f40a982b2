package batiweb

import (
	"context"
	"encoding/json"

	"github.com/passerelle-go/passerelle/internal/transport"
	"github.com/passerelle-go/passerelle/internal/validate"
)

// SellableRequest asks whether Batiweb buys a trade in a place, before a
// lead is imported (the "request" of "Connectivité VENDABLE" in Batiweb's
// "Web Service 2023" document). Decoding accepts a JSON string, number or
// boolean for any text field and keeps its text.
type SellableRequest struct {
	// Zipcode is the 5-digit postal code (required). Spaces around it are
	// trimmed before it is checked and sent.
	Zipcode string `json:"zipcode"`
	// WorkType is the trade's code (required).
	WorkType WorkType `json:"worktype"`
	// Email is the requester's e-mail, to check for a duplicate (optional).
	Email string `json:"email,omitempty"`
	// SupplierLeadID is the lead's id in your system (optional).
	SupplierLeadID string `json:"supplierleadid,omitempty"`
}

// UnmarshalJSON reads a request written with the document's keys; a text
// field may be a JSON string, number or boolean and keeps its text
// ({"zipcode":78180} is "78180").
func (r *SellableRequest) UnmarshalJSON(b []byte) error {
	var w struct {
		Zipcode        text     `json:"zipcode"`
		WorkType       WorkType `json:"worktype"`
		Email          text     `json:"email"`
		SupplierLeadID text     `json:"supplierleadid"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return named(err, "SellableRequest")
	}
	*r = SellableRequest{Zipcode: string(w.Zipcode), WorkType: w.WorkType, Email: string(w.Email), SupplierLeadID: string(w.SupplierLeadID)}
	return nil
}

// Validate reports every problem of the request at once: a 5-digit
// zipcode (spaces around it trimmed first), a work type of the document's
// table, an e-mail address when one is given, and text that is valid
// UTF-8 without control characters.
func (r SellableRequest) Validate() error {
	var p validate.List
	checkZipcode(&p, r.Zipcode)
	required(&p, "worktype", r.WorkType)
	if p.Text("email", r.Email, false) {
		p.Check(r.Email != "" && !validate.Email(r.Email), "email", "is not an e-mail address")
	}
	p.Text("supplierleadid", r.SupplierLeadID, false)
	return validationError("is_sellable", p)
}

// SellableResult is the answer of IsSellable.
type SellableResult struct {
	// Sellable is true for code 0 and false for code 4 ("This can't be sold").
	Sellable bool
	// Code is the service's code: [CodeOK] or [CodeNotSellable].
	Code Code
	// Message is the service's message, secrets masked, control characters
	// replaced, cut at 512 bytes.
	Message string
}

// IsSellable asks whether Batiweb would buy a lead for this trade and
// postal code (and, with an e-mail, whether it would be a duplicate). Code
// 4 is an answer, Sellable false; every other failure code is an *Error,
// [ErrDuplicateLead] (5) included.
//
// Retry class: idempotent. It only asks and changes nothing at Batiweb,
// so it is retried on network errors and on 429, 502, 503 and 504.
func (c *Client) IsSellable(ctx context.Context, req SellableRequest) (*SellableResult, error) {
	if err := req.Validate(); err != nil {
		return nil, err
	}
	req.Zipcode = normalZipcode(req.Zipcode)
	r, err := c.call(ctx, "is_sellable", pathIsSellable, transport.Idempotent, req)
	if e, ok := err.(*Error); ok && e.Code == CodeNotSellable {
		return &SellableResult{Sellable: false, Code: CodeNotSellable, Message: e.Message}, nil
	}
	if err != nil {
		return nil, err
	}
	return &SellableResult{Sellable: true, Code: CodeOK, Message: c.text(r.Message)}, nil
}
