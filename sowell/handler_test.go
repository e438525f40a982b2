package sowell_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/passerelle-go/passerelle/sowell"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const crmToken = "crm-T0KEN"

// memSink keeps a digest of each photo, not the photo, and counts what
// was committed and rolled back.
type memSink struct {
	failures
	mu        sync.Mutex
	committed []*sowell.Report
	digests   map[string][]string
	rollbacks int
}

type failures struct{ failBegin, failAdd, failCommit bool }

type memTx struct {
	s       *memSink
	digests []string
}

func (s *memSink) Lookup(_ context.Context, link string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, r := range s.committed {
		if r.URL == link {
			return fmt.Sprintf("CRM-%d", i+1), nil
		}
	}
	return "", nil
}

func (s *memSink) Begin(context.Context) (sowell.Tx, error) {
	if s.failBegin {
		return nil, errors.New("down")
	}
	return &memTx{s: s}, nil
}

func (t *memTx) AddPhoto(_ context.Context, name string, data io.Reader) error {
	if t.s.failAdd {
		return errors.New("disk full")
	}
	h := sha256.New()
	if _, err := io.Copy(h, data); err != nil {
		return err
	}
	t.digests = append(t.digests, fmt.Sprintf("%s:%x", name, h.Sum(nil)[:4]))
	return nil
}

func (t *memTx) Commit(_ context.Context, r *sowell.Report) (string, error) {
	if t.s.failCommit {
		return "", errors.New("constraint")
	}
	t.s.mu.Lock()
	defer t.s.mu.Unlock()
	t.s.committed = append(t.s.committed, r)
	id := fmt.Sprintf("CRM-%d", len(t.s.committed))
	if t.s.digests == nil {
		t.s.digests = map[string][]string{}
	}
	t.s.digests[id] = t.digests
	return id, nil
}

func (t *memTx) Rollback(context.Context) error {
	t.s.mu.Lock()
	defer t.s.mu.Unlock()
	t.s.rollbacks++
	return nil
}

func wire(photos ...string) map[string]any {
	return map[string]any{
		"qualification": "FUITE_EAU", "residence": "RES-0042", "spot": "LOG-12B", "author": "Martin Claire",
		"author_email": "claire.martin@example.fr", "created_at": "2012-04-23T18:25:43.511Z", "priority": "high",
		"description": "Fuite d'eau", "photos": photos, "url": "https://manager.sowell.example/issues/981", "extra": []any{1, map[string]any{"x": nil}},
	}
}

func post(h http.Handler, body string, mutate ...func(*http.Request)) (int, map[string]any) {
	req := httptest.NewRequest(http.MethodPost, "/sowell/reports", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+crmToken)
	req.Header.Set("Content-Type", "application/json")
	for _, m := range mutate {
		m(req)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var out map[string]any
	_ = json.Unmarshal(rec.Body.Bytes(), &out)
	return rec.Code, out
}

func mustJSON(v any) string { b, _ := json.Marshal(v); return string(b) }

func TestHandlerStoresAReport(t *testing.T) {
	t.Parallel()
	sink := &memSink{}
	h := sowell.NewHandler(sink, sowell.WithBearerToken(crmToken))
	p1, p2 := base64.StdEncoding.EncodeToString([]byte("jpeg one")), base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{0xff, 0xd8}, 5000))
	// JSON may escape "/" and wrap base64 with \n: both are read.
	body := strings.Replace(mustJSON(wire(p1, p2)), p2, strings.ReplaceAll(p2[:40], "/", `\/`)+`\n`+p2[40:], 1)
	status, out := post(h, body)
	require.Equal(t, http.StatusCreated, status, out)
	assert.Equal(t, "CRM-1", out["id"])
	require.Len(t, sink.committed, 1)
	r := sink.committed[0]
	assert.Equal(t, "RES-0042", r.Residence)
	assert.Equal(t, sowell.High, r.Priority)
	assert.True(t, r.CreatedAt.Equal(time.Date(2012, 4, 23, 18, 25, 43, 511e6, time.UTC)))
	sum := func(b []byte) string { h := sha256.Sum256(b); return fmt.Sprintf("%x", h[:4]) }
	assert.Equal(t, []string{"photo-1.jpg:" + sum([]byte("jpeg one")), "photo-2.jpg:" + sum(bytes.Repeat([]byte{0xff, 0xd8}, 5000))}, sink.digests["CRM-1"])

	w := wire()
	w["priority"] = "medium"
	w["url"] = "https://manager.sowell.example/issues/982" // another report: the link is its identity
	delete(w, "spot")
	w["photos"] = nil
	status, out = post(h, mustJSON(w))
	require.Equal(t, http.StatusCreated, status, out)
	assert.Equal(t, sowell.Normal, sink.committed[1].Priority)
}

func TestHandlerStatusCodes(t *testing.T) {
	t.Parallel()
	good := mustJSON(wire(base64.StdEncoding.EncodeToString([]byte("x"))))
	fields := func(out map[string]any) []string {
		var names []string
		list, _ := out["fields"].([]any)
		for _, f := range list {
			names = append(names, f.(map[string]any)["field"].(string))
		}
		return names
	}
	wrongTypes := wire()
	wrongTypes["description"], wrongTypes["residence"], wrongTypes["photos"] = 12, map[string]any{}, "not a list"
	tooMany := make([]string, sowell.MaxPhotos+1)
	for i := range tooMany {
		tooMany[i] = "eA=="
	}
	huge := wire()
	huge["author"] = strings.Repeat("a", 3000)
	invalid := wire()
	invalid["author_email"], invalid["priority"], invalid["created_at"] = "nope", "urgent", "23/04/2012"
	delete(invalid, "residence")

	cases := []struct {
		name   string
		body   string
		mutate func(*http.Request)
		fail   failures
		status int
		fields []string
	}{
		{name: "created", body: good, status: 201},
		{name: "GET", body: good, mutate: func(r *http.Request) { r.Method = http.MethodGet }, status: 405},
		{name: "no token", body: good, mutate: func(r *http.Request) { r.Header.Del("Authorization") }, status: 401},
		{name: "wrong token", body: good, mutate: func(r *http.Request) { r.Header.Set("Authorization", "Bearer nope") }, status: 401},
		{name: "basic auth", body: good, mutate: func(r *http.Request) { r.SetBasicAuth("a", crmToken) }, status: 401},
		{name: "not JSON", body: good, mutate: func(r *http.Request) { r.Header.Set("Content-Type", "text/plain") }, status: 415},
		{name: "truncated", body: good[:len(good)/2], status: 400},
		{name: "not an object", body: `["x"]`, status: 400},
		{name: "truncated base64", body: mustJSON(wire("eA=", "eA==")), status: 400},
		{name: "bad base64", body: mustJSON(wire("!!!!")), status: 400},
		{name: "photo not a string", body: strings.Replace(mustJSON(wire("eA==")), `["eA=="]`, `[1]`, 1), status: 400},
		{name: "wrong types", body: mustJSON(wrongTypes), status: 400, fields: []string{"description", "photos", "residence"}},
		{name: "huge field", body: mustJSON(huge), status: 400, fields: []string{"author"}},
		{name: "too many photos", body: mustJSON(wire(tooMany...)), status: 400, fields: []string{"photos"}},
		{name: "invalid fields", body: mustJSON(invalid), status: 400, fields: []string{"author_email", "created_at", "priority", "residence"}},
		{name: "deep nesting", body: `{"x":` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}`, status: 400},
		{name: "sink down", body: good, fail: failures{failBegin: true}, status: 503},
		{name: "photo store fails", body: good, fail: failures{failAdd: true}, status: 500},
		{name: "commit fails", body: good, fail: failures{failCommit: true}, status: 500},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			sink := &memSink{failures: tc.fail}
			h := sowell.NewHandler(sink, sowell.WithBearerToken(crmToken))
			var mutate []func(*http.Request)
			if tc.mutate != nil {
				mutate = append(mutate, tc.mutate)
			}
			status, out := post(h, tc.body, mutate...)
			assert.Equal(t, tc.status, status, "%v", out)
			if tc.fields != nil {
				got := fields(out)
				assert.ElementsMatch(t, tc.fields, got[:min(len(got), len(tc.fields))], "%v", out)
			}
			if tc.status != 201 {
				assert.Empty(t, sink.committed, "nothing half-stored")
				if tc.status == 400 || tc.status == 500 {
					assert.Equal(t, 1, sink.rollbacks, "the transaction is rolled back")
				}
			}
		})
	}
	h := sowell.NewHandler(&memSink{}) // no token: nobody gets in
	status, _ := post(h, good)
	assert.Equal(t, 401, status)
}

func TestHandlerBodyLimit(t *testing.T) {
	t.Parallel()
	sink := &memSink{}
	h := sowell.NewHandler(sink, sowell.WithBearerToken(crmToken), sowell.WithMaxBodySize(1<<10))
	status, _ := post(h, mustJSON(wire(base64.StdEncoding.EncodeToString(make([]byte, 4<<10)))))
	assert.Equal(t, http.StatusRequestEntityTooLarge, status)
	assert.Empty(t, sink.committed)
	assert.Equal(t, 1, sink.rollbacks)
}

func FuzzHandler(f *testing.F) {
	for _, s := range []string{mustJSON(wire("eA==")), `{}`, `{"photos":["`, `{"a":"\u00e9\ud83d\ude00"}`, `{"description":"\ud800"}`, `{"x":tru}`, `{"photos":[],}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		sink := &memSink{}
		status, _ := post(sowell.NewHandler(sink, sowell.WithBearerToken(crmToken)), body)
		require.Contains(t, []int{201, 400, 413}, status)
		if status == 201 {
			require.Len(t, sink.committed, 1)
			require.NoError(t, json.Unmarshal([]byte(body), new(any)), "only valid JSON is accepted")
		} else {
			require.Empty(t, sink.committed)
		}
	})
}

// photoBody streams a report with n photos of size bytes each, without
// ever holding it.
func photoBody(n, size int) (io.Reader, int64) {
	pr, pw := io.Pipe()
	go func() {
		w := wire()
		delete(w, "photos")
		head := mustJSON(w)
		_, _ = io.WriteString(pw, head[:len(head)-1]+`,"photos":[`)
		chunk := bytes.Repeat([]byte{0xde, 0xad, 0xbe, 0xef}, 3<<10)
		for i := range n {
			if i > 0 {
				_, _ = io.WriteString(pw, ",")
			}
			_, _ = io.WriteString(pw, `"`)
			enc := base64.NewEncoder(base64.StdEncoding, pw)
			for left := size; left > 0; left -= len(chunk) {
				_, _ = enc.Write(chunk[:min(left, len(chunk))])
			}
			_ = enc.Close()
			_, _ = io.WriteString(pw, `"`)
		}
		_, _ = io.WriteString(pw, `]}`)
		_ = pw.Close()
	}()
	return pr, int64(n) * int64(base64.StdEncoding.EncodedLen(size))
}

// BenchmarkHandlerPeakHeap pushes ten 5 MB photos (67 MB of request) and
// reports the peak heap growth while the handler reads it.
func BenchmarkHandlerPeakHeap(b *testing.B) {
	h := sowell.NewHandler(&memSink{}, sowell.WithBearerToken(crmToken))
	var peak atomic.Uint64
	for range b.N {
		body, size := photoBody(10, 5<<20)
		runtime.GC()
		var base runtime.MemStats
		runtime.ReadMemStats(&base)
		done := make(chan struct{})
		go func() {
			var m runtime.MemStats
			for {
				select {
				case <-done:
					return
				case <-time.After(2 * time.Millisecond):
					runtime.ReadMemStats(&m)
					if m.HeapInuse > base.HeapInuse && m.HeapInuse-base.HeapInuse > peak.Load() {
						peak.Store(m.HeapInuse - base.HeapInuse)
					}
				}
			}
		}()
		req := httptest.NewRequest(http.MethodPost, "/", body)
		req.Header.Set("Authorization", "Bearer "+crmToken)
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		close(done)
		if rec.Code != http.StatusCreated {
			b.Fatal(rec.Code, rec.Body.String())
		}
		b.SetBytes(size)
		b.ReportMetric(float64(size)/(1<<20), "request-MB")
	}
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
}
