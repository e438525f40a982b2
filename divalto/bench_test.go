package divalto_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"testing"

	"github.com/passerelle-go/passerelle/divalto"
)

const benchPageSize = 50

// listServer answers LIST pages of total extended prospects (the seed's
// extended example, numbered), benchPageSize per page, pre-encoded so
// that the server costs little.
func listServer(b *testing.B, total int) *httptest.Server {
	b.Helper()
	tmpl := section(&testing.T{}, seedJSON(b, "get_extended"), "prospect")
	pages := total / benchPageSize
	bodies := make([][]byte, pages+2)
	for page := 1; page <= pages+1; page++ {
		var buf bytes.Buffer
		fmt.Fprintf(&buf, `{"header":{},"data":{"pageNumber":"%d","maxPageNumber":"%d","prospect":[`, page, pages)
		for i := (page - 1) * benchPageSize; i < min(page*benchPageSize, total); i++ {
			if i > (page-1)*benchPageSize {
				buf.WriteByte(',')
			}
			buf.Write(bytes.Replace(tmpl, []byte(`"P0000001"`), []byte(strconv.Quote(fmt.Sprintf("P%07d", i))), 1))
		}
		buf.WriteString(`]}}`)
		bodies[page] = buf.Bytes()
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var env struct {
			Action struct {
				Parameters struct {
					PageNumber int `json:"pageNumber"`
				} `json:"parameters"`
			} `json:"action"`
		}
		if err := json.NewDecoder(r.Body).Decode(&env); err != nil || env.Action.Parameters.PageNumber < 1 {
			http.Error(w, "bad page", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(bodies[min(env.Action.Parameters.PageNumber, len(bodies)-1)])
	}))
	b.Cleanup(srv.Close)
	return srv
}

// peakHeap runs f, sampling the live heap (after a GC) every sample
// calls of the tick it is given, and returns the highest growth seen.
func peakHeap(f func(tick func())) uint64 {
	runtime.GC()
	var base, m runtime.MemStats
	runtime.ReadMemStats(&base)
	var peak uint64
	n := 0
	f(func() {
		if n++; n%1000 != 0 {
			return
		}
		runtime.GC()
		runtime.ReadMemStats(&m)
		if m.HeapAlloc > base.HeapAlloc {
			peak = max(peak, m.HeapAlloc-base.HeapAlloc)
		}
	})
	return peak
}

// BenchmarkAll lists 1,000 and 10,000 extended prospects through All, and
// the same with plain net/http and encoding/json (one struct with the
// pageNumber loop, prospects decoded into maps), against the same local
// server, 50 prospects a page. B/prospect and allocs/prospect are the
// allocations per prospect; peak-live-KB is the live heap's highest
// growth, sampled every 1,000 prospects: it must not grow with the total.
func BenchmarkAll(b *testing.B) {
	for _, total := range []int{1000, 10000} {
		srv := listServer(b, total)
		b.Run(fmt.Sprintf("sdk/%d", total), func(b *testing.B) {
			c, err := divalto.New("ACME", divalto.DefaultEntryPoint, divalto.WithBaseURL(srv.URL))
			if err != nil {
				b.Fatal(err)
			}
			measure(b, total, func(tick func()) int {
				n := 0
				for p, err := range c.Prospects.All(context.Background(), divalto.ListOptions{Type: divalto.Extended}) {
					if err != nil || p.Code == "" {
						b.Fatal(err)
					}
					n++
					tick()
				}
				return n
			})
		})
		b.Run(fmt.Sprintf("plain/%d", total), func(b *testing.B) {
			path, err := divalto.WebhookPath("ACME", divalto.DefaultEntryPoint)
			if err != nil {
				b.Fatal(err)
			}
			url := srv.URL + path
			measure(b, total, func(tick func()) int {
				n := 0
				for page, maxPage := 1, 1; page <= maxPage; page++ {
					req := fmt.Sprintf(`{"header":{"caller":"plain"},"action":{"verb":"LIST","parameters":{"listType":"extended","pageNumber":%d}}}`, page)
					resp, err := http.Post(url, "application/json", bytes.NewBufferString(req))
					if err != nil {
						b.Fatal(err)
					}
					var answer struct {
						Data struct {
							MaxPageNumber string           `json:"maxPageNumber"`
							Prospect      []map[string]any `json:"prospect"`
						} `json:"data"`
					}
					err = json.NewDecoder(resp.Body).Decode(&answer)
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if err != nil {
						b.Fatal(err)
					}
					maxPage, _ = strconv.Atoi(answer.Data.MaxPageNumber)
					for _, p := range answer.Data.Prospect {
						if p["codeprospect"] == "" {
							b.Fatal("no code")
						}
						n++
						tick()
					}
				}
				return n
			})
		})
	}
}

func measure(b *testing.B, total int, list func(tick func()) int) {
	b.Helper()
	b.ReportAllocs()
	var before, after runtime.MemStats
	var peak uint64
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	for range b.N {
		var n int
		peak = max(peak, peakHeap(func(tick func()) { n = list(tick) }))
		if n != total {
			b.Fatalf("listed %d of %d", n, total)
		}
	}
	b.StopTimer()
	runtime.ReadMemStats(&after)
	count := float64(total * b.N)
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/count, "B/prospect")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/count, "allocs/prospect")
	b.ReportMetric(float64(peak)/1024, "peak-live-KB")
	b.ReportMetric(count/b.Elapsed().Seconds(), "prospects/s")
}
