// Package sowell connects SoWell, a building-management app for social
// landlords, with a landlord's CRM, in both directions.
//
// SoWell pushes a signalement — an issue reported in a residence, with
// photos — to the CRM (Report). The CRM answers its own id, then processes
// the request (ToCRMRequest): status "Transférée", channel "SoWell", the
// manager and the actor in charge computed from the residence and the
// qualification (a Resolver the caller supplies), the author kept as
// read-only text, date, priority and description gathered in the
// "Contexte de la demande", and the photos attached as files. When the
// request's status changes in the CRM and its channel is SoWell, the new
// status goes back to SoWell, translated by a StatusMap the caller
// supplies (the seed's status table is a placeholder).
//
// Which signalements SoWell sends is an open question of the seed;
// SendPolicy states each possible answer.
//
// # The CRM's endpoint
//
// NewHandler receives SoWell's pushes: one JSON object with the fields
// qualification, residence, spot, author, author_email, created_at (ISO
// 8601), priority, description, photos (an array of base64 strings) and
// url. Photos reach the Sink as streams while the request is read, inside
// a transaction that is committed only when the whole report is valid.
//
// # SoWell's side and the way back
//
// CRMClient.Push is SoWell's push in that wire form, photos streamed from
// their io.Readers; once they have started to stream it is never resent.
// Client.UpdateStatus sets a report's status in SoWell (PUT
// DefaultStatusPath; SoWell's API is not public, so the path is an
// option), and Notifier sends a CRM status change only for requests whose
// channel is SoWell, through the caller's StatusMap.
//
// Package sowelltest fakes both ends.
package sowell
