package mapping_test

import (
	"errors"
	"fmt"

	"github.com/passerelle-go/passerelle/batiweb"
	"github.com/passerelle-go/passerelle/factory"
	"github.com/passerelle-go/passerelle/mapping"
)

// A La Factory project becomes a Batiweb lead through the pivot; each
// report names what did not travel as it was.
func ExampleFromFactory() {
	p := &factory.Project{
		FactoryProjectID: "FP-000001", Salutation: factory.Mademoiselle, FirstName: "Julie", LastName: "Bernard",
		Email: "julie.bernard@example.fr", MobilePhone: "06.12.34.56.78", PostalCode: "59800", City: "Lille",
		HousingSituation: factory.Proprietaire, ProgramCode: "NX-59000-01", UTMSource: "seloger",
		Comment: "Refaire la salle de bains",
	}
	lead, r1, _ := mapping.FromFactory(p, mapping.Options{})
	b, r2, _ := lead.ToBatiweb(batiweb.WorkTypeSalleDeBain, mapping.Options{})
	fmt.Println(b.Civility, b.Cellphone, b.IsOwner, b.SupplierLeadID)
	for _, e := range append(r1.Entries, r2.Entries...) {
		fmt.Println(e)
	}

	_, _, err := lead.ToBatiweb(batiweb.WorkTypeSalleDeBain, mapping.Options{Strict: true})
	var loss *mapping.LossError
	fmt.Println(errors.As(err, &loss), len(loss.Report.Lost()))
	// Output:
	// Madame 0612345678 Propriétaire FP-000001
	// tel_mobile: normalised (written in neither the national form nor E.164)
	// Country: normalised (country inferred from the postal code)
	// code_programme: no equivalent field
	// Civility: approximated (written Madame)
	// Source: no equivalent field
	// true 2
}

// A converter of your own, for a service that sends a name, a phone and
// a country: the same exported pieces the package's converters use.
func Example_addingAService() {
	type crmContact struct{ Name, Phone, Country, Fax string }
	fromCRM := func(c crmContact, o mapping.Options) (*mapping.Lead, mapping.Report, error) {
		r := mapping.Report{From: "crm", To: "lead"}
		l := &mapping.Lead{}
		first, last, exact := mapping.SplitFullName(c.Name)
		l.FirstName, l.LastName = first, last
		if !exact {
			r.Add("name", mapping.Approximated, "split into first and last name by a guess")
		}
		var loss mapping.Loss
		if l.Country, loss = mapping.Country(c.Country); c.Country != "" && loss != 0 {
			r.Add("country", loss, "written as an ISO 3166 code")
		}
		l.Mobile = mapping.ReadPhone(&r, "phone", c.Phone, l.Country)
		r.Dropped("fax", c.Fax)
		return l, r, o.Check(&r)
	}
	l, r, err := fromCRM(crmContact{Name: "Ana GARCÍA", Phone: "612 345 678", Country: "España", Fax: "912 000 000"}, mapping.Options{})
	fmt.Println(l.FirstName, l.LastName, l.Country, l.Mobile.E164(), err)
	fmt.Println(r)
	_, _, err = fromCRM(crmContact{Name: "Ana GARCÍA", Fax: "912 000 000"}, mapping.Options{Strict: true})
	fmt.Println(err)
	// Output:
	// Ana GARCÍA ES +34612345678 <nil>
	// crm -> lead: country: normalised (written as an ISO 3166 code); phone: normalised (written in neither the national form nor E.164); fax: no equivalent field
	// mapping: crm -> lead would lose fax: no equivalent field
}

// Phones are read in the lead's region: the same digits are a Spanish
// mobile in Spain, no number in Italy, and a French mobile in France
// (libphonenumber forgives the missing trunk 0).
func ExampleParsePhoneIn() {
	for _, region := range []string{"ES", "IT", "FR"} {
		p, err := mapping.ParsePhoneIn("612 345 678", region)
		if err != nil {
			fmt.Println(region, "error:", errors.Is(err, mapping.ErrInvalidPhone))
			continue
		}
		fmt.Println(region, p.E164(), p.Kind(), p.National())
	}
	p, _ := mapping.ParsePhone("06 90 11 22 33")
	fmt.Println(p.E164(), p.Region(), p.French())
	// Output:
	// ES +34612345678 mobile 612 34 56 78
	// IT error: true
	// FR +33612345678 mobile 06 12 34 56 78
	// +590690112233 GP true
}

// Country names become ISO codes; the reading says whether the spelling
// changed.
func ExampleCountry() {
	for _, s := range []string{"FR", "fr", "España", "Italia", "Atlantis"} {
		code, loss := mapping.Country(s)
		fmt.Printf("%q %q %v\n", s, code, loss)
	}
	// Output:
	// "FR" "FR" exact
	// "fr" "FR" normalised
	// "España" "ES" normalised
	// "Italia" "IT" normalised
	// "Atlantis" "" no equivalent value
}
