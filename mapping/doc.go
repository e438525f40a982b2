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
// the meaning changed, Mademoiselle written as Batiweb's Madame, "Villa"
// read as a house) or carried in another spelling (Normalised: "M."
// written "Monsieur", "España" written "ES"), by the source's field
// name. Options.Strict turns any loss, everything but Normalised,
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
//   - Yes/no: La Factory's oui/non read with its own type
//     (AnswerFromFactory), weavy's DIVINF yes/no where 1 is Non
//     (AnswerFromDivalto), weavy's 0/1 flags (DivaltoFlag) and free text
//     (ParseYesNo).
//   - Phone numbers (ParsePhone, ParsePhoneIn): one rule set shared with
//     the service packages' validation, libphonenumber's metadata, read in
//     the lead's region (France by default, Spain for EasyCall's leads,
//     Options.Region to choose).
//   - Countries (Country): names in French, English, Spanish, Italian or
//     the country's language to ISO 3166-1 codes; two letters are a code
//     only when ISO 3166-1 assigns them ("UK" is read as GB).
//   - Postal codes to departments (Department), Corsica and overseas
//     included.
//   - Dates (ParseTime, FormatFactory, FormatISO, FormatDivalto): La
//     Factory's aaaammjjhhmmss, RFC 3339 and ISO 8601, weavy's
//     "2006-01-02 15:04:05", all zoneless times in Europe/Paris.
//   - Names (SplitFullName, JoinName): a full name split into first and
//     last name by the French and Spanish conventions; weavy's names are
//     read last name first, as ToDivalto writes them.
//
// # Exactness
//
// The vocabularies do not match one to one: Batiweb has no Mademoiselle,
// La Factory no letting owner. A reading from a service
// (CivilityFromFactory, HousingTypeFromFactory, AnswerFromFactory,
// Country, ParseRooms, BatiwebBudget...) returns, next to the value, a
// Loss: 0 when the text is the service's own spelling, Normalised for
// another spelling of the same meaning, Approximated when the meaning
// changed, NoValue when there is none. A translation into a service's
// vocabulary (Civility.Batiweb, OwnerStatus.Factory) returns whether it
// is exact; the zero value with exact false means the target has no
// equivalent at all. A converter that loses or bends a value says so,
// and nothing is dropped in silence: fuzz tests hold every converter and
// every round trip to that.
//
// The translation functions are pure and safe for concurrent use: their
// tables are built once and never change.
//
// # The vendors' documents
//
// The field names are those of La Factory's "Web Services CALL CENTER
// projet" (v1.11), Divalto's "WebHook Prospect (V5.7)", Batiweb's "Web
// Service 2023" and EasyCall's "Configuración de la recepción de clientes
// potenciales a través de API REST".
//
// # Adding a service
//
// A sixth service needs two functions, From<Service> and To<Service>,
// written with the same exported pieces the four converters use:
//
//   - start a Report{From: "myservice", To: "lead"};
//   - read phones with ReadPhone (in the lead's region), dates with
//     ReadTime, countries with Country, names with SplitFullName, and the
//     vocabularies with ParseCivility, ParseOwnerStatus, ParseHousingType,
//     ParseYesNo: each says whether the reading was exact;
//   - name what was not carried as it was with Report.Add (the loss and a
//     detail that never holds the value), a field the pivot has no place
//     for with Report.Dropped, and, writing to the service, every pivot
//     field you did not carry with Report.Uncarried (LeadFields lists
//     them), so that a field added to Lead one day is reported;
//   - end with Options.Check, which turns a loss into a *LossError in
//     strict mode.
//
// See Example_addingAService.
package mapping
