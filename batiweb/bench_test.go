package batiweb_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/passerelle-go/passerelle/batiweb"
)

// benchServer answers every import as Batiweb does, after reading the
// request, so that both sides of BenchmarkImport pay the same server cost.
func benchServer(b *testing.B) *httptest.Server {
	answer := []byte(`{"code":0,"message":"Lead correctly imported","id":"1001","token":"8cbc8c20467d8307c8514c642f0db22ec491f622a1d4929192211de70153e3c6"}`)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(answer)
	}))
	b.Cleanup(srv.Close)
	return srv
}

// BenchmarkImport compares Import through the SDK with the same request
// sent with plain net/http and encoding/json, against the same server.
func BenchmarkImport(b *testing.B) {
	srv := benchServer(b)
	lead := validLead()
	ctx := context.Background()

	b.Run("sdk", func(b *testing.B) {
		c, err := batiweb.New("login", "password", batiweb.Prep, batiweb.WithBaseURL(srv.URL))
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for range b.N {
			if _, err := c.Import(ctx, lead); err != nil {
				b.Fatal(err)
			}
		}
	})

	b.Run("plain", func(b *testing.B) {
		hc := &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
		b.ReportAllocs()
		for range b.N {
			body, err := json.Marshal(map[string]any{
				"security": map[string]string{"login": "login", "password": "password", "environment": "PREP"},
				"request":  lead,
			})
			if err != nil {
				b.Fatal(err)
			}
			req, err := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL+"/json/lead/import", bytes.NewReader(body))
			if err != nil {
				b.Fatal(err)
			}
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Accept", "application/json")
			resp, err := hc.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			var out struct {
				Code    int    `json:"code"`
				Message string `json:"message"`
				ID      string `json:"id"`
				Token   string `json:"token"`
			}
			err = json.NewDecoder(resp.Body).Decode(&out)
			resp.Body.Close()
			if err != nil || out.Code != 0 {
				b.Fatal(err, out.Code)
			}
		}
	})
}

// plainImport is BenchmarkImport's baseline: the import sent with plain
// net/http and encoding/json.
func plainImport(ctx context.Context, hc *http.Client, url string, lead *batiweb.Lead) error {
	body, err := json.Marshal(map[string]any{
		"security": map[string]string{"login": "login", "password": "password", "environment": "PREP"},
		"request":  lead,
	})
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url+"/json/lead/import", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var out struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
		ID      string `json:"id"`
		Token   string `json:"token"`
	}
	return json.NewDecoder(resp.Body).Decode(&out)
}

// BenchmarkImportPaired sends one import through the SDK and one with
// plain net/http in each iteration, alternating which goes first, so that
// both meet the same machine load; it reports each side's median time and
// their ratio (sdk/plain), which a loaded machine skews far less than two
// separate benchmarks.
func BenchmarkImportPaired(b *testing.B) {
	srv := benchServer(b)
	lead := validLead()
	ctx := context.Background()
	c, err := batiweb.New("login", "password", batiweb.Prep, batiweb.WithBaseURL(srv.URL))
	if err != nil {
		b.Fatal(err)
	}
	hc := &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
	sdk := func() {
		if _, err := c.Import(ctx, lead); err != nil {
			b.Fatal(err)
		}
	}
	plain := func() {
		if err := plainImport(ctx, hc, srv.URL, lead); err != nil {
			b.Fatal(err)
		}
	}
	sdk() // warm both connections
	plain()
	sdkTimes := make([]time.Duration, 0, b.N)
	plainTimes := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := range b.N {
		first, second, firstTimes, secondTimes := sdk, plain, &sdkTimes, &plainTimes
		if i%2 == 1 {
			first, second, firstTimes, secondTimes = plain, sdk, &plainTimes, &sdkTimes
		}
		t0 := time.Now()
		first()
		t1 := time.Now()
		second()
		*firstTimes = append(*firstTimes, t1.Sub(t0))
		*secondTimes = append(*secondTimes, time.Since(t1))
	}
	b.StopTimer()
	median := func(d []time.Duration) float64 { slices.Sort(d); return float64(d[len(d)/2]) }
	ms, mp := median(sdkTimes), median(plainTimes)
	b.ReportMetric(ms, "sdk-ns/op")
	b.ReportMetric(mp, "plain-ns/op")
	b.ReportMetric(ms/mp, "sdk/plain")
}
