package mapping

import (
	"sort"
	"strings"
	"time"

	"github.com/passerelle-go/passerelle/easycall"
)

// FromEasyCall reads an EasyCall lead into a Lead. nome and cognome are
// the names (nome_completo is split when they are absent, and reported
// either way, since ToEasyCall writes nome and cognome), the phones are
// read in Options.Region, else the lead's nazione, else Spain
// (altro_telefono is the pivot's other phone, telefono fills the mobile,
// the landline or the other phone, whichever is free and fits), nazione
// becomes an ISO code, partita_iva the company tax id, data_presentazione
// the lead date with its zone and fraction of a second. Codice fiscale,
// data_scadenza, the free fields and the custom fields have no place in
// the pivot and are reported.
func FromEasyCall(e *easycall.Lead, o Options) (*Lead, Report, error) {
	r := Report{From: "easycall", To: "lead"}
	l := &Lead{
		FirstName: e.Nome, LastName: e.Cognome, Email: e.Email, Street1: e.Strada, PostalCode: e.CAP, City: e.Comune,
		Region: e.Regione, Province: e.Provincia, Campaign: e.Campaign, CompanyTaxID: e.PartitaIVA,
		Latitude: e.Latitudine, Longitude: e.Longitudine,
	}
	if e.Nazione != "" {
		var loss Loss
		l.Country, loss = Country(e.Nazione)
		r.fit("nazione", loss, "not a country", "written as an ISO 3166 code")
	}
	if e.NomeCompleto != "" {
		switch {
		case l.FirstName == "" && l.LastName == "":
			var exact bool
			l.FirstName, l.LastName, exact = SplitFullName(e.NomeCompleto)
			if l.FirstName == "" && l.LastName == "" {
				r.Add("nome_completo", NoValue, "no name in the text")
			} else if exact {
				r.Add("nome_completo", Normalised, "split into nome and cognome")
			} else {
				r.Add("nome_completo", Approximated, "split into nome and cognome by a guess")
			}
		case e.NomeCompleto == JoinName(l.FirstName, l.LastName):
			r.Add("nome_completo", Normalised, "the same name as nome and cognome, which are kept")
		default:
			r.Add("nome_completo", NoField, "differs from nome and cognome, which are kept")
		}
	}
	region := o.region(l.Country, "ES")
	l.Mobile = ReadPhone(&r, "telefono_mobile", e.TelefonoMobile, region)
	l.Landline = ReadPhone(&r, "telefono_fisso", e.TelefonoFisso, region)
	l.WorkPhone = ReadPhone(&r, "altro_telefono", e.AltroTelefono, region)
	switch p := ReadPhone(&r, "telefono", e.Telefono, region); {
	case p.IsZero():
	case p.Kind() == PhoneMobile && l.Mobile.IsZero():
		l.Mobile = p
		r.Add("telefono", Normalised, "carried as the mobile")
	case p.Kind() != PhoneMobile && l.Landline.IsZero():
		l.Landline = p
		r.Add("telefono", Normalised, "carried as the landline")
	case l.WorkPhone.IsZero():
		l.WorkPhone = p
		r.Add("telefono", Normalised, "carried as the other phone")
	default:
		r.Add("telefono", NoField, "the pivot's phones are taken")
	}
	l.LeadDate = easyCallTime(&r, "data_presentazione", e.DataPresentazione)
	for _, f := range [...]struct{ name, value string }{
		{"codice_fiscale", e.CodiceFiscale}, {"otro", e.Otro},
		{easycall.FieldPersonalizzato1, e.Personalizzato1}, {easycall.FieldPersonalizzato2, e.Personalizzato2}, {"data_scadenza", e.DataScadenza},
	} {
		r.Dropped(f.name, f.value)
	}
	keys := make([]string, 0, len(e.Custom))
	for k := range e.Custom {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		r.Dropped(k, e.Custom[k])
	}
	if err := o.Check(&r); err != nil {
		return nil, r, err
	}
	return l, r, nil
}

// easyCallLayout is how ToEasyCall writes a date in Europe/Paris to the
// second; any other is written in RFC 3339 with its fraction.
const easyCallLayout = "2006-01-02 15:04:05"

// easyCallTime reads an EasyCall date keeping its zone and fraction of a
// second (an RFC 3339 date stays in its offset); a date in a form
// ToEasyCall does not write back is reported as Normalised.
func easyCallTime(r *Report, field, text string) time.Time {
	if text == "" {
		return time.Time{}
	}
	if t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(text)); err == nil {
		if writeEasyCallTime(t) != text {
			r.Add(field, Normalised, "written back in RFC 3339")
		}
		return t
	}
	t := ReadTime(r, field, text)
	if !t.IsZero() && writeEasyCallTime(t) != text {
		r.Add(field, Normalised, "written back as "+easyCallLayout)
	}
	return t
}

// writeEasyCallTime writes a time as EasyCall reads it: "2006-01-02
// 15:04:05" for a whole second in Europe/Paris, RFC 3339 with its offset
// and fraction otherwise, so that neither is lost.
func writeEasyCallTime(t time.Time) string {
	if t.Location() == Paris && t.Nanosecond() == 0 {
		return t.Format(easyCallLayout)
	}
	return t.Format(time.RFC3339Nano)
}

// ToEasyCall writes a Lead as an EasyCall lead in the campaign l.Campaign.
// Phones are written in E.164, the lead date as "2006-01-02 15:04:05" in
// Europe/Paris or in RFC 3339 when it has another zone or a fraction of a
// second; the pivot's fields EasyCall has no predefined field for are
// reported (add them as custom fields if the campaign has them).
func (l *Lead) ToEasyCall(o Options) (*easycall.Lead, Report, error) {
	r := Report{From: "lead", To: "easycall"}
	e := &easycall.Lead{
		Nome: l.FirstName, Cognome: l.LastName, Email: l.Email, Strada: l.Street1, CAP: l.PostalCode, Comune: l.City,
		Regione: l.Region, Provincia: l.Province, Nazione: l.Country, Campaign: l.Campaign, PartitaIVA: l.CompanyTaxID,
		Latitudine: l.Latitude, Longitudine: l.Longitude,
		TelefonoMobile: l.Mobile.E164(), TelefonoFisso: l.Landline.E164(), AltroTelefono: l.WorkPhone.E164(),
	}
	if !l.LeadDate.IsZero() {
		e.DataPresentazione = writeEasyCallTime(l.LeadDate)
	}
	switch {
	case l.Company == "":
	case l.FirstName == "" && l.LastName == "":
		e.NomeCompleto = l.Company
		r.Add("Company", Approximated, "written as nome_completo, which reads back as a person's name")
	default:
		r.Add("Company", NoField, "EasyCall has no company name beside the person's")
	}
	r.uncarried(l, fFirstName|fLastName|fCompany|fEmail|fMobile|fLandline|fWorkPhone|fStreet1|fPostalCode|fCity|
		fRegion|fProvince|fCountry|fLatitude|fLongitude|fCampaign|fLeadDate|fCompanyTaxID)
	if err := o.Check(&r); err != nil {
		return nil, r, err
	}
	return e, r, nil
}
