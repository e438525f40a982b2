package mapping_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/passerelle-go/passerelle/mapping"
)

// TestParsePhone: the one rule set (libphonenumber's metadata, read in
// France by default). National forms and kinds are libphonenumber's: the
// overseas departments are written "0690 11 22 33", a foreign number
// has its own kind and national form.
func TestParsePhone(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in, region string
		e164       string
		national   string
		kind       mapping.PhoneKind
	}{
		// One mainland mobile in every usual spelling.
		{"06 12 34 56 78", "", "+33612345678", "06 12 34 56 78", mapping.PhoneMobile},
		{"0612345678", "", "+33612345678", "06 12 34 56 78", mapping.PhoneMobile},
		{"06.12.34.56.78", "", "+33612345678", "06 12 34 56 78", mapping.PhoneMobile},
		{"06-12-34-56-78", "", "+33612345678", "06 12 34 56 78", mapping.PhoneMobile},
		{" 06 12 34 56 78\t", "", "+33612345678", "06 12 34 56 78", mapping.PhoneMobile},
		{"(06) 12 34 56 78", "", "+33612345678", "06 12 34 56 78", mapping.PhoneMobile},
		{"+33 6 12 34 56 78", "", "+33612345678", "06 12 34 56 78", mapping.PhoneMobile},
		{"+33 (0)6 12 34 56 78", "", "+33612345678", "06 12 34 56 78", mapping.PhoneMobile},
		{"0033612345678", "", "+33612345678", "06 12 34 56 78", mapping.PhoneMobile},
		{"00 33 6 12 34 56 78", "", "+33612345678", "06 12 34 56 78", mapping.PhoneMobile},
		// The kinds of the French plan.
		{"07 81 23 45 67", "", "+33781234567", "07 81 23 45 67", mapping.PhoneMobile},
		{"01 23 45 67 89", "", "+33123456789", "01 23 45 67 89", mapping.PhoneLandline},
		{"05 56 00 11 22", "", "+33556001122", "05 56 00 11 22", mapping.PhoneLandline},
		{"09 51 00 11 22", "", "+33951001122", "09 51 00 11 22", mapping.PhoneNonGeographic},
		{"08 00 00 11 22", "", "+33800001122", "0 800 00 11 22", mapping.PhoneSpecial},
		// The overseas departments have their own country codes.
		{"06 90 11 22 33", "", "+590690112233", "0690 11 22 33", mapping.PhoneMobile}, // Guadeloupe
		{"+33 6 90 11 22 33", "", "+590690112233", "0690 11 22 33", mapping.PhoneMobile},
		{"+590 690 11 22 33", "", "+590690112233", "0690 11 22 33", mapping.PhoneMobile},
		{"0692 12 34 56", "", "+262692123456", "0692 12 34 56", mapping.PhoneMobile},     // La Réunion
		{"+262 639 20 12 34", "", "+262639201234", "0639 20 12 34", mapping.PhoneMobile}, // Mayotte
		// Numbers of other plans: with their code, or read in their region.
		{"+34 612 345 678", "", "+34612345678", "612 34 56 78", mapping.PhoneMobile},
		{"612 345 678", "ES", "+34612345678", "612 34 56 78", mapping.PhoneMobile},
		{"612000001", "ES", "+34612000001", "612 00 00 01", mapping.PhoneMobile},
		{"06 1234 5678", "IT", "+390612345678", "06 1234 5678", mapping.PhoneLandline},
		{"+44 (0)20 7946 0958", "", "+442079460958", "020 7946 0958", mapping.PhoneLandline},
		{"+1 (415) 555-0132", "", "+14155550132", "(415) 555-0132", mapping.PhoneMobileOrLandline},
	} {
		p, err := mapping.ParsePhoneIn(tc.in, tc.region)
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.e164, p.E164(), tc.in)
		assert.Equal(t, tc.national, p.National(), tc.in)
		assert.Equal(t, tc.national, p.String(), tc.in)
		assert.Equal(t, tc.kind, p.Kind(), tc.in)
		assert.False(t, p.IsZero())
		for _, again := range []string{p.E164(), p.National(), p.Digits()} {
			q, err := mapping.ParsePhoneIn(again, p.Region())
			require.NoError(t, err, again)
			assert.Equal(t, p, q, "%s → %s", tc.in, again)
		}
	}
}

func TestParsePhoneErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in, region, problem string
	}{
		{"", "", "empty"},
		{"   ", "", "empty"},
		{"06 12 34 56 7", "", "FR numbering plan"},
		{"07 12 34 56 78", "", "FR numbering plan"}, // 070 to 072 are not allocated
		{"0612", "", "FR numbering plan"},
		{"tel: n/c", "", "not a number"},
		{"612 345 678", "IT", "IT numbering plan"},
		// 00 is France's international prefix: +1 2345678 is no number.
		{"00 12 34 56 78", "", "US numbering plan"},
		{"+999 1234567", "", "country calling code"},
	} {
		p, err := mapping.ParsePhoneIn(tc.in, tc.region)
		require.Error(t, err, tc.in)
		assert.True(t, errors.Is(err, mapping.ErrInvalidPhone), tc.in)
		assert.Contains(t, err.Error(), tc.problem, tc.in)
		assert.True(t, p.IsZero(), tc.in)
	}
}

func TestPhoneZeroAndText(t *testing.T) {
	t.Parallel()
	var zero mapping.Phone
	assert.True(t, zero.IsZero())
	assert.Empty(t, zero.E164())
	assert.Empty(t, zero.National())
	assert.Empty(t, zero.Digits())
	assert.Equal(t, mapping.PhoneKindUnknown, zero.Kind())

	type contact struct {
		Phone mapping.Phone `json:"phone"`
	}
	var c contact
	require.NoError(t, json.Unmarshal([]byte(`{"phone":"06 90 11 22 33"}`), &c))
	b, err := json.Marshal(c)
	require.NoError(t, err)
	assert.JSONEq(t, `{"phone":"+590690112233"}`, string(b))
	require.NoError(t, json.Unmarshal([]byte(`{"phone":" "}`), &c))
	assert.True(t, c.Phone.IsZero())
	b, err = json.Marshal(c)
	require.NoError(t, err)
	assert.JSONEq(t, `{"phone":""}`, string(b))
	err = json.Unmarshal([]byte(`{"phone":"abc"}`), &c)
	assert.ErrorIs(t, err, mapping.ErrInvalidPhone)
}

func TestPhoneKindString(t *testing.T) {
	t.Parallel()
	for k, want := range map[mapping.PhoneKind]string{
		mapping.PhoneKindUnknown: "unknown", mapping.PhoneMobile: "mobile", mapping.PhoneLandline: "landline",
		mapping.PhoneNonGeographic: "non-geographic", mapping.PhoneSpecial: "special", mapping.PhoneMobileOrLandline: "mobile or landline",
		-1: "PhoneKind(-1)", 6: "PhoneKind(6)",
	} {
		assert.Equal(t, want, k.String())
	}
}

func FuzzParsePhone(f *testing.F) {
	for _, s := range []string{
		"06 90 11 22 33", "0690112233", "+33 6 90 11 22 33", "0033690112233", "+33(0)6 90 11 22 33",
		"01.23.45.67.89", "09-51-00-11-22", "+34 612 345 678", "+44 (0)20 7946 0958", "+262 639 12 34 56",
		"+590 596 70 11 22", "+", "00", "612345678", "06 12 34 56 78 poste 12", "", "+683 4002",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := mapping.ParsePhone(s)
		if err != nil {
			if !errors.Is(err, mapping.ErrInvalidPhone) {
				t.Fatalf("ParsePhone(%q): error %v does not wrap ErrInvalidPhone", s, err)
			}
			if !p.IsZero() {
				t.Fatalf("ParsePhone(%q) failed with a non-zero Phone %#v", s, p)
			}
			return
		}
		if p.IsZero() || p.Kind() == mapping.PhoneKindUnknown {
			t.Fatalf("ParsePhone(%q) = %#v without error", s, p)
		}
		e := p.E164()
		if len(e) < 4 || len(e) > 16 || e[0] != '+' {
			t.Fatalf("ParsePhone(%q).E164() = %q is not E.164", s, e)
		}
		for _, again := range []string{e, p.National(), p.Digits()} {
			q, err := mapping.ParsePhoneIn(again, p.Region())
			if err != nil || q != p {
				t.Fatalf("ParsePhone(%q) = %#v, but ParsePhone(%q) = %#v, %v", s, p, again, q, err)
			}
		}
	})
}
