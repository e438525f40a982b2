package easycall_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/passerelle-go/passerelle/easycall"
)

const batch = 10000

func benchLeads() []*easycall.Lead {
	leads := make([]*easycall.Lead, batch)
	for i := range leads {
		leads[i] = &easycall.Lead{Nome: "Lead", Cognome: fmt.Sprint(i), TelefonoMobile: fmt.Sprintf("6%08d", i),
			Email: fmt.Sprintf("lead%d@example.es", i), Campaign: "reformas_2026", Custom: map[string]string{"tipo_inmueble": "piso"}}
	}
	return leads
}

func benchServer(b *testing.B) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		_, _ = io.WriteString(w, `{"id":"L-1","message":"Lead imported"}`)
	}))
	b.Cleanup(srv.Close)
	return srv
}

// BenchmarkImportAll sends 10,000 leads at concurrency 16 through
// ImportAll, and the same load with plain net/http and encoding/json, to
// the same local server; each op is the whole batch.
func BenchmarkImportAll(b *testing.B) {
	srv := benchServer(b)
	leads := benchLeads()
	ctx := context.Background()
	report := func(b *testing.B, start time.Time) {
		b.ReportMetric(float64(batch*b.N)/time.Since(start).Seconds(), "leads/s")
	}

	b.Run("sdk", func(b *testing.B) {
		c, err := easycall.New(easycall.TestDomain, "token-bench", easycall.WithBaseURL(srv.URL))
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		start := time.Now()
		for range b.N {
			for _, o := range c.ImportAll(ctx, leads, easycall.ImportAllOptions{Concurrency: 16}) {
				if o.Result != easycall.Done {
					b.Fatal(o.Err)
				}
			}
		}
		report(b, start)
	})

	b.Run("plain", func(b *testing.B) {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.MaxIdleConnsPerHost = 32
		hc := &http.Client{Transport: tr}
		send := func(l *easycall.Lead) error {
			body, err := json.Marshal(l.Values(easycall.DefaultCampaignKey))
			if err != nil {
				return err
			}
			req, err := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL+easycall.DefaultPath, bytes.NewReader(body))
			if err != nil {
				return err
			}
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Authorization", "Bearer token-bench")
			resp, err := hc.Do(req)
			if err != nil {
				return err
			}
			defer resp.Body.Close()
			var out struct{ ID, Message string }
			if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || resp.StatusCode/100 != 2 {
				return fmt.Errorf("status %d: %v", resp.StatusCode, err)
			}
			return nil
		}
		b.ReportAllocs()
		start := time.Now()
		for range b.N {
			next := make(chan *easycall.Lead)
			var wg sync.WaitGroup
			for range 16 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for l := range next {
						if err := send(l); err != nil {
							b.Error(err)
						}
					}
				}()
			}
			for _, l := range leads {
				next <- l
			}
			close(next)
			wg.Wait()
		}
		report(b, start)
	})
}
