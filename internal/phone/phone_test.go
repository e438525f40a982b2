package phone

import (
	"errors"
	"testing"

	"github.com/nyaruka/phonenumbers"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParse(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text, region     string
		e164, national   string
		digits, inRegion string
		typ              Type
	}{
		{"06 12 34 56 78", "", "+33612345678", "06 12 34 56 78", "0612345678", "FR", Mobile},
		{"+33 6 12 34 56 78", "ES", "+33612345678", "06 12 34 56 78", "0612345678", "FR", Mobile},
		{"0033612345678", "FR", "+33612345678", "06 12 34 56 78", "0612345678", "FR", Mobile},
		{"+33 (0)6 12 34 56 78", "FR", "+33612345678", "06 12 34 56 78", "0612345678", "FR", Mobile},
		{"01.23.45.67.89", "FR", "+33123456789", "01 23 45 67 89", "0123456789", "FR", FixedLine},
		{"09 87 65 43 21", "FR", "+33987654321", "09 87 65 43 21", "0987654321", "FR", VoIP},
		{"0800 123 456", "FR", "+33800123456", "0 800 12 34 56", "0800123456", "FR", TollFree},
		// The overseas departments: dialled as French numbers, their own codes.
		{"06 90 11 22 33", "FR", "+590690112233", "0690 11 22 33", "0690112233", "GP", Mobile},
		{"+33 6 90 11 22 33", "FR", "+590690112233", "0690 11 22 33", "0690112233", "GP", Mobile},
		{"02 62 12 34 56", "FR", "+262262123456", "0262 12 34 56", "0262123456", "RE", FixedLine},
		// Spain: EasyCall's region.
		{"612 345 678", "ES", "+34612345678", "612 34 56 78", "612345678", "ES", Mobile},
		{"612000001", "ES", "+34612000001", "612 00 00 01", "612000001", "ES", Mobile},
		{"912 345 678", "ES", "+34912345678", "912 34 56 78", "912345678", "ES", FixedLine},
		{"+34 612 345 678", "FR", "+34612345678", "612 34 56 78", "612345678", "ES", Mobile},
		// Italy: a Roman landline keeps its leading 0 in E.164.
		{"06 1234 5678", "IT", "+390612345678", "06 1234 5678", "0612345678", "IT", FixedLine},
		{"+44 20 7946 0958", "FR", "+442079460958", "020 7946 0958", "02079460958", "GB", FixedLine},
	} {
		n, err := Parse(tc.text, tc.region)
		require.NoError(t, err, tc.text)
		assert.Equal(t, tc.e164, n.E164(), tc.text)
		assert.Equal(t, tc.national, n.National(), tc.text)
		assert.Equal(t, tc.digits, n.NationalDigits(), tc.text)
		assert.Equal(t, tc.digits, string(n.AppendNationalDigits(nil)), tc.text)
		assert.Equal(t, tc.inRegion, n.Region(), tc.text)
		assert.Equal(t, tc.typ, n.Type(), tc.text)
		assert.True(t, Valid(tc.text, tc.region), tc.text)
		assert.True(t, n.IsNational(tc.national), tc.text)
		assert.Equal(t, tc.text == tc.national, n.IsNational(tc.text), tc.text)
	}
}

func TestParseInvalid(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ text, region, why string }{
		{"", "FR", "empty"},
		{"n/c", "FR", "not a number"},
		// 00 is France's international prefix: this is +1 2345678, which
		// is no number of the North American plan.
		{"00 12 34 56 78", "FR", "US numbering plan (+1)"},
		{"07 12 34 56 78", "FR", "FR numbering plan"}, // 070 to 072 are not allocated
		{"612 345 678", "IT", "IT numbering plan"},
		{"+999 1234567", "FR", "country calling code"},
	} {
		n, err := Parse(tc.text, tc.region)
		require.Error(t, err, tc.text)
		assert.True(t, errors.Is(err, ErrInvalid), tc.text)
		assert.Contains(t, err.Error(), tc.why, tc.text)
		assert.True(t, n.IsZero())
		assert.False(t, Valid(tc.text, tc.region))
		assert.Error(t, Check(tc.text, tc.region))
		if len(tc.text) > 4 {
			assert.NotContains(t, err.Error(), tc.text, "an error never repeats the number")
		}
	}
}

func TestZeroNumber(t *testing.T) {
	t.Parallel()
	var n Number
	assert.True(t, n.IsZero())
	assert.Empty(t, n.E164())
	assert.Empty(t, n.National())
	assert.Empty(t, n.NationalDigits())
	assert.Empty(t, n.Region())
	assert.Equal(t, Unknown, n.Type())
	assert.Equal(t, "unknown", n.Type().String())
	assert.Equal(t, "mobile", Mobile.String())
	assert.Equal(t, "Type(99)", Type(99).String())
}

// slowOnly is Parse without the fast path.
func slowOnly(text, region string) (Number, error) {
	if region == "" {
		region = DefaultRegion
	}
	return slow(text, region)
}

// FuzzFastPathAgrees holds the table's answers to libphonenumber's: a
// text the fast path answers parses to the same Number, national form
// included.
func FuzzFastPathAgrees(f *testing.F) {
	for _, s := range []string{"06 12 34 56 78", "+33690112233", "0033 1 23 45 67 89", "612 345 678", "0800123456", "07 12 34 56 78", "0590 27 12 34"} {
		f.Add(s, "FR")
		f.Add(s, "ES")
	}
	f.Fuzz(func(t *testing.T, text, region string) {
		n, ok := fast(text, region)
		if !ok {
			return
		}
		want, err := slowOnly(text, region)
		if err != nil {
			t.Fatalf("fast path accepts %q in %s, libphonenumber refuses: %v", text, region, err)
		}
		if n != want {
			t.Fatalf("%q in %s: fast %+v, libphonenumber %+v", text, region, n, want)
		}
		if got, lib := n.National(), phonenumbers.Format(n.lib(), phonenumbers.NATIONAL); got != lib {
			t.Fatalf("%q: national %q, libphonenumber %q", text, got, lib)
		}
		if n.IsNational(text) != (text == n.National()) {
			t.Fatalf("%q: IsNational %v, National %q", text, n.IsNational(text), n.National())
		}
	})
}

// TestFastPathAgreesOnEveryFrenchPrefix walks one number under every
// four-digit French and Spanish prefix through both paths.
func TestFastPathAgreesOnEveryFrenchPrefix(t *testing.T) {
	t.Parallel()
	for _, form := range []struct{ prefix, region string }{{"0", "FR"}, {"+34", "FR"}} {
		for p := 1000; p < 10000; p += 7 {
			text := form.prefix + itoa4(p) + "24680"
			n, ok := fast(text, form.region)
			if !ok {
				continue
			}
			want, err := slowOnly(text, form.region)
			require.NoError(t, err, text)
			require.Equal(t, want, n, text)
			require.Equal(t, phonenumbers.Format(n.lib(), phonenumbers.NATIONAL), n.National(), text)
		}
	}
}

func itoa4(p int) string {
	return string([]byte{byte('0' + p/1000), byte('0' + p/100%10), byte('0' + p/10%10), byte('0' + p%10)})
}

var sink Number

// BenchmarkParse: Parse's fast path (French and Spanish numbers) and its
// libphonenumber path, beside libphonenumber alone (Parse, IsValidNumber,
// GetNumberType, GetRegionCodeForNumber) and a by-hand baseline that only
// keeps the digits.
func BenchmarkParse(b *testing.B) {
	b.Run("fast/FR", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sink, _ = Parse("06 12 34 56 78", "FR")
		}
	})
	b.Run("fast/ES", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sink, _ = Parse("612 345 678", "ES")
		}
	})
	b.Run("libphonenumber-path/IT", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			sink, _ = Parse("06 1234 5678", "IT")
		}
	})
	b.Run("libphonenumber-alone/FR", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			p, _ := phonenumbers.Parse("06 12 34 56 78", "FR")
			if !phonenumbers.IsValidNumber(p) || phonenumbers.GetNumberType(p) != phonenumbers.MOBILE || phonenumbers.GetRegionCodeForNumber(p) != "FR" {
				b.Fatal("not a French mobile")
			}
		}
	})
	b.Run("by-hand-digits/FR", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			var d [16]byte
			n := 0
			for _, c := range []byte("06 12 34 56 78") {
				if c >= '0' && c <= '9' && n < len(d) {
					d[n] = c
					n++
				}
			}
			if n != 10 {
				b.Fatal(n)
			}
		}
	})
}

// TestCountryOnlyAssignedCodes: two letters are a code only when ISO
// 3166-1 assigns them; "UK" is a name of GB.
func TestCountryOnlyAssignedCodes(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"FR": "FR", "fr": "FR", "GP": "GP", "AQ": "AQ", "UK": "GB", "uk": "GB",
		"XX": "", "EN": "", "AC": "", "XK": "", "France": "FR"} {
		got, ok := Country(in)
		if got != want || ok != (want != "") {
			t.Errorf("Country(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if IsISOCode("fr") || IsISOCode("UK") || !IsISOCode("ES") {
		t.Error("IsISOCode takes assigned codes in capitals only")
	}
}
