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
// This package is being built: the report model, its validation, the CRM
// processing, the status map and the send policy are here; the HTTP
// handler, the clients and the fake servers come next.
package sowell
