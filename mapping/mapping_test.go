package mapping_test

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
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

// wire is v's JSON object.
func wire(t *testing.T, v any) map[string]any {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	return m
}

func project() *factory.Project {
	return &factory.Project{
		FactoryProjectID: "FP-1", CallCenterProjectID: "CC-1", CallCenterContactID: "CT-1",
		Salutation: factory.Madame, FirstName: "Camille", LastName: "Durand", Email: "camille@example.fr", Email2: "c.durand@example.fr",
		MobilePhone: "06 12 34 56 78", HomePhone: "03 20 11 22 33", WorkPhone: "01 44 55 66 77",
		Street1: "12 rue de Paris", Street2: "Bât. B", PostalCode: "59000", City: "Lille", CityINSEE: "59350",
		BirthDate: factory.NewDate(1985, 4, 12), Profession: "Infirmière", HousingSituation: factory.Locataire,
		ConsentOptIn: factory.Oui, ConsentOptOut: factory.Non,
		LeadDate: factory.NewDateTime(time.Date(2026, 11, 20, 14, 30, 0, 0, factory.Paris)),
		Comment:  "Un T3 près du métro", BudgetMax: "250000", CallbackTime: "20261123180000", FormName: "landing-lille",
		HousingType: "Appartement", UTMCampaign: "lille-2026", Channel: "WEB", UTMAct: "SEA", UTMSource: "google", UTMMedium: "cpc",
	}
}

func TestFactoryRoundTrip(t *testing.T) {
	t.Parallel()
	p := project()
	// Every field of this project has a place in the pivot; the only
	// entry is the country, read from the French postal code (a reading:
	// strict mode accepts it).
	l, r, err := mapping.FromFactory(p, mapping.Options{Strict: true})
	require.NoError(t, err)
	assert.Equal(t, []mapping.Entry{{Field: "Country", Loss: mapping.Normalised, Detail: "country inferred from the postal code"}},
		r.Entries, "every field of this project has a place in the pivot: %v", r)
	assert.Equal(t, mapping.Madam, l.Civility)
	assert.Equal(t, "+33612345678", l.Mobile.E164())
	assert.Equal(t, mapping.Tenant, l.OwnerStatus)
	assert.Equal(t, mapping.Apartment, l.HousingType)
	assert.Equal(t, mapping.Yes, l.OptIn)
	back, r2, err := l.ToFactory(mapping.Options{Strict: true})
	require.NoError(t, err, "%v", r2)
	assert.Equal(t, wire(t, p), wire(t, back))
}

// sampleFactory is a valid value for a project field, by balise.
var sampleFactory = map[string]any{
	"salutation": factory.Monsieur, "situation_logement": factory.Proprietaire, "tel_mobile": "06 12 34 56 78",
	"tel_fixe": "01 23 45 67 89", "tel_professionnel": "09 87 65 43 21", "date_naissance": factory.NewDate(1970, 1, 2),
	"date_acquisition": factory.NewDateTime(time.Date(2026, 1, 2, 3, 4, 5, 0, factory.Paris)),
	"attribdate_call":  factory.NewDateTime(time.Date(2026, 1, 2, 3, 4, 5, 0, factory.Paris)),
	"rgpdin":           factory.Oui, "rgpdout": factory.Non, "primo_accedant": factory.Oui, "revente": factory.Non,
	"type_logement": "Maison", "projet_immo": factory.ProjetImmo("x"), "code_lot": factory.LotCode("12345_0001"),
}

// TestEveryFactoryFieldIsCarriedOrReported walks every field of
// factory.Project: alone in a project, it comes back from the pivot
// unchanged, or FromFactory's report names it.
func TestEveryFactoryFieldIsCarriedOrReported(t *testing.T) {
	t.Parallel()
	typ := reflect.TypeOf(factory.Project{})
	carried, reported := 0, 0
	for i := range typ.NumField() {
		f := typ.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "" || name == "-" {
			continue
		}
		var p factory.Project
		fv := reflect.ValueOf(&p).Elem().Field(i)
		if s, ok := sampleFactory[name]; ok {
			fv.Set(reflect.ValueOf(s))
		} else {
			require.Equal(t, reflect.String, fv.Kind(), "%s needs a sample", name)
			fv.SetString("Valeur")
		}
		l, r, err := mapping.FromFactory(&p, mapping.Options{})
		require.NoError(t, err)
		back, _, err := l.ToFactory(mapping.Options{})
		require.NoError(t, err)
		if r.Has(name) {
			reported++
			continue
		}
		assert.Equal(t, wire(t, &p)[name], wire(t, back)[name], "%s is neither carried nor reported", name)
		carried++
	}
	t.Logf("factory.Project: %d balises carried, %d reported", carried, reported)
	assert.Greater(t, carried, 30)
}

func TestEveryEasyCallFieldIsCarriedOrReported(t *testing.T) {
	t.Parallel()
	samples := map[string]string{
		easycall.FieldTelefonoFisso: "+33 1 23 45 67 89", easycall.FieldTelefonoMobile: "+34612345678",
		easycall.FieldTelefono: "+34912345678", easycall.FieldAltroTelefono: "+33612345678",
		easycall.FieldDataPresentazione: "2026-11-20 14:30:00",
	}
	carried, reported := 0, 0
	for _, name := range easycall.Fields() {
		value, ok := samples[name]
		if !ok {
			value = "Valor"
		}
		if name == easycall.FieldLatitudine || name == easycall.FieldLongitudine {
			continue // below
		}
		e, err := easycall.ParseLead(strings.NewReader(name + ": " + value))
		require.NoError(t, err, name)
		l, r, err := mapping.FromEasyCall(e, mapping.Options{})
		require.NoError(t, err)
		back, _, err := l.ToEasyCall(mapping.Options{})
		require.NoError(t, err)
		if r.Has(name) {
			reported++
			continue
		}
		carried++
		got := back.Values("campaign")
		switch name {
		case easycall.FieldNomeCompleto: // split into nome and cognome
			assert.Equal(t, value, got[easycall.FieldCognome], name)
		default:
			assert.Equal(t, value, got[name], "%s is neither carried nor reported", name)
		}
	}
	t.Logf("easycall.Lead: %d fields carried, %d reported, latitude and longitude below", carried, reported)
	lat, lon := 40.4168, -3.7038
	e := easycall.Lead{Latitudine: &lat, Longitudine: &lon, Custom: map[string]string{"tipo_inmueble": "piso"}}
	l, r, err := mapping.FromEasyCall(&e, mapping.Options{})
	require.NoError(t, err)
	assert.Equal(t, &lat, l.Latitude)
	assert.True(t, r.Has("tipo_inmueble"), "custom fields are reported")
}

func TestEveryDivaltoFieldIsCarriedOrReported(t *testing.T) {
	t.Parallel()
	samples := map[string]string{
		"phoneNumber": "03 90 11 22 33", "mobilePhoneNumber": "06 12 34 56 78", "email": "a@example.fr",
		"generictype_ID_country": "FR", "generictype_ID_civility": "MME", "gpsLatitude": "47.33222", "gpsLongitude": "5.04372",
		"isIndividual": "1", "name": "DUPONT Jean", "blocked": "1", "divinf_rftctrcod": "2",
		"vacationStart": "2026-07-01 00:00:00", "vacationEnd": "2026-07-31 00:00:00",
	}
	carried, reported := 0, 0
	for _, name := range divalto.ProspectFields() {
		value, ok := samples[name]
		if !ok {
			value = "X"
			if strings.HasPrefix(name, "gps") || name == "workforce" || name == "area" || name == "discountRate" || strings.HasPrefix(name, "divinf_rem") {
				value = "1.5"
			}
			if strings.HasPrefix(name, "divinf_remtyp") {
				value = "2"
			}
			if name == "authorizedCredit" || name == "underSurveillance" || name == "unused" {
				value = "1"
			}
		}
		var p divalto.Prospect
		require.NoError(t, json.Unmarshal([]byte(`{"`+name+`":"`+value+`"}`), &p), name)
		l, r, err := mapping.FromDivalto(&p, mapping.Options{})
		require.NoError(t, err)
		if r.Has(name) {
			reported++
			continue
		}
		carried++
		back, _, err := l.ToDivalto(mapping.Options{})
		require.NoError(t, err)
		assert.Equal(t, value, wire(t, back)[name], "%s is neither carried nor reported", name)
	}
	t.Logf("divalto.Prospect: %d fields carried, %d reported", carried, reported)
}

func TestDivaltoRoundTrip(t *testing.T) {
	t.Parallel()
	p := &divalto.Prospect{Code: "P1", Name: "DUPONT Jean", IsIndividual: true, Address1: "33 Avenue du Drapeau",
		PostalCode: "21000", City: "DIJON", Phone: "03 90 11 22 33", MobilePhone: "06 12 34 56 78", Email: "jean@example.fr",
		Country: divalto.Ref{Code: "FR"}, Civility: divalto.Ref{Code: "M"}, Latitude: "47.33222", Longitude: "5.04372"}
	l, r, err := mapping.FromDivalto(p, mapping.Options{Strict: true})
	require.NoError(t, err, "%v", r)
	assert.Equal(t, "Jean", l.FirstName)
	assert.Equal(t, "DUPONT", l.LastName)
	assert.Equal(t, mapping.Mister, l.Civility)
	back, r, err := l.ToDivalto(mapping.Options{Strict: true})
	require.NoError(t, err, "%v", r)
	assert.Equal(t, wire(t, p), wire(t, back))
}

func TestEasyCallRoundTrip(t *testing.T) {
	t.Parallel()
	lat := 40.4168
	e := &easycall.Lead{Nome: "Lucía", Cognome: "García", TelefonoMobile: "+34612345678", TelefonoFisso: "+34912345678",
		Email: "lucia@example.es", Strada: "Calle Mayor 1", CAP: "28013", Comune: "Madrid", Provincia: "Madrid",
		Regione: "Madrid", Nazione: "ES", Latitudine: &lat, Campaign: "reformas_2026", DataPresentazione: "2026-11-20 14:30:00"}
	l, r, err := mapping.FromEasyCall(e, mapping.Options{Strict: true})
	require.NoError(t, err, "%v", r)
	back, r, err := l.ToEasyCall(mapping.Options{Strict: true})
	require.NoError(t, err, "%v", r)
	assert.Equal(t, e, back)
}

func TestFactoryToBatiweb(t *testing.T) {
	t.Parallel()
	l, _, err := mapping.FromFactory(project(), mapping.Options{})
	require.NoError(t, err)
	b, r, err := l.ToBatiweb(batiweb.WorkTypePeinture, mapping.Options{})
	require.NoError(t, err)
	require.NoError(t, b.Validate(), "a lead Batiweb accepts")
	assert.Equal(t, batiweb.Madame, b.Civility)
	assert.Equal(t, batiweb.Tenant, b.IsOwner)
	assert.Equal(t, "0612345678", b.Cellphone)
	assert.Equal(t, "0320112233", b.Landline)
	assert.Equal(t, "12 rue de Paris Bât. B", b.Address)
	for _, f := range []string{"WorkPhone", "Email2", "Campaign", "BirthDate", "OptIn", "OptOut", "Budget"} {
		assert.True(t, r.Has(f), "%s is reported: %v", f, r)
	}

	_, _, err = l.ToBatiweb(batiweb.WorkTypePeinture, mapping.Options{Strict: true})
	var loss *mapping.LossError
	require.ErrorAs(t, err, &loss)
	assert.Contains(t, err.Error(), "Campaign: no equivalent field")
	assert.True(t, errors.As(err, &loss))
}

func TestApproximationsAreReported(t *testing.T) {
	t.Parallel()
	l := &mapping.Lead{Civility: mapping.Miss, OwnerStatus: mapping.HousedFree, FirstName: "Léa", LastName: "Roux"}
	_, r, err := l.ToBatiweb(batiweb.WorkTypePeinture, mapping.Options{})
	require.NoError(t, err)
	assert.Equal(t, []mapping.Entry{
		{Field: "Civility", Loss: mapping.Approximated, Detail: "written Madame"},
		{Field: "OwnerStatus", Loss: mapping.Approximated, Detail: "written Autre"},
	}, r.Entries)
	_, _, err = mapping.FromFactory(&factory.Project{MobilePhone: "not a phone", Salutation: "Sir"}, mapping.Options{Strict: true})
	var loss *mapping.LossError
	require.ErrorAs(t, err, &loss)
	assert.True(t, loss.Report.Has("tel_mobile"))
	assert.True(t, loss.Report.Has("salutation"))
}

// BenchmarkFactoryToBatiweb maps a La Factory project to a Batiweb lead
// through the pivot (FromFactory then ToBatiweb), beside the same
// translation written by hand into a batiweb.Lead (the baseline: no
// pivot, no report, phones copied as they are).
func BenchmarkFactoryToBatiweb(b *testing.B) {
	p := project()
	b.Run("mapping", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			l, _, err := mapping.FromFactory(p, mapping.Options{})
			if err != nil {
				b.Fatal(err)
			}
			if _, _, err := l.ToBatiweb(batiweb.WorkTypePeinture, mapping.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("by-hand", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			lead := &batiweb.Lead{Email: p.Email, City: p.City, Zipcode: p.PostalCode, FirstName: p.FirstName, LastName: p.LastName,
				Cellphone: strings.ReplaceAll(p.MobilePhone, " ", ""), Landline: strings.ReplaceAll(p.HomePhone, " ", ""),
				Address: p.Street1 + " " + p.Street2, WorkDescription: p.Comment, WorkType: batiweb.WorkTypePeinture}
			if p.Salutation == factory.Madame {
				lead.Civility = batiweb.Madame
			}
			if lead.Email == "" {
				b.Fatal("empty")
			}
		}
	})
	// The same by hand through a pivot: a Lead and a batiweb.Lead on the
	// heap, fields copied, phones kept as written: what any pivot design
	// pays before translating anything.
	b.Run("by-hand-pivot", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			l := &mapping.Lead{FirstName: p.FirstName, LastName: p.LastName, Email: p.Email, Email2: p.Email2, City: p.City,
				PostalCode: p.PostalCode, Street1: p.Street1, Street2: p.Street2, Comment: p.Comment, Budget: p.BudgetMax,
				CallbackTime: p.CallbackTime, Campaign: p.UTMCampaign, FactoryProjectID: p.FactoryProjectID}
			benchSink = &batiweb.Lead{Email: l.Email, City: l.City, Zipcode: l.PostalCode, FirstName: l.FirstName,
				LastName: l.LastName, Address: l.Street1 + " " + l.Street2, Comment: l.Comment, WorkType: batiweb.WorkTypePeinture}
		}
	})
}

var benchSink *batiweb.Lead

// sampleLead is a value for each of the pivot's fields that is not a
// string ("Valeur" for those).
func sampleLead(t *testing.T) map[string]any {
	phone := func(s string) mapping.Phone {
		p, err := mapping.ParsePhone(s)
		require.NoError(t, err)
		return p
	}
	lat := 45.75
	return map[string]any{
		"Civility": mapping.Madam, "OwnerStatus": mapping.Owner, "HousingType": mapping.House,
		"BirthDate": time.Date(1985, 4, 12, 0, 0, 0, 0, mapping.Paris),
		"LeadDate":  time.Date(2026, 11, 20, 14, 30, 0, 0, mapping.Paris),
		"Mobile":    phone("06 12 34 56 78"), "Landline": phone("01 23 45 67 89"), "WorkPhone": phone("09 87 65 43 21"),
		"Latitude": &lat, "Longitude": &lat, "OptIn": mapping.Yes, "OptOut": mapping.No, "Rooms": 3,
		"Country": "ES", // FR is implied by La Factory and Batiweb: see below
	}
}

// TestEveryLeadFieldIsCarriedOrReported walks every field of the pivot
// through every converter to a service: alone in a lead, the field comes
// back from the service's type unchanged (Batiweb, which has no
// converter back: it changes the lead written), or the report names it.
func TestEveryLeadFieldIsCarriedOrReported(t *testing.T) {
	t.Parallel()
	samples := sampleLead(t)
	to := map[string]func(l *mapping.Lead) (back any, r mapping.Report, err error){
		"factory": func(l *mapping.Lead) (any, mapping.Report, error) {
			p, r, err := l.ToFactory(mapping.Options{})
			if err != nil {
				return nil, r, err
			}
			back, _, err := mapping.FromFactory(p, mapping.Options{})
			return back, r, err
		},
		"easycall": func(l *mapping.Lead) (any, mapping.Report, error) {
			e, r, err := l.ToEasyCall(mapping.Options{})
			if err != nil {
				return nil, r, err
			}
			back, _, err := mapping.FromEasyCall(e, mapping.Options{})
			return back, r, err
		},
		"divalto": func(l *mapping.Lead) (any, mapping.Report, error) {
			p, r, err := l.ToDivalto(mapping.Options{})
			if err != nil {
				return nil, r, err
			}
			back, _, err := mapping.FromDivalto(p, mapping.Options{})
			return back, r, err
		},
		"batiweb": func(l *mapping.Lead) (any, mapping.Report, error) {
			b, r, err := l.ToBatiweb(batiweb.WorkTypePeinture, mapping.Options{})
			return b, r, err
		},
	}
	emptyBatiweb, _, err := (&mapping.Lead{}).ToBatiweb(batiweb.WorkTypePeinture, mapping.Options{})
	require.NoError(t, err)

	typ := reflect.TypeOf(mapping.Lead{})
	for service, convert := range to {
		carried := 0
		for i := range typ.NumField() {
			name := typ.Field(i).Name
			var l mapping.Lead
			fv := reflect.ValueOf(&l).Elem().Field(i)
			if s, ok := samples[name]; ok {
				fv.Set(reflect.ValueOf(s))
			} else {
				require.Equal(t, reflect.String, fv.Kind(), "%s needs a sample", name)
				fv.SetString("Valeur")
			}
			back, r, err := convert(&l)
			require.NoError(t, err, "%s %s", service, name)
			if r.Has(name) {
				continue
			}
			carried++
			if b, ok := back.(*batiweb.Lead); ok {
				assert.NotEqual(t, emptyBatiweb, b, "%s: %s is neither carried nor reported", service, name)
				continue
			}
			got := reflect.ValueOf(back).Elem().Field(i).Interface()
			if want, ok := fv.Interface().(time.Time); ok {
				assert.True(t, want.Equal(got.(time.Time)), "%s: %s comes back as %v", service, name, got)
				continue
			}
			assert.Equal(t, fv.Interface(), got, "%s: %s is neither carried nor reported", service, name)
		}
		t.Logf("lead -> %s: %d of %d fields carried", service, carried, typ.NumField())
	}
}

// TestFrenchCountryIsImplied: La Factory and Batiweb know French
// addresses only, so Country "FR" is carried without a field.
func TestFrenchCountryIsImplied(t *testing.T) {
	t.Parallel()
	l := &mapping.Lead{Country: "FR", PostalCode: "59000", City: "Lille"}
	_, r, err := l.ToBatiweb(batiweb.WorkTypePeinture, mapping.Options{Strict: true})
	require.NoError(t, err, "%v", r)
	p, r, err := l.ToFactory(mapping.Options{Strict: true})
	require.NoError(t, err, "%v", r)
	back, r, err := mapping.FromFactory(p, mapping.Options{})
	require.NoError(t, err)
	assert.Equal(t, "FR", back.Country)
	assert.Equal(t, mapping.Normalised, kind(r, "Country"), "inferred from the postal code: %v", r)
}

// FuzzConverters feeds arbitrary text to the fields the converters parse
// (phones, dates, names, codes) through every converter: none panics, and
// a strict conversion fails exactly when the report has a loss.
func FuzzConverters(f *testing.F) {
	f.Add("Madame", "06 12 34 56 78", "+33 1 23 45 67 89", "20260102030405", "DUPONT Jean", "Appartement T3", "oui")
	f.Add("Sir", "n/c", "0033 6 90 11 22 33", "2026-13-40", "de la Fontaine", "péniche", "peut-être")
	f.Add("", "", "", "", "", "", "")
	f.Fuzz(func(t *testing.T, civility, mobile, landline, date, name, housing, yesNo string) {
		strictAgrees := func(what string, r mapping.Report, err error) {
			t.Helper()
			if (err != nil) != (len(r.Lost()) > 0) {
				t.Fatalf("%s: strict error %v, report %v", what, err, r)
			}
		}
		p := &factory.Project{Salutation: factory.Salutation(civility), MobilePhone: mobile, HomePhone: landline,
			LastName: name, HousingType: housing, ConsentOptIn: factory.OuiNon(yesNo)}
		_ = p.LeadDate.UnmarshalText([]byte(date))
		l, r, err := mapping.FromFactory(p, mapping.Options{Strict: true})
		strictAgrees("FromFactory", r, err)
		l, _, _ = mapping.FromFactory(p, mapping.Options{})
		for _, to := range []func(mapping.Options) (mapping.Report, error){
			func(o mapping.Options) (mapping.Report, error) { _, r, err := l.ToFactory(o); return r, err },
			func(o mapping.Options) (mapping.Report, error) { _, r, err := l.ToEasyCall(o); return r, err },
			func(o mapping.Options) (mapping.Report, error) { _, r, err := l.ToDivalto(o); return r, err },
			func(o mapping.Options) (mapping.Report, error) {
				_, r, err := l.ToBatiweb(batiweb.WorkTypePeinture, o)
				return r, err
			},
		} {
			r, err := to(mapping.Options{Strict: true})
			strictAgrees("to", r, err)
		}

		e := &easycall.Lead{NomeCompleto: name, Telefono: mobile, AltroTelefono: landline, DataPresentazione: date}
		_, r, err = mapping.FromEasyCall(e, mapping.Options{Strict: true})
		strictAgrees("FromEasyCall", r, err)

		d := &divalto.Prospect{Name: name, IsIndividual: true, Phone: landline, MobilePhone: mobile,
			Civility: divalto.ParseRef(civility), Latitude: divalto.Number(yesNo)}
		_, r, err = mapping.FromDivalto(d, mapping.Options{Strict: true})
		strictAgrees("FromDivalto", r, err)
	})
}

func TestBatiwebPhones(t *testing.T) {
	t.Parallel()
	parse := func(s string) mapping.Phone {
		p, err := mapping.ParsePhone(s)
		require.NoError(t, err)
		return p
	}
	for _, tc := range []struct {
		name       string
		lead       mapping.Lead
		cell, land string
		reported   []string
	}{
		{"mobile and landline", mapping.Lead{Mobile: parse("06 12 34 56 78"), Landline: parse("01 23 45 67 89")}, "0612345678", "0123456789", nil},
		{"a mobile written as the landline", mapping.Lead{Landline: parse("07 81 23 45 67")}, "0781234567", "", []string{"Landline"}},
		{"work phone fills the landline", mapping.Lead{Mobile: parse("06 12 34 56 78"), WorkPhone: parse("09 87 65 43 21")}, "0612345678", "0987654321", nil},
		{"three phones", mapping.Lead{Mobile: parse("06 12 34 56 78"), Landline: parse("01 23 45 67 89"), WorkPhone: parse("09 87 65 43 21")}, "0612345678", "0123456789", []string{"WorkPhone"}},
		{"two mobiles", mapping.Lead{Mobile: parse("06 12 34 56 78"), WorkPhone: parse("07 81 23 45 67")}, "0612345678", "", []string{"WorkPhone"}},
		// A number outside the French plan keeps its kind, in E.164.
		{"foreign mobile", mapping.Lead{Mobile: parse("+34 612 345 678")}, "+34612345678", "", []string{"Mobile"}},
		{"foreign landline", mapping.Lead{Landline: parse("+39 06 1234 5678")}, "", "+390612345678", []string{"Landline"}},
	} {
		b, r, err := tc.lead.ToBatiweb(batiweb.WorkTypePeinture, mapping.Options{})
		require.NoError(t, err, tc.name)
		assert.Equal(t, tc.cell, b.Cellphone, tc.name)
		assert.Equal(t, tc.land, b.Landline, tc.name)
		var reported []string
		for _, e := range r.Entries {
			reported = append(reported, e.Field)
		}
		assert.Equal(t, tc.reported, reported, tc.name)
	}
}

// TestConvertedLeadsValidate: what the converters write passes each
// service's own Validate, so it is sent as it is.
func TestConvertedLeadsValidate(t *testing.T) {
	t.Parallel()
	l, _, err := mapping.FromFactory(project(), mapping.Options{})
	require.NoError(t, err)
	lat, lon := 50.63, 3.06
	l.Latitude, l.Longitude, l.DivaltoCode = &lat, &lon, "PSR-0001"

	p, _, err := l.ToFactory(mapping.Options{})
	require.NoError(t, err)
	assert.NoError(t, p.Validate(), "factory update")
	e, _, err := l.ToEasyCall(mapping.Options{})
	require.NoError(t, err)
	assert.NoError(t, e.Validate(), "easycall")
	d, _, err := l.ToDivalto(mapping.Options{})
	require.NoError(t, err)
	assert.NoError(t, d.Validate(), "divalto")
	b, _, err := l.ToBatiweb(batiweb.WorkTypePeinture, mapping.Options{})
	require.NoError(t, err)
	assert.NoError(t, b.Validate(), "batiweb")
}

func TestReportJSON(t *testing.T) {
	t.Parallel()
	_, r, err := mapping.FromFactory(&factory.Project{MobilePhone: "n/c", ProgramCode: "NX"}, mapping.Options{})
	require.NoError(t, err)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	assert.JSONEq(t, `{"From":"factory","To":"lead","Entries":[
		{"Field":"tel_mobile","Loss":"no equivalent value","Detail":"not a phone number"},
		{"Field":"code_programme","Loss":"no equivalent field","Detail":""}]}`, string(b))
	assert.NotContains(t, r.String(), "n/c", "a report never holds a value")

	_, r, err = mapping.FromEasyCall(&easycall.Lead{NomeCompleto: "Jean Pierre Martin", TelefonoMobile: "06.12.34.56.78"}, mapping.Options{})
	require.NoError(t, err)
	assert.True(t, r.Has("nome_completo") && r.Has("telefono_mobile"), "%v", r)
	for _, personal := range []string{"Jean", "Martin", "12", "34"} {
		assert.NotContains(t, r.String(), personal, "a report never holds a value")
	}
}

// BenchmarkFromDivalto reads an extended weavy prospect into the pivot
// (every other field walked and reported), beside the same fields copied
// by hand.
func BenchmarkFromDivalto(b *testing.B) {
	p := &divalto.Prospect{Code: "PSR-1", Name: "DUPONT Jean", IsIndividual: true, Address1: "12 rue de Paris", PostalCode: "59000",
		City: "Lille", Phone: "03 20 11 22 33", MobilePhone: "06 12 34 56 78", Email: "jean@example.fr", Country: divalto.Ref{Code: "FR"},
		Risk: "0", SiretNumber: "12345678900011", Latitude: "50.63", Longitude: "3.06", Comment: "Rappeler"}
	b.Run("mapping", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			if _, _, err := mapping.FromDivalto(p, mapping.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("by-hand", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			first, last, _ := strings.Cut(p.Name, " ")
			l := &mapping.Lead{FirstName: last, LastName: first, Street1: p.Address1, PostalCode: p.PostalCode, City: p.City,
				Email: p.Email, Country: p.Country.Code, Comment: p.Comment, DivaltoCode: p.Code}
			if l.Email == "" {
				b.Fatal("empty")
			}
		}
	})
}
