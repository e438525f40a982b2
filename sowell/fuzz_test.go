package sowell_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/passerelle-go/passerelle/sowell"
	"github.com/passerelle-go/passerelle/sowell/sowelltest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzPushRoundTrip is the round-trip property of Push and NewHandler:
// a report Validate accepts is pushed and stored exactly as it was (text,
// priority, date to the millisecond, photo bytes), named by its content;
// a report Validate refuses is refused by Push before anything is sent,
// with the same fields.
func FuzzPushRoundTrip(f *testing.F) {
	f.Add("Martin Claire", "Fuite d'eau\r\nau plafond", "RES-0042", "high", []byte("\xff\xd8\xff\xe0 jpeg"), int64(1335205543511))
	f.Add("Martin \xff", "x", "RES", "medium", []byte("\x89PNG\r\n\x1a\n"), int64(0))
	f.Add("A\r\nX-Injected: 1", "d", "R\x00", "LOW", []byte{}, int64(-1))
	f.Add("Ünïcödé 😀", "\t", "R", "urgent", []byte("%PDF-1.4"), int64(4102444800000))
	crm := sowelltest.NewCRM()
	f.Cleanup(crm.Close)
	c, err := sowell.NewCRMClient(crm.URL, sowelltest.Token, sowell.WithRetry(0, 0, 0))
	require.NoError(f, err)
	var n atomic.Int64
	f.Fuzz(func(t *testing.T, author, description, residence, priority string, photo []byte, ms int64) {
		r := &sowell.Report{
			Qualification: "FUITE_EAU", Residence: residence, Author: author, AuthorEmail: "claire.martin@example.fr",
			CreatedAt: time.UnixMicro(ms).UTC(), Priority: sowell.Priority(priority), Description: description,
			Photos: []sowell.Photo{{Data: bytes.NewReader(photo)}},
			URL:    fmt.Sprintf("https://manager.sowell.example/issues/%d", n.Add(1)),
		}
		before := len(crm.Reports())
		verr := r.Validate()
		r.Photos[0].Data = bytes.NewReader(photo)
		rc, err := c.Push(context.Background(), r)
		if verr != nil {
			var v, w *sowell.ValidationError
			require.ErrorAs(t, err, &v)
			require.True(t, errors.As(verr, &w))
			assert.Equal(t, w.Fields, v.Fields)
			assert.Len(t, crm.Reports(), before, "nothing was sent")
			return
		}
		require.NoError(t, err)
		got := crm.Reports()
		require.Len(t, got, before+1)
		s := got[len(got)-1]
		assert.Equal(t, s.ID, rc.CRMUID)
		want := *r
		want.Photos = nil
		stored := s.Report
		stored.Photos = nil
		assert.True(t, want.CreatedAt.Equal(stored.CreatedAt), "%v %v", want.CreatedAt, stored.CreatedAt)
		stored.CreatedAt = want.CreatedAt
		assert.Equal(t, want, stored)
		name := sowell.PhotoName(1, photo[:min(len(photo), 512)])
		assert.Equal(t, photo, append([]byte{}, s.Photos[name]...), name)
	})
}

// FuzzParseTime: an instant written in any of the ISO 8601 forms SoWell
// may use reads back as the same instant.
func FuzzParseTime(f *testing.F) {
	f.Add(int64(1335205543), int32(511000000), int16(120))
	f.Add(int64(0), int32(0), int16(0))
	f.Add(int64(-86400*365), int32(1), int16(-570))
	f.Fuzz(func(t *testing.T, sec int64, nsec int32, offMin int16) {
		sec %= 253402300799 // years 1..9999
		if sec < -62135596800 {
			sec = -sec % 253402300799
		}
		zone := time.FixedZone("", int(offMin%(14*60))*60)
		at := time.Unix(sec, int64(nsec)%1e9).In(zone)
		if at.Year() < 1 || at.Year() > 9999 {
			return
		}
		for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999Z0700", "20060102T150405.999999999Z0700", "2006-01-02 15:04:05.999999999Z07:00"} {
			s := at.Format(layout)
			got, err := sowell.ParseTime(s)
			require.NoError(t, err, s)
			require.True(t, at.Equal(got), "%s read as %v", s, got)
		}
		if at.Second()%60 == 0 && offMin%60 == 0 {
			s := at.Format("2006-01-02T15:04:05.999999999Z07")
			got, err := sowell.ParseTime(s)
			require.NoError(t, err, s)
			require.True(t, at.Equal(got), "%s read as %v", s, got)
		}
	})
}

// FuzzPushAnswer: whatever the CRM answers, Push does not lose it. Any
// 2xx is a success whose UID is the "id" member when it holds a
// non-empty string; any other status is an *Error carrying it, whose
// text is bounded and never shows the token.
func FuzzPushAnswer(f *testing.F) {
	f.Add(201, `{"id":"CRM-1"}`)
	f.Add(202, `{"uid":7}`)
	f.Add(204, ``)
	f.Add(200, `{"id":""}`)
	f.Add(400, `{"error":"invalid report","fields":[{"field":"url","problem":"is required"}]}`)
	f.Add(500, `<html>`+sowelltest.Token+`</html>`)
	f.Add(299, `[1,2]`)
	f.Add(418, `{"error":{"nested":true}}`)
	var status atomic.Int32
	var body atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.WriteHeader(int(status.Load()))
		_, _ = io.WriteString(w, body.Load().(string))
	}))
	f.Cleanup(srv.Close)
	c, err := sowell.NewCRMClient(srv.URL, sowelltest.Token, sowell.WithRetry(0, 0, 0))
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, code int, answer string) {
		if code < 200 || code > 599 || code >= 300 && code < 400 {
			return // redirects have their own tests; 1xx are not final
		}
		status.Store(int32(code))
		body.Store(answer)
		rc, err := c.Push(context.Background(), report())
		if code < 300 {
			require.NoError(t, err, "a created report is never reported as failed")
			require.Equal(t, code, rc.StatusCode)
			var obj map[string]any
			if json.Unmarshal([]byte(answer), &obj) == nil {
				if id, ok := obj["id"].(string); ok && id != "" && len(obj) == 1 {
					require.Equal(t, id, rc.CRMUID)
				}
			}
			return
		}
		var e *sowell.Error
		require.ErrorAs(t, err, &e)
		require.Equal(t, code, e.StatusCode)
		require.Less(t, len(err.Error()), 16<<10)
		require.NotContains(t, err.Error(), sowelltest.Token)
		if answer != "" && e.Message == "" && len(e.Fields) == 0 {
			require.NotEmpty(t, e.Body, "what the CRM said is kept")
		}
	})
}
