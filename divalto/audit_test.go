package divalto_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/passerelle-go/passerelle/divalto"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAuditOddFlagAndEnumValuesDecode: one odd value weavy sent does not
// fail the GET (nor the LIST page); it is kept as sent and goes back
// unchanged.
func TestAuditOddFlagAndEnumValuesDecode(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, field, value string }{
		{"flag 2", "blocked", `"2"`},
		{"flag Y", "blocked", `"Y"`},
		{"flag number 2", "blocked", `2`},
		{"flag object", "unused", `{"v":1}`},
		{"enum X", "divinf_remtyp1", `"X"`},
		{"enum 2.0", "divinf_remtyp2", `"2.0"`},
		{"yes/no O", "divinf_rftctrcod", `"O"`},
		{"object in a text", "city", `{"name":"Lille"}`},
		{"array in a text", "address1", `["a",1]`},
		{"object in a number", "workforce", `{"n":2}`},
		{"object in a reference", "generictype_ID_country", `{"code":"FR"}`},
		{"object in a date", "vacationStart", `{"d":1}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			doc := `{"codeprospect":"P1","name":"n","` + tc.field + `":` + tc.value + `}`
			p, sent := getThenPut(t, doc)
			assert.JSONEq(t, tc.value, string(sent[tc.field]), "sent back as weavy wrote it")
			raw, has := p.Raw(tc.field)
			require.True(t, has)
			assert.JSONEq(t, tc.value, string(raw))

			// In a LIST page too, the other prospects are kept.
			c, _ := mocked(t, ok(`{"data":{"prospect":[`+doc+`,{"codeprospect":"P2","name":"m"}]}}`))
			page, err := c.Prospects.List(context.Background(), divalto.ListOptions{Type: divalto.Extended})
			require.NoError(t, err)
			require.Len(t, page.Prospects, 2)
		})
	}

	// The caller's change wins over the raw value.
	p, _ := getThenPut(t, `{"codeprospect":"P1","name":"n","blocked":"2","divinf_remtyp1":"X"}`)
	p.Blocked = true
	p.DivinfDiscountType1 = divalto.Successive
	require.NoError(t, p.Validate())
	c, rec := mocked(t, ok(`{}`))
	_, err := c.Prospects.Put(context.Background(), divalto.ProspectRecord{Prospect: p})
	require.NoError(t, err)
	assert.JSONEq(t, `{"codeprospect":"P1","name":"n","blocked":"1","divinf_remtyp1":"2"}`, string(sentProspect(t, rec, 0)))
	// ...and a caller's value outside the table is still refused.
	p.DivinfDiscountType1 = divalto.DiscountType(9)
	var v *divalto.ValidationError
	require.ErrorAs(t, p.Validate(), &v)
	assert.True(t, v.Field("prospect.divinf_remtyp1"))
}

// sentProspect is the "prospect" object of the i-th request.
func sentProspect(t *testing.T, rec *recorder, i int) json.RawMessage {
	t.Helper()
	var data struct {
		Prospect json.RawMessage `json:"prospect"`
	}
	require.NoError(t, json.Unmarshal(rec.sent(i).Data, &data))
	return data.Prospect
}

// TestAuditCodesAreValidText: every code the caller gives is refused
// before sending when it holds invalid UTF-8 or a control character
// ("P\xff1" would go out as "P\ufffd1", another prospect).
func TestAuditCodesAreValidText(t *testing.T) {
	t.Parallel()
	for _, code := range []string{"P\xff1", "P\x001", "P\n1", "P\u00851"} {
		c, rec := mocked(t, ok(`{}`))
		ctx := context.Background()
		var v *divalto.ValidationError
		require.ErrorAs(t, c.Prospects.Delete(ctx, code), &v, "%q", code)
		assert.True(t, v.Field("codeprospect"), "%q", code)
		_, err := c.Prospects.Get(ctx, code, divalto.GetOptions{})
		require.ErrorAs(t, err, &v, "%q", code)
		assert.True(t, v.Field("codeprospect"), "%q", code)
		require.ErrorAs(t, c.Prospects.Recode(ctx, code, "P2", "X"), &v, "%q", code)
		assert.True(t, v.Field("prospect.internalcodeprospect"), "%q", code)
		require.ErrorAs(t, c.Prospects.Recode(ctx, "S1", code, "X"), &v, "%q", code)
		assert.True(t, v.Field("prospect.codeprospect"), "%q", code)
		_, err = c.Prospects.List(ctx, divalto.ListOptions{Filters: divalto.Filters{Code: code}})
		require.ErrorAs(t, err, &v, "%q", code)
		assert.True(t, v.Field("filters.codeProspect"), "%q", code)
		assert.Zero(t, rec.count(), "nothing sent for %q", code)
	}
}

// TestAuditStatusesThatWereNotTakenAreNotSent: 408, 425, 429 and 503 say
// the request was not taken: resending is safe (NotSent), unlike a 400 or
// a 422 (Refused).
func TestAuditStatusesThatWereNotTakenAreNotSent(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		status int
		want   divalto.Result
	}{
		{408, divalto.NotSent}, {425, divalto.NotSent}, {429, divalto.NotSent}, {503, divalto.NotSent},
		{400, divalto.Refused}, {409, divalto.Refused}, {422, divalto.Refused},
		{500, divalto.Uncertain}, {502, divalto.Uncertain}, {504, divalto.Uncertain},
	} {
		c, _ := mocked(t, []answer{{tc.status, `{"error":"x"}`}})
		out, err := c.Prospects.Put(context.Background(), divalto.ProspectRecord{Prospect: &divalto.Prospect{Code: "P1", Name: "n"}})
		require.Error(t, err, "%d", tc.status)
		require.Len(t, out, 1)
		assert.Equal(t, tc.want, out[0].Result, "%d", tc.status)
	}
}

// TestAuditPutAnswerErrorsInAnyForm: an error in a 200 answer is read
// under any case of its key, and "0" and 0 mean the same.
func TestAuditPutAnswerErrorsInAnyForm(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		body   string
		failed bool
	}{
		{`{"error":"refused"}`, true},
		{`{"Error":"refused"}`, true},
		{`{"ERROR":"refused"}`, true},
		{`{"Errors":["bad name"]}`, true},
		{`{"ErrorMessage":"bad"}`, true},
		{`{"header":{"errormessage":"bad"}}`, true},
		{`{"Success":false,"Message":"nope"}`, true},
		{`{"success":0}`, true},
		{`{"success":"False"}`, true},
		{`{"status":"error","message":"nope"}`, true},
		{`{"Status":"ERROR"}`, true},
		{`{"error":0}`, false},
		{`{"error":"0"}`, false},
		{`{"Error":""}`, false},
		{`{"error":null,"success":true}`, false},
		{`{"success":"1","status":"ok"}`, false},
		{`{"error":false}`, false},
		{`{"error":"false"}`, false},
	} {
		c, _ := mocked(t, ok(tc.body))
		out, err := c.Prospects.Put(context.Background(), divalto.ProspectRecord{Prospect: &divalto.Prospect{Code: "P1", Name: "n"}})
		if tc.failed {
			assert.ErrorIs(t, err, divalto.ErrRejected, tc.body)
			assert.Equal(t, divalto.Refused, out[0].Result, tc.body)
		} else {
			assert.NoError(t, err, tc.body)
		}
	}
}

// TestAuditIndicatorsMatchIgnoringCaseAndAreKept: indicators find their
// prospect as Get does (case ignored); those naming no prospect of the
// answer are kept reachable; a GET answering another code keeps Raw.
func TestAuditIndicatorsMatchIgnoringCaseAndAreKept(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, _ := mocked(t, ok(`{"data":{"prospect":[{"codeprospect":"P1"},{"codeprospect":"P2"}],`+
		`"indicators":[{"prospect_ID":"p1","turnoverN":"10"},{"prospect_ID":"P2","turnoverN":"20"},{"prospect_ID":"ZZ","turnoverN":"30"}]}}`))
	page, err := c.Prospects.List(ctx, divalto.ListOptions{Indicators: true})
	require.NoError(t, err)
	require.Len(t, page.Prospects, 2)
	require.NotNil(t, page.Prospects[0].Indicators, "p1 is P1")
	assert.Equal(t, divalto.Number("10"), page.Prospects[0].Indicators.TurnoverN)
	assert.Equal(t, divalto.Number("20"), page.Prospects[1].Indicators.TurnoverN)
	require.Len(t, page.OtherIndicators, 1, "ZZ's indicators are not dropped")
	assert.Equal(t, "ZZ", page.OtherIndicators[0].Prospect)

	c, _ = mocked(t, ok(`{"data":{"prospect":{"codeprospect":"P1"},"indicators":[{"prospect_ID":"ZZ","turnoverN":"30"}]}}`))
	p, err := c.Prospects.Get(ctx, "p1", divalto.GetOptions{Indicators: true})
	require.NoError(t, err)
	assert.Nil(t, p.Indicators)
	require.Len(t, p.OtherIndicators, 1)
	assert.Equal(t, "ZZ", p.OtherIndicators[0].Prospect)

	body := `{"data":{"prospect":[{"codeprospect":"P2","name":"Other"}]}}`
	c, _ = mocked(t, ok(body))
	_, err = c.Prospects.Get(ctx, "P1", divalto.GetOptions{})
	require.ErrorIs(t, err, divalto.ErrNotFound)
	var e *divalto.Error
	require.ErrorAs(t, err, &e)
	assert.JSONEq(t, body, string(e.Raw), "what weavy sent is kept")
	assert.NotContains(t, err.Error(), "Other")
}
