package factory_test

import (
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

	"github.com/jarcoal/httpmock"
	"github.com/passerelle-go/passerelle/factory"
	"github.com/passerelle-go/passerelle/factory/factorytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// capture is a La Factory that records each request body and answers a
// success for the project it received (or answer, when set).
type capture struct {
	mu     sync.Mutex
	bodies []map[string]json.RawMessage
	answer string
}

func (c *capture) client(t testing.TB) *factory.Client {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		var m map[string]json.RawMessage
		_ = json.Unmarshal(b, &m)
		c.mu.Lock()
		c.bodies = append(c.bodies, m)
		answer := c.answer
		c.mu.Unlock()
		if answer == "" {
			id, _ := json.Marshal(jsonText(m["factoryprojectid"]))
			answer = `{"error":{"erCode":null,"erMessage":null},"factoryprojectid":` + string(id) + `}`
		}
		_, _ = io.WriteString(w, answer)
	}))
	t.Cleanup(srv.Close)
	cl, err := factory.New(apiKey, factory.Acceptance, factory.WithBaseURL(srv.URL), factory.WithRetry(0, 0, 0))
	require.NoError(t, err)
	return cl
}

func (c *capture) last() map[string]json.RawMessage {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.bodies[len(c.bodies)-1]
}

func jsonText(v json.RawMessage) string {
	var s string
	if json.Unmarshal(v, &s) == nil {
		return s
	}
	return strings.TrimSpace(string(v))
}

// next decodes body as NextProject's answer.
func next(t *testing.T, body string) (*factory.Project, error) {
	t.Helper()
	return mocked(t, 200, body).NextProject(context.Background())
}

// TestScalarsOfAnyJSONType: numbers and booleans where the document says
// String decode into the text fields and go back out as the same JSON
// values (issue 12).
func TestScalarsOfAnyJSONType(t *testing.T) {
	t.Parallel()
	p, err := next(t, `{"factoryprojectid":123,"budget_max":300000,"code_postal":59000,"rgpdin":true,"imposition":1.5e3,"nom":null}`)
	require.NoError(t, err)
	assert.Equal(t, "123", p.FactoryProjectID)
	assert.Equal(t, "300000", p.BudgetMax)
	assert.Equal(t, "59000", p.PostalCode)
	assert.Equal(t, factory.OuiNon("true"), p.ConsentOptIn)
	assert.Equal(t, "1.5e3", p.TaxAmount)
	p.CallCenterProjectID = "CC-1"
	require.NoError(t, p.Validate(), "sent back unchanged, rgpdin true is not refused")

	var c capture
	_, err = c.client(t).UpdateProject(context.Background(), p)
	require.NoError(t, err)
	out := c.last()
	for balise, want := range map[string]string{"factoryprojectid": `123`, "budget_max": `300000`, "code_postal": `59000`, "rgpdin": `true`, "imposition": `1.5e3`, "nom": `null`} {
		assert.Equal(t, want, string(out[balise]), balise)
	}
	p.BudgetMax = "320000"
	_, err = c.client(t).UpdateProject(context.Background(), p)
	require.NoError(t, err)
	assert.Equal(t, `"320000"`, string(c.last()["budget_max"]), "a value the caller changed goes out as text")

	// Through the fake, the whole loop: handed out with numbers, updated,
	// stored with the same JSON types.
	srv, fc := fake(t)
	id, err := srv.AddImportedJSON(`{"factoryprojectid":4567,"nom":"Durand","budget_max":300000,"code_postal":59000,"rgpdin":true,"canal":"web"}`)
	require.NoError(t, err)
	got, err := fc.NextProject(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "4567", got.FactoryProjectID)
	got.CallCenterProjectID = "CC-9"
	_, err = fc.UpdateProject(context.Background(), got)
	require.NoError(t, err)
	stored := srv.Balises(id)
	assert.Equal(t, `300000`, string(stored["budget_max"]))
	assert.Equal(t, `true`, string(stored["rgpdin"]))
}

// TestFlatProjectBesideTheErrorObject: a project written beside the error
// object, rather than at Operation.Set.Data, is read, not dropped.
func TestFlatProjectBesideTheErrorObject(t *testing.T) {
	t.Parallel()
	p, err := next(t, `{"error":{"erCode":null,"erMessage":null},"factoryprojectid":"FP-7","nom":"Durand"}`)
	require.NoError(t, err)
	assert.Equal(t, "FP-7", p.FactoryProjectID)
	assert.Equal(t, "Durand", p.LastName)
	assert.Empty(t, p.Extra, "the error object is not a balise")
	_, err = next(t, `{"error":{"erCode":null,"erMessage":null}}`)
	assert.ErrorIs(t, err, factory.ErrNoProject)
}

// TestUndecodableProjectReachesTheCaller: a project that cannot be decoded
// is on the error whole, and Error never prints it (issue 12).
func TestUndecodableProjectReachesTheCaller(t *testing.T) {
	t.Parallel()
	project := `{"factoryprojectid":"FP-1","nom":{"family":"Durand"},"tel_mobile":"0612345678"}`
	for name, body := range map[string]string{
		"plain":          project,
		"wrapped":        `{"error":{"erCode":null,"erMessage":null},"Operation":{"Set":{"Data":` + project + `}}}`,
		"no id":          `{"nom":"Durand","tel_mobile":"0612345678"}`,
		"not an object":  `{"Operation":{"Set":{"Data":[42]}}}`,
		"double-encoded": quoteJSON(`{"Operation":{"Set":{"Data":` + project + `}}}`),
	} {
		_, err := next(t, body)
		var e *factory.Error
		require.ErrorAs(t, err, &e, name)
		assert.ErrorIs(t, err, factory.ErrMalformedResponse, name)
		assert.NotEmpty(t, e.Raw, name)
		if name != "not an object" {
			assert.Contains(t, string(e.Raw), "0612345678", name)
		}
		assert.NotContains(t, err.Error(), "0612345678", name)
		assert.NotContains(t, err.Error(), "Durand", name)
		assert.NotContains(t, err.Error(), "Go ", name)
	}
}

func quoteJSON(s string) string { b, _ := json.Marshal(s); return string(b) }

// TestSeveralProjectsInOneAnswer: no project handed out is dropped; the
// others come with the next calls, without a request (issue 12).
func TestSeveralProjectsInOneAnswer(t *testing.T) {
	t.Parallel()
	mt := httpmock.NewMockTransport()
	mt.RegisterNoResponder(httpmock.NewStringResponder(200, `{"Operation":{"Set":{"Data":[{"factoryprojectid":"FP-1"},{"factoryprojectid":"FP-2","nom":[1]},{"factoryprojectid":"FP-3"}]}}}`))
	c, err := factory.New(apiKey, factory.Acceptance, factory.WithHTTPClient(&http.Client{Transport: mt}), factory.WithRetry(0, 0, 0))
	require.NoError(t, err)
	ctx := context.Background()
	p, err := c.NextProject(ctx)
	require.NoError(t, err)
	assert.Equal(t, "FP-1", p.FactoryProjectID)
	_, err = c.NextProject(ctx)
	var e *factory.Error
	require.ErrorAs(t, err, &e, "the second cannot be decoded and is on the error")
	assert.Contains(t, string(e.Raw), "FP-2")
	p, err = c.NextProject(ctx)
	require.NoError(t, err)
	assert.Equal(t, "FP-3", p.FactoryProjectID)
	assert.Equal(t, 1, mt.GetTotalCallCount(), "one answer, three projects")
	_, err = c.NextProject(ctx)
	require.NoError(t, err)
	assert.Equal(t, 2, mt.GetTotalCallCount())
}

// TestUnknownAndOddCaseBalisesKept: a balise the package does not model
// and a known one in another letter case survive the full-replace update;
// the blanking guard covers them (issue 12).
func TestUnknownAndOddCaseBalisesKept(t *testing.T) {
	t.Parallel()
	srv, c := fake(t)
	ctx := context.Background()
	id, err := srv.AddImportedJSON(`{"nom":"Durand","canal":"web","if_autre_champ":"x","Type_bienED":"T3","If_Score":{"v":2},"NOM_FORMULAIRE":"Contact"}`)
	require.NoError(t, err)
	p, err := c.NextProject(ctx)
	require.NoError(t, err)
	assert.Equal(t, "T3", p.AssetType, "type_bienED in another case")
	assert.Equal(t, "Contact", p.FormName)
	assert.Equal(t, `"x"`, string(p.Extra["if_autre_champ"]))
	assert.Equal(t, `{"v":2}`, string(p.Extra["If_Score"]))

	p.CallCenterProjectID = "CC-1"
	_, err = c.UpdateProject(ctx, p)
	require.NoError(t, err)
	f := srv.Fields(id)
	assert.Equal(t, "x", f["if_autre_champ"])
	assert.Equal(t, "T3", f["type_logemented"])
	assert.Equal(t, `{"v":2}`, string(srv.Balises(id)["If_Score"]))

	delete(p.Extra, "if_autre_champ")
	p.AssetType = ""
	var v *factory.ValidationError
	_, err = c.UpdateProject(ctx, p)
	require.ErrorAs(t, err, &v, "the guard covers unknown balises")
	assert.True(t, v.Field("if_autre_champ"))
	assert.True(t, v.Field("type_logementED"))
	_, err = c.UpdateProject(ctx, p.Clear("if_autre_champ", "TYPE_LOGEMENTED"))
	require.NoError(t, err)
	assert.NotContains(t, srv.Fields(id), "if_autre_champ", "blanked on purpose")
	assert.Equal(t, "", srv.Fields(id)["type_logemented"])
}

// TestErrorMessageWithNullCodeIsAFailure: a non-null erMessage is a
// failure even with a project id (issue 12).
func TestErrorMessageWithNullCodeIsAFailure(t *testing.T) {
	t.Parallel()
	p := &factory.Project{FactoryProjectID: "FP-1", CallCenterProjectID: "CC-1"}
	_, err := mocked(t, 200, `{"error":{"erCode":null,"erMessage":"Le projet n'a pas été mis à jour"},"factoryprojectid":"FP-1"}`).UpdateProject(context.Background(), p)
	var e *factory.Error
	require.ErrorAs(t, err, &e)
	assert.ErrorIs(t, err, factory.ErrRejected)
	assert.Equal(t, "Le projet n'a pas été mis à jour", e.Message)
	assert.Empty(t, e.Code)
}

// TestUpdateWithAnUnknownIDCreates: La Factory creates a project for an
// unknown id; the caller learns it (issue 12). The fault matrix runs
// UpdateProject as NotIdempotent.
func TestUpdateWithAnUnknownIDCreates(t *testing.T) {
	t.Parallel()
	srv, c := fake(t)
	p := lead()
	p.FactoryProjectID, p.CallCenterProjectID = "FP-999999", "CC-1"
	res, err := c.UpdateProject(context.Background(), &p)
	require.ErrorIs(t, err, factory.ErrProjectCreated)
	require.NotNil(t, res)
	assert.True(t, res.Created)
	assert.NotEqual(t, "FP-999999", res.FactoryProjectID)
	var e *factory.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, res, e.Result)
	assert.Equal(t, 1, srv.ProjectCount())
	assert.Equal(t, "Durand", srv.Fields(res.FactoryProjectID)["nom"])
}

// TestPostalCodeFormat: the document gives no format; only what no text
// may hold is refused (issue 12).
func TestPostalCodeFormat(t *testing.T) {
	t.Parallel()
	srv, c := fake(t)
	for _, code := range []string{"7000", "59000", "B-7000", "L-1234", "SW1A 1AA"} {
		res, err := c.CreateProject(context.Background(), &factory.Project{LastName: "Dupont", Channel: "web", PostalCode: code})
		require.NoError(t, err, code)
		assert.Equal(t, code, srv.Fields(res.FactoryProjectID)["code_postal"])
	}
	for _, code := range []string{"7000\n", "59\x00000", "590\xff"} {
		_, err := c.CreateProject(context.Background(), &factory.Project{LastName: "Dupont", Channel: "web", PostalCode: code})
		var v *factory.ValidationError
		require.ErrorAs(t, err, &v, "%q", code)
		assert.True(t, v.Field("code_postal"))
	}
}

// TestSalesRepOwner: an owner La Factory sent who is not a licensed seller
// (or when no seller is listed) cannot be sent back, and the caller is told
// why and how through; a phone call carries commercial (issue 12).
func TestSalesRepOwner(t *testing.T) {
	t.Parallel()
	srv, c := fake(t)
	ctx := context.Background()
	owner := lead()
	owner.SalesRep = "directeur@edouarddenis.example"
	id := srv.AddImported(owner)
	p, err := c.NextProject(ctx)
	require.NoError(t, err)
	p.CallCenterProjectID = "CC-1"

	err = c.CheckSalesRep(ctx, p)
	require.ErrorIs(t, err, factory.ErrSellerNotLicensed)
	assert.Contains(t, err.Error(), "licence")
	assert.Contains(t, err.Error(), `Clear("commercial")`)
	_, err = c.UpdateProject(ctx, p)
	require.ErrorIs(t, err, factory.ErrRejected, "La Factory refuses it, as its document says")
	assert.Contains(t, err.Error(), "section 3.3.2")

	_, err = c.UpdateProject(ctx, p.Clear("commercial"))
	require.NoError(t, err, "the way through")
	assert.Empty(t, srv.Fields(id)["commercial"])

	p.SalesRep = strings.ToUpper(factorytest.DemoSeller)
	require.NoError(t, c.CheckSalesRep(ctx, p))
	srv.SetReferentials(factorytest.Referentials{})
	err = c.CheckSalesRep(ctx, p)
	require.ErrorIs(t, err, factory.ErrSellerNotLicensed)
	assert.Contains(t, err.Error(), "lists no seller")

	_, err = c.LogCall(ctx, id, factory.PhoneCall{Subject: "Appel", Direction: factory.Outgoing, DurationMinutes: 2, SalesRep: factorytest.DemoSeller})
	require.NoError(t, err)
	assert.Equal(t, factorytest.DemoSeller, srv.Activities(id)[0]["commercial"])
	_, err = c.LogCall(ctx, id, factory.PhoneCall{Subject: "Appel", Direction: factory.Outgoing, SalesRep: "pas un e-mail"})
	assert.ErrorAs(t, err, new(*factory.ValidationError))
}

// TestReferentialsTolerant: every documented field of any JSON scalar
// type, a sales office as an object, and one odd programme that does not
// hide the others (issue 12).
func TestReferentialsTolerant(t *testing.T) {
	t.Parallel()
	body := `{"Operation":{"Set":{"Data":[
		{"Ir_programid":"P-1","If_department":59,"If_salesoffice":{"If_name":"BV Lille","Ressources":{"Internalemailaddress":"a@b.fr","If_is_sellerforlive":"Vrai","If_is_sellerforinvest":0}}},
		{"ir_programid":"P-2","if_name":{"fr":"odd"}},
		{"ir_programid":"P-3","if_salesoffice":[{"ressources":[{"internalemailaddress":"c@d.fr","if_is_sellerforlive":true}]}],"if_deliverydate":20261231}
	]}}}`
	programs, err := mocked(t, 200, body).Programs(context.Background())
	var e *factory.Error
	require.ErrorAs(t, err, &e)
	assert.ErrorIs(t, err, factory.ErrMalformedResponse)
	assert.Contains(t, string(e.Raw), "P-2")
	assert.Contains(t, err.Error(), "1 of 3")
	require.Len(t, programs, 2)
	assert.Equal(t, "59", programs[0].Department)
	require.Len(t, programs[0].Sellers(), 1)
	s := programs[0].Sellers()[0]
	assert.Equal(t, "a@b.fr", s.Email)
	live, known := s.ForLiving.Bool()
	assert.True(t, live && known, "Vrai")
	inv, known := s.ForInvestment.Bool()
	assert.True(t, !inv && known)
	assert.Equal(t, "20261231", programs[1].DeliveryDate)
	assert.Equal(t, "c@d.fr", programs[1].Sellers()[0].Email)

	channels, err := mocked(t, 200, `[{"If_name":"Web","If_code":7}]`).Channels(context.Background())
	require.NoError(t, err)
	assert.Equal(t, []factory.Channel{{Name: "Web", Code: "7"}}, channels)
}

// TestFakeServesConfiguredPaths: WithPath can be tested against the fake.
func TestFakeServesConfiguredPaths(t *testing.T) {
	t.Parallel()
	srv := factorytest.NewServer()
	t.Cleanup(srv.Close)
	srv.SetPath(factory.GetCanaux, "/v2/referentiels/canaux")
	moved, err := factory.New(factorytest.APIKey, factory.Acceptance, factory.WithBaseURL(srv.URL), factory.WithPath(factory.GetCanaux, "/v2/referentiels/canaux"))
	require.NoError(t, err)
	ch, err := moved.Channels(context.Background())
	require.NoError(t, err)
	assert.NotEmpty(t, ch)
	plain, err := factory.New(factorytest.APIKey, factory.Acceptance, factory.WithBaseURL(srv.URL), factory.WithRetry(0, 0, 0))
	require.NoError(t, err)
	_, err = plain.Channels(context.Background())
	assert.ErrorIs(t, err, factory.ErrNotFound)
	_, err = plain.Programs(context.Background())
	assert.NoError(t, err, "the other paths are unchanged")
}

// TestOddErrorMember: an error member of another shape is described in
// terms of the answer, its text masked and capped (issue 14, item 4).
func TestOddErrorMember(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("é", 5000)
	for name, tc := range map[string]struct{ body, says string }{
		"string":  {`{"error":"Projet verrouillé"}`, "is a string"},
		"number":  {`{"error":500}`, "is 500"},
		"list":    {`{"error":["a"]}`, "is a list"},
		"secret":  {`{"error":{"erCode":"E1","erMessage":"bad key ` + apiKey + `"}}`, "[REDACTED]"},
		"long":    {`{"error":{"erCode":null,"erMessage":"` + long + `"}}`, "…"},
		"control": {`{"error":"a\u0000b\r\nX-Injected: 1"}`, "is a string"},
	} {
		_, err := mocked(t, 200, tc.body).Acknowledge(context.Background(), "FP-1", "CC-1")
		var e *factory.Error
		require.ErrorAs(t, err, &e, name)
		msg := err.Error()
		for _, internal := range []string{"struct", "wire.", "envelope", "Go value", "NumString", apiKey} {
			assert.NotContains(t, msg, internal, name)
		}
		assert.Contains(t, msg, tc.says, name)
		assert.LessOrEqual(t, len(e.Message), 512+len("…"), name)
		assert.NotContains(t, e.Message, "\n", name)
		assert.NotContains(t, e.Message, "\x00", name)
	}
}

// TestTextTheCallerSetsIsChecked: invalid UTF-8 and control characters are
// refused in every field the caller sets, line breaks only in comments; a
// value La Factory sent is sent back as it is (issue 14, item 5).
func TestTextTheCallerSetsIsChecked(t *testing.T) {
	t.Parallel()
	mt := httpmock.NewMockTransport()
	c, err := factory.New(apiKey, factory.Acceptance, factory.WithHTTPClient(&http.Client{Transport: mt}))
	require.NoError(t, err)
	ctx := context.Background()
	fields := func(err error) []string {
		var v *factory.ValidationError
		require.ErrorAs(t, err, &v)
		var out []string
		for _, f := range v.Fields {
			out = append(out, f.Field)
		}
		return out
	}
	_, err = c.CreateProject(ctx, &factory.Project{Channel: "web", LastName: "Du\xffrand", FirstName: "A\nB", City: "Lille\x00",
		Comment: "ligne 1\nligne 2", CallCenterComment: "ok\r\n", ProgramCode: "NX\t1", Extra: map[string]json.RawMessage{"if_x": json.RawMessage(`"a\u0007"`)}})
	assert.ElementsMatch(t, []string{"nom", "prenom", "ville", "code_programme", "if_x"}, fields(err))
	_, err = c.LogCall(ctx, "FP\n1", factory.PhoneCall{Subject: "a\x1bb", Direction: factory.Incoming, Comment: "ok\nok", SalesRep: "a@b.fr\n"})
	assert.Equal(t, []string{"factoryprojectid", "sujet", "commercial"}, fields(err))
	_, err = c.ScheduleAppointment(ctx, "FP-1", factory.Appointment{Subject: "x\xff", Comment: "ok\nok", Start: time.Now(), End: time.Now().Add(time.Hour), Type: factory.R1})
	assert.Equal(t, []string{"sujet"}, fields(err))
	_, err = c.Conclude(ctx, "FP-1", "CC\r1", "OK\x00")
	assert.Equal(t, []string{"callcenterprojectid", "Conclusioncode"}, fields(err))
	assert.Zero(t, mt.GetTotalCallCount())

	p, err := next(t, `{"factoryprojectid":"FP-1","nom":"Durand\u0000","adresse":"12 rue\nBât B"}`)
	require.NoError(t, err)
	p.CallCenterProjectID = "CC-1"
	assert.NoError(t, p.Validate(), "what La Factory holds is sent back as it is")
	p.LastName = "Durand\x00 Jr"
	assert.Equal(t, []string{"nom"}, fields(p.Validate()))
}

// TestEmptySuccessIsNotSuccess: a 200 whose body does not carry what the
// method returns is ErrMalformedResponse, for every method (issue 14,
// item 6). NextProject reads an empty answer as ErrNoProject.
func TestEmptySuccessIsNotSuccess(t *testing.T) {
	t.Parallel()
	start := time.Date(2026, 12, 3, 14, 0, 0, 0, factory.Paris)
	calls := map[string]func(c *factory.Client) error{
		"Acknowledge": func(c *factory.Client) error {
			_, err := c.Acknowledge(context.Background(), "FP-1", "CC-1")
			return err
		},
		"Conclude": func(c *factory.Client) error {
			_, err := c.Conclude(context.Background(), "FP-1", "CC-1", "OK")
			return err
		},
		"CreateProject": func(c *factory.Client) error {
			_, err := c.CreateProject(context.Background(), &factory.Project{Channel: "web"})
			return err
		},
		"UpdateProject": func(c *factory.Client) error {
			_, err := c.UpdateProject(context.Background(), &factory.Project{FactoryProjectID: "FP-1", CallCenterProjectID: "CC-1"})
			return err
		},
		"LogCall": func(c *factory.Client) error {
			_, err := c.LogCall(context.Background(), "FP-1", factory.PhoneCall{Subject: "a", Direction: factory.Incoming})
			return err
		},
		"ScheduleAppointment": func(c *factory.Client) error {
			_, err := c.ScheduleAppointment(context.Background(), "FP-1", factory.Appointment{Subject: "a", Comment: "b", Start: start, End: start.Add(time.Hour), Type: factory.R1})
			return err
		},
		"Programs":  func(c *factory.Client) error { _, err := c.Programs(context.Background()); return err },
		"Channels":  func(c *factory.Client) error { _, err := c.Channels(context.Background()); return err },
		"Campaigns": func(c *factory.Client) error { _, err := c.Campaigns(context.Background()); return err },
		"Origins":   func(c *factory.Client) error { _, err := c.Origins(context.Background()); return err },
		"Supports":  func(c *factory.Client) error { _, err := c.Supports(context.Background()); return err },
		"Sources":   func(c *factory.Client) error { _, err := c.Sources(context.Background()); return err },
	}
	for _, body := range []string{``, `{}`, `null`, `""`, `{"error":{"erCode":null,"erMessage":null}}`, `{"Operation":{"Set":{"Data":null}}}`, `true`, `"x"`} {
		for name, call := range calls {
			err := call(mocked(t, 200, body))
			require.Error(t, err, "%s with %q", name, body)
			assert.ErrorIs(t, err, factory.ErrMalformedResponse, "%s with %q", name, body)
			var e *factory.Error
			assert.True(t, errors.As(err, &e))
		}
	}
	for name, call := range calls {
		err := call(mocked(t, 200, `[]`))
		switch name {
		case "Programs", "Channels", "Campaigns", "Origins", "Supports", "Sources":
			assert.NoError(t, err, "%s: an empty list is a list", name)
		default:
			assert.ErrorIs(t, err, factory.ErrMalformedResponse, name)
		}
	}
}
