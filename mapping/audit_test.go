package mapping_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/passerelle-go/passerelle/batiweb"
	"github.com/passerelle-go/passerelle/divalto"
	"github.com/passerelle-go/passerelle/easycall"
	"github.com/passerelle-go/passerelle/factory"
	"github.com/passerelle-go/passerelle/mapping"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFactoryExtraReported: a balise La Factory sent that the SDK does not
// model (Project.Extra) is reported by its wire name, and strict mode
// fails on it.
func TestFactoryExtraReported(t *testing.T) {
	t.Parallel()
	p := &factory.Project{LastName: "D", Extra: map[string]json.RawMessage{
		"nouvelle_balise": json.RawMessage(`"x"`), "autre": json.RawMessage(`12`),
		"vide": json.RawMessage(`""`), "nulle": json.RawMessage(`null`)}}
	_, r, err := mapping.FromFactory(p, mapping.Options{})
	require.NoError(t, err)
	assert.Equal(t, mapping.NoField, kind(r, "nouvelle_balise"), "%v", r)
	assert.Equal(t, mapping.NoField, kind(r, "autre"), "%v", r)
	assert.False(t, r.Has("vide"), "an empty balise holds nothing: %v", r)
	assert.False(t, r.Has("nulle"), "a null balise holds nothing: %v", r)

	_, _, err = mapping.FromFactory(p, mapping.Options{Strict: true})
	var lossErr *mapping.LossError
	require.ErrorAs(t, err, &lossErr)
}

// TestFactoryCountryOnlyFromAFrenchPostalCode: France is inferred from a
// French postal code only, and the inference is reported; a Belgian lead
// gets no country, so ToEasyCall writes no nazione.
func TestFactoryCountryOnlyFromAFrenchPostalCode(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name       string
		p          factory.Project
		want       string
		reportedAs mapping.Loss
	}{
		{"belgian", factory.Project{PostalCode: "7000", City: "Mons", MobilePhone: "+32 470 12 34 56"}, "", 0},
		{"city alone", factory.Project{City: "Lille"}, "", 0},
		{"monaco", factory.Project{PostalCode: "98000", City: "Monaco"}, "", 0},
		{"french", factory.Project{PostalCode: "59000", City: "Lille"}, "FR", mapping.Normalised},
		{"corsica", factory.Project{PostalCode: "20000"}, "FR", mapping.Normalised},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			l, r, err := mapping.FromFactory(&tc.p, mapping.Options{})
			require.NoError(t, err)
			assert.Equal(t, tc.want, l.Country)
			assert.Equal(t, tc.reportedAs, kind(r, "Country"), "%v", r)
			if tc.want == "" {
				e, _, err := l.ToEasyCall(mapping.Options{})
				require.NoError(t, err)
				assert.Empty(t, e.Nazione)
			}
		})
	}
}

// TestFactoryLeadDateReported: ToFactory writes to the second in Paris
// time; a dropped fraction of a second is an approximation, a zone change
// alone a normalisation (the same instant). A birth date keeps its day as
// written, whatever its zone.
func TestFactoryLeadDateReported(t *testing.T) {
	t.Parallel()
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	require.NoError(t, err)
	for _, tc := range []struct {
		name  string
		lead  time.Time
		want  string
		loss  mapping.Loss
		birth time.Time
		day   string
	}{
		{"new york with millis", time.Date(2026, 1, 2, 10, 0, 0, 123e6, ny), "20260102160000", mapping.Approximated,
			time.Date(1980, 5, 1, 0, 0, 0, 0, tokyo), "19800501"},
		{"new york whole second", time.Date(2026, 1, 2, 10, 0, 0, 0, ny), "20260102160000", mapping.Normalised,
			time.Time{}, ""},
		{"paris", time.Date(2026, 1, 2, 16, 0, 0, 0, factory.Paris), "20260102160000", 0,
			time.Date(1980, 5, 1, 0, 0, 0, 0, time.UTC), "19800501"},
		{"paris with millis", time.Date(2026, 1, 2, 16, 0, 0, 5e8, factory.Paris), "20260102160000", mapping.Approximated,
			time.Time{}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			l := &mapping.Lead{LastName: "D", LeadDate: tc.lead, BirthDate: tc.birth}
			p, r, err := l.ToFactory(mapping.Options{})
			require.NoError(t, err)
			assert.Equal(t, tc.want, p.LeadDate.String())
			assert.Equal(t, tc.loss, kind(r, "LeadDate"), "%v", r)
			if tc.day != "" {
				assert.Equal(t, tc.day, p.BirthDate.String())
				assert.False(t, r.Has("BirthDate"), "%v", r)
			}
			_, _, err = l.ToFactory(mapping.Options{Strict: true})
			if tc.loss == mapping.Approximated {
				assert.Error(t, err, "a dropped fraction of a second fails strict mode")
			}
		})
	}
	// A time of day on a birth date is dropped: reported.
	l := &mapping.Lead{BirthDate: time.Date(1980, 5, 1, 23, 30, 0, 0, ny)}
	p, r, err := l.ToFactory(mapping.Options{})
	require.NoError(t, err)
	assert.Equal(t, "19800501", p.BirthDate.String())
	assert.Equal(t, mapping.Approximated, kind(r, "BirthDate"), "%v", r)
}

// TestCountryOnlyRealISOCodes: two capitals are an ISO code only when
// they name a real country; "UK" is another spelling of "GB".
func TestCountryOnlyRealISOCodes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want string
		loss mapping.Loss
	}{
		{"FR", "FR", 0}, {"ES", "ES", 0}, {"GB", "GB", 0}, {"GP", "GP", 0},
		{"UK", "GB", mapping.Normalised}, {"uk", "GB", mapping.Normalised},
		{"XX", "", mapping.NoValue}, {"EN", "", mapping.NoValue}, {"xx", "", mapping.NoValue},
		{"fr", "FR", mapping.Normalised}, {" FR ", "FR", mapping.Normalised}, {"France", "FR", mapping.Normalised},
	} {
		code, loss := mapping.Country(tc.in)
		assert.Equal(t, tc.want, code, tc.in)
		assert.Equal(t, tc.loss, loss, tc.in)
	}
}

// TestFrenchCountryInAnySpelling: "fr" or "France" in a hand-built lead is
// France for Batiweb and La Factory: normalised, not lost.
func TestFrenchCountryInAnySpelling(t *testing.T) {
	t.Parallel()
	for _, c := range []string{"fr", "France", " FR"} {
		l := &mapping.Lead{LastName: "D", Country: c}
		_, r, err := l.ToBatiweb(batiweb.WorkTypePeinture, mapping.Options{Strict: true})
		require.NoError(t, err, c)
		assert.Equal(t, mapping.Normalised, kind(r, "Country"), "%s: %v", c, r)
		_, r, err = l.ToFactory(mapping.Options{Strict: true})
		require.NoError(t, err, c)
		assert.Equal(t, mapping.Normalised, kind(r, "Country"), "%s: %v", c, r)
	}
	for _, c := range []string{"BE", "Belgique", "XX"} {
		l := &mapping.Lead{LastName: "D", Country: c}
		_, r, err := l.ToBatiweb(batiweb.WorkTypePeinture, mapping.Options{})
		require.NoError(t, err, c)
		assert.Equal(t, mapping.NoField, kind(r, "Country"), "%s: %v", c, r)
		_, r, err = l.ToFactory(mapping.Options{})
		require.NoError(t, err, c)
		assert.Equal(t, mapping.NoField, kind(r, "Country"), "%s: %v", c, r)
	}
}

// TestRoomsAndPhoneMovesReported: a negative room count is reported by
// ToFactory as by ToBatiweb; a phone ToBatiweb moves to the other of
// Batiweb's fields is reported.
func TestRoomsAndPhoneMovesReported(t *testing.T) {
	t.Parallel()
	l := &mapping.Lead{LastName: "D", Rooms: -2}
	p, r, err := l.ToFactory(mapping.Options{})
	require.NoError(t, err)
	assert.Empty(t, p.HousingSize)
	assert.Equal(t, mapping.NoValue, kind(r, "Rooms"), "%v", r)
	_, r, err = l.ToBatiweb(batiweb.WorkTypePeinture, mapping.Options{})
	require.NoError(t, err)
	assert.Equal(t, mapping.NoValue, kind(r, "Rooms"), "%v", r)

	must := func(s string) mapping.Phone {
		ph, err := mapping.ParsePhone(s)
		require.NoError(t, err)
		return ph
	}
	us, err := mapping.ParsePhone("+1 212 555 0123")
	require.NoError(t, err)
	for _, tc := range []struct {
		name       string
		lead       mapping.Lead
		cell, land string
		field      string
		loss       mapping.Loss
	}{
		{"landline in mobile", mapping.Lead{Mobile: must("01 23 45 67 89")}, "", "0123456789", "Mobile", mapping.Normalised},
		{"mobile in landline", mapping.Lead{Landline: must("06 12 34 56 78")}, "0612345678", "", "Landline", mapping.Normalised},
		{"work phone as landline", mapping.Lead{WorkPhone: must("01 23 45 67 89")}, "", "0123456789", "WorkPhone", 0},
		{"either kind in mobile", mapping.Lead{Mobile: us}, "", "+12125550123", "Mobile", mapping.Approximated},
		{"in place", mapping.Lead{Mobile: must("06 12 34 56 78"), Landline: must("01 23 45 67 89")}, "0612345678", "0123456789", "Mobile", 0},
	} {
		b, r, err := tc.lead.ToBatiweb(batiweb.WorkTypePeinture, mapping.Options{})
		require.NoError(t, err, tc.name)
		assert.Equal(t, tc.cell, b.Cellphone, tc.name)
		assert.Equal(t, tc.land, b.Landline, tc.name)
		assert.Equal(t, tc.loss, kind(r, tc.field), "%s: %v", tc.name, r)
	}
}

// TestPropertyFindings: what the strengthened fuzz properties found. A
// weavy name respaced on the way back is normalised; a nome_completo
// without a name is no value; an overseas number whose national form is
// a mainland one ("0800 22 20 00") is written in E.164.
func TestPropertyFindings(t *testing.T) {
	t.Parallel()
	_, r, err := mapping.FromDivalto(&divalto.Prospect{Name: " DUPONT  Jean", IsIndividual: true}, mapping.Options{})
	require.NoError(t, err)
	assert.Equal(t, mapping.Normalised, kind(r, "name"), "%v", r)

	_, r, err = mapping.FromEasyCall(&easycall.Lead{NomeCompleto: ","}, mapping.Options{})
	require.NoError(t, err)
	assert.Equal(t, mapping.NoValue, kind(r, "nome_completo"), "%v", r)

	gp, err := mapping.ParsePhoneIn("+590 800 22 20 00", "FR")
	require.NoError(t, err)
	assert.False(t, gp.French(), "0800 22 20 00 reads as a mainland number")
	p, _, err := (&mapping.Lead{Landline: gp, LastName: "D"}).ToDivalto(mapping.Options{})
	require.NoError(t, err)
	assert.Equal(t, "+590800222000", p.Phone)
	gpMobile, err := mapping.ParsePhone("06 90 11 22 33")
	require.NoError(t, err)
	assert.True(t, gpMobile.French())
}
