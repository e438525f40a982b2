package factory_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/passerelle-go/passerelle/factory"
	"github.com/passerelle-go/passerelle/factory/factorytest"
	"github.com/passerelle-go/passerelle/internal/fault"
	"github.com/passerelle-go/passerelle/internal/fault/faultmatrix"
	"github.com/passerelle-go/passerelle/internal/transport"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const apiKey = "S3cret-Api-K3y"

func fake(t *testing.T, opts ...factory.Option) (*factorytest.Server, *factory.Client) {
	t.Helper()
	srv := factorytest.NewServer()
	t.Cleanup(srv.Close)
	c, err := factory.New(factorytest.APIKey, factory.Acceptance, append([]factory.Option{factory.WithBaseURL(srv.URL), factory.WithRetry(0, 0, 0)}, opts...)...)
	require.NoError(t, err)
	return srv, c
}

// mocked answers every request with body and status.
func mocked(t *testing.T, status int, body string) *factory.Client {
	t.Helper()
	mt := httpmock.NewMockTransport()
	mt.RegisterNoResponder(httpmock.NewStringResponder(status, body))
	c, err := factory.New(apiKey, factory.Acceptance, factory.WithBaseURL("https://factory.example.test"), factory.WithHTTPClient(&http.Client{Transport: mt}), factory.WithRetry(0, 0, 0))
	require.NoError(t, err)
	return c
}

func TestNextProjectAnswerShapes(t *testing.T) {
	t.Parallel()
	project := `{"factoryprojectid":"FP-9","nom":"Durand","utm_camapaign":"printemps26","type_bienED":"T3","nature_bien":"NEUF","date_acquisition":"20261120093000"}`
	quoted := func(s string) string { b, _ := jsonMarshal(s); return string(b) }
	wrapped := `{"error":{"erCode":null,"erMessage":null},"Operation":{"Set":{"Data":` + project + `}}}`
	for name, body := range map[string]string{
		"plain project":          project,
		"wrapped":                wrapped,
		"double-encoded":         quoted(wrapped),
		"double-encoded project": quoted(project),
		"data as a list":         `{"Operation":{"Set":{"Data":[` + project + `]}}}`,
		"data double-encoded":    `{"Operation":{"Set":{"Data":` + quoted(project) + `}}}`,
	} {
		p, err := mocked(t, 200, body).NextProject(context.Background())
		require.NoError(t, err, name)
		assert.Equal(t, "FP-9", p.FactoryProjectID, name)
		assert.Equal(t, "Durand", p.LastName, name)
		assert.Equal(t, "printemps26", p.UTMCampaign, name)
		assert.Equal(t, "T3", p.AssetType, name)
		assert.Equal(t, "NEUF", p.AssetNature, name)
		assert.True(t, p.LeadDate.Equal(time.Date(2026, 11, 20, 9, 30, 0, 0, factory.Paris)), name)
	}
	for name, body := range map[string]string{
		"data null": `{"Operation":{"Set":{"Data":null}}}`, "data empty list": `{"Operation":{"Set":{"Data":[]}}}`,
		"empty body": ``, "null": `null`, "empty string": `""`, "data empty object": `{"Operation":{"Set":{"Data":{}}}}`,
	} {
		_, err := mocked(t, 200, body).NextProject(context.Background())
		assert.ErrorIs(t, err, factory.ErrNoProject, name)
		assert.ErrorAs(t, err, new(*factory.Error), name)
	}
}

func TestErrorConvention(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	_, err := mocked(t, 200, `{"error":{"erCode":12,"erMessage":"Projet introuvable"}}`).Acknowledge(ctx, "FP-1", "CC-1")
	var e *factory.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "12", e.Code)
	assert.Equal(t, "Projet introuvable", e.Message)
	assert.ErrorIs(t, err, factory.ErrRejected)
	assert.NotErrorIs(t, err, factory.ErrUnauthorized)

	_, err = mocked(t, 401, `{"error":{"erCode":"401","erMessage":"bad key"}}`).Channels(ctx)
	assert.ErrorIs(t, err, factory.ErrUnauthorized)
	_, err = mocked(t, 403, `<html>Forbidden</html>`).Channels(ctx)
	assert.ErrorIs(t, err, factory.ErrUnauthorized)
	assert.ErrorIs(t, err, factory.ErrMalformedResponse)

	// Issue 12 reverses the former rule ("a message with a project and no
	// code is a warning"): a non-null erMessage is a failure, project or not.
	_, err = mocked(t, 200, `{"error":{"erCode":null,"erMessage":"Commercial ignoré"},"factoryprojectid":"FP-1","url":"u"}`).Acknowledge(ctx, "FP-1", "CC-1")
	require.ErrorAs(t, err, &e, "a message with a project and no code is a failure")
	assert.Equal(t, "Commercial ignoré", e.Message)
	_, err = mocked(t, 200, `{"error":{"erCode":null,"erMessage":"Erreur"}}`).Acknowledge(ctx, "FP-1", "CC-1")
	assert.ErrorIs(t, err, factory.ErrRejected, "a message alone is a failure")

	for name, body := range map[string]string{"html": "<html>500</html>", "truncated": `{"error":{"erCo`, "wrong type": `{"error":"x"}`} {
		_, err = mocked(t, 200, body).Acknowledge(ctx, "FP-1", "CC-1")
		require.ErrorAs(t, err, &e, name)
		assert.ErrorIs(t, err, factory.ErrMalformedResponse, name)
		assert.Equal(t, 200, e.StatusCode, name)
		assert.NotEmpty(t, e.Body, name)
	}
	_, err = mocked(t, 500, `{"error":{"erCode":null,"erMessage":null}}`).Acknowledge(ctx, "FP-1", "CC-1")
	assert.ErrorIs(t, err, factory.ErrMalformedResponse, "an HTTP error without an error object")
}

// TestUpdateKeepsEveryField is the data-loss rule: a project fetched,
// changed in one field and updated keeps every other field.
func TestUpdateKeepsEveryField(t *testing.T) {
	t.Parallel()
	srv, c := fake(t)
	ctx := context.Background()
	full := lead()
	full.Email2, full.HomePhone, full.Street1, full.Street2 = "c.durand@pro.example", "03 20 11 11 11", "12 rue Nationale", "Bât. B"
	full.CityINSEE, full.BirthDate, full.Profession, full.TaxAmount = "59350", factory.NewDate(1988, 4, 2), "Infirmière", "2400"
	full.FirstTimeBuyer, full.ConsentOptIn, full.ConsentOptOut = factory.Oui, factory.Oui, factory.Non
	full.HousingSituation, full.Goal, full.Comment = factory.Locataire, factory.ResidencePrincipale, "T3 avec balcon"
	full.BudgetMax, full.BudgetRange, full.CallbackTime = "300000", "250-300k", "20261125180000"
	full.HousingType, full.HousingSurface, full.HousingSize = "Appartement", "65", "T3"
	full.AssetType, full.AssetNature, full.LotCode = "APT", "NEUF", "59001_0012"
	full.SearchedDepts, full.SearchedCities, full.UTMCampaign, full.UTMAct, full.UTMMedium = "59, 62", "Lille, Roubaix", "printemps26", "formprog", "email"
	id := srv.AddImported(full)
	before := srv.Fields(id)

	p, err := c.NextProject(ctx)
	require.NoError(t, err)
	p.CallCenterProjectID = "CC-7"
	p.BudgetMax = "320000"
	_, err = c.UpdateProject(ctx, p)
	require.NoError(t, err)

	after := srv.Fields(id)
	for balise, v := range before {
		switch balise {
		case "budget_max":
			assert.Equal(t, "320000", after[balise])
		case "callcenterprojectid":
			assert.Equal(t, "CC-7", after[balise])
		default:
			assert.Equal(t, v, after[balise], "balise %s changed", balise)
		}
	}
	assert.Len(t, after, len(before))

	// What the rule protects against: an update built by hand, without
	// the fields La Factory sent, blanks them.
	_, err = c.UpdateProject(ctx, &factory.Project{FactoryProjectID: id, CallCenterProjectID: "CC-7", LastName: "Durand"})
	require.NoError(t, err)
	blanked := srv.Fields(id)
	assert.Empty(t, blanked["tel_mobile"])
	assert.Empty(t, blanked["email"])
	assert.Equal(t, before["date_acquisition"], blanked["date_acquisition"], "date_acquisition is kept")
}

// TestUpdateSendsBackWhatLaFactorySent: a value La Factory sent that
// this package would refuse (a phone "n/c", an unknown salutation) does
// not block an update that sends it back unchanged; changed, it is
// checked, and so are the checks across fields.
func TestUpdateSendsBackWhatLaFactorySent(t *testing.T) {
	t.Parallel()
	var p factory.Project
	require.NoError(t, json.Unmarshal([]byte(`{"factoryprojectid":"FP-1","tel_mobile":"n/c","salutation":"Sir",
		"email":"pas d'email","motif_cloture":"RDV PHYSIQUE","cloture_call":"ACCORD"}`), &p))
	p.CallCenterProjectID, p.CallCenterComment = "CC-1", "rappeler"
	require.NoError(t, p.Validate(), "sent back unchanged")

	p.MobilePhone = "n/a"
	var verr *factory.ValidationError
	require.ErrorAs(t, p.Validate(), &verr)
	assert.Equal(t, []factory.FieldError{{Field: "tel_mobile", Problem: "is not a phone number"}}, verr.Fields)

	p.MobilePhone, p.Closure = "n/c", factory.Refus
	require.ErrorAs(t, p.Validate(), &verr)
	assert.True(t, verr.Field("motif_cloture"), "a closure reason unchanged but no longer its closure's: %v", verr)
	require.Error(t, p.AsNew().Validate(), "a creation checks every value")
}

func TestFakeServerRules(t *testing.T) {
	t.Parallel()
	srv, c := fake(t)
	ctx := context.Background()
	srv.AddDenunciation(lead())
	id := srv.AddImported(lead())
	second := srv.AddImported(lead())

	p, err := c.NextProject(ctx)
	require.NoError(t, err)
	assert.Equal(t, id, p.FactoryProjectID, "a partner's denunciation is never handed out")
	p2, err := c.NextProject(ctx)
	require.NoError(t, err)
	assert.Equal(t, second, p2.FactoryProjectID, "each call hands out another project")
	_, err = c.NextProject(ctx)
	assert.ErrorIs(t, err, factory.ErrNoProject)

	res, err := c.CreateProject(ctx, &factory.Project{LastName: "Martin", Channel: "cc006", MobilePhone: "0612345678"})
	require.NoError(t, err)
	assert.NotEmpty(t, res.FactoryProjectID)
	assert.Contains(t, res.URL, res.FactoryProjectID)
	assert.NotEmpty(t, srv.Fields(res.FactoryProjectID)["date_acquisition"], "created projects are dated")

	_, err = c.CreateProject(ctx, &factory.Project{LastName: "Martin", Channel: "cc006", SalesRep: "inconnu@example.fr"})
	assert.ErrorIs(t, err, factory.ErrRejected, "commercial must be a licensed seller")
	_, err = c.CreateProject(ctx, &factory.Project{LastName: "Martin", UTMAct: "formprog", SalesRep: "sophie.leroy@edouarddenis.example"})
	require.NoError(t, err)
	assert.Equal(t, 5, srv.ProjectCount())

	srv.SetConclusionCodes(map[string]string{"KO": "CONCL-REFUS"})
	p.CallCenterProjectID, p.ConclusionCode, p.Closure, p.ClosureReason = "CC-1", "KO", factory.Refus, factory.HorsBudget
	_, err = c.UpdateProject(ctx, p)
	require.NoError(t, err)
	assert.Equal(t, "CONCL-REFUS", srv.Conclusion(id))
	assert.Equal(t, "HORS BUDGET", srv.Fields(id)["motif_cloture"])

	bad, err := factory.New("wrong-key", factory.Acceptance, factory.WithBaseURL(srv.URL), factory.WithRetry(0, 0, 0))
	require.NoError(t, err)
	_, err = bad.NextProject(ctx)
	assert.ErrorIs(t, err, factory.ErrUnauthorized)
}

func TestValidationBeforeSending(t *testing.T) {
	t.Parallel()
	mt := httpmock.NewMockTransport()
	c, err := factory.New(apiKey, factory.Acceptance, factory.WithBaseURL("https://factory.example.test"), factory.WithHTTPClient(&http.Client{Transport: mt}))
	require.NoError(t, err)
	ctx := context.Background()
	fieldsOf := func(err error) []string {
		var v *factory.ValidationError
		require.ErrorAs(t, err, &v)
		var out []string
		for _, f := range v.Fields {
			out = append(out, f.Field)
		}
		return out
	}

	_, err = c.CreateProject(ctx, &factory.Project{SalesRep: "not-an-email", PostalCode: "590\x00", CityINSEE: "2C004",
		LotCode: "123_45", Closure: factory.Accord, ClosureReason: factory.HorsBudget, Salutation: "Docteur", MobilePhone: "x"})
	assert.ElementsMatch(t, []string{"canal", "commercial", "code_postal", "insee_ville", "code_lot", "motif_cloture", "salutation", "tel_mobile"}, fieldsOf(err))
	_, err = c.CreateProject(ctx, &factory.Project{FactoryProjectID: "FP-1", Channel: "web"})
	assert.Equal(t, []string{"factoryprojectid"}, fieldsOf(err))
	_, err = c.UpdateProject(ctx, &factory.Project{ClosureReason: factory.RdvPhysique})
	assert.ElementsMatch(t, []string{"factoryprojectid", "callcenterprojectid", "cloture_call"}, fieldsOf(err))
	_, err = c.UpdateProject(ctx, nil)
	assert.Equal(t, []string{"project"}, fieldsOf(err))
	_, err = c.Acknowledge(ctx, "FP-1", "")
	assert.Equal(t, []string{"callcenterprojectid"}, fieldsOf(err))
	_, err = c.Conclude(ctx, "", "", "")
	assert.Equal(t, []string{"factoryprojectid", "callcenterprojectid", "Conclusioncode"}, fieldsOf(err))
	_, err = c.LogCall(ctx, "", factory.PhoneCall{Direction: "2", DurationMinutes: -1})
	assert.Equal(t, []string{"factoryprojectid", "sujet", "direction", "durée"}, fieldsOf(err))
	now := time.Now()
	_, err = c.ScheduleAppointment(ctx, "FP-1", factory.Appointment{Start: now, End: now, Type: "R4", Nature: "sur place", SalesRep: "x"})
	assert.Equal(t, []string{"sujet", "commentaire", "datefin", "typerdv", "naturerdv", "commercial"}, fieldsOf(err))
	assert.Zero(t, mt.GetTotalCallCount(), "nothing invalid is sent")
}

func TestOptions(t *testing.T) {
	t.Parallel()
	mt := httpmock.NewMockTransport()
	var header string
	mt.RegisterResponder("POST", "https://factory.example.test/v2/next", func(r *http.Request) (*http.Response, error) {
		header = r.Header.Get("X-Api-Key")
		return httpmock.NewStringResponse(200, `{"Operation":{"Set":{"Data":null}}}`), nil
	})
	c, err := factory.New(apiKey, factory.Acceptance, factory.WithBaseURL("https://factory.example.test"), factory.WithHTTPClient(&http.Client{Transport: mt}),
		factory.WithAPIKeyHeader("X-Api-Key"), factory.WithPath(factory.GetProject4CallCenter, "/v2/next"))
	require.NoError(t, err)
	_, err = c.NextProject(context.Background())
	assert.ErrorIs(t, err, factory.ErrNoProject)
	assert.Equal(t, apiKey, header)

	for name, opt := range map[string]factory.Option{
		"bad header": factory.WithAPIKeyHeader("a b"), "unknown method": factory.WithPath("Nope", "/x"),
		"relative path": factory.WithPath(factory.SetActivity, "x"), "nil client": factory.WithHTTPClient(nil),
	} {
		_, err := factory.New(apiKey, factory.Acceptance, factory.WithBaseURL("https://factory.example.test"), opt)
		assert.Error(t, err, name)
	}
	_, err = factory.New(apiKey, 0)
	assert.Error(t, err)
	_, err = factory.New("", factory.Acceptance, factory.WithBaseURL("https://factory.example.test"))
	assert.Error(t, err)
}

// TestAPIKeyNeverShows looks for the key in every error, log line and
// fmt output the client produces.
func TestAPIKeyNeverShows(t *testing.T) {
	t.Parallel()
	srv := factorytest.NewServer()
	defer srv.Close()
	srv.SetAPIKey("apikey", apiKey)
	srv.AddImported(lead())
	var logs bytes.Buffer
	c, err := factory.New(apiKey, factory.Acceptance, factory.WithBaseURL(srv.URL), factory.WithRetry(1, time.Millisecond, time.Millisecond), factory.WithTimeout(200*time.Millisecond),
		factory.WithLogger(slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	require.NoError(t, err)
	ctx := context.Background()
	var shown []any
	record := func(v any, err error) {
		shown = append(shown, v)
		if err != nil {
			shown = append(shown, err, errors.Unwrap(err))
		}
	}
	record(c.NextProject(ctx))
	record(c.Programs(ctx))
	for _, f := range []factorytest.Fault{{Kind: factorytest.HTMLPage}, {Kind: factorytest.Drop}, {Kind: factorytest.Stall}, {Kind: factorytest.Truncated}} {
		srv.FailNext(2, f)
		record(c.Channels(ctx))
	}
	record(mocked(t, 401, `{"error":{"erCode":"401","erMessage":"bad key `+apiKey+`"}}`).Channels(ctx))
	record(mocked(t, 500, `<html>apikey: `+apiKey+`</html>`).Channels(ctx))
	shown = append(shown, c, *c)
	for _, v := range shown {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
			assert.NotContains(t, fmt.Sprintf(verb, v), apiKey, "%s of %T", verb, v)
		}
	}
	require.Contains(t, logs.String(), "passerelle: retrying")
	assert.NotContains(t, logs.String(), apiKey)
}

func TestFaultMatrix(t *testing.T) {
	t.Parallel()
	typed := func(err error) bool { var e *factory.Error; return errors.As(err, &e) }
	setup := func(t *testing.T) (*factorytest.Server, *factory.Client, string) {
		srv := factorytest.NewServer()
		t.Cleanup(srv.Close)
		id := srv.AddImported(lead())
		c, err := factory.New(factorytest.APIKey, factory.Acceptance, factory.WithBaseURL(srv.URL), factory.WithTimeout(faultmatrix.Timeout),
			factory.WithRetry(faultmatrix.Retries, faultmatrix.MinWait, faultmatrix.MaxWait), factory.WithMaxRetryAfter(faultmatrix.MaxRetryAfter))
		require.NoError(t, err)
		return srv, c, id
	}
	method := func(name string, kind transport.Kind, call func(ctx context.Context, c *factory.Client, id string) error, effects func(srv *factorytest.Server, id string) int) faultmatrix.Method {
		return faultmatrix.Method{Name: name, Kind: kind, Typed: typed,
			Setup: func(t *testing.T) (func(int, fault.Fault), func(context.Context) error, func() int) {
				srv, c, id := setup(t)
				var count func() int
				if effects != nil {
					count = func() int { return effects(srv, id) }
				}
				return faultmatrix.Injector(srv.FailNext), func(ctx context.Context) error { return call(ctx, c, id) }, count
			}}
	}
	activities := func(srv *factorytest.Server, id string) int { return len(srv.Activities(id)) }
	start := time.Date(2026, 12, 3, 14, 0, 0, 0, factory.Paris)
	faultmatrix.Run(t, []faultmatrix.Method{
		method("NextProject", transport.NotIdempotent, func(ctx context.Context, c *factory.Client, _ string) error {
			_, err := c.NextProject(ctx)
			return err
		}, func(srv *factorytest.Server, _ string) int { return srv.Calls(factory.GetProject4CallCenter) }),
		method("Acknowledge", transport.Idempotent, func(ctx context.Context, c *factory.Client, id string) error {
			_, err := c.Acknowledge(ctx, id, "CC-1")
			return err
		}, nil),
		method("CreateProject", transport.NotIdempotent, func(ctx context.Context, c *factory.Client, _ string) error {
			_, err := c.CreateProject(ctx, &factory.Project{LastName: "Martin", Channel: "cc006"})
			return err
		}, func(srv *factorytest.Server, _ string) int { return srv.ProjectCount() - 1 }),
		method("UpdateProject", transport.NotIdempotent, func(ctx context.Context, c *factory.Client, id string) error {
			p := lead()
			p.FactoryProjectID, p.CallCenterProjectID = id, "CC-1"
			_, err := c.UpdateProject(ctx, &p)
			return err
		}, func(srv *factorytest.Server, _ string) int {
			return srv.Calls(factory.CreateOrUpdateProject4CallCenter)
		}),
		method("LogCall", transport.NotIdempotent, func(ctx context.Context, c *factory.Client, id string) error {
			_, err := c.LogCall(ctx, id, factory.PhoneCall{Subject: "Appel", Direction: factory.Outgoing, DurationMinutes: 3})
			return err
		}, activities),
		method("ScheduleAppointment", transport.NotIdempotent, func(ctx context.Context, c *factory.Client, id string) error {
			_, err := c.ScheduleAppointment(ctx, id, factory.Appointment{Subject: "Visite", Comment: "T3", Start: start, End: start.Add(time.Hour), Type: factory.R1})
			return err
		}, activities),
		method("Programs", transport.Idempotent, func(ctx context.Context, c *factory.Client, _ string) error {
			p, err := c.Programs(ctx)
			if err == nil && len(p) == 0 {
				return errors.New("no programme")
			}
			return err
		}, nil),
		method("Sources", transport.Idempotent, func(ctx context.Context, c *factory.Client, _ string) error {
			_, err := c.Sources(ctx)
			return err
		}, nil),
	})
}

var jsonMarshal = json.Marshal
