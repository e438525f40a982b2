package divalto_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/passerelle-go/passerelle/divalto"
	"github.com/passerelle-go/passerelle/divalto/divaltotest"
	"github.com/passerelle-go/passerelle/internal/fault"
	"github.com/passerelle-go/passerelle/internal/fault/faultmatrix"
	"github.com/passerelle-go/passerelle/internal/transport"
	"github.com/stretchr/testify/require"
)

// matrixClient is a fake entry point holding P1 (with a user) and the
// suspect S1, and a client with the matrix's settings.
func matrixClient(t *testing.T) (*divaltotest.Server, *divalto.Client) {
	srv := divaltotest.NewServer()
	t.Cleanup(srv.Close)
	srv.SetPageSize(2)
	c, err := divalto.New(divaltotest.Company, divaltotest.EntryPoint,
		divalto.WithBaseURL(srv.URL),
		divalto.WithTimeout(faultmatrix.Timeout),
		divalto.WithRetry(faultmatrix.Retries, faultmatrix.MinWait, faultmatrix.MaxWait),
		divalto.WithMaxRetryAfter(faultmatrix.MaxRetryAfter))
	require.NoError(t, err)
	_, err = c.Prospects.Put(context.Background(),
		divalto.ProspectRecord{Prospect: prospect("P1"), Users: []divalto.ProspectUser{{Code: "P1-25", BaseUser: "25"}}},
		divalto.ProspectRecord{Prospect: &divalto.Prospect{Code: "S1", Name: "Suspect", ProspectType: divalto.NewRef("CUSTOMER_TYPE", "CTSUS")}},
		divalto.ProspectRecord{Prospect: prospect("P3")})
	require.NoError(t, err)
	return srv, c
}

// TestFaultMatrix plays the foundation's failures against every method.
// Put is Idempotent: PUT writes by code, so a retry after a lost answer
// writes the same thing again. Delete and Recode are NotIdempotent: a
// second one would fail, so neither is retried once it may have reached
// weavy.
func TestFaultMatrix(t *testing.T) {
	t.Parallel()
	typed := func(err error) bool { var e *divalto.Error; return errors.As(err, &e) }
	setup := func(call func(context.Context, *divalto.Client) error, effects func(*divaltotest.Server) int) func(t *testing.T) (func(int, fault.Fault), func(context.Context) error, func() int) {
		return func(t *testing.T) (func(int, fault.Fault), func(context.Context) error, func() int) {
			srv, c := matrixClient(t)
			var count func() int
			if effects != nil {
				count = func() int { return effects(srv) }
			}
			return faultmatrix.Injector(srv.FailNext), func(ctx context.Context) error { return call(ctx, c) }, count
		}
	}
	faultmatrix.Run(t, []faultmatrix.Method{
		{Name: "Get", Kind: transport.Idempotent, Typed: typed, Setup: setup(func(ctx context.Context, c *divalto.Client) error {
			p, err := c.Prospects.Get(ctx, "P1", divalto.GetOptions{ResultType: divalto.ExtendedRelated, Indicators: true})
			if err == nil && (p.Code != "P1" || p.Related == nil) {
				return fmt.Errorf("got %+v", p)
			}
			return err
		}, nil)},
		{Name: "List", Kind: transport.Idempotent, Typed: typed, Setup: setup(func(ctx context.Context, c *divalto.Client) error {
			page, err := c.Prospects.List(ctx, divalto.ListOptions{Page: 2})
			if err == nil && (len(page.Prospects) != 1 || page.MaxPage != 2) {
				return fmt.Errorf("got %+v", page)
			}
			return err
		}, nil)},
		{Name: "All", Kind: transport.Idempotent, Typed: typed, Setup: setup(func(ctx context.Context, c *divalto.Client) error {
			n := 0
			for _, err := range c.Prospects.All(ctx, divalto.ListOptions{}) {
				if err != nil {
					return err
				}
				n++
			}
			if n != 3 {
				return fmt.Errorf("listed %d prospects", n)
			}
			return nil
		}, nil)},
		{Name: "Put", Kind: transport.Idempotent, Typed: typed, Setup: setup(func(ctx context.Context, c *divalto.Client) error {
			out, err := c.Prospects.Put(ctx, divalto.ProspectRecord{Prospect: prospect("P2")})
			if err == nil && out[0].Result != divalto.Done {
				return fmt.Errorf("outcome %v", out[0])
			}
			return err
		}, nil)},
		{Name: "Delete", Kind: transport.NotIdempotent, Typed: typed, Setup: setup(func(ctx context.Context, c *divalto.Client) error {
			return c.Prospects.Delete(ctx, "P1")
		}, func(srv *divaltotest.Server) int { return srv.Calls(divalto.VerbDelete) })},
		{Name: "Recode", Kind: transport.NotIdempotent, Typed: typed, Setup: setup(func(ctx context.Context, c *divalto.Client) error {
			return c.Prospects.Recode(ctx, "S1", "P9", "Suspect")
		}, func(srv *divaltotest.Server) int { return srv.Calls(divalto.VerbPut) - 1 })}, // the set-up's PUT

	})
}
