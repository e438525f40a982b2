package mapping_test

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/passerelle-go/passerelle/divalto"
	"github.com/passerelle-go/passerelle/easycall"
	"github.com/passerelle-go/passerelle/factory"
	"github.com/passerelle-go/passerelle/mapping"
)

// leadTexts is every text a Lead holds, in the forms a converter writes:
// strings as they are, phones in E.164, national and digits, the
// vocabularies' labels, numbers in decimal.
func leadTexts(l *mapping.Lead) map[string]bool {
	out := map[string]bool{}
	v := reflect.ValueOf(l).Elem()
	for i := range v.NumField() {
		switch x := v.Field(i).Interface().(type) {
		case string:
			out[x] = true
		case mapping.Phone:
			out[x.E164()], out[x.National()], out[x.Digits()] = true, true, true
		case int:
			out[strconv.Itoa(x)] = true
		case *float64:
			if x != nil {
				out[strconv.FormatFloat(*x, 'f', -1, 64)] = true
			}
		case interface{ String() string }:
			out[x.String()] = true
		}
	}
	out[l.FullName()] = true
	return out
}

// fill sets every string-kinded field of the struct v points to (nested
// structs and pointers to structs included, under their wire names) to
// one of values, chosen by the field's position, and returns the value
// each wire path holds.
func fill(v reflect.Value, prefix string, values []string, set map[string]string) {
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() {
			continue
		}
		if name == "" || name == "-" {
			name = f.Name
		}
		fv := v.Field(i)
		val := values[(i+len(prefix))%len(values)]
		switch {
		case fv.Kind() == reflect.String:
			fv.SetString(val)
			if val != "" {
				set[prefix+name] = val
			}
		case fv.Type() == reflect.TypeFor[divalto.Ref]():
			fv.Set(reflect.ValueOf(divalto.Ref{Code: val}))
			if val != "" {
				set[prefix+name] = val
			}
		case fv.Kind() == reflect.Pointer && fv.Type().Elem().Kind() == reflect.Struct && prefix == "" &&
			(f.Name == "Related" || f.Name == "Indicators"):
			fv.Set(reflect.New(fv.Type().Elem()))
			fill(fv.Elem(), strings.ToLower(f.Name)+".", values, set)
		}
	}
}

// checkFrom is the property of a converter to the pivot: every source
// value appears among the lead's texts or the report names its field.
func checkFrom(t *testing.T, what string, set map[string]string, l *mapping.Lead, r mapping.Report) {
	t.Helper()
	texts := leadTexts(l)
	for path, val := range set {
		if strings.TrimSpace(val) == "" || texts[val] || r.Has(path) {
			continue
		}
		// A nested record is reported by its own path.
		if i := strings.LastIndex(path, "."); i > 0 && r.Has(path[:i]) {
			continue
		}
		t.Fatalf("%s: %s %q is neither in the lead nor in the report %v", what, path, val, r)
	}
}

// FuzzFromConverters holds FromFactory, FromEasyCall and FromDivalto to
// the property with every text field filled from three fuzzed texts.
func FuzzFromConverters(f *testing.F) {
	f.Add("06 12 34 56 78", "Maison", "0")
	f.Add("612 345 678", "España", "DUPONT JEAN")
	f.Add("M.", "oui", "+33 6 90 11 22 33")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		values := []string{a, b, c}

		var p factory.Project
		set := map[string]string{}
		fill(reflect.ValueOf(&p).Elem(), "", values, set)
		l, r, err := mapping.FromFactory(&p, mapping.Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkFrom(t, "FromFactory", set, l, r)

		var e easycall.Lead
		set = map[string]string{}
		fill(reflect.ValueOf(&e).Elem(), "", values, set)
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
		l, r, err = mapping.FromEasyCall(&e, mapping.Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkFrom(t, "FromEasyCall", named, l, r)

		var d divalto.Prospect
		set = map[string]string{}
		fill(reflect.ValueOf(&d).Elem(), "", values, set)
		d.IsIndividual = len(a)%2 == 0
		l, r, err = mapping.FromDivalto(&d, mapping.Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkFrom(t, "FromDivalto", set, l, r)
	})
}

// targetTexts is every text a service value holds: strings, numbers in
// decimal, labels of its codes, nested values included.
func targetTexts(v reflect.Value, out map[string]bool) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			targetTexts(v.Elem(), out)
		}
	case reflect.String:
		out[v.String()] = true
	case reflect.Int:
		out[strconv.Itoa(int(v.Int()))] = true
		if s, ok := v.Interface().(interface{ String() string }); ok {
			out[s.String()] = true
		}
	case reflect.Float64:
		out[strconv.FormatFloat(v.Float(), 'f', -1, 64)] = true
	case reflect.Struct:
		if s, ok := v.Interface().(interface{ String() string }); ok {
			out[s.String()] = true
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				targetTexts(v.Field(i), out)
			}
		}
	}
}

// FuzzToConverters holds every converter from the pivot to the property:
// each of the lead's texts (its phones in any of their forms) appears in
// what the converter wrote, or the report names the pivot field.
func FuzzToConverters(f *testing.F) {
	f.Add("Jean", "06 12 34 56 78", "250000")
	f.Add("0", "612 345 678", "20261123180000")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		var l mapping.Lead
		fill(reflect.ValueOf(&l).Elem(), "", []string{a, b, c}, map[string]string{})
		for i, s := range []string{a, b, c} {
			if p, err := mapping.ParsePhoneIn(s, "FR"); err == nil {
				*[]*mapping.Phone{&l.Mobile, &l.Landline, &l.WorkPhone}[i] = p
			}
		}
		l.Rooms = len(a)
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
			texts := map[string]bool{}
			targetTexts(reflect.ValueOf(out), texts)
			v := reflect.ValueOf(&l).Elem()
			for i := range v.NumField() {
				field := v.Type().Field(i).Name
				var forms []string
				switch x := v.Field(i).Interface().(type) {
				case string:
					if strings.TrimSpace(x) == "" {
						continue
					}
					forms = []string{x}
				case mapping.Phone:
					if x.IsZero() {
						continue
					}
					forms = []string{x.E164(), x.National(), x.Digits()}
				default:
					continue
				}
				found := r.Has(field)
				for _, s := range forms {
					found = found || texts[s]
				}
				if !found && !(name == "batiweb" && (field == "Street2" || field == "Street3") && r.Has("Street1")) {
					t.Fatalf("lead -> %s: %s %q is neither written nor reported: %v", name, field, forms, r)
				}
			}
		}
	})
}

// FuzzRoundTrips holds EasyCall's and weavy's round trips to the real
// property of strict mode: when both conversions pass strict mode, every
// value comes back, or a report names it as normalised.
func FuzzRoundTrips(f *testing.F) {
	f.Add("Ana", "612 345 678", "España")
	f.Add("DUPONT Jean", "06 12 34 56 78", "0")
	f.Add("0 1", "+33612345678", "fr")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		values := []string{a, b, c}
		var e easycall.Lead
		fill(reflect.ValueOf(&e).Elem(), "", values, map[string]string{})
		e.Custom = nil
		if l, r, err := mapping.FromEasyCall(&e, mapping.Options{Strict: true}); err == nil {
			if back, r2, err := l.ToEasyCall(mapping.Options{Strict: true}); err == nil {
				src, got := e.Values("campaign"), back.Values("campaign")
				for k, v := range src {
					if got[k] != v && !r.Has(k) && !r2.Has(k) {
						t.Fatalf("easycall %s: %q came back as %q, unreported: %v; %v", k, v, got[k], r, r2)
					}
				}
			}
		}

		d := &divalto.Prospect{Code: a, Name: b, IsIndividual: len(c)%2 == 0, City: c, Phone: b, MobilePhone: a,
			Country: divalto.Ref{Code: c}, Province: divalto.Ref{Code: a}, Email: c, VATNumber: b, BaseUser: a, Comment: c}
		if l, r, err := mapping.FromDivalto(d, mapping.Options{Strict: true}); err == nil {
			if back, r2, err := l.ToDivalto(mapping.Options{Strict: true}); err == nil {
				src, got := wire(t, d), wire(t, back)
				for k, v := range src {
					if !reflect.DeepEqual(got[k], v) && !r.Has(k) && !r2.Has(k) && !(k == "name" && (r2.Has("LastName") || r2.Has("FirstName"))) {
						t.Fatalf("divalto %s: %v came back as %v, unreported: %v; %v", k, v, got[k], r, r2)
					}
				}
			}
		}
	})
}
