// Package easycall imports leads into EasyCall Cloud, a call-center
// platform, over its REST lead-import API, as EasyCall's "Configuración de
// la recepción de clientes potenciales a través de API REST" describes it.
//
// # Setup and authentication
//
// Each EasyCall domain has its own host, https://<domain>.web3.easycallcloud.com:
// [New] takes the domain ([TestDomain] for EasyCall's test host) and a
// user's token. A user with an advanced credential of type TOKEN
// authenticates with "Authorization: Bearer <token>". In EasyCall's BASE DE
// DATOS → Import API, the user's token and an external campaign code are
// bound to the campaign that receives the leads: [Lead].Campaign carries
// that code, in one word (words joined with "_", never a space), under
// [DefaultCampaignKey] or the key [WithCampaignKey] names. Leads are posted
// to [DefaultPath]; the document's curl example uses [DocumentPath], which
// [WithPath] selects.
//
// # Fields
//
// A lead is one flat JSON object. EasyCall accepts its predefined fields
// by their canonical (Italian) names or by Spanish aliases; Lead has one
// field per canonical name, documented in English, and [CanonicalField]
// resolves every alias of the document's table ([Aliases]:
// "telefono_movil" → "telefono_mobile", "nombre y apellido" →
// "nome_completo"). Custom fields go in Lead.Custom under the key created
// in EasyCall's question list: lower case, digits and "_" only, matching
// EasyCall's key exactly, or the value is lost. [Lead.Validate] checks all
// of that, plus a phone or an e-mail, phones read in the lead's country
// (nazione) or else in Spain ([PhoneRegion]), coordinates and text (valid
// UTF-8, no control characters, line breaks only in custom values), before
// anything is sent; dates go as written, since the document gives them no
// format. [ParseLead] and [Lead.MarshalText] read and
// write the text form of leads sent by e-mail ("campo: valor" or
// "campo=valor"); [Client.ParseLead] and [Client.MarshalLead] do so with
// the client's campaign key.
//
// # Sending
//
// [Client.Import] posts one lead: any 2xx is success unless its JSON
// states a failure ([ErrMalformedResponse]), 401 [ErrUnauthorized], 400
// [ErrRejected] with EasyCall's message; a redirect is never followed
// ([ErrRedirect]). A lead is never resent once the request may have
// reached EasyCall. [Client.ImportAll] sends many with bounded concurrency
// and gives each an [Outcome]: [Done], [Refused], [NotSent] (safe to send
// again) or [Uncertain] (may have arrived; a resend may import it twice).
//
// Package easycalltest is an in-memory EasyCall for tests and examples.
package easycall
