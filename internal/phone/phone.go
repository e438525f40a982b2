// Package phone is passerelle's one phone rule set: a phone number is
// read with a default region (the country of the lead when it is known,
// France by default, Spain for EasyCall's leads) and is valid when
// libphonenumber's metadata (github.com/nyaruka/phonenumbers) says it is
// a number of that region, or of the country its international prefix
// names. Validation in the service packages and the mapping package both
// call it, so a number one accepts the other carries.
//
// # The French numbering plan
//
// The overseas departments are dialled from France like any French
// number (0690 11 22 33) but have country codes of their own (+590 690
// 11 22 33). A national number that is not a valid mainland number, read
// with the default region FR, is read again in the regions of the French
// plan (GP, GF, MQ, RE, YT); so is a +33 number written with an overseas
// prefix, a common slip.
//
// # Speed
//
// libphonenumber parses a number in 10 to 30 µs and 30 to 110
// allocations. The numbers passerelle sees most, French and Spanish ones
// written with digits and separators, are answered from a table built
// from libphonenumber's own answers (plan_gen.go, regenerated and checked
// by TestPlanTable) in about 50 ns without allocating; every other text
// goes to libphonenumber. A differential fuzz test (FuzzFastPathAgrees)
// holds the two paths to the same answers.
//
// Importing libphonenumber has a fixed cost, measured with
// GODEBUG=inittrace=1 and go build: its metadata is decoded at program
// start (8 to 22 ms, 2.5 MB and 35,500 allocations) and it adds
// about 7.5 MB to a binary. A hand-written rule set would avoid both, but
// it would be a second rule set, already wrong today on numbers
// libphonenumber knows (070 to 072 are unallocated in France; Mayotte's
// mobiles are 0639 0x to 0639 7x only).
package phone

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/nyaruka/phonenumbers"
	"github.com/passerelle-go/passerelle/internal/enum"
)

// DefaultRegion is the region a number without an international prefix
// is read in when the caller gives none: France.
const DefaultRegion = "FR"

// ErrInvalid is the error Parse and Check wrap: the text is not a valid
// phone number.
var ErrInvalid = errors.New("invalid phone number")

// Type is the kind of line a number belongs to, from libphonenumber's
// metadata.
type Type uint8

// The types of numbers.
const (
	Unknown           Type = iota // the zero Number, or a type the metadata does not give
	FixedLine                     // a geographic landline
	Mobile                        // a mobile phone
	FixedLineOrMobile             // a plan that does not tell them apart (the United States)
	TollFree                      // free to the caller (0800 in France)
	PremiumRate                   // paid services (089x in France)
	SharedCost                    // shared cost (081x in France)
	VoIP                          // non-geographic, internet boxes (09 in France)
	PersonalNumber                // personal numbers that forward to another line
	Pager                         // pagers
	UAN                           // universal access numbers of companies
	Voicemail                     // voicemail access
)

var typeNames = [...]string{"unknown", "fixed line", "mobile", "fixed line or mobile", "toll free",
	"premium rate", "shared cost", "VoIP", "personal number", "pager", "UAN", "voicemail"}

// String is the type in English: "mobile", "fixed line", ...
func (t Type) String() string {
	if int(t) < len(typeNames) {
		return typeNames[t]
	}
	return "Type(" + strconv.Itoa(int(t)) + ")"
}

// fromLib converts libphonenumber's type.
func fromLib(t phonenumbers.PhoneNumberType) Type {
	switch t {
	case phonenumbers.FIXED_LINE:
		return FixedLine
	case phonenumbers.MOBILE:
		return Mobile
	case phonenumbers.FIXED_LINE_OR_MOBILE:
		return FixedLineOrMobile
	case phonenumbers.TOLL_FREE:
		return TollFree
	case phonenumbers.PREMIUM_RATE:
		return PremiumRate
	case phonenumbers.SHARED_COST:
		return SharedCost
	case phonenumbers.VOIP:
		return VoIP
	case phonenumbers.PERSONAL_NUMBER:
		return PersonalNumber
	case phonenumbers.PAGER:
		return Pager
	case phonenumbers.UAN:
		return UAN
	case phonenumbers.VOICEMAIL:
		return Voicemail
	}
	return Unknown
}

// Number is a valid phone number. It is comparable: two spellings of one
// number parse to equal Numbers. The zero Number is no number.
type Number struct {
	nsn    uint64  // national significant number, without its leading zeros
	cc     uint16  // country calling code: 33, 34, 590...
	zeros  uint8   // leading zeros of the national significant number (Italy's 06...)
	typ    Type    // kind of line
	region [2]byte // ISO 3166-1 alpha-2 region of the number
}

// IsZero reports whether n is no number.
func (n Number) IsZero() bool { return n == Number{} }

// CountryCode is the country calling code: 33 for France, 590 for
// Guadeloupe, 34 for Spain; 0 for the zero Number.
func (n Number) CountryCode() int { return int(n.cc) }

// Region is the ISO 3166-1 alpha-2 code of the number's region ("FR",
// "GP", "ES"); "" for the zero Number.
func (n Number) Region() string {
	if n.region[0] == 0 {
		return ""
	}
	return string(n.region[:])
}

// Type is the kind of line.
func (n Number) Type() Type { return n.typ }

// appendNSN appends the national significant number, leading zeros
// included.
func (n Number) appendNSN(b []byte) []byte {
	for range n.zeros {
		b = append(b, '0')
	}
	return strconv.AppendUint(b, n.nsn, 10)
}

// E164 is the number in E.164: "+33612345678"; "" for the zero Number.
func (n Number) E164() string {
	if n.IsZero() {
		return ""
	}
	var buf [24]byte
	b := append(buf[:0], '+')
	b = strconv.AppendUint(b, uint64(n.cc), 10)
	return string(n.appendNSN(b))
}

// lib is n as libphonenumber's value.
func (n Number) lib() *phonenumbers.PhoneNumber {
	cc := int32(n.cc)
	nsn := n.nsn
	p := &phonenumbers.PhoneNumber{CountryCode: &cc, NationalNumber: &nsn}
	if n.zeros > 0 {
		t, z := true, int32(n.zeros)
		p.ItalianLeadingZero, p.NumberOfLeadingZeros = &t, &z
	}
	return p
}

// National is the number as it is written in its region, with
// libphonenumber's grouping: "06 12 34 56 78", "612 34 56 78", "06 1234
// 5678", "0690 11 22 33"; "" for the zero Number.
func (n Number) National() string {
	switch {
	case n.IsZero():
		return ""
	case n.cc == 33 && n.region == [2]byte{'F', 'R'} && n.zeros == 0 && n.nsn >= 1e8 && n.nsn < 1e9 && n.nsn/1e6 != 800 && n.nsn/1e8 != 8:
		var buf [16]byte
		return string(appendFrenchPairs(buf[:0], n.nsn))
	}
	return phonenumbers.Format(n.lib(), phonenumbers.NATIONAL)
}

// appendFrenchPairs writes a 9-digit mainland number as five pairs: 0
// and the first digit, then four pairs.
func appendFrenchPairs(b []byte, nsn uint64) []byte {
	var d [9]byte
	for i := 8; i >= 0; i-- {
		d[i] = byte('0' + nsn%10)
		nsn /= 10
	}
	b = append(b, '0', d[0])
	for i := 1; i < 9; i += 2 {
		b = append(b, ' ', d[i], d[i+1])
	}
	return b
}

// NationalDigits is the number as dialled in its region, digits only:
// "0612345678" in France, "612345678" in Spain, "0612345678" in Italy;
// "" for the zero Number.
func (n Number) NationalDigits() string {
	if n.IsZero() {
		return ""
	}
	if n.cc == 33 && n.region == [2]byte{'F', 'R'} && n.zeros == 0 {
		var buf [16]byte
		return string(n.appendNSN(append(buf[:0], '0')))
	}
	nat := n.National()
	b := make([]byte, 0, len(nat))
	for i := 0; i < len(nat); i++ {
		if c := nat[i]; c >= '0' && c <= '9' {
			b = append(b, c)
		}
	}
	return string(b)
}

// AppendNationalDigits appends NationalDigits to b; for a mainland French
// number it does not allocate.
func (n Number) AppendNationalDigits(b []byte) []byte {
	if n.cc == 33 && n.region == [2]byte{'F', 'R'} && n.zeros == 0 {
		return n.appendNSN(append(b, '0'))
	}
	return append(b, n.NationalDigits()...)
}

// IsNational reports whether text is n written exactly as National writes
// it; for a mainland French number ("06 12 34 56 78") it builds nothing.
func (n Number) IsNational(text string) bool {
	if n.cc != 33 || n.region != [2]byte{'F', 'R'} || n.zeros != 0 || n.nsn/1e8 == 8 || len(text) != 14 {
		return text == n.National()
	}
	if text[0] != '0' {
		return false
	}
	var v uint64
	for i := 1; i < 14; i++ {
		c := text[i]
		switch {
		case i == 2 || i == 5 || i == 8 || i == 11:
			if c != ' ' {
				return false
			}
		case c >= '0' && c <= '9':
			v = v*10 + uint64(c-'0')
		default:
			return false
		}
	}
	return v == n.nsn
}

// String is E164.
func (n Number) String() string { return n.E164() }

// frenchPlan is the regions sharing France's trunk prefix 0, tried in
// order for a national number that is not a mainland one.
var frenchPlan = [...]string{"GP", "GF", "MQ", "RE", "YT"}

// Parse reads a phone number written in any usual way ("06 12 34 56 78",
// "+33 (0)6 12 34 56 78", "0033612345678", "612 345 678"). A number
// without "+" or an international prefix is read in region, an ISO
// 3166-1 alpha-2 code ("FR", "ES", "IT"; "" is DefaultRegion). The number
// must be valid by libphonenumber's metadata; the error wraps ErrInvalid
// and says why, without repeating the text (it may be personal data).
func Parse(text, region string) (Number, error) {
	if region == "" {
		region = DefaultRegion
	}
	if n, ok := fast(text, region); ok {
		return n, nil
	}
	return slow(text, region)
}

// slow is libphonenumber's answer.
func slow(text, region string) (Number, error) {
	region = strings.ToUpper(strings.TrimSpace(region))
	text = strings.TrimSpace(text)
	if text == "" {
		return Number{}, fmt.Errorf("%w: empty", ErrInvalid)
	}
	p, err := phonenumbers.Parse(text, region)
	if err != nil {
		return Number{}, fmt.Errorf("%w: %s", ErrInvalid, reason(err))
	}
	if !phonenumbers.IsValidNumber(p) && p.GetCountryCode() == 33 {
		national := "0" + strconv.FormatUint(p.GetNationalNumber(), 10)
		for _, r := range frenchPlan {
			if q, err := phonenumbers.Parse(national, r); err == nil && phonenumbers.IsValidNumber(q) {
				p = q
				break
			}
		}
	}
	if !phonenumbers.IsValidNumber(p) {
		where := phonenumbers.GetRegionCodeForCountryCode(int(p.GetCountryCode()))
		if where == "" || where == "ZZ" {
			return Number{}, fmt.Errorf("%w: +%d is no country's calling code", ErrInvalid, p.GetCountryCode())
		}
		return Number{}, fmt.Errorf("%w: not a number of the %s numbering plan (+%d)", ErrInvalid, where, p.GetCountryCode())
	}
	n := Number{nsn: p.GetNationalNumber(), cc: uint16(p.GetCountryCode()), typ: fromLib(phonenumbers.GetNumberType(p))}
	if p.GetItalianLeadingZero() {
		n.zeros = uint8(max(p.GetNumberOfLeadingZeros(), 1))
	}
	if r := phonenumbers.GetRegionCodeForNumber(p); len(r) == 2 {
		n.region = [2]byte{r[0], r[1]}
	}
	return n, nil
}

// reason says why libphonenumber could not read a text.
func reason(err error) string {
	switch {
	case errors.Is(err, phonenumbers.ErrInvalidCountryCode):
		return "unknown country calling code"
	case errors.Is(err, phonenumbers.ErrNotANumber):
		return "not a number"
	case errors.Is(err, phonenumbers.ErrTooShortNSN), errors.Is(err, phonenumbers.ErrTooShortAfterIDD):
		return "too few digits"
	case errors.Is(err, phonenumbers.ErrNumTooLong):
		return "too many digits"
	}
	return "not a number"
}

// Valid reports whether text is a valid phone number read in region.
func Valid(text, region string) bool {
	_, err := Parse(text, region)
	return err == nil
}

// Check returns nil when text is a valid phone number read in region,
// else an error wrapping ErrInvalid that says why. Service packages call
// it to validate the phones a caller sets.
func Check(text, region string) error {
	_, err := Parse(text, region)
	return err
}

// RegionOf is the region to read a lead's phones in: the country's ISO
// 3166-1 alpha-2 code when Country knows it, else fallback. Validation in
// the service packages and the mapping package read a lead's country the
// same way, so that they read its phones in the same region.
func RegionOf(country, fallback string) string {
	if c, ok := Country(country); ok {
		return c
	}
	return fallback
}

// Country is the ISO 3166-1 alpha-2 code of a country written as a code in
// any letter case ("fr") or by its name in French, English, Spanish,
// Italian or its own language ("France", "España", "Italia", "UK"),
// spaces around ignored; ok is false for a text that names no country
// known here. Two letters are a code only when they are an assigned ISO
// 3166-1 alpha-2 code (IsISOCode): "XX" and "EN" name no country.
func Country(s string) (code string, ok bool) {
	t := strings.TrimSpace(s)
	if len(t) == 2 && isLetter(t[0]) && isLetter(t[1]) {
		if c := strings.ToUpper(t); isoCodes[c] {
			return c, true
		}
	}
	code, ok = countryNames[enum.Fold(t)]
	return code, ok
}

// IsISOCode reports whether s is an assigned ISO 3166-1 alpha-2 code, in
// capitals: "FR", "GB", "GP"; not "UK", "XX", "fr".
func IsISOCode(s string) bool { return len(s) == 2 && isoCodes[s] }

// isoCodes is every assigned ISO 3166-1 alpha-2 code: libphonenumber's
// regions, less the codes it uses that ISO 3166-1 does not assign (AC
// Ascension and TA Tristan da Cunha, exceptionally reserved; XK Kosovo,
// user-assigned), plus the territories without a numbering plan of their
// own.
var isoCodes = func() map[string]bool {
	m := make(map[string]bool, 256)
	for c := range phonenumbers.GetSupportedRegions() {
		m[c] = true
	}
	delete(m, "AC")
	delete(m, "TA")
	delete(m, "XK")
	for _, c := range []string{"AQ", "BV", "GS", "HM", "PN", "TF", "UM"} {
		m[c] = true
	}
	return m
}()

// countryNames maps country names in French, English, Spanish, Italian
// and the country's own language (folded) to ISO 3166-1 alpha-2 codes:
// the countries passerelle's services meet.
var countryNames = map[string]string{
	"france": "FR", "francia": "FR", "frankreich": "FR", "republique francaise": "FR",
	"espagne": "ES", "spain": "ES", "espana": "ES", "spagna": "ES", "spanien": "ES",
	"italie": "IT", "italy": "IT", "italia": "IT", "italien": "IT",
	"portugal": "PT", "portogallo": "PT",
	"belgique": "BE", "belgium": "BE", "belgica": "BE", "belgio": "BE", "belgie": "BE", "belgien": "BE",
	"suisse": "CH", "switzerland": "CH", "suiza": "CH", "svizzera": "CH", "schweiz": "CH",
	"allemagne": "DE", "germany": "DE", "alemania": "DE", "germania": "DE", "deutschland": "DE",
	"luxembourg": "LU", "luxemburgo": "LU", "lussemburgo": "LU", "luxemburg": "LU",
	"monaco": "MC", "monaco principaute": "MC", "andorre": "AD", "andorra": "AD",
	"royaume-uni": "GB", "royaume uni": "GB", "united kingdom": "GB", "uk": "GB", "reino unido": "GB", "regno unito": "GB",
	"pays-bas": "NL", "pays bas": "NL", "netherlands": "NL", "paises bajos": "NL", "paesi bassi": "NL", "nederland": "NL",
	"maroc": "MA", "morocco": "MA", "marruecos": "MA", "marocco": "MA",
	"algerie": "DZ", "algeria": "DZ", "tunisie": "TN", "tunisia": "TN", "tunez": "TN",
	"guadeloupe": "GP", "martinique": "MQ", "guyane": "GF", "la reunion": "RE", "reunion": "RE", "mayotte": "YT",
}

func isLetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }
