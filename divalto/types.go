package divalto

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/passerelle-go/passerelle/internal/enum"
	"github.com/passerelle-go/passerelle/internal/paris"
	"github.com/passerelle-go/passerelle/internal/validate"
	"github.com/passerelle-go/passerelle/internal/wire"
)

//go:generate go run ../internal/enum/enumgen -output enums_gen.go -strings Language,ResultType,OrderBy,Verb DiscountType YesNo

// Number is a number as weavy writes it: a JSON string ("0.00",
// "47.33222", "25"). It keeps the exact text, so a value read and written
// back is unchanged; Float64 and Int read it.
type Number string

// Float64 reads the number; "" is an error.
func (n Number) Float64() (float64, error) {
	return strconv.ParseFloat(strings.TrimSpace(string(n)), 64)
}

// Int reads an integer number (a Workforce); "" is an error.
func (n Number) Int() (int, error) { return strconv.Atoi(strings.TrimSpace(string(n))) }

// Flag is a field of a related record (a user, a product depot) that
// looks like a 0/1 flag but that WebHook Prospect (V5.7) does not type:
// weavy's text, kept as it came ("1", "0", "", or another value such as
// "2"), so that any value decodes and is written back unchanged.
type Flag string

// On reports whether the flag reads as set: "1", "true", "oui" or "yes"
// (in any case, spaces ignored).
func (f Flag) On() bool {
	v, _, ok := parseFlag(string(f))
	return ok && v
}

// Bool reads the flag: true for what On accepts, false for "0", "false",
// "non", "no" and "" (in any case, spaces ignored); ok is false for any
// other text, such as "2".
func (f Flag) Bool() (value, ok bool) {
	v, _, ok := parseFlag(string(f))
	return v, ok
}

// Ref is a reference to a weavy generic type (table sw_data_generictype):
// a data type and a code, written "COUNTRY-FR" on the wire. weavy's GET
// answers hold the bare code ("FR") while PUT wants the qualified code
// (WebHook Prospect (V5.7), verb PUT: "COUNTRY-FR", "CUSTOMER_TYPE-CTP"),
// so a Ref keeps whichever it was given: a Ref read and written back is
// unchanged, and Put qualifies a bare code with its field's data type
// (Qualified).
//
// A Prospect read from weavy splits a field's text only at that field's
// own data type: "GRAND-EST" in generictype_ID_prospectFamily is the bare
// code GRAND-EST, "CUSTOMER_FAMILY-Est" is the family Est.
type Ref struct {
	// DataType is the generic type's data type (dataType: COUNTRY,
	// CUSTOMER_TYPE, ...); "" for a bare code.
	DataType string
	// Code is the code within the data type (originalCode: FR, CTP, ...).
	Code string
}

// NewRef returns the reference to code of the data type.
func NewRef(dataType, code string) Ref { return Ref{DataType: dataType, Code: code} }

// ParseRef splits "COUNTRY-FR" into data type and code when the field's
// data type is not known. It guesses: a text whose part before the first
// "-" is an upper-case name (A-Z, 0-9, _) is read as qualified, so
// ParseRef("GRAND-EST") has the data type GRAND; ParseRef("FR") and
// ParseRef("CA 20 à 50 M€") have none. Where the data type is known,
// compare with it instead (a Prospect's fields do). String joins the
// parts back to the same text.
func ParseRef(s string) Ref {
	if dt, code, ok := strings.Cut(s, "-"); ok && isDataType(dt) {
		return Ref{DataType: dt, Code: code}
	}
	return Ref{Code: s}
}

func isDataType(s string) bool {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// String is the wire form: "COUNTRY-FR", or the bare code.
func (r Ref) String() string {
	if r.DataType == "" {
		return r.Code
	}
	return r.DataType + "-" + r.Code
}

// IsZero reports whether the reference is empty.
func (r Ref) IsZero() bool { return r == Ref{} }

// Qualified returns the reference with dataType when it has none: a bare
// "FR" becomes "COUNTRY-FR". An empty reference stays empty.
func (r Ref) Qualified(dataType string) Ref {
	if r.DataType == "" && r.Code != "" && dataType != "" {
		r.DataType = dataType
	}
	return r
}

// MarshalText writes String.
func (r Ref) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText reads the text with ParseRef.
func (r *Ref) UnmarshalText(b []byte) error { *r = ParseRef(string(b)); return nil }

func (r Ref) problem(dataType string) string {
	switch {
	case r.IsZero():
		return ""
	case r.Code == "":
		return "has a data type but no code"
	case dataType != "" && r.DataType != "" && r.DataType != dataType:
		return fmt.Sprintf("is a %s, want a %s", r.DataType, dataType)
	}
	return validate.TextProblem(r.String(), false)
}

// Paris is weavy's time zone: its dates carry none.
var Paris = paris.Location

// DateTimeLayout is weavy's date format, in Europe/Paris.
const DateTimeLayout = "2006-01-02 15:04:05"

// DateLayout is a date without a time, which weavy's Date fields
// (vacationStart, vacationEnd) may hold.
const DateLayout = "2006-01-02"

// DateTime is a weavy date, "2019-05-17 08:47:47" in Europe/Paris. The
// text weavy sent is kept in Raw when it is not in DateTimeLayout (a date
// alone, or something unparseable), and sent back unchanged as long as
// Time still matches it.
type DateTime struct {
	// Time is the date, in Europe/Paris; zero when weavy sent none or
	// one that is not a date.
	time.Time
	// Raw is the text weavy sent when it is not in DateTimeLayout: a date
	// alone ("2026-07-01"), or text that is not a date, kept to be sent
	// back unchanged.
	Raw string
}

// NewDateTime returns t as a DateTime.
func NewDateTime(t time.Time) DateTime { return DateTime{Time: t} }

// ParseDateTime reads DateTimeLayout or DateLayout in Europe/Paris. A
// time that does not exist in Paris (in the hour skipped when clocks go
// forward) keeps its text in Raw, so that it is written back as it came.
func ParseDateTime(s string) (DateTime, error) {
	if t, err := time.ParseInLocation(DateTimeLayout, s, Paris); err == nil {
		if t.Format(DateTimeLayout) != s {
			return DateTime{Time: t, Raw: s}, nil
		}
		return DateTime{Time: t}, nil
	}
	if t, err := time.ParseInLocation(DateLayout, s, Paris); err == nil {
		return DateTime{Time: t, Raw: s}, nil
	}
	return DateTime{}, fmt.Errorf("date %q is not in the %s format", s, DateTimeLayout)
}

// String is the wire form.
func (d DateTime) String() string {
	if d.Raw != "" {
		p, err := ParseDateTime(d.Raw)
		if err != nil && d.Time.IsZero() || err == nil && p.Time.Equal(d.Time) {
			return d.Raw
		}
	}
	if d.Time.IsZero() {
		return ""
	}
	return d.Time.In(Paris).Format(DateTimeLayout)
}

// IsZero reports whether there is neither a time nor a raw value.
func (d DateTime) IsZero() bool { return d.Time.IsZero() && d.Raw == "" }

// MarshalText writes String.
func (d DateTime) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads a date; an unparseable one is kept in Raw, never an
// error (a newer weavy must not break decoding).
func (d *DateTime) UnmarshalText(b []byte) error {
	p, err := ParseDateTime(string(b))
	if err != nil {
		p = DateTime{Raw: string(b)}
	}
	*d = p
	return nil
}

// MarshalJSON sends String as a JSON string.
func (d DateTime) MarshalJSON() ([]byte, error) { return wire.AppendString(nil, d.String()), nil }

// UnmarshalJSON reads a JSON string with UnmarshalText; null is zero.
func (d *DateTime) UnmarshalJSON(b []byte) error {
	var s *string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == nil {
		*d = DateTime{}
		return nil
	}
	return d.UnmarshalText([]byte(*s))
}

func (d DateTime) problem(string) string {
	if d.Raw != "" && d.Time.IsZero() {
		return "is not a date in the " + DateTimeLayout + " format"
	}
	return ""
}

// DiscountType is how a DIVINF discount applies (divinf_remtyp1..3,
// "Type de remise": discount type). Its values are the document's
// (WebHook Prospect (V5.7), verb PUT, DIVINF fields).
type DiscountType int

// The discount types of WebHook Prospect (V5.7).
const (
	Cumulative    DiscountType = 1 // Cumulé: added to the other discounts
	Successive    DiscountType = 2 // Succesif (sic): applied one after the other
	DeferredGross DiscountType = 3 // Différé PB: deferred, on the gross price
	DeferredNet   DiscountType = 4 // Différé PN: deferred, on the net price
)

var discountTypeTable = enum.New("DiscountType",
	enum.Row[DiscountType]{Code: Cumulative, Label: "Cumulé"},
	enum.Row[DiscountType]{Code: Successive, Label: "Succesif", Aliases: []string{"Successif"}},
	enum.Row[DiscountType]{Code: DeferredGross, Label: "Différé PB"},
	enum.Row[DiscountType]{Code: DeferredNet, Label: "Différé PN"},
)

// YesNo is a DIVINF yes/no written 1 (Non) or 2 (Oui), as
// divinf_rftctrcod ("Tiers soumis au référencement").
type YesNo int

// The values of divinf_rftctrcod in WebHook Prospect (V5.7).
const (
	No  YesNo = 1 // Non
	Yes YesNo = 2 // Oui
)

var yesNoTable = enum.New("YesNo",
	enum.Row[YesNo]{Code: No, Label: "Non", Aliases: []string{"no"}},
	enum.Row[YesNo]{Code: Yes, Label: "Oui", Aliases: []string{"yes"}},
)

// Language is the envelope's languageCode: the language of weavy's
// labels and messages.
type Language string

// The languages of the envelope.
const (
	French          Language = "FR"
	English         Language = "EN"
	German          Language = "DE"
	Portuguese      Language = "PT"
	Spanish         Language = "ES"
	Italian         Language = "IT"
	CanadianFrench  Language = "FR-CA"
	CanadianEnglish Language = "EN-CA"
)

var languageTable = enum.NewStrings("Language",
	[]Language{French, English, German, Portuguese, Spanish, Italian, CanadianFrench, CanadianEnglish}, nil)

// ResultType is how much of a prospect GET returns (resultType), and
// LIST's listType.
type ResultType string

// The result types. LIST accepts Simple and Extended only.
const (
	Simple          ResultType = "simple"          // the main fields
	Extended        ResultType = "extended"        // every field
	ExtendedRelated ResultType = "extendedRelated" // every field and the related records (GET only)
)

var resultTypeTable = enum.NewStrings("ResultType", []ResultType{Simple, Extended, ExtendedRelated}, nil)

// OrderBy is LIST's sort order.
type OrderBy string

// The sort orders of WebHook Prospect (V5.7), verb LIST.
const (
	NameAsc OrderBy = "nameAsc" // by name, ascending
)

var orderByTable = enum.NewStrings("OrderBy", []OrderBy{NameAsc}, nil)

// Verb is the envelope's action.
type Verb string

// The webhook's verbs.
const (
	VerbGet        Verb = "GET"
	VerbList       Verb = "LIST"
	VerbPut        Verb = "PUT"
	VerbDelete     Verb = "DELETE"
	VerbDefinition Verb = "DEFINITION"
)

var verbTable = enum.NewStrings("Verb", []Verb{VerbGet, VerbList, VerbPut, VerbDelete, VerbDefinition}, nil)
