package sowell_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"

	"github.com/passerelle-go/passerelle/internal/fault"
	"github.com/passerelle-go/passerelle/internal/fault/faultmatrix"
	"github.com/passerelle-go/passerelle/internal/transport"
	"github.com/passerelle-go/passerelle/sowell"
	"github.com/passerelle-go/passerelle/sowell/sowelltest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPushRoundTrip(t *testing.T) {
	t.Parallel()
	crm := sowelltest.NewCRM()
	defer crm.Close()
	c, err := sowell.NewCRMClient(crm.URL, sowelltest.Token)
	require.NoError(t, err)
	big := bytes.Repeat([]byte("0123456789abcdef"), 200_000) // 3.2 MB
	r := report()
	r.Photos = []sowell.Photo{{Data: bytes.NewReader(big)}, {Data: strings.NewReader("small")}}
	rc, err := c.Push(context.Background(), r)
	require.NoError(t, err)
	assert.Equal(t, "CRM-0001", rc.CRMUID)
	assert.Equal(t, "981", rc.SoWellID)
	got := crm.Reports()
	require.Len(t, got, 1)
	assert.Equal(t, r.Description, got[0].Report.Description)
	assert.True(t, got[0].Report.CreatedAt.Equal(r.CreatedAt))
	assert.Equal(t, big, got[0].Photos["photo-1.jpg"])
	assert.Equal(t, "small", string(got[0].Photos["photo-2.jpg"]))

	_, err = c.Push(context.Background(), &sowell.Report{})
	assert.ErrorAs(t, err, new(*sowell.ValidationError), "nothing invalid is sent")
	noData := report()
	noData.Photos = []sowell.Photo{{Name: "x.jpg"}}
	_, err = c.Push(context.Background(), noData)
	assert.ErrorAs(t, err, new(*sowell.ValidationError), "a photo without data is not sent")
	bad, _ := sowell.NewCRMClient(crm.URL, "wrong-token")
	_, err = bad.Push(context.Background(), report())
	var e *sowell.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, http.StatusUnauthorized, e.StatusCode)
	assert.Len(t, crm.Reports(), 1)
}

func TestPushIsNotResentOnceStreamed(t *testing.T) {
	t.Parallel()
	crm := sowelltest.NewCRM()
	defer crm.Close()
	c, err := sowell.NewCRMClient(crm.URL, sowelltest.Token, sowell.WithRetry(3, 0, 0))
	require.NoError(t, err)
	crm.FailNext(1, sowelltest.Fault{Kind: sowelltest.Unavailable}) // 503 after reading the body
	_, err = c.Push(context.Background(), report())
	assert.ErrorContains(t, err, "already streamed", "a 503 after the photos were sent is not retried")
	assert.Empty(t, crm.Reports())

	// Nothing reached the server: the report is sent on the next attempt.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	ln.Close()
	refused, _ := sowell.NewCRMClient("http://"+addr, sowelltest.Token, sowell.WithRetry(1, 0, 0))
	_, err = refused.Push(context.Background(), report())
	require.Error(t, err)
	assert.True(t, transport.NothingSent(err), "%v", err)
}

func TestStatusBack(t *testing.T) {
	t.Parallel()
	sw := sowelltest.NewSoWell()
	defer sw.Close()
	c, err := sowell.NewClient(sw.URL, sowelltest.Token)
	require.NoError(t, err)
	n := sowell.Notifier{Client: c, Map: sowell.DefaultStatusMap()}
	ctx := context.Background()

	sent, err := n.Notify(ctx, sowell.StatusChange{ReportID: "981", Channel: "SoWell", CRMStatus: "En cours"})
	require.NoError(t, err)
	assert.True(t, sent)
	sent, err = n.Notify(ctx, sowell.StatusChange{ReportID: "982", Channel: "Téléphone", CRMStatus: "En cours"})
	require.NoError(t, err)
	assert.False(t, sent, "only requests whose channel is SoWell")
	sent, err = n.Notify(ctx, sowell.StatusChange{ReportID: "981", Channel: "SoWell", CRMStatus: "tsnei"})
	assert.ErrorIs(t, err, sowell.ErrUnmappedStatus)
	assert.False(t, sent)
	assert.Equal(t, []sowelltest.Update{{ReportID: "981", Status: sowell.Ongoing}}, sw.Updates())

	assert.Error(t, c.UpdateStatus(ctx, "", sowell.Done))
	assert.Error(t, c.UpdateStatus(ctx, "1", "closed"))
	_, err = sowell.NewClient(sw.URL, sowelltest.Token, sowell.WithPath("/no-id"))
	assert.Error(t, err)
	bad, _ := sowell.NewClient(sw.URL, "wrong-token")
	var e *sowell.Error
	require.ErrorAs(t, bad.UpdateStatus(ctx, "1", sowell.Done), &e)
	assert.Equal(t, 401, e.StatusCode)
}

func TestTokensNeverShow(t *testing.T) {
	t.Parallel()
	crm := sowelltest.NewCRM()
	defer crm.Close()
	const secret = "S3CRET-tok"
	c, _ := sowell.NewCRMClient(crm.URL, secret)
	s, _ := sowell.NewClient(crm.URL, secret)
	_, err1 := c.Push(context.Background(), report())
	err2 := s.UpdateStatus(context.Background(), "1", sowell.Done)
	for _, v := range []any{c, *c, s, *s, err1, err2, errors.Unwrap(err1)} {
		assert.NotContains(t, fmt.Sprintf("%+v %#v", v, v), secret)
	}
}

func TestFaultMatrix(t *testing.T) {
	t.Parallel()
	typed := func(err error) bool { var e *sowell.Error; return errors.As(err, &e) }
	opts := []sowell.Option{sowell.WithTimeout(faultmatrix.Timeout), sowell.WithRetry(faultmatrix.Retries, faultmatrix.MinWait, faultmatrix.MaxWait),
		sowell.WithMaxRetryAfter(faultmatrix.MaxRetryAfter)}
	faultmatrix.Run(t, []faultmatrix.Method{
		{
			Name: "Push", Kind: transport.NotIdempotent, Typed: typed,
			// 503 and 429 come after the body was read: photos streamed
			// once cannot be sent again, so the push fails rather than
			// risk a duplicate.
			Fails: []fault.Kind{fault.Unavailable, fault.TooManyRequests},
			// A truncated 201 is still a 2xx: SoWell's notes make any 2xx
			// a success, and a created report is never reported as
			// failed (its CRM UID is then empty).
			Succeeds: []fault.Kind{fault.Truncated},
			Setup: func(t *testing.T) (func(int, fault.Fault), func(context.Context) error, func() int) {
				crm := sowelltest.NewCRM()
				t.Cleanup(crm.Close)
				c, err := sowell.NewCRMClient(crm.URL, sowelltest.Token, opts...)
				require.NoError(t, err)
				return faultmatrix.Injector(crm.FailNext), func(ctx context.Context) error {
					_, err := c.Push(ctx, report())
					return err
				}, func() int { return len(crm.Reports()) }
			},
		},
		{
			Name: "UpdateStatus", Kind: transport.Idempotent, Typed: typed,
			// SoWell's 2xx is the answer; its body is not read.
			Succeeds: []fault.Kind{fault.Truncated},
			Setup: func(t *testing.T) (func(int, fault.Fault), func(context.Context) error, func() int) {
				sw := sowelltest.NewSoWell()
				t.Cleanup(sw.Close)
				c, err := sowell.NewClient(sw.URL, sowelltest.Token, opts...)
				require.NoError(t, err)
				return faultmatrix.Injector(sw.FailNext), func(ctx context.Context) error { return c.UpdateStatus(ctx, "981", sowell.Done) }, nil
			},
		},
	})
}
