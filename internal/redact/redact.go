// Package redact removes secrets from every string passerelle shows: error
// messages, log attributes, URL and body excerpts. It is the one place that
// knows what a secret looks like; nothing is logged or put in an error
// without going through a Redactor.
package redact

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// Mask replaces every secret.
const Mask = "[REDACTED]"

// sensitiveKeys are names whose values are secrets wherever they appear: as
// JSON keys, query parameters or header names (compared case-insensitively).
var sensitiveKeys = []string{
	"password", "passwd", "pwd", "secret", "client_secret",
	"apikey", "api_key", "api-key", "x-api-key",
	"authorization", "access_token", "refresh_token", "bearer",
}

// jsonKeyValue matches `"key" : "value"` for a sensitive key; the value may
// hold escaped quotes.
var jsonKeyValue = regexp.MustCompile(`(?i)("(?:` + alternatives() + `)"\s*:\s*)"(?:[^"\\]|\\.)*"`)

// headerLike matches `Authorization: Bearer xyz` or `apikey=xyz` in free text.
var headerLike = regexp.MustCompile(`(?i)\b(` + alternatives() + `)(\s*[:=]\s*)(?:bearer\s+|basic\s+)?[^\s&",;]+`)

func alternatives() string {
	quoted := make([]string, len(sensitiveKeys))
	for i, k := range sensitiveKeys {
		quoted[i] = regexp.QuoteMeta(k)
	}
	return strings.Join(quoted, "|")
}

// IsSensitiveKey reports whether a JSON key, query parameter or header name
// holds a secret.
func IsSensitiveKey(name string) bool {
	for _, k := range sensitiveKeys {
		if strings.EqualFold(k, name) {
			return true
		}
	}
	return false
}

// Redactor masks known secret values and the values of sensitive keys.
// The zero value masks sensitive keys only. A Redactor is immutable once
// built and safe for concurrent use.
type Redactor struct {
	replacer *strings.Replacer
}

// New returns a Redactor that masks each secret in all the forms it can take
// on the wire: raw, JSON-escaped and URL-encoded. Empty secrets are ignored.
func New(secrets ...string) *Redactor {
	var forms []string
	seen := map[string]bool{}
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			forms = append(forms, s)
		}
	}
	for _, s := range secrets {
		add(s)
		for _, j := range jsonForms(s) {
			add(j)
			// PHP's json_encode writes "/" as "\/".
			add(strings.ReplaceAll(j, "/", `\/`))
		}
		add(url.QueryEscape(s))
		add(url.PathEscape(s))
	}
	// Longest first, so that a secret containing another is masked whole.
	sort.Slice(forms, func(i, j int) bool { return len(forms[i]) > len(forms[j]) })
	pairs := make([]string, 0, 2*len(forms))
	for _, f := range forms {
		pairs = append(pairs, f, Mask)
	}
	r := &Redactor{}
	if len(pairs) > 0 {
		r.replacer = strings.NewReplacer(pairs...)
	}
	return r
}

// MinSecretLength is the shortest secret a client accepts. A shorter one
// cannot be masked safely: every occurrence of a secret is masked wherever
// it stands, so a two-letter password would be masked inside ordinary words
// of every error ("unex[REDACTED]ected") and hint at its own value.
const MinSecretLength = 6

// CheckSecret refuses a secret too short to be masked (see MinSecretLength).
// what names it in the error ("password", "api key"); the error never
// holds the value.
func CheckSecret(what, secret string) error {
	if n := utf8.RuneCountInString(secret); n > 0 && n < MinSecretLength {
		return fmt.Errorf("%s is %d characters long: credentials shorter than %d characters are refused, as they cannot be masked in errors and logs", what, n, MinSecretLength)
	}
	return nil
}

// jsonForms are the ways a JSON encoder may write s inside quotes: with and
// without HTML escaping (Go escapes <, > and & as \u003c...).
func jsonForms(s string) []string {
	var forms []string
	if b, err := json.Marshal(s); err == nil {
		forms = append(forms, string(b[1:len(b)-1]))
	}
	var buf strings.Builder
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if enc.Encode(s) == nil {
		b := strings.TrimSuffix(buf.String(), "\n")
		forms = append(forms, b[1:len(b)-1])
	}
	return forms
}

// MaxMessage is the most bytes of a service's message that Message keeps.
const MaxMessage = 512

// Message is a service's free text made safe to put in an error, a result
// or a log line: secrets masked, control characters replaced by spaces,
// invalid UTF-8 replaced, cut at MaxMessage bytes (on a rune boundary,
// marked with "…").
func (r *Redactor) Message(s string) string {
	if len(s) > 64<<10 {
		s = s[:64<<10]
	}
	return r.Excerpt([]byte(s), MaxMessage)
}

// BaseURL shows a URL given by the caller in an error: parsed, without its
// user info; unparseable, with anything before an "@" masked.
func (r *Redactor) BaseURL(s string) string {
	if u, err := url.Parse(s); err == nil {
		return r.URL(u)
	}
	if i := strings.LastIndexByte(s, '@'); i >= 0 {
		s = Mask + s[i:]
	}
	return r.String(s)
}

// String masks the secrets in s.
func (r *Redactor) String(s string) string {
	if r != nil && r.replacer != nil {
		s = r.replacer.Replace(s)
	}
	if !mentionsSensitiveKey(s) {
		return s // the regular expressions below are the costly part
	}
	s = jsonKeyValue.ReplaceAllString(s, `${1}"`+Mask+`"`)
	return headerLike.ReplaceAllString(s, "${1}${2}"+Mask)
}

// mentionsSensitiveKey reports whether s holds a sensitive key's name in
// any case; every key holds one of these stems.
func mentionsSensitiveKey(s string) bool {
	lower := strings.ToLower(s)
	for _, stem := range []string{"pass", "pwd", "secret", "key", "authorization", "token", "bearer"} {
		if strings.Contains(lower, stem) {
			return true
		}
	}
	return false
}

// URL returns u as a string without user info and with the values of
// sensitive query parameters masked.
func (r *Redactor) URL(u *url.URL) string {
	if u == nil {
		return ""
	}
	c := *u
	c.User = nil
	if c.RawQuery != "" {
		q := c.Query()
		for k := range q {
			if IsSensitiveKey(k) {
				q[k] = []string{Mask}
			}
		}
		c.RawQuery = q.Encode()
	}
	return r.String(c.String())
}

// Excerpt returns at most max bytes of body, masked, cut on a rune boundary
// and marked with "…" when cut. The body is masked before it is cut, so a
// secret that straddles the cut is never half shown. Control characters are
// replaced so the excerpt fits on one log line.
func (r *Redactor) Excerpt(body []byte, max int) string {
	const window = 64 << 10 // masked whole; far longer than any secret
	if len(body) > window {
		body = body[:window]
	}
	s := r.String(strings.ToValidUTF8(string(body), "\uFFFD"))
	cut := len(s) > max
	if cut {
		i := max
		for i > 0 && !utf8.RuneStart(s[i]) {
			i--
		}
		s = s[:i]
	}
	s = strings.Map(func(c rune) rune {
		if c < 0x20 || c == 0x7f {
			return ' '
		}
		return c
	}, s)
	if cut {
		s += "…"
	}
	return s
}
