package factory

import (
	"context"

	"github.com/passerelle-go/passerelle/internal/transport"
	"github.com/passerelle-go/passerelle/internal/validate"
)

// acquitBody is AcquitProject4CallCenter's input. Conclusioncode has a
// capital C, as in the seed.
type acquitBody struct {
	FactoryProjectID    string `json:"factoryprojectid"`
	CallCenterProjectID string `json:"callcenterprojectid"`
	ConclusionCode      string `json:"Conclusioncode,omitempty"`
}

// Acknowledge tells La Factory that the call center took the project and
// records your id for it (AcquitProject4CallCenter). Both ids are
// required. It is idempotent and retried.
func (c *Client) Acknowledge(ctx context.Context, factoryProjectID, callCenterProjectID string) (*Result, error) {
	return c.acquit(ctx, acquitBody{factoryProjectID, callCenterProjectID, ""}, "acknowledge")
}

// Conclude closes the project with your conclusion code, which La Factory
// maps to its own through the "code conclusion" entity (flux5 code and
// label, set up in La Factory). All three arguments are required. It is
// idempotent and retried.
func (c *Client) Conclude(ctx context.Context, factoryProjectID, callCenterProjectID, conclusionCode string) (*Result, error) {
	return c.acquit(ctx, acquitBody{factoryProjectID, callCenterProjectID, conclusionCode}, "conclude")
}

func (c *Client) acquit(ctx context.Context, body acquitBody, op string) (*Result, error) {
	var l validate.List
	l.Required("factoryprojectid", body.FactoryProjectID)
	l.Required("callcenterprojectid", body.CallCenterProjectID)
	if op == "conclude" {
		l.Required("Conclusioncode", body.ConclusionCode)
	}
	if err := validationError(op, l); err != nil {
		return nil, err
	}
	return c.result(ctx, AcquitProject4CallCenter, transport.Idempotent, body)
}
