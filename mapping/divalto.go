package mapping

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/passerelle-go/passerelle/divalto"
)

// divaltoCarried is every Prospect wire field FromDivalto carries; the
// others that hold a value are reported.
var divaltoCarried = map[string]bool{
	"codeprospect": true, "name": true, "address1": true, "address2": true, "address3": true, "postalCode": true,
	"city": true, "phoneNumber": true, "mobilePhoneNumber": true, "email": true, "generictype_ID_country": true,
	"generictype_ID_civility": true, "generictype_ID_province": true, "comment": true, "gpsLongitude": true,
	"gpsLatitude": true, "isIndividual": true, "baseuser_ID": true, "vatIntra": true,
}

// wireField is one exported field of a weavy record and its wire name.
type wireField struct {
	index int
	name  string
}

// wireFields returns the fields of a weavy record type that travel (a
// json name other than "-"), those in skip left out, in declaration
// order: built once per type, read without reflection on names.
func wireFields(t reflect.Type, skip map[string]bool) []wireField {
	var out []wireField
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "" || name == "-" || skip[name] {
			continue
		}
		out = append(out, wireField{i, name})
	}
	return out
}

var (
	prospectOthers  = wireFields(reflect.TypeFor[divalto.Prospect](), divaltoCarried)
	indicatorFields = wireFields(reflect.TypeFor[divalto.Indicators](), nil)
	relatedFields   = wireFields(reflect.TypeFor[divalto.Related](), nil)
)

// reportRecord reports, under prefix, every field of a weavy record (a
// struct value) that holds a value, nested records and Extra included. A
// text holding "0" holds a value; a false flag, weavy's default, does
// not.
func reportRecord(r *Report, prefix string, v reflect.Value, fields []wireField) {
	for _, f := range fields {
		fv := v.Field(f.index)
		switch fv.Kind() {
		case reflect.String:
			if fv.Len() == 0 {
				continue
			}
		case reflect.Bool:
			if !fv.Bool() {
				continue
			}
		default:
			if fv.IsZero() {
				continue
			}
		}
		if fv.Kind() == reflect.Pointer && fv.Elem().Kind() == reflect.Struct {
			reportNested(r, prefix+f.name+".", fv.Elem())
			continue
		}
		r.Add(prefix+f.name, NoField, "")
	}
	if extra := extraField(v); extra.IsValid() && extra.Len() > 0 {
		reportExtra(r, prefix, extra.Interface().(map[string]json.RawMessage))
	}
}

// extraIndex caches the index of each weavy record type's Extra field.
var extraIndex sync.Map // reflect.Type → int (-1: none)

func extraField(v reflect.Value) reflect.Value {
	i, ok := extraIndex.Load(v.Type())
	if !ok {
		f, found := v.Type().FieldByName("Extra")
		idx := -1
		if found && len(f.Index) == 1 {
			idx = f.Index[0]
		}
		i, _ = extraIndex.LoadOrStore(v.Type(), idx)
	}
	if idx := i.(int); idx >= 0 {
		return v.Field(idx)
	}
	return reflect.Value{}
}

// nestedFields caches wireFields of the related record types.
var nestedFields = map[reflect.Type][]wireField{}

func init() {
	for _, t := range []reflect.Type{reflect.TypeFor[divalto.GenericType](), reflect.TypeFor[divalto.BaseUser](),
		reflect.TypeFor[divalto.Culture](), reflect.TypeFor[divalto.BranchOffice](), reflect.TypeFor[divalto.ProductDepot]()} {
		nestedFields[t] = wireFields(t, nil)
	}
}

func reportNested(r *Report, prefix string, v reflect.Value) {
	fields, ok := nestedFields[v.Type()]
	if !ok {
		fields = wireFields(v.Type(), nil) // a record type added to divalto: still walked
	}
	reportRecord(r, prefix, v, fields)
}

// FromDivalto reads a weavy prospect into a Lead. An individual's name
// (isIndividual = 1) is read as weavy writes it, last name first ("DUPONT
// Jean"; a name without a run of capitals to tell is split by that order
// and reported as approximated), a business's is the Company. The
// province, the sales rep (baseuser_ID) and the VAT number are carried;
// the country is read as an ISO code. Every other field that holds a
// value (a text holding "0" included), the unmodelled fields (Extra), the
// related records and the indicators are reported by their wire name
// ("related.baseuser.lastName", "indicators.turnoverN"). Phones are read
// in Options.Region, else the prospect's country, else France.
func FromDivalto(p *divalto.Prospect, o Options) (*Lead, Report, error) {
	r := Report{From: "divalto", To: "lead", Entries: make([]Entry, 0, 16)}
	l := &Lead{
		DivaltoCode: p.Code, Street1: p.Address1, Street2: p.Address2, Street3: p.Address3, PostalCode: p.PostalCode,
		City: p.City, Email: p.Email, Comment: p.Comment, Province: p.Province.Code, SalesRep: p.BaseUser,
		CompanyTaxID: p.VATNumber,
	}
	if p.IsIndividual {
		var loss Loss
		l.FirstName, l.LastName, loss = splitDivaltoName(p.Name)
		if loss == 0 && p.Name != divaltoName(l.FirstName, l.LastName) {
			r.Add("name", Normalised, "written back as LAST First, single-spaced")
		}
		r.fit("name", loss, "", "split into last and first name by weavy's order, a guess")
	} else {
		l.Company = p.Name
	}
	if p.Country.Code != "" {
		var loss Loss
		l.Country, loss = Country(p.Country.Code)
		r.fit("generictype_ID_country", loss, "not a country", "written as an ISO 3166 code")
	}
	if !p.Civility.IsZero() {
		civ := o.DivaltoCivility
		if civ == nil {
			civ = DefaultDivaltoCivility()
		}
		var ok bool
		if l.Civility, ok = civ.Civility(p.Civility.String()); !ok {
			r.Add("generictype_ID_civility", NoValue, "not in the civility map")
		}
	}
	region := o.region(l.Country, "FR")
	l.Landline = ReadPhone(&r, "phoneNumber", p.Phone, region)
	l.Mobile = ReadPhone(&r, "mobilePhoneNumber", p.MobilePhone, region)
	l.Latitude = number(&r, "gpsLatitude", p.Latitude)
	l.Longitude = number(&r, "gpsLongitude", p.Longitude)

	v := reflect.ValueOf(p).Elem()
	reportRecord(&r, "", v, prospectOthers)
	if p.Related != nil {
		reportRecord(&r, "related.", reflect.ValueOf(p.Related).Elem(), relatedFields)
	}
	if p.Indicators != nil {
		reportRecord(&r, "indicators.", reflect.ValueOf(p.Indicators).Elem(), indicatorFields)
	}
	if err := o.Check(&r); err != nil {
		return nil, r, err
	}
	return l, r, nil
}

// splitDivaltoName reads an individual's name as weavy writes it, last
// name first. A run of capitals at the start or the end marks the last
// name (SplitFullName's rule 2): exact. Otherwise (every word in
// capitals, or none) the first word is taken as the last name, weavy's
// order, and the loss is Approximated: a guess.
func splitDivaltoName(full string) (first, last string, loss Loss) {
	words := strings.Fields(full)
	switch len(words) {
	case 0:
		return "", "", 0
	case 1:
		if isUpperWord(words[0]) {
			return "", words[0], 0
		}
		return "", words[0], Approximated
	}
	if len(words) == 2 && isUpperWord(words[0]) && !isUpperWord(words[1]) {
		return words[1], words[0], 0 // "DUPONT Jean", weavy's usual form, without joining
	}
	if _, _, ok := upperRun(words); ok {
		f, l, exact := SplitFullName(full)
		if exact {
			return f, l, 0
		}
	}
	return strings.Join(words[1:], " "), words[0], Approximated
}

func number(r *Report, field string, n divalto.Number) *float64 {
	if n == "" {
		return nil
	}
	f, err := n.Float64()
	if err != nil {
		r.Add(field, NoValue, "not a number")
		return nil
	}
	return &f
}

// ToDivalto writes a Lead as a weavy prospect of code l.DivaltoCode: an
// individual (isIndividual = 1) named "LAST First" — weavy's usual form,
// which FromDivalto reads back — unless the lead is a company's.
// References are given bare (Put qualifies them); French phones are
// written in the national form, others in E.164.
func (l *Lead) ToDivalto(o Options) (*divalto.Prospect, Report, error) {
	r := Report{From: "lead", To: "divalto"}
	p := &divalto.Prospect{
		Code: l.DivaltoCode, Address1: l.Street1, Address2: l.Street2, Address3: l.Street3, PostalCode: l.PostalCode,
		City: l.City, Email: l.Email, Comment: l.Comment, BaseUser: l.SalesRep, VATNumber: l.CompanyTaxID,
		Phone: frenchOrE164(l.Landline), MobilePhone: frenchOrE164(l.Mobile),
	}
	if l.Country != "" {
		p.Country = divalto.Ref{Code: l.Country}
	}
	if l.Province != "" {
		p.Province = divalto.Ref{Code: l.Province}
	}
	p.IsIndividual = l.Company == "" || l.FirstName != "" || l.LastName != ""
	if l.FirstName != "" || l.LastName != "" {
		p.Name = divaltoName(l.FirstName, l.LastName)
		switch {
		case l.LastName == "":
			r.Add("FirstName", Approximated, "the name alone, which reads back as a last name")
		case strings.ToUpper(l.LastName) != l.LastName:
			r.Add("LastName", Normalised, "written in capitals")
		}
		if l.Company != "" {
			r.Add("Company", NoField, "an individual's prospect is named after the person")
		}
	} else {
		p.Name = l.Company
	}
	if l.Civility != CivilityUnknown {
		civ := o.DivaltoCivility
		if civ == nil {
			civ = DefaultDivaltoCivility()
		}
		code, ok := civ.Code(l.Civility)
		if ok {
			p.Civility = divalto.Ref{Code: code}
		} else {
			r.Add("Civility", NoValue, l.Civility.String()+" is not in the civility map")
		}
	}
	if l.Latitude != nil {
		p.Latitude = divalto.Number(strconv.FormatFloat(*l.Latitude, 'f', -1, 64))
	}
	if l.Longitude != nil {
		p.Longitude = divalto.Number(strconv.FormatFloat(*l.Longitude, 'f', -1, 64))
	}
	r.uncarried(l, fCivility|fFirstName|fLastName|fCompany|fEmail|fMobile|fLandline|fStreet1|fStreet2|fStreet3|
		fPostalCode|fCity|fCountry|fProvince|fLatitude|fLongitude|fComment|fDivaltoCode|fSalesRep|fCompanyTaxID)
	if err := o.Check(&r); err != nil {
		return nil, r, err
	}
	return p, r, nil
}

// divaltoName is "LAST First", weavy's way of naming an individual, which
// FromDivalto reads back.
func divaltoName(first, last string) string {
	switch {
	case first == "":
		return strings.ToUpper(last)
	case last == "":
		return first
	}
	return strings.ToUpper(last) + " " + first
}
