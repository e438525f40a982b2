package divalto_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/passerelle-go/passerelle/divalto"
	"github.com/passerelle-go/passerelle/divalto/divaltotest"
	"github.com/passerelle-go/passerelle/internal/fault/faultmatrix"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// getThenPut reads the prospect weavy answers (prospect is its JSON
// object), checks it passes Validate, writes it back with Put and returns
// it with the "prospect" object Put sent.
func getThenPut(t *testing.T, prospect string) (*divalto.Prospect, map[string]json.RawMessage) {
	t.Helper()
	c, rec := mocked(t, []answer{{200, `{"header":{},"data":{"prospect":` + prospect + `}}`}, {200, `{"header":{}}`}})
	p, err := c.Prospects.Get(context.Background(), "P1", divalto.GetOptions{ResultType: divalto.Extended})
	require.NoError(t, err)
	require.NoError(t, p.Validate(), "a prospect just read passes Put's validation")
	out, err := c.Prospects.Put(context.Background(), divalto.ProspectRecord{Prospect: p})
	require.NoError(t, err)
	require.Equal(t, divalto.Done, out[0].Result)
	var data struct {
		Prospect map[string]json.RawMessage `json:"prospect"`
	}
	require.NoError(t, json.Unmarshal(rec.sent(1).Data, &data))
	return p, data.Prospect
}

func TestIssue12DashedCodeIsNotADataType(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, field, value string
		want               divalto.Ref
		sent               string
	}{
		{"bare code with a dash", "generictype_ID_prospectFamily", "GRAND-EST", divalto.Ref{Code: "GRAND-EST"}, `"CUSTOMER_FAMILY-GRAND-EST"`},
		{"upper-case code with a dash", "generictype_ID_market", "BIG-BOX", divalto.Ref{Code: "BIG-BOX"}, `"MARKET-BIG-BOX"`},
		{"qualified code", "generictype_ID_prospectFamily", "CUSTOMER_FAMILY-Est", divalto.NewRef("CUSTOMER_FAMILY", "Est"), `"CUSTOMER_FAMILY-Est"`},
		{"qualified code with a dash", "generictype_ID_country", "COUNTRY-FR-CA", divalto.NewRef("COUNTRY", "FR-CA"), `"COUNTRY-FR-CA"`},
		{"another data type's prefix is a code", "generictype_ID_country", "CIVILITY-M", divalto.Ref{Code: "CIVILITY-M"}, `"COUNTRY-CIVILITY-M"`},
	} {
		p, sent := getThenPut(t, `{"codeprospect":"P1","name":"X","`+tc.field+`":"`+tc.value+`"}`)
		got := map[string]divalto.Ref{"generictype_ID_prospectFamily": p.Family, "generictype_ID_market": p.Market, "generictype_ID_country": p.Country}[tc.field]
		assert.Equal(t, tc.want, got, tc.name)
		assert.JSONEq(t, tc.sent, string(sent[tc.field]), tc.name)
	}

	// A caller's reference of another data type is still refused.
	p := &divalto.Prospect{Code: "P1", Name: "X", Family: divalto.NewRef("COUNTRY", "FR")}
	var v *divalto.ValidationError
	require.ErrorAs(t, p.Validate(), &v)
	assert.True(t, v.Field("prospect.generictype_ID_prospectFamily"))
}

func TestIssue12ServiceValuesAreNotRefused(t *testing.T) {
	t.Parallel()
	// Values weavy holds that the SDK would refuse from the caller.
	weavy := `{"codeprospect":"P1","name":"` + strings.Repeat("N", 300) + `","email":"a@b.fr;c@d.fr",` +
		`"confirmationEmail":"not an e-mail","workforce":"2.5","discountRate":"n/a","postalCode":"12345678901234567",` +
		`"city":"DIJON\nCEDEX","vacationStart":"31/12/2020","divinf_remtyp1":"9",` +
		`"generictype_ID_prospectType":"CTP","generictype_ID_customerType":"CTSUS","internalcodeprospect":"P1"}`
	p, sent := getThenPut(t, weavy)
	assert.Equal(t, "a@b.fr;c@d.fr", p.Email)
	assert.JSONEq(t, `"a@b.fr;c@d.fr"`, string(sent["email"]), "sent back unchanged")
	assert.JSONEq(t, `"2.5"`, string(sent["workforce"]))
	assert.JSONEq(t, `"31/12/2020"`, string(sent["vacationStart"]))
	assert.JSONEq(t, `"9"`, string(sent["divinf_remtyp1"]))

	// The same values set by the caller are refused.
	for field, set := range map[string]func(*divalto.Prospect){
		"email":                       func(p *divalto.Prospect) { p.Email = "x@y.fr;z@y.fr" },
		"confirmationEmail":           func(p *divalto.Prospect) { p.ConfirmationEmail = "nope" },
		"workforce":                   func(p *divalto.Prospect) { p.Workforce = "3.5" },
		"discountRate":                func(p *divalto.Prospect) { p.DiscountRate = "NaN" },
		"name":                        func(p *divalto.Prospect) { p.Name = strings.Repeat("M", 256) },
		"city":                        func(p *divalto.Prospect) { p.City = "LYON\r\nX-Injected: 1" },
		"generictype_ID_customerType": func(p *divalto.Prospect) { p.CustomerType = divalto.Ref{Code: "CTCLI"} },
	} {
		q := *p
		set(&q)
		err := q.Validate()
		var v *divalto.ValidationError
		require.ErrorAs(t, err, &v, field)
		assert.True(t, v.Field("prospect."+field), "%s: %v", field, err)
		assert.Len(t, v.Fields, 1, "%s: only the caller's value: %v", field, err)
	}
}

func TestIssue12WorkforceIsAnInt(t *testing.T) {
	t.Parallel()
	for value, ok := range map[divalto.Number]bool{"23": true, "-1": true, " 7 ": true, "2.5": false, "1e3": false, "many": false, "": true} {
		err := (&divalto.Prospect{Code: "P1", Name: "X", Workforce: value}).Validate()
		if ok {
			assert.NoError(t, err, value)
		} else {
			var v *divalto.ValidationError
			require.ErrorAs(t, err, &v, value)
			assert.True(t, v.Field("prospect.workforce"), value)
		}
	}
	// A Double is any decimal number.
	assert.NoError(t, (&divalto.Prospect{Code: "P1", Name: "X", Area: "12.5", DiscountRate: "-1.5e2"}).Validate())
}

func TestIssue12TypesThatDisagree(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		p     divalto.Prospect
		field string
	}{
		{"types", divalto.Prospect{ProspectType: divalto.Ref{Code: "CTP"}, CustomerType: divalto.NewRef("CUSTOMER_TYPE", "CTSUS")}, "generictype_ID_customerType"},
		{"potentials", divalto.Prospect{ProspectPotential: divalto.Ref{Code: "A"}, CustomerPotential: divalto.Ref{Code: "B"}}, "generictype_ID_customerPotential"},
	} {
		tc.p.Code, tc.p.Name = "P1", "X"
		var v *divalto.ValidationError
		require.ErrorAs(t, tc.p.Validate(), &v, tc.name)
		assert.True(t, v.Field("prospect."+tc.field), tc.name)
	}
	// Agreeing, one bare and one qualified, they pass.
	assert.NoError(t, (&divalto.Prospect{Code: "P1", Name: "X", ProspectType: divalto.Ref{Code: "CTP"}, CustomerType: divalto.CustomerTypeProspect}).Validate())
}

func TestIssue12PotentialGoesOutUnderItsPUTName(t *testing.T) {
	t.Parallel()
	example := strings.Replace(string(section(t, seedJSON(t, "get_extended"), "prospect")), `"P0000001"`, `"P1"`, 1)
	_, sent := getThenPut(t, example)
	assert.JSONEq(t, `"CUSTOMER_POTENTIAL-B"`, string(sent["generictype_ID_customerPotential"]))
	assert.NotContains(t, sent, "generictype_ID_prospectPotential", "GET's name is not a PUT field")
	assert.JSONEq(t, `"CUSTOMER_TYPE-CTP"`, string(sent["generictype_ID_prospectType"]))

	// Through the fake, which speaks the document's PUT names only.
	srv := divaltotest.NewServer()
	t.Cleanup(srv.Close)
	c, err := divalto.New(divaltotest.Company, divaltotest.EntryPoint, divalto.WithBaseURL(srv.URL))
	require.NoError(t, err)
	ctx := context.Background()
	_, err = c.Prospects.Put(ctx, divalto.ProspectRecord{Prospect: &divalto.Prospect{Code: "P1", Name: "X", ProspectPotential: divalto.Ref{Code: "B"}}})
	require.NoError(t, err)
	got, err := c.Prospects.Get(ctx, "P1", divalto.GetOptions{ResultType: divalto.Extended})
	require.NoError(t, err)
	assert.Equal(t, divalto.Ref{Code: "B"}, got.ProspectPotential)
	got.ProspectPotential = divalto.Ref{Code: "A"}
	_, err = c.Prospects.Put(ctx, divalto.ProspectRecord{Prospect: got})
	require.NoError(t, err)
	stored, _ := srv.Prospect("P1")
	assert.Equal(t, divalto.NewRef("CUSTOMER_POTENTIAL", "A"), stored.CustomerPotential)
	assert.False(t, stored.Has("generictype_ID_prospectPotential"))
}

func TestIssue12RelatedFlagsTakeAnyValue(t *testing.T) {
	t.Parallel()
	related := `[{"baseuser":{"codebaseuser":"25","structureNav":"2","supervisor":1,"gpsManual":true,"techIsSedentary":"oui"},` +
		`"productdepot":{"codeproductdepot":"V1","vehicle":"2","main":"","automaticReception":"x"}}]`
	c, _ := mocked(t, ok(`{"data":{"prospect":{"codeprospect":"P1"},"related":`+related+`}}`))
	p, err := c.Prospects.Get(context.Background(), "P1", divalto.GetOptions{ResultType: divalto.ExtendedRelated})
	require.NoError(t, err, `"structureNav":"2" must not fail the GET`)
	u := p.Related.BaseUser
	assert.Equal(t, divalto.Flag("2"), u.StructureNav)
	assert.Equal(t, divalto.Flag("1"), u.Supervisor)
	assert.True(t, u.Supervisor.On())
	assert.Equal(t, divalto.Flag("true"), u.GPSManual)
	assert.Equal(t, divalto.Flag("x"), p.Related.ProductDepot.AutomaticReception)
	_, known := u.StructureNav.Bool()
	assert.False(t, known)
	out, err := json.Marshal(p.Related)
	require.NoError(t, err)
	assert.JSONEq(t, related[1:len(related)-1], string(out), "every value survives, in its JSON type")
}

func TestIssue12ValuesKeepTheirJSONType(t *testing.T) {
	t.Parallel()
	_, sent := getThenPut(t, `{"codeprospect":"P1","name":"X","workforce":25,"discountRate":0.5,"blocked":true,"isIndividual":0,`+
		`"unused":"oui","divinf_remtyp1":2,"divinf_rftctrcod":"Oui","city":null,"address2":"","siretNumber":123,"vacationStart":"2026-03-29 02:30:00","x_custom":{"a":[1]}}`)
	for field, want := range map[string]string{
		"workforce": `25`, "discountRate": `0.5`, "blocked": `true`, "isIndividual": `0`, "unused": `"oui"`,
		"divinf_remtyp1": `2`, "divinf_rftctrcod": `"Oui"`, "city": `null`, "address2": `""`, "siretNumber": `123`,
		"vacationStart": `"2026-03-29 02:30:00"`, "x_custom": `{"a":[1]}`,
	} {
		assert.Equal(t, want, string(sent[field]), field)
	}
}

func TestIssue12UndecodableAnswerKeepsItsRawJSON(t *testing.T) {
	t.Parallel()
	body := `{"data":{"prospect":[{"codeprospect":"P1","blocked":"maybe","name":"Secret Name"},"P2"]}}`
	c, _ := mocked(t, ok(body))
	_, err := c.Prospects.Get(context.Background(), "P1", divalto.GetOptions{})
	require.ErrorIs(t, err, divalto.ErrMalformedResponse)
	var e *divalto.Error
	require.ErrorAs(t, err, &e)
	assert.JSONEq(t, body, string(e.Raw), "nothing weavy sent is lost")
	assert.NotContains(t, err.Error(), "Secret Name")
	assert.NotContains(t, err.Error(), "divalto.Prospect", "no Go type names")
	assert.Contains(t, err.Error(), "prospect[1]", "names what could not be read")
}

func TestIssue14CompanyCodeStaysInItsSegment(t *testing.T) {
	t.Parallel()
	faultmatrix.RunPathIDs(t, []faultmatrix.PathID{{
		Name: "New",
		Setup: func(t *testing.T) (func(context.Context, string) error, func() []string) {
			srv := divaltotest.NewServer()
			t.Cleanup(srv.Close)
			return func(ctx context.Context, id string) error {
				c, err := divalto.New(id, divaltotest.EntryPoint, divalto.WithBaseURL(srv.URL), divalto.WithRetry(0, 0, 0))
				if err != nil {
					return err
				}
				_, err = c.Prospects.Get(ctx, "P1", divalto.GetOptions{})
				return err
			}, srv.Paths
		},
	}})

	path, err := divalto.WebhookPath("ACME/../../other", "SPEWHK_A&c=B")
	require.NoError(t, err)
	assert.Equal(t, "/v1/entrypoints/ACME%2F..%2F..%2Fother/webhook/?c=SPEWHK_A%26c%3DB", path)
	for _, code := range []string{"..", ".", "", "A\x00B", "\xff"} {
		_, err := divalto.New(code, divalto.DefaultEntryPoint)
		var v *divalto.ValidationError
		require.ErrorAs(t, err, &v, "%q", code)
		assert.True(t, v.Field("companyCode"), "%q: %v", code, err)
	}
}

func TestIssue16RedirectIsTyped(t *testing.T) {
	t.Parallel()
	c, rec := mocked(t, []answer{{302, ``}})
	out, err := c.Prospects.Put(context.Background(), divalto.ProspectRecord{Prospect: prospect("P1")})
	require.Error(t, err)
	assert.True(t, errors.Is(err, divalto.ErrRedirect), "%v", err)
	assert.Equal(t, divalto.Uncertain, out[0].Result, "a redirect does not prove the write")
	assert.Equal(t, 1, rec.count())
}

func TestIssue14BadTextIsRefusedBeforeSending(t *testing.T) {
	t.Parallel()
	c, rec := mocked(t, ok(`{}`))
	p := &divalto.Prospect{Code: "P1", Name: "CHEZ \xffSOI", City: "DIJON\nCEDEX", Comment: "ligne 1\nligne 2", Activity: "a\x00b",
		Country: divalto.Ref{Code: "F\x01R"}}
	_, err := c.Prospects.Put(context.Background(), divalto.ProspectRecord{Prospect: p, Users: []divalto.ProspectUser{{Code: "U\xfe", BaseUser: "25"}}})
	var v *divalto.ValidationError
	require.ErrorAs(t, err, &v)
	for _, f := range []string{"name", "city", "activity", "generictype_ID_country"} {
		assert.True(t, v.Field("records[0].prospect."+f), "%s: %v", f, err)
	}
	assert.True(t, v.Field("records[0].prospectuser[0].codeprospectuser"), "%v", err)
	assert.False(t, v.Field("records[0].prospect.comment"), "a Text field may hold line breaks")
	assert.Len(t, v.Fields, 5, "%v", err)
	assert.NotContains(t, err.Error(), "SOI", "the error never holds the value")
	assert.Zero(t, rec.count(), "nothing sent")
}

func TestSendNullAndSendEmptyWinOverWeavysForm(t *testing.T) {
	t.Parallel()
	var p divalto.Prospect
	require.NoError(t, json.Unmarshal([]byte(`{"codeprospect":"P1","blocked":false,"unused":true,"workforce":0}`), &p))
	p.Unused = false
	require.NoError(t, p.SendNull("blocked"))
	require.NoError(t, p.SendEmpty("unused"))
	b, err := json.Marshal(p)
	require.NoError(t, err)
	assert.JSONEq(t, `{"codeprospect":"P1","blocked":null,"unused":"0","workforce":0}`, string(b))
}
