package mapping

import (
	"errors"
	"fmt"
	"strings"

	"github.com/passerelle-go/passerelle/internal/phone"
)

// The errors Department wraps.
var (
	// ErrInvalidPostalCode means the text is not a French postal code (5
	// digits).
	ErrInvalidPostalCode = errors.New("invalid postal code")
	// ErrNoDepartment means the postal code is well formed but belongs to
	// no French department or territory (00xxx, 96xxx, Monaco's 980xx,
	// 99xxx).
	ErrNoDepartment = errors.New("postal code of no French department")
)

// overseasPostal gives the code of the overseas departments and
// territories from the start of their postal codes; the first match wins.
// Saint-Barthélemy and Saint-Martin left Guadeloupe in 2007 but kept its
// postal codes 97133 and 97150: they get their own codes, 977 and 978.
var overseasPostal = []struct{ prefix, code string }{
	{"97133", "977"}, // Saint-Barthélemy
	{"97150", "978"}, // Saint-Martin
	{"971", "971"},   // Guadeloupe
	{"972", "972"},   // Martinique
	{"973", "973"},   // Guyane
	{"974", "974"},   // La Réunion
	{"975", "975"},   // Saint-Pierre-et-Miquelon
	{"976", "976"},   // Mayotte
	{"986", "986"},   // Wallis-et-Futuna
	{"987", "987"},   // Polynésie française
	{"988", "988"},   // Nouvelle-Calédonie
}

// Department returns the code of the department of a French postal code,
// as INSEE writes it: "75" for 75001, "01" for 01000, "2A" (Corse-du-Sud)
// for 20000 to 20199, "2B" (Haute-Corse) for 20200 to 20999, and three
// digits overseas: "971" Guadeloupe, "972" Martinique, "973" Guyane, "974"
// La Réunion, "976" Mayotte. The overseas collectivities get their INSEE
// code too, although they are not departments: "975"
// Saint-Pierre-et-Miquelon, "977" Saint-Barthélemy (97133), "978"
// Saint-Martin (97150), "986" Wallis-et-Futuna, "987" French Polynesia,
// "988" New Caledonia.
//
// A postal code names a post office, not a commune: a few communes near a
// department's border have the postal code of the neighbouring
// department's office (05110 serves communes of the 04). The INSEE code
// of the commune is the exact answer when it is known.
//
// The code must be 5 digits (surrounding spaces are ignored), else the
// error wraps ErrInvalidPostalCode; codes of no department (00xxx, 96xxx,
// 970xx, 979xx, Monaco's 98000, 99xxx) wrap ErrNoDepartment.
func Department(postalCode string) (string, error) {
	pc := strings.TrimSpace(postalCode)
	code, ok := department(postalCode)
	switch {
	case ok:
		return code, nil
	case !allDigits(pc) || len(pc) != 5:
		return "", fmt.Errorf("%w %q: want 5 digits", ErrInvalidPostalCode, postalCode)
	case strings.HasPrefix(pc, "980"):
		return "", fmt.Errorf("%w: %s is Monaco's", ErrNoDepartment, pc)
	}
	return "", fmt.Errorf("%w: %s", ErrNoDepartment, pc)
}

// department is Department without building an error: ok is false for a
// text that is not the postal code of a French department or territory.
func department(postalCode string) (string, bool) {
	pc := strings.TrimSpace(postalCode)
	if !allDigits(pc) || len(pc) != 5 {
		return "", false
	}
	switch head := pc[:2]; {
	case head == "00" || head == "96" || head == "99":
		return "", false
	case head == "20":
		if pc[2] <= '1' {
			return "2A", true
		}
		return "2B", true
	case head == "97" || head == "98":
		for _, o := range overseasPostal {
			if strings.HasPrefix(pc, o.prefix) {
				return o.code, true
			}
		}
		return "", false
	default:
		return head, true
	}
}

// allDigits reports whether s is ASCII digits only (and not empty).
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// Country returns the ISO 3166-1 alpha-2 code of a country written as a
// code in any case ("fr", "FR") or by its name in French, English,
// Spanish, Italian or its own language ("France", "España", "Italia"),
// and how faithful the reading is: 0 when s is already an assigned
// upper-case code, Normalised when its spelling changed ("fr", "UK" for
// GB), NoValue (and "") for a text that names no country known here, two
// letters that are no assigned code ("XX", "EN") included.
func Country(s string) (code string, loss Loss) {
	if phone.IsISOCode(s) {
		return s, 0
	}
	if c, ok := phone.Country(s); ok {
		return c, Normalised
	}
	return "", NoValue
}

// isFrance reports whether a lead's country, in any spelling Country
// reads, is France; normalised is true when it was not written "FR".
func isFrance(country string) (france, normalised bool) {
	if country == "FR" {
		return true, false
	}
	c, _ := Country(country)
	return c == "FR", true
}
