package mapping

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"

	"github.com/passerelle-go/passerelle/divalto"
)

// divaltoCarried is every Prospect wire field FromDivalto carries; the
// others that hold a value are reported.
var divaltoCarried = map[string]bool{
	"codeprospect": true, "name": true, "address1": true, "address2": true, "address3": true, "postalCode": true,
	"city": true, "phoneNumber": true, "mobilePhoneNumber": true, "email": true, "generictype_ID_country": true,
	"generictype_ID_civility": true, "comment": true, "gpsLongitude": true, "gpsLatitude": true, "isIndividual": true,
}

// FromDivalto reads a weavy prospect into a Lead. An individual's name
// (isIndividual = 1) is split into first and last name ("DUPONT Jean":
// the upper-case word is the last name), a business's is the Company.
// The other prospect fields a CRM keeps (the ERP's, the sales set-up, the
// DIVINF overrides) have no place in the pivot and are reported.
func FromDivalto(p *divalto.Prospect, o Options) (*Lead, Report, error) {
	r := Report{From: "divalto", To: "lead"}
	l := &Lead{
		DivaltoCode: p.Code, Street1: p.Address1, Street2: p.Address2, Street3: p.Address3, PostalCode: p.PostalCode,
		City: p.City, Email: p.Email, Country: p.Country.Code, Comment: p.Comment,
	}
	if p.IsIndividual {
		var exact bool
		l.FirstName, l.LastName, exact = SplitFullName(p.Name)
		if !exact {
			r.add("name", Approximated, "split into first and last name by a guess")
		}
	} else {
		l.Company = p.Name
	}
	if !p.Civility.IsZero() {
		civ := o.DivaltoCivility
		if civ == nil {
			civ = DefaultDivaltoCivility()
		}
		var ok bool
		if l.Civility, ok = civ.Civility(p.Civility.String()); !ok {
			r.add("generictype_ID_civility", NoValue, "not in the civility map")
		}
	}
	l.Landline = phone(&r, "phoneNumber", p.Phone)
	l.Mobile = phone(&r, "mobilePhoneNumber", p.MobilePhone)
	l.Latitude = number(&r, "gpsLatitude", p.Latitude)
	l.Longitude = number(&r, "gpsLongitude", p.Longitude)

	// Every other field with a value is reported, read from the wire
	// form so that none is forgotten (Extra included).
	b, err := json.Marshal(p)
	var wire map[string]json.RawMessage
	if err == nil {
		err = json.Unmarshal(b, &wire)
	}
	if err != nil {
		return nil, r, err
	}
	names := make([]string, 0, len(wire))
	for k, v := range wire {
		if !divaltoCarried[k] && !emptyJSON(v) {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	for _, k := range names {
		r.add(k, NoField, "")
	}
	if err := o.done(&r); err != nil {
		return nil, r, err
	}
	return l, r, nil
}

// emptyJSON reports whether a prospect field holds nothing worth
// reporting: "", null, an empty object or list, or "0", which is how a
// false flag travels (and a zero count, which weavy sends for none).
func emptyJSON(v json.RawMessage) bool {
	s := string(v)
	return s == `""` || s == "null" || s == `"0"` || s == "{}" || s == "[]"
}

func number(r *Report, field string, n divalto.Number) *float64 {
	if n == "" {
		return nil
	}
	f, err := n.Float64()
	if err != nil {
		r.add(field, NoValue, "not a number")
		return nil
	}
	return &f
}

// ToDivalto writes a Lead as a weavy prospect of code l.DivaltoCode: an
// individual (isIndividual = 1) named "LAST First" — weavy's usual form —
// unless the lead is a company's. References are given bare (Put
// qualifies them); phones are written in the national form.
func (l *Lead) ToDivalto(o Options) (*divalto.Prospect, Report, error) {
	r := Report{From: "lead", To: "divalto"}
	p := &divalto.Prospect{
		Code: l.DivaltoCode, Address1: l.Street1, Address2: l.Street2, Address3: l.Street3, PostalCode: l.PostalCode,
		City: l.City, Email: l.Email, Comment: l.Comment,
		Phone: nationalOrEmpty(l.Landline), MobilePhone: nationalOrEmpty(l.Mobile),
	}
	if l.Country != "" {
		p.Country = divalto.Ref{Code: l.Country}
	}
	p.IsIndividual = l.Company == "" || l.FirstName != "" || l.LastName != ""
	if l.FirstName != "" || l.LastName != "" {
		p.Name = divaltoName(l.FirstName, l.LastName)
		switch {
		case l.LastName == "":
			r.add("FirstName", Approximated, "the name alone, which reads back as a last name")
		case strings.ToUpper(l.LastName) != l.LastName:
			r.add("LastName", Normalised, "written in capitals")
		}
		if l.Company != "" {
			r.add("Company", NoField, "an individual's prospect is named after the person")
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
			r.add("Civility", NoValue, l.Civility.String()+" is not in the civility map")
		}
	}
	if l.Latitude != nil {
		p.Latitude = divalto.Number(strconv.FormatFloat(*l.Latitude, 'f', -1, 64))
	}
	if l.Longitude != nil {
		p.Longitude = divalto.Number(strconv.FormatFloat(*l.Longitude, 'f', -1, 64))
	}
	r.uncarried(l, fCivility|fFirstName|fLastName|fCompany|fEmail|fMobile|fLandline|fStreet1|fStreet2|fStreet3|
		fPostalCode|fCity|fCountry|fLatitude|fLongitude|fComment|fDivaltoCode)
	if err := o.done(&r); err != nil {
		return nil, r, err
	}
	return p, r, nil
}

// divaltoName is "LAST First", weavy's way of naming an individual, which
// SplitFullName reads back exactly.
func divaltoName(first, last string) string {
	switch {
	case first == "":
		return strings.ToUpper(last)
	case last == "":
		return first
	}
	return strings.ToUpper(last) + " " + first
}
