package mapping_test

import (
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/passerelle-go/passerelle/divalto"
	"github.com/passerelle-go/passerelle/easycall"
	"github.com/passerelle-go/passerelle/factory"
	"github.com/passerelle-go/passerelle/mapping"
)

// filler hands out the values the walk puts in the fields: the fuzzed
// texts in turn, each at most once (a text already given gets a
// distinct suffix), so that a value found in the target names the one
// field it came from.
type filler struct {
	values []string
	n      int
	used   map[string]bool
	// only, when set, says which wire paths to fill (maps and nested
	// records are then left out): a strict round trip fills only what
	// the pivot carries, since anything else fails strict mode.
	only func(path string) bool
}

func newFiller(data string) *filler {
	return &filler{values: strings.Split(data, "|"), used: map[string]bool{}}
}

func (f *filler) next() string {
	v := f.values[f.n%len(f.values)]
	f.n++
	for i := f.n; v != "" && f.used[v]; i++ {
		v = f.values[(f.n-1)%len(f.values)] + " #" + strconv.Itoa(i)
	}
	f.used[v] = true
	return v
}

// fill sets every string-kinded field of the struct v points to, every
// weavy reference, every nested record (a pointer to a struct, under its
// wire name; Related and Indicators under "related." and "indicators.")
// and every map (two entries: an unmodelled balise, a custom field) to
// distinct values from f, and records the value each wire path holds.
func fill(v reflect.Value, prefix string, f *filler, set map[string]string) {
	t := v.Type()
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			name = sf.Name
		}
		fv := v.Field(i)
		if f.only != nil && !f.only(prefix+name) {
			continue
		}
		record := func(path, val string) {
			if val != "" {
				set[path] = val
			}
		}
		switch {
		case fv.Kind() == reflect.String:
			val := f.next()
			fv.SetString(val)
			record(prefix+name, val)
		case fv.Type() == reflect.TypeFor[divalto.Ref]():
			val := f.next()
			fv.Set(reflect.ValueOf(divalto.Ref{Code: val}))
			record(prefix+name, val)
		case fv.Type() == reflect.TypeFor[map[string]json.RawMessage]():
			m := map[string]json.RawMessage{}
			for range 2 {
				val := f.next()
				key := "unmodelled_" + strconv.Itoa(f.n)
				b, _ := json.Marshal(val)
				m[key] = b
				record(prefix+key, val)
			}
			fv.Set(reflect.ValueOf(m))
		case fv.Type() == reflect.TypeFor[map[string]string]():
			m := map[string]string{}
			for range 2 {
				val := f.next()
				key := "custom_" + strconv.Itoa(f.n)
				m[key] = val
				record(prefix+key, val)
			}
			fv.Set(reflect.ValueOf(m))
		case fv.Kind() == reflect.Pointer && fv.Type().Elem().Kind() == reflect.Struct && strings.Count(prefix, ".") < 2:
			sub := name
			if sub == sf.Name {
				sub = strings.ToLower(sf.Name)
			}
			fv.Set(reflect.New(fv.Type().Elem()))
			fill(fv.Elem(), prefix+sub+".", f, set)
		}
	}
}

// leadForms is what a pivot field holds, in every form a converter may
// write it: a text as it is, a phone in E.164, national and digits, a
// vocabulary's label, a number in decimal; nil when it holds nothing.
// "FullName" is the person's name ("First Last"), "DivaltoName" the
// forms of weavy's name ("LAST First", the company's).
func leadForms(l *mapping.Lead, field string) []string {
	switch field {
	case "FullName":
		return nonEmpty(mapping.JoinName(l.FirstName, l.LastName))
	case "DivaltoName":
		return nonEmpty(l.Company, strings.TrimSpace(l.LastName+" "+l.FirstName))
	}
	v := reflect.ValueOf(l).Elem().FieldByName(field)
	if !v.IsValid() {
		panic("no pivot field " + field)
	}
	if v.IsZero() {
		return nil
	}
	switch x := v.Interface().(type) {
	case string:
		return []string{x}
	case mapping.Phone:
		return []string{x.E164(), x.National(), x.Digits()}
	case int:
		return []string{strconv.Itoa(x)}
	case *float64:
		return []string{strconv.FormatFloat(*x, 'f', -1, 64)}
	case interface{ String() string }:
		return []string{x.String()}
	}
	return []string{"?"} // holds something no text names
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// fromTargets is, per converter to the pivot, the pivot field(s) each
// source wire field is carried to (separated by "|"); a source field not
// listed has no place in the pivot and must be reported as dropped.
var fromTargets = map[string]map[string]string{
	"factory": {
		"factoryprojectid": "FactoryProjectID", "callcenterprojectid": "CallCenterProjectID",
		"callcentercontactid": "CallCenterContactID", "salutation": "Civility", "prenom": "FirstName", "nom": "LastName",
		"email": "Email", "email2": "Email2", "tel_mobile": "Mobile", "tel_fixe": "Landline", "tel_professionnel": "WorkPhone",
		"adresse": "Street1", "adresse2": "Street2", "code_postal": "PostalCode", "ville": "City", "insee_ville": "CityINSEE",
		"profession": "Profession", "rgpdin": "OptIn", "rgpdout": "OptOut", "situation_logement": "OwnerStatus",
		"commentaire": "Comment", "budget_max": "Budget", "horaire_rappel": "CallbackTime", "nom_formulaire": "FormName",
		"type_logement": "HousingType", "surface_logement": "Surface", "taille_logement": "Rooms", "commercial": "SalesRep",
		"utm_campaign": "Campaign", "canal": "Channel", "utm_act": "Act", "utm_source": "Source", "utm_medium": "Medium",
	},
	"easycall": {
		"nome": "FirstName", "cognome": "LastName", "nome_completo": "FullName", "partita_iva": "CompanyTaxID",
		"telefono_fisso": "Landline", "telefono_mobile": "Mobile", "altro_telefono": "WorkPhone",
		"telefono": "Mobile|Landline|WorkPhone", "email": "Email", "nazione": "Country", "regione": "Region",
		"provincia": "Province", "cap": "PostalCode", "comune": "City", "strada": "Street1", "campaign": "Campaign",
		"data_presentazione": "LeadDate", "Campaign": "Campaign",
	},
	"divalto": {
		"codeprospect": "DivaltoCode", "name": "DivaltoName", "baseuser_ID": "SalesRep", "address1": "Street1",
		"address2": "Street2", "address3": "Street3", "postalCode": "PostalCode", "city": "City", "phoneNumber": "Landline",
		"mobilePhoneNumber": "Mobile", "email": "Email", "generictype_ID_country": "Country",
		"generictype_ID_province": "Province", "generictype_ID_civility": "Civility", "vatIntra": "CompanyTaxID",
		"comment": "Comment", "gpsLongitude": "Longitude", "gpsLatitude": "Latitude",
	},
}

// rightKind checks what the report says of a value that did not reach
// its target as it was: dropped (NoField, NoValue) when the target holds
// nothing; when it holds another value, carried (Normalised,
// Approximated) or dropped for another source's value (NoField, NoValue).
func rightKind(r mapping.Report, field string, targetHolds bool) (mapping.Loss, bool) {
	k, ok := r.Kind(field)
	switch {
	case !ok:
		return 0, false
	case !targetHolds:
		return k, k == mapping.NoField || k == mapping.NoValue
	}
	return k, true
}

// isPhoneField reports whether a pivot field (or "|"-list) is a phone.
func isPhoneField(target string) bool {
	return strings.Contains(target, "Mobile") || strings.Contains(target, "Landline") || strings.Contains(target, "WorkPhone")
}

// checkFrom is the property of a converter to the pivot: every source
// value is found in ITS pivot field, or the report names its wire path
// with the right kind.
func checkFrom(t *testing.T, what string, set map[string]string, l *mapping.Lead, r mapping.Report) {
	t.Helper()
	targets := fromTargets[what]
	region := map[string]string{"factory": "FR", "easycall": "ES", "divalto": "FR"}[what]
	if what != "factory" && l.Country != "" {
		region = l.Country
	}
	for path, val := range set {
		if strings.TrimSpace(val) == "" {
			continue
		}
		var forms []string
		if target := targets[path]; target != "" {
			for _, f := range strings.Split(target, "|") {
				forms = append(forms, leadForms(l, f)...)
			}
		}
		if slices.Contains(forms, val) {
			continue
		}
		k, ok := rightKind(r, path, len(forms) > 0)
		if !ok {
			t.Fatalf("%s: %s %q is not in pivot field %q (%q), and the report gives it %v: %v",
				what, path, val, targets[path], forms, k, r)
		}
		// A phone reported as normalised is the same number.
		if k == mapping.Normalised && isPhoneField(targets[path]) {
			same := false
			for _, form := range forms {
				same = same || samePhone(val, form, region)
			}
			if !same {
				t.Fatalf("%s: %s %q is reported normalised but the pivot holds another number (%q): %v",
					what, path, val, forms, r)
			}
		}
	}
}

// easyCallWire renames fill's Go field names to EasyCall's wire names.
func easyCallWire(set map[string]string) map[string]string {
	wireNames := map[string]string{} // Go field name, lower case, to EasyCall's name
	for _, n := range easycall.Fields() {
		wireNames[strings.ReplaceAll(n, "_", "")] = n
	}
	named := map[string]string{}
	for k, v := range set {
		if n, ok := wireNames[strings.ToLower(k)]; ok {
			k = n
		}
		named[k] = v
	}
	return named
}

// fromSeeds are values for every field, "|"-separated: phones, names,
// codes, dates and the vocabularies' words, so that each field meets
// each kind of value as the fuzzer rotates them.
var fromSeeds = []string{
	"06 12 34 56 78|Maison|0|M.|oui|España|DUPONT JEAN|+33 6 90 11 22 33|20260102030405|T3",
	"612 345 678|fr|Dupont|Jean|Madame|Non|Appartement|59000|UK|XX|250000|01.23.45.67.89",
	"DUPONT Jean|0033612345678|2026-01-02T10:00:00.123-05:00|Propriétaire|FR|  |x|Villa|1|true",
}

// FuzzFromConverters holds FromFactory, FromEasyCall and FromDivalto to
// the property, every field (nested records and maps included) filled
// with a distinct value.
func FuzzFromConverters(f *testing.F) {
	for _, s := range fromSeeds {
		f.Add(s, uint8(0))
		f.Add(s, uint8(7))
	}
	f.Fuzz(func(t *testing.T, data string, shift uint8) {
		fl := newFiller(data)
		fl.n = int(shift)

		var p factory.Project
		set := map[string]string{}
		fill(reflect.ValueOf(&p).Elem(), "", fl, set)
		l, r, err := mapping.FromFactory(&p, mapping.Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkFrom(t, "factory", set, l, r)

		var e easycall.Lead
		set = map[string]string{}
		fill(reflect.ValueOf(&e).Elem(), "", fl, set)
		l, r, err = mapping.FromEasyCall(&e, mapping.Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkFrom(t, "easycall", easyCallWire(set), l, r)

		var d divalto.Prospect
		set = map[string]string{}
		fill(reflect.ValueOf(&d).Elem(), "", fl, set)
		d.IsIndividual = len(data)%2 == 0
		l, r, err = mapping.FromDivalto(&d, mapping.Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkFrom(t, "divalto", set, l, r)
	})
}

// targetForms is what a service value's field (by Go name, "." for a
// nested one) holds, in text: a string, a number in decimal, a code's
// label; nil when it holds nothing.
func targetForms(out any, field string) []string {
	v := reflect.ValueOf(out).Elem()
	for _, name := range strings.Split(field, ".") {
		v = v.FieldByName(name)
	}
	if v.IsZero() {
		return nil
	}
	if s, ok := v.Interface().(interface{ String() string }); ok {
		return []string{s.String()}
	}
	switch v.Kind() {
	case reflect.String:
		return []string{v.String()}
	case reflect.Int:
		return []string{strconv.Itoa(int(v.Int()))}
	}
	return []string{"?"}
}

// toTargets is, per converter from the pivot, the service field(s) each
// pivot field is written to (Go names, "|"-separated; a "~" prefix: the
// value is part of that field's text). A pivot field not listed has no
// place in the service and must be reported as dropped.
var toTargets = map[string]map[string]string{
	"factory": {
		"FirstName": "FirstName", "LastName": "LastName", "Email": "Email", "Email2": "Email2", "Profession": "Profession",
		"Street1": "Street1", "Street2": "Street2", "PostalCode": "PostalCode", "City": "City", "CityINSEE": "CityINSEE",
		"Comment": "Comment", "Budget": "BudgetMax", "CallbackTime": "CallbackTime", "FormName": "FormName",
		"Campaign": "UTMCampaign", "Channel": "Channel", "Act": "UTMAct", "Source": "UTMSource", "Medium": "UTMMedium",
		"FactoryProjectID": "FactoryProjectID", "CallCenterProjectID": "CallCenterProjectID",
		"CallCenterContactID": "CallCenterContactID", "Mobile": "MobilePhone", "Landline": "HomePhone",
		"WorkPhone": "WorkPhone", "Surface": "HousingSurface", "SalesRep": "SalesRep",
	},
	"easycall": {
		"FirstName": "Nome", "LastName": "Cognome", "Email": "Email", "Street1": "Strada", "PostalCode": "CAP",
		"City": "Comune", "Region": "Regione", "Province": "Provincia", "Country": "Nazione", "Campaign": "Campaign",
		"CompanyTaxID": "PartitaIVA", "Mobile": "TelefonoMobile", "Landline": "TelefonoFisso", "WorkPhone": "AltroTelefono",
		"Company": "NomeCompleto",
	},
	"divalto": {
		"DivaltoCode": "Code", "Street1": "Address1", "Street2": "Address2", "Street3": "Address3",
		"PostalCode": "PostalCode", "City": "City", "Email": "Email", "Comment": "Comment", "SalesRep": "BaseUser",
		"CompanyTaxID": "VATNumber", "Landline": "Phone", "Mobile": "MobilePhone", "Country": "Country.Code",
		"Province": "Province.Code", "FirstName": "~Name", "LastName": "~Name", "Company": "~Name",
	},
	"batiweb": {
		"FirstName": "FirstName", "LastName": "LastName", "Email": "Email", "City": "City", "PostalCode": "Zipcode",
		"Comment": "Comment", "Street1": "~Address", "Street2": "~Address", "Street3": "~Address",
		"Mobile": "Cellphone|Landline", "Landline": "Landline|Cellphone", "WorkPhone": "Landline|Cellphone",
		"Budget": "Budget", "CallbackTime": "ReminderTime", "Surface": "Area",
		"CallCenterProjectID": "SupplierLeadID", "FactoryProjectID": "SupplierLeadID",
	},
}

// checkTo is the property of a converter from the pivot: each of the
// lead's texts and phones is found in ITS service field, or the report
// names the pivot field with the right kind. France is implied by La
// Factory and Batiweb: "FR" goes unsaid, another spelling of France is
// Normalised.
func checkTo(t *testing.T, what string, l *mapping.Lead, out any, r mapping.Report) {
	t.Helper()
	targets := toTargets[what]
	v := reflect.ValueOf(l).Elem()
	for i := range v.NumField() {
		field := v.Type().Field(i).Name
		switch x := v.Field(i).Interface().(type) {
		case string:
			if strings.TrimSpace(x) == "" {
				continue
			}
		case mapping.Phone:
			if x.IsZero() {
				continue
			}
		default:
			continue
		}
		vals := leadForms(l, field)
		if field == "Country" && (what == "factory" || what == "batiweb") {
			if c, _ := mapping.Country(l.Country); c == "FR" {
				if k, ok := r.Kind("Country"); l.Country != "FR" && (!ok || k != mapping.Normalised) {
					t.Fatalf("lead -> %s: Country %q is France, reported %v: %v", what, l.Country, k, r)
				}
				continue
			}
		}
		found, holds := false, false
		if target := targets[field]; target != "" {
			for _, tf := range strings.Split(target, "|") {
				part := strings.HasPrefix(tf, "~")
				forms := targetForms(out, strings.TrimPrefix(tf, "~"))
				holds = holds || len(forms) > 0
				for _, have := range forms {
					for _, want := range vals {
						found = found || have == want || part && strings.Contains(have, strings.TrimSpace(want))
					}
				}
			}
		}
		if found {
			continue
		}
		if k, ok := rightKind(r, field, holds); !ok {
			t.Fatalf("lead -> %s: %s %q is not in %q, and the report gives it %v: %v", what, field, vals, targets[field], k, r)
		}
	}
}

// FuzzToConverters holds every converter from the pivot to the property,
// every text field of the lead filled with a distinct value, the phones
// with the first values that read as phones.
func FuzzToConverters(f *testing.F) {
	for _, s := range fromSeeds {
		f.Add(s, uint8(0))
		f.Add(s, uint8(5))
	}
	f.Add("Jean|06 12 34 56 78|250000|0|612 345 678|20261123180000|France", uint8(1))
	f.Fuzz(func(t *testing.T, data string, shift uint8) {
		fl := newFiller(data)
		fl.n = int(shift)
		var l mapping.Lead
		fill(reflect.ValueOf(&l).Elem(), "", fl, map[string]string{})
		phones := []*mapping.Phone{&l.Mobile, &l.Landline, &l.WorkPhone}
		for _, s := range fl.values {
			if p, err := mapping.ParsePhoneIn(s, "FR"); err == nil && len(phones) > 0 {
				*phones[0], phones = p, phones[1:]
			}
		}
		l.Rooms = len(data)%7 - 2
		for name, to := range map[string]func() (any, mapping.Report, error){
			"factory":  func() (any, mapping.Report, error) { return l.ToFactory(mapping.Options{}) },
			"easycall": func() (any, mapping.Report, error) { return l.ToEasyCall(mapping.Options{}) },
			"divalto":  func() (any, mapping.Report, error) { return l.ToDivalto(mapping.Options{}) },
			"batiweb": func() (any, mapping.Report, error) {
				return l.ToBatiweb(0, mapping.Options{})
			},
		} {
			out, r, err := to()
			if err != nil {
				t.Fatal(err)
			}
			checkTo(t, name, &l, out, r)
		}
	})
}

// samePhone reports whether two phone texts read (a, in region) as the
// same number.
func samePhone(a, b, region string) bool {
	p, err := mapping.ParsePhoneIn(a, region)
	if err != nil {
		return false
	}
	q, err := mapping.ParsePhoneIn(b, region)
	return err == nil && p == q
}

// sameWords reports whether two names hold the same words, letter case,
// spacing and commas between words aside.
func sameWords(a, b string) bool {
	words := func(s string) []string { return strings.Fields(strings.ToUpper(strings.ReplaceAll(s, ",", " "))) }
	return slices.Equal(words(a), words(b))
}

// sameInstant reports whether two date texts name the same instant.
func sameInstant(a, b string) bool {
	ta, _, err := mapping.ParseTime(a)
	if err != nil {
		ta, err = time.Parse(time.RFC3339Nano, strings.TrimSpace(a))
	}
	if err != nil {
		return false
	}
	tb, _, err := mapping.ParseTime(b)
	if err != nil {
		tb, err = time.Parse(time.RFC3339Nano, strings.TrimSpace(b))
	}
	return err == nil && ta.Equal(tb)
}

// clearLost empties every field of the struct v points to that the report
// names with a loss (by its wire name, wireName's answer), so that a
// strict round trip runs on what the pivot can carry.
func clearLost(v reflect.Value, r mapping.Report, wireName func(reflect.StructField) string) {
	lost := map[string]bool{}
	for _, e := range r.Lost() {
		lost[e.Field] = true
	}
	for i := range v.NumField() {
		if sf := v.Type().Field(i); sf.IsExported() && lost[wireName(sf)] {
			v.Field(i).SetZero()
		}
	}
}

func jsonName(sf reflect.StructField) string {
	name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
	return name
}

// FuzzRoundTrips holds EasyCall's and weavy's round trips to the real
// property of strict mode: when both conversions pass strict mode, every
// value comes back unchanged in meaning (the same number, country, name,
// instant), its spelling changed only where a report says so.
func FuzzRoundTrips(f *testing.F) {
	for _, s := range fromSeeds {
		f.Add(s, uint8(0))
	}
	f.Add("Ana|612 345 678|España|0 1|+33612345678|fr", uint8(3))
	f.Fuzz(func(t *testing.T, data string, shift uint8) {
		fl := newFiller(data)
		fl.n = int(shift)
		fl.only = func(path string) bool {
			for k := range fromTargets["easycall"] {
				if strings.ReplaceAll(k, "_", "") == strings.ToLower(path) {
					return true
				}
			}
			return false
		}
		var e easycall.Lead
		fill(reflect.ValueOf(&e).Elem(), "", fl, map[string]string{})
		_, r0, _ := mapping.FromEasyCall(&e, mapping.Options{})
		clearLost(reflect.ValueOf(&e).Elem(), r0, func(sf reflect.StructField) string {
			for k := range easyCallWire(map[string]string{sf.Name: ""}) {
				return k
			}
			return ""
		})
		if l, r, err := mapping.FromEasyCall(&e, mapping.Options{Strict: true}); err == nil {
			if back, r2, err := l.ToEasyCall(mapping.Options{Strict: true}); err == nil {
				region := l.Country
				if region == "" {
					region = "ES"
				}
				src, got := e.Values("campaign"), back.Values("campaign")
				for k, v := range src {
					if got[k] == v {
						continue
					}
					if !r.Has(k) && !r2.Has(k) {
						t.Fatalf("easycall %s: %q came back as %q, unreported: %v; %v", k, v, got[k], r, r2)
					}
					same := false
					switch k {
					case "telefono", "telefono_mobile", "telefono_fisso", "altro_telefono":
						for _, g := range []string{got["telefono_mobile"], got["telefono_fisso"], got["altro_telefono"]} {
							same = same || samePhone(v, g, region)
						}
					case "nazione":
						c, _ := mapping.Country(v)
						same = c != "" && c == got[k]
					case "nome_completo": // split into nome and cognome: the same words, in their fields' order
						// ("Dupont, Jean": the comma separates last and first name)
						w := strings.Fields(strings.ToUpper(strings.ReplaceAll(v, ",", " ")))
						g := strings.Fields(strings.ToUpper(got["nome"] + " " + got["cognome"]))
						slices.Sort(w)
						slices.Sort(g)
						same = slices.Equal(w, g)
					case "data_presentazione":
						same = sameInstant(v, got[k])
					}
					if !same {
						t.Fatalf("easycall %s: %q came back as %q, a change of meaning strict mode let through: %v; %v",
							k, v, got[k], r, r2)
					}
				}
			}
		}

		var d divalto.Prospect
		fl.only = func(path string) bool { return fromTargets["divalto"][path] != "" }
		fill(reflect.ValueOf(&d).Elem(), "", fl, map[string]string{})
		d.IsIndividual = len(data)%2 == 0
		_, r0, _ = mapping.FromDivalto(&d, mapping.Options{})
		clearLost(reflect.ValueOf(&d).Elem(), r0, jsonName)
		if l, r, err := mapping.FromDivalto(&d, mapping.Options{Strict: true}); err == nil {
			if back, r2, err := l.ToDivalto(mapping.Options{Strict: true}); err == nil {
				region := l.Country
				if region == "" {
					region = "FR"
				}
				src, got := wire(t, &d), wire(t, back)
				for k, v := range src {
					if reflect.DeepEqual(got[k], v) {
						continue
					}
					sv, _ := v.(string)
					gv, _ := got[k].(string)
					if k == "isIndividual" && d.Name == "" {
						continue // a prospect without a name is no one's
					}
					if !r.Has(k) && !r2.Has(k) && !(k == "name" && (r2.Has("LastName") || r2.Has("FirstName"))) {
						t.Fatalf("divalto %s: %v came back as %v, unreported: %v; %v", k, v, got[k], r, r2)
					}
					same := false
					switch k {
					case "phoneNumber", "mobilePhoneNumber":
						same = samePhone(sv, gv, region)
					case "generictype_ID_country":
						c, _ := mapping.Country(sv)
						same = c != "" && c == gv
					case "name":
						same = sameWords(sv, gv)
					}
					if !same {
						t.Fatalf("divalto %s: %v came back as %v, a change of meaning strict mode let through: %v; %v",
							k, v, got[k], r, r2)
					}
				}
			}
		}
	})
}
