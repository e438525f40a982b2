// Package sowell connects SoWell, a building-management app for social
// landlords, with a landlord's CRM, in both directions, as SoWell's CRM
// integration notes describe it (the "Notes" of the SoWell → CRM project
// template: scenario 1, a signalement created in SoWell; scenario 2, a
// status change in the CRM).
//
// SoWell pushes a signalement — an issue reported in a residence, with
// photos — to the CRM ([Report]). The CRM answers its own id (the "CRM
// UID"), then processes the request ([ToCRMRequest]): status
// "Transférée" (transferred), channel "SoWell", the manager and the actor
// in charge computed from the residence and the qualification (a
// [Resolver] the caller supplies), the author kept as read-only text,
// date, priority and description gathered in the "Contexte de la demande"
// (request context), and the photos attached as files. When the request's
// status changes in the CRM and its channel is SoWell, the new status goes
// back to SoWell, translated by a [StatusMap] the caller supplies (the
// notes' status table, "tsnei | tsrtrs", is a placeholder).
//
// Which signalements SoWell sends is an open question of the notes;
// [SendPolicy] states each possible answer.
//
// # The wire form
//
// A push is one JSON object with the fields qualification, residence,
// spot (optional), author, author_email, created_at (ISO 8601, see
// [ParseTime]), priority (low, normal or high; "medium" is read as
// normal), description, photos (an array of base64 strings, at most
// [MaxPhotos], without names: the CRM names them, see [Photo]) and url, the signalement's link in SoWell's manager
// interface ("Lien SoWell"). The link is unique per signalement: it is
// the report's identity for replays, and SoWell's id of the report is
// derived from it ([IDFromLink]). Any 2xx answer is a success.
//
// # The CRM's endpoint
//
// [NewHandler] receives SoWell's pushes. Photos reach the [Sink] as
// streams while the request is read, inside a transaction committed only
// when the whole report is valid; the handler's memory stays a few hundred
// kilobytes whatever the body holds, it sets its own read deadline, and it
// answers a replayed push with the first CRM UID.
//
// # SoWell's side and the way back
//
// [CRMClient.Push] is SoWell's push in that wire form, photos streamed
// from their io.Readers, checked with the handler's limits before
// anything is sent; it returns a [Receipt] with the CRM UID and SoWell's
// id. [Client.UpdateStatus] sets a report's status in SoWell (PUT
// [DefaultStatusPath]; SoWell's API is not public, so the path is an
// option), and [Notifier] sends a CRM status change only for requests
// whose channel is SoWell, through the caller's StatusMap.
//
// Neither end has a default host: [NewCRMClient] and [NewClient] take
// their endpoint URL and token as arguments. Errors are [*Error] (match
// them with errors.Is and [ErrUnauthorized], [ErrRejected],
// [ErrNotFound], [ErrMalformedResponse], [ErrResponseTooLarge],
// [ErrRedirect]) or, before anything is sent, [*ValidationError].
// Redirects are never followed, and no token ever appears in an error, a
// log line or a printed value.
//
// Package sowelltest fakes both ends.
package sowell
