// Package easycall imports leads into EasyCall Cloud, a call-center
// platform, over its REST lead-import API.
//
// # Setup and authentication
//
// Each EasyCall domain has its own host (DomainURL("mydomain")). A user
// with an advanced credential of type TOKEN authenticates with
// "Authorization: Bearer <token>". In EasyCall's BASE DE DATOS → Import API,
// the user's token and an external campaign code are bound to the
// campaign that receives the leads: Lead.Campaign carries that code, in
// one word (words joined with "_", never a space).
//
// # Fields
//
// A lead is one flat JSON object. EasyCall accepts its predefined fields
// by their canonical (Italian) names or by Spanish aliases; Lead has one
// field per canonical name, and CanonicalField resolves every alias of
// the seed ("telefono_movil" → "telefono_mobile", "nombre y apellido" →
// "nome_completo"). Custom fields go in Lead.Custom under the key created
// in EasyCall's question list: lower case, digits and "_" only, matching
// EasyCall's key exactly, or the value is lost. Lead.Validate checks all
// of that, plus a phone or an e-mail, coordinates and dates, before
// anything is sent. ParseLead and Lead.MarshalText read and write the
// text form of leads sent by e-mail ("campo: valor" or "campo=valor").
//
// # Sending
//
// Import posts one lead: any 2xx is success, 401 ErrUnauthorized, 400
// ErrRejected with EasyCall's message. A lead is never resent once the
// request may have reached EasyCall. ImportAll sends many with bounded
// concurrency and says, for each, whether it was sent, rejected, not sent
// (safe to retry) or unknown (may have arrived).
//
// Package easycalltest is an in-memory EasyCall for tests and examples.
package easycall
