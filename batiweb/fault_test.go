package batiweb_test

import (
	"context"
	"errors"
	"testing"

	"github.com/passerelle-go/passerelle/batiweb"
	"github.com/passerelle-go/passerelle/batiweb/batiwebtest"
	"github.com/passerelle-go/passerelle/internal/fault"
	"github.com/passerelle-go/passerelle/internal/fault/faultmatrix"
	"github.com/passerelle-go/passerelle/internal/transport"
	"github.com/stretchr/testify/require"
)

// matrixClient is a fake server and a client with the matrix's settings.
func matrixClient(t *testing.T) (*batiwebtest.Server, *batiweb.Client) {
	srv := batiwebtest.NewServer()
	t.Cleanup(srv.Close)
	srv.Sell("")
	c, err := batiweb.New(batiwebtest.Login, batiwebtest.Password, batiweb.Prep,
		batiweb.WithBaseURL(srv.URL),
		batiweb.WithTimeout(faultmatrix.Timeout),
		batiweb.WithRetry(faultmatrix.Retries, faultmatrix.MinWait, faultmatrix.MaxWait),
		batiweb.WithMaxRetryAfter(faultmatrix.MaxRetryAfter))
	require.NoError(t, err)
	return srv, c
}

func TestFaultMatrix(t *testing.T) {
	t.Parallel()
	typed := func(err error) bool { var e *batiweb.Error; return errors.As(err, &e) }
	faultmatrix.Run(t, []faultmatrix.Method{
		{
			Name: "IsSellable", Kind: transport.Idempotent, Typed: typed,
			Setup: func(t *testing.T) (func(int, fault.Fault), func(context.Context) error, func() int) {
				srv, c := matrixClient(t)
				return faultmatrix.Injector(srv.FailNext), func(ctx context.Context) error {
					res, err := c.IsSellable(ctx, batiweb.SellableRequest{Zipcode: "78180", WorkType: batiweb.WorkTypePeinture})
					if err == nil && !res.Sellable {
						return errors.New("not sellable")
					}
					return err
				}, nil
			},
		},
		{
			Name: "Import", Kind: transport.NotIdempotent, Typed: typed,
			Setup: func(t *testing.T) (func(int, fault.Fault), func(context.Context) error, func() int) {
				srv, c := matrixClient(t)
				return faultmatrix.Injector(srv.FailNext), func(ctx context.Context) error {
					res, err := c.Import(ctx, validLead())
					if err == nil && res.Token == "" {
						return errors.New("no token")
					}
					return err
				}, func() int { return len(srv.Leads()) }
			},
		},
		{
			Name: "Status", Kind: transport.Idempotent, Typed: typed,
			Setup: func(t *testing.T) (func(int, fault.Fault), func(context.Context) error, func() int) {
				srv, c := matrixClient(t)
				imp, err := c.Import(context.Background(), validLead())
				require.NoError(t, err)
				return faultmatrix.Injector(srv.FailNext), func(ctx context.Context) error {
					st, err := c.Status(ctx, imp.Token)
					if err == nil && st.Token != imp.Token {
						return errors.New("wrong token")
					}
					return err
				}, nil
			},
		},
	})
}

func validLead() *batiweb.Lead {
	return &batiweb.Lead{
		Email: "jean.dupont@example.fr", City: "Montigny-le-Bretonneux", Zipcode: "78180",
		IsOwner: batiweb.Owner, Cellphone: "0177781000", FirstName: "Jean", LastName: "Dupont",
		Civility: batiweb.Monsieur, WorkType: batiweb.WorkTypePeinture,
	}
}
