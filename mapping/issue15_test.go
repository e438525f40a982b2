package mapping_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/passerelle-go/passerelle/batiweb"
	"github.com/passerelle-go/passerelle/divalto"
	"github.com/passerelle-go/passerelle/easycall"
	"github.com/passerelle-go/passerelle/factory"
	"github.com/passerelle-go/passerelle/mapping"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// kind is the loss a report gives field, 0 when it does not name it.
func kind(r mapping.Report, field string) mapping.Loss {
	k, _ := r.Kind(field)
	return k
}

// TestBatiwebWorkDescriptionAndComment: workdescription is the trade's
// label ("Libellé du métier"), comment the requester's words; budget and
// callback time go to budget and remindertime.
func TestBatiwebWorkDescriptionAndComment(t *testing.T) {
	t.Parallel()
	l := &mapping.Lead{Comment: "Peinture de la chambre et du salon", Budget: "250000", CallbackTime: "20261123180000"}
	b, r, err := l.ToBatiweb(batiweb.WorkTypePeinture, mapping.Options{})
	require.NoError(t, err)
	assert.Equal(t, batiweb.WorkTypePeinture.String(), b.WorkDescription)
	assert.Equal(t, "Peinture de la chambre et du salon", b.Comment)
	assert.Equal(t, batiweb.BudgetOver6000, b.Budget)
	assert.Equal(t, batiweb.Reminder17To19, b.ReminderTime)
	assert.Equal(t, mapping.Approximated, kind(r, "Budget"), "a budget placed in a range changed meaning: %v", r)
	assert.Equal(t, mapping.Approximated, kind(r, "CallbackTime"))
	assert.False(t, r.Has("Comment"))
	for _, tc := range []struct {
		in   string
		want batiweb.Budget
		loss mapping.Loss
	}{{"Plus de 6000€", batiweb.BudgetOver6000, 0}, {"1 000 €", batiweb.BudgetUnder1500, mapping.Approximated},
		{"3k€", batiweb.Budget1500To6000, mapping.Approximated}, {"200 à 250 k€", 0, mapping.NoValue}} {
		got, loss := mapping.BatiwebBudget(tc.in)
		assert.Equal(t, tc.want, got, tc.in)
		assert.Equal(t, tc.loss, loss, tc.in)
	}
}

// TestDivaltoNothingDroppedSilently: Related, Indicators, Extra and text
// fields holding "0" are reported.
func TestDivaltoNothingDroppedSilently(t *testing.T) {
	t.Parallel()
	p := &divalto.Prospect{Code: "P1", Name: "ACME", Risk: "0", AccountNumber: "0", SiretNumber: "0",
		Related:    &divalto.Related{BaseUser: &divalto.BaseUser{LastName: "Martin"}},
		Indicators: &divalto.Indicators{TurnoverN: "0"},
		Extra:      map[string]json.RawMessage{"customField": json.RawMessage(`"x"`)}}
	_, r, err := mapping.FromDivalto(p, mapping.Options{})
	require.NoError(t, err)
	for _, f := range []string{"risk", "accountNumber", "siretNumber", "related.baseuser.lastName", "indicators.turnoverN", "customField"} {
		assert.Equal(t, mapping.NoField, kind(r, f), "%s: %v", f, r)
	}
	_, _, err = mapping.FromDivalto(p, mapping.Options{Strict: true})
	assert.Error(t, err)
}

// TestFactoryNeverWritesOutOfRange: an out-of-range civility, housing
// type or answer is reported and never written; an unknown answer is not
// "non".
func TestFactoryNeverWritesOutOfRange(t *testing.T) {
	t.Parallel()
	l := &mapping.Lead{Civility: 9, HousingType: 8, OptIn: 7, OptOut: -1}
	p, r, err := l.ToFactory(mapping.Options{})
	require.NoError(t, err)
	assert.Empty(t, p.Salutation)
	assert.Empty(t, p.HousingType)
	assert.Empty(t, p.ConsentOptIn, "an unknown answer is not non")
	assert.Empty(t, p.ConsentOptOut)
	for _, f := range []string{"Civility", "HousingType", "OptIn", "OptOut"} {
		assert.Equal(t, mapping.NoValue, kind(r, f), f)
	}
	_, _, err = l.ToFactory(mapping.Options{Strict: true})
	assert.Error(t, err)
}

// TestFactoryConsentSpellings: La Factory's own table spells "Oui/non";
// every spelling its OuiNon reads is consent, reported as normalised.
func TestFactoryConsentSpellings(t *testing.T) {
	t.Parallel()
	for in, want := range map[factory.OuiNon]mapping.Answer{"oui": mapping.Yes, "non": mapping.No, "Oui": mapping.Yes,
		"OUI": mapping.Yes, "Non": mapping.No, "1": mapping.Yes, "true": mapping.Yes} {
		l, r, err := mapping.FromFactory(&factory.Project{ConsentOptIn: in}, mapping.Options{})
		require.NoError(t, err)
		assert.Equal(t, want, l.OptIn, in)
		if in == factory.Oui || in == factory.Non {
			assert.False(t, r.Has("rgpdin"), in)
		} else {
			assert.Equal(t, mapping.Normalised, kind(r, "rgpdin"), in)
		}
	}
	l, r, err := mapping.FromFactory(&factory.Project{ConsentOptIn: "peut-être"}, mapping.Options{})
	require.NoError(t, err)
	assert.Equal(t, mapping.Unanswered, l.OptIn, "an unknown answer is not no")
	assert.Equal(t, mapping.NoValue, kind(r, "rgpdin"))
	// weavy's DIVINF yes/no: 1 is Non.
	a, ok := mapping.AnswerFromDivalto(divalto.YesNo(1))
	assert.True(t, ok)
	assert.Equal(t, mapping.No, a)
	a, _ = mapping.AnswerFromDivalto(divalto.Yes)
	assert.Equal(t, mapping.Yes, a)
}

// TestDivaltoNames: weavy writes "LAST First"; "DUPONT JEAN" is a guess,
// reported; To and FromDivalto agree on last name first.
func TestDivaltoNames(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, first, last string
		loss              mapping.Loss
	}{
		{"DUPONT Jean", "Jean", "DUPONT", 0},
		// Read exactly, but written back "DUPONT Jean": a normalisation.
		{"Jean DUPONT", "Jean", "DUPONT", mapping.Normalised},
		{"DUPONT JEAN", "JEAN", "DUPONT", mapping.Approximated},
		{"dupont jean", "jean", "dupont", mapping.Approximated},
		{"0 1", "1", "0", mapping.Approximated},
	} {
		l, r, err := mapping.FromDivalto(&divalto.Prospect{Name: tc.name, IsIndividual: true}, mapping.Options{})
		require.NoError(t, err)
		assert.Equal(t, tc.first, l.FirstName, tc.name)
		assert.Equal(t, tc.last, l.LastName, tc.name)
		assert.Equal(t, tc.loss, kind(r, "name"), tc.name)
	}
	l := &mapping.Lead{FirstName: "Jean", LastName: "DUPONT"}
	p, _, err := l.ToDivalto(mapping.Options{Strict: true})
	require.NoError(t, err)
	back, _, err := mapping.FromDivalto(p, mapping.Options{Strict: true})
	require.NoError(t, err)
	assert.Equal(t, l.FirstName, back.FirstName)
	assert.Equal(t, l.LastName, back.LastName)
}

// TestPhonesInTheLeadsRegion: phones are read where the lead lives.
func TestPhonesInTheLeadsRegion(t *testing.T) {
	t.Parallel()
	l, r, err := mapping.FromEasyCall(&easycall.Lead{TelefonoMobile: "612 345 678", Telefono: "612000001"}, mapping.Options{})
	require.NoError(t, err)
	assert.Equal(t, "+34612345678", l.Mobile.E164(), "EasyCall's leads are Spanish by default")
	assert.Equal(t, "+34612000001", l.WorkPhone.E164(), "a Spanish mobile in telefono is not a landline: %v", r)
	assert.True(t, l.Landline.IsZero())

	l, _, err = mapping.FromEasyCall(&easycall.Lead{Nazione: "IT", Telefono: "06 1234 5678"}, mapping.Options{})
	require.NoError(t, err)
	assert.Equal(t, "+390612345678", l.Landline.E164(), "a Roman landline, not a French mobile")
	b, r, err := l.ToBatiweb(batiweb.WorkTypePeinture, mapping.Options{})
	require.NoError(t, err)
	assert.Empty(t, b.Cellphone)
	assert.Equal(t, "+390612345678", b.Landline)
	assert.True(t, r.Has("Landline"))

	l, r, err = mapping.FromFactory(&factory.Project{HomePhone: "00 12 34 56 78"}, mapping.Options{})
	require.NoError(t, err)
	assert.True(t, l.Landline.IsZero(), "00 12 34 56 78 is not +12345678")
	assert.Equal(t, mapping.NoValue, kind(r, "tel_fixe"))

	l, _, err = mapping.FromFactory(&factory.Project{MobilePhone: "612 345 678"}, mapping.Options{Region: "ES"})
	require.NoError(t, err)
	assert.Equal(t, "+34612345678", l.Mobile.E164(), "Options.Region reads a Spanish number")
}

// TestCountryNormalised: nazione in words becomes an ISO code, reported
// as normalised; no false loss in ToBatiweb; weavy's province is carried.
func TestCountryNormalised(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"España": "ES", "France": "FR", "fr": "FR", "Italia": "IT", "FR": "FR"} {
		l, r, err := mapping.FromEasyCall(&easycall.Lead{Nazione: in, Email: "a@b.es"}, mapping.Options{})
		require.NoError(t, err)
		assert.Equal(t, want, l.Country, in)
		if in == want {
			assert.False(t, r.Has("nazione"))
		} else {
			assert.Equal(t, mapping.Normalised, kind(r, "nazione"), in)
		}
	}
	l, _, err := mapping.FromEasyCall(&easycall.Lead{Nazione: "France", Email: "a@b.fr"}, mapping.Options{})
	require.NoError(t, err)
	_, r, err := l.ToBatiweb(batiweb.WorkTypePeinture, mapping.Options{Strict: true})
	require.NoError(t, err, "France is not a loss for Batiweb: %v", r)

	l, r, err = mapping.FromDivalto(&divalto.Prospect{Name: "ACME", Province: divalto.Ref{Code: "GRAND-EST"}}, mapping.Options{})
	require.NoError(t, err)
	assert.Equal(t, "GRAND-EST", l.Province)
	assert.False(t, r.Has("generictype_ID_province"))
}

// TestRewritesReported: a changed spelling is a normalisation, a changed
// meaning an approximation.
func TestRewritesReported(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]mapping.Loss{"Villa": mapping.Approximated, "Studio": mapping.Approximated, "Pavillon": mapping.Approximated} {
		_, r, err := mapping.FromFactory(&factory.Project{HousingType: in}, mapping.Options{})
		require.NoError(t, err)
		assert.Equal(t, want, kind(r, "type_logement"), in)
	}
	_, r, err := mapping.FromFactory(&factory.Project{Salutation: "M."}, mapping.Options{})
	require.NoError(t, err)
	assert.Equal(t, mapping.Normalised, kind(r, "salutation"))

	// EasyCall's dates keep their zone and fraction of a second.
	for _, d := range []string{"2026-11-20T14:30:00.123+02:00", "2026-11-20T12:30:00Z", "2026-11-20 14:30:00"} {
		l, r, err := mapping.FromEasyCall(&easycall.Lead{DataPresentazione: d, Email: "a@b.es"}, mapping.Options{})
		require.NoError(t, err)
		assert.False(t, r.Has("data_presentazione"), d)
		e, _, err := l.ToEasyCall(mapping.Options{})
		require.NoError(t, err)
		assert.Equal(t, d, e.DataPresentazione)
	}
	_, r, err = mapping.FromEasyCall(&easycall.Lead{DataPresentazione: "20/11/2026", Email: "a@b.es"}, mapping.Options{})
	require.NoError(t, err)
	assert.Equal(t, mapping.Normalised, kind(r, "data_presentazione"))

	// nome_completo beside nome and cognome is reported either way.
	_, r, err = mapping.FromEasyCall(&easycall.Lead{Nome: "Ana", Cognome: "García", NomeCompleto: "Ana García"}, mapping.Options{})
	require.NoError(t, err)
	assert.Equal(t, mapping.Normalised, kind(r, "nome_completo"))
	_, r, err = mapping.FromEasyCall(&easycall.Lead{Nome: "Ana", Cognome: "García", NomeCompleto: "Ana María García"}, mapping.Options{})
	require.NoError(t, err)
	assert.Equal(t, mapping.NoField, kind(r, "nome_completo"))
}

// TestSharedFields: surface, rooms, company tax id and sales rep travel.
func TestSharedFields(t *testing.T) {
	t.Parallel()
	l, r, err := mapping.FromFactory(&factory.Project{HousingSurface: "75", HousingSize: "T3", SalesRep: "vendeur@example.fr"}, mapping.Options{})
	require.NoError(t, err)
	assert.Equal(t, "75", l.Surface)
	assert.Equal(t, 3, l.Rooms)
	assert.Equal(t, "vendeur@example.fr", l.SalesRep)
	assert.Equal(t, mapping.Normalised, kind(r, "taille_logement"))
	b, _, err := l.ToBatiweb(batiweb.WorkTypePeinture, mapping.Options{})
	require.NoError(t, err)
	assert.Equal(t, 3, b.AmountOfRooms)
	assert.Equal(t, batiweb.Area75To120, b.Area)

	e, _, err := mapping.FromEasyCall(&easycall.Lead{PartitaIVA: "B12345678", Email: "a@b.es"}, mapping.Options{})
	require.NoError(t, err)
	p, _, err := e.ToDivalto(mapping.Options{})
	require.NoError(t, err)
	assert.Equal(t, "B12345678", p.VATNumber)
	d, _, err := mapping.FromDivalto(&divalto.Prospect{Name: "ACME", BaseUser: "JMARTIN", VATNumber: "FR123"}, mapping.Options{})
	require.NoError(t, err)
	assert.Equal(t, "JMARTIN", d.SalesRep)
	assert.Equal(t, "FR123", d.CompanyTaxID)
}

// FuzzFactoryRoundTripProperty is the real property of a strict round
// trip: when FromFactory and ToFactory both pass strict mode, every
// balise comes back with its value, or the report names it and it comes
// back in another spelling of the same meaning (the same number,
// civility, answer, housing type, room count).
func FuzzFactoryRoundTripProperty(f *testing.F) {
	f.Add("Monsieur", "06 12 34 56 78", "oui", "Maison", "Jean", "3")
	f.Add("M.", "0612345678", "OUI", "Villa", "0 1", "T3")
	f.Fuzz(func(t *testing.T, civility, phone, yes, housing, name, rooms string) {
		p := &factory.Project{Salutation: factory.Salutation(civility), MobilePhone: phone, HomePhone: phone,
			ConsentOptIn: factory.OuiNon(yes), HousingType: housing, FirstName: name, LastName: name, HousingSize: rooms,
			Comment: name, City: name}
		l, r, err := mapping.FromFactory(p, mapping.Options{Strict: true})
		if err != nil {
			return
		}
		back, r2, err := l.ToFactory(mapping.Options{Strict: true})
		if err != nil {
			return
		}
		src, got := wire(t, p), wire(t, back)
		for k, v := range src {
			if v == "" || got[k] == v {
				continue
			}
			if !r.Has(k) && !r2.Has(k) {
				t.Fatalf("%s: %q came back as %q, and no report names it (%v; %v)", k, v, got[k], r, r2)
			}
			// Reported, and strict passed: the same meaning in another
			// spelling.
			sv, _ := v.(string)
			gv, _ := got[k].(string)
			same := false
			switch k {
			case "tel_mobile", "tel_fixe":
				same = samePhone(sv, gv, "FR")
			case "salutation":
				a, _ := mapping.CivilityFromFactory(factory.Salutation(sv))
				b, _ := mapping.CivilityFromFactory(factory.Salutation(gv))
				same = a == b
			case "rgpdin":
				a, _ := mapping.AnswerFromFactory(factory.OuiNon(sv))
				b, _ := mapping.AnswerFromFactory(factory.OuiNon(gv))
				same = a == b
			case "type_logement":
				a, _ := mapping.HousingTypeFromFactory(sv)
				b, _ := mapping.HousingTypeFromFactory(gv)
				same = a == b
			case "taille_logement":
				a, _ := mapping.ParseRooms(sv)
				b, _ := mapping.ParseRooms(gv)
				same = a == b
			}
			if !same {
				t.Fatalf("%s: %q came back as %q, a change of meaning strict mode let through (%v; %v)", k, v, got[k], r, r2)
			}
		}
	})
}

// TestServiceVocabulariesHavePivotRows: every value of the services' own
// enum types reads to a pivot value, so a row added in a service package
// fails here until mapping has it.
func TestServiceVocabulariesHavePivotRows(t *testing.T) {
	t.Parallel()
	for _, s := range factory.SalutationValues() {
		c, loss := mapping.CivilityFromFactory(s)
		assert.True(t, c.Valid(), s)
		assert.Zero(t, loss, s)
	}
	for _, b := range batiweb.CivilityValues() {
		_, ok := mapping.CivilityFromBatiweb(b)
		assert.True(t, ok, b)
	}
	for _, s := range factory.SituationLogementValues() {
		_, loss := mapping.OwnerStatusFromFactory(s)
		assert.Zero(t, loss, s)
	}
	for _, v := range batiweb.IsOwnerValues() {
		_, ok := mapping.OwnerStatusFromBatiweb(v)
		assert.True(t, ok, v)
	}
	for _, v := range batiweb.HousingTypeValues() {
		_, ok := mapping.HousingTypeFromBatiweb(v)
		assert.True(t, ok, v)
	}
	for _, v := range factory.OuiNonValues() {
		_, loss := mapping.AnswerFromFactory(v)
		assert.Zero(t, loss, v)
	}
	for _, v := range divalto.YesNoValues() {
		_, ok := mapping.AnswerFromDivalto(v)
		assert.True(t, ok, v)
	}
	assert.Same(t, factory.Paris, mapping.Paris, "one Europe/Paris location")
}

// TestEveryNestedDivaltoFieldIsReported walks every field of every
// related record and of the indicators: alone, each is reported by its
// path.
func TestEveryNestedDivaltoFieldIsReported(t *testing.T) {
	t.Parallel()
	walk := func(p *divalto.Prospect, rec reflect.Value, prefix string) {
		for i := range rec.NumField() {
			f := rec.Type().Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if !f.IsExported() || name == "" || name == "-" {
				continue
			}
			fv := rec.Field(i)
			switch fv.Kind() {
			case reflect.String:
				fv.SetString("0")
			case reflect.Bool:
				fv.SetBool(true)
			case reflect.Struct:
				if _, ok := fv.Interface().(divalto.Ref); ok {
					fv.Set(reflect.ValueOf(divalto.Ref{Code: "X"}))
				} else {
					fv.Set(reflect.ValueOf(divalto.DateTime{Raw: "x"}))
				}
			default:
				t.Fatalf("%s%s: no sample", prefix, name)
			}
			_, r, err := mapping.FromDivalto(p, mapping.Options{})
			require.NoError(t, err)
			assert.True(t, r.Has(prefix+name), "%s%s is not reported: %v", prefix, name, r)
			fv.Set(reflect.Zero(fv.Type()))
		}
	}
	p := &divalto.Prospect{Indicators: &divalto.Indicators{}, Related: &divalto.Related{}}
	walk(p, reflect.ValueOf(p.Indicators).Elem(), "indicators.")
	rel := reflect.ValueOf(p.Related).Elem()
	for i := range rel.NumField() {
		f := rel.Type().Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "" || name == "-" {
			continue
		}
		rec := reflect.New(f.Type.Elem())
		rel.Field(i).Set(rec)
		walk(p, rec.Elem(), "related."+name+".")
		rel.Field(i).Set(reflect.Zero(f.Type))
	}
}
