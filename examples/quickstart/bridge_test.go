package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/passerelle-go/passerelle/batiweb"
	"github.com/passerelle-go/passerelle/batiweb/batiwebtest"
	"github.com/passerelle-go/passerelle/factory"
	"github.com/passerelle-go/passerelle/factory/factorytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBridge runs the bridge against its fakes and reads what each
// server holds afterwards.
func TestBridge(t *testing.T) {
	t.Parallel()
	fc, fsrv, bc, bsrv, err := FakeBridge()
	require.NoError(t, err)
	defer fsrv.Close()
	defer bsrv.Close()
	var out bytes.Buffer
	require.NoError(t, Bridge(context.Background(), &out, fc, bc, BridgeWorkType, 10))

	leads := bsrv.Leads()
	require.Len(t, leads, 1, "only the Nord's project is imported")
	got := leads[0].Lead
	assert.Equal(t, "FP-000001", got.SupplierLeadID)
	assert.Equal(t, "12 rue Nationale Bât. B", got.Address)
	assert.Equal(t, "0612345678", got.Cellphone)
	assert.Equal(t, batiweb.Madame, got.Civility)
	assert.Equal(t, batiweb.Owner, got.IsOwner)
	assert.Equal(t, batiweb.Apartment, got.HousingType)

	for id, want := range map[string]string{
		"FP-000001": "BW-" + leads[0].ID,
		"FP-000002": "BRIDGE-FP-000002",
		"FP-000003": "BRIDGE-FP-000003",
	} {
		p, ok := fsrv.Project(id)
		require.True(t, ok, id)
		assert.Equal(t, want, p.CallCenterProjectID, id)
		assert.Contains(t, p.CallCenterComment, "Batiweb: ", id)
		assert.NotEmpty(t, p.Email, "%s: the update sent the project back whole", id)
	}
	p, _ := fsrv.Project("FP-000002")
	assert.Contains(t, p.CallCenterComment, "not bought")
	p, _ = fsrv.Project("FP-000003")
	assert.Equal(t, "n/c", p.MobilePhone, "sent back as La Factory sent it, not blanked")
}

// TestBridgeStopsOnOutage: when Batiweb cannot answer, the project La
// Factory handed out is acknowledged with what happened, the bridge stops
// and names it, and the next run goes on with the others.
func TestBridgeStopsOnOutage(t *testing.T) {
	t.Parallel()
	fc, fsrv, _, bsrv, err := FakeBridge()
	require.NoError(t, err)
	defer fsrv.Close()
	defer bsrv.Close()
	bc, err := batiweb.New(batiwebtest.Login, batiwebtest.Password, batiweb.Prep,
		batiweb.WithBaseURL(bsrv.URL), batiweb.WithRetry(1, time.Millisecond, time.Millisecond))
	require.NoError(t, err)

	bsrv.FailNext(2, batiwebtest.Fault{Kind: batiwebtest.Unavailable})
	var out bytes.Buffer
	err = Bridge(context.Background(), &out, fc, bc, BridgeWorkType, 10)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "FP-000001 not imported, is_sellable went unanswered")
	var be *batiweb.Error
	require.ErrorAs(t, err, &be, "Batiweb's error is kept")
	assert.Equal(t, 503, be.HTTPStatus)
	p, _ := fsrv.Project("FP-000001")
	assert.Equal(t, "BRIDGE-FP-000001", p.CallCenterProjectID)
	assert.Contains(t, p.CallCenterComment, "is_sellable went unanswered (to send again)")
	assert.Empty(t, bsrv.Leads())
	p2, _ := fsrv.Project("FP-000002")
	assert.Empty(t, p2.CallCenterProjectID, "no other project taken")

	out.Reset()
	require.NoError(t, Bridge(context.Background(), &out, fc, bc, BridgeWorkType, 10))
	assert.Empty(t, bsrv.Leads())
	assert.Contains(t, out.String(), "bridge   2 projects: 0 imported")
}

// lostAnswer is a transport whose requests to a path containing path
// reach the server, whose answers are lost.
type lostAnswer struct{ path string }

func (l lostAnswer) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(r)
	if err != nil || !strings.Contains(r.URL.Path, l.path) {
		return resp, err
	}
	resp.Body.Close()
	return nil, errors.New("connection reset by peer")
}

// TestBridgeImportUnanswered: an import whose answer is lost may have
// been processed, and the project says so rather than "not imported".
func TestBridgeImportUnanswered(t *testing.T) {
	t.Parallel()
	fc, fsrv, _, bsrv, err := FakeBridge()
	require.NoError(t, err)
	defer fsrv.Close()
	defer bsrv.Close()
	bc, err := batiweb.New(batiwebtest.Login, batiwebtest.Password, batiweb.Prep, batiweb.WithBaseURL(bsrv.URL),
		batiweb.WithHTTPClient(&http.Client{Transport: lostAnswer{"import"}}), batiweb.WithRetry(1, time.Millisecond, time.Millisecond))
	require.NoError(t, err)
	err = Bridge(context.Background(), io.Discard, fc, bc, BridgeWorkType, 10)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "FP-000001 perhaps imported")
	assert.Len(t, bsrv.Leads(), 1, "the import reached Batiweb")
	p, _ := fsrv.Project("FP-000001")
	assert.Contains(t, p.CallCenterComment, "perhaps imported")
}

// TestBridgeFactoryUntold: when La Factory cannot be told, the error
// keeps what happened at Batiweb, the lead's id included.
func TestBridgeFactoryUntold(t *testing.T) {
	t.Parallel()
	_, fsrv, bc, bsrv, err := FakeBridge()
	require.NoError(t, err)
	defer fsrv.Close()
	defer bsrv.Close()
	fc, err := factory.New(fsrv.URL, factorytest.APIKey,
		factory.WithHTTPClient(&http.Client{Transport: lostAnswer{"Acquit"}}), factory.WithRetry(1, time.Millisecond, time.Millisecond))
	require.NoError(t, err)
	err = Bridge(context.Background(), io.Discard, fc, bc, BridgeWorkType, 10)
	require.Error(t, err)
	leads := bsrv.Leads()
	require.Len(t, leads, 1)
	assert.Contains(t, err.Error(), "FP-000001 (call-center id BW-"+leads[0].ID+") imported as lead "+leads[0].ID)
	assert.Contains(t, err.Error(), "La Factory was not told")
}
