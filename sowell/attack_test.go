package sowell_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/passerelle-go/passerelle/sowell"
	"github.com/passerelle-go/passerelle/sowell/sowelltest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// countingSink counts the photos handed to it.
type countingSink struct {
	memSink
	added atomic.Int64
	names sync.Map
}

type countingTx struct {
	sowell.Tx
	s *countingSink
}

func (s *countingSink) Begin(ctx context.Context) (sowell.Tx, error) {
	tx, err := s.memSink.Begin(ctx)
	return &countingTx{Tx: tx, s: s}, err
}

func (t *countingTx) AddPhoto(ctx context.Context, name string, data io.Reader) error {
	t.s.added.Add(1)
	if _, dup := t.s.names.LoadOrStore(name, true); dup {
		return fmt.Errorf("photo %s added twice", name)
	}
	return t.Tx.AddPhoto(ctx, name, data)
}

// repeated is a report whose "extra" part is repeated n times in place of
// its photos, streamed.
func repeated(head string, part string, n int, tail string) io.Reader {
	pr, pw := io.Pipe()
	go func() {
		w := wire()
		delete(w, "photos")
		b := mustJSON(w)
		bw := &bytes.Buffer{}
		bw.WriteString(b[:len(b)-1] + "," + head)
		_, _ = pw.Write(bw.Bytes())
		chunk := []byte(strings.Repeat(part, 4096)) // written as bytes: io.WriteString would copy it each time
		for left := n; left > 0; left -= 4096 {
			k := min(left, 4096)
			_, _ = pw.Write(chunk[:k*len(part)])
		}
		_, _ = io.WriteString(pw, tail+"}")
		_ = pw.Close()
	}()
	return pr
}

func postReader(h http.Handler, body io.Reader) (int, []byte) {
	req := httptest.NewRequest(http.MethodPost, "/sowell/reports", body)
	req.Header.Set("Authorization", "Bearer "+crmToken)
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Code, rec.Body.Bytes()
}

type bounded struct {
	Error  string              `json:"error"`
	Fields []sowell.FieldError `json:"fields"`
	More   int                 `json:"more"`
}

// Issue 14 item 7: the problem list is capped and counts the rest.
func TestHandlerProblemListIsBounded(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		body  io.Reader
		field string
		more  int
	}{
		{"100,000 tiny photos", repeated(`"photos":["eA=="`, `,"eA=="`, 99_999, `]`), "photos", 0},
		{"a wrong-typed key repeated", repeated(`"description":1`, `,"description":1`, 99_999, ``), "description", 99_999},
		{"a photos key repeated", repeated(`"photos":[]`, `,"photos":[]`, 50_000, ``), "photos", 49_999},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			sink := &countingSink{}
			status, body := postReader(sowell.NewHandler(sink, sowell.WithBearerToken(crmToken)), tc.body)
			require.Equal(t, http.StatusBadRequest, status, "%.300s", body)
			assert.Less(t, len(body), 2<<10, "the answer stays small")
			var a bounded
			require.NoError(t, json.Unmarshal(body, &a))
			require.Len(t, a.Fields, 1, "%s", body)
			assert.Equal(t, tc.field, a.Fields[0].Field)
			assert.Equal(t, tc.more, a.More)
			assert.LessOrEqual(t, sink.added.Load(), int64(sowell.MaxPhotos))
			assert.Empty(t, sink.committed)
		})
	}
	// The count of photos is in the problem.
	status, body := postReader(sowell.NewHandler(&countingSink{}, sowell.WithBearerToken(crmToken)), repeated(`"photos":["eA=="`, `,"eA=="`, 999, `]`))
	require.Equal(t, 400, status)
	assert.Contains(t, string(body), "holds 1000 photos: at most 20")
}

// Issue 14 item 8: the 20-photo limit counts the whole body, and a key
// given twice is refused.
func TestHandlerRepeatedKeys(t *testing.T) {
	t.Parallel()
	twenty := make([]string, sowell.MaxPhotos)
	for i := range twenty {
		twenty[i] = `"` + base64.StdEncoding.EncodeToString([]byte{0xff, 0xd8, 0xff, byte(i)}) + `"`
	}
	arr := "[" + strings.Join(twenty, ",") + "]"
	base := mustJSON(wire())
	base = base[:len(base)-1]
	cases := []struct {
		name, body, field string
	}{
		{"photos five times", base + strings.Repeat(`,"photos":`+arr, 5) + "}", "photos"},
		{"photos twice, one each", base + `,"photos":["eA=="],"photos":["eQ=="]}`, "photos"},
		{"author twice", base + `,"author":"Someone Else"}`, "author"},
		{"url twice", base + `,"url":"https://manager.sowell.example/issues/1"}`, "url"},
		{"a null given twice", base + `,"spot":null}`, "spot"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			sink := &countingSink{}
			status, body := postReader(sowell.NewHandler(sink, sowell.WithBearerToken(crmToken)), strings.NewReader(tc.body))
			require.Equal(t, http.StatusBadRequest, status, "%s", body)
			var a bounded
			require.NoError(t, json.Unmarshal(body, &a))
			require.NotEmpty(t, a.Fields)
			assert.Equal(t, tc.field, a.Fields[0].Field, "%s", body)
			assert.LessOrEqual(t, sink.added.Load(), int64(sowell.MaxPhotos), "no photo past the limit reaches the sink")
			assert.Empty(t, sink.committed)
			assert.Equal(t, 1, sink.rollbacks)
		})
	}
}

// Issue 14 item 9.
func TestHandlerNeverPrintsItsToken(t *testing.T) {
	t.Parallel()
	h := sowell.NewHandler(&memSink{}, sowell.WithBearerToken(crmToken))
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x"} {
		out := fmt.Sprintf(verb, h)
		assert.NotContains(t, out, crmToken, verb)
		assert.NotContains(t, out, fmt.Sprintf("%x", crmToken), verb)
	}
	assert.Contains(t, fmt.Sprint(h), "sowell.Handler")
}

// Issue 14 item 10: control characters and invalid UTF-8 are refused;
// line breaks are kept where a field may hold them.
func TestHandlerRefusesBadText(t *testing.T) {
	t.Parallel()
	good := mustJSON(wire())
	cases := []struct {
		name, body string
		status     int
		field      string
	}{
		{"raw 0xFF", strings.Replace(good, "Martin Claire", "Martin \xffClaire", 1), 400, "author"},
		{"escaped NUL", strings.Replace(good, "RES-0042", `RES\u00000042`, 1), 400, "residence"},
		{"header injection", strings.Replace(good, "FUITE_EAU", `A\r\nX-Injected: 1`, 1), 400, "qualification"},
		{"lone surrogate", strings.Replace(good, "Martin Claire", `Martin \ud800`, 1), 400, "author"},
		{"DEL in the link", strings.Replace(good, "issues/981", `issues/981\u007f`, 1), 400, "url"},
		{"C1 control", strings.Replace(good, "LOG-12B", `LOG\u008512B`, 1), 400, "spot"},
		{"line breaks in the description", strings.Replace(good, "Fuite d'eau", `Fuite\r\nd'eau\tau plafond`, 1), 201, ""},
		{"accents and emoji", strings.Replace(good, "Martin Claire", `Mart\u00edn Cl\u00e4ire \ud83d\ude00`, 1), 201, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			sink := &memSink{}
			status, out := post(sowell.NewHandler(sink, sowell.WithBearerToken(crmToken)), tc.body)
			require.Equal(t, tc.status, status, "%v", out)
			if tc.status == 400 {
				fields := out["fields"].([]any)
				require.Len(t, fields, 1, "%v", out)
				assert.Equal(t, tc.field, fields[0].(map[string]any)["field"])
				assert.Empty(t, sink.committed)
			}
		})
	}
	sink := &memSink{}
	status, _ := post(sowell.NewHandler(sink, sowell.WithBearerToken(crmToken)), strings.Replace(good, "Fuite d'eau", `Fuite\r\nd'eau`, 1))
	require.Equal(t, 201, status)
	assert.Equal(t, "Fuite\r\nd'eau", sink.committed[0].Description)
}

// Issue 14 item 11 and issue 12: the link is the report's identity.
func TestHandlerAnswersReplaysWithTheFirstID(t *testing.T) {
	t.Parallel()
	sink := &memSink{}
	h := sowell.NewHandler(sink, sowell.WithBearerToken(crmToken))
	body := mustJSON(wire(base64.StdEncoding.EncodeToString([]byte("x"))))
	status, out := post(h, body)
	require.Equal(t, http.StatusCreated, status, out)
	status, again := post(h, body)
	assert.Equal(t, http.StatusOK, status, again)
	assert.Equal(t, out["id"], again["id"])
	assert.Len(t, sink.committed, 1)
	assert.Equal(t, 1, sink.rollbacks, "the replay's photos are rolled back")

	// Ten concurrent pushes of another report: one is stored.
	w := wire(base64.StdEncoding.EncodeToString([]byte("y")))
	w["url"] = "https://manager.sowell.example/issues/1000"
	body = mustJSON(w)
	ids := make([]any, 10)
	codes := make([]int, 10)
	var wg sync.WaitGroup
	for i := range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var o map[string]any
			codes[i], o = post(h, body)
			ids[i] = o["id"]
		}()
	}
	wg.Wait()
	assert.Len(t, sink.committed, 2)
	created := 0
	for i := range 10 {
		assert.Equal(t, ids[0], ids[i])
		assert.Contains(t, []int{200, 201}, codes[i])
		if codes[i] == 201 {
			created++
		}
	}
	assert.Equal(t, 1, created)
	assert.Equal(t, "CRM-2", ids[0])
}

// slowBody sends a report one byte every tick.
type slowBody struct {
	b    []byte
	tick time.Duration
}

func (s *slowBody) Read(p []byte) (int, error) {
	if len(s.b) == 0 {
		return 0, io.EOF
	}
	time.Sleep(s.tick)
	p[0] = s.b[0]
	s.b = s.b[1:]
	return 1, nil
}

// Issue 14 item 11: the handler enforces its own read deadline and
// rolls back.
func TestHandlerReadDeadline(t *testing.T) {
	t.Parallel()
	body := mustJSON(wire(base64.StdEncoding.EncodeToString([]byte("x"))))
	t.Run("on a server", func(t *testing.T) {
		t.Parallel()
		sink := &memSink{}
		srv := httptest.NewServer(sowell.NewHandler(sink, sowell.WithBearerToken(crmToken), sowell.WithReadTimeout(300*time.Millisecond)))
		defer srv.Close()
		req, _ := http.NewRequest(http.MethodPost, srv.URL, &slowBody{b: []byte(body), tick: 20 * time.Millisecond})
		req.Header.Set("Authorization", "Bearer "+crmToken)
		req.Header.Set("Content-Type", "application/json")
		start := time.Now()
		resp, err := srv.Client().Do(req)
		if err == nil {
			assert.Equal(t, http.StatusRequestTimeout, resp.StatusCode)
			resp.Body.Close()
		}
		assert.Less(t, time.Since(start), 3*time.Second)
		require.Eventually(t, func() bool { sink.mu.Lock(); defer sink.mu.Unlock(); return sink.rollbacks == 1 }, 3*time.Second, 10*time.Millisecond)
		assert.Empty(t, sink.committed)
	})
	t.Run("without a connection", func(t *testing.T) {
		t.Parallel()
		sink := &memSink{}
		h := sowell.NewHandler(sink, sowell.WithBearerToken(crmToken), sowell.WithReadTimeout(100*time.Millisecond))
		status, _ := postReader(h, &slowBody{b: []byte(body), tick: 5 * time.Millisecond})
		assert.Equal(t, http.StatusRequestTimeout, status)
		assert.Equal(t, 1, sink.rollbacks)
		assert.Empty(t, sink.committed)
	})
	t.Run("a fast body on the same server", func(t *testing.T) {
		t.Parallel()
		sink := &memSink{}
		srv := httptest.NewServer(sowell.NewHandler(sink, sowell.WithBearerToken(crmToken), sowell.WithReadTimeout(300*time.Millisecond)))
		defer srv.Close()
		for i := range 3 { // the deadline does not outlive its request on a kept-alive connection
			w := wire()
			w["url"] = fmt.Sprintf("https://manager.sowell.example/issues/%d", i)
			req, _ := http.NewRequest(http.MethodPost, srv.URL, strings.NewReader(mustJSON(w)))
			req.Header.Set("Authorization", "Bearer "+crmToken)
			req.Header.Set("Content-Type", "application/json")
			resp, err := srv.Client().Do(req)
			require.NoError(t, err)
			resp.Body.Close()
			assert.Equal(t, http.StatusCreated, resp.StatusCode)
			time.Sleep(350 * time.Millisecond)
		}
	})
}

// Issue 12: a photo's name follows its content.
func TestHandlerNamesPhotosByContent(t *testing.T) {
	t.Parallel()
	contents := [][]byte{
		{0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J', 'F', 'I', 'F'},
		[]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
		[]byte("GIF89a\x01\x00\x01\x00"),
		[]byte("RIFF\x24\x00\x00\x00WEBPVP8 "),
		[]byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3"),
		[]byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00"),
		[]byte("not a known kind"),
	}
	var photos []string
	for _, c := range contents {
		photos = append(photos, base64.StdEncoding.EncodeToString(c))
	}
	sink := &memSink{}
	status, out := post(sowell.NewHandler(sink, sowell.WithBearerToken(crmToken)), mustJSON(wire(photos...)))
	require.Equal(t, 201, status, out)
	var names []string
	for _, p := range sink.committed[0].Photos {
		names = append(names, p.Name)
	}
	assert.Equal(t, []string{"photo-1.jpg", "photo-2.png", "photo-3.gif", "photo-4.webp", "photo-5.pdf", "photo-6.heic", "photo-7.jpg"}, names)
	assert.Equal(t, "photo-3.png", sowell.PhotoName(3, contents[1]))
}

// blindSink finds nothing: another process committed the report between
// its Lookup and its Commit.
type blindSink struct{ *sowelltest.CRM }

func (blindSink) Lookup(context.Context, string) (string, error) { return "", nil }

// Replays across processes: the store's own uniqueness (ErrDuplicate)
// answers the first id.
func TestHandlerReplayThroughCommit(t *testing.T) {
	t.Parallel()
	crm := sowelltest.NewCRM()
	defer crm.Close()
	h := sowell.NewHandler(blindSink{crm}, sowell.WithBearerToken(crmToken))
	body := mustJSON(wire(base64.StdEncoding.EncodeToString([]byte("x"))))
	status, first := post(h, body)
	require.Equal(t, 201, status, first)
	status, again := post(h, body)
	assert.Equal(t, 200, status, again)
	assert.Equal(t, first["id"], again["id"])
	assert.Len(t, crm.Reports(), 1)
	assert.Equal(t, 1, crm.Rollbacks())
}

// Keys are read in any letter case, as encoding/json reads them; the same
// key in two cases is a repeated key.
func TestHandlerKeysIgnoreLetterCase(t *testing.T) {
	t.Parallel()
	good := mustJSON(wire())
	sink := &memSink{}
	h := sowell.NewHandler(sink, sowell.WithBearerToken(crmToken))
	status, out := post(h, strings.Replace(good, `"residence"`, `"Residence"`, 1))
	require.Equal(t, 201, status, out)
	assert.Equal(t, "RES-0042", sink.committed[0].Residence)
	status, out = post(h, strings.Replace(good, `"residence":"RES-0042"`, `"residence":"RES-0042","RESIDENCE":"RES-9"`, 1))
	require.Equal(t, 400, status, out)
	assert.Equal(t, "residence", out["fields"].([]any)[0].(map[string]any)["field"])
}
