package divalto_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/passerelle-go/passerelle/divalto"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// recorder answers every request with the next of answers (the last one
// repeats) and keeps the envelopes sent.
type recorder struct {
	mu        sync.Mutex
	envelopes []divalto.Envelope
	urls      []string
}

func (r *recorder) sent(i int) divalto.Envelope {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.envelopes[i]
}

func (r *recorder) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.envelopes)
}

type answer struct {
	status int
	body   string
}

func mocked(t *testing.T, answers []answer, opts ...divalto.Option) (*divalto.Client, *recorder) {
	t.Helper()
	rec := &recorder{}
	mt := httpmock.NewMockTransport()
	mt.RegisterNoResponder(func(req *http.Request) (*http.Response, error) {
		b, err := io.ReadAll(req.Body)
		if err != nil {
			return nil, err
		}
		var env divalto.Envelope
		require.NoError(t, json.Unmarshal(b, &env))
		rec.mu.Lock()
		rec.envelopes = append(rec.envelopes, env)
		rec.urls = append(rec.urls, req.Method+" "+req.URL.String())
		a := answers[min(len(rec.envelopes), len(answers))-1]
		rec.mu.Unlock()
		return httpmock.NewStringResponse(a.status, a.body), nil
	})
	opts = append([]divalto.Option{divalto.WithHTTPClient(&http.Client{Transport: mt}), divalto.WithRetry(0, 0, 0),
		divalto.WithClock(func() time.Time { return testTime })}, opts...)
	c, err := divalto.New("ACME", divalto.DefaultEntryPoint, opts...)
	require.NoError(t, err)
	return c, rec
}

func ok(body string) []answer { return []answer{{200, body}} }

func TestNewChecksItsArguments(t *testing.T) {
	t.Parallel()
	for name, opts := range map[string][]divalto.Option{
		"language":       {divalto.WithLanguage("fr-FR")},
		"markForExport":  {divalto.WithMarkForExport(3)},
		"webhookVersion": {divalto.WithWebhookVersion(0)},
		"max per PUT":    {divalto.WithMaxPerPut(0)},
		"caller":         {divalto.WithCaller("", "1")},
		"base URL":       {divalto.WithBaseURL("::")},
	} {
		c, err := divalto.New("ACME", "WHK_Prospect", opts...)
		assert.Nil(t, c, name)
		assert.Error(t, err, name)
	}
	_, err := divalto.New("", "WHK_Prospect")
	assert.Error(t, err)
	_, err = divalto.New("ACME", "")
	assert.Error(t, err)
}

func TestEnvelope(t *testing.T) {
	t.Parallel()
	c, rec := mocked(t, ok(`{"data":{"prospect":{"codeprospect":"P1","name":"X"}}}`),
		divalto.WithCaller("my-crm", "2.1"), divalto.WithUserCode("ADMIN"), divalto.WithLanguage(divalto.CanadianFrench),
		divalto.WithMarkForExport(0), divalto.WithWebhookVersion(1))
	_, err := c.Prospects.Get(context.Background(), "P1", divalto.GetOptions{})
	require.NoError(t, err)
	assert.Equal(t, "POST https://api.weavy.divalto.com/v1/entrypoints/ACME/webhook/?c=WHK_Prospect", rec.urls[0])
	env := rec.sent(0)
	assert.Equal(t, divalto.Header{
		Caller: "my-crm", CallerVersion: "2.1", UserCode: "ADMIN", CallDateTime: "2026-11-22 09:30:00",
		Language: divalto.CanadianFrench, MarkForExport: "0", WebhookVersion: "1",
	}, env.Header)
	assert.Equal(t, divalto.VerbGet, env.Action.Verb)
	assert.JSONEq(t, `{"resultType":"simple"}`, string(env.Action.Parameters))
	assert.JSONEq(t, `{"prospect":{"codeprospect":"P1"}}`, string(env.Data))

	c, rec = mocked(t, ok(`{"data":{"prospect":{"codeprospect":"P1"}}}`))
	_, err = c.Prospects.Get(context.Background(), "P1", divalto.GetOptions{})
	require.NoError(t, err)
	h := rec.sent(0).Header
	assert.Equal(t, "passerelle", h.Caller)
	assert.Equal(t, divalto.French, h.Language)
	assert.Equal(t, "1", h.MarkForExport, "weavy's default")
	assert.Equal(t, "2", h.WebhookVersion, "weavy's default")
}

func TestWebhookPathEscapes(t *testing.T) {
	t.Parallel()
	path, err := divalto.WebhookPath("A/B", "SPEWHK_X&Y")
	require.NoError(t, err)
	assert.Equal(t, "/v1/entrypoints/A%2FB/webhook/?c=SPEWHK_X%26Y", path)
}

func TestGet(t *testing.T) {
	t.Parallel()
	related := string(section(t, seedJSON(t, "get_related"), "related"))
	indicators := string(section(t, seedJSON(t, "get_indicators"), "indicators"))
	prospect := string(section(t, seedJSON(t, "get_extended"), "prospect"))
	c, rec := mocked(t, ok(`{"header":{},"data":{"prospect":`+prospect+`,"related":`+related+`,"indicators":`+indicators+`}}`))
	p, err := c.Prospects.Get(context.Background(), "P0000001", divalto.GetOptions{ResultType: divalto.ExtendedRelated, Indicators: true})
	require.NoError(t, err)
	assert.JSONEq(t, `{"resultType":"extendedRelated","settings":{"getIndicators":"1"}}`, string(rec.sent(0).Action.Parameters))
	assert.Equal(t, "CHEZ SOI", p.Name)
	require.NotNil(t, p.Related)
	assert.Equal(t, "Strasbourg", p.Related.BranchOffice.Name)
	require.NotNil(t, p.Indicators)
	assert.Equal(t, divalto.Number("26"), p.Indicators.OpenedQuotes)
	out, err := json.Marshal(p)
	require.NoError(t, err)
	assert.JSONEq(t, prospect, string(out), "related records and indicators are not prospect fields")
}

func TestGetAnswers(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, body string
		status     int
		want       error
		code       string
	}{
		{name: "data section", body: `{"header":{},"data":{"prospect":{"codeprospect":"P1"}}}`, code: "P1"},
		{name: "no data section", body: `{"prospect":{"codeprospect":"P1"}}`, code: "P1"},
		{name: "result section", body: `{"result":{"prospect":{"codeprospect":"P1"}}}`, code: "P1"},
		{name: "an array", body: `{"data":{"prospect":[{"codeprospect":"P0"},{"codeprospect":"P1"}]}}`, code: "P1"},
		{name: "prospects", body: `{"data":{"prospects":[{"codeprospect":"P1"}]}}`, code: "P1"},
		{name: "number where a string is", body: `{"data":{"prospect":{"codeprospect":"P1","workforce":25}}}`, code: "P1"},
		{name: "not found, empty", body: `{"data":{"prospect":{}}}`, want: divalto.ErrNotFound},
		{name: "not found, null", body: `{"data":{"prospect":null}}`, want: divalto.ErrNotFound},
		{name: "not found, missing", body: `{"header":{}}`, want: divalto.ErrNotFound},
		{name: "another prospect", body: `{"data":{"prospect":[{"codeprospect":"P2"}]}}`, want: divalto.ErrNotFound},
		{name: "404", status: 404, body: `{"error":"Prospect P1 introuvable"}`, want: divalto.ErrNotFound},
		{name: "403", status: 403, body: `denied`, want: divalto.ErrUnauthorized},
		{name: "400", status: 400, body: `{"error":"bad"}`, want: divalto.ErrRejected},
		{name: "200 with an error", body: `{"header":{"error":"Unknown entry point"}}`, want: divalto.ErrRejected},
		{name: "200 with success false", body: `{"success":false,"message":"nope"}`, want: divalto.ErrRejected},
		{name: "HTML", body: `<html>oops</html>`, want: divalto.ErrMalformedResponse},
		{name: "prospect is a string", body: `{"data":{"prospect":"P1"}}`, want: divalto.ErrMalformedResponse},
		{name: "flag is a word, kept", body: `{"data":{"prospect":{"codeprospect":"P1","blocked":"maybe"}}}`, code: "P1"},
		{name: "a prospect is not an object", body: `{"data":{"prospect":[{"codeprospect":"P1"},"P2"]}}`, want: divalto.ErrMalformedResponse},
		{name: "related is a string", body: `{"data":{"prospect":{"codeprospect":"P1"},"related":[1]}}`, want: divalto.ErrMalformedResponse},
		{name: "500", status: 500, body: `{}`},
	} {
		status := tc.status
		if status == 0 {
			status = 200
		}
		c, _ := mocked(t, []answer{{status, tc.body}})
		p, err := c.Prospects.Get(context.Background(), "P1", divalto.GetOptions{})
		if tc.code != "" {
			require.NoError(t, err, tc.name)
			assert.Equal(t, tc.code, p.Code, tc.name)
			continue
		}
		require.Error(t, err, tc.name)
		var e *divalto.Error
		require.ErrorAs(t, err, &e, tc.name)
		if tc.want != nil {
			assert.ErrorIs(t, err, tc.want, tc.name)
		}
		assert.Nil(t, p, tc.name)
	}
}

func TestGetValidates(t *testing.T) {
	t.Parallel()
	c, rec := mocked(t, ok(`{}`))
	_, err := c.Prospects.Get(context.Background(), " ", divalto.GetOptions{ResultType: "full"})
	var v *divalto.ValidationError
	require.ErrorAs(t, err, &v)
	assert.True(t, v.Field("codeprospect"))
	assert.True(t, v.Field("resultType"))
	assert.Zero(t, rec.count(), "nothing sent")
}

func TestListParameters(t *testing.T) {
	t.Parallel()
	c, rec := mocked(t, ok(`{"data":{"prospect":[{"codeprospect":"P1"}],"pageNumber":"2","maxPageNumber":"5"}}`))
	page, err := c.Prospects.List(context.Background(), divalto.ListOptions{
		Type: divalto.Extended, Page: 2, OrderBy: divalto.NameAsc, TopRows: 30, Indicators: true,
		Filters: divalto.Filters{Country: divalto.AnyOf("FR", "BE"), Family: divalto.Null, City: "DIJ",
			NotClosedBefore: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)},
	})
	require.NoError(t, err)
	assert.Equal(t, 2, page.Number)
	assert.Equal(t, 5, page.MaxPage)
	assert.Len(t, page.Prospects, 1)
	assert.JSONEq(t, `{"listType":"extended","pageNumber":2,"settings":{"getIndicators":"1"},"orderBy":"nameAsc","topRows":30,
		"filters":{"codeCountry":"FR|BE","codeProspectFamily":"null","city":"DIJ","notClosedBefore":"2026-01-01 01:00:00"}}`,
		string(rec.sent(0).Action.Parameters))
	assert.Empty(t, rec.sent(0).Data)

	_, err = c.Prospects.List(context.Background(), divalto.ListOptions{Type: divalto.ExtendedRelated, Page: -1, TopRows: -1, OrderBy: "name"})
	var v *divalto.ValidationError
	require.ErrorAs(t, err, &v)
	assert.Len(t, v.Fields, 4, v.Error())
	assert.Equal(t, 1, rec.count(), "nothing sent")
}

func TestAllFollowsPages(t *testing.T) {
	t.Parallel()
	page := func(n int, codes ...string) answer {
		var ps []string
		for _, c := range codes {
			ps = append(ps, `{"codeprospect":"`+c+`"}`)
		}
		return answer{200, `{"header":{"maxPageNumber":3},"data":{"pageNumber":` + string(rune('0'+n)) + `,"prospect":[` + strings.Join(ps, ",") + `]}}`}
	}
	c, rec := mocked(t, []answer{page(1, "A", "B"), page(2, "C", "D"), page(3, "E")})
	var got []string
	for p, err := range c.Prospects.All(context.Background(), divalto.ListOptions{}) {
		require.NoError(t, err)
		got = append(got, p.Code)
	}
	assert.Equal(t, []string{"A", "B", "C", "D", "E"}, got)
	require.Equal(t, 3, rec.count())
	for i := range 3 {
		var params struct{ PageNumber int }
		require.NoError(t, json.Unmarshal(rec.sent(i).Action.Parameters, &params))
		assert.Equal(t, i+1, params.PageNumber)
	}

	// Without maxPageNumber, All stops at an empty page.
	c, rec = mocked(t, []answer{{200, `{"data":{"prospect":[{"codeprospect":"A"}]}}`}, {200, `{"data":{"prospect":[]}}`}})
	n := 0
	for _, err := range c.Prospects.All(context.Background(), divalto.ListOptions{}) {
		require.NoError(t, err)
		n++
	}
	assert.Equal(t, 1, n)
	assert.Equal(t, 2, rec.count())

	// A server that ignores pageNumber does not loop forever.
	c, _ = mocked(t, ok(`{"data":{"prospect":[{"codeprospect":"A"}]}}`))
	var last error
	n = 0
	for _, err := range c.Prospects.All(context.Background(), divalto.ListOptions{}) {
		last = err
		n++
	}
	assert.ErrorIs(t, last, divalto.ErrMalformedResponse)
	assert.Equal(t, 2, n)

	// Breaking out stops the requests.
	c, rec = mocked(t, []answer{page(1, "A", "B"), page(2, "C", "D"), page(3, "E")})
	for range c.Prospects.All(context.Background(), divalto.ListOptions{}) {
		break
	}
	assert.Equal(t, 1, rec.count())
}

func prospect(code string) *divalto.Prospect {
	return &divalto.Prospect{Code: code, Name: "Prospect " + code, Country: divalto.Ref{Code: "FR"}}
}

func TestPutBatchesAndQualifies(t *testing.T) {
	t.Parallel()
	c, rec := mocked(t, ok(`{"header":{}}`), divalto.WithMaxPerPut(2))
	records := []divalto.ProspectRecord{
		{Prospect: prospect("P1"), Users: []divalto.ProspectUser{{Code: "P1-95", BaseUser: "95", Category: divalto.Ref{Code: "1"}}}},
		{Prospect: prospect("P2")}, {Prospect: prospect("P3")},
	}
	out, err := c.Prospects.Put(context.Background(), records...)
	require.NoError(t, err)
	require.Equal(t, 2, rec.count())
	assert.Equal(t, divalto.VerbPut, rec.sent(0).Action.Verb)
	assert.JSONEq(t, `[
		{"prospect":{"codeprospect":"P1","name":"Prospect P1","generictype_ID_country":"COUNTRY-FR"},
		 "prospectuser":[{"codeprospectuser":"P1-95","prospect_ID":"P1","baseuser_ID":"95","generictype_ID_category":"CUSTOMERUSER_LINK-1"}]},
		{"prospect":{"codeprospect":"P2","name":"Prospect P2","generictype_ID_country":"COUNTRY-FR"}}]`, string(rec.sent(0).Data))
	assert.JSONEq(t, `{"prospect":{"codeprospect":"P3","name":"Prospect P3","generictype_ID_country":"COUNTRY-FR"}}`,
		string(rec.sent(1).Data), "one record is sent as the seed's single object")
	for i, o := range out {
		assert.Equal(t, divalto.Outcome{Index: i, Code: records[i].Prospect.Code, Batch: i / 2, Result: divalto.Done}, o)
	}
	assert.Equal(t, divalto.Ref{Code: "FR"}, records[0].Prospect.Country, "the caller's records are not changed")
	assert.Empty(t, records[0].Users[0].Prospect)
}

func TestPutOutcomesWhenABatchFails(t *testing.T) {
	t.Parallel()
	c, _ := mocked(t, []answer{{200, `{}`}, {400, `{"error":"codeprospect P3 : name too long"}`}}, divalto.WithMaxPerPut(2))
	var records []divalto.ProspectRecord
	for _, code := range []string{"P1", "P2", "P3", "P4", "P5"} {
		records = append(records, divalto.ProspectRecord{Prospect: prospect(code)})
	}
	out, err := c.Prospects.Put(context.Background(), records...)
	require.ErrorIs(t, err, divalto.ErrRejected)
	assert.Contains(t, err.Error(), "name too long")
	want := []divalto.Result{divalto.Done, divalto.Done, divalto.Refused, divalto.Refused, divalto.NotSent}
	for i, o := range out {
		assert.Equal(t, want[i], o.Result, records[i].Prospect.Code)
	}
	assert.ErrorIs(t, out[4].Err, divalto.ErrEarlierBatchFailed)
	assert.Equal(t, "not sent", out[4].Result.String())
}

func TestPutValidatesEverything(t *testing.T) {
	t.Parallel()
	c, rec := mocked(t, ok(`{}`))
	bad := &divalto.Prospect{Code: "P1", Email: "not-an-email", PostalCode: strings.Repeat("9", 17), Country: divalto.NewRef("CIVILITY", "M"),
		Workforce: "many", VacationStart: divalto.DateTime{Raw: "demain"}, DivinfDiscountType1: 9, InternalCode: "P1"}
	_, err := c.Prospects.Put(context.Background(),
		divalto.ProspectRecord{Prospect: bad, Users: []divalto.ProspectUser{{Prospect: "P9"}}},
		divalto.ProspectRecord{},
		divalto.ProspectRecord{Prospect: prospect("P1")},
	)
	var v *divalto.ValidationError
	require.ErrorAs(t, err, &v)
	for _, f := range []string{
		"records[0].prospect.email", "records[0].prospect.postalCode",
		"records[0].prospect.generictype_ID_country", "records[0].prospect.workforce", "records[0].prospect.vacationStart",
		"records[0].prospect.divinf_remtyp1", "records[0].prospect.internalcodeprospect",
		"records[0].prospectuser[0].codeprospectuser", "records[0].prospectuser[0].baseuser_ID", "records[0].prospectuser[0].prospect_ID",
		"records[1].prospect", "records[2].prospect.codeprospect",
	} {
		assert.True(t, v.Field(f), "%s in %v", f, v)
	}
	assert.False(t, v.Field("records[0].prospect.name"), "an update needs no name")
	assert.Len(t, v.Fields, 12, v.Error())
	assert.Zero(t, rec.count())
	_, err = c.Prospects.Put(context.Background())
	assert.ErrorAs(t, err, &v)
}

func TestSendNullAndSendEmpty(t *testing.T) {
	t.Parallel()
	p := divalto.Prospect{Code: "P1", Name: "X"}
	require.NoError(t, p.SendNull("address2", "siretNumber"))
	require.NoError(t, p.SendEmpty("blocked", "comment", "generictype_ID_civility"))
	err := p.SendEmpty("adress2", "nom")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"adress2", "nom"`)
	b, err := json.Marshal(p)
	require.NoError(t, err)
	assert.JSONEq(t, `{"codeprospect":"P1","name":"X","address2":null,"siretNumber":null,"blocked":"0","comment":"","generictype_ID_civility":""}`, string(b))
	p.Address2 = "Bâtiment B"
	b, err = json.Marshal(p)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"address2":"Bâtiment B"`, "a value wins over null")
}

func TestRoundTripKeepsUnknownFieldsAndBlanks(t *testing.T) {
	t.Parallel()
	in := `{"codeprospect":"P1","blocked":"","divinf_remtyp1":"","divinf_zz_custom":{"a":[1,2]},"vacationStart":"2026-07-01","gpsLatitude":"48.10","name":"<b>&é\u2028"}`
	var p divalto.Prospect
	require.NoError(t, json.Unmarshal([]byte(in), &p))
	assert.Contains(t, p.Extra, "divinf_zz_custom")
	assert.Equal(t, 2026, p.VacationStart.Year())
	out, err := json.Marshal(p)
	require.NoError(t, err)
	assert.JSONEq(t, in, string(out))
	p.Blocked = true
	p.VacationStart = divalto.NewDateTime(time.Date(2026, 7, 2, 0, 0, 0, 0, divalto.Paris))
	out, err = json.Marshal(p)
	require.NoError(t, err)
	assert.Contains(t, string(out), `"blocked":"1"`)
	assert.Contains(t, string(out), `"vacationStart":"2026-07-02 00:00:00"`)
}

func TestRefs(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]divalto.Ref{
		"COUNTRY-FR":          {DataType: "COUNTRY", Code: "FR"},
		"CUSTOMER_TYPE-CTP":   {DataType: "CUSTOMER_TYPE", Code: "CTP"},
		"CUSTOMER_FAMILY-Est": {DataType: "CUSTOMER_FAMILY", Code: "Est"},
		"FR":                  {Code: "FR"},
		"CA 20 à 50 M€":       {Code: "CA 20 à 50 M€"},
		"Grand-Est":           {Code: "Grand-Est"},
		"A-B-C":               {DataType: "A", Code: "B-C"},
		"":                    {},
	} {
		got := divalto.ParseRef(in)
		assert.Equal(t, want, got, in)
		assert.Equal(t, in, got.String(), "joins back")
	}
	assert.Equal(t, "COUNTRY-FR", divalto.Ref{Code: "FR"}.Qualified("COUNTRY").String())
	assert.Equal(t, "COUNTRY-FR", divalto.NewRef("COUNTRY", "FR").Qualified("PROVINCE").String())
	assert.True(t, divalto.Ref{}.Qualified("COUNTRY").IsZero())
}

func TestDeleteAndRecode(t *testing.T) {
	t.Parallel()
	c, rec := mocked(t, ok(``))
	require.NoError(t, c.Prospects.Delete(context.Background(), "P1"))
	assert.Equal(t, divalto.VerbDelete, rec.sent(0).Action.Verb)
	assert.JSONEq(t, `{"prospect":{"codeprospect":"P1"}}`, string(rec.sent(0).Data))

	require.NoError(t, c.Prospects.Recode(context.Background(), "S0000001", "P0000001", "CHEZ SOI"))
	assert.JSONEq(t, string(seedJSON(t, "recode")), string(rec.sent(1).Data), "the seed's minimal recodification")

	err := c.Prospects.Recode(context.Background(), "", "P1", "")
	var v *divalto.ValidationError
	require.ErrorAs(t, err, &v)
	assert.True(t, v.Field("prospect.internalcodeprospect"))
	assert.True(t, v.Field("prospect.name"))
	assert.ErrorAs(t, c.Prospects.Recode(context.Background(), "P1", "P1", "X"), &v)
	assert.ErrorAs(t, c.Prospects.Delete(context.Background(), ""), &v)
	assert.Equal(t, 2, rec.count())
}

func TestDefinition(t *testing.T) {
	t.Parallel()
	c, rec := mocked(t, ok(`{"header":{},"data":{"fields":["codeprospect"]}}`))
	def, err := c.Prospects.Definition(context.Background())
	require.NoError(t, err)
	assert.JSONEq(t, `{"fields":["codeprospect"]}`, string(def))
	assert.Equal(t, divalto.VerbDefinition, rec.sent(0).Action.Verb)
}

func TestErrorIsTyped(t *testing.T) {
	t.Parallel()
	c, _ := mocked(t, []answer{{429, `slow down`}})
	_, err := c.Prospects.Get(context.Background(), "P1", divalto.GetOptions{})
	var e *divalto.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, 429, e.StatusCode)
	assert.False(t, errors.Is(err, divalto.ErrRejected), "429 is not a rejection")
	assert.Equal(t, "get", e.Op)
}
