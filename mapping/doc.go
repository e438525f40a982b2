// Package mapping translates between the field vocabularies of the
// passerelle services through one pivot model: a lead read from one
// service (a La Factory project, an EasyCall lead, a weavy prospect)
// becomes the pivot, and the pivot becomes what another service wants (a
// Batiweb lead too). Each service spells the same facts its own way; this package
// holds the translations, one table per vocabulary.
//
// # The pivot
//
// Lead is one person and their project: civility, names, contact
// details, address, the need, its marketing origin, consent and the ids
// the services gave it. Each service has two converters, so N services
// need 2N, not N²:
//
//	FromFactory(*factory.Project)  (*Lead).ToFactory()
//	FromEasyCall(*easycall.Lead)   (*Lead).ToEasyCall()
//	FromDivalto(*divalto.Prospect) (*Lead).ToDivalto()
//	                               (*Lead).ToBatiweb(workType)
//
// Batiweb only receives leads, so it has no converter from it; its work
// type is the caller's choice, since nothing in a lead says which trade a
// need is.
//
// Every converter returns a Report: each field it dropped (NoField: the
// target has no place for it; NoValue: no equivalent value, such as a
// phone field that holds no phone number), approximated (Approximated:
// Mademoiselle written as Batiweb's Madame) or carried in another form
// (Normalised: "06 12 34 56 78" written "+33612345678"), by the source's
// field name. Options.Strict turns any loss, everything but Normalised,
// into a *LossError that holds the Report. The tests walk every field of
// factory.Project, easycall.Lead, divalto.Prospect and Lead: alone in a
// value, each comes back from the round trip or is in the report.
//
//	lead, report, err := mapping.FromFactory(project, mapping.Options{})
//	b, report2, err := lead.ToBatiweb(batiweb.WorkTypePeinture, mapping.Options{})
//	for _, e := range report2.Lost() { log.Print(e) } // "Campaign: no equivalent field"
//
// # Vocabularies
//
//   - Civility (Monsieur, Madame, Mademoiselle, Maître): La Factory's
//     salutation, Batiweb's CIVILITY code, weavy's CIVILITY generic types
//     (DivaltoCivility, data the caller supplies) and free text in French,
//     English, Spanish or Italian (ParseCivility).
//   - OwnerStatus (owner, tenant, housed free, letting owner, other): La
//     Factory's situation_logement and Batiweb's IsOwner.
//   - HousingType (house, flat, business premises, other): Batiweb's
//     HousingType and La Factory's free-text type_logement.
//   - Yes/no flags in any of the services' spellings (ParseYesNo), to La
//     Factory's oui/non and weavy's "0"/"1".
//   - Phone numbers (ParsePhone): French numbers in every usual spelling,
//     overseas departments included, and foreign numbers in E.164.
//   - Postal codes to departments (Department), Corsica and overseas
//     included.
//   - Dates (ParseTime, FormatFactory, FormatISO, FormatDivalto): La
//     Factory's aaaammjjhhmmss, RFC 3339 and ISO 8601, weavy's
//     "2006-01-02 15:04:05", all zoneless times in Europe/Paris.
//   - Names (SplitFullName, JoinName): a full name split into first and
//     last name by the French and Spanish conventions.
//
// # Exactness
//
// The vocabularies do not match one to one: Batiweb has no Mademoiselle,
// La Factory no letting owner. A translation that can only approximate
// returns, next to the value, whether it was exact; the zero value with
// exact false means the target has no equivalent at all. A converter that
// loses or bends a value says so, and nothing is dropped in silence.
//
// The translation functions are pure and safe for concurrent use: their
// tables are built once and never change.
package mapping
