package validate

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestEmail(t *testing.T) {
	t.Parallel()
	for _, ok := range []string{"a@b.fr", "claire.martin+tag@example.co.uk", "x_y@sub.domain.com"} {
		assert.True(t, Email(ok), ok)
	}
	for _, bad := range []string{"", "a", "a@b", "Claire <a@b.fr>", "a@b.fr ", " a@b.fr", "a@@b.fr", "a@.fr.", "claire@example.", "claire@example.\u00a0", "a@b.fr\u3000", "a@.b.fr"} {
		assert.False(t, Email(bad), bad)
	}
}

func TestDigits(t *testing.T) {
	t.Parallel()
	assert.True(t, Digits("78180", 5))
	for _, bad := range []string{"7818", "781800", "7818a", "７８１８０"} {
		assert.False(t, Digits(bad, 5), bad)
	}
}

func TestList(t *testing.T) {
	t.Parallel()
	var l List
	assert.False(t, l.Required("city", "  "))
	assert.True(t, l.Required("name", "x"))
	l.Check(true, "zip", "must be 5 digits")
	l.Check(false, "never", "x")
	assert.Equal(t, "city: is required; zip: must be 5 digits", l.Join())
}
func TestTextProblem(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in        string
		multiline bool
		bad       bool
	}{
		{"Dupont", false, false},
		{"Zoé Ñúñez 東京", false, false},
		{"a\xffb", false, true},
		{"a\xffb", true, true},
		{"a\x00b", true, true},
		{"A\r\nX-Injected: 1", false, true},
		{"line one\nline two\ttab", true, false},
		{"bell\a", true, true},
		{"del\x7f", false, true},
		{"c1\u0085", false, true},
		{"a\u2028b", false, true},
		{"a\u2029b", false, true},
		{"a\u2028b", true, false},
	} {
		got := TextProblem(tc.in, tc.multiline) != ""
		if got != tc.bad {
			t.Errorf("TextProblem(%q, %v) bad = %v, want %v", tc.in, tc.multiline, got, tc.bad)
		}
	}
	var l List
	if l.Text("f", "ok", false) != true || len(l) != 0 {
		t.Fatal("a fine value was recorded")
	}
	if l.Text("g", "\xff", true) || len(l) != 1 || l[0].Field != "g" {
		t.Fatalf("a bad value was not recorded: %v", l)
	}
}
