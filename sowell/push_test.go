package sowell_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/passerelle-go/passerelle/internal/fault/faultmatrix"
	"github.com/passerelle-go/passerelle/sowell"
	"github.com/passerelle-go/passerelle/sowell/sowelltest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// answering is a CRM that drains the push and answers status, header
// and body.
func answering(t *testing.T, status int, header http.Header, body string) (string, *atomic.Int32) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		_, _ = io.Copy(io.Discard, r.Body)
		for k, v := range header {
			w.Header()[k] = v
		}
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv.URL, &hits
}

// Issue 12: any 2xx is a success; the CRM UID comes from the usual keys
// or the Location header, configurable.
func TestPushAcceptsAny2xx(t *testing.T) {
	t.Parallel()
	loc := http.Header{"Location": {"/sowell/reports/L-9"}}
	cases := []struct {
		name   string
		status int
		header http.Header
		body   string
		opts   []sowell.Option
		uid    string
	}{
		{"201 id", 201, nil, `{"id":"CRM-1"}`, nil, "CRM-1"},
		{"202 uid", 202, nil, `{"uid":"U-1"}`, nil, "U-1"},
		{"200 crmUid number", 200, nil, `{"crmUid":42}`, nil, "42"},
		{"200 CRM_UID upper case", 200, nil, `{"CRM_UID":"X"}`, nil, "X"},
		{"201 Location only", 201, loc, ``, nil, "L-9"},
		{"201 body before Location", 201, loc, `{"id":"B"}`, nil, "B"},
		{"204 nothing", 204, nil, ``, nil, ""},
		{"201 HTML", 201, nil, `<html>created</html>`, nil, ""},
		{"configured key", 201, nil, `{"id":"no","ref":"R-7"}`, []sowell.Option{sowell.WithUIDKeys("ref")}, "R-7"},
		{"Location off", 201, loc, ``, []sowell.Option{sowell.WithUIDFromLocation(false)}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			u, hits := answering(t, tc.status, tc.header, tc.body)
			c, err := sowell.NewCRMClient(u, sowelltest.Token, append(tc.opts, sowell.WithRetry(0, 0, 0))...)
			require.NoError(t, err)
			rc, err := c.Push(context.Background(), report())
			require.NoError(t, err, "a created report is never reported as failed")
			assert.Equal(t, tc.uid, rc.CRMUID)
			assert.Equal(t, tc.status, rc.StatusCode)
			assert.Equal(t, "981", rc.SoWellID)
			assert.Equal(t, int32(1), hits.Load())
		})
	}
}

// Issue 12: SoWell's id is derived from the link, configurably.
func TestPushDerivesTheSoWellID(t *testing.T) {
	t.Parallel()
	for link, want := range map[string]string{
		"https://manager.sowell.example/issues/981":      "981",
		"https://manager.sowell.example/issues/981/":     "981",
		"https://manager.sowell.example/i/a%2Fb?tab=1#x": "a/b",
	} {
		got, err := sowell.IDFromLink(link)
		require.NoError(t, err, link)
		assert.Equal(t, want, got, link)
	}
	for _, bad := range []string{"https://manager.sowell.example/", "https://manager.sowell.example", "/issues/1", "https://x.example/a/.."} {
		_, err := sowell.IDFromLink(bad)
		assert.Error(t, err, bad)
	}
	crm := sowelltest.NewCRM()
	defer crm.Close()
	c, err := sowell.NewCRMClient(crm.URL, sowelltest.Token, sowell.WithSoWellID(func(link string) (string, error) {
		return strings.TrimPrefix(link, "https://manager.sowell.example/issues/") + "-x", nil
	}))
	require.NoError(t, err)
	rc, err := c.Push(context.Background(), report())
	require.NoError(t, err)
	assert.Equal(t, "981-x", rc.SoWellID)

	d, _ := sowell.NewCRMClient(crm.URL, sowelltest.Token)
	r := report()
	r.URL = "https://manager.sowell.example/"
	_, err = d.Push(context.Background(), r)
	var v *sowell.ValidationError
	require.ErrorAs(t, err, &v)
	assert.True(t, v.Field("url"))
	assert.Len(t, crm.Reports(), 1)
}

// countingReader fails the test if it is read.
type countingReader struct{ reads atomic.Int32 }

func (c *countingReader) Read(p []byte) (int, error) { c.reads.Add(1); return len(p), nil }

// Issue 14 item 5: Push checks the handler's limits before sending.
func TestPushRefusesBeforeSending(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		mutate func(*sowell.Report)
		field  string
	}{
		{"3,000-byte residence", func(r *sowell.Report) { r.Residence = strings.Repeat("R", 3000) }, "residence"},
		{"invalid UTF-8", func(r *sowell.Report) { r.Author = "Martin \xff" }, "author"},
		{"NUL", func(r *sowell.Report) { r.Qualification = "A\x00B" }, "qualification"},
		{"CRLF in a one-line field", func(r *sowell.Report) { r.Spot = "A\r\nX-Injected: 1" }, "spot"},
		{"description too long", func(r *sowell.Report) { r.Description = strings.Repeat("d", sowell.MaxDescription+1) }, "description"},
		{"21 photos", func(r *sowell.Report) { r.Photos = make([]sowell.Photo, 21) }, "photos"},
		{"known sizes over the limit", func(r *sowell.Report) {
			r.Photos = []sowell.Photo{{Data: bytes.NewReader(make([]byte, 90<<20))}}
		}, "photos"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			u, hits := answering(t, 201, nil, `{"id":"x"}`)
			c, err := sowell.NewCRMClient(u, sowelltest.Token)
			require.NoError(t, err)
			r := report()
			big := &countingReader{}
			r.Photos = []sowell.Photo{{Data: big}}
			tc.mutate(r)
			_, err = c.Push(context.Background(), r)
			var v *sowell.ValidationError
			require.ErrorAs(t, err, &v)
			assert.True(t, v.Field(tc.field), "%v", err)
			assert.Zero(t, hits.Load(), "nothing was sent")
			assert.Zero(t, big.reads.Load(), "no photo was read")
		})
	}
	// A description may hold line breaks.
	r := report()
	r.Description = "ligne 1\r\nligne 2\ttab"
	require.NoError(t, r.Validate())
}

// A stream larger than the limit is cut, not sent whole.
func TestPushStopsAnOversizedStream(t *testing.T) {
	t.Parallel()
	crm := sowelltest.NewCRM()
	defer crm.Close()
	c, err := sowell.NewCRMClient(crm.URL, sowelltest.Token, sowell.WithMaxPushSize(64<<10), sowell.WithRetry(0, 0, 0))
	require.NoError(t, err)
	r := report()
	r.Photos = []sowell.Photo{{Data: io.LimitReader(&countingReader{}, 1<<20)}}
	_, err = c.Push(context.Background(), r)
	require.Error(t, err)
	assert.Empty(t, crm.Reports())
}

// Issue 14 item 3.
func TestUpdateStatusKeepsTheIDInOneSegment(t *testing.T) {
	t.Parallel()
	faultmatrix.RunPathIDs(t, []faultmatrix.PathID{{
		Name: "UpdateStatus",
		Setup: func(t *testing.T) (func(context.Context, string) error, func() []string) {
			sw := sowelltest.NewSoWell()
			t.Cleanup(sw.Close)
			c, err := sowell.NewClient(sw.URL, sowelltest.Token, sowell.WithRetry(0, 0, 0))
			require.NoError(t, err)
			return func(ctx context.Context, id string) error { return c.UpdateStatus(ctx, id, sowell.Done) }, sw.Paths
		},
	}})
	sw := sowelltest.NewSoWell()
	defer sw.Close()
	c, err := sowell.NewClient(sw.URL, sowelltest.Token)
	require.NoError(t, err)
	require.NoError(t, c.UpdateStatus(context.Background(), "../../../admin/users/1", sowell.Done))
	assert.Equal(t, []string{"/api/issue_reports/..%2F..%2F..%2Fadmin%2Fusers%2F1/status"}, sw.Paths())
	assert.Equal(t, "../../../admin/users/1", sw.Updates()[0].ReportID)
	for _, id := range []string{"", ".", ".."} {
		var v *sowell.ValidationError
		require.ErrorAs(t, c.UpdateStatus(context.Background(), id, sowell.Done), &v, id)
		assert.True(t, v.Field("id"))
	}
	assert.Len(t, sw.Paths(), 1)
}

// Issue 16: one error vocabulary.
func TestErrorSentinels(t *testing.T) {
	t.Parallel()
	cases := []struct {
		status int
		body   string
		is     error
		msg    string
	}{
		{401, `{"error":"unauthorized"}`, sowell.ErrUnauthorized, "unauthorized"},
		{403, ``, sowell.ErrUnauthorized, ""},
		{400, `{"error":"invalid report","fields":[{"field":"residence","problem":"is required"}]}`, sowell.ErrRejected, "invalid report"},
		{422, `{"message":"nope"}`, sowell.ErrRejected, "nope"},
		{404, `{}`, sowell.ErrNotFound, ""},
		{500, `<html>boom</html>`, sowell.ErrMalformedResponse, ""},
		{302, ``, sowell.ErrRedirect, ""},
	}
	for _, tc := range cases {
		t.Run(fmt.Sprint(tc.status), func(t *testing.T) {
			t.Parallel()
			u, _ := answering(t, tc.status, http.Header{"Location": {"https://elsewhere.example/"}}, tc.body)
			c, err := sowell.NewClient(u, sowelltest.Token, sowell.WithRetry(0, 0, 0))
			require.NoError(t, err)
			err = c.UpdateStatus(context.Background(), "981", sowell.Done)
			require.ErrorIs(t, err, tc.is)
			var e *sowell.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, tc.status, e.StatusCode)
			assert.Equal(t, tc.msg, e.Message)
			assert.NotContains(t, err.Error(), "sowell.")
			assert.NotContains(t, err.Error(), sowelltest.Token)
			for _, other := range []error{sowell.ErrUnauthorized, sowell.ErrRejected, sowell.ErrNotFound} {
				if other != tc.is {
					assert.NotErrorIs(t, err, other)
				}
			}
		})
	}
	u, _ := answering(t, 400, nil, `{"error":"invalid report","fields":[{"field":"residence","problem":"is required"}]}`)
	c, _ := sowell.NewCRMClient(u, sowelltest.Token)
	_, err := c.Push(context.Background(), report())
	var e *sowell.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, []sowell.FieldError{{Field: "residence", Problem: "is required"}}, e.Fields)
}

// Issue 12: the status map can target any SoWell status; the channel is
// compared without letter case.
func TestNotifierTargetsAnyStatus(t *testing.T) {
	t.Parallel()
	sw := sowelltest.NewSoWell()
	defer sw.Close()
	sw.Accept("closed")
	c, err := sowell.NewClient(sw.URL, sowelltest.Token, sowell.WithStatuses("closed"))
	require.NoError(t, err)
	m := sowell.DefaultStatusMap()
	m["Clôturée"] = "closed"
	n := sowell.Notifier{Client: c, Map: m}
	require.NoError(t, n.Validate())
	assert.Error(t, m.Validate(), "closed is not one of the four known statuses")
	ctx := context.Background()
	for _, ch := range []string{"SoWell", "sowell", "SOWELL", " SoWell "} {
		sent, err := n.Notify(ctx, sowell.StatusChange{ReportID: "981", Channel: ch, CRMStatus: "Clôturée"})
		require.NoError(t, err, ch)
		assert.True(t, sent, ch)
	}
	assert.Equal(t, sowell.Status("closed"), sw.Updates()[0].Status)

	plain, _ := sowell.NewClient(sw.URL, sowelltest.Token)
	assert.Error(t, sowell.Notifier{Client: plain, Map: m}.Validate())
	_, err = sowell.NewClient(sw.URL, sowelltest.Token, sowell.WithStatuses("a\nb"))
	assert.Error(t, err)
	_, err = sowell.NewClient(sw.URL, sowelltest.Token, sowell.WithUIDKeys("id"))
	assert.Error(t, err, "a CRMClient option")
	_, err = sowell.NewCRMClient(sw.URL, sowelltest.Token, sowell.WithStatuses("closed"))
	assert.Error(t, err, "a Client option")
	_, err = sowell.NewClient("", sowelltest.Token)
	assert.ErrorContains(t, err, "no default host")
	_, err = sowell.NewClient(sw.URL, "short")
	assert.Error(t, err, "tokens under 6 characters")
}

// Issue 12: ISO 8601 with +0200 or without a zone.
func TestParseTime(t *testing.T) {
	t.Parallel()
	paris, _ := time.LoadLocation("Europe/Paris")
	want := time.Date(2012, 4, 23, 18, 25, 43, 0, time.UTC)
	cases := map[string]time.Time{
		"2012-04-23T18:25:43.511Z":      want.Add(511 * time.Millisecond),
		"2012-04-23T20:25:43+02:00":     want,
		"2012-04-23T20:25:43+0200":      want,
		"2012-04-23T20:25:43.000+0200":  want,
		"2012-04-23T20:25:43,5+02":      want.Add(500 * time.Millisecond),
		"2012-04-23 18:25:43Z":          want,
		"2012-04-23t18:25:43z":          want,
		"20120423T182543Z":              want,
		"20120423T202543+0200":          want,
		"2012-04-23T20:25:43":           time.Date(2012, 4, 23, 20, 25, 43, 0, paris),
		"2012-04-23T20:25:43.123456789": time.Date(2012, 4, 23, 20, 25, 43, 123456789, paris),
		"2012-04-23T20:25+02:00":        want.Add(-43 * time.Second),
		"2012-04-23":                    time.Date(2012, 4, 23, 0, 0, 0, 0, paris),
	}
	for in, w := range cases {
		got, err := sowell.ParseTime(in)
		require.NoError(t, err, in)
		assert.True(t, w.Equal(got), "%s: %v", in, got)
	}
	for _, bad := range []string{"23/04/2012", "2012-13-01T00:00:00Z", "yesterday", ""} {
		_, err := sowell.ParseTime(bad)
		assert.Error(t, err, bad)
	}
	// Through the handler: accepted, and a bad date is listed once.
	sink := &memSink{}
	h := sowell.NewHandler(sink, sowell.WithBearerToken(crmToken))
	w := wire()
	w["created_at"] = "2012-04-23T20:25:43+0200"
	status, out := post(h, mustJSON(w))
	require.Equal(t, 201, status, out)
	assert.True(t, want.Equal(sink.committed[0].CreatedAt))
	w["created_at"] = "nope"
	status, out = post(h, mustJSON(w))
	require.Equal(t, 400, status)
	assert.Len(t, out["fields"], 1, "created_at is listed once")
}

// Replays through the client and the fake: the first UID comes back.
func TestPushReplayReturnsTheFirstUID(t *testing.T) {
	t.Parallel()
	crm := sowelltest.NewCRM()
	defer crm.Close()
	c, err := sowell.NewCRMClient(crm.URL, sowelltest.Token)
	require.NoError(t, err)
	var wg sync.WaitGroup
	uids := make([]string, 10)
	for i := range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rc, err := c.Push(context.Background(), report())
			if assert.NoError(t, err) {
				uids[i] = rc.CRMUID
			}
		}()
	}
	wg.Wait()
	require.Len(t, crm.Reports(), 1)
	for _, u := range uids {
		assert.Equal(t, "CRM-0001", u)
	}
	assert.Equal(t, 9, crm.Rollbacks())
}

// Issue 16: the common option set, pinned at compile time.
var _ = []sowell.Option{
	sowell.WithHTTPClient(http.DefaultClient), sowell.WithTimeout(time.Second), sowell.WithRetry(1, 0, 0),
	sowell.WithMaxRetryAfter(time.Second), sowell.WithLogger(nil), sowell.WithUserAgent("ua"), sowell.WithMaxResponseSize(1),
}

func TestWithMaxResponseSize(t *testing.T) {
	t.Parallel()
	u, _ := answering(t, 400, nil, `{"error":"`+strings.Repeat("x", 4<<10)+`"}`)
	c, err := sowell.NewClient(u, sowelltest.Token, sowell.WithMaxResponseSize(1<<10), sowell.WithRetry(0, 0, 0))
	require.NoError(t, err)
	err = c.UpdateStatus(context.Background(), "981", sowell.Done)
	assert.ErrorIs(t, err, sowell.ErrResponseTooLarge)
	var e *sowell.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, 400, e.StatusCode)
}

// An error's text is bounded and never shows the token, whatever the
// other end answers.
func TestErrorTextIsBounded(t *testing.T) {
	t.Parallel()
	long := `{"error":"` + sowelltest.Token + strings.Repeat("é", 100<<10) + `","fields":[` +
		strings.Repeat(`{"field":"f","problem":"`+strings.Repeat("p", 1000)+`"},`, 100) + `{"field":"g","problem":"q"}]}`
	u, _ := answering(t, 400, nil, long)
	c, err := sowell.NewCRMClient(u, sowelltest.Token, sowell.WithRetry(0, 0, 0))
	require.NoError(t, err)
	_, err = c.Push(context.Background(), report())
	require.Error(t, err)
	assert.Less(t, len(err.Error()), 16<<10)
	assert.NotContains(t, err.Error(), sowelltest.Token)
	var e *sowell.Error
	require.ErrorAs(t, err, &e)
	assert.Len(t, e.Fields, 20)
}

// A field is listed once, whichever checks it fails.
func TestPushListsAFieldOnce(t *testing.T) {
	t.Parallel()
	c, err := sowell.NewCRMClient("https://crm.example", sowelltest.Token, sowell.WithMaxPushSize(1<<10))
	require.NoError(t, err)
	r := report()
	r.Photos = nil
	for range sowell.MaxPhotos + 1 {
		r.Photos = append(r.Photos, sowell.Photo{Data: bytes.NewReader(make([]byte, 1<<10))})
	}
	r.CreatedAt = time.Time{}
	_, err = c.Push(context.Background(), r)
	var v *sowell.ValidationError
	require.ErrorAs(t, err, &v)
	seen := map[string]bool{}
	for _, f := range v.Fields {
		assert.False(t, seen[f.Field], "%s listed twice: %v", f.Field, err)
		seen[f.Field] = true
	}
	assert.True(t, seen["photos"] && seen["created_at"])
}
