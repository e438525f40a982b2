package mapping_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/passerelle-go/passerelle/mapping"
)

func TestParsePhone(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in       string
		e164     string
		national string
		kind     mapping.PhoneKind
	}{
		// One mainland mobile in every usual spelling.
		{"06 12 34 56 78", "+33612345678", "06 12 34 56 78", mapping.PhoneMobile},
		{"0612345678", "+33612345678", "06 12 34 56 78", mapping.PhoneMobile},
		{"06.12.34.56.78", "+33612345678", "06 12 34 56 78", mapping.PhoneMobile},
		{"06-12-34-56-78", "+33612345678", "06 12 34 56 78", mapping.PhoneMobile},
		{"06/12/34/56/78", "+33612345678", "06 12 34 56 78", mapping.PhoneMobile},
		{" 06 12 34 56 78\t", "+33612345678", "06 12 34 56 78", mapping.PhoneMobile},
		{"06\u00a012\u00a034\u00a056\u00a078", "+33612345678", "06 12 34 56 78", mapping.PhoneMobile},
		{"(06) 12 34 56 78", "+33612345678", "06 12 34 56 78", mapping.PhoneMobile},
		{"+33 6 12 34 56 78", "+33612345678", "06 12 34 56 78", mapping.PhoneMobile},
		{"+33612345678", "+33612345678", "06 12 34 56 78", mapping.PhoneMobile},
		{"+33 (0)6 12 34 56 78", "+33612345678", "06 12 34 56 78", mapping.PhoneMobile},
		{"+33(0)612345678", "+33612345678", "06 12 34 56 78", mapping.PhoneMobile},
		{"+33 06 12 34 56 78", "+33612345678", "06 12 34 56 78", mapping.PhoneMobile},
		{"0033612345678", "+33612345678", "06 12 34 56 78", mapping.PhoneMobile},
		{"00 33 6 12 34 56 78", "+33612345678", "06 12 34 56 78", mapping.PhoneMobile},
		{"0033 (0)6 12 34 56 78", "+33612345678", "06 12 34 56 78", mapping.PhoneMobile},
		// The kinds of the French plan.
		{"07 81 23 45 67", "+33781234567", "07 81 23 45 67", mapping.PhoneMobile},
		{"01 23 45 67 89", "+33123456789", "01 23 45 67 89", mapping.PhoneLandline},
		{"02 99 00 11 22", "+33299001122", "02 99 00 11 22", mapping.PhoneLandline},
		{"03 88 00 11 22", "+33388001122", "03 88 00 11 22", mapping.PhoneLandline},
		{"04 91 00 11 22", "+33491001122", "04 91 00 11 22", mapping.PhoneLandline},
		{"05 56 00 11 22", "+33556001122", "05 56 00 11 22", mapping.PhoneLandline},
		{"09 51 00 11 22", "+33951001122", "09 51 00 11 22", mapping.PhoneNonGeographic},
		{"08 00 00 11 22", "+33800001122", "08 00 00 11 22", mapping.PhoneSpecial},
		{"0899 00 11 22", "+33899001122", "08 99 00 11 22", mapping.PhoneSpecial},
		// The overseas departments have their own country codes.
		{"06 90 11 22 33", "+590690112233", "06 90 11 22 33", mapping.PhoneMobile}, // Guadeloupe
		{"+33 6 90 11 22 33", "+590690112233", "06 90 11 22 33", mapping.PhoneMobile},
		{"+590 690 11 22 33", "+590690112233", "06 90 11 22 33", mapping.PhoneMobile},
		{"00590690112233", "+590690112233", "06 90 11 22 33", mapping.PhoneMobile},
		{"+590 (0)690 11 22 33", "+590690112233", "06 90 11 22 33", mapping.PhoneMobile},
		{"+590 0690 11 22 33", "+590690112233", "06 90 11 22 33", mapping.PhoneMobile},
		{"0590 81 22 33", "+590590812233", "05 90 81 22 33", mapping.PhoneLandline},
		{"0691 11 22 33", "+590691112233", "06 91 11 22 33", mapping.PhoneMobile},
		{"0594 30 11 22", "+594594301122", "05 94 30 11 22", mapping.PhoneLandline}, // Guyane
		{"+594 694 20 11 22", "+594694201122", "06 94 20 11 22", mapping.PhoneMobile},
		{"0596 70 11 22", "+596596701122", "05 96 70 11 22", mapping.PhoneLandline}, // Martinique
		{"0696 11 22 33", "+596696112233", "06 96 11 22 33", mapping.PhoneMobile},
		{"0697 11 22 33", "+596697112233", "06 97 11 22 33", mapping.PhoneMobile},
		{"0262 20 11 22", "+262262201122", "02 62 20 11 22", mapping.PhoneLandline}, // La Réunion
		{"0263 20 11 22", "+262263201122", "02 63 20 11 22", mapping.PhoneLandline},
		{"0692 12 34 56", "+262692123456", "06 92 12 34 56", mapping.PhoneMobile},
		{"+262 693 12 34 56", "+262693123456", "06 93 12 34 56", mapping.PhoneMobile},
		{"0269 61 11 22", "+262269611122", "02 69 61 11 22", mapping.PhoneLandline}, // Mayotte
		{"+262 639 12 34 56", "+262639123456", "06 39 12 34 56", mapping.PhoneMobile},
		// Foreign numbers are kept in E.164.
		{"+34 612 345 678", "+34612345678", "+34612345678", mapping.PhoneForeign},
		{"0034 612 34 56 78", "+34612345678", "+34612345678", mapping.PhoneForeign},
		{"+39 333 123 4567", "+393331234567", "+393331234567", mapping.PhoneForeign},
		{"+44 (0)20 7946 0958", "+442079460958", "+442079460958", mapping.PhoneForeign},
		{"+1 (415) 555-0132", "+14155550132", "+14155550132", mapping.PhoneForeign},
		{"+377 93 15 15 15", "+37793151515", "+37793151515", mapping.PhoneForeign}, // Monaco
		{"+508 41 23 45", "+508412345", "+508412345", mapping.PhoneForeign},        // Saint-Pierre-et-Miquelon
		{"+269 773 12 34", "+2697731234", "+2697731234", mapping.PhoneForeign},     // Comoros, Mayotte's former code
		{"+683 4002", "+6834002", "+6834002", mapping.PhoneForeign},                // 7 digits, the shortest
		{"+262 612 34 56 78", "+262612345678", "+262612345678", mapping.PhoneForeign},
		{"+590 596 70 11 22", "+590596701122", "+590596701122", mapping.PhoneForeign}, // Martinique's range under Guadeloupe's code
		{"+262 20 11 22", "+262201122", "+262201122", mapping.PhoneForeign},
	} {
		p, err := mapping.ParsePhone(tc.in)
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.e164, p.E164(), tc.in)
		assert.Equal(t, tc.national, p.National(), tc.in)
		assert.Equal(t, tc.national, p.String(), tc.in)
		assert.Equal(t, tc.kind, p.Kind(), tc.in)
		assert.False(t, p.IsZero())
		if tc.kind == mapping.PhoneForeign {
			assert.Equal(t, tc.e164, p.Digits(), tc.in)
		} else {
			assert.Equal(t, strings.ReplaceAll(tc.national, " ", ""), p.Digits(), tc.in)
		}
		for _, again := range []string{p.E164(), p.National(), p.Digits()} {
			q, err := mapping.ParsePhone(again)
			require.NoError(t, err, again)
			assert.Equal(t, p, q, "%s → %s", tc.in, again)
		}
	}
}

func TestParsePhoneErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in, problem string
	}{
		{"", "empty"},
		{"   ", "empty"},
		{"06 12 34 56 7", "10 digits, got 9"},
		{"612345678", "is the leading 0 missing"},
		{"06 12 34 56 78 9", "10 digits, got 11"},
		{"12 34 56 78 90", "starts with 0"},
		{"0612", "10 digits, got 4"},
		{"06 12 34 56 78 poste 12", "'p' is not allowed"},
		{"06 12 34 56 7O", "'O' is not allowed"},
		{"tel: 0612345678", "'t' is not allowed"},
		{"06 12 34 56 78 +", "\"+\" must come first"},
		{"++33612345678", "\"+\" must come first"},
		{"+", "no country code"},
		{"00", "no country code"},
		{"+0612345678", "no country code"},
		{"000033612345678", "no country code"},
		{"+33 6 12 34 56 7", "9 digits after 33"},
		{"+33 6 12 34 56 78 9", "9 digits after 33"},
		{"+33 0 12 34 56 78", "9 digits after 33"},
		{"+34 612", "7 to 15 digits, got 5"},
		{"+34 612 345 678 901 234", "7 to 15 digits, got 17"},
		{"+1 234 567 890 123 456 789 012", "too many digits"},
		{"06 12 34 56 78\x00", "is not allowed"},
		{"06\xff12345678", "is not allowed"},
	} {
		p, err := mapping.ParsePhone(tc.in)
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
		mapping.PhoneNonGeographic: "non-geographic", mapping.PhoneSpecial: "special", mapping.PhoneForeign: "foreign",
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
		if len(e) < 8 || len(e) > 16 || e[0] != '+' {
			t.Fatalf("ParsePhone(%q).E164() = %q is not E.164", s, e)
		}
		for _, again := range []string{e, p.National(), p.Digits()} {
			q, err := mapping.ParsePhone(again)
			if err != nil || q != p {
				t.Fatalf("ParsePhone(%q) = %#v, but ParsePhone(%q) = %#v, %v", s, p, again, q, err)
			}
		}
	})
}
