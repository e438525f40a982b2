package mapping_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/passerelle-go/passerelle/factory"
	"github.com/passerelle-go/passerelle/mapping"
)

func utc(year int, month time.Month, day, hour, minute, second int) time.Time {
	return time.Date(year, month, day, hour, minute, second, 0, time.UTC)
}

func TestParseTime(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in     string
		format mapping.Format
		utc    time.Time
	}{
		// Winter (CET, +01:00) and summer (CEST, +02:00).
		{"20260115093000", mapping.FactoryDateTime, utc(2026, 1, 15, 8, 30, 0)},
		{"20260715093000", mapping.FactoryDateTime, utc(2026, 7, 15, 7, 30, 0)},
		{"19880402", mapping.FactoryDate, utc(1988, 4, 1, 22, 0, 0)},
		{"2026-01-15T09:30:00+01:00", mapping.RFC3339, utc(2026, 1, 15, 8, 30, 0)},
		{"2026-01-15T08:30:00Z", mapping.RFC3339, utc(2026, 1, 15, 8, 30, 0)},
		{"2026-01-15T03:30:00-05:00", mapping.RFC3339, utc(2026, 1, 15, 8, 30, 0)},
		{"2026-07-15T09:30:00.250+02:00", mapping.RFC3339, utc(2026, 7, 15, 7, 30, 0).Add(250 * time.Millisecond)},
		{"2026-07-15 09:30:00+02:00", mapping.RFC3339, utc(2026, 7, 15, 7, 30, 0)},
		{"2026-07-15T09:30:00", mapping.ISODateTime, utc(2026, 7, 15, 7, 30, 0)},
		{"2026-07-15T09:30:00.5", mapping.ISODateTime, utc(2026, 7, 15, 7, 30, 0).Add(500 * time.Millisecond)},
		{"2026-07-15 09:30:00.5", mapping.ISODateTime, utc(2026, 7, 15, 7, 30, 0).Add(500 * time.Millisecond)},
		{"2026-07-15T09:30", mapping.ISODateTime, utc(2026, 7, 15, 7, 30, 0)},
		{"2026-07-15 09:30", mapping.ISODateTime, utc(2026, 7, 15, 7, 30, 0)},
		{"2026-07-15", mapping.ISODate, utc(2026, 7, 14, 22, 0, 0)},
		{"2026-01-15", mapping.ISODate, utc(2026, 1, 14, 23, 0, 0)},
		{"2019-05-17 08:47:47", mapping.DivaltoDateTime, utc(2019, 5, 17, 6, 47, 47)},
		{"  2019-05-17 08:47:47 ", mapping.DivaltoDateTime, utc(2019, 5, 17, 6, 47, 47)},
		{"15/07/2026 09:30:00", mapping.FrenchDateTime, utc(2026, 7, 15, 7, 30, 0)},
		{"15/07/2026 09:30", mapping.FrenchDateTime, utc(2026, 7, 15, 7, 30, 0)},
		{"15/07/2026", mapping.FrenchDate, utc(2026, 7, 14, 22, 0, 0)},
		{"29/02/2024", mapping.FrenchDate, utc(2024, 2, 28, 23, 0, 0)},
	} {
		got, f, err := mapping.ParseTime(tc.in)
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.format, f, tc.in)
		assert.True(t, got.Equal(tc.utc), "%s: got %s, want %s", tc.in, got.UTC(), tc.utc)
		assert.Equal(t, mapping.Paris, got.Location(), tc.in)
		// The format writes the time back as it was read, seconds
		// precision and Paris's offset aside.
		if tc.utc.Nanosecond() == 0 && len(tc.in) == len(f.Layout()) && f != mapping.RFC3339 {
			assert.Equal(t, tc.in, f.Format(got), tc.in)
		}
	}
}

func TestParseTimeErrors(t *testing.T) {
	t.Parallel()
	for _, bad := range []string{
		"", " ", "now", "2026", "202601", "2026011", "202601150930", "2026011509300", "202601150930000",
		"20261315093000", // month 13
		"20260230",       // 30 February
		"20250229",       // not a leap year
		"2026-02-30", "2026-13-01", "2026-07-15T25:00:00", "2026-07-15T09:30:00+25:00",
		"2026-07-15T09", "2026-7-15", "15/7/2026", "31/04/2026", "07/15/2026",
		"2026/07/15", "15.07.2026", "+2026011509300", "-20260115", "2026-07-15 09:30:00 CEST",
		"١٢٣٤٥٦٧٨", // Arabic-Indic digits
	} {
		got, f, err := mapping.ParseTime(bad)
		require.Error(t, err, bad)
		assert.True(t, errors.Is(err, mapping.ErrInvalidTime), bad)
		assert.Equal(t, mapping.UnknownFormat, f, bad)
		assert.True(t, got.IsZero(), bad)
	}
}

// TestDaylightSaving covers the changes of 2024: 31 March (02:00 CET
// becomes 03:00 CEST) and 27 October (03:00 CEST becomes 02:00 CET).
func TestDaylightSaving(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		utc                     time.Time
		factory, divalto, iso   string
		factoryDate, frenchDate string
	}{
		{utc(2024, 3, 31, 0, 59, 59), "20240331015959", "2024-03-31 01:59:59", "2024-03-31T01:59:59+01:00", "20240331", "31/03/2024"},
		{utc(2024, 3, 31, 1, 0, 0), "20240331030000", "2024-03-31 03:00:00", "2024-03-31T03:00:00+02:00", "20240331", "31/03/2024"},
		{utc(2024, 10, 27, 0, 30, 0), "20241027023000", "2024-10-27 02:30:00", "2024-10-27T02:30:00+02:00", "20241027", "27/10/2024"},
		{utc(2024, 10, 27, 1, 30, 0), "20241027023000", "2024-10-27 02:30:00", "2024-10-27T02:30:00+01:00", "20241027", "27/10/2024"},
		{utc(2024, 10, 27, 2, 0, 0), "20241027030000", "2024-10-27 03:00:00", "2024-10-27T03:00:00+01:00", "20241027", "27/10/2024"},
		{utc(2024, 12, 31, 23, 30, 0), "20250101003000", "2025-01-01 00:30:00", "2025-01-01T00:30:00+01:00", "20250101", "01/01/2025"},
	} {
		assert.Equal(t, tc.factory, mapping.FormatFactory(tc.utc))
		assert.Equal(t, tc.divalto, mapping.FormatDivalto(tc.utc))
		assert.Equal(t, tc.iso, mapping.FormatISO(tc.utc))
		assert.Equal(t, tc.factoryDate, mapping.FormatFactoryDate(tc.utc))
		assert.Equal(t, tc.frenchDate, mapping.FrenchDate.Format(tc.utc))
		// The zone of the time given does not matter.
		assert.Equal(t, tc.divalto, mapping.FormatDivalto(tc.utc.In(time.FixedZone("UTC-5", -5*3600))))

		// RFC 3339 keeps the instant; the zoneless formats keep the wall
		// clock, which the autumn change repeats.
		back, _, err := mapping.ParseTime(tc.iso)
		require.NoError(t, err)
		assert.True(t, back.Equal(tc.utc), tc.iso)
		back, _, err = mapping.ParseTime(tc.divalto)
		require.NoError(t, err)
		assert.Equal(t, tc.divalto, mapping.FormatDivalto(back))
	}

	// Paris's offset before 1911 has seconds, which RFC 3339 cannot write:
	// the instant is written in UTC.
	got, f, err := mapping.ParseTime("0000-01-10 0:00:00+00:00")
	require.NoError(t, err)
	assert.Equal(t, mapping.RFC3339, f)
	assert.Equal(t, "0000-01-10T00:00:00Z", mapping.FormatISO(got))
	old := time.Date(1900, 1, 1, 0, 0, 0, 0, mapping.Paris)
	assert.Equal(t, "1899-12-31T23:50:39Z", mapping.FormatISO(old))
	assert.Equal(t, "1900-01-01 00:00:00", mapping.FormatDivalto(old))
	assert.Equal(t, "1911-03-11T00:00:00Z", mapping.FormatISO(utc(1911, 3, 11, 0, 0, 0)), "Paris adopted GMT that day")

	// The wall clock the spring change skips moves forward an hour.
	got, _, err = mapping.ParseTime("2024-03-31 02:30:00")
	require.NoError(t, err)
	assert.Equal(t, "2024-03-31T03:30:00+02:00", mapping.FormatISO(got))
	// The wall clock the autumn change repeats is one of the two
	// instants: the documented choice, today CET.
	got, _, err = mapping.ParseTime("20241027023000")
	require.NoError(t, err)
	assert.Equal(t, "2024-10-27T02:30:00+01:00", mapping.FormatISO(got))
}

func TestFormat(t *testing.T) {
	t.Parallel()
	at := utc(2026, 7, 15, 7, 30, 5)
	for _, tc := range []struct {
		format        mapping.Format
		name, written string
		hasTime       bool
	}{
		{mapping.FactoryDateTime, "aaaammjjhhmmss", "20260715093005", true},
		{mapping.FactoryDate, "aaaammjj", "20260715", false},
		{mapping.RFC3339, "RFC 3339", "2026-07-15T09:30:05+02:00", true},
		{mapping.ISODateTime, "ISO 8601 without offset", "2026-07-15T09:30:05", true},
		{mapping.ISODate, "ISO 8601 date", "2026-07-15", false},
		{mapping.DivaltoDateTime, "weavy date-time", "2026-07-15 09:30:05", true},
		{mapping.FrenchDateTime, "jj/mm/aaaa hh:mm:ss", "15/07/2026 09:30:05", true},
		{mapping.FrenchDate, "jj/mm/aaaa", "15/07/2026", false},
	} {
		assert.Equal(t, tc.name, tc.format.String())
		assert.Equal(t, tc.hasTime, tc.format.HasTime(), tc.name)
		assert.Equal(t, tc.written, tc.format.Format(at), tc.name)
		assert.Empty(t, tc.format.Format(time.Time{}), tc.name)
		got, f, err := mapping.ParseTime(tc.written)
		require.NoError(t, err, tc.written)
		assert.Equal(t, tc.format, f, "ParseTime detects the format %s writes", tc.name)
		if tc.hasTime {
			assert.True(t, got.Equal(at), tc.written)
		}
	}
	for _, f := range []mapping.Format{mapping.UnknownFormat, -1, 99} {
		assert.Empty(t, f.Format(at))
		assert.Empty(t, f.Layout())
		assert.False(t, f.HasTime())
	}
	assert.Equal(t, "unknown", mapping.UnknownFormat.String())
	assert.Equal(t, "Format(99)", mapping.Format(99).String())
	assert.Equal(t, "Format(-1)", mapping.Format(-1).String())
	for _, format := range []func(time.Time) string{mapping.FormatFactory, mapping.FormatFactoryDate, mapping.FormatISO, mapping.FormatDivalto} {
		assert.Empty(t, format(time.Time{}))
	}
}

// TestFormatsAgreeWithServices checks the layouts against La Factory's
// package, which reads and writes the same wire.
func TestFormatsAgreeWithServices(t *testing.T) {
	t.Parallel()
	at := utc(2026, 3, 29, 1, 30, 0) // the day of the spring change, 03:30 CEST
	assert.Equal(t, factory.NewDateTime(at).String(), mapping.FormatFactory(at))
	assert.Equal(t, factory.DateTimeLayout, mapping.FactoryDateTime.Layout())
	assert.Equal(t, factory.DateLayout, mapping.FactoryDate.Layout())
	assert.Equal(t, "2026-03-29 03:30:00", mapping.FormatDivalto(at))
	assert.Equal(t, factory.Paris.String(), mapping.Paris.String())
}

func FuzzParseTime(f *testing.F) {
	for _, s := range []string{
		"20061102150405", "20061102", "2006-01-02T15:04:05Z", "2006-01-02T15:04:05+02:00", "2006-01-02 15:04:05+02:00",
		"2006-01-02T15:04:05.999999999-07:00", "2006-01-02", "2006-01-02 15:04", "2006-01-02T15:04", "2019-05-17 08:47:47",
		"02/01/2006", "02/01/2006 15:04", "02/01/2006 15:04:05", "2024-03-31 02:30:00", "20241027023000", "", "0000-01-01",
		"0000-01-10 0:00:00+00:00", "1900-01-01T00:00:00+01:00",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, format, err := mapping.ParseTime(s)
		if err != nil {
			if !errors.Is(err, mapping.ErrInvalidTime) || format != mapping.UnknownFormat || !got.IsZero() {
				t.Fatalf("ParseTime(%q) = %v, %v, %v", s, got, format, err)
			}
			return
		}
		if format == mapping.UnknownFormat || got.Location() != mapping.Paris {
			t.Fatalf("ParseTime(%q) = %v, %v without error", s, got, format)
		}
		if got.IsZero() { // 0001-01-01 00:00 UTC is written "": nothing to round-trip
			return
		}
		// Written in its own format, the time reads back as the same wall
		// clock, and RFC 3339 keeps the instant.
		w := format.Format(got)
		again, f2, err := mapping.ParseTime(w)
		if err != nil || f2 != format || format.Format(again) != w {
			t.Fatalf("ParseTime(%q) = %v, %v; written %q, read back %v, %v, %v", s, got, format, w, again, f2, err)
		}
		if format == mapping.RFC3339 {
			if iso := mapping.FormatISO(got); iso != "" {
				back, _, err := mapping.ParseTime(iso)
				if err != nil || !back.Equal(got.Truncate(time.Second)) {
					t.Fatalf("ParseTime(%q) = %v; FormatISO %q reads back %v, %v", s, got, iso, back, err)
				}
			}
		}
	})
}
