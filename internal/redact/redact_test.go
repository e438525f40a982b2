package redact

import (
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestString(t *testing.T) {
	t.Parallel()
	r := New(`pa"ss/wörd`, "short", "")
	cases := map[string]string{
		`login failed for pa"ss/wörd`:                 "login failed for " + Mask,
		`{"password":"pa\"ss/w\u00f6rd"}`:             `{"password":"` + Mask + `"}`,
		`{"password":"pa\"ss/wörd","login":"bob"}`:    `{"password":"` + Mask + `","login":"bob"}`,
		`{"Password" : "anything else"}`:              `{"Password" : "` + Mask + `"}`,
		`q=` + url.QueryEscape(`pa"ss/wörd`) + `&x=1`: `q=` + Mask + `&x=1`,
		"Authorization: Bearer abc.def":               "Authorization: " + Mask,
		"apikey=EDOUARD-DENISFACTORY&page=2":          "apikey=" + Mask + "&page=2",
		"a short story":                               "a " + Mask + " story",
		`{"api_key":"k","token":"lead-token-kept"}`:   `{"api_key":"` + Mask + `","token":"lead-token-kept"}`,
	}
	for in, want := range cases {
		assert.Equal(t, want, r.String(in), in)
	}
	var zero *Redactor
	assert.Equal(t, `{"password":"`+Mask+`"}`, zero.String(`{"password":"x"}`), "a nil Redactor still masks sensitive keys")
}

func TestURL(t *testing.T) {
	t.Parallel()
	r := New("tok3n")
	u, _ := url.Parse("https://bob:pw@host.test/p/tok3n?apikey=k&c=entry&password=p")
	got := r.URL(u)
	assert.NotContains(t, got, "bob")
	assert.NotContains(t, got, "pw@")
	assert.NotContains(t, got, "tok3n")
	assert.Contains(t, got, "c=entry")
	assert.NotContains(t, got, "apikey=k")
	assert.Equal(t, "", r.URL(nil))
}

func TestExcerpt(t *testing.T) {
	t.Parallel()
	r := New("secret-value")
	assert.Equal(t, "<html> x", r.Excerpt([]byte("<html>\nx"), 100))
	assert.Equal(t, "abc…", r.Excerpt([]byte("abcdef"), 3))
	assert.Equal(t, "é…", r.Excerpt([]byte("éé"), 3), "cut on a rune boundary")
	long := strings.Repeat("a", 5) + "secret-value" + strings.Repeat("b", 100)
	assert.Equal(t, "aaaaa[REDA…", r.Excerpt([]byte(long), 10), "masked before cut: no half secret")
	assert.NotContains(t, r.Excerpt([]byte(long), 8), "secret")
	assert.Equal(t, "\uFFFD", r.Excerpt([]byte{0xff}, 10))
}

func TestEverySensitiveKeyHasAStem(t *testing.T) {
	t.Parallel()
	for _, k := range sensitiveKeys {
		assert.True(t, mentionsSensitiveKey(strings.ToUpper(k)), k)
	}
	assert.False(t, mentionsSensitiveKey(`{"id":"L-1","message":"Lead imported"}`))
}

func TestJSONForms(t *testing.T) {
	t.Parallel()
	r := New(`a/b<c>&d-secret`)
	for _, in := range []string{
		`{"m":"a\/b<c>&d-secret"}`,               // PHP's json_encode
		`{"m":"a/b\u003cc\u003e\u0026d-secret"}`, // Go's HTML-safe encoder
		`{"m":"a\/b\u003cc\u003e\u0026d-secret"}`,
		`{"m":"a/b<c>&d-secret"}`,
	} {
		assert.NotContains(t, r.String(in), "d-secret", in)
	}
}

func TestMessage(t *testing.T) {
	t.Parallel()
	r := New("S3cret-value")
	long := strings.Repeat("x", 6<<20) + "S3cret-value"
	got := r.Message(long)
	assert.LessOrEqual(t, len(got), MaxMessage+len("…"))
	assert.Equal(t, "ok "+Mask+" line two", r.Message("ok S3cret-value\nline two"))
	assert.Equal(t, "a\uFFFDb", r.Message("a\xffb"))
}

func TestCheckSecret(t *testing.T) {
	t.Parallel()
	assert.Error(t, CheckSecret("password", "p"))
	assert.Error(t, CheckSecret("password", "péé"))
	assert.NoError(t, CheckSecret("password", ""), "a missing secret is the caller's check")
	assert.NoError(t, CheckSecret("password", "abcdef"))
	assert.NotContains(t, CheckSecret("password", "xyz").Error(), "xyz")
}

func TestBaseURL(t *testing.T) {
	t.Parallel()
	r := New()
	assert.NotContains(t, r.BaseURL("//user:pw-S3cret@host/"), "pw-S3cret")
	assert.NotContains(t, r.BaseURL("http://user:pw-S3cret@[::1/"), "pw-S3cret")
	assert.Equal(t, "https://host/x", r.BaseURL("https://host/x"))
}
