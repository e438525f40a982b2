package mapping

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrInvalidPhone is the error ParsePhone wraps: the text is not a phone
// number.
var ErrInvalidPhone = errors.New("invalid phone number")

// PhoneKind is the kind of a phone number, from the French numbering plan
// (ARCEP): the first two digits of the national number.
type PhoneKind int

// The kinds of phone numbers.
const (
	PhoneKindUnknown   PhoneKind = iota // the zero Phone
	PhoneMobile                         // 06, 07: mobile (the overseas departments' 0639, 069x too)
	PhoneLandline                       // 01 to 05: geographic (the overseas departments' 0262, 059x too)
	PhoneNonGeographic                  // 09: non-geographic, mostly internet boxes (VoIP)
	PhoneSpecial                        // 08: special rates, free or premium (0800, 089x)
	PhoneForeign                        // outside the French plan: kept in E.164
)

var phoneKindNames = [...]string{"unknown", "mobile", "landline", "non-geographic", "special", "foreign"}

// String is the kind in English: "mobile", "landline", ...
func (k PhoneKind) String() string {
	if k >= 0 && int(k) < len(phoneKindNames) {
		return phoneKindNames[k]
	}
	return "PhoneKind(" + strconv.Itoa(int(k)) + ")"
}

// overseasPhone lists the French national prefixes of the overseas
// departments, which are dialled from France like any French number but
// have their own country code: 06 94 exists as +594 6 94, never as +33 6
// 94. (Mayotte's former code +269 is the Comoros' since 2007: Mayotte is
// +262.)
var overseasPhone = []struct {
	prefix      string // national prefix, trunk 0 included
	countryCode string
}{
	{"0590", "590"}, {"0690", "590"}, {"0691", "590"}, // Guadeloupe, Saint-Barthélemy, Saint-Martin
	{"0594", "594"}, {"0694", "594"}, // Guyane
	{"0596", "596"}, {"0696", "596"}, {"0697", "596"}, // Martinique
	{"0262", "262"}, {"0263", "262"}, {"0692", "262"}, {"0693", "262"}, // La Réunion
	{"0269", "262"}, {"0639", "262"}, // Mayotte
}

// overseasCountryCode returns the country code of a French national
// number with an overseas prefix, or "".
func overseasCountryCode(national string) string {
	for _, o := range overseasPhone {
		if strings.HasPrefix(national, o.prefix) {
			return o.countryCode
		}
	}
	return ""
}

// Phone is a phone number: a French one, kept as its 10-digit national
// number, or a foreign one, kept in E.164. The zero Phone is no number.
// Phones are comparable: two spellings of a number parse to equal Phones.
//
// French means the French numbering plan: mainland France and the
// overseas departments (Guadeloupe, Saint-Barthélemy, Saint-Martin,
// Guyane, Martinique, La Réunion, Mayotte), whose numbers are written 0
// and nine digits at home and +590, +594, +596 or +262 abroad (see
// E164). Saint-Pierre-et-Miquelon (+508) and the Pacific territories
// (+681, +687, +689) have plans of their own: they are Foreign.
type Phone struct {
	national string // French: 10 digits, "0690112233"
	foreign  string // foreign: E.164 digits without "+", "34612345678"
}

// ParsePhone reads a phone number written with spaces, dots, dashes,
// slashes or parentheses between the digits:
//
//   - a French national number, 10 digits with a leading 0: "06 90 11 22
//     33", "01.23.45.67.89";
//   - an international number, "+" or "00" then the country code: "+33 6
//     90 11 22 33", "0033690112233", "+33 (0)6 90 11 22 33", "+34 612
//     345 678". A trunk 0 written after +33 ("+33 06...") or as "(0)" is
//     dropped. +33, +262, +590, +594 and +596 numbers of the French plan
//     are French; other numbers are Foreign and need 7 to 15 digits. An
//     overseas number written with +33 ("+33 6 90 11 22 33", a common
//     slip) is read as the overseas number it is, and E164 writes it with
//     its own code; a +262, +590, +594 or +596 number outside the
//     overseas prefixes listed in the French plan is kept as Foreign.
//
// A number without "+" or "00" is French: a foreign number must carry its
// country code. The error wraps ErrInvalidPhone and says what is wrong:
// letters, too few or too many digits, a misplaced "+".
func ParsePhone(s string) (Phone, error) {
	bad := func(format string, args ...any) (Phone, error) {
		return Phone{}, fmt.Errorf("%w %q: %s", ErrInvalidPhone, s, fmt.Sprintf(format, args...))
	}
	text := strings.TrimSpace(s)
	if text == "" {
		return bad("empty")
	}
	plus := strings.HasPrefix(text, "+")
	if plus || strings.HasPrefix(text, "00") {
		text = strings.Replace(text, "(0)", "", 1) // "+33 (0)6 ...", "+44 (0)20 ..."
	}
	digits := make([]byte, 0, 16)
	for i, r := range text {
		switch {
		case r >= '0' && r <= '9':
			if len(digits) == 20 {
				return bad("too many digits")
			}
			digits = append(digits, byte(r))
		case r == '+' && i == 0:
		case r == '+':
			return bad("\"+\" must come first")
		case r == ' ' || r == '.' || r == '-' || r == '/' || r == '(' || r == ')' ||
			r == '\t' || r == '\u00a0' || r == '\u202f':
		default:
			return bad("%q is not allowed in a phone number", r)
		}
	}
	d := string(digits)
	switch {
	case plus:
		return parseInternational(d, bad)
	case strings.HasPrefix(d, "00"):
		return parseInternational(d[2:], bad)
	case len(d) == 10 && d[0] == '0':
		return Phone{national: d}, nil
	case len(d) == 9 && d[0] != '0':
		return bad("a French number has 10 digits, got 9: is the leading 0 missing?")
	case len(d) == 10:
		return bad("a French number starts with 0; write a foreign number with + and its country code")
	}
	return bad("a French number has 10 digits, got %d", len(d))
}

// parseInternational reads the digits after "+" or "00".
func parseInternational(d string, bad func(string, ...any) (Phone, error)) (Phone, error) {
	if d == "" || d[0] == '0' {
		return bad("no country code after the international prefix")
	}
	if rest, ok := strings.CutPrefix(d, "33"); ok {
		if len(rest) == 10 && rest[0] == '0' {
			rest = rest[1:] // +33 06 ...
		}
		if len(rest) != 9 || rest[0] == '0' {
			return bad("a +33 number has 9 digits after 33, the first not 0")
		}
		return Phone{national: "0" + rest}, nil
	}
	for _, o := range overseasPhone {
		rest, ok := strings.CutPrefix(d, o.countryCode)
		if !ok {
			continue
		}
		if len(rest) == 10 && rest[0] == '0' {
			rest = rest[1:]
		}
		if national := "0" + rest; len(rest) == 9 && overseasCountryCode(national) == o.countryCode {
			return Phone{national: national}, nil
		}
		break // outside the French plan's ranges: kept as foreign
	}
	if len(d) < 7 || len(d) > 15 {
		return bad("an international number has 7 to 15 digits, got %d", len(d))
	}
	return Phone{foreign: d}, nil
}

// IsZero reports whether p is no number.
func (p Phone) IsZero() bool { return p == Phone{} }

// Kind returns the kind of number: for a French number, from its first
// two digits (06 and 07 mobile, 01 to 05 landline, 09 non-geographic, 08
// special); PhoneForeign for a foreign number.
func (p Phone) Kind() PhoneKind {
	switch {
	case p.foreign != "":
		return PhoneForeign
	case p.national == "":
		return PhoneKindUnknown
	}
	switch c := p.national[1]; {
	case c == '6' || c == '7':
		return PhoneMobile
	case c >= '1' && c <= '5':
		return PhoneLandline
	case c == '9':
		return PhoneNonGeographic
	}
	return PhoneSpecial
}

// E164 returns the number in E.164: "+33690112233" for a mainland
// number, "+590690112233" for a Guadeloupe one (the overseas departments'
// own country codes), "+34612345678" for a foreign one; "" for the zero
// Phone.
func (p Phone) E164() string {
	switch {
	case p.foreign != "":
		return "+" + p.foreign
	case p.national == "":
		return ""
	}
	if cc := overseasCountryCode(p.national); cc != "" {
		return "+" + cc + p.national[1:]
	}
	return "+33" + p.national[1:]
}

// National returns a French number as the French write it, five pairs of
// digits: "06 90 11 22 33". A foreign number has no French form: National
// returns its E.164 form. It is "" for the zero Phone.
func (p Phone) National() string {
	if p.national == "" {
		return p.E164()
	}
	var b strings.Builder
	for i := 0; i < len(p.national); i += 2 {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(p.national[i : i+2])
	}
	return b.String()
}

// isNational reports whether text is p written as National writes it,
// without building that text.
func (p Phone) isNational(text string) bool {
	if p.national == "" || len(text) != 14 {
		return p.national == "" && text == p.E164()
	}
	for i, j := 0, 0; i < len(p.national); i, j = i+2, j+3 {
		if text[j:j+2] != p.national[i:i+2] || j+2 < len(text) && text[j+2] != ' ' {
			return false
		}
	}
	return true
}

// Digits returns a French number's 10 digits without spaces
// ("0690112233"), the form most French forms and services want, or the
// E.164 form of a foreign number.
func (p Phone) Digits() string {
	if p.national == "" {
		return p.E164()
	}
	return p.national
}

// String is National.
func (p Phone) String() string { return p.National() }

// MarshalText writes E164; the zero Phone is empty.
func (p Phone) MarshalText() ([]byte, error) { return []byte(p.E164()), nil }

// UnmarshalText reads any form ParsePhone accepts; blank text is the zero
// Phone.
func (p *Phone) UnmarshalText(b []byte) error {
	if strings.TrimSpace(string(b)) == "" {
		*p = Phone{}
		return nil
	}
	v, err := ParsePhone(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}
