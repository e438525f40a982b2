package sowell_test

import (
	"context"
	"encoding/base64"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/passerelle-go/passerelle/sowell"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The links of the audit: the handler, Push and ToCRMRequest take SoWell's
// id by one rule, and refuse the same links.
var linkCases = []struct {
	link, id string // id "" : the link gives none and is refused
}{
	{"https://manager.sowell.example/issues/981", "981"},
	{"https://manager.sowell.example/issues/981/", "981"},
	{"https://manager.sowell.example/i/a%2Fb?tab=1#x", "a/b"},
	{"https://manager.sowell.example/issues/981#photos", "981"},
	{"https://manager.sowell.example/#/issues/981", "981"},
	{"https://manager.sowell.example/app#/issues/982/?tab=1", "982"},
	{"https://m.sowell.example/issues/x/..", ""},
	{"https://manager.sowell.example/", ""},
	{"https://manager.sowell.example/#/", ""},
	{"https://manager.sowell.example/issues?id=981", ""},
	{"https://manager.sowell.example/issues?issue_id=981", ""},
	{"https://manager.sowell.example/issues/?reportId=981", ""},
	{"https://manager.sowell.example/#/issues?id=981", ""},
}

// Audit item 4: a query naming an id is refused, a fragment that is a path
// (client-side routing) gives the id, another fragment is ignored.
func TestIDFromLinkQueryAndFragment(t *testing.T) {
	t.Parallel()
	for _, tc := range linkCases {
		got, err := sowell.IDFromLink(tc.link)
		if tc.id == "" {
			assert.Error(t, err, tc.link)
			assert.Empty(t, got, tc.link)
			continue
		}
		require.NoError(t, err, tc.link)
		assert.Equal(t, tc.id, got, tc.link)
	}
}

// Audit item 1: a link that gives no SoWell id is refused by the handler
// (400, field url) as Push refuses it, and ToCRMRequest does not hide it.
func TestLinkRuleIsShared(t *testing.T) {
	t.Parallel()
	for _, tc := range linkCases {
		t.Run(tc.link, func(t *testing.T) {
			t.Parallel()
			w := wire(base64.StdEncoding.EncodeToString([]byte("x")))
			w["url"] = tc.link
			sink := &memSink{}
			status, out := post(sowell.NewHandler(sink, sowell.WithBearerToken(crmToken)), mustJSON(w))

			r := report()
			r.URL = tc.link
			_, crmErr := sowell.ToCRMRequest(context.Background(), r, sowell.ResolverFunc(func(context.Context, string, string) (string, string, error) {
				return "m", "a", nil
			}))

			srv := httptest.NewServer(sowell.NewHandler(&memSink{}, sowell.WithBearerToken(crmToken)))
			defer srv.Close()
			c, err := sowell.NewCRMClient(srv.URL, crmToken, sowell.WithPath("/"))
			require.NoError(t, err)
			r = report()
			r.URL = tc.link
			rc, pushErr := c.Push(context.Background(), r)

			if tc.id == "" {
				require.Equal(t, http.StatusBadRequest, status, "%v", out)
				fields := out["fields"].([]any)
				require.Len(t, fields, 1, "%v", out)
				assert.Equal(t, "url", fields[0].(map[string]any)["field"])
				assert.Empty(t, sink.committed)
				for _, err := range []error{crmErr, pushErr} {
					var v *sowell.ValidationError
					require.ErrorAs(t, err, &v)
					assert.True(t, v.Field("url"), "%v", err)
				}
				return
			}
			require.Equal(t, http.StatusCreated, status, "%v", out)
			require.NoError(t, crmErr)
			require.NoError(t, pushErr)
			assert.Equal(t, tc.id, rc.SoWellID)
		})
	}
}

// Audit item 2: Push does not send Photo.Name (the wire has no place for
// it); the handler names each photo by PhotoName, whatever name was set.
func TestPushDoesNotSendPhotoNames(t *testing.T) {
	t.Parallel()
	sink := &memSink{}
	h := sowell.NewHandler(sink, sowell.WithBearerToken(crmToken))
	var mu sync.Mutex
	var body string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		body = string(b)
		mu.Unlock()
		r.Body = io.NopCloser(strings.NewReader(string(b)))
		h.ServeHTTP(w, r)
	}))
	defer srv.Close()
	c, err := sowell.NewCRMClient(srv.URL, crmToken, sowell.WithPath("/"))
	require.NoError(t, err)
	r := report()
	r.Photos = []sowell.Photo{{Name: "cuisine-fuite.png", Data: strings.NewReader("\xff\xd8\xff\xe0 jpeg")}}
	_, err = c.Push(context.Background(), r)
	require.NoError(t, err)
	mu.Lock()
	defer mu.Unlock()
	assert.NotContains(t, body, "cuisine-fuite")
	assert.Contains(t, body, `"photos":["`+base64.StdEncoding.EncodeToString([]byte("\xff\xd8\xff\xe0 jpeg"))+`"]`)
	require.Len(t, sink.committed, 1)
	require.Len(t, sink.committed[0].Photos, 1)
	assert.Equal(t, "photo-1.jpg", sink.committed[0].Photos[0].Name, "named by its content, not by the pusher")
	assert.Nil(t, sink.committed[0].Photos[0].Data)
}

// Audit item 3: the bearer scheme is read in any letter case (RFC 7235).
func TestHandlerBearerSchemeIgnoresCase(t *testing.T) {
	t.Parallel()
	good := mustJSON(wire())
	for _, tc := range []struct {
		auth   string
		status int
	}{
		{"Bearer " + crmToken, 201}, {"bearer " + crmToken, 201}, {"BEARER " + crmToken, 201}, {"bEaReR " + crmToken, 201},
		{"Bearer  " + crmToken, 401}, {"Bearer" + crmToken, 401}, {"Bearerx " + crmToken, 401}, {"bearer " + strings.ToUpper(crmToken), 401},
		{"Basic " + crmToken, 401}, {crmToken, 401},
	} {
		t.Run(tc.auth, func(t *testing.T) {
			t.Parallel()
			status, out := post(sowell.NewHandler(&memSink{}, sowell.WithBearerToken(crmToken)), good,
				func(r *http.Request) { r.Header.Set("Authorization", tc.auth) })
			assert.Equal(t, tc.status, status, "%v", out)
		})
	}
}

// Audit item 3: an unknown key of any length is skipped, as shorter
// unknown keys are; a long key does not hide a known one after it.
func TestHandlerSkipsLongUnknownKeys(t *testing.T) {
	t.Parallel()
	good := mustJSON(wire())
	for _, n := range []int{65, 1000, 1 << 20} {
		long := strings.Repeat("k", n)
		for _, body := range []string{
			`{"` + long + `":1,` + good[1:],
			good[:len(good)-1] + `,"` + long + `":{"a":[1,2]}}`,
			`{"` + strings.Repeat(`\u006b`, n/6+11) + `":"v",` + good[1:],
		} {
			sink := &memSink{}
			status, out := post(sowell.NewHandler(sink, sowell.WithBearerToken(crmToken)), body)
			require.Equal(t, 201, status, "%d: %v", n, out)
			require.Len(t, sink.committed, 1)
			assert.Equal(t, "RES-0042", sink.committed[0].Residence)
		}
	}
}

// Audit item 3: U+2028 and U+2029 are line breaks: refused where line
// breaks are, kept in the description.
func TestLineSeparatorsAreLineBreaks(t *testing.T) {
	t.Parallel()
	good := mustJSON(wire())
	for _, tc := range []struct {
		name, body string
		status     int
		field      string
	}{
		{"line separator in the spot", strings.Replace(good, "LOG-12B", `a\u2028b`, 1), 400, "spot"},
		{"paragraph separator in the residence", strings.Replace(good, "RES-0042", "RES\u20290042", 1), 400, "residence"},
		{"line separator in the link", strings.Replace(good, "issues/981", `issues/981\u2028`, 1), 400, "url"},
		{"separators in the description", strings.Replace(good, "Fuite d'eau", `Fuite\u2028d'eau\u2029`, 1), 201, ""},
	} {
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
	r := report()
	r.Spot, r.Author, r.Description = "a\u2028b", "Martin\u2029Claire", "un\u2028deux"
	var v *sowell.ValidationError
	require.ErrorAs(t, r.Validate(), &v)
	assert.True(t, v.Field("spot"))
	assert.True(t, v.Field("author"))
	assert.False(t, v.Field("description"))
}

// FuzzLinkRuleIsShared: for any link, Report.Validate, the handler, Push
// and ToCRMRequest accept it or refuse its field "url" together, and Push
// and ToCRMRequest derive the same id.
func FuzzLinkRuleIsShared(f *testing.F) {
	for _, tc := range linkCases {
		f.Add(tc.link)
	}
	for _, s := range []string{"http://h/a%2F..", "https://h/a?ID=1", "https://h/a?paid=1", "https://h/#", "https://h/#/a#/b", "https://h/a?x=1&report-id=2", "https://h/#/%zz", "https://h/a\u2028"} {
		f.Add(s)
	}
	srv := httptest.NewServer(sowell.NewHandler(&memSink{}, sowell.WithBearerToken(crmToken)))
	f.Cleanup(srv.Close)
	c, err := sowell.NewCRMClient(srv.URL, crmToken, sowell.WithPath("/"), sowell.WithRetry(0, 0, 0))
	require.NoError(f, err)
	resolver := sowell.ResolverFunc(func(context.Context, string, string) (string, string, error) { return "m", "a", nil })
	urlRefused := func(err error) bool {
		var v *sowell.ValidationError
		return errors.As(err, &v) && v.Field("url")
	}
	f.Fuzz(func(t *testing.T, link string) {
		if !utf8.ValidString(link) {
			t.Skip("encoding/json would rewrite it on the way to the handler")
		}
		r := report()
		r.URL = link
		refused := urlRefused(r.Validate())

		w := wire()
		w["url"] = link
		status, out := post(sowell.NewHandler(&memSink{}, sowell.WithBearerToken(crmToken)), mustJSON(w))
		listed := false
		list, _ := out["fields"].([]any)
		for _, f := range list {
			listed = listed || f.(map[string]any)["field"] == "url"
		}
		if refused {
			require.Equal(t, http.StatusBadRequest, status, "%v", out)
			require.True(t, listed, "%v", out)
		} else {
			require.Equal(t, http.StatusCreated, status, "%v", out)
		}

		req, crmErr := sowell.ToCRMRequest(context.Background(), r, resolver)
		require.Equal(t, refused, urlRefused(crmErr), "%v", crmErr)

		r = report()
		r.URL = link
		rc, pushErr := c.Push(context.Background(), r)
		require.Equal(t, refused, urlRefused(pushErr), "%v", pushErr)
		if !refused {
			require.NoError(t, crmErr)
			require.NoError(t, pushErr)
			id, err := sowell.IDFromLink(link)
			require.NoError(t, err)
			require.NotEmpty(t, id)
			require.Equal(t, id, rc.SoWellID)
			require.Equal(t, id, req.SoWellID)
		}
	})
}
