package mapping

import (
	"strings"

	"github.com/passerelle-go/passerelle/batiweb"
)

// ToBatiweb writes a Lead as a Batiweb lead for the trade workType (the
// caller's choice: nothing in the pivot says which trade a need is). The
// comment becomes the work description, the phones their ten digits, the
// street lines one address, the call center's or else La Factory's
// project id the supplier's lead id; the marketing origin, consent and the other
// fields Batiweb has no place for are reported. Batiweb's own Validate
// still decides what it accepts.
func (l *Lead) ToBatiweb(workType batiweb.WorkType, o Options) (*batiweb.Lead, Report, error) {
	r := Report{From: "lead", To: "batiweb", most: 30}
	b := &batiweb.Lead{
		Email: l.Email, City: l.City, Zipcode: l.PostalCode, FirstName: l.FirstName, LastName: l.LastName,
		WorkType: workType, WorkDescription: l.Comment,
	}
	// The supplier's id: the call center's, else La Factory's.
	carried := fCivility | fFirstName | fLastName | fOwnerStatus | fEmail | fMobile | fLandline | fWorkPhone |
		fStreet1 | fStreet2 | fStreet3 | fPostalCode | fCity | fCountry | fHousingType | fComment
	switch {
	case l.CallCenterProjectID != "":
		b.SupplierLeadID, carried = l.CallCenterProjectID, carried|fCallCenterProjectID
	case l.FactoryProjectID != "":
		b.SupplierLeadID, carried = l.FactoryProjectID, carried|fFactoryProjectID
	}
	if b.WorkDescription == "" {
		b.WorkDescription = workType.String()
	}
	if l.Civility != CivilityUnknown {
		var exact bool
		b.Civility, exact = l.Civility.Batiweb()
		switch {
		case b.Civility == 0:
			r.add("Civility", NoValue, l.Civility.String()+" has no Batiweb civility")
		case !exact:
			r.add("Civility", Approximated, "written "+b.Civility.String())
		}
	}
	if l.OwnerStatus != OwnerStatusUnknown {
		var exact bool
		b.IsOwner, exact = l.OwnerStatus.Batiweb()
		if !exact {
			r.add("OwnerStatus", Approximated, "written "+b.IsOwner.String())
		}
	}
	if l.HousingType != HousingTypeUnknown {
		b.HousingType, _ = l.HousingType.Batiweb()
	}
	b.Cellphone, b.Landline = batiwebPhones(&r, l)
	b.Address = l.Street1
	if l.Street2 != "" || l.Street3 != "" {
		b.Address = strings.TrimSpace(l.Street1 + " " + l.Street2 + " " + l.Street3)
		r.add("Street1", Normalised, "joined with Street2 and Street3 into the address")
	}
	if l.Country != "" && l.Country != "FR" {
		r.add("Country", NoField, "Batiweb's leads are French")
	}
	r.uncarried(l, carried)
	if err := o.done(&r); err != nil {
		return nil, r, err
	}
	return b, r, nil
}

// batiwebPhones picks Batiweb's cellphone and landline: the mobile, else
// a mobile-numbered landline or work phone; the landline, else the work
// phone. A phone left over is reported, and so is a foreign number, whose
// kind is unknown: it is written in E.164 as the landline.
func batiwebPhones(r *Report, l *Lead) (cell, land string) {
	names := [3]string{"Mobile", "Landline", "WorkPhone"}
	for i, p := range [3]Phone{l.Mobile, l.Landline, l.WorkPhone} {
		switch {
		case p.IsZero():
		case cell == "" && p.Kind() == PhoneMobile:
			cell = p.Digits()
		case land == "" && p.Kind() != PhoneMobile:
			land = p.Digits()
			if p.Kind() == PhoneForeign {
				r.add(names[i], Approximated, "a foreign number, written in E.164 as the landline")
			}
		default:
			r.add(names[i], NoField, "Batiweb has one cellphone and one landline")
		}
	}
	return cell, land
}
