package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/passerelle-go/passerelle/batiweb"
	"github.com/passerelle-go/passerelle/batiweb/batiwebtest"
	"github.com/passerelle-go/passerelle/factory"
	"github.com/passerelle-go/passerelle/factory/factorytest"
	"github.com/passerelle-go/passerelle/mapping"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// accounts are the fakes used as real accounts.
type accounts struct {
	fsrv *factorytest.Server
	bsrv *batiwebtest.Server
	over map[string]string
}

func newAccounts(t *testing.T) *accounts {
	fsrv, bsrv := newFakes()
	t.Cleanup(fsrv.Close)
	t.Cleanup(bsrv.Close)
	return &accounts{fsrv: fsrv, bsrv: bsrv}
}

func (a *accounts) env(k string) string {
	if v, ok := a.over[k]; ok {
		return v
	}
	return map[string]string{"FACTORY_API_KEY": factorytest.APIKey, "FACTORY_BASE_URL": a.fsrv.URL,
		"BATIWEB_LOGIN": batiwebtest.Login, "BATIWEB_PASSWORD": batiwebtest.Password, "BATIWEB_BASE_URL": a.bsrv.URL}[k]
}

// clients are clients of the accounts, with opts.
func (a *accounts) clients(t *testing.T, fopts []factory.Option, bopts []batiweb.Option) (*factory.Client, *batiweb.Client) {
	fc, err := factory.New(factorytest.APIKey, factory.Acceptance, append([]factory.Option{factory.WithBaseURL(a.fsrv.URL)}, fopts...)...)
	require.NoError(t, err)
	bc, err := batiweb.New(batiwebtest.Login, batiwebtest.Password, batiweb.Prep, append([]batiweb.Option{batiweb.WithBaseURL(a.bsrv.URL)}, bopts...)...)
	require.NoError(t, err)
	return fc, bc
}

// TestBridgeFakes: without variables the bridge runs on its fakes.
func TestBridgeFakes(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out, nil, func(string) string { return "" }))
	assert.Contains(t, out.String(), "(the in-memory factorytest and batiwebtest servers")
	assert.Contains(t, out.String(), "bridge   3 projects: 1 imported into Batiweb, 2 not; each acknowledged in La Factory")
}

// TestBridgeReadOnly: on real accounts without -live no project is taken
// and no lead imported, in PREP or PROD: only La Factory's programmes are
// read.
func TestBridgeReadOnly(t *testing.T) {
	t.Parallel()
	for _, env := range []string{"PREP", "PROD"} {
		t.Run(env, func(t *testing.T) {
			t.Parallel()
			a := newAccounts(t)
			a.bsrv.GrantProd()
			a.over = map[string]string{"BATIWEB_ENV": env}
			var out bytes.Buffer
			require.NoError(t, run(context.Background(), &out, nil, a.env))
			assert.Contains(t, out.String(), "Batiweb "+env+", read-only")
			assert.Contains(t, out.String(), "nothing taken: run with -live")
			assert.Zero(t, a.fsrv.Calls(factory.GetProject4CallCenter)+a.fsrv.Calls(factory.AcquitProject4CallCenter)+a.fsrv.Calls(factory.CreateOrUpdateProject4CallCenter))
			assert.Zero(t, a.bsrv.Calls("/json/lead/import"))
			assert.Empty(t, a.bsrv.Leads())
		})
	}
}

// TestBridgeMixed: one end real and the other fake is refused before
// anything is sent, naming the variables missing.
func TestBridgeMixed(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name    string
		over    map[string]string
		wantErr string
	}{
		{"La Factory only", map[string]string{"BATIWEB_LOGIN": "", "BATIWEB_PASSWORD": "", "BATIWEB_BASE_URL": ""},
			"FACTORY_API_KEY, FACTORY_BASE_URL are set but BATIWEB_LOGIN, BATIWEB_PASSWORD are missing: set them all to run on the real La Factory and Batiweb"},
		{"Batiweb only", map[string]string{"FACTORY_API_KEY": "", "FACTORY_BASE_URL": ""}, "but FACTORY_API_KEY is missing"},
		{"Batiweb PROD named only", map[string]string{"FACTORY_API_KEY": "", "FACTORY_BASE_URL": "", "BATIWEB_LOGIN": "", "BATIWEB_PASSWORD": "", "BATIWEB_BASE_URL": "", "BATIWEB_ENV": "PROD"},
			"BATIWEB_ENV is set but FACTORY_API_KEY, BATIWEB_LOGIN, BATIWEB_PASSWORD are missing"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a := newAccounts(t)
			a.over = tt.over
			err := run(context.Background(), &bytes.Buffer{}, []string{"-live"}, a.env)
			require.ErrorContains(t, err, tt.wantErr)
			assert.Zero(t, a.fsrv.Calls(factory.GetProject4CallCenter))
			assert.Empty(t, a.bsrv.Leads())
		})
	}
}

// TestBridgeExistingLead: a project whose requester Batiweb holds already
// (the same e-mail) is refused there, and acknowledged with that verdict:
// nothing is lost, and what La Factory held in commentaire_call is kept.
func TestBridgeExistingLead(t *testing.T) {
	t.Parallel()
	a := newAccounts(t)
	_, bc := a.clients(t, nil, nil)
	first := fakeProjects()[0]
	lead, _, err := mapping.FromFactory(&first, mapping.Options{})
	require.NoError(t, err)
	b, _, err := lead.ToBatiweb(defaultWorkType, mapping.Options{})
	require.NoError(t, err)
	_, err = bc.Import(context.Background(), b)
	require.NoError(t, err)

	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out, []string{"-live"}, a.env))
	assert.Len(t, a.bsrv.Leads(), 1, "no second lead")
	p, _ := a.fsrv.Project("FP-000001")
	assert.Equal(t, "BRIDGE-FP-000001", p.CallCenterProjectID)
	assert.Contains(t, p.CallCenterComment, "Batiweb: refused: code ")
	assert.Equal(t, first.Email, p.Email)
}

// TestBridgeKeepsComment: a commentaire_call La Factory held is kept,
// the bridge's verdict added after it, and the change printed first.
func TestBridgeKeepsComment(t *testing.T) {
	t.Parallel()
	fsrv := factorytest.NewServer()
	defer fsrv.Close()
	p := fakeProjects()[1]
	p.CallCenterComment = "rappeler le matin"
	id := fsrv.AddImported(p)
	a := newAccounts(t)
	a.over = map[string]string{"FACTORY_BASE_URL": fsrv.URL}
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out, []string{"-live"}, a.env))
	got, _ := fsrv.Project(id)
	assert.Equal(t, "rappeler le matin / Batiweb: not bought: Rénovation d'appartement / de maison in 13008 (code 4)", got.CallCenterComment)
	assert.Contains(t, out.String(), `commentaire_call "rappeler le matin" -> "rappeler le matin / Batiweb: not bought`)
}

// TestBridge runs the bridge with -live on accounts and reads what each
// holds afterwards.
func TestBridge(t *testing.T) {
	t.Parallel()
	a := newAccounts(t)
	fsrv, bsrv := a.fsrv, a.bsrv
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out, []string{"-live"}, a.env))

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
	a := newAccounts(t)
	fsrv, bsrv := a.fsrv, a.bsrv
	fc, bc := a.clients(t, nil, []batiweb.Option{batiweb.WithRetry(1, time.Millisecond, time.Millisecond)})

	bsrv.FailNext(2, batiwebtest.Fault{Kind: batiwebtest.Unavailable})
	var out bytes.Buffer
	err := bridge(context.Background(), &out, fc, bc, defaultWorkType, 10)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "FP-000001 not imported, is_sellable went unanswered")
	var be *batiweb.Error
	require.ErrorAs(t, err, &be, "Batiweb's error is kept")
	assert.Equal(t, 503, be.StatusCode)
	p, _ := fsrv.Project("FP-000001")
	assert.Equal(t, "BRIDGE-FP-000001", p.CallCenterProjectID)
	assert.Contains(t, p.CallCenterComment, "is_sellable went unanswered (to send again)")
	assert.Empty(t, bsrv.Leads())
	p2, _ := fsrv.Project("FP-000002")
	assert.Empty(t, p2.CallCenterProjectID, "no other project taken")

	out.Reset()
	require.NoError(t, bridge(context.Background(), &out, fc, bc, defaultWorkType, 10))
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
	a := newAccounts(t)
	fsrv, bsrv := a.fsrv, a.bsrv
	fc, bc := a.clients(t, nil, []batiweb.Option{batiweb.WithHTTPClient(&http.Client{Transport: lostAnswer{"import"}}),
		batiweb.WithRetry(1, time.Millisecond, time.Millisecond)})
	err := bridge(context.Background(), io.Discard, fc, bc, defaultWorkType, 10)
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
	a := newAccounts(t)
	bsrv := a.bsrv
	fc, bc := a.clients(t, []factory.Option{factory.WithHTTPClient(&http.Client{Transport: lostAnswer{"Acquit"}}),
		factory.WithRetry(1, time.Millisecond, time.Millisecond)}, nil)
	var out bytes.Buffer
	err := bridge(context.Background(), &out, fc, bc, defaultWorkType, 10)
	require.Error(t, err)
	leads := bsrv.Leads()
	require.Len(t, leads, 1)
	assert.Contains(t, err.Error(), "FP-000001 (call-center id BW-"+leads[0].ID+") imported as lead "+leads[0].ID)
	assert.Contains(t, err.Error(), "La Factory was not told")
	assert.Contains(t, out.String(), `NOT told; the project as La Factory handed it out: {`)
	assert.Contains(t, out.String(), `"email":"camille.durand@example.fr"`, "the project is printed whole")
}

// cancelOn ends the run's context when a request to a path containing
// path goes out, and fails it.
type cancelOn struct {
	path   string
	cancel context.CancelFunc
}

func (c cancelOn) RoundTrip(r *http.Request) (*http.Response, error) {
	if strings.Contains(r.URL.Path, c.path) {
		c.cancel()
		return nil, context.Canceled
	}
	return http.DefaultTransport.RoundTrip(r)
}

// TestBridgeDeadline: when the run's context ends while Batiweb is being
// asked, the project taken is still acknowledged and sent back whole.
func TestBridgeDeadline(t *testing.T) {
	t.Parallel()
	a := newAccounts(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	fc, bc := a.clients(t, nil, []batiweb.Option{batiweb.WithHTTPClient(&http.Client{Transport: cancelOn{"is_sellable", cancel}}),
		batiweb.WithRetry(0, time.Millisecond, time.Millisecond)})
	err := bridge(ctx, io.Discard, fc, bc, defaultWorkType, 10)
	require.ErrorIs(t, err, context.Canceled)
	p, _ := a.fsrv.Project("FP-000001")
	assert.Equal(t, "BRIDGE-FP-000001", p.CallCenterProjectID)
	assert.Contains(t, p.CallCenterComment, "is_sellable went unanswered")
	assert.Equal(t, "camille.durand@example.fr", p.Email)
}

// TestBridgeOwnerNotLicensed: with an empty referential, a project whose
// owner is not a licensed seller is acknowledged and not sent back (the
// update would be refused, or blank the owner): it keeps its owner, the
// bridge goes on, and the project is printed as La Factory handed it out.
func TestBridgeOwnerNotLicensed(t *testing.T) {
	t.Parallel()
	fsrv := factorytest.NewServer()
	defer fsrv.Close()
	fsrv.SetReferentials(factorytest.Referentials{})
	p := fakeProjects()[1]
	p.SalesRep, p.CallCenterComment = "owner@edouarddenis.example", "rappeler le matin"
	id := fsrv.AddImported(p)
	a := newAccounts(t)
	a.over = map[string]string{"FACTORY_BASE_URL": fsrv.URL}
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out, []string{"-live"}, a.env), out.String())
	got, _ := fsrv.Project(id)
	assert.Equal(t, "BRIDGE-"+id, got.CallCenterProjectID, "acknowledged")
	assert.Equal(t, p.SalesRep, got.SalesRep, "the owner is kept")
	assert.Equal(t, "rappeler le matin", got.CallCenterComment, "nothing sent back")
	assert.Zero(t, fsrv.Calls(factory.CreateOrUpdateProject4CallCenter))
	assert.NotContains(t, out.String(), "not told")
	assert.Contains(t, out.String(), `"commercial":"owner@edouarddenis.example"`)
	assert.Contains(t, out.String(), `"commentaire_call":"rappeler le matin"`)
	assert.Contains(t, out.String(), "by hand")
}

// TestBridgeUpdateFailsAfterAcknowledgement: when the update fails after
// the acknowledgement, the error does not say La Factory was not told,
// and the project printed is the one La Factory handed out.
func TestBridgeUpdateFailsAfterAcknowledgement(t *testing.T) {
	t.Parallel()
	a := newAccounts(t)
	fc, bc := a.clients(t, []factory.Option{factory.WithHTTPClient(&http.Client{Transport: lostAnswer{"CreateOrUpdate"}}),
		factory.WithRetry(1, time.Millisecond, time.Millisecond)}, nil)
	var out bytes.Buffer
	err := bridge(context.Background(), &out, fc, bc, defaultWorkType, 10)
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "not told")
	assert.Contains(t, err.Error(), "acknowledged as BW-")
	i := strings.Index(out.String(), "handed it out: {")
	require.GreaterOrEqual(t, i, 0, out.String())
	printed := out.String()[i:]
	printed = printed[:strings.IndexByte(printed, '\n')]
	assert.Contains(t, printed, `"email":"camille.durand@example.fr"`)
	assert.Contains(t, printed, `"callcenterprojectid":""`, "as handed out")
	assert.NotContains(t, printed, "Batiweb:", "as handed out")
}

// TestBridgeUndecodableProject: a project La Factory handed out that the
// client cannot decode is printed as sent, to be handled by hand.
func TestBridgeUndecodableProject(t *testing.T) {
	t.Parallel()
	fsrv := factorytest.NewServer()
	defer fsrv.Close()
	_, err := fsrv.AddImportedJSON(`{"nom":{"family":"Morel"},"email":"paul.morel@example.fr"}`)
	require.NoError(t, err)
	a := newAccounts(t)
	a.over = map[string]string{"FACTORY_BASE_URL": fsrv.URL}
	var out bytes.Buffer
	err = run(context.Background(), &out, []string{"-live"}, a.env)
	require.ErrorIs(t, err, factory.ErrMalformedResponse)
	assert.Contains(t, out.String(), `"email":"paul.morel@example.fr"`)
	assert.Contains(t, out.String(), "handed out")
	assert.Contains(t, out.String(), "by hand")
}

// TestBridgeBufferedProjects: projects of a multi-project answer that the
// bridge does not get to (its limit reached) are printed whole before it
// ends, not left in the client's memory.
func TestBridgeBufferedProjects(t *testing.T) {
	t.Parallel()
	takes := 0
	var mu sync.Mutex
	fsrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		var in map[string]any
		_ = json.Unmarshal(b, &in)
		if strings.HasSuffix(r.URL.Path, "GetProject4CallCenter") {
			mu.Lock()
			takes++
			mu.Unlock()
			_, _ = io.WriteString(w, `[{"factoryprojectid":"FP-1","nom":"Petit","email":"marc.petit@example.fr","code_postal":"13008"},`+
				`{"factoryprojectid":"FP-2","nom":"Bernard","email":"julie.bernard@example.fr"}]`)
			return
		}
		id, _ := json.Marshal(in["factoryprojectid"])
		_, _ = io.WriteString(w, `{"error":{"erCode":null,"erMessage":null},"factoryprojectid":`+string(id)+`}`)
	}))
	defer fsrv.Close()
	a := newAccounts(t)
	fc, err := factory.New(factorytest.APIKey, factory.Acceptance, factory.WithBaseURL(fsrv.URL))
	require.NoError(t, err)
	_, bc := a.clients(t, nil, nil)
	var out bytes.Buffer
	require.NoError(t, bridge(context.Background(), &out, fc, bc, defaultWorkType, 1), out.String())
	assert.Equal(t, 1, takes)
	assert.Zero(t, fc.Buffered())
	assert.Contains(t, out.String(), `"email":"julie.bernard@example.fr"`)
	assert.Contains(t, out.String(), "by hand")
}
