package batiweb_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/passerelle-go/passerelle/batiweb"
	"github.com/passerelle-go/passerelle/batiweb/batiwebtest"
)

// postLead posts a lead to the fake as a raw request, past the client's
// Validate, and returns the answer's code.
func postLead(t *testing.T, srv *batiwebtest.Server, field, phone string) float64 {
	t.Helper()
	m := map[string]any{"email": "a@b.fr", "city": "X", "zipcode": "78180", "isowner": "1", field: phone,
		"firstname": "A", "lastname": "B", "civility": "M.", "workdescription": "Peinture", "worktype": 69}
	body := fmt.Sprintf(`{"security":{"login":%q,"password":%q,"environment":"PREP"},"request":%s}`, batiwebtest.Login, batiwebtest.Password, mustJSON(m))
	resp, err := http.Post(srv.URL+"/json/lead/import", "application/json", strings.NewReader(body))
	require.NoError(t, err)
	defer resp.Body.Close()
	var a map[string]any
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&a))
	code, _ := a["code"].(float64)
	return code
}

// The audit: the client checked phones with libphonenumber, the fake with
// a stricter rule of its own, so a landline the client sent as written got
// code 2 from the fake. The fake now applies the client's rule set (region
// FR): what Validate accepts the fake imports, what it refuses the fake
// answers code 2 — both ways.
func TestFakePhoneRuleIsTheClients(t *testing.T) {
	t.Parallel()
	cases := []struct {
		phone string
		valid bool
	}{
		{"01/77/78/10/00", true},
		{"01 77 78 10 00 ext. 12", true},
		{"tel:+33177781000", true},
		{"0177781000", true},
		{"+33 6 12 34 56 78", true},
		{"06.12.34.56.78", true},
		{"+34 612 34 56 78", true},
		{"12", false},
		{"abc", false},
		{"0177", false},
		{"+33 1 77 78 10 00 00 00", false},
	}
	for _, field := range []string{"cellphone", "landline"} {
		for _, tc := range cases {
			t.Run(field+" "+tc.phone, func(t *testing.T) {
				t.Parallel()
				srv := batiwebtest.NewServer()
				defer srv.Close()
				srv.Sell("")
				lead := validLead()
				lead.Cellphone = ""
				if field == "cellphone" {
					lead.Cellphone = tc.phone
				} else {
					lead.Landline = tc.phone
				}
				err := lead.Validate()
				if !tc.valid {
					var v *batiweb.ValidationError
					require.ErrorAs(t, err, &v, "the client refuses %q", tc.phone)
					assert.True(t, v.Field(field))
					assert.Equal(t, float64(batiweb.CodeMissingArgument), postLead(t, srv, field, tc.phone), "the fake refuses it too")
					return
				}
				require.NoError(t, err, "the client accepts %q", tc.phone)
				assert.Equal(t, float64(0), postLead(t, srv, field, tc.phone), "the fake accepts what the client sends")
				c, err := batiweb.New(batiwebtest.Login, batiwebtest.Password, batiweb.Prep, batiweb.WithBaseURL(srv.URL))
				require.NoError(t, err)
				lead.Email = "other@example.fr"
				_, err = c.Import(context.Background(), lead)
				require.NoError(t, err, "the client's Import through the fake")
				leads := srv.Leads()
				require.Len(t, leads, 2)
				got := leads[1].Lead
				assert.Equal(t, tc.phone, got.Cellphone+got.Landline, "sent and kept as written")
			})
		}
	}
}

// The audit: a status with a label the table does not hold, or a code
// written as a JSON float, failed the call with ErrMalformedResponse.
// Whatever the service sent decodes; the raw status stays readable.
func TestStatusUnknownIsKept(t *testing.T) {
	t.Parallel()
	cases := []struct {
		body, raw string
		want      batiweb.LeadStatus
	}{
		{`{"token":"T","status":"Rappel"}`, "Rappel", 0},
		{`{"token":"T","status":1.0}`, "1.0", batiweb.StatusValidated},
		{`{"token":"T","status":"12"}`, "12", batiweb.StatusDuplicate},
		{`{"token":"T","status":12}`, "12", batiweb.StatusDuplicate},
		{`{"token":"T","status":"Doublon"}`, "Doublon", batiweb.StatusDuplicate},
		{`{"token":"T","status":99}`, "99", batiweb.LeadStatus(99)},
		{`{"token":"T","status":1e1}`, "1e1", batiweb.StatusNoRealProject},
		{`{"token":"T","status":2.5}`, "2.5", 0},
		{`{"token":"T","status":true}`, "true", 0},
		{`{"token":"T","status":"NaN"}`, "NaN", 0},
		{`{"token":"T","status":"0x1p4"}`, "0x1p4", 0},
		{`{"token":"T","status":"1e300"}`, "1e300", 0},
		{`{"token":"T","status":"-4"}`, "-4", batiweb.LeadStatus(-4)},
		{`{"token":"T","status":{"code":1}}`, `{"code":1}`, 0},
		{`{"token":"T","status":["x"]}`, `["x"]`, 0},
		{`{"token":"T","status":null}`, "", 0},
		{`{"token":"T"}`, "", 0},
		{`{"status":"Rappel"}`, "Rappel", 0},
	}
	for _, tc := range cases {
		t.Run(tc.body, func(t *testing.T) {
			t.Parallel()
			st, err := mocked(t, 200, tc.body).Status(context.Background(), "T")
			require.NoError(t, err, "whatever the service sent decodes")
			assert.Equal(t, tc.want, st.Status)
			assert.Equal(t, tc.raw, st.RawStatus)
		})
	}
	_, err := mocked(t, 200, `{"statusLabel":"x"}`).Status(context.Background(), "T")
	assert.ErrorIs(t, err, batiweb.ErrMalformedResponse, "neither a token nor a status: nothing proves an answer")
}

// FuzzStatusAnyValue is the rule for the status member: any JSON value
// the service puts there decodes, the token is kept, and a whole number
// is kept as the code.
func FuzzStatusAnyValue(f *testing.F) {
	for _, v := range []string{`"Rappel"`, `1.0`, `12`, `"12"`, `true`, `null`, `{"a":[1]}`, `[]`, `-0`, `1e2`, `"Doublon"`, `"\u0000"`} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v string) {
		if !json.Valid([]byte(v)) {
			return
		}
		body := `{"token":"T","status":` + v + `}`
		st, err := mocked(t, 200, body).Status(context.Background(), "T")
		require.NoError(t, err, body)
		assert.Equal(t, "T", st.Token)
		var n int
		if json.Unmarshal([]byte(v), &n) == nil {
			assert.Equal(t, batiweb.LeadStatus(n), st.Status, body)
		}
	})
}
