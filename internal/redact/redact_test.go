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
