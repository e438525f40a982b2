// Package factory is a client for La Factory's call-center web services
// (Edouard Denis): a call center takes new projects (leads) out of La
// Factory, qualifies them by phone, writes them back, logs calls and
// appointments, and closes them.
//
// # Access
//
// Every call is a POST with a JSON body and the api key in a header
// ("apikey" by default, WithAPIKeyHeader to change it). The acceptance
// host is AcceptanceBaseURL with the demo key DemoAPIKey; production is
// ProductionBaseURL. The project methods' paths are known; the
// referentials' are assumed (/api/Referential/<Method>), and WithPath
// changes any of them.
//
// # The calls
//
//   - NextProject (GetProject4CallCenter) hands out the next project from
//     an import flow that is not a partner's denunciation and has no
//     call-center id yet; ErrNoProject when none waits. Its answer may be
//     JSON or JSON inside a JSON string, with the project at
//     Operation.Set.Data; both are read.
//   - Acknowledge and Conclude (AcquitProject4CallCenter) record your id,
//     and close with your conclusion code, which La Factory maps through its
//     "code conclusion" entity (flux5 code and label).
//   - CreateProject and UpdateProject (CreateOrUpdateProject4CallCenter).
//   - LogCall and ScheduleAppointment (SetActivity).
//   - Programs, Channels, Campaigns, Origins, Supports, Sources: the
//     referentials that give the codes the marketing balises hold and the
//     sellers whose e-mail the "commercial" balise must hold.
//
// # The rule that loses data
//
// An update replaces the whole project: a field La Factory sent that the
// call center does not send back is blanked. So there is no partial
// update. Take the project NextProject returned, change it, and send it
// whole with UpdateProject, which sends every field. A Project decoded
// from La Factory remembers which fields it held, and UpdateProject
// refuses to blank one of them unless Project.Clear names it.
// date_acquisition, set at creation, is never sent on update.
//
// # Values
//
// Every list of allowed values is a string type whose constants are the
// wire values (Salutation, ProjetImmo, SituationLogement, ObjectifAchat,
// OuiNon, ClotureCall, MotifCloture with the motifs each closure allows,
// RdvType, RdvNature, Direction). Dates are DateTime (aaaammjjhhmmss) and
// Date (aaaammjj) in Europe/Paris; a lot code is LotCode (xxxxx_yyyy).
//
// Errors are *Error: La Factory's erCode/erMessage (ErrRejected), HTTP
// 401/403 (ErrUnauthorized), or no usable answer (ErrMalformedResponse).
// Package factorytest is an in-memory La Factory for tests and examples.
package factory
