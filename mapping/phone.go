package mapping

import (
	"strconv"
	"strings"

	"github.com/passerelle-go/passerelle/internal/phone"
)

// ErrInvalidPhone is the error ParsePhone and ParsePhoneIn wrap: the text
// is not a valid phone number.
var ErrInvalidPhone = phone.ErrInvalid

// PhoneKind is the kind of line a phone number belongs to, from
// libphonenumber's metadata for its region.
type PhoneKind int

// The kinds of phone numbers.
const (
	PhoneKindUnknown      PhoneKind = iota // the zero Phone
	PhoneMobile                            // a mobile phone (06, 07 in France; 6, 7 in Spain)
	PhoneLandline                          // a geographic landline (01 to 05 in France)
	PhoneNonGeographic                     // non-geographic, mostly internet boxes (09 in France)
	PhoneSpecial                           // toll-free, shared-cost, premium-rate and other service numbers (08 in France)
	PhoneMobileOrLandline                  // a plan that does not tell mobiles and landlines apart (the United States)
)

var phoneKindNames = [...]string{"unknown", "mobile", "landline", "non-geographic", "special", "mobile or landline"}

// String is the kind in English: "mobile", "landline", ...
func (k PhoneKind) String() string {
	if k >= 0 && int(k) < len(phoneKindNames) {
		return phoneKindNames[k]
	}
	return "PhoneKind(" + strconv.Itoa(int(k)) + ")"
}

// Phone is a valid phone number, in any country. The zero Phone is no
// number. Phones are comparable: two spellings of a number parse to
// equal Phones.
//
// Numbers are read with one rule set, libphonenumber's metadata (see
// ParsePhoneIn), shared with the service packages' validation: a number
// one accepts, the other carries.
type Phone struct{ n phone.Number }

// ParsePhone reads a phone number in France's numbering plan: "06 12 34
// 56 78", "01.23.45.67.89", "+33 (0)6 12 34 56 78", "0033612345678", the
// overseas departments' numbers ("06 90 11 22 33" is Guadeloupe's
// +590 690 11 22 33), and any number written with "+" or "00" and its
// country code. It is ParsePhoneIn(s, "FR").
func ParsePhone(s string) (Phone, error) { return ParsePhoneIn(s, "FR") }

// ParsePhoneIn reads a phone number; one without an international prefix
// is read in region, an ISO 3166-1 alpha-2 code ("FR", "ES", "IT"; ""
// is France): "612 345 678" is a Spanish mobile in ES and no number in
// FR, "06 1234 5678" a Roman landline in IT. The number must be valid by
// libphonenumber's metadata; the error wraps ErrInvalidPhone and says
// why, without the text.
func ParsePhoneIn(s, region string) (Phone, error) {
	n, err := phone.Parse(s, region)
	if err != nil {
		return Phone{}, err
	}
	return Phone{n}, nil
}

// IsZero reports whether p is no number.
func (p Phone) IsZero() bool { return p.n.IsZero() }

// Kind returns the kind of line.
func (p Phone) Kind() PhoneKind {
	switch p.n.Type() {
	case phone.Unknown:
		if p.IsZero() {
			return PhoneKindUnknown
		}
		return PhoneSpecial
	case phone.Mobile:
		return PhoneMobile
	case phone.FixedLine:
		return PhoneLandline
	case phone.VoIP:
		return PhoneNonGeographic
	case phone.FixedLineOrMobile:
		return PhoneMobileOrLandline
	}
	return PhoneSpecial
}

// Region is the ISO 3166-1 alpha-2 code of the number's region: "FR",
// "GP" (Guadeloupe), "ES"; "" for the zero Phone.
func (p Phone) Region() string { return p.n.Region() }

// French reports whether the number is of the French numbering plan:
// mainland France and the overseas departments dialled with a 0 from
// France (Guadeloupe, Saint-Barthélemy, Saint-Martin, Guyane, Martinique,
// La Réunion, Mayotte) whose national form reads back, in France, as the
// same number: Guadeloupe's +590 690 11 22 33 is "0690 11 22 33", but
// its service number +590 800 22 20 00 is not French here, since "0800
// 22 20 00" is a mainland number.
func (p Phone) French() bool {
	switch p.n.Region() {
	case "FR":
		return true
	case "GP", "BL", "MF", "GF", "MQ", "RE", "YT":
		q, err := ParsePhoneIn(p.National(), "FR")
		return err == nil && q == p
	}
	return false
}

// E164 returns the number in E.164: "+33612345678", "+590690112233",
// "+34612345678"; "" for the zero Phone.
func (p Phone) E164() string { return p.n.E164() }

// National returns the number as it is written in its region: "06 12 34
// 56 78", "0690 11 22 33", "612 34 56 78"; "" for the zero Phone.
func (p Phone) National() string { return p.n.National() }

// Digits returns the number as dialled in its region, digits only:
// "0612345678", the form French forms and services want; "612345678" for
// a Spanish number. "" for the zero Phone.
func (p Phone) Digits() string { return p.n.NationalDigits() }

// appendDigits appends Digits to b (without allocating for a mainland
// French number).
func (p Phone) appendDigits(b []byte) []byte { return p.n.AppendNationalDigits(b) }

// String is National.
func (p Phone) String() string { return p.National() }

// isNational reports whether text is p written as National writes it,
// without building that text for a mainland French number.
func (p Phone) isNational(text string) bool { return p.n.IsNational(text) }

// MarshalText writes E164; the zero Phone is empty.
func (p Phone) MarshalText() ([]byte, error) { return []byte(p.E164()), nil }

// UnmarshalText reads any form ParsePhone accepts (an E.164 number
// always reads back to itself); blank text is the zero Phone.
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
