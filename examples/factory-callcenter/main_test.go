package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/passerelle-go/passerelle/examples/internal/proxytest"
	"github.com/passerelle-go/passerelle/factory"
	"github.com/passerelle-go/passerelle/factory/factorytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// account is a fake La Factory used as a real account, behind a proxy
// that counts requests.
type account struct {
	srv   *factorytest.Server
	proxy *proxytest.Proxy
	id    string // the waiting project's id
}

func newAccount(t *testing.T, p factory.Project) *account {
	srv := factorytest.NewServer()
	t.Cleanup(srv.Close)
	srv.SetConclusionCodes(map[string]string{"CC-ACCORD": "CONCL-1"})
	a := &account{srv: srv, proxy: proxytest.New(t, srv.URL)}
	if p.LastName != "" {
		a.id = srv.AddImported(p)
	}
	return a
}

func (a *account) env(k string) string {
	return map[string]string{"FACTORY_API_KEY": factorytest.APIKey, "FACTORY_CONCLUSION_CODE": "CC-ACCORD",
		"FACTORY_BASE_URL": a.proxy.URL}[k]
}

// held is a project as an import flow leaves it, qualified already and
// owned by a seller.
func held() factory.Project {
	return factory.Project{
		Salutation: factory.Monsieur, FirstName: "Paul", LastName: "Morel", Email: "paul.morel@example.fr",
		MobilePhone: "06 11 22 33 44", PostalCode: "59000", City: "Lille", ProgramCode: "NX-59000-01",
		Project: factory.Habiter, Channel: "web", BudgetMax: "450000", Goal: factory.Investissement,
		SalesRep: "owner@edouarddenis.example", Comment: "T4 avec terrasse", CallCenterComment: "rappeler le soir",
	}
}

// TestFactoryFakes: without variables the whole loop runs on the fake.
func TestFactoryFakes(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out, nil, func(string) string { return "" }))
	for _, want := range []string{
		"(the in-memory factorytest server)", "next project FP-000001: Madame Camille Durand",
		"acknowledged as CC-FP-000001", `commercial "" -> "sophie.leroy@edouarddenis.example"`,
		"booked an R1 meeting", "closed with conclusion code ACCORD-RDV",
	} {
		assert.Contains(t, out.String(), want)
	}
}

// TestFactoryReadOnly: on a real account without -live, only the
// referential is read; no project is taken.
func TestFactoryReadOnly(t *testing.T) {
	t.Parallel()
	a := newAccount(t, held())
	before := a.srv.Fields(a.id)
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out, nil, a.env))
	assert.Contains(t, out.String(), "nothing taken: run with -live")
	assert.Contains(t, out.String(), "close it with conclusion code CC-ACCORD")
	assert.Zero(t, a.srv.Calls(factory.GetProject4CallCenter), "taking a project is a write")
	assert.Zero(t, a.proxy.Calls("/api/Project/"), "no project method called")
	assert.Equal(t, 1, a.proxy.Calls("GetPrograms"))
	assert.Equal(t, before, a.srv.Fields(a.id))
	// The project still waits: the next run takes it.
	var again bytes.Buffer
	require.NoError(t, run(context.Background(), &again, []string{"-live"}, a.env))
	assert.Contains(t, again.String(), "next project "+a.id)
}

// TestFactoryLive: with -live the loop completes and the project goes
// back whole: every balise La Factory sent keeps its value but the
// qualification the run printed, and a held answer is never overwritten.
func TestFactoryLive(t *testing.T) {
	t.Parallel()
	a := newAccount(t, held())
	before := a.srv.Fields(a.id)
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out, []string{"-live"}, a.env))
	assert.Contains(t, out.String(), "closed with conclusion code CC-ACCORD")

	after := a.srv.Fields(a.id)
	changed := map[string]bool{"callcenterprojectid": true, "cloture_call": true, "motif_cloture": true,
		"commercial": true, "attribdate_call": true, "commentaire_call": true, "primo_accedant": true}
	for balise, was := range before {
		if !changed[balise] {
			assert.Equal(t, was, after[balise], "%s changed without being printed", balise)
		}
	}
	for balise := range changed {
		if balise != "callcenterprojectid" && before[balise] != after[balise] {
			assert.Contains(t, out.String(), balise+" ", "%s changed: the run printed it first", balise)
		}
	}
	assert.Equal(t, "450000", after["budget_max"], "held answers are not overwritten")
	assert.Equal(t, "sophie.leroy@edouarddenis.example", after["commercial"], "the programme's seller")
	assert.Equal(t, "rappeler le soir / RDV R1 pris par le centre d'appels", after["commentaire_call"])
	assert.Equal(t, "CONCL-1", a.srv.Conclusion(a.id))
	assert.Len(t, a.srv.Activities(a.id), 2, "the call and the meeting")
}

// TestFactoryEmptyReferential: no seller for the project's programme
// (or no programme at all): the project keeps its owner, the loop goes
// on, and nothing taken is lost.
func TestFactoryEmptyReferential(t *testing.T) {
	t.Parallel()
	ownerElsewhere := factorytest.Referentials{Programs: []factory.Program{{ExternalID: "OTHER", SalesOffices: []factory.SalesOffice{{
		Sellers: []factory.Seller{{Email: "owner@edouarddenis.example"}}}}}}}
	for _, tt := range []struct {
		name, owner string
		ref         factorytest.Referentials
	}{
		{"no programme, no owner", "", factorytest.Referentials{}},
		{"no seller for the programme, an owner", "owner@edouarddenis.example", ownerElsewhere},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := held()
			p.SalesRep = tt.owner
			a := newAccount(t, p)
			a.srv.SetReferentials(tt.ref)
			var out bytes.Buffer
			require.NoError(t, run(context.Background(), &out, []string{"-live"}, a.env), out.String())
			assert.NotContains(t, out.String(), "commercial ", "the owner is not changed")
			got, ok := a.srv.Project(a.id)
			require.True(t, ok)
			assert.Equal(t, tt.owner, got.SalesRep, "the project keeps its owner")
			assert.Equal(t, "CC-"+a.id, got.CallCenterProjectID)
			assert.Equal(t, "paul.morel@example.fr", got.Email)
			assert.Equal(t, "CONCL-1", a.srv.Conclusion(a.id))
		})
	}

	// With no programme at all, the owner La Factory holds cannot be sent
	// back (no seller is licensed, and the document requires one when
	// commercial is set): no update is sent (it would be refused, and one
	// without commercial would blank the owner). The project is concluded
	// with the calls that carry no commercial, keeps its owner and every
	// field, and is printed whole as La Factory handed it out.
	p := held()
	a := newAccount(t, p)
	a.srv.SetReferentials(factorytest.Referentials{})
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out, []string{"-live"}, a.env), out.String())
	got, _ := a.srv.Project(a.id)
	assert.Equal(t, p.SalesRep, got.SalesRep, "the owner is kept")
	assert.Equal(t, p.Email, got.Email)
	assert.Equal(t, p.CallCenterComment, got.CallCenterComment)
	assert.Equal(t, "CC-"+a.id, got.CallCenterProjectID, "acknowledged")
	assert.Equal(t, "CONCL-1", a.srv.Conclusion(a.id), "concluded")
	assert.Zero(t, a.proxy.Calls("CreateOrUpdateProject4CallCenter"), "no update that would be refused or blank the owner")
	for _, act := range a.srv.Activities(a.id) {
		assert.Empty(t, act["commercial"], "no call carries commercial")
	}
	assert.Contains(t, out.String(), `"commercial":"owner@edouarddenis.example"`, "printed whole")
	assert.Contains(t, out.String(), `"email":"paul.morel@example.fr"`, "printed whole")
	assert.Contains(t, out.String(), `"commentaire_call":"rappeler le soir"`, "as La Factory handed it out")
	assert.Contains(t, out.String(), "by hand")
}

// TestFactoryFailureAfterTaking: whichever call fails after the project
// was handed out, it has been acknowledged first and the error names it;
// when the acknowledgement itself fails, the project is printed whole.
func TestFactoryFailureAfterTaking(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		path, wantErr string
		acknowledged  bool
	}{
		{"AcquitProject4CallCenter", "could not be acknowledged as CC-", false},
		{"SetActivity", "logging the call", true},
		{"CreateOrUpdateProject4CallCenter", "sending it back", true},
	} {
		t.Run(tt.path, func(t *testing.T) {
			t.Parallel()
			a := newAccount(t, held())
			a.proxy.Refuse(tt.path)
			var out bytes.Buffer
			err := run(context.Background(), &out, []string{"-live"}, a.env)
			require.ErrorContains(t, err, tt.wantErr)
			assert.Contains(t, err.Error(), "project "+a.id)
			got, _ := a.srv.Project(a.id)
			assert.Equal(t, "paul.morel@example.fr", got.Email, "never blanked")
			if tt.acknowledged {
				assert.Equal(t, "CC-"+a.id, got.CallCenterProjectID)
			} else {
				assert.Contains(t, out.String(), `"email":"paul.morel@example.fr"`, "the project handed out is printed whole")
			}
		})
	}
}

// TestFactoryConfiguration: half a configuration is refused before any
// request; so is an unknown environment and a queue with nothing in it is
// said so.
func TestFactoryConfiguration(t *testing.T) {
	t.Parallel()
	a := newAccount(t, factory.Project{})
	for _, tt := range []struct {
		env     map[string]string
		wantErr string
	}{
		{map[string]string{"FACTORY_API_KEY": "k-123456"}, "FACTORY_API_KEY is set but FACTORY_CONCLUSION_CODE is missing"},
		{map[string]string{"FACTORY_ENV": "PRODUCTION"}, "FACTORY_API_KEY, FACTORY_CONCLUSION_CODE are missing"},
		{map[string]string{"FACTORY_API_KEY": "k-123456", "FACTORY_CONCLUSION_CODE": "X", "FACTORY_ENV": "prod"}, `FACTORY_ENV "prod"`},
	} {
		err := run(context.Background(), &bytes.Buffer{}, []string{"-live"}, func(k string) string { return tt.env[k] })
		require.ErrorContains(t, err, tt.wantErr)
	}
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out, []string{"-live"}, a.env))
	assert.Contains(t, out.String(), "no project waits for the call center")
}

// cancelOnLine ends the run's context when the run prints a line
// containing line.
type cancelOnLine struct {
	line   string
	cancel context.CancelFunc
	out    bytes.Buffer
}

func (c *cancelOnLine) Write(p []byte) (int, error) {
	if strings.Contains(string(p), c.line) {
		c.cancel()
	}
	return c.out.Write(p)
}

// TestFactoryDeadline: when the run's deadline passes just after the
// project is handed out, the project is acknowledged all the same.
func TestFactoryDeadline(t *testing.T) {
	t.Parallel()
	a := newAccount(t, held())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c, err := newFactory(factorytest.APIKey, "", a.srv.URL)
	require.NoError(t, err)
	w := &cancelOnLine{line: "next project", cancel: cancel}
	err = agent(ctx, w, c, "CC-ACCORD", true)
	require.ErrorIs(t, err, context.Canceled)
	assert.Contains(t, err.Error(), "project "+a.id+" (acknowledged as CC-"+a.id+"): logging the call")
	got, _ := a.srv.Project(a.id)
	assert.Equal(t, "CC-"+a.id, got.CallCenterProjectID)
}

// TestFactoryUndecodableProject: a project La Factory handed out that the
// client cannot decode is printed as La Factory sent it, with a line
// saying it must be handled by hand, before the run stops.
func TestFactoryUndecodableProject(t *testing.T) {
	t.Parallel()
	a := newAccount(t, factory.Project{})
	_, err := a.srv.AddImportedJSON(`{"nom":{"family":"Morel"},"email":"paul.morel@example.fr"}`)
	require.NoError(t, err)
	var out bytes.Buffer
	err = run(context.Background(), &out, []string{"-live"}, a.env)
	require.ErrorIs(t, err, factory.ErrMalformedResponse)
	assert.Contains(t, out.String(), `"email":"paul.morel@example.fr"`, "the answer is printed")
	assert.Contains(t, out.String(), `{"family":"Morel"}`)
	assert.Contains(t, out.String(), "handed out")
	assert.Contains(t, out.String(), "by hand")
}

// TestFactoryBufferedProjects: when La Factory hands out several projects
// in one answer, the run works one and prints the others whole before it
// ends, without taking another from La Factory.
func TestFactoryBufferedProjects(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	takes := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		var in map[string]any
		_ = json.Unmarshal(b, &in)
		switch {
		case strings.HasSuffix(r.URL.Path, "GetProject4CallCenter"):
			mu.Lock()
			takes++
			mu.Unlock()
			_, _ = io.WriteString(w, `[{"factoryprojectid":"FP-1","nom":"Morel","email":"paul.morel@example.fr"},`+
				`{"factoryprojectid":"FP-2","nom":"Petit","email":"marc.petit@example.fr"},{"factoryprojectid":"FP-3","nom":{"x":1},"email":"j@example.fr"}]`)
		case strings.HasSuffix(r.URL.Path, "GetPrograms"):
			_, _ = io.WriteString(w, `[]`)
		default:
			id, _ := json.Marshal(in["factoryprojectid"])
			_, _ = io.WriteString(w, `{"error":{"erCode":null,"erMessage":null},"factoryprojectid":`+string(id)+`}`)
		}
	}))
	defer srv.Close()
	c, err := newFactory(factorytest.APIKey, "", srv.URL)
	require.NoError(t, err)
	var out bytes.Buffer
	require.NoError(t, agent(context.Background(), &out, c, "CC-ACCORD", true), out.String())
	assert.Equal(t, 1, takes, "no other project taken")
	assert.Zero(t, c.Buffered(), "none left in memory")
	assert.Contains(t, out.String(), "closed with conclusion code CC-ACCORD")
	assert.Contains(t, out.String(), `"email":"marc.petit@example.fr"`, "the second project is printed whole")
	assert.Contains(t, out.String(), `"email":"j@example.fr"`, "the undecodable third too")
	assert.Contains(t, out.String(), "by hand")
}

// TestFactoryRejectedAnswerWithAProject: a project La Factory hands out
// beside an erMessage is printed as La Factory sent it before the run
// stops on the refusal.
func TestFactoryRejectedAnswerWithAProject(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "GetPrograms") {
			_, _ = io.WriteString(w, `[]`)
			return
		}
		_, _ = io.WriteString(w, `{"error":{"erCode":null,"erMessage":"Attention: email invalide"},"factoryprojectid":"FP-1","nom":"Morel","email":"paul.morel@example"}`)
	}))
	defer srv.Close()
	c, err := newFactory(factorytest.APIKey, "", srv.URL)
	require.NoError(t, err)
	var out bytes.Buffer
	err = agent(context.Background(), &out, c, "CC-ACCORD", true)
	require.ErrorIs(t, err, factory.ErrRejected)
	assert.Contains(t, out.String(), `"email":"paul.morel@example"`)
	assert.Contains(t, out.String(), "by hand")
}
