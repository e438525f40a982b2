package batiweb_test

import (
	"bytes"
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
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/passerelle-go/passerelle/batiweb"
	"github.com/passerelle-go/passerelle/batiweb/batiwebtest"
)

// Issue 12: PHP callers send numbers where the document shows strings.
func TestLeadJSONAcceptsNumbers(t *testing.T) {
	t.Parallel()
	cases := []struct {
		body string
		want batiweb.Lead
	}{
		{`{"zipcode":78180}`, batiweb.Lead{Zipcode: "78180"}},
		{`{"amountofrooms":2}`, batiweb.Lead{AmountOfRooms: 2}},
		{`{"amountofrooms":"2"}`, batiweb.Lead{AmountOfRooms: 2}},
		{`{"amountofrooms":""}`, batiweb.Lead{}},
		{`{"amountofrooms":null}`, batiweb.Lead{}},
		{`{"supplierleadid":42}`, batiweb.Lead{SupplierLeadID: "42"}},
		{`{"supplierleadid":12345678901234567890}`, batiweb.Lead{SupplierLeadID: "12345678901234567890"}},
		{`{"cellphone":612345678,"landline":177781000}`, batiweb.Lead{Cellphone: "612345678", Landline: "177781000"}},
		{`{"comment":true,"address":null}`, batiweb.Lead{Comment: "true"}},
		{`{"isowner":1,"civility":"M.","worktype":"69","housingtype":1,"delay":"2","area":6,"yearbuilt":"4","funding":1,"budget":"3","remindertime":2}`,
			batiweb.Lead{IsOwner: batiweb.Owner, Civility: batiweb.Monsieur, WorkType: batiweb.WorkTypePeinture, HousingType: batiweb.House,
				Delay: batiweb.DelayWithinMonth, Area: batiweb.Area75To120, YearBuilt: batiweb.YearBuiltBefore1974, Funding: batiweb.FundingCash,
				Budget: batiweb.BudgetOver6000, ReminderTime: batiweb.Reminder9To11}},
		{`{"ZIPCODE":"78180","unknown":{"x":1}}`, batiweb.Lead{Zipcode: "78180"}},
	}
	for _, tc := range cases {
		t.Run(tc.body, func(t *testing.T) {
			t.Parallel()
			var got batiweb.Lead
			require.NoError(t, json.Unmarshal([]byte(tc.body), &got))
			assert.Equal(t, tc.want, got)
		})
	}
	for _, body := range []string{`{"zipcode":{}}`, `{"email":["a"]}`, `{"amountofrooms":"deux"}`, `{"amountofrooms":2.5}`} {
		var l batiweb.Lead
		err := json.Unmarshal([]byte(body), &l)
		var te *json.UnmarshalTypeError
		require.ErrorAs(t, err, &te, body)
		assert.NotEmpty(t, te.Field, "the error names the field: %v", err)
	}
}

func TestSellableRequestJSONAcceptsNumbers(t *testing.T) {
	t.Parallel()
	var r batiweb.SellableRequest
	require.NoError(t, json.Unmarshal([]byte(`{"zipcode":90200,"worktype":125,"supplierleadid":42,"email":"email@email.com"}`), &r))
	assert.Equal(t, batiweb.SellableRequest{Zipcode: "90200", WorkType: batiweb.WorkTypePiscinePolyester, SupplierLeadID: "42", Email: "email@email.com"}, r)
	require.NoError(t, r.Validate())
}

// capture is a client whose requests are recorded and answered with body.
func capture(t *testing.T, body string) (*batiweb.Client, func() []map[string]any) {
	t.Helper()
	var mu sync.Mutex
	var seen []map[string]any
	mt := httpmock.NewMockTransport()
	mt.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		b, _ := io.ReadAll(r.Body)
		var env struct {
			Request map[string]any `json:"request"`
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.UseNumber()
		_ = dec.Decode(&env)
		mu.Lock()
		seen = append(seen, env.Request)
		mu.Unlock()
		return httpmock.NewStringResponse(200, body), nil
	})
	c, err := batiweb.New("login", password, batiweb.Prep, batiweb.WithHTTPClient(&http.Client{Transport: mt}), batiweb.WithRetry(0, 0, 0))
	require.NoError(t, err)
	return c, func() []map[string]any { mu.Lock(); defer mu.Unlock(); return seen }
}

// Issue 12: the zipcode is trimmed before it is validated, not refused
// untrimmed and then trimmed.
func TestZipcodeTrimmedBeforeValidation(t *testing.T) {
	t.Parallel()
	for _, zip := range []string{" 78180", "78180 ", "\t78180\n", "\u00a078180"} {
		lead := validLead()
		lead.Zipcode = zip
		require.NoError(t, lead.Validate(), "%q", zip)
		require.NoError(t, batiweb.SellableRequest{Zipcode: zip, WorkType: batiweb.WorkTypePeinture}.Validate(), "%q", zip)
		c, seen := capture(t, `{"code":0,"message":"ok","id":"1","token":"t"}`)
		_, err := c.Import(context.Background(), lead)
		require.NoError(t, err)
		_, err = c.IsSellable(context.Background(), batiweb.SellableRequest{Zipcode: zip, WorkType: batiweb.WorkTypePeinture})
		require.NoError(t, err)
		for _, req := range seen() {
			assert.Equal(t, "78180", req["zipcode"], "%q goes out trimmed", zip)
		}
		assert.Equal(t, zip, lead.Zipcode, "the caller's lead is not changed")
	}
	for _, zip := range []string{"78 180", "7818", "２８００１"} {
		lead := validLead()
		lead.Zipcode = zip
		var v *batiweb.ValidationError
		require.ErrorAs(t, lead.Validate(), &v, "%q", zip)
		assert.True(t, v.Field("zipcode"))
	}
}

// Issue 12: batiwebtest answers no status 0, a code absent from the
// document's status table, for a lead not processed yet.
func TestFakeStatusNeverInventsCodeZero(t *testing.T) {
	t.Parallel()
	srv := batiwebtest.NewServer()
	defer srv.Close()
	srv.Sell("")
	c, err := batiweb.New(batiwebtest.Login, batiwebtest.Password, batiweb.Prep, batiweb.WithBaseURL(srv.URL))
	require.NoError(t, err)
	imp, err := c.Import(context.Background(), validLead())
	require.NoError(t, err)

	raw := func() map[string]any {
		body := `{"security":{"login":"demo","password":"demo-password","environment":"PREP"},"request":{"token":"` + imp.Token + `"}}`
		resp, err := http.Post(srv.URL+"/json/lead/status", "application/json", strings.NewReader(body))
		require.NoError(t, err)
		defer resp.Body.Close()
		var m map[string]any
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&m))
		return m
	}
	m := raw()
	assert.NotContains(t, m, "status")
	assert.NotContains(t, m, "statusLabel")
	assert.Equal(t, imp.Token, m["token"])
	st, err := c.Status(context.Background(), imp.Token)
	require.NoError(t, err)
	assert.Zero(t, st.Status)

	assert.Error(t, srv.SetStatus(imp.Token, 0, time.Now()), "0 is not in the table")
	assert.Error(t, srv.SetStatus(imp.Token, 3, time.Now()), "3 is not in the table")
	require.NoError(t, srv.SetStatus(imp.Token, batiweb.StatusEnoughQuotes, time.Now()))
	m = raw()
	assert.Equal(t, float64(13), m["status"])
	assert.Equal(t, "Assez de devis", m["statusLabel"])
}

// Issue 12: batiwebtest can answer code 9, "Internal error".
func TestFakeAnswersInternalError(t *testing.T) {
	t.Parallel()
	srv := batiwebtest.NewServer()
	defer srv.Close()
	srv.Sell("")
	c, err := batiweb.New(batiwebtest.Login, batiwebtest.Password, batiweb.Prep, batiweb.WithBaseURL(srv.URL), batiweb.WithRetry(0, 0, 0))
	require.NoError(t, err)
	require.NoError(t, srv.AnswerCode(2, batiweb.CodeInternal))
	_, err = c.Import(context.Background(), validLead())
	var e *batiweb.Error
	require.ErrorAs(t, err, &e)
	assert.ErrorIs(t, err, batiweb.ErrInternal)
	assert.Equal(t, "Internal error", e.Message)
	assert.Equal(t, 200, e.StatusCode)
	_, err = c.IsSellable(context.Background(), batiweb.SellableRequest{Zipcode: "78180", WorkType: batiweb.WorkTypePeinture})
	assert.ErrorIs(t, err, batiweb.ErrInternal)
	assert.Empty(t, srv.Leads(), "not processed")
	_, err = c.Import(context.Background(), validLead())
	require.NoError(t, err, "only the next two")
	for _, code := range []batiweb.Code{batiweb.CodeOK, 7, 8, batiweb.NoCode} {
		assert.Error(t, srv.AnswerCode(1, code), "code %d is not a failure code of the table", code)
	}
}

// Issue 14 item 4: a secret a service echoes in a success message or a
// label never reaches a result, and error strings are bounded.
func TestServiceTextIsRedactedInResults(t *testing.T) {
	t.Parallel()
	jsonPassword, _ := json.Marshal(password)
	for _, echoed := range []string{string(jsonPassword[1 : len(jsonPassword)-1]), strings.ReplaceAll(string(jsonPassword[1:len(jsonPassword)-1]), "/", `\/`)} {
		c, _ := capture(t, `{"code":0,"message":"Lead correctly imported for `+echoed+"\\u0000\",\"id\":\"1\",\"token\":\"t\"}")
		res, err := c.Import(context.Background(), validLead())
		require.NoError(t, err)
		assert.NotContains(t, res.Message, "Pa55")
		assert.NotContains(t, res.Message, "\x00")
		assert.Contains(t, res.Message, "Lead correctly imported")

		c, _ = capture(t, `{"code":0,"message":"sellable `+echoed+`"}`)
		sell, err := c.IsSellable(context.Background(), batiweb.SellableRequest{Zipcode: "78180", WorkType: 69})
		require.NoError(t, err)
		assert.NotContains(t, sell.Message, "Pa55")

		c, _ = capture(t, `{"token":"t","status":1,"statusLabel":"Validé `+echoed+`"}`)
		st, err := c.Status(context.Background(), "t")
		require.NoError(t, err)
		assert.NotContains(t, st.StatusLabel, "Pa55")
	}

	long := strings.Repeat("é", 1<<20)
	for _, body := range []string{`{"code":9,"message":"` + long + `"}`, `<html>` + long, `{"code":0,"message":"` + long + `","token":"t"}`} {
		c, _ := capture(t, body)
		res, err := c.Import(context.Background(), validLead())
		if err == nil {
			assert.LessOrEqual(t, len(res.Message), 600)
			continue
		}
		assert.LessOrEqual(t, len(err.Error()), 2048, "the error's text is bounded")
		var e *batiweb.Error
		require.ErrorAs(t, err, &e)
		assert.LessOrEqual(t, len(e.Message), 600)
	}
}

// Issue 14 item 5: invalid UTF-8 and control characters in a field the
// caller sets are refused with a field error; line breaks only in comment.
func TestTextFieldsRefuseBadText(t *testing.T) {
	t.Parallel()
	set := map[string]func(*batiweb.Lead, string){
		"email":           func(l *batiweb.Lead, v string) { l.Email = "a" + v + "@example.fr" },
		"city":            func(l *batiweb.Lead, v string) { l.City = "Paris" + v },
		"cellphone":       func(l *batiweb.Lead, v string) { l.Cellphone = "0612345678" + v },
		"landline":        func(l *batiweb.Lead, v string) { l.Landline = "0177781000" + v },
		"firstname":       func(l *batiweb.Lead, v string) { l.FirstName = "Jean" + v + "x" },
		"lastname":        func(l *batiweb.Lead, v string) { l.LastName = "Du" + v + "pont" },
		"workdescription": func(l *batiweb.Lead, v string) { l.WorkDescription = "Pein" + v + "ture" },
		"address":         func(l *batiweb.Lead, v string) { l.Address = "1 rue" + v + "X" },
		"comment":         func(l *batiweb.Lead, v string) { l.Comment = "Peinture" + v + "salon" },
		"supplierleadid":  func(l *batiweb.Lead, v string) { l.SupplierLeadID = "42" + v + "1" },
	}
	for field, edit := range set {
		for _, bad := range []string{"\xff", "\x00", "\x1b[31m", "\u0085", "\n", "\r\nX-Injected: 1", "\t"} {
			lead := validLead()
			edit(lead, bad)
			err := lead.Validate()
			if field == "comment" && (bad == "\n" || bad == "\t" || bad == "\r\nX-Injected: 1") {
				assert.NoError(t, err, "%s may hold %q", field, bad)
				continue
			}
			var v *batiweb.ValidationError
			require.ErrorAs(t, err, &v, "%s %q", field, bad)
			assert.True(t, v.Field(field), "%s %q: %v", field, bad, err)
			assert.NotContains(t, err.Error(), bad)
		}
	}
	c, seen := capture(t, `{"code":0}`)
	lead := validLead()
	lead.FirstName = "Pr\xffnom"
	_, err := c.Import(context.Background(), lead)
	assert.ErrorAs(t, err, new(*batiweb.ValidationError))
	_, err = c.IsSellable(context.Background(), batiweb.SellableRequest{Zipcode: "78180", WorkType: 69, SupplierLeadID: "a\x00"})
	assert.ErrorAs(t, err, new(*batiweb.ValidationError))
	assert.Empty(t, seen(), "nothing is sent")
	lead = validLead()
	lead.Comment = "Peinture de la chambre\net du salon\r\n\tvite"
	assert.NoError(t, lead.Validate())
}

// Issue 16: the sentinels every package shares.
func TestSharedSentinels(t *testing.T) {
	t.Parallel()
	_, err := mocked(t, 200, `{"code":1,"message":"Authentication Failed"}`).Import(context.Background(), validLead())
	assert.ErrorIs(t, err, batiweb.ErrUnauthorized)
	assert.ErrorIs(t, err, batiweb.ErrAuthentication, "the deprecated name still matches")
	assert.NotErrorIs(t, err, batiweb.ErrRejected)
	for _, code := range []string{"2", "3", "4", "5", "6"} {
		_, err := mocked(t, 200, `{"code":`+code+`}`).Import(context.Background(), validLead())
		assert.ErrorIs(t, err, batiweb.ErrRejected, code)
	}
	_, err = mocked(t, 200, `{"code":9}`).Import(context.Background(), validLead())
	assert.NotErrorIs(t, err, batiweb.ErrRejected)
	mt := httpmock.NewMockTransport()
	mt.RegisterNoResponder(func(*http.Request) (*http.Response, error) {
		r := httpmock.NewStringResponse(302, "")
		r.Header.Set("Location", "https://elsewhere.example/x")
		return r, nil
	})
	c, err := batiweb.New("login", password, batiweb.Prep, batiweb.WithHTTPClient(&http.Client{Transport: mt}), batiweb.WithRetry(0, 0, 0))
	require.NoError(t, err)
	_, err = c.Status(context.Background(), "t")
	var e *batiweb.Error
	require.ErrorAs(t, err, &e)
	assert.ErrorIs(t, err, batiweb.ErrRedirect)
	assert.Equal(t, 302, e.StatusCode)
	assert.True(t, errors.Is(err, batiweb.ErrRedirect))
}

// The rule of the wave: what the service sent is never lost. An import
// answer that cannot be read still reaches the caller whole, on the error
// (never in its text); a boolean where text was documented is read.
func TestUnreadableAnswerKeepsWhatWasSent(t *testing.T) {
	t.Parallel()
	body := `{"code":0,"message":"imported for ` + strings.ReplaceAll(password, `"`, `\"`) + `","id":{"n":1001},"token":"` + strings.Repeat("ab", 200) + `"}`
	c, _ := capture(t, body)
	_, err := c.Import(context.Background(), validLead())
	var e *batiweb.Error
	require.ErrorAs(t, err, &e)
	assert.ErrorIs(t, err, batiweb.ErrMalformedResponse)
	assert.Contains(t, string(e.Raw), strings.Repeat("ab", 200), "the token is not lost")
	assert.NotContains(t, string(e.Raw), "Pa55", "secrets are masked")
	assert.NotContains(t, err.Error(), strings.Repeat("ab", 200), "Error() never prints the whole answer")

	c, _ = capture(t, `{"code":0,"message":true,"id":1001,"token":"t"}`)
	res, err := c.Import(context.Background(), validLead())
	require.NoError(t, err)
	assert.Equal(t, &batiweb.ImportResult{ID: "1001", Token: "t", Message: "true"}, res)
}

// Issue 16: an error describes the answer, never our Go types.
func TestErrorsDescribeTheAnswer(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		`{"code":0,"id":{"a":1}}`: `member "id" is a JSON object`,
		`[]`:                      "the answer is a JSON array, not an object",
		`<html>`:                  "the answer is not JSON",
		`{"code":0,"mess`:         "the answer is truncated or empty",
		``:                        "the answer is truncated or empty",
	}
	for body, want := range cases {
		_, err := mocked(t, 200, body).Import(context.Background(), validLead())
		require.Error(t, err)
		assert.Contains(t, err.Error(), want, body)
		for _, internal := range []string{"response.", "Go struct", "wire.", "batiweb.text", "of type"} {
			assert.NotContains(t, err.Error(), internal, body)
		}
	}
	var l batiweb.Lead
	err := json.Unmarshal([]byte(`{"zipcode":{}}`), &l)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "Lead.zipcode")
	assert.NotContains(t, err.Error(), "leadJSON")
}
