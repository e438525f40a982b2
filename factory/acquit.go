package factory

import (
	"context"

	"github.com/passerelle-go/passerelle/internal/transport"
	"github.com/passerelle-go/passerelle/internal/validate"
)

// acquitBody is AcquitProject4CallCenter's input. Conclusioncode has a
// capital C, as in the document's table (section 3.2.2).
type acquitBody struct {
	FactoryProjectID    string `json:"factoryprojectid"`
	CallCenterProjectID string `json:"callcenterprojectid"`
	ConclusionCode      string `json:"Conclusioncode,omitempty"`
}

// Acknowledge tells La Factory that the call center took the project and
// records your id for it (AcquitProject4CallCenter, "acquittement"). Both
// ids are required.
//
// Idempotent: it sets the project's call-center id to a value, and a
// second send sets the same value, so the call is retried.
func (c *Client) Acknowledge(ctx context.Context, factoryProjectID, callCenterProjectID string) (*Result, error) {
	return c.acquit(ctx, acquitBody{factoryProjectID, callCenterProjectID, ""}, "acknowledge")
}

// Conclude closes the project with your conclusion code
// (AcquitProject4CallCenter), which La Factory maps to its own through
// the "code conclusion" entity (flux5 code and label, set up in La
// Factory). All three arguments are required.
//
// Idempotent: it sets the project's conclusion to a value, and a second
// send sets the same value, so the call is retried.
func (c *Client) Conclude(ctx context.Context, factoryProjectID, callCenterProjectID, conclusionCode string) (*Result, error) {
	return c.acquit(ctx, acquitBody{factoryProjectID, callCenterProjectID, conclusionCode}, "conclude")
}

func (c *Client) acquit(ctx context.Context, body acquitBody, op string) (*Result, error) {
	var l validate.List
	if l.Required("factoryprojectid", body.FactoryProjectID) {
		l.Text("factoryprojectid", body.FactoryProjectID, false)
	}
	if l.Required("callcenterprojectid", body.CallCenterProjectID) {
		l.Text("callcenterprojectid", body.CallCenterProjectID, false)
	}
	if op == "conclude" && l.Required("Conclusioncode", body.ConclusionCode) {
		l.Text("Conclusioncode", body.ConclusionCode, false)
	}
	if err := validationError(op, l); err != nil {
		return nil, err
	}
	b, err := marshal(body)
	if err != nil {
		return nil, &Error{Op: string(AcquitProject4CallCenter), Err: err}
	}
	return c.result(ctx, AcquitProject4CallCenter, transport.Idempotent, b)
}
