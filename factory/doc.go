// Package factory is a client for La Factory's call-center web services
// (Edouard Denis), as La Factory's "Web Services CALL CENTER projet"
// (v1.11) describes them: a call center takes new projects (leads) out of
// La Factory, qualifies them by phone, writes them back, logs calls and
// appointments, and closes them.
//
// # Access
//
// Every call is a POST with a JSON body and the api key in a header
// ("apikey" by default, [WithAPIKeyHeader] to change it). [New] takes the
// key and the [Environment]: [Acceptance] (where [DemoAPIKey] works) or
// [Production]; [WithBaseURL] points it elsewhere (a proxy, a
// factorytest server). The project methods' paths are known; the
// referentials' are assumed (/api/Referential/<Method>), and [WithPath]
// changes any of them. Redirects are never followed, so the key never
// reaches another host.
//
// # The calls
//
//   - [Client.NextProject] (GetProject4CallCenter, section 3.1) hands out
//     the next project from an import flow that is not a partner's
//     denunciation and has no call-center id yet; [ErrNoProject] when none
//     waits. La Factory hands a project out once, so nothing it sends is
//     dropped: a project that cannot be decoded comes back whole in
//     [Error].Raw, and an answer holding several projects is returned one
//     per call.
//   - [Client.Acknowledge] and [Client.Conclude] (AcquitProject4CallCenter,
//     section 3.2) record your id, and close with your conclusion code,
//     which La Factory maps through its "code conclusion" entity.
//   - [Client.CreateProject] and [Client.UpdateProject]
//     (CreateOrUpdateProject4CallCenter, section 3.3). An update whose id
//     La Factory does not know creates a project: UpdateProject says so
//     with [ErrProjectCreated].
//   - [Client.LogCall] and [Client.ScheduleAppointment] (SetActivity,
//     section 3.4).
//   - [Client.Programs], [Client.Channels], [Client.Campaigns],
//     [Client.Origins], [Client.Supports], [Client.Sources] (section 3.5):
//     the referentials that give the codes the marketing balises hold and
//     the sellers whose e-mail the "commercial" balise must hold
//     ([Client.CheckSalesRep]).
//
// Each method's documentation says whether a second send is harmless
// (idempotent, retried on transport errors and 429, 502, 503, 504) or not
// (retried only when nothing reached La Factory, or on 429 and 503).
//
// # Nothing La Factory sent is lost
//
// An update replaces the whole project: a balise La Factory sent that the
// call center does not send back is blanked. So there is no partial
// update: take the project NextProject returned, change it, and send it
// whole with UpdateProject. A [Project] decoded from La Factory remembers
// what it held: a number or a boolean where the document says text is
// read as its text and sent back as the same JSON value; balises the
// package does not model are kept in [Project].Extra and sent back; a
// known balise in another letter case is read into its field; a value La
// Factory sent is never refused by [Project.Validate] when sent back
// unchanged; and UpdateProject refuses to blank a balise La Factory sent
// unless [Project.Clear] names it. date_acquisition, set at creation, is
// never sent on update.
//
// What the caller introduces is checked before anything is sent: text is
// valid UTF-8 without control characters (line breaks only in the
// comments), e-mails, phones, INSEE and lot codes, dates and the listed
// values are well formed.
//
// # Values
//
// Every list of allowed values is a string type whose constants are the
// wire values ([Salutation], [ProjetImmo], [SituationLogement],
// [ObjectifAchat], [OuiNon], [ClotureCall], [MotifCloture] with the
// motifs each closure allows, [RdvType], [RdvNature], [Direction]). Dates
// are [DateTime] (aaaammjjhhmmss) and [Date] (aaaammjj) in Europe/Paris;
// a lot code is [LotCode] (xxxxx_yyyy).
//
// # Errors
//
// Errors are *[Error]: La Factory's erCode/erMessage ([ErrRejected]),
// HTTP 401/403 ([ErrUnauthorized]) or 404 ([ErrNotFound]), a redirect
// ([ErrRedirect]), an answer over the size limit ([ErrResponseTooLarge]),
// or an answer that does not prove success ([ErrMalformedResponse]).
// Problems found before sending are a *[ValidationError] naming every
// field. Package factorytest is an in-memory La Factory for tests and
// examples.
package factory
