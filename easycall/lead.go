package easycall

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/passerelle-go/passerelle/internal/phone"
	"github.com/passerelle-go/passerelle/internal/validate"
)

// The canonical (Italian) names of EasyCall's predefined fields, the
// right-hand column of the table of predefined fields ("Los campos
// predeterminados son") in EasyCall's "Configuración de la recepción de
// clientes potenciales a través de API REST".
const (
	FieldNome              = "nome"               // first name
	FieldCognome           = "cognome"            // last name
	FieldNomeCompleto      = "nome_completo"      // full name
	FieldPartitaIVA        = "partita_iva"        // company tax id (Spanish CIF/NIF)
	FieldCodiceFiscale     = "codice_fiscale"     // personal tax code (Spanish NIE)
	FieldTelefonoFisso     = "telefono_fisso"     // landline
	FieldTelefonoMobile    = "telefono_mobile"    // mobile phone
	FieldAltroTelefono     = "altro_telefono"     // other phone
	FieldTelefono          = "telefono"           // phone
	FieldEmail             = "email"              // e-mail
	FieldOtro              = "otro"               // other
	FieldPersonalizzato1   = "personalizzato1"    // custom 1
	FieldPersonalizzato2   = "personalizzato2"    // custom 2
	FieldNazione           = "nazione"            // country
	FieldRegione           = "regione"            // region
	FieldProvincia         = "provincia"          // province, district
	FieldCAP               = "cap"                // postal code
	FieldComune            = "comune"             // town, municipality
	FieldStrada            = "strada"             // street address
	FieldLatitudine        = "latitudine"         // latitude
	FieldLongitudine       = "longitudine"        // longitude
	FieldDataScadenza      = "data_scadenza"      // expiry date
	FieldDataPresentazione = "data_presentazione" // submission date
)

// Alias is one row of the document's table of predefined fields: a name
// EasyCall accepts and the canonical field it stands for.
type Alias struct {
	// Name is the name accepted on the wire (Spanish, or the canonical name
	// itself for "nome" and "otro").
	Name string
	// Field is the canonical (Italian) name it resolves to.
	Field string
}

// aliasTable is the document's table, in its order.
var aliasTable = []Alias{
	{"nome", FieldNome}, {"nombre", FieldNome},
	{"apellido", FieldCognome},
	{"nombre_completo", FieldNomeCompleto}, {"nombre y apellido", FieldNomeCompleto},
	{"cif_nif", FieldPartitaIVA},
	{"nie_codigo_fiscal", FieldCodiceFiscale},
	{"telefono_fijo", FieldTelefonoFisso},
	{"telefono_movil", FieldTelefonoMobile},
	{"otro_telefono", FieldAltroTelefono},
	{"numbero", FieldTelefono},
	{"correo_electronico", FieldEmail},
	{"otro", FieldOtro},
	{"personalizado1", FieldPersonalizzato1},
	{"personalizado2", FieldPersonalizzato2},
	{"pais", FieldNazione},
	{"zona", FieldRegione}, {"region", FieldRegione},
	{"distrito", FieldProvincia},
	{"cp", FieldCAP}, {"codigo_postal", FieldCAP},
	{"municipio", FieldComune}, {"ciudad", FieldComune},
	{"calle", FieldStrada}, {"direccion", FieldStrada},
	{"latitud", FieldLatitudine},
	{"longitud", FieldLongitudine},
	{"fecha_caducidad", FieldDataScadenza}, {"fecha_vencimiento", FieldDataScadenza},
	{"fecha_presentacion", FieldDataPresentazione}, {"cuando", FieldDataPresentazione},
}

// aliases maps each name of aliasTable to its canonical field.
var aliases = func() map[string]string {
	m := make(map[string]string, len(aliasTable))
	for _, a := range aliasTable {
		m[a.Name] = a.Field
	}
	return m
}()

// Aliases returns the document's table of predefined fields, row by row
// in its order: each name EasyCall accepts and its canonical field.
func Aliases() []Alias { return append([]Alias(nil), aliasTable...) }

// CanonicalField resolves a field name, canonical or one of the document's
// aliases ("telefono_movil", "nombre y apellido"), case and spacing
// ignored, to its canonical name.
func CanonicalField(name string) (string, bool) {
	key := strings.Join(strings.Fields(strings.ToLower(name)), " ")
	if c, ok := aliases[key]; ok {
		return c, true
	}
	for _, f := range fields {
		if f.name == key {
			return key, true
		}
	}
	return "", false
}

// Lead is one lead to import: a typed field per predefined canonical
// field (its Go name is the Italian wire name; the comment gives the
// English meaning), the external campaign code that routes it, and custom
// fields. Every text must be valid UTF-8 on one line without control
// characters; custom values may hold line breaks.
type Lead struct {
	// Nome is the first name ("nome"; Spanish "nombre").
	Nome string
	// Cognome is the last name ("cognome"; Spanish "apellido").
	Cognome string
	// NomeCompleto is the full name ("nome_completo"; Spanish
	// "nombre_completo", "nombre y apellido").
	NomeCompleto string
	// PartitaIVA is the company tax id ("partita_iva", Italian VAT number;
	// Spanish "cif_nif").
	PartitaIVA string
	// CodiceFiscale is the personal tax code ("codice_fiscale"; Spanish
	// "nie_codigo_fiscal").
	CodiceFiscale string
	// TelefonoFisso is the landline number ("telefono_fisso"; Spanish
	// "telefono_fijo").
	TelefonoFisso string
	// TelefonoMobile is the mobile number ("telefono_mobile"; Spanish
	// "telefono_movil").
	TelefonoMobile string
	// AltroTelefono is another phone number ("altro_telefono"; Spanish
	// "otro_telefono").
	AltroTelefono string
	// Telefono is a phone number ("telefono"; Spanish "numbero").
	Telefono string
	// Email is the e-mail address ("email"; Spanish "correo_electronico").
	Email string
	// Otro is "other", a free field ("otro").
	Otro string
	// Personalizzato1 is the first custom predefined field
	// ("personalizzato1"; Spanish "personalizado1").
	Personalizzato1 string
	// Personalizzato2 is the second custom predefined field
	// ("personalizzato2"; Spanish "personalizado2").
	Personalizzato2 string
	// Nazione is the country ("nazione"; Spanish "pais").
	Nazione string
	// Regione is the region ("regione"; Spanish "zona", "region").
	Regione string
	// Provincia is the province or district ("provincia"; Spanish
	// "distrito").
	Provincia string
	// CAP is the postal code ("cap", codice di avviamento postale; Spanish
	// "cp", "codigo_postal").
	CAP string
	// Comune is the town or municipality ("comune"; Spanish "municipio",
	// "ciudad").
	Comune string
	// Strada is the street address ("strada"; Spanish "calle",
	// "direccion").
	Strada string
	// Latitudine is the latitude in degrees, -90 to 90 ("latitudine";
	// Spanish "latitud").
	Latitudine *float64
	// Longitudine is the longitude in degrees, -180 to 180 ("longitudine";
	// Spanish "longitud").
	Longitudine *float64
	// DataScadenza is the expiry date ("data_scadenza"; Spanish
	// "fecha_caducidad", "fecha_vencimiento"). EasyCall's document gives
	// no date format: it is sent as written ("2026-12-31",
	// "31/12/2026 10:00:00"), only the text rules apply.
	DataScadenza string
	// DataPresentazione is the submission date ("data_presentazione";
	// Spanish "fecha_presentacion", "cuando"), sent as written like
	// DataScadenza.
	DataPresentazione string

	// Campaign is the external campaign code set up in EasyCall's Import
	// API: one word, words joined with "_", never a space.
	Campaign string
	// Custom holds the custom fields, by the key created in EasyCall (lower
	// case, digits and "_" only), which must match it exactly.
	Custom map[string]string
}

// field is one predefined field: its canonical name and its value in a
// Lead. The table drives encoding, parsing and the text form.
type field struct {
	name       string
	get        func(*Lead) string
	set        func(*Lead, string) error
	coordinate bool
}

// text is a string field.
func text(name string, p func(*Lead) *string) field {
	return field{name, func(l *Lead) string { return *p(l) }, func(l *Lead, v string) error { *p(l) = v; return nil }, false}
}

// coordinate is a latitude or longitude, written in decimal.
func coordinate(name string, p func(*Lead) **float64) field {
	return field{name, func(l *Lead) string {
		if c := *p(l); c != nil {
			return strconv.FormatFloat(*c, 'f', -1, 64)
		}
		return ""
	}, func(l *Lead, v string) error {
		if v == "" {
			*p(l) = nil
			return nil
		}
		f, err := strconv.ParseFloat(strings.Replace(v, ",", ".", 1), 64)
		if err != nil {
			return fmt.Errorf("%q is not a number", v)
		}
		*p(l) = &f
		return nil
	}, true}
}

var fields = []field{
	text(FieldNome, func(l *Lead) *string { return &l.Nome }),
	text(FieldCognome, func(l *Lead) *string { return &l.Cognome }),
	text(FieldNomeCompleto, func(l *Lead) *string { return &l.NomeCompleto }),
	text(FieldPartitaIVA, func(l *Lead) *string { return &l.PartitaIVA }),
	text(FieldCodiceFiscale, func(l *Lead) *string { return &l.CodiceFiscale }),
	text(FieldTelefonoFisso, func(l *Lead) *string { return &l.TelefonoFisso }),
	text(FieldTelefonoMobile, func(l *Lead) *string { return &l.TelefonoMobile }),
	text(FieldAltroTelefono, func(l *Lead) *string { return &l.AltroTelefono }),
	text(FieldTelefono, func(l *Lead) *string { return &l.Telefono }),
	text(FieldEmail, func(l *Lead) *string { return &l.Email }),
	text(FieldOtro, func(l *Lead) *string { return &l.Otro }),
	text(FieldPersonalizzato1, func(l *Lead) *string { return &l.Personalizzato1 }),
	text(FieldPersonalizzato2, func(l *Lead) *string { return &l.Personalizzato2 }),
	text(FieldNazione, func(l *Lead) *string { return &l.Nazione }),
	text(FieldRegione, func(l *Lead) *string { return &l.Regione }),
	text(FieldProvincia, func(l *Lead) *string { return &l.Provincia }),
	text(FieldCAP, func(l *Lead) *string { return &l.CAP }),
	text(FieldComune, func(l *Lead) *string { return &l.Comune }),
	text(FieldStrada, func(l *Lead) *string { return &l.Strada }),
	coordinate(FieldLatitudine, func(l *Lead) **float64 { return &l.Latitudine }),
	coordinate(FieldLongitudine, func(l *Lead) **float64 { return &l.Longitudine }),
	text(FieldDataScadenza, func(l *Lead) *string { return &l.DataScadenza }),
	text(FieldDataPresentazione, func(l *Lead) *string { return &l.DataPresentazione }),
}

// Fields returns the canonical names of the predefined fields, in the
// document's order.
func Fields() []string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = f.name
	}
	return out
}

// Values returns the lead as the flat map it is sent as: the non-empty
// predefined fields by canonical name, the campaign code under
// campaignKey, and the custom fields.
func (l *Lead) Values(campaignKey string) map[string]string {
	out := make(map[string]string, len(fields)+len(l.Custom)+1)
	for _, f := range fields {
		if v := f.get(l); v != "" {
			out[f.name] = v
		}
	}
	for k, v := range l.Custom {
		out[k] = v
	}
	if l.Campaign != "" {
		out[campaignKey] = l.Campaign
	}
	return out
}

var customKey = regexp.MustCompile(`^[a-z0-9_]+$`)

// Validate reports every problem at once in a *ValidationError: custom
// keys in lower case [a-z0-9_] only and not a predefined field's name, a
// campaign code without spaces, at least one phone or an e-mail, phones and
// e-mail well formed, coordinates in range, and text that is
// valid UTF-8 without control characters (line breaks only in custom
// values). The campaign key is [DefaultCampaignKey]; [Client.Import]
// checks with the client's.
func (l *Lead) Validate() error { return l.validate(DefaultCampaignKey) }

func (l *Lead) validate(campaignKey string) error {
	var p validate.List
	if p.Required("campaign", l.Campaign) && p.Text("campaign", l.Campaign, false) {
		p.Check(strings.IndexFunc(l.Campaign, unicode.IsSpace) >= 0, "campaign", "must not hold spaces: join words with _")
	}
	text := map[string]bool{} // the predefined fields whose text is fine
	for _, f := range fields {
		text[f.name] = f.coordinate || p.Text(f.name, f.get(l), false)
	}
	phones := []struct{ name, v string }{
		{FieldTelefonoFisso, l.TelefonoFisso}, {FieldTelefonoMobile, l.TelefonoMobile},
		{FieldAltroTelefono, l.AltroTelefono}, {FieldTelefono, l.Telefono},
	}
	contact := l.Email != ""
	for _, ph := range phones {
		contact = contact || ph.v != ""
		if text[ph.name] && ph.v != "" {
			if err := phone.Check(ph.v, phone.RegionOf(l.Nazione, PhoneRegion)); err != nil {
				p.Add(ph.name, err.Error())
			}
		}
	}
	p.Check(!contact, FieldEmail, "a phone or an e-mail is required")
	p.Check(text[FieldEmail] && l.Email != "" && !validate.Email(l.Email), FieldEmail, "is not an e-mail address")
	p.Check(l.Latitudine != nil && !(math.Abs(*l.Latitudine) <= 90), FieldLatitudine, "must be between -90 and 90")
	p.Check(l.Longitudine != nil && !(math.Abs(*l.Longitudine) <= 180), FieldLongitudine, "must be between -180 and 180")
	keys := make([]string, 0, len(l.Custom))
	for k := range l.Custom {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		_, predefined := CanonicalField(k)
		switch {
		case !customKey.MatchString(k):
			p.Add("custom."+k, "a custom key holds only lower-case letters, digits and _")
		case predefined:
			p.Add("custom."+k, "is a predefined field's name: set the Lead's field instead")
		case k == campaignKey:
			p.Add("custom."+k, "is the campaign key: set Lead.Campaign instead")
		default:
			p.Text("custom."+k, l.Custom[k], true)
		}
	}
	return validationError("import", p)
}

// PhoneRegion is the region a lead's phones are read in when its Nazione is
// not an ISO 3166-1 alpha-2 code: Spain, the country of EasyCall's
// document ("612 345 678" is a Spanish mobile). A lead whose Nazione is
// "IT" or "FR" has its phones read in Italy or France.
const PhoneRegion = "ES"
