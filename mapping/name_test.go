package mapping_test

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"

	"github.com/passerelle-go/passerelle/mapping"
)

func TestSplitFullName(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		full, first, last string
		exact             bool
	}{
		// Empty and one word.
		{"", "", "", true},
		{"   ", "", "", true},
		{"Dupont", "", "Dupont", false},
		{"  DUPONT  ", "", "DUPONT", false},
		// "Last, First".
		{"Dupont, Jean", "Jean", "Dupont", true},
		{"de La Fontaine , Jean-Pierre", "Jean-Pierre", "de La Fontaine", true},
		{"García López, María", "María", "García López", true},
		{"Dupont,", "", "Dupont", false},
		{", Jean", "", "Jean", false},
		{"Dupont, Jean, Marie", "Dupont", "Jean Marie", false}, // two commas: words only
		// Capitals mark the last name.
		{"DUPONT Jean", "Jean", "DUPONT", true},
		{"Jean DUPONT", "Jean", "DUPONT", true},
		{"DUPONT Jean Pierre", "Jean Pierre", "DUPONT", true},
		{"Jean-Pierre DUPONT-MARTIN", "Jean-Pierre", "DUPONT-MARTIN", true},
		{"DE LA FONTAINE Jean", "Jean", "DE LA FONTAINE", true},
		{"Jean de LA FONTAINE", "Jean", "de LA FONTAINE", true},
		{"Jean de la FONTAINE", "Jean", "de la FONTAINE", true},
		{"Jean Pierre D'ALEMBERT", "Jean Pierre", "D'ALEMBERT", true},
		{"María GARCÍA LÓPEZ", "María", "GARCÍA LÓPEZ", true},
		{"ÉMILE Zola", "Zola", "ÉMILE", true}, // the capitals decide, even when wrong
		{"J.P. DUPONT", "J.P.", "DUPONT", true},
		{"J. Dupont", "J.", "Dupont", true}, // initials are not a last name
		{"de DUPONT", "", "de DUPONT", false},
		// Capitals that mark nothing: every word, two runs, the middle.
		{"JEAN DUPONT", "JEAN", "DUPONT", true},
		{"JEAN PIERRE DUPONT", "JEAN", "PIERRE DUPONT", false},
		{"DUPONT Jean MARTIN", "DUPONT", "Jean MARTIN", false},
		{"Jean DUPONT Pierre", "Jean", "DUPONT Pierre", false},
		{"Jean LE Goff", "Jean", "LE Goff", false},
		// Two words.
		{"Jean Dupont", "Jean", "Dupont", true},
		{"  Jean \t Dupont  ", "Jean", "Dupont", true},
		{"Jean\u00a0Dupont", "Jean", "Dupont", true},
		{"Jean-Pierre Dupont", "Jean-Pierre", "Dupont", true},
		{"Jean d'Ormesson", "Jean", "d'Ormesson", true},
		{"De Gaulle", "", "De Gaulle", false},
		{"van Gogh", "", "van Gogh", false},
		// Three words and more: particles, then the first word.
		{"Jean-Pierre de La Fontaine", "Jean-Pierre", "de La Fontaine", false},
		{"Jean Pierre de La Fontaine", "Jean Pierre", "de La Fontaine", false},
		{"Charles du Bellay", "Charles", "du Bellay", false},
		{"Vincent van Gogh", "Vincent", "van Gogh", false},
		{"Anna van der Berg", "Anna", "van der Berg", false},
		{"Ursula von der Leyen", "Ursula", "von der Leyen", false},
		{"Jean Pierre d'Alembert", "Jean Pierre", "d'Alembert", false},
		{"Jean Pierre d’Alembert", "Jean Pierre", "d’Alembert", false},
		{"Marie Le Pen", "Marie", "Le Pen", false},
		{"Leonardo da Vinci", "Leonardo", "da Vinci", false},
		{"Giuseppe Lo Russo", "Giuseppe", "Lo Russo", false},
		{"Luiz Inácio dos Santos", "Luiz Inácio", "dos Santos", false},
		{"María García López", "María", "García López", false},
		{"José Luis Rodríguez Zapatero", "José", "Luis Rodríguez Zapatero", false},
		{"Jean Pierre de", "Jean", "Pierre de", false}, // a final particle begins nothing
		{"Dupont, Jean,", "Jean", "Dupont", true},
		{" ,Dupont , Jean , ", "Jean", "Dupont", true},
	} {
		first, last, exact := mapping.SplitFullName(tc.full)
		assert.Equal(t, tc.first, first, "first name of %q", tc.full)
		assert.Equal(t, tc.last, last, "last name of %q", tc.full)
		assert.Equal(t, tc.exact, exact, "exact for %q", tc.full)
	}
}

// TestSplitJoinStable checks that a split name, joined and split again,
// gives the same parts: the pivot can go through a full-name field and
// come back unchanged.
func TestSplitJoinStable(t *testing.T) {
	t.Parallel()
	for _, full := range []string{
		"Jean Dupont", "DUPONT Jean", "Dupont, Jean", "Jean-Pierre de La Fontaine", "María García López",
		"Jean de LA FONTAINE", "Dupont", "De Gaulle", "Vincent van Gogh", "JEAN DUPONT",
	} {
		first, last, _ := mapping.SplitFullName(full)
		f2, l2, _ := mapping.SplitFullName(mapping.JoinName(first, last))
		assert.Equal(t, first, f2, full)
		assert.Equal(t, last, l2, full)
	}
}

func TestJoinName(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ first, last, want string }{
		{"Jean", "Dupont", "Jean Dupont"},
		{" Jean ", "  Dupont ", "Jean Dupont"},
		{"Jean  Pierre", "de  La Fontaine", "Jean Pierre de La Fontaine"},
		{"", "Dupont", "Dupont"},
		{"Jean", "", "Jean"},
		{"", "", ""},
	} {
		assert.Equal(t, tc.want, mapping.JoinName(tc.first, tc.last), "%q %q", tc.first, tc.last)
	}
}

func FuzzSplitFullName(f *testing.F) {
	for _, s := range []string{
		"Jean Dupont", "DUPONT Jean", "Dupont, Jean", "Jean-Pierre de La Fontaine", "María García López",
		"de DUPONT", "J.P. DUPONT", "", ",", "a,b,c", "D'", "d’Alembert", "Jean\u00a0de\u202fla FONTAINE", "\xff DUPONT",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, full string) {
		first, last, _ := mapping.SplitFullName(full)
		// No word is lost, added or changed: the split only chooses where
		// each word goes.
		want := strings.Fields(strings.ReplaceAll(full, ",", " "))
		got := append(strings.Fields(first), strings.Fields(last)...)
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(want, got) {
			t.Fatalf("SplitFullName(%q) = %q, %q: words %q, want %q", full, first, last, got, want)
		}
		if len(want) > 0 && last == "" {
			t.Fatalf("SplitFullName(%q) = %q, %q: no last name", full, first, last)
		}
		for _, part := range []string{first, last} {
			if part != strings.Join(strings.Fields(part), " ") {
				t.Fatalf("SplitFullName(%q) = %q, %q: spaces not normalised", full, first, last)
			}
		}
		if utf8.ValidString(full) && !utf8.ValidString(first+last) {
			t.Fatalf("SplitFullName(%q) = %q, %q: invalid UTF-8", full, first, last)
		}
	})
}
