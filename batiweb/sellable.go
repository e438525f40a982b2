package batiweb

import (
	"context"

	"github.com/passerelle-go/passerelle/internal/transport"
	"github.com/passerelle-go/passerelle/internal/validate"
)

// SellableRequest asks whether Batiweb buys a trade in a place, before a
// lead is imported.
type SellableRequest struct {
	Zipcode  string   `json:"zipcode"`  // required: 5-digit postal code
	WorkType WorkType `json:"worktype"` // required: the trade's code
	// Email is the requester's e-mail, to check for a duplicate (optional).
	Email string `json:"email,omitempty"`
	// SupplierLeadID is the lead's id in your system (optional).
	SupplierLeadID string `json:"supplierleadid,omitempty"`
}

// Validate reports every problem of the request at once.
func (r SellableRequest) Validate() error {
	var p validate.List
	checkZipcode(&p, r.Zipcode)
	required(&p, "worktype", r.WorkType)
	p.Check(r.Email != "" && !validate.Email(r.Email), "email", "is not an e-mail address")
	return validationError("is_sellable", p)
}

// SellableResult is the answer of IsSellable.
type SellableResult struct {
	// Sellable is true for code 0 and false for code 4 ("This can't be sold").
	Sellable bool
	Code     Code
	Message  string
}

// IsSellable asks whether Batiweb would buy a lead for this trade and
// postal code (and, with an e-mail, whether it would be a duplicate). Code
// 4 is an answer, Sellable false; every other failure code is an *Error,
// ErrDuplicateLead (5) included. It has no side effect and is retried.
func (c *Client) IsSellable(ctx context.Context, req SellableRequest) (*SellableResult, error) {
	if err := req.Validate(); err != nil {
		return nil, err
	}
	r, err := c.call(ctx, "is_sellable", pathIsSellable, transport.Idempotent, req)
	if e, ok := err.(*Error); ok && e.Code == CodeNotSellable {
		return &SellableResult{Sellable: false, Code: CodeNotSellable, Message: e.Message}, nil
	}
	if err != nil {
		return nil, err
	}
	return &SellableResult{Sellable: true, Code: CodeOK, Message: r.Message}, nil
}
