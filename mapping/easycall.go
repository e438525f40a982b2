package mapping

import (
	"sort"

	"github.com/passerelle-go/passerelle/easycall"
)

// FromEasyCall reads an EasyCall lead into a Lead. nome and cognome are
// the names (nome_completo is split when they are absent), the phones are
// parsed (altro_telefono is the pivot's other phone, telefono fills the
// mobile, the landline or the other phone, whichever is free and fits),
// data_presentazione is the lead date. Partita IVA, codice fiscale,
// data_scadenza, the free fields and the custom fields have no place in
// the pivot and are reported.
func FromEasyCall(e *easycall.Lead, o Options) (*Lead, Report, error) {
	r := Report{From: "easycall", To: "lead"}
	l := &Lead{
		FirstName: e.Nome, LastName: e.Cognome, Email: e.Email, Street1: e.Strada, PostalCode: e.CAP, City: e.Comune,
		Region: e.Regione, Province: e.Provincia, Country: e.Nazione, Campaign: e.Campaign,
		Latitude: e.Latitudine, Longitude: e.Longitudine,
	}
	if e.NomeCompleto != "" {
		if l.FirstName == "" && l.LastName == "" {
			var exact bool
			l.FirstName, l.LastName, exact = SplitFullName(e.NomeCompleto)
			if !exact {
				r.add("nome_completo", Approximated, "split into nome and cognome by a guess")
			}
		} else if e.NomeCompleto != JoinName(l.FirstName, l.LastName) {
			r.add("nome_completo", NoField, "nome and cognome are kept")
		}
	}
	l.Mobile = phone(&r, "telefono_mobile", e.TelefonoMobile)
	l.Landline = phone(&r, "telefono_fisso", e.TelefonoFisso)
	l.WorkPhone = phone(&r, "altro_telefono", e.AltroTelefono)
	switch p := phone(&r, "telefono", e.Telefono); {
	case p.IsZero():
	case p.Kind() == PhoneMobile && l.Mobile.IsZero():
		l.Mobile = p
		r.add("telefono", Normalised, "carried as the mobile")
	case p.Kind() != PhoneMobile && l.Landline.IsZero():
		l.Landline = p
		r.add("telefono", Normalised, "carried as the landline")
	case l.WorkPhone.IsZero():
		l.WorkPhone = p
		r.add("telefono", Normalised, "carried as the other phone")
	default:
		r.add("telefono", NoField, "the pivot's phones are taken")
	}
	l.LeadDate = parsedTime(&r, "data_presentazione", e.DataPresentazione)
	for _, f := range [...]struct{ name, value string }{
		{"partita_iva", e.PartitaIVA}, {"codice_fiscale", e.CodiceFiscale}, {"otro", e.Otro},
		{easycall.FieldPersonalizzato1, e.Personalizzato1}, {easycall.FieldPersonalizzato2, e.Personalizzato2}, {"data_scadenza", e.DataScadenza},
	} {
		drop(&r, f.name, f.value)
	}
	keys := make([]string, 0, len(e.Custom))
	for k := range e.Custom {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		drop(&r, k, e.Custom[k])
	}
	if err := o.done(&r); err != nil {
		return nil, r, err
	}
	return l, r, nil
}

// ToEasyCall writes a Lead as an EasyCall lead in the campaign l.Campaign.
// Phones are written in E.164, the lead date as 2006-01-02 15:04:05 in
// Europe/Paris; the pivot's fields EasyCall has no predefined field for
// are reported (add them as custom fields if the campaign has them).
func (l *Lead) ToEasyCall(o Options) (*easycall.Lead, Report, error) {
	r := Report{From: "lead", To: "easycall"}
	e := &easycall.Lead{
		Nome: l.FirstName, Cognome: l.LastName, Email: l.Email, Strada: l.Street1, CAP: l.PostalCode, Comune: l.City,
		Regione: l.Region, Provincia: l.Province, Nazione: l.Country, Campaign: l.Campaign,
		Latitudine: l.Latitude, Longitudine: l.Longitude,
		TelefonoMobile: e164OrEmpty(l.Mobile), TelefonoFisso: e164OrEmpty(l.Landline), AltroTelefono: e164OrEmpty(l.WorkPhone),
	}
	if !l.LeadDate.IsZero() {
		e.DataPresentazione = FormatDivalto(l.LeadDate)
	}
	switch {
	case l.Company == "":
	case l.FirstName == "" && l.LastName == "":
		e.NomeCompleto = l.Company
		r.add("Company", Approximated, "written as nome_completo, which reads back as a person's name")
	default:
		r.add("Company", NoField, "EasyCall has no company name beside the person's")
	}
	r.uncarried(l, fFirstName|fLastName|fCompany|fEmail|fMobile|fLandline|fWorkPhone|fStreet1|fPostalCode|fCity|
		fRegion|fProvince|fCountry|fLatitude|fLongitude|fCampaign|fLeadDate)
	if err := o.done(&r); err != nil {
		return nil, r, err
	}
	return e, r, nil
}

func e164OrEmpty(p Phone) string {
	if p.IsZero() {
		return ""
	}
	return p.E164()
}
