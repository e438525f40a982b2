package mapping

import (
	"fmt"
	"strings"

	"github.com/passerelle-go/passerelle/batiweb"
	"github.com/passerelle-go/passerelle/divalto"
	"github.com/passerelle-go/passerelle/factory"
	"github.com/passerelle-go/passerelle/internal/enum"
)

// Exactness: a translation into a service's vocabulary returns the value
// and exact. exact is true when the value means the same thing as the
// pivot value; it is false when the value is an approximation (a non-zero
// value: Miss sent to Batiweb as Madame) or when the service has no
// equivalent (the zero value: Maître sent to Batiweb). Converters report
// every translation that was not exact.

// fold is the key free text is compared by: lower case, accents removed,
// runs of spaces made one.
func fold(s string) string { return enum.Fold(s) }

// labelKey is fold with dots made spaces, so that "M." and "M", "Sig.ra"
// and "Sig ra" are one key.
func labelKey(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(fold(s), ".", " ")), " ")
}

// vocabulary is a pivot vocabulary: an internal/enum table (the one every
// service package's enum types use) read with labelKey, so that "M." and
// "M", "Sig.ra" and "Sig ra" are one spelling.
type vocabulary[T ~int] struct{ *enum.Table[T] }

func newVocabulary[T ~int](name string, rows []enum.Row[T]) vocabulary[T] {
	for i := range rows {
		for _, a := range append([]string{rows[i].Label}, rows[i].Aliases...) {
			if k := labelKey(a); k != enum.Fold(a) {
				rows[i].Aliases = append(rows[i].Aliases, k)
			}
		}
	}
	return vocabulary[T]{enum.New(name, rows...)}
}

// parse reads a label or alias (never a bare code: "1" is not Mister).
func (t vocabulary[T]) parse(s string) (T, error) {
	if k := labelKey(s); k != "" && !allDigits(k) {
		if v, err := t.Parse(k); err == nil {
			return v, nil
		}
	}
	return 0, fmt.Errorf("unknown %s %q", t.Name(), s)
}

// marshal writes the label; the zero value is "".
func (t vocabulary[T]) marshal(v T) ([]byte, error) {
	if v == 0 {
		return []byte{}, nil
	}
	if !t.Valid(v) {
		return nil, fmt.Errorf("mapping: %s(%d) is not a %s", t.Name(), int(v), t.Name())
	}
	return []byte(t.Label(v)), nil
}

// unmarshal reads any spelling; blank text is the zero value.
func (t vocabulary[T]) unmarshal(v *T, b []byte) error {
	if strings.TrimSpace(string(b)) == "" {
		*v = 0
		return nil
	}
	p, err := t.parse(string(b))
	if err != nil {
		return err
	}
	*v = p
	return nil
}

// Civility is a person's title in the pivot model.
type Civility int

// The pivot civilities. The zero value means none was given.
const (
	CivilityUnknown Civility = iota // no civility
	Mister                          // Monsieur: Mr
	Madam                           // Madame: Mrs, Ms
	Miss                            // Mademoiselle: Miss
	Maitre                          // Maître: the title of lawyers and notaries
)

// civilities is the civility table: one row per pivot civility, with its
// value in each service and the spellings ParseCivility accepts (French,
// English, Spanish and Italian, as EasyCall's leads are Spanish or
// Italian). Dots, case and accents are ignored when parsing.
var civilities = []struct {
	civility     Civility
	label        string // French label, as La Factory spells it
	abbreviation string // French abbreviation
	factory      factory.Salutation
	batiweb      batiweb.Civility // 0: no equivalent
	batiwebExact bool
	aliases      []string
}{
	{Mister, "Monsieur", "M.", factory.Monsieur, batiweb.Monsieur, true,
		[]string{"M", "Mr", "Mister", "Sir", "Señor", "Sr", "Signor", "Signore", "Sig", "Sgr"}},
	{Madam, "Madame", "Mme", factory.Madame, batiweb.Madame, true,
		[]string{"Mrs", "Ms", "Madam", "Señora", "Sra", "Signora", "Sig.ra", "Sigra"}},
	// Batiweb has no Mademoiselle: Madame is the nearest.
	{Miss, "Mademoiselle", "Mlle", factory.Mademoiselle, batiweb.Madame, false,
		[]string{"Melle", "Miss", "Señorita", "Srta", "Signorina", "Sig.na", "Signa"}},
	// Batiweb has no Maître, and no civility says the person's sex.
	{Maitre, "Maître", "Me", factory.Maitre, 0, false,
		[]string{"Maitre", "Avvocato", "Avv"}},
}

var civilityNames = newVocabulary("Civility", func() (rows []enum.Row[Civility]) {
	for _, r := range civilities {
		rows = append(rows, enum.Row[Civility]{Code: r.civility, Label: r.label, Aliases: append([]string{r.abbreviation}, r.aliases...)})
	}
	return rows
}())

// civilityRow returns the index of c's row in civilities, or -1.
func civilityRow(c Civility) int {
	for i, r := range civilities {
		if r.civility == c {
			return i
		}
	}
	return -1
}

// String is the French label ("Monsieur"), or "Civility(n)" for a value
// outside the table.
func (c Civility) String() string { return civilityNames.String(c) }

// Abbreviation is the French abbreviation: "M.", "Mme", "Mlle" or "Me";
// "" for a value outside the table.
func (c Civility) Abbreviation() string {
	if i := civilityRow(c); i >= 0 {
		return civilities[i].abbreviation
	}
	return ""
}

// Valid reports whether c is one of the pivot civilities (not
// CivilityUnknown).
func (c Civility) Valid() bool { return civilityNames.Valid(c) }

// CivilityValues returns the pivot civilities, CivilityUnknown excluded.
func CivilityValues() []Civility { return civilityNames.Values() }

// ParseCivility reads a civility written in full or abbreviated, in French,
// English, Spanish or Italian ("M.", "Mme", "Mlle", "Me", "Mr", "Mrs",
// "Ms", "Miss", "Sr.", "Sra.", "Srta.", "Sig.", "Sig.ra"), case, accents
// and dots ignored. "Ms" reads as Madam, its French equivalent.
func ParseCivility(s string) (Civility, error) { return civilityNames.parse(s) }

// MarshalText writes the French label; CivilityUnknown is empty.
func (c Civility) MarshalText() ([]byte, error) { return civilityNames.marshal(c) }

// UnmarshalText reads any spelling ParseCivility accepts; blank text is
// CivilityUnknown.
func (c *Civility) UnmarshalText(b []byte) error { return civilityNames.unmarshal(c, b) }

// Factory returns La Factory's salutation. Every pivot civility has one;
// ok is false for CivilityUnknown and values outside the table.
func (c Civility) Factory() (s factory.Salutation, ok bool) {
	if i := civilityRow(c); i >= 0 {
		return civilities[i].factory, true
	}
	return "", false
}

// CivilityFromFactory returns the civility of La Factory's salutation and
// how faithful the reading is: 0 for one of La Factory's spellings
// ("Monsieur"), Normalised for another spelling of one of them (what
// factory.ParseSalutation or ParseCivility reads: "M.", "mme"), NoValue
// (and CivilityUnknown) for an empty or unknown salutation.
func CivilityFromFactory(s factory.Salutation) (Civility, Loss) {
	if s == "" {
		return CivilityUnknown, NoValue
	}
	loss := Loss(0)
	if !s.Valid() {
		loss = Normalised
		if p, err := factory.ParseSalutation(string(s)); err == nil {
			s = p
		} else if c, err := ParseCivility(string(s)); err == nil {
			return c, Normalised
		} else {
			return CivilityUnknown, NoValue
		}
	}
	for _, r := range civilities {
		if r.factory == s {
			return r.civility, loss
		}
	}
	return CivilityUnknown, NoValue
}

// Batiweb returns Batiweb's civility. Miss becomes batiweb.Madame, an
// approximation (exact false); Maître has no equivalent and returns 0 and
// false, as CivilityUnknown does.
func (c Civility) Batiweb() (b batiweb.Civility, exact bool) {
	if i := civilityRow(c); i >= 0 {
		return civilities[i].batiweb, civilities[i].batiwebExact
	}
	return 0, false
}

// CivilityFromBatiweb returns the civility of Batiweb's code. ok is false
// for 0 and codes outside Batiweb's table.
func CivilityFromBatiweb(b batiweb.Civility) (c Civility, ok bool) {
	for _, r := range civilities {
		if r.batiwebExact && r.batiweb == b {
			return r.civility, true
		}
	}
	return CivilityUnknown, false
}

// DivaltoCivility maps the pivot civilities to the codes of Divalto
// weavy's CIVILITY generic type (table sw_data_generictype, data type
// CIVILITY). The codes are configured in each weavy company, and
// Divalto's "WebHook Prospect (V5.7)" shows a single one ("CIVILITY-SA", a company's legal form), so the
// mapping is data the caller supplies; DefaultDivaltoCivility is a guess
// to start from. Codes are bare ("MME"): qualify them with the data type
// ("CIVILITY-MME") when writing a reference.
type DivaltoCivility map[Civility]string

// DivaltoCivilityDataType is the data type of weavy's civility codes.
const DivaltoCivilityDataType = "CIVILITY"

// DefaultDivaltoCivility returns a new copy of the assumed weavy civility
// codes: "M" (Mister), "MME" (Madam), "MLLE" (Miss) and "ME" (Maître).
// They are an assumption, not read from any weavy company: check the
// company's CIVILITY generic types (the DEFINITION verb or weavy's admin)
// and replace or change the map to match them.
func DefaultDivaltoCivility() DivaltoCivility {
	return DivaltoCivility{Mister: "M", Madam: "MME", Miss: "MLLE", Maitre: "ME"}
}

// Code returns the weavy code of c; ok is false when the map has none
// (CivilityUnknown, or a civility the company did not set up).
func (m DivaltoCivility) Code(c Civility) (code string, ok bool) {
	code, ok = m[c]
	return code, ok && code != ""
}

// Civility returns the civility whose code is code, bare ("MME") or
// qualified ("CIVILITY-MME"), case ignored. ok is false for a code the map
// does not hold, such as a legal form ("SA") a company keeps in the same
// generic type.
func (m DivaltoCivility) Civility(code string) (c Civility, ok bool) {
	code = strings.TrimSpace(code)
	if dt, bare, found := strings.Cut(code, "-"); found && strings.EqualFold(dt, DivaltoCivilityDataType) {
		code = bare
	}
	if code == "" {
		return CivilityUnknown, false
	}
	for _, v := range CivilityValues() { // in table order: deterministic
		if got, set := m[v]; set && strings.EqualFold(got, code) {
			return v, true
		}
	}
	return CivilityUnknown, false
}

// OwnerStatus is how the person occupies the home, in the pivot model.
type OwnerStatus int

// The pivot occupancy statuses. The zero value means none was given.
const (
	OwnerStatusUnknown OwnerStatus = iota // no status
	Owner                                 // Propriétaire: owner-occupier
	Tenant                                // Locataire: tenant
	HousedFree                            // Logé à titre gratuit: housed free of charge
	LettingOwner                          // Propriétaire bailleur: owner who lets the home
	OtherOccupancy                        // Autre: any other status
)

// ownerStatuses is the occupancy table: one row per pivot status, with
// its value in each service ("" or 0: no equivalent) and whether that
// value is exact.
var ownerStatuses = []struct {
	status       OwnerStatus
	label        string
	factory      factory.SituationLogement
	factoryExact bool
	batiweb      batiweb.IsOwner
	batiwebExact bool
	aliases      []string
}{
	{Owner, "Propriétaire", factory.Proprietaire, true, batiweb.Owner, true,
		[]string{"Propriétaire occupant", "Owner", "Homeowner", "Owner-occupier", "Propietario", "Proprietario"}},
	{Tenant, "Locataire", factory.Locataire, true, batiweb.Tenant, true,
		[]string{"Tenant", "Renter", "Inquilino", "Arrendatario", "Affittuario"}},
	// Batiweb has no free housing: "Autre" is the nearest.
	{HousedFree, "Logé à titre gratuit", factory.LogeTitreGratuit, true, batiweb.OtherOccupancy, false,
		[]string{"Logé gratuitement", "Hébergé", "Hébergé à titre gratuit", "Housed free", "Housed free of charge"}},
	// La Factory has no letting owner: Propriétaire is the nearest.
	{LettingOwner, "Propriétaire bailleur", factory.Proprietaire, false, batiweb.LettingOwner, true,
		[]string{"Propriétaire louant son bien", "Bailleur", "Landlord", "Letting owner"}},
	// La Factory has no "other".
	{OtherOccupancy, "Autre", "", false, batiweb.OtherOccupancy, true,
		[]string{"Other", "Otro", "Altro"}},
}

var ownerStatusNames = newVocabulary("OwnerStatus", func() (rows []enum.Row[OwnerStatus]) {
	for _, r := range ownerStatuses {
		rows = append(rows, enum.Row[OwnerStatus]{Code: r.status, Label: r.label, Aliases: r.aliases})
	}
	return rows
}())

// ownerStatusRow returns the index of s's row in ownerStatuses, or -1.
func ownerStatusRow(s OwnerStatus) int {
	for i, r := range ownerStatuses {
		if r.status == s {
			return i
		}
	}
	return -1
}

// String is the French label ("Propriétaire"), or "OwnerStatus(n)" for a
// value outside the table.
func (s OwnerStatus) String() string { return ownerStatusNames.String(s) }

// Valid reports whether s is one of the pivot statuses (not
// OwnerStatusUnknown).
func (s OwnerStatus) Valid() bool { return ownerStatusNames.Valid(s) }

// OwnerStatusValues returns the pivot statuses, OwnerStatusUnknown
// excluded.
func OwnerStatusValues() []OwnerStatus {
	return ownerStatusNames.Values()
}

// ParseOwnerStatus reads a status by its French label or an English,
// Spanish or Italian word ("Locataire", "tenant", "propietario"), case
// and accents ignored.
func ParseOwnerStatus(s string) (OwnerStatus, error) { return ownerStatusNames.parse(s) }

// MarshalText writes the French label; OwnerStatusUnknown is empty.
func (s OwnerStatus) MarshalText() ([]byte, error) { return ownerStatusNames.marshal(s) }

// UnmarshalText reads any spelling ParseOwnerStatus accepts; blank text is
// OwnerStatusUnknown.
func (s *OwnerStatus) UnmarshalText(b []byte) error { return ownerStatusNames.unmarshal(s, b) }

// Factory returns La Factory's situation_logement. LettingOwner becomes
// factory.Proprietaire, an approximation (exact false); OtherOccupancy has
// no equivalent and returns "" and false, as OwnerStatusUnknown does.
func (s OwnerStatus) Factory() (v factory.SituationLogement, exact bool) {
	if i := ownerStatusRow(s); i >= 0 {
		return ownerStatuses[i].factory, ownerStatuses[i].factoryExact
	}
	return "", false
}

// OwnerStatusFromFactory returns the status of La Factory's
// situation_logement and how faithful the reading is: 0 for one of La
// Factory's spellings, Normalised for another spelling of one
// (factory.ParseSituationLogement), NoValue for an empty or unknown value.
func OwnerStatusFromFactory(v factory.SituationLogement) (OwnerStatus, Loss) {
	if v == "" {
		return OwnerStatusUnknown, NoValue
	}
	loss := Loss(0)
	if !v.Valid() {
		p, err := factory.ParseSituationLogement(string(v))
		if err != nil {
			return OwnerStatusUnknown, NoValue
		}
		v, loss = p, Normalised
	}
	for _, r := range ownerStatuses {
		if r.factoryExact && r.factory == v {
			return r.status, loss
		}
	}
	return OwnerStatusUnknown, NoValue
}

// Batiweb returns Batiweb's IsOwner. HousedFree becomes
// batiweb.OtherOccupancy, an approximation (exact false).
func (s OwnerStatus) Batiweb() (v batiweb.IsOwner, exact bool) {
	if i := ownerStatusRow(s); i >= 0 {
		return ownerStatuses[i].batiweb, ownerStatuses[i].batiwebExact
	}
	return 0, false
}

// OwnerStatusFromBatiweb returns the status of Batiweb's IsOwner code. ok
// is false for 0 and codes outside Batiweb's table.
func OwnerStatusFromBatiweb(v batiweb.IsOwner) (s OwnerStatus, ok bool) {
	for _, r := range ownerStatuses {
		if r.batiwebExact && r.batiweb == v {
			return r.status, true
		}
	}
	return OwnerStatusUnknown, false
}

// HousingType is the kind of dwelling, in the pivot model.
type HousingType int

// The pivot housing types, Batiweb's table. The zero value means none was
// given.
const (
	HousingTypeUnknown HousingType = iota // no housing type
	House                                 // Maison: house
	Apartment                             // Appartement: flat
	BusinessPremises                      // Locaux professionnels: business premises
	OtherHousing                          // Autre: other
)

// housingTypes is the housing table: one row per pivot type, with its
// Batiweb code, the spellings ParseHousingType accepts, and the words
// that mark the type inside free text (HousingTypeFromFactory).
var housingTypes = []struct {
	housing  HousingType
	label    string
	batiweb  batiweb.HousingType
	aliases  []string
	keywords []string // folded single words
}{
	{House, "Maison", batiweb.House,
		[]string{"Maison individuelle", "Pavillon", "Villa", "House", "Casa", "Chalet"},
		[]string{"maison", "maisons", "pavillon", "villa", "house", "chalet", "longere", "fermette", "bastide", "casa", "villetta"}},
	{Apartment, "Appartement", batiweb.Apartment,
		[]string{"Appart", "Studio", "Duplex", "Flat", "Apartment", "Apartamento", "Appartamento", "Piso"},
		[]string{"appartement", "appartements", "appart", "studio", "duplex", "triplex", "loft", "flat", "apartment", "apartamento", "appartamento", "piso"}},
	{BusinessPremises, "Locaux professionnels", batiweb.BusinessPremises,
		[]string{"Local professionnel", "Local commercial", "Bureaux", "Commerce", "Business premises", "Office", "Local comercial", "Oficina", "Ufficio"},
		[]string{"locaux", "local", "bureau", "bureaux", "commerce", "commercial", "boutique", "entrepot", "office", "oficina", "ufficio", "negozio"}},
	{OtherHousing, "Autre", batiweb.OtherHousing,
		[]string{"Other", "Otro", "Altro"},
		nil},
}

var housingTypeNames = newVocabulary("HousingType", func() (rows []enum.Row[HousingType]) {
	for _, r := range housingTypes {
		rows = append(rows, enum.Row[HousingType]{Code: r.housing, Label: r.label, Aliases: r.aliases})
	}
	return rows
}())

// housingKeywords maps a word of free text to the type it marks.
var housingKeywords = func() map[string]HousingType {
	m := map[string]HousingType{}
	for _, r := range housingTypes {
		for _, k := range r.keywords {
			if prev, dup := m[k]; dup && prev != r.housing {
				panic("mapping: housing keyword " + k + " names two types")
			}
			m[k] = r.housing
		}
	}
	return m
}()

// housingTypeRow returns the index of h's row in housingTypes, or -1.
func housingTypeRow(h HousingType) int {
	for i, r := range housingTypes {
		if r.housing == h {
			return i
		}
	}
	return -1
}

// String is the French label ("Maison"), or "HousingType(n)" for a value
// outside the table.
func (h HousingType) String() string { return housingTypeNames.String(h) }

// Valid reports whether h is one of the pivot types (not
// HousingTypeUnknown).
func (h HousingType) Valid() bool { return housingTypeNames.Valid(h) }

// HousingTypeValues returns the pivot types, HousingTypeUnknown excluded.
func HousingTypeValues() []HousingType {
	return housingTypeNames.Values()
}

// ParseHousingType reads a type by its French label or one of its
// spellings ("maison", "Appartement", "flat", "local commercial"), case
// and accents ignored. Free text such as "Appartement T3" is
// HousingTypeFromFactory's job.
func ParseHousingType(s string) (HousingType, error) { return housingTypeNames.parse(s) }

// MarshalText writes the French label; HousingTypeUnknown is empty.
func (h HousingType) MarshalText() ([]byte, error) { return housingTypeNames.marshal(h) }

// UnmarshalText reads any spelling ParseHousingType accepts; blank text is
// HousingTypeUnknown.
func (h *HousingType) UnmarshalText(b []byte) error { return housingTypeNames.unmarshal(h, b) }

// Batiweb returns Batiweb's HousingType: the pivot types are Batiweb's
// table, so every one is exact. ok is false for HousingTypeUnknown.
func (h HousingType) Batiweb() (v batiweb.HousingType, ok bool) {
	if i := housingTypeRow(h); i >= 0 {
		return housingTypes[i].batiweb, true
	}
	return 0, false
}

// HousingTypeFromBatiweb returns the type of Batiweb's code. ok is false
// for 0 and codes outside Batiweb's table.
func HousingTypeFromBatiweb(v batiweb.HousingType) (h HousingType, ok bool) {
	for _, r := range housingTypes {
		if r.batiweb == v {
			return r.housing, true
		}
	}
	return HousingTypeUnknown, false
}

// Factory returns the text for La Factory's type_logement balise, which
// is free text ("Type de logement recherché"): the French label.
func (h HousingType) Factory() string {
	if h.Valid() {
		return h.String()
	}
	return ""
}

// HousingTypeFromFactory reads La Factory's type_logement, free text in
// French, and says how faithful the reading is:
//
//   - 0: the text is the pivot's label ("Maison", "Appartement");
//   - Normalised: the label in another case, accents or spacing
//     ("appartement");
//   - Approximated: another word for a kind of the type ("Villa",
//     "Pavillon", "Studio", "Appartement T3", a typology alone such as
//     "T3"), whose meaning is narrower than the type's;
//   - NoValue: no type, or words naming two ("maison ou appartement").
func HousingTypeFromFactory(text string) (HousingType, Loss) {
	if strings.TrimSpace(text) == "" {
		return HousingTypeUnknown, NoValue
	}
	for _, r := range housingTypes { // the labels as written, without folding
		if text == r.label {
			return r.housing, 0
		}
	}
	if v, err := ParseHousingType(text); err == nil {
		if labelKey(text) == labelKey(v.String()) {
			return v, Normalised
		}
		return v, Approximated
	}
	found := HousingTypeUnknown
	typology := false
	for _, w := range strings.FieldsFunc(fold(text), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		if v, ok := housingKeywords[w]; ok {
			if found != HousingTypeUnknown && found != v {
				return HousingTypeUnknown, NoValue
			}
			found = v
		}
		if len(w) == 2 && (w[0] == 't' || w[0] == 'f') && w[1] >= '1' && w[1] <= '9' {
			typology = true
		}
	}
	if found == HousingTypeUnknown && typology {
		found = Apartment
	}
	if found == HousingTypeUnknown {
		return found, NoValue
	}
	return found, Approximated
}

// yesNo is the generic yes/no vocabulary, by folded spelling: French,
// English, Spanish and Italian words, their initials, digits and
// booleans. Services with a yes/no of their own are read with their own
// type: La Factory's factory.OuiNon (AnswerFromFactory), weavy's
// divalto.YesNo, where 1 means Non (AnswerFromDivalto).
var yesNo = map[string]bool{
	"oui": true, "o": true, "yes": true, "y": true, "si": true, "1": true, "true": true, "vrai": true,
	"non": false, "n": false, "no": false, "0": false, "false": false, "faux": false,
}

// ParseYesNo reads a free-text yes/no answer: oui/non, o/n, yes/no, y/n,
// sí/si/no, 1/0, true/false, vrai/faux, case, accents and spacing
// ignored. ok is false for anything else, blank text included. It is not
// for weavy's DIVINF yes/no, where "1" means Non: read those with
// AnswerFromDivalto.
func ParseYesNo(s string) (value, ok bool) {
	value, ok = yesNo[fold(s)]
	return value, ok
}

// FactoryOuiNon returns La Factory's flag for an answer: factory.Oui or
// factory.Non, or "" (not answered) when ok is false. It takes
// ParseYesNo's results directly: FactoryOuiNon(ParseYesNo("sí")).
func FactoryOuiNon(value, ok bool) factory.OuiNon {
	if !ok {
		return ""
	}
	return factory.OuiNonOf(value)
}

// AnswerFromFactory reads La Factory's oui/non (rgpdin, rgpdout) with
// factory.ParseOuiNon, and says how faithful the reading is: 0 for "oui"
// or "non" as La Factory's tables write them, Normalised for another
// spelling of them ("Oui", "OUI", "Non", "1", "true": La Factory's own
// update table spells it "Oui/non"), NoValue (and Unanswered) for an
// empty or unknown value. An unknown value is never read as No.
func AnswerFromFactory(v factory.OuiNon) (Answer, Loss) {
	if v == "" {
		return Unanswered, NoValue
	}
	loss := Loss(0)
	if !v.Valid() {
		p, err := factory.ParseOuiNon(string(v))
		if err != nil {
			return Unanswered, NoValue
		}
		v, loss = p, Normalised
	}
	b, _ := v.Bool()
	return AnswerOf(b), loss
}

// Factory returns La Factory's oui/non for a; ok is false for Unanswered
// and values outside Yes and No, which have no flag (never "non").
func (a Answer) Factory() (v factory.OuiNon, ok bool) {
	switch a {
	case Yes:
		return factory.Oui, true
	case No:
		return factory.Non, true
	}
	return "", false
}

// AnswerFromDivalto reads weavy's DIVINF yes/no (divinf_rftctrcod): 2 is
// Oui, 1 is Non; ok is false for 0 and codes outside its table. It is not
// a 0/1 flag: see DivaltoFlag for those.
func AnswerFromDivalto(v divalto.YesNo) (a Answer, ok bool) {
	switch v {
	case divalto.Yes:
		return Yes, true
	case divalto.No:
		return No, true
	}
	return Unanswered, false
}

// DivaltoFlag returns weavy's boolean text: "1" for true, "0" for false
// (blocked, isIndividual, ...). ParseYesNo reads it back. It is not
// weavy's DIVINF yes/no (divalto.YesNo), where 1 is Non.
func DivaltoFlag(value bool) string {
	if value {
		return "1"
	}
	return "0"
}
