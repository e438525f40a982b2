package mapping_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/passerelle-go/passerelle/batiweb"
	"github.com/passerelle-go/passerelle/factory"
	"github.com/passerelle-go/passerelle/mapping"
)

func TestCivilityTranslations(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		civility     mapping.Civility
		label, abbr  string
		factory      factory.Salutation
		batiweb      batiweb.Civility
		batiwebExact bool
		divalto      string
	}{
		{mapping.Mister, "Monsieur", "M.", factory.Monsieur, batiweb.Monsieur, true, "M"},
		{mapping.Madam, "Madame", "Mme", factory.Madame, batiweb.Madame, true, "MME"},
		{mapping.Miss, "Mademoiselle", "Mlle", factory.Mademoiselle, batiweb.Madame, false, "MLLE"},
		{mapping.Maitre, "Maître", "Me", factory.Maitre, 0, false, "ME"},
	} {
		t.Run(tc.label, func(t *testing.T) {
			t.Parallel()
			c := tc.civility
			assert.True(t, c.Valid())
			assert.Equal(t, tc.label, c.String())
			assert.Equal(t, tc.abbr, c.Abbreviation())

			f, ok := c.Factory()
			assert.True(t, ok)
			assert.Equal(t, tc.factory, f)
			back, loss := mapping.CivilityFromFactory(f)
			assert.Zero(t, loss)
			assert.Equal(t, c, back, "La Factory has every civility: the round trip is exact")

			b, exact := c.Batiweb()
			assert.Equal(t, tc.batiweb, b)
			assert.Equal(t, tc.batiwebExact, exact)
			if exact {
				back, ok := mapping.CivilityFromBatiweb(b)
				assert.True(t, ok)
				assert.Equal(t, c, back)
			}

			code, ok := mapping.DefaultDivaltoCivility().Code(c)
			assert.True(t, ok)
			assert.Equal(t, tc.divalto, code)
			back, ok = mapping.DefaultDivaltoCivility().Civility(code)
			assert.True(t, ok)
			assert.Equal(t, c, back)

			for _, s := range []string{tc.label, tc.abbr} {
				p, err := mapping.ParseCivility(s)
				require.NoError(t, err, s)
				assert.Equal(t, c, p, s)
			}
		})
	}
	assert.Equal(t, []mapping.Civility{mapping.Mister, mapping.Madam, mapping.Miss, mapping.Maitre}, mapping.CivilityValues())
}

func TestCivilityUnknown(t *testing.T) {
	t.Parallel()
	for _, c := range []mapping.Civility{mapping.CivilityUnknown, 9} {
		assert.False(t, c.Valid())
		assert.Empty(t, c.Abbreviation())
		_, ok := c.Factory()
		assert.False(t, ok)
		b, exact := c.Batiweb()
		assert.Zero(t, b)
		assert.False(t, exact)
		_, ok = mapping.DefaultDivaltoCivility().Code(c)
		assert.False(t, ok)
	}
	assert.Equal(t, "Civility(9)", mapping.Civility(9).String())

	for _, s := range []factory.Salutation{"", "Docteur"} {
		c, loss := mapping.CivilityFromFactory(s)
		assert.Equal(t, mapping.NoValue, loss, s)
		assert.Equal(t, mapping.CivilityUnknown, c)
	}
	for _, b := range []batiweb.Civility{0, 3} {
		c, ok := mapping.CivilityFromBatiweb(b)
		assert.False(t, ok, b)
		assert.Equal(t, mapping.CivilityUnknown, c)
	}
	// La Factory's spellings outside its document are read through its
	// aliases, and reported as a normalisation.
	for in, want := range map[factory.Salutation]mapping.Civility{"MLLE": mapping.Miss, "M.": mapping.Mister, "Melle": mapping.Miss} {
		c, loss := mapping.CivilityFromFactory(in)
		assert.Equal(t, mapping.Normalised, loss, in)
		assert.Equal(t, want, c, in)
	}
}

func TestParseCivility(t *testing.T) {
	t.Parallel()
	for want, spellings := range map[mapping.Civility][]string{
		mapping.Mister: {"M.", "m", " M ", "MONSIEUR", "monsieur", "Mr", "Mr.", "mister", "Señor", "SENOR", "Sr.", "sr", "Signor", "Sig.", "sig"},
		mapping.Madam:  {"Mme", "mme.", "MADAME", "Mrs", "Mrs.", "Ms", "ms.", "Madam", "Señora", "Sra.", "Signora", "Sig.ra", "SIG.RA", "sig ra"},
		mapping.Miss:   {"Mlle", "mlle.", "Melle", "MADEMOISELLE", "Miss", "Señorita", "Srta.", "Signorina", "Sig.na"},
		mapping.Maitre: {"Me", "me.", "Maître", "MAITRE", "maitre", "Avv.", "Avvocato"},
	} {
		for _, s := range spellings {
			got, err := mapping.ParseCivility(s)
			require.NoError(t, err, s)
			assert.Equal(t, want, got, s)
		}
	}
	for _, bad := range []string{"", " ", "Dr", "Docteur", "M.M.", "Madame Monsieur", "Mx"} {
		_, err := mapping.ParseCivility(bad)
		assert.Error(t, err, bad)
	}
}

func TestDivaltoCivility(t *testing.T) {
	t.Parallel()
	m := mapping.DefaultDivaltoCivility()
	for _, tc := range []struct {
		code string
		want mapping.Civility
		ok   bool
	}{
		{"MME", mapping.Madam, true},
		{"mme", mapping.Madam, true},
		{" CIVILITY-MLLE ", mapping.Miss, true},
		{"civility-ME", mapping.Maitre, true},
		{"SA", mapping.CivilityUnknown, false}, // the document's code: a legal form
		{"CIVILITY-SA", mapping.CivilityUnknown, false},
		{"CIVILITY-", mapping.CivilityUnknown, false},
		{"", mapping.CivilityUnknown, false},
		{"COUNTRY-M", mapping.CivilityUnknown, false}, // another data type
	} {
		got, ok := m.Civility(tc.code)
		assert.Equal(t, tc.ok, ok, tc.code)
		assert.Equal(t, tc.want, got, tc.code)
	}

	// A company's own codes replace the defaults, and the defaults are a
	// fresh copy each time.
	m[mapping.Mister] = "MR"
	delete(m, mapping.Maitre)
	code, ok := m.Code(mapping.Mister)
	assert.True(t, ok)
	assert.Equal(t, "MR", code)
	_, ok = m.Code(mapping.Maitre)
	assert.False(t, ok)
	_, ok = m.Civility("M")
	assert.False(t, ok)
	code, _ = mapping.DefaultDivaltoCivility().Code(mapping.Mister)
	assert.Equal(t, "M", code)
	assert.Equal(t, "CIVILITY", mapping.DivaltoCivilityDataType)

	empty := mapping.DivaltoCivility{mapping.Madam: ""}
	_, ok = empty.Code(mapping.Madam)
	assert.False(t, ok, "an empty code is no code")
	_, ok = empty.Civility("")
	assert.False(t, ok)
}

func TestOwnerStatusTranslations(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		status       mapping.OwnerStatus
		label        string
		factory      factory.SituationLogement
		factoryExact bool
		batiweb      batiweb.IsOwner
		batiwebExact bool
	}{
		{mapping.Owner, "Propriétaire", factory.Proprietaire, true, batiweb.Owner, true},
		{mapping.Tenant, "Locataire", factory.Locataire, true, batiweb.Tenant, true},
		{mapping.HousedFree, "Logé à titre gratuit", factory.LogeTitreGratuit, true, batiweb.OtherOccupancy, false},
		{mapping.LettingOwner, "Propriétaire bailleur", factory.Proprietaire, false, batiweb.LettingOwner, true},
		{mapping.OtherOccupancy, "Autre", "", false, batiweb.OtherOccupancy, true},
	} {
		t.Run(tc.label, func(t *testing.T) {
			t.Parallel()
			s := tc.status
			assert.True(t, s.Valid())
			assert.Equal(t, tc.label, s.String())
			p, err := mapping.ParseOwnerStatus(tc.label)
			require.NoError(t, err)
			assert.Equal(t, s, p)

			f, exact := s.Factory()
			assert.Equal(t, tc.factory, f)
			assert.Equal(t, tc.factoryExact, exact)
			if exact {
				back, loss := mapping.OwnerStatusFromFactory(f)
				assert.Zero(t, loss)
				assert.Equal(t, s, back)
			}
			b, exact := s.Batiweb()
			assert.Equal(t, tc.batiweb, b)
			assert.Equal(t, tc.batiwebExact, exact)
			if exact {
				back, ok := mapping.OwnerStatusFromBatiweb(b)
				assert.True(t, ok)
				assert.Equal(t, s, back)
			}
		})
	}
	assert.Len(t, mapping.OwnerStatusValues(), 5)
}

func TestOwnerStatusAcrossServices(t *testing.T) {
	t.Parallel()
	// Every value of each service reads as a pivot status.
	for _, v := range factory.SituationLogementValues() {
		_, loss := mapping.OwnerStatusFromFactory(v)
		assert.Zero(t, loss, v)
	}
	for _, v := range batiweb.IsOwnerValues() {
		_, ok := mapping.OwnerStatusFromBatiweb(v)
		assert.True(t, ok, v)
	}
	// The brief's approximations, service to service.
	s, _ := mapping.OwnerStatusFromFactory(factory.LogeTitreGratuit)
	b, exact := s.Batiweb()
	assert.Equal(t, batiweb.OtherOccupancy, b)
	assert.False(t, exact)
	s, _ = mapping.OwnerStatusFromBatiweb(batiweb.LettingOwner)
	f, exact := s.Factory()
	assert.Equal(t, factory.Proprietaire, f)
	assert.False(t, exact)

	s, loss := mapping.OwnerStatusFromFactory("LOGE A TITRE GRATUIT")
	assert.Equal(t, mapping.Normalised, loss, "La Factory's spellings are forgiven, and reported")
	assert.Equal(t, mapping.HousedFree, s)
	for _, v := range []factory.SituationLogement{"", "squatteur"} {
		_, loss := mapping.OwnerStatusFromFactory(v)
		assert.Equal(t, mapping.NoValue, loss, v)
	}
	for _, v := range []batiweb.IsOwner{0, 5} {
		_, ok := mapping.OwnerStatusFromBatiweb(v)
		assert.False(t, ok, v)
	}
	for _, s := range []mapping.OwnerStatus{mapping.OwnerStatusUnknown, 42} {
		assert.False(t, s.Valid())
		f, exact := s.Factory()
		assert.Empty(t, f)
		assert.False(t, exact)
		b, exact := s.Batiweb()
		assert.Zero(t, b)
		assert.False(t, exact)
	}
	assert.Equal(t, "OwnerStatus(42)", mapping.OwnerStatus(42).String())
}

func TestParseOwnerStatus(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]mapping.OwnerStatus{
		"propriétaire": mapping.Owner, "PROPRIETAIRE": mapping.Owner, "owner": mapping.Owner, "Propietario": mapping.Owner,
		"locataire": mapping.Tenant, "Tenant": mapping.Tenant, "inquilino": mapping.Tenant, "affittuario": mapping.Tenant,
		"logé à titre gratuit": mapping.HousedFree, "Hébergé": mapping.HousedFree,
		"Propriétaire louant son bien": mapping.LettingOwner, "bailleur": mapping.LettingOwner, "landlord": mapping.LettingOwner,
		"autre": mapping.OtherOccupancy, "Otro": mapping.OtherOccupancy,
	} {
		got, err := mapping.ParseOwnerStatus(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for _, bad := range []string{"", "1", "usufruitier"} {
		_, err := mapping.ParseOwnerStatus(bad)
		assert.Error(t, err, bad)
	}
}

func TestHousingType(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		housing mapping.HousingType
		label   string
		batiweb batiweb.HousingType
	}{
		{mapping.House, "Maison", batiweb.House},
		{mapping.Apartment, "Appartement", batiweb.Apartment},
		{mapping.BusinessPremises, "Locaux professionnels", batiweb.BusinessPremises},
		{mapping.OtherHousing, "Autre", batiweb.OtherHousing},
	} {
		h := tc.housing
		assert.True(t, h.Valid())
		assert.Equal(t, tc.label, h.String())
		assert.Equal(t, tc.label, h.Factory())
		b, ok := h.Batiweb()
		assert.True(t, ok)
		assert.Equal(t, tc.batiweb, b)
		back, ok := mapping.HousingTypeFromBatiweb(b)
		assert.True(t, ok)
		assert.Equal(t, h, back)
		back, loss := mapping.HousingTypeFromFactory(h.Factory())
		assert.Zero(t, loss)
		assert.Equal(t, h, back)
		// Batiweb's own labels are the pivot's.
		assert.Equal(t, b.String(), h.String())
	}
	assert.Len(t, mapping.HousingTypeValues(), len(batiweb.HousingTypeValues()))

	for _, h := range []mapping.HousingType{mapping.HousingTypeUnknown, 8} {
		assert.False(t, h.Valid())
		assert.Empty(t, h.Factory())
		_, ok := h.Batiweb()
		assert.False(t, ok)
	}
	_, ok := mapping.HousingTypeFromBatiweb(0)
	assert.False(t, ok)
	_, ok = mapping.HousingTypeFromBatiweb(5)
	assert.False(t, ok)
	assert.Equal(t, "HousingType(8)", mapping.HousingType(8).String())
}

// TestHousingTypeFromFactory: the label is exact, another spelling of it
// normalised, a narrower word ("Villa", "Studio", "Pavillon") an
// approximation: the old reading marked those exact, which hid a changed
// meaning.
func TestHousingTypeFromFactory(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text string
		want mapping.HousingType
		loss mapping.Loss
	}{
		{"Maison", mapping.House, 0},
		{"Appartement", mapping.Apartment, 0},
		{"appartement", mapping.Apartment, mapping.Normalised},
		{"autre", mapping.OtherHousing, mapping.Normalised},
		{"MAISON INDIVIDUELLE", mapping.House, mapping.Approximated},
		{"pavillon", mapping.House, mapping.Approximated},
		{"Villa", mapping.House, mapping.Approximated},
		{"Studio", mapping.Apartment, mapping.Approximated},
		{"Piso", mapping.Apartment, mapping.Approximated},
		{"Local commercial", mapping.BusinessPremises, mapping.Approximated},
		{"bureaux", mapping.BusinessPremises, mapping.Approximated},
		{"Maison de ville", mapping.House, mapping.Approximated},
		{"Maison T4 avec jardin", mapping.House, mapping.Approximated},
		{"Appartement T3", mapping.Apartment, mapping.Approximated},
		{"T2", mapping.Apartment, mapping.Approximated},
		{"f3 / 65 m²", mapping.Apartment, mapping.Approximated},
		{"Appartement, 2 appartements", mapping.Apartment, mapping.Approximated},
		{"Locaux d'activité", mapping.BusinessPremises, mapping.Approximated},
		{"Maison ou appartement", mapping.HousingTypeUnknown, mapping.NoValue},
		{"Terrain à bâtir", mapping.HousingTypeUnknown, mapping.NoValue},
		{"T10", mapping.HousingTypeUnknown, mapping.NoValue},
		{"", mapping.HousingTypeUnknown, mapping.NoValue},
		{"   ", mapping.HousingTypeUnknown, mapping.NoValue},
	} {
		got, loss := mapping.HousingTypeFromFactory(tc.text)
		assert.Equal(t, tc.want, got, tc.text)
		assert.Equal(t, tc.loss, loss, tc.text)
	}
	_, err := mapping.ParseHousingType("Appartement T3")
	assert.Error(t, err, "free text is not a label")
}

func TestYesNo(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in        string
		value, ok bool
	}{
		{"oui", true, true}, {"OUI", true, true}, {" Oui ", true, true}, {"O", true, true},
		{"yes", true, true}, {"Y", true, true}, {"sí", true, true}, {"SÍ", true, true}, {"sì", true, true}, {"si", true, true},
		{"1", true, true}, {"true", true, true}, {"TRUE", true, true}, {"vrai", true, true},
		{"non", false, true}, {"NON", false, true}, {"N", false, true}, {"no", false, true}, {"No", false, true},
		{"0", false, true}, {"false", false, true}, {"faux", false, true},
		{"", false, false}, {"peut-être", false, false}, {"2", false, false}, {"oui non", false, false}, {"yes!", false, false},
	} {
		v, ok := mapping.ParseYesNo(tc.in)
		assert.Equal(t, tc.ok, ok, tc.in)
		assert.Equal(t, tc.value, v, tc.in)
	}

	assert.Equal(t, factory.Oui, mapping.FactoryOuiNon(mapping.ParseYesNo("sí")))
	assert.Equal(t, factory.Non, mapping.FactoryOuiNon(mapping.ParseYesNo("0")))
	assert.Equal(t, factory.OuiNon(""), mapping.FactoryOuiNon(mapping.ParseYesNo("peut-être")))
	assert.Equal(t, "1", mapping.DivaltoFlag(true))
	assert.Equal(t, "0", mapping.DivaltoFlag(false))
	for _, b := range []bool{true, false} {
		v, ok := mapping.ParseYesNo(mapping.DivaltoFlag(b))
		assert.True(t, ok)
		assert.Equal(t, b, v)
		v, ok = mapping.ParseYesNo(string(factory.OuiNonOf(b)))
		assert.True(t, ok)
		assert.Equal(t, b, v)
	}
}

func TestVocabularyText(t *testing.T) {
	t.Parallel()
	type pivot struct {
		Civility mapping.Civility    `json:"civility"`
		Status   mapping.OwnerStatus `json:"status"`
		Housing  mapping.HousingType `json:"housing"`
	}
	b, err := json.Marshal(pivot{mapping.Maitre, mapping.HousedFree, mapping.Apartment})
	require.NoError(t, err)
	assert.JSONEq(t, `{"civility":"Maître","status":"Logé à titre gratuit","housing":"Appartement"}`, string(b))
	var p pivot
	require.NoError(t, json.Unmarshal(b, &p))
	assert.Equal(t, pivot{mapping.Maitre, mapping.HousedFree, mapping.Apartment}, p)

	b, err = json.Marshal(pivot{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"civility":"","status":"","housing":""}`, string(b))
	p = pivot{mapping.Miss, mapping.Owner, mapping.House}
	require.NoError(t, json.Unmarshal(b, &p))
	assert.Equal(t, pivot{}, p, "blank text is the zero value")

	require.NoError(t, json.Unmarshal([]byte(`{"civility":"Sra.","status":"tenant","housing":"flat"}`), &p))
	assert.Equal(t, pivot{mapping.Madam, mapping.Tenant, mapping.Apartment}, p)

	assert.Error(t, json.Unmarshal([]byte(`{"civility":"Dr"}`), &p))
	assert.Error(t, json.Unmarshal([]byte(`{"status":"usufruitier"}`), &p))
	assert.Error(t, json.Unmarshal([]byte(`{"housing":"péniche"}`), &p))
	_, err = json.Marshal(pivot{Civility: 7})
	assert.Error(t, err, "a value outside the table is not written")
}
