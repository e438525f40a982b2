package easycall_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/passerelle-go/passerelle/easycall"
	"github.com/passerelle-go/passerelle/easycall/easycalltest"
)

// fake is an easycalltest server routing reformas_2026 and a client for it.
func fake(t *testing.T, opts ...easycall.Option) (*easycalltest.Server, *easycall.Client) {
	t.Helper()
	srv := easycalltest.NewServer()
	t.Cleanup(srv.Close)
	srv.AddCampaign("reformas_2026", "Reformas")
	c, err := easycall.New(easycall.TestDomain, easycalltest.Token, append([]easycall.Option{easycall.WithBaseURL(srv.URL), easycall.WithRetry(0, 0, 0)}, opts...)...)
	require.NoError(t, err)
	return srv, c
}

// post sends a raw JSON body to the fake.
func post(t *testing.T, srv *easycalltest.Server, path, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, srv.URL+path, strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+easycalltest.Token)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// Issue 12: ParseLead ignored WithCampaignKey, so every text lead failed
// with a configured campaign key.
func TestParseLeadHonoursCampaignKey(t *testing.T) {
	t.Parallel()
	srv, c := fake(t, easycall.WithCampaignKey("codigo_campana"))
	srv.SetCampaignKey("codigo_campana")
	text := "nombre: Ana\ntelefono_movil: 612000001\ncodigo_campana: reformas_2026\n"
	lead, err := c.ParseLead(strings.NewReader(text))
	require.NoError(t, err)
	assert.Equal(t, "reformas_2026", lead.Campaign)
	assert.Empty(t, lead.Custom)
	_, err = c.Import(context.Background(), lead)
	require.NoError(t, err)
	require.Len(t, srv.Leads(), 1)
	assert.Equal(t, "Reformas", srv.Leads()[0].Campaign)

	out, err := c.MarshalLead(lead)
	require.NoError(t, err)
	assert.Contains(t, string(out), "codigo_campana: reformas_2026\n")
	again, err := c.ParseLead(bytes.NewReader(out))
	require.NoError(t, err)
	assert.Equal(t, lead, again)

	def, err := easycall.ParseLead(strings.NewReader(text))
	require.NoError(t, err)
	assert.Empty(t, def.Campaign, "the package function reads DefaultCampaignKey")
}

// Issue 12: easycalltest serves the document's curl path too.
func TestFakeServesBothPaths(t *testing.T) {
	t.Parallel()
	for _, path := range []string{easycall.DocumentPath, easycall.DefaultPath} {
		srv, c := fake(t, easycall.WithPath(path))
		_, err := c.Import(context.Background(), validLead())
		require.NoError(t, err, path)
		require.Len(t, srv.Leads(), 1)
		assert.Equal(t, path, srv.Leads()[0].Path)
	}
	assert.Equal(t, "/easycall/spring", easycall.DocumentPath)
}

// Issue 12: easycalltest keeps objects, booleans and numbers as sent.
func TestFakeKeepsJSONTypes(t *testing.T) {
	t.Parallel()
	srv, _ := fake(t)
	srv.CreateCustomKeys("notas", "visible", "vacio")
	status, body := post(t, srv, easycall.DefaultPath,
		`{"nome":"Ana","telefono":612000001,"campaign":"reformas_2026","notas":{"a":[1,"x"]},"visible":true,"vacio":null,"latitudine":40.5}`)
	require.Equal(t, http.StatusCreated, status, body)
	got := srv.Leads()[0]
	assert.Equal(t, map[string]any{"nome": "Ana", "telefono": json.Number("612000001"), "latitudine": json.Number("40.5")}, got.Fields)
	assert.Equal(t, map[string]any{"notas": map[string]any{"a": []any{json.Number("1"), "x"}}, "visible": true, "vacio": nil}, got.Custom)
}

// Issue 12: a canonical name and its aliases resolve by the document, not
// by map order: the canonical name wins, then the alias listed first.
func TestFakeAliasPrecedence(t *testing.T) {
	t.Parallel()
	cases := []struct {
		body  string
		field string
		want  string
	}{
		{`{"nombre":"B","nome":"A"}`, "nome", "A"},
		{`{"nome":"A","nombre":"B"}`, "nome", "A"},
		{`{"codigo_postal":"2","cp":"1"}`, "cap", "1"},
		{`{"cp":"1","cap":"0","codigo_postal":"2"}`, "cap", "0"},
		{`{"ciudad":"Y","municipio":"X"}`, "comune", "X"},
		{`{"region":"R","zona":"Z"}`, "regione", "Z"},
		{`{"cuando":"2026-01-02","fecha_presentacion":"2026-01-01"}`, "data_presentazione", "2026-01-01"},
		{`{"nombre y apellido":"N","nombre_completo":"M"}`, "nome_completo", "M"},
	}
	for _, tc := range cases {
		srv, _ := fake(t)
		for range 20 { // map order changes from run to run; the answer must not
			var m map[string]any
			require.NoError(t, json.Unmarshal([]byte(tc.body), &m))
			m["email"], m["campaign"] = "a@b.es", "reformas_2026"
			b, _ := json.Marshal(m)
			status, body := post(t, srv, easycall.DefaultPath, string(b))
			require.Equal(t, http.StatusCreated, status, body)
		}
		for _, l := range srv.Leads() {
			assert.Equal(t, tc.want, l.Fields[tc.field], tc.body)
		}
	}
}

// Issue 16: New takes the domain, a DNS label, and builds the host.
func TestNewBuildsTheDomainURL(t *testing.T) {
	t.Parallel()
	for _, bad := range []string{"", "https://x.web3.easycallcloud.com", "a.b", "-x", "x-", "x_y", "x y", strings.Repeat("a", 64), "é"} {
		c, err := easycall.New(bad, token)
		assert.Nil(t, c)
		assert.Error(t, err, "%q", bad)
	}
	var mu sync.Mutex
	var hosts []string
	mt := httpmock.NewMockTransport()
	mt.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		mu.Lock()
		hosts = append(hosts, r.URL.Scheme+"://"+r.URL.Host+r.URL.Path)
		mu.Unlock()
		return httpmock.NewStringResponse(201, `{"id":1}`), nil
	})
	for _, domain := range []string{easycall.TestDomain, "My-Domain1", strings.Repeat("a", 63)} {
		c, err := easycall.New(domain, token, easycall.WithHTTPClient(&http.Client{Transport: mt}))
		require.NoError(t, err, domain)
		_, err = c.Import(context.Background(), validLead())
		require.NoError(t, err)
	}
	c, err := easycall.New(easycall.TestDomain, token, easycall.WithHTTPClient(&http.Client{Transport: mt}), easycall.WithBaseURL("https://proxy.example/base"), easycall.WithPath("/x"))
	require.NoError(t, err)
	_, err = c.Import(context.Background(), validLead())
	require.NoError(t, err)
	assert.Equal(t, []string{
		"https://test.web3.easycallcloud.com/easycall/spring/lead",
		"https://my-domain1.web3.easycallcloud.com/easycall/spring/lead",
		"https://" + strings.Repeat("a", 63) + ".web3.easycallcloud.com/easycall/spring/lead",
		"https://proxy.example/base/x",
	}, hosts)
	_, err = easycall.New(easycall.TestDomain, "short")
	assert.Error(t, err, "a token under 6 characters is refused")
	for _, key := range []string{"nome", "cp", "email", "Campaign", "codigo campana"} {
		_, err = easycall.New(easycall.TestDomain, token, easycall.WithCampaignKey(key))
		assert.Error(t, err, "campaign key %q", key)
	}
}

// Issue 16: a 2xx whose JSON states a failure does not prove success.
func TestAnswerThatDoesNotProveSuccess(t *testing.T) {
	t.Parallel()
	for _, body := range []string{`{"error":"Campaign not found"}`, `{"errors":["campaign"]}`, `{"success":false,"message":"KO"}`, `{"error":{"code":3}}`} {
		_, err := mocked(t, 200, body).Import(context.Background(), validLead())
		var e *easycall.Error
		require.ErrorAs(t, err, &e, body)
		assert.ErrorIs(t, err, easycall.ErrMalformedResponse, body)
		assert.Equal(t, 200, e.StatusCode)
		assert.NotEmpty(t, e.Message)
		out := mocked(t, 200, body).ImportAll(context.Background(), []*easycall.Lead{validLead()}, easycall.ImportAllOptions{})
		assert.Equal(t, easycall.Uncertain, out[0].Result, body)
	}
	for _, body := range []string{`{"error":null,"id":1}`, `{"error":"","success":true}`, `{"errors":[]}`, `ok`} {
		_, err := mocked(t, 200, body).Import(context.Background(), validLead())
		assert.NoError(t, err, body)
	}
}

func TestRedirectIsNotFollowed(t *testing.T) {
	t.Parallel()
	mt := httpmock.NewMockTransport()
	mt.RegisterNoResponder(func(*http.Request) (*http.Response, error) {
		r := httpmock.NewStringResponse(301, "")
		r.Header.Set("Location", "https://elsewhere.example/")
		return r, nil
	})
	c, err := easycall.New("x", token, easycall.WithHTTPClient(&http.Client{Transport: mt}), easycall.WithRetry(0, 0, 0))
	require.NoError(t, err)
	out := c.ImportAll(context.Background(), []*easycall.Lead{validLead()}, easycall.ImportAllOptions{})
	assert.ErrorIs(t, out[0].Err, easycall.ErrRedirect)
	assert.Equal(t, easycall.Uncertain, out[0].Result)
	assert.Equal(t, 1, mt.GetTotalCallCount())
}

// Issue 14 item 4: a service's text is redacted and bounded.
func TestServiceTextIsRedacted(t *testing.T) {
	t.Parallel()
	res, err := mocked(t, 201, `{"id":7,"message":"ok for `+token+`\u0000"}`).Import(context.Background(), validLead())
	require.NoError(t, err)
	assert.NotContains(t, res.Message, token)
	assert.NotContains(t, res.Message, "\x00")
	assert.Equal(t, "7", res.ID)
	long := strings.Repeat("ñ", 1<<20)
	for _, body := range []string{`{"message":"` + long + `"}`, long} {
		_, err = mocked(t, 400, body).Import(context.Background(), validLead())
		require.Error(t, err)
		assert.LessOrEqual(t, len(err.Error()), 2048)
		_, err = mocked(t, 200, `{"error":"`+long+`"}`).Import(context.Background(), validLead())
		require.Error(t, err)
		assert.LessOrEqual(t, len(err.Error()), 2048)
	}
}

// Issue 14 item 5: bad text in any field the caller sets is refused with
// a field error; line breaks only in custom values.
func TestTextIsRefused(t *testing.T) {
	t.Parallel()
	mt := httpmock.NewMockTransport()
	c, err := easycall.New("x", token, easycall.WithHTTPClient(&http.Client{Transport: mt}))
	require.NoError(t, err)
	for _, name := range easycall.Fields() {
		if name == easycall.FieldLatitudine || name == easycall.FieldLongitudine {
			continue
		}
		for _, bad := range []string{"a\xffb", "a\x00b", "a\nb", "a\r\nX-Injected: 1", "a\x1bb", "a\tb"} {
			lead, err := easycall.ParseLead(strings.NewReader("campaign: reformas_2026\nemail: a@b.es\n"))
			require.NoError(t, err)
			setField(t, lead, name, bad)
			err = lead.Validate()
			var v *easycall.ValidationError
			require.ErrorAs(t, err, &v, "%s %q", name, bad)
			assert.True(t, v.Field(name), "%s %q: %v", name, bad, err)
			_, err = c.Import(context.Background(), lead)
			assert.ErrorAs(t, err, &v)
			_, err = lead.MarshalText()
			assert.Error(t, err, "%s %q cannot be written as text", name, bad)
		}
	}
	lead := validLead()
	lead.Campaign = "reformas\x00"
	assert.ErrorContains(t, lead.Validate(), "campaign")
	lead = validLead()
	lead.Custom = map[string]string{"notas": "línea 1\nlínea 2\r\n\tfin"}
	assert.NoError(t, lead.Validate(), "a custom value may hold line breaks")
	lead.Custom = map[string]string{"notas": "a\x00", "otra": "\xff"}
	var v *easycall.ValidationError
	require.ErrorAs(t, lead.Validate(), &v)
	assert.True(t, v.Field("custom.notas") && v.Field("custom.otra"), "%v", v)
	assert.Zero(t, mt.GetTotalCallCount(), "nothing is sent")

	_, err = easycall.ParseLead(strings.NewReader("nombre: A\x00na\ncp: \xff\nnotas: ok\tok\n"))
	var pe *easycall.ParseError
	require.ErrorAs(t, err, &pe)
	require.Len(t, pe.Lines, 2)
	assert.Equal(t, []int{1, 2}, []int{pe.Lines[0].Line, pe.Lines[1].Line})
	assert.NotContains(t, err.Error(), "\xff")
}

// setField sets a predefined field by its canonical name through the
// text form's setter.
func setField(t *testing.T, l *easycall.Lead, name, v string) {
	t.Helper()
	ptr := map[string]*string{
		"nome": &l.Nome, "cognome": &l.Cognome, "nome_completo": &l.NomeCompleto, "partita_iva": &l.PartitaIVA,
		"codice_fiscale": &l.CodiceFiscale, "telefono_fisso": &l.TelefonoFisso, "telefono_mobile": &l.TelefonoMobile,
		"altro_telefono": &l.AltroTelefono, "telefono": &l.Telefono, "email": &l.Email, "otro": &l.Otro,
		"personalizzato1": &l.Personalizzato1, "personalizzato2": &l.Personalizzato2, "nazione": &l.Nazione,
		"regione": &l.Regione, "provincia": &l.Provincia, "cap": &l.CAP, "comune": &l.Comune, "strada": &l.Strada,
		"data_scadenza": &l.DataScadenza, "data_presentazione": &l.DataPresentazione,
	}[name]
	require.NotNil(t, ptr, name)
	*ptr = v
}

// FuzzClientTextRoundTrip: with any campaign key, a lead read from the
// text form by a client is written back by it and read again unchanged.
func FuzzClientTextRoundTrip(f *testing.F) {
	f.Add("codigo_campana", "nombre: Ana\ncodigo_campana: x_1\nnotas: a:b\n")
	f.Add("campaign", "cp=28001\ncampaign=c\n")
	f.Add("k", "k: v\nk2: w\nlatitud: 1,5")
	f.Fuzz(func(t *testing.T, key, text string) {
		c, err := easycall.New("x", token, easycall.WithCampaignKey(key))
		if err != nil {
			return // not a key EasyCall can have
		}
		lead, err := c.ParseLead(strings.NewReader(text))
		if err != nil {
			return
		}
		if _, isKey := lead.Custom[key]; isKey {
			t.Fatalf("the campaign key %q was read as a custom field", key)
		}
		out, err := c.MarshalLead(lead)
		if err != nil {
			return // a value the text form cannot hold
		}
		again, err := c.ParseLead(bytes.NewReader(out))
		require.NoError(t, err, "%q", out)
		assert.Equal(t, lead, again)
	})
}

// FuzzImportAnswerID: the id EasyCall answers, a JSON string or number,
// keeps its text.
func FuzzImportAnswerID(f *testing.F) {
	f.Add("77", true)
	f.Add("L-1", false)
	f.Add("1e3", true)
	f.Fuzz(func(t *testing.T, id string, asNumber bool) {
		raw, _ := json.Marshal(id)
		var want string
		require.NoError(t, json.Unmarshal(raw, &want))
		if asNumber && jsonNumberRE.MatchString(id) {
			raw = []byte(id)
		}
		res, err := mocked(t, 201, `{"id":`+string(raw)+`}`).Import(context.Background(), validLead())
		require.NoError(t, err)
		assert.Equal(t, want, res.ID)
	})
}

var jsonNumberRE = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)

// TestCommonOptions pins the option set every passerelle client has, and
// this package's own.
func TestCommonOptions(t *testing.T) {
	t.Parallel()
	opts := []easycall.Option{
		easycall.WithBaseURL("https://example.test"), easycall.WithHTTPClient(&http.Client{}), easycall.WithTimeout(time.Second),
		easycall.WithRetry(1, time.Millisecond, time.Second), easycall.WithMaxRetryAfter(time.Second),
		easycall.WithLogger(slog.Default()), easycall.WithUserAgent("ua"), easycall.WithMaxResponseSize(1 << 20),
		easycall.WithPath(easycall.DocumentPath), easycall.WithCampaignKey("codigo"),
	}
	_, err := easycall.New(easycall.TestDomain, token, opts...)
	require.NoError(t, err)
}

// TestAliasesFollowTheDocument: Aliases gives the document's rows in the
// document's order (the fake's precedence relies on it).
func TestAliasesFollowTheDocument(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("testdata/seed-aliases.txt")
	require.NoError(t, err)
	var want []easycall.Alias
	for _, r := range pair.FindAllStringSubmatch(string(b), -1) {
		want = append(want, easycall.Alias{Name: r[1], Field: r[2]})
	}
	assert.Equal(t, want, easycall.Aliases())
}

// The rule of the wave: what EasyCall sent is never lost. Members of odd
// JSON types are read as their text; an error keeps the whole answer,
// secrets masked, without printing it.
func TestAnswerKeepsWhatWasSent(t *testing.T) {
	t.Parallel()
	res, err := mocked(t, 201, `{"id":{"n":1},"message":true}`).Import(context.Background(), validLead())
	require.NoError(t, err)
	assert.Equal(t, `{"n":1}`, res.ID)
	assert.Equal(t, "true", res.Message)
	long := `{"message":"refused","detail":"` + strings.Repeat("x", 2000) + token + `"}`
	_, err = mocked(t, 400, long).Import(context.Background(), validLead())
	var e *easycall.Error
	require.ErrorAs(t, err, &e)
	assert.Contains(t, string(e.Raw), strings.Repeat("x", 2000))
	assert.NotContains(t, string(e.Raw), token)
	assert.NotContains(t, err.Error(), strings.Repeat("x", 600))
}
