// Package validate collects every problem of a request before anything is
// sent, so that a caller fixes them all at once.
package validate

import (
	"net/mail"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Problem is one field that cannot be sent as it is.
type Problem struct {
	Field   string `json:"field"`   // the field's wire name
	Problem string `json:"problem"` // what is wrong, without the field's value
}

func (p Problem) String() string { return p.Field + ": " + p.Problem }

// List accumulates problems.
type List []Problem

// Add records a problem with field.
func (l *List) Add(field, problem string) { *l = append(*l, Problem{field, problem}) }

// Check records problem when bad is true.
func (l *List) Check(bad bool, field, problem string) {
	if bad {
		l.Add(field, problem)
	}
}

// Required records field when value is blank.
func (l *List) Required(field, value string) bool {
	if strings.TrimSpace(value) == "" {
		l.Add(field, "is required")
		return false
	}
	return true
}

// Join writes the problems on one line, "a: x; b: y".
func (l List) Join() string {
	parts := make([]string, len(l))
	for i, p := range l {
		parts[i] = p.String()
	}
	return strings.Join(parts, "; ")
}

// Email reports whether s is one bare e-mail address (no display name, no
// space or control character anywhere) whose domain has a dot inside it.
func Email(s string) bool {
	if strings.IndexFunc(s, func(c rune) bool { return unicode.IsSpace(c) || unicode.IsControl(c) }) >= 0 {
		return false
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s {
		return false
	}
	domain := s[strings.LastIndexByte(s, '@')+1:]
	return strings.Contains(domain, ".") && !strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".")
}

// Digits reports whether s is exactly n ASCII digits.
func Digits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// TextProblem says what no text field may hold, or "" when s is fine:
// invalid UTF-8 (the services' documents specify UTF-8; encoding/json would
// silently rewrite it to U+FFFD) or a control character. Line breaks
// (including Unicode's line and paragraph separators, U+2028 and U+2029)
// and tabs are allowed when multiline is true (a description, a comment).
func TextProblem(s string, multiline bool) string {
	if !utf8.ValidString(s) {
		return "is not valid UTF-8"
	}
	for _, c := range s {
		if c == '\n' || c == '\r' || c == '\t' || c == '\u2028' || c == '\u2029' {
			if multiline {
				continue
			}
			return "holds a line break or a tab"
		}
		if unicode.IsControl(c) {
			return "holds a control character"
		}
	}
	return ""
}

// Text records field when value holds what no text may hold (see
// TextProblem); it reports whether value is fine.
func (l *List) Text(field, value string, multiline bool) bool {
	if p := TextProblem(value, multiline); p != "" {
		l.Add(field, p)
		return false
	}
	return true
}
