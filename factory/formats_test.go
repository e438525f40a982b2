package factory_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/passerelle-go/passerelle/factory"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDateTimeFormats(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		wire string
		utc  time.Time
	}{
		{"20260115093000", time.Date(2026, 1, 15, 8, 30, 0, 0, time.UTC)}, // CET
		{"20260715093000", time.Date(2026, 7, 15, 7, 30, 0, 0, time.UTC)}, // CEST
	} {
		d, err := factory.ParseDateTime(tc.wire)
		require.NoError(t, err)
		assert.True(t, d.Equal(tc.utc), tc.wire)
		assert.Equal(t, tc.wire, d.String())
		assert.Equal(t, tc.wire, factory.NewDateTime(tc.utc).String(), "written in Europe/Paris")
		var fromJSON factory.DateTime
		require.NoError(t, json.Unmarshal([]byte(`"`+tc.wire+`"`), &fromJSON))
		assert.True(t, fromJSON.Equal(tc.utc))
		require.NoError(t, json.Unmarshal([]byte(tc.wire), &fromJSON), "a number is read too")
		assert.True(t, fromJSON.Equal(tc.utc))
	}
	for _, bad := range []string{"2026-01-15", "20261315093000", "2026011509300", ""} {
		_, err := factory.ParseDateTime(bad)
		assert.Error(t, err, bad)
	}
	b, _ := json.Marshal(factory.DateTime{})
	assert.Equal(t, `""`, string(b))

	// A value La Factory sent that does not parse is kept and sent back.
	var odd factory.DateTime
	require.NoError(t, json.Unmarshal([]byte(`"15/01/2026 09:30"`), &odd))
	assert.Equal(t, "15/01/2026 09:30", odd.Raw)
	assert.False(t, odd.Valid())
	b, _ = json.Marshal(odd)
	assert.Equal(t, `"15/01/2026 09:30"`, string(b))
	assert.Error(t, json.Unmarshal([]byte(`{}`), &odd))

	d, err := factory.ParseDate("19880402")
	require.NoError(t, err)
	assert.Equal(t, factory.NewDate(1988, 4, 2).Time, d.Time)
	assert.Equal(t, "19880402", d.String())
	_, err = factory.ParseDate("02/04/1988")
	assert.Error(t, err)
	var bd factory.Date
	require.NoError(t, json.Unmarshal([]byte(`"1988-04-02"`), &bd))
	assert.Equal(t, "1988-04-02", bd.String())
	p := factory.Project{Channel: "web", BirthDate: bd}
	var v *factory.ValidationError
	require.ErrorAs(t, p.Validate(), &v)
	assert.True(t, v.Field("date_naissance"))
}

func TestLotCodeAndCodes(t *testing.T) {
	t.Parallel()
	for _, ok := range []factory.LotCode{"12345_0012", "AB12C_00A1"} {
		require.NoError(t, ok.Validate(), ok)
		prog, lot, err := ok.Split()
		require.NoError(t, err)
		assert.Equal(t, string(ok), prog+"_"+lot)
		assert.Len(t, prog, 5)
		assert.Len(t, lot, 4)
	}
	for _, bad := range []factory.LotCode{"1234_0012", "12345-0012", "12345_12", "", "12345_00123", "1234é_0012", "12345_0012_1"} {
		assert.Error(t, bad.Validate(), bad)
		_, _, err := bad.Split()
		assert.Error(t, err, bad)
	}
	c, err := factory.NewLotCode("59001", "0012")
	require.NoError(t, err)
	assert.Equal(t, factory.LotCode("59001_0012"), c)

	for _, ok := range []string{"59350", "2A004", "2B033", "97411"} {
		assert.True(t, factory.ValidINSEE(ok), ok)
	}
	for _, bad := range []string{"2C004", "5935", "593500", "", "2a004", "59 35"} {
		assert.False(t, factory.ValidINSEE(bad), bad)
	}
	assert.True(t, factory.ValidPostalCode("59000"))
	assert.False(t, factory.ValidPostalCode("2A000"))
}

// bodyTransport answers every request with HTTP 200 and body.
type bodyTransport []byte

func (b bodyTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(bytes.NewReader(b)), Request: r}, nil
}

func FuzzAnswer(f *testing.F) {
	project := `{"factoryprojectid":"FP-1","nom":"Durand","date_acquisition":"20260101120000","code_lot":"12345_0012"}`
	quoted, _ := json.Marshal(`{"Operation":{"Set":{"Data":` + project + `}}}`)
	for _, seed := range []string{
		project, string(quoted), `{"Operation":{"Set":{"Data":null}}}`, `{"Operation":{"Set":{"Data":[]}}}`,
		`{"Operation":{"Set":{"Data":[` + project + `]}}}`, `{"error":{"erCode":"1","erMessage":"` + apiKey + `"}}`,
		`<html>` + apiKey + `</html>`, `{"Operation":{"Set":{"Data":{"nom":`, `[{"if_name":"Web","if_code":"web"}]`,
		`{"Operation":{"Set":{"Data":[{"ir_programid":"P","if_salesoffice":[{"ressources":[{"if_is_sellerforlive":"oui"}]}]}]}}}`,
		`"\"\\\"x\\\"\""`, `{"date_naissance":{}}`, `{"salutation":12}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		c, err := factory.New(apiKey, factory.Acceptance, factory.WithBaseURL("https://factory.example.test"), factory.WithHTTPClient(&http.Client{Transport: bodyTransport(body)}), factory.WithRetry(0, 0, 0))
		require.NoError(t, err)
		ctx := context.Background()
		check := func(err error) {
			if err == nil {
				return
			}
			var e *factory.Error
			require.True(t, errors.As(err, &e), "%T: %v", err, err)
			assert.NotContains(t, err.Error(), apiKey)
		}
		p, err := c.NextProject(ctx)
		check(err)
		var malformed *factory.Error
		if errors.As(err, &malformed) && errors.Is(err, factory.ErrMalformedResponse) {
			require.NotEmpty(t, malformed.Raw, "what La Factory handed out reaches the caller")
		}
		if err == nil {
			require.NotEmpty(t, p.FactoryProjectID)
			_, err = json.Marshal(p)
			require.NoError(t, err, "a decoded project re-encodes")
		}
		_, err = c.Programs(ctx)
		check(err)
		_, err = c.Channels(ctx)
		check(err)
		_, err = c.Acknowledge(ctx, "FP-1", "CC-1")
		check(err)
	})
}

func FuzzDateTimeAndLotCode(f *testing.F) {
	for _, s := range []string{"20260115093000", "20260329023000", "19880402", "12345_0012", "", "99999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d, err := factory.ParseDateTime(s); err == nil {
			again, err := factory.ParseDateTime(d.String())
			require.NoError(t, err)
			assert.True(t, again.Equal(d.Time))
		}
		if d, err := factory.ParseDate(s); err == nil {
			assert.Equal(t, s, d.String())
		}
		var dt factory.DateTime
		b, _ := json.Marshal(s)
		if json.Unmarshal(b, &dt) == nil && strings.TrimSpace(s) != "" && dt.Raw != "" {
			out, err := json.Marshal(dt)
			require.NoError(t, err)
			assert.JSONEq(t, string(mustJSON(strings.TrimSpace(s))), string(out), "kept as sent")
		}
		if lc := factory.LotCode(s); lc.Validate() == nil {
			prog, lot, err := lc.Split()
			require.NoError(t, err)
			assert.Equal(t, s, prog+"_"+lot)
		}
	})
}

func mustJSON(s string) []byte { b, _ := json.Marshal(s); return b }
