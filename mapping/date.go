package mapping

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/passerelle-go/passerelle/divalto"
	"github.com/passerelle-go/passerelle/factory"
)

// Paris is the time zone of every service's dates that carry none: La
// Factory's, weavy's, and the zoneless dates of EasyCall and Batiweb. It
// is factory.Paris, the one Europe/Paris location of passerelle.
var Paris = factory.Paris

// ErrInvalidTime is the error ParseTime wraps: the text is in none of
// the formats.
var ErrInvalidTime = errors.New("invalid date")

// Format is a date format of the services, as ParseTime detected it.
type Format int

// The formats ParseTime reads. Each writes with its Layout.
const (
	UnknownFormat   Format = iota // not a date
	FactoryDateTime               // La Factory's aaaammjjhhmmss: "20240331153000"
	FactoryDate                   // La Factory's aaaammjj (birth dates): "20240331"
	RFC3339                       // ISO 8601 with an offset (EasyCall, Batiweb): "2024-03-31T15:30:00+02:00", "...Z"
	ISODateTime                   // ISO 8601 without an offset: "2024-03-31T15:30:00", "2024-03-31T15:30", "2024-03-31 15:30"
	ISODate                       // ISO 8601 date (EasyCall, Batiweb, weavy's Date fields): "2024-03-31"
	DivaltoDateTime               // weavy's date: "2024-03-31 15:30:00"
	FrenchDateTime                // jj/mm/aaaa hh:mm[:ss] (EasyCall, Batiweb): "31/03/2024 15:30:00"
	FrenchDate                    // jj/mm/aaaa (EasyCall, Batiweb): "31/03/2024"
)

// formats is the format table: the layout each format is written with,
// whether it holds a time of day, and how it is named.
var formats = [...]struct {
	layout  string
	hasTime bool
	name    string
}{
	UnknownFormat:   {"", false, "unknown"},
	FactoryDateTime: {factory.DateTimeLayout, true, "aaaammjjhhmmss"},
	FactoryDate:     {factory.DateLayout, false, "aaaammjj"},
	RFC3339:         {time.RFC3339, true, "RFC 3339"},
	ISODateTime:     {"2006-01-02T15:04:05", true, "ISO 8601 without offset"},
	ISODate:         {"2006-01-02", false, "ISO 8601 date"},
	DivaltoDateTime: {divalto.DateTimeLayout, true, "weavy date-time"},
	FrenchDateTime:  {"02/01/2006 15:04:05", true, "jj/mm/aaaa hh:mm:ss"},
	FrenchDate:      {"02/01/2006", false, "jj/mm/aaaa"},
}

// readers are the layouts ParseTime tries, in order, with the format each
// reveals and the exact length of the text it takes (0: any).
var readers = []struct {
	layout string
	format Format
	length int
}{
	{factory.DateTimeLayout, FactoryDateTime, 14},
	{factory.DateLayout, FactoryDate, 8},
	{time.RFC3339, RFC3339, 0},
	{"2006-01-02 15:04:05Z07:00", RFC3339, 0},
	{divalto.DateTimeLayout, DivaltoDateTime, 19},
	{"2006-01-02T15:04:05", ISODateTime, 0},
	{"2006-01-02 15:04:05", ISODateTime, 0}, // with a fraction of a second
	{"2006-01-02T15:04", ISODateTime, 16},
	{"2006-01-02 15:04", ISODateTime, 16},
	{"2006-01-02", ISODate, 10},
	{"02/01/2006 15:04:05", FrenchDateTime, 0},
	{"02/01/2006 15:04", FrenchDateTime, 16},
	{"02/01/2006", FrenchDate, 10},
}

// String names the format: "aaaammjjhhmmss", "RFC 3339", ...
func (f Format) String() string {
	if f >= 0 && int(f) < len(formats) {
		return formats[f].name
	}
	return "Format(" + strconv.Itoa(int(f)) + ")"
}

// Layout is the time.Layout the format is written with; "" for
// UnknownFormat.
func (f Format) Layout() string {
	if f >= 0 && int(f) < len(formats) {
		return formats[f].layout
	}
	return ""
}

// HasTime reports whether the format holds a time of day: a date-only
// format reads as midnight in Europe/Paris.
func (f Format) HasTime() bool { return f >= 0 && int(f) < len(formats) && formats[f].hasTime }

// Format writes t in the format, in Europe/Paris (RFC3339 writes Paris's
// offset): a date-only format writes the day in Paris. The zero time is
// written "", as the services write no date; so is every time for
// UnknownFormat.
//
// Before 11 March 1911, Paris's offset was +00:09:21, which RFC 3339
// cannot write (its offsets are whole minutes): RFC3339 writes such a
// time in UTC, "Z", to keep the instant.
func (f Format) Format(t time.Time) string {
	if t.IsZero() || f.Layout() == "" {
		return ""
	}
	t = t.In(Paris)
	if _, offset := t.Zone(); f == RFC3339 && offset%60 != 0 {
		t = t.UTC()
	}
	return t.Format(f.Layout())
}

// ParseTime reads a date in any of the services' formats and says which
// it was: La Factory's aaaammjjhhmmss and aaaammjj, RFC 3339 (a space may
// replace the T), ISO 8601 without an offset ("2006-01-02T15:04:05",
// minutes only, or a fraction of a second), weavy's "2006-01-02
// 15:04:05" (reported as DivaltoDateTime, though EasyCall writes it too),
// the ISO date "2006-01-02", and the French "02/01/2006" with or without
// "15:04[:05]". Surrounding spaces are ignored.
//
// Dates without an offset are wall-clock times in Europe/Paris. A time
// that the spring change skips (02:30 on the last Sunday of March) is
// moved forward by an hour, to 03:30 CEST; a time that the autumn change
// repeats (02:30 on the last Sunday of October) is one of the two, as Go's
// time.Date chooses: today the second, in CET. Only RFC 3339 tells them
// apart, by the offset. The time returned is always in
// Paris, RFC 3339 ones included (the instant is kept). The error wraps
// ErrInvalidTime.
func ParseTime(s string) (time.Time, Format, error) {
	text := strings.TrimSpace(s)
	for _, r := range readers {
		if r.length != 0 && len(text) != r.length {
			continue
		}
		if r.format == FactoryDateTime || r.format == FactoryDate {
			if !allDigits(text) {
				continue
			}
		}
		t, err := time.ParseInLocation(r.layout, text, Paris)
		if err == nil {
			return t.In(Paris), r.format, nil
		}
	}
	return time.Time{}, UnknownFormat, fmt.Errorf("%w %q: want aaaammjjhhmmss, aaaammjj, RFC 3339, 2006-01-02[ 15:04[:05]] or 02/01/2006[ 15:04[:05]]", ErrInvalidTime, s)
}

// FormatFactory writes t in La Factory's aaaammjjhhmmss, in Europe/Paris;
// "" for the zero time.
func FormatFactory(t time.Time) string { return FactoryDateTime.Format(t) }

// FormatFactoryDate writes the day of t in Europe/Paris in La Factory's
// aaaammjj (birth dates); "" for the zero time.
func FormatFactoryDate(t time.Time) string { return FactoryDate.Format(t) }

// FormatISO writes t in RFC 3339 in Europe/Paris, with Paris's offset:
// "2024-03-31T15:30:00+02:00" (in UTC before 1911: see Format.Format). It
// is "" for the zero time.
func FormatISO(t time.Time) string { return RFC3339.Format(t) }

// FormatDivalto writes t in weavy's "2006-01-02 15:04:05", in
// Europe/Paris; "" for the zero time.
func FormatDivalto(t time.Time) string { return DivaltoDateTime.Format(t) }
