// Package batiweb is a client for the Batiweb / e-travaux (HelloArtisan)
// lead web service, which buys renovation leads from partners: a lead
// supplier asks whether a lead is wanted ([Client.IsSellable]), sends it
// ([Client.Import]), and follows how Batiweb's call center qualified it
// ([Client.Status]). It follows Batiweb's document "Web Service 2023"
// (its technical documentation of the B2C lead import), whose sections
// "Connectivité VENDABLE", "Connectivité IMPORT", "Connectivité STATUS",
// "Code réponse" and "Tableaux de mapping" the doc comments name.
//
// # Authentication and environments
//
// There is no header auth: every request carries a "security" block with
// the login, the password and the environment, PREP or PROD. All
// development happens in Prep; Batiweb opens Prod after accepting the
// integration, and until then every Prod call answers code 1, "Access to
// production is not granted" ([ErrUnauthorized]). The password travels in
// the JSON body, so this package masks it in every error, result, log line
// and fmt output, and never follows a redirect ([ErrRedirect]).
//
// # Codes, not HTTP statuses
//
// The service answers HTTP 200 on failure too: only the "code" field
// decides, and the document asks integrators to test the code, never the
// message. Code 0 is success; every other code is an *[Error] matched with
// errors.Is against [ErrUnauthorized] (1), [ErrMissingArgument] (2),
// [ErrInvalidValue] (3), [ErrNotSellable] (4), [ErrDuplicateLead] (5),
// [ErrLeaseholderRefused] (6) and [ErrInternal] (9); [ErrRejected] matches
// 2 to 6. IsSellable is the one exception: its code 4 is an answer
// (Sellable false), not an error. An answer that cannot be read or does
// not prove success wraps [ErrMalformedResponse].
//
// # The rules that bite
//
//   - The postal code is 5 digits (spaces around it are trimmed), and a
//     lead needs a cellphone or a landline; [Lead.Validate] checks these and
//     every other rule before anything is sent, and lists all the problems
//     at once. Text must be valid UTF-8 without control characters; only
//     Comment may hold line breaks.
//   - Codes come from the document's mapping tables, one Go type each
//     (IsOwner, Civility, HousingType, ReminderTime, Delay, Area,
//     YearBuilt, Funding, Budget, LeadStatus, WorkType with its 121
//     trades). They travel as strings ("worktype": "69"), and decoding
//     accepts strings or numbers. A Lead decoded from a caller's JSON
//     accepts numbers for its text fields too ({"zipcode":78180}).
//   - Civility is sent as its code (1 Monsieur, 2 Madame), as the mapping
//     table says, although the document's PHP example sends "M.".
//   - Batiweb de-duplicates by e-mail: a second lead for the same requester
//     is refused with code 5. IsSellable with an e-mail tells in advance.
//   - Import creates a lead, so it is not retried once the request may
//     have reached the server; IsSellable and Status are retried on network
//     errors and on 429, 502, 503 and 504.
//
// Package batiwebtest is an in-memory fake of the service for tests and
// examples.
package batiweb
