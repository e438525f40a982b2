package easycall_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/passerelle-go/passerelle/easycall"
	"github.com/passerelle-go/passerelle/easycall/easycalltest"
	"github.com/passerelle-go/passerelle/internal/fault"
	"github.com/passerelle-go/passerelle/internal/fault/faultmatrix"
	"github.com/passerelle-go/passerelle/internal/transport"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const token = "tok-S3CRET-123"

var pair = regexp.MustCompile(`"([^"]+)",\s*"([^"]+)"`)

// TestAliasTableIsTheSeeds checks CanonicalField row by row against the
// seed's table of predefined fields (kept verbatim in testdata).
func TestAliasTableIsTheSeeds(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("testdata/seed-aliases.txt")
	require.NoError(t, err)
	rows := pair.FindAllStringSubmatch(string(b), -1)
	require.Len(t, rows, 31)
	canonical := map[string]bool{}
	for _, r := range rows {
		got, ok := easycall.CanonicalField(r[1])
		assert.True(t, ok, r[1])
		assert.Equal(t, r[2], got, "alias %q", r[1])
		c, ok := easycall.CanonicalField(r[2])
		assert.True(t, ok && c == r[2], "canonical %q resolves to itself", r[2])
		canonical[r[2]] = true
	}
	assert.Len(t, canonical, 23)
	assert.Len(t, easycall.Fields(), 23)
	for _, f := range easycall.Fields() {
		assert.True(t, canonical[f], "%s is in the seed", f)
	}
	for _, name := range []string{"  TELEFONO_MOVIL ", "nombre  y  apellido"} {
		_, ok := easycall.CanonicalField(name)
		assert.True(t, ok, name)
	}
	_, ok := easycall.CanonicalField("chiave_nueva")
	assert.False(t, ok)
}

func TestSeedExtractIsVerbatim(t *testing.T) {
	t.Parallel()
	seed, err := os.ReadFile("../../shared/seeds/003_e689fed7934eda46.txt")
	if err != nil {
		t.Skip("the seed is not beside this checkout")
	}
	b, err := os.ReadFile("testdata/seed-aliases.txt")
	require.NoError(t, err)
	assert.Contains(t, string(seed), string(b))
}

func f64(v float64) *float64 { return &v }

func TestValidate(t *testing.T) {
	t.Parallel()
	err := (&easycall.Lead{
		Campaign: "dos palabras", Email: "no-mail", TelefonoFisso: "abc", Latitudine: f64(91), Longitudine: f64(-181),
		DataScadenza: "31/02/2026", DataPresentazione: "ayer",
		Custom: map[string]string{"Chiave": "x", "chiave nueva": "x", "telefono_movil": "x", "campaign": "x", "ok_key_2": "x"},
	}).Validate()
	var v *easycall.ValidationError
	require.ErrorAs(t, err, &v)
	var got []string
	for _, f := range v.Fields {
		got = append(got, f.Field)
	}
	assert.Equal(t, []string{"campaign", "telefono_fisso", "email", "latitudine", "longitudine",
		"custom.Chiave", "custom.campaign", "custom.chiave nueva", "custom.telefono_movil"}, got)

	err = (&easycall.Lead{Campaign: "c"}).Validate()
	require.ErrorAs(t, err, &v)
	assert.True(t, v.Field("email"), "a phone or an e-mail is required")
	for _, ok := range []easycall.Lead{
		{Campaign: "c", Email: "a@b.es"},
		{Campaign: "c", Telefono: "612345678", Latitudine: f64(-90), Longitudine: f64(180), DataScadenza: "2026-12-31", DataPresentazione: "2026-11-22 10:30"},
		{Campaign: "c", AltroTelefono: "612345678", DataPresentazione: "2026-11-22T10:30:00+01:00", Custom: map[string]string{"codice_promo": "X1"}},
	} {
		assert.NoError(t, ok.Validate())
	}
}

func TestTextRoundTrip(t *testing.T) {
	t.Parallel()
	lead := &easycall.Lead{
		Nome: "Lucía", Cognome: "García", NomeCompleto: "Lucía García", PartitaIVA: "B12345678", CodiceFiscale: "X1234567L",
		TelefonoFisso: "910000000", TelefonoMobile: "612345678", AltroTelefono: "699999999", Telefono: "600000000",
		Email: "lucia@example.es", Otro: "x", Personalizzato1: "p1", Personalizzato2: "p=2", Nazione: "ES", Regione: "Madrid",
		Provincia: "Madrid", CAP: "28001", Comune: "Madrid", Strada: "Calle Mayor 1: 2º", Latitudine: f64(40.4168), Longitudine: f64(-3.7038),
		DataScadenza: "2026-12-31", DataPresentazione: "2026-11-22 10:30", Campaign: "reformas_2026",
		Custom: map[string]string{"notas": "llamar: tarde", "tipo_inmueble": "piso", "servicio_requerido": "reforma", "codice_promo": "P1"},
	}
	text, err := lead.MarshalText()
	require.NoError(t, err)
	back, err := easycall.ParseLead(bytes.NewReader(text))
	require.NoError(t, err)
	assert.Equal(t, lead, back)

	// Aliases and both separators read into the same lead.
	alias, err := easycall.ParseLead(strings.NewReader("correo_electronico=lucia@example.es\ncodigo_postal: 28001\nlatitud=40,4168\ncuando: 2026-11-22 10:30\n"))
	require.NoError(t, err)
	assert.Equal(t, "lucia@example.es", alias.Email)
	assert.Equal(t, "28001", alias.CAP)
	assert.Equal(t, 40.4168, *alias.Latitudine)
	assert.Equal(t, "2026-11-22 10:30", alias.DataPresentazione)

	_, err = (&easycall.Lead{Nome: "a\nb"}).MarshalText()
	assert.Error(t, err)
	_, err = easycall.ParseLead(strings.NewReader("latitud: norte\n: x\nok: 1\nok=2"))
	var pe *easycall.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, []int{1, 2, 4}, []int{pe.Lines[0].Line, pe.Lines[1].Line, pe.Lines[2].Line})
}

func mocked(t *testing.T, status int, body string) *easycall.Client {
	t.Helper()
	mt := httpmock.NewMockTransport()
	mt.RegisterNoResponder(httpmock.NewStringResponder(status, body))
	c, err := easycall.New("x", token, easycall.WithHTTPClient(&http.Client{Transport: mt}), easycall.WithRetry(0, 0, 0))
	require.NoError(t, err)
	return c
}

func validLead() *easycall.Lead {
	return &easycall.Lead{Nome: "Ana", TelefonoMobile: "612000001", Campaign: "reformas_2026"}
}

func TestImportAnswers(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for status, body := range map[int]string{200: ``, 201: `{"id":77,"message":"ok"}`, 202: `<html>accepted</html>`, 204: ``} {
		res, err := mocked(t, status, body).Import(ctx, validLead())
		require.NoError(t, err, "any 2xx is success")
		assert.Equal(t, status, res.StatusCode)
		if status == 201 {
			assert.Equal(t, "77", res.ID)
		}
	}
	_, err := mocked(t, 401, `{"message":"bad token"}`).Import(ctx, validLead())
	assert.ErrorIs(t, err, easycall.ErrUnauthorized)
	_, err = mocked(t, 400, `{"message":"Unknown field(s): chiave"}`).Import(ctx, validLead())
	assert.ErrorIs(t, err, easycall.ErrRejected)
	var e *easycall.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "Unknown field(s): chiave", e.Message)
	_, err = mocked(t, 400, `plain text reason`).Import(ctx, validLead())
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "plain text reason", e.Message)
	_, err = mocked(t, 500, `<html>oops</html>`).Import(ctx, validLead())
	require.ErrorAs(t, err, &e)
	assert.Equal(t, 500, e.StatusCode)
	assert.NotErrorIs(t, err, easycall.ErrRejected)
}

func TestFakeServerRules(t *testing.T) {
	t.Parallel()
	srv := easycalltest.NewServer()
	defer srv.Close()
	srv.AddCampaign("reformas_2026", "Reformas")
	c, err := easycall.New(easycall.TestDomain, easycalltest.Token, easycall.WithBaseURL(srv.URL), easycall.WithRetry(0, 0, 0))
	require.NoError(t, err)
	ctx := context.Background()
	lead := validLead()
	lead.Custom = map[string]string{"tipo_inmueble": "piso"}
	_, err = c.Import(ctx, lead)
	var e *easycall.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "Unknown field(s): tipo_inmueble", e.Message, "a key exists only once created in EasyCall")
	srv.CreateCustomKeys("tipo_inmueble")
	_, err = c.Import(ctx, lead)
	require.NoError(t, err)
	got := srv.Leads()
	require.Len(t, got, 1)
	assert.Equal(t, map[string]any{"nome": "Ana", "telefono_mobile": "612000001"}, got[0].Fields)
	assert.Equal(t, map[string]any{"tipo_inmueble": "piso"}, got[0].Custom)

	bad, _ := easycall.New(easycall.TestDomain, "wrong-token", easycall.WithBaseURL(srv.URL))
	_, err = bad.Import(ctx, validLead())
	assert.ErrorIs(t, err, easycall.ErrUnauthorized)

	srv.SetCampaignKey("codigo_campana")
	other, _ := easycall.New(easycall.TestDomain, easycalltest.Token, easycall.WithBaseURL(srv.URL), easycall.WithCampaignKey("codigo_campana"))
	_, err = other.Import(ctx, validLead())
	require.NoError(t, err)
	_, err = easycall.New(easycall.TestDomain, token, easycall.WithBaseURL(srv.URL), easycall.WithCampaignKey("Código"))
	assert.Error(t, err)
}

func TestImportAllOutcomes(t *testing.T) {
	t.Parallel()
	srv := easycalltest.NewServer()
	defer srv.Close()
	srv.AddCampaign("reformas_2026", "Reformas")
	c, err := easycall.New(easycall.TestDomain, easycalltest.Token, easycall.WithBaseURL(srv.URL), easycall.WithRetry(0, 0, 0), easycall.WithTimeout(200*time.Millisecond))
	require.NoError(t, err)
	leads := make([]*easycall.Lead, 40)
	for i := range leads {
		leads[i] = &easycall.Lead{Nome: fmt.Sprint(i), Telefono: fmt.Sprintf("6120000%02d", i), Campaign: "reformas_2026"}
	}
	srv.FailNext(1, easycalltest.Fault{Kind: easycalltest.DropAfter})
	srv.FailNext(1, easycalltest.Fault{Kind: easycalltest.Unavailable})
	out := c.ImportAll(context.Background(), leads, easycall.ImportAllOptions{Concurrency: 1})
	require.Len(t, out, 40)
	count := map[easycall.Result]int{}
	for i, o := range out {
		assert.Equal(t, i, o.Index)
		count[o.Result]++
	}
	assert.Equal(t, map[easycall.Result]int{easycall.Uncertain: 1, easycall.NotSent: 1, easycall.Done: 38}, count)
	assert.Equal(t, easycall.Uncertain, out[0].Result, "processed then dropped: it did arrive")
	assert.Equal(t, easycall.NotSent, out[1].Result, "503: not processed")
	assert.Len(t, srv.Leads(), 39, "every lead sent once, the dropped one included")

	// A context that ends stops the batch: the rest are NotSent, none twice.
	ctx, cancel := context.WithCancel(context.Background())
	var started atomic.Int32
	slow := easycalltest.NewServer()
	defer slow.Close()
	slow.AddCampaign("reformas_2026", "Reformas")
	slow.FailNext(1000, easycalltest.Fault{Kind: easycalltest.Stall, Duration: 50 * time.Millisecond})
	sc, _ := easycall.New(easycall.TestDomain, easycalltest.Token, easycall.WithBaseURL(slow.URL), easycall.WithRetry(0, 0, 0))
	go func() {
		for started.Load() == 0 {
			time.Sleep(time.Millisecond)
		}
		cancel()
	}()
	started.Store(1)
	out = sc.ImportAll(ctx, leads, easycall.ImportAllOptions{Concurrency: 4})
	notSent := 0
	for _, o := range out {
		if o.Result == easycall.NotSent {
			notSent++
		}
		assert.NotEqual(t, easycall.Done, o.Result)
	}
	assert.Greater(t, notSent, 30)
}

func TestTokenNeverShows(t *testing.T) {
	t.Parallel()
	srv := easycalltest.NewServer()
	defer srv.Close()
	srv.SetToken(token)
	var logs bytes.Buffer
	c, err := easycall.New(easycall.TestDomain, token, easycall.WithBaseURL(srv.URL), easycall.WithRetry(1, time.Millisecond, time.Millisecond), easycall.WithTimeout(100*time.Millisecond),
		easycall.WithLogger(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	require.NoError(t, err)
	var shown []any
	for _, f := range []easycalltest.Fault{{Kind: easycalltest.HTMLPage}, {Kind: easycalltest.Drop}, {Kind: easycalltest.Stall}, {Kind: easycalltest.Unavailable}} {
		srv.FailNext(1, f)
		_, err := c.Import(context.Background(), validLead())
		shown = append(shown, err, errors.Unwrap(err))
	}
	_, err = mocked(t, 401, `{"message":"bad token `+token+`"}`).Import(context.Background(), validLead())
	shown = append(shown, err, c, *c)
	for _, v := range shown {
		for _, verb := range []string{"%v", "%+v", "%#v"} {
			assert.NotContains(t, fmt.Sprintf(verb, v), token)
		}
	}
	require.Contains(t, logs.String(), "passerelle: retrying")
	assert.NotContains(t, logs.String(), token)
}

func TestFaultMatrix(t *testing.T) {
	t.Parallel()
	faultmatrix.Run(t, []faultmatrix.Method{{
		Name: "Import", Kind: transport.NotIdempotent,
		Typed: func(err error) bool { var e *easycall.Error; return errors.As(err, &e) },
		// Any 2xx is success: a truncated body after a 201 is still an import.
		Succeeds: []fault.Kind{fault.Truncated},
		Setup: func(t *testing.T) (func(int, fault.Fault), func(context.Context) error, func() int) {
			srv := easycalltest.NewServer()
			t.Cleanup(srv.Close)
			srv.AddCampaign("reformas_2026", "Reformas")
			c, err := easycall.New(easycall.TestDomain, easycalltest.Token, easycall.WithBaseURL(srv.URL), easycall.WithTimeout(faultmatrix.Timeout),
				easycall.WithRetry(faultmatrix.Retries, faultmatrix.MinWait, faultmatrix.MaxWait), easycall.WithMaxRetryAfter(faultmatrix.MaxRetryAfter))
			require.NoError(t, err)
			return faultmatrix.Injector(srv.FailNext), func(ctx context.Context) error {
				_, err := c.Import(ctx, validLead())
				return err
			}, func() int { return len(srv.Leads()) }
		},
	}})
}

type bodyTransport []byte

func (b bodyTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	status := 200
	if len(b) > 0 {
		status = 200 + int(b[0])%300 // 200..499
	}
	return &http.Response{StatusCode: status, Header: http.Header{}, Body: io.NopCloser(bytes.NewReader(b)), Request: r}, nil
}

func FuzzImportAnswer(f *testing.F) {
	for _, s := range []string{``, `{"id":1}`, `{"message":"` + token + `"}`, `<html>`, "\x90{\"message\":\"no\"}", "\xc8" + token, `{"id":{"x":1}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		c, err := easycall.New("x", token, easycall.WithBaseURL("https://x.test"), easycall.WithHTTPClient(&http.Client{Transport: bodyTransport(body)}), easycall.WithRetry(0, 0, 0))
		require.NoError(t, err)
		res, err := c.Import(context.Background(), validLead())
		if err != nil {
			var e *easycall.Error
			require.ErrorAs(t, err, &e)
			assert.NotContains(t, err.Error(), token)
			return
		}
		assert.NotContains(t, res.Body+res.Message+res.ID, token)
	})
}

func FuzzParseLead(f *testing.F) {
	for _, s := range []string{"nombre: Ana\ncp=28001\n", "latitud: 1,5\nnotas: a:b=c", "x", ":", "nombre: a\nnombre: b", "campaign: c\ntipo: d\n\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lead, err := easycall.ParseLead(strings.NewReader(s))
		if err != nil {
			var pe *easycall.ParseError
			require.ErrorAs(t, err, &pe)
			require.NotEmpty(t, pe.Lines)
			return
		}
		text, err := lead.MarshalText()
		if err != nil {
			return // a value with a line break cannot be written back
		}
		again, err := easycall.ParseLead(bytes.NewReader(text))
		require.NoError(t, err, "%q", text)
		assert.Equal(t, lead, again, "the text form round-trips")
	})
}
