package factory

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/passerelle-go/passerelle/internal/paris"
	"github.com/passerelle-go/passerelle/internal/wire"
)

// Paris is La Factory's time zone: its dates carry none.
var Paris = paris.Location

// La Factory's date formats.
const (
	DateTimeLayout = "20060102150405" // aaaammjjhhmmss
	DateLayout     = "20060102"       // aaaammjj
)

// DateTime is a date and time in La Factory's aaaammjjhhmmss format, in
// Europe/Paris. A value La Factory sent that does not parse is kept as it
// was in Raw and sent back unchanged, so that an update never blanks it.
type DateTime struct {
	time.Time
	// Raw is the text La Factory sent when it did not parse; it is sent
	// back as it is.
	Raw string
}

// NewDateTime returns t as a DateTime.
func NewDateTime(t time.Time) DateTime { return DateTime{Time: t} }

// ParseDateTime reads aaaammjjhhmmss in Europe/Paris.
func ParseDateTime(s string) (DateTime, error) {
	t, err := time.ParseInLocation(DateTimeLayout, s, Paris)
	if err != nil {
		return DateTime{}, fmt.Errorf("date-time %q is not in the aaaammjjhhmmss format", s)
	}
	return DateTime{Time: t}, nil
}

// String is the wire form: aaaammjjhhmmss in Europe/Paris, Raw, or "".
func (d DateTime) String() string { return formatDate(d.Time, d.Raw, DateTimeLayout) }

// IsZero reports whether there is neither a time nor a raw value.
func (d DateTime) IsZero() bool { return d.Time.IsZero() && d.Raw == "" }

// Valid reports whether the value is empty or a parsed time.
func (d DateTime) Valid() bool { return d.Raw == "" }

// MarshalJSON sends the wire form as a JSON string.
func (d DateTime) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// UnmarshalJSON reads a string (or a number) in aaaammjjhhmmss; an
// unparseable value is kept in Raw, never an error.
func (d *DateTime) UnmarshalJSON(b []byte) error {
	t, raw, err := unmarshalDate(b, DateTimeLayout)
	*d = DateTime{Time: t, Raw: raw}
	return err
}

// Date is a calendar date in La Factory's aaaammjj format (birth dates).
// Like DateTime, it keeps an unparseable value in Raw.
type Date struct {
	time.Time
	// Raw is the text La Factory sent when it did not parse; it is sent
	// back as it is.
	Raw string
}

// NewDate returns the date of t in Europe/Paris.
func NewDate(year int, month time.Month, day int) Date {
	return Date{Time: time.Date(year, month, day, 0, 0, 0, 0, Paris)}
}

// ParseDate reads aaaammjj.
func ParseDate(s string) (Date, error) {
	t, err := time.ParseInLocation(DateLayout, s, Paris)
	if err != nil {
		return Date{}, fmt.Errorf("date %q is not in the aaaammjj format", s)
	}
	return Date{Time: t}, nil
}

// String is the wire form: aaaammjj, Raw, or "".
func (d Date) String() string { return formatDate(d.Time, d.Raw, DateLayout) }

// IsZero reports whether there is neither a date nor a raw value.
func (d Date) IsZero() bool { return d.Time.IsZero() && d.Raw == "" }

// Valid reports whether the value is empty or a parsed date.
func (d Date) Valid() bool { return d.Raw == "" }

// MarshalJSON sends the wire form as a JSON string.
func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// UnmarshalJSON reads aaaammjj; an unparseable value is kept in Raw.
func (d *Date) UnmarshalJSON(b []byte) error {
	t, raw, err := unmarshalDate(b, DateLayout)
	*d = Date{Time: t, Raw: raw}
	return err
}

func formatDate(t time.Time, raw, layout string) string {
	switch {
	case raw != "":
		return raw
	case t.IsZero():
		return ""
	}
	return t.In(Paris).Format(layout)
}

func unmarshalDate(b []byte, layout string) (time.Time, string, error) {
	s, err := wire.Text(b)
	if err != nil {
		return time.Time{}, "", err
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, "", nil
	}
	t, err := time.ParseInLocation(layout, s, Paris)
	if err != nil {
		return time.Time{}, s, nil
	}
	return t, "", nil
}

// LotCode is a lot's code, xxxxx_yyyy: the programme's 5-character
// primpromo code and the lot's 4-character sales number.
type LotCode string

// NewLotCode joins a programme code and a lot number, checking both.
func NewLotCode(program, lot string) (LotCode, error) {
	c := LotCode(program + "_" + lot)
	return c, c.Validate()
}

// Split returns the programme code and the lot number.
func (c LotCode) Split() (program, lot string, err error) {
	if err := c.Validate(); err != nil {
		return "", "", err
	}
	program, lot, _ = strings.Cut(string(c), "_")
	return program, lot, nil
}

// Validate checks the xxxxx_yyyy form: 5 then 4 letters or digits.
func (c LotCode) Validate() error {
	program, lot, ok := strings.Cut(string(c), "_")
	if !ok || len(program) != 5 || len(lot) != 4 || !alnum(program) || !alnum(lot) {
		return fmt.Errorf("lot code %q is not xxxxx_yyyy (5 then 4 letters or digits)", string(c))
	}
	return nil
}

func alnum(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
			return false
		}
	}
	return true
}

// ValidINSEE reports whether s is an INSEE commune code: 5 digits, or 2A/2B
// and 3 digits for Corsica.
func ValidINSEE(s string) bool {
	if len(s) != 5 {
		return false
	}
	head := s[:2]
	if head != "2A" && head != "2B" && !digits(head) {
		return false
	}
	return digits(s[2:])
}

// ValidPostalCode reports whether s is a French postal code: 5 digits.
func ValidPostalCode(s string) bool { return len(s) == 5 && digits(s) }

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
