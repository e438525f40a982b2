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
	// code_programme: no equivalent field
	// Civility: approximated (written Madame)
	// Source: no equivalent field
	// true 2
}
