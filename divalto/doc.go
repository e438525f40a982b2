// Package divalto reads and writes prospects in Divalto weavy, Divalto's
// CRM and field-service application, through its webhook WHK_Prospect.
//
// # The webhook
//
// Every call is one POST to a company's entry point,
// https://api.weavy.divalto.com/v1/entrypoints/{companyCode}/webhook/?c={entryPoint},
// whose JSON body is an envelope:
//
//	{"header": {"caller", "callerVersion", "userCode", "callDateTime",
//	            "languageCode", "markForExport", "webhookVersion"},
//	 "action": {"verb": "GET|LIST|PUT|DELETE|DEFINITION", "parameters": {...}},
//	 "data":   {"prospect": {...}, "prospectuser": [...]}}
//
// The webhook takes no credentials: weavy binds the entry point to a public
// API account, so whoever knows the URL can call it. New takes the company
// code (kept inside its URL path segment) and the entry point
// (DefaultEntryPoint, or a company's SPEWHK_ copy); options fill the
// header.
//
// # Prospects
//
// client.Prospects.Get reads a prospect, simple (the main fields),
// extended (all of them) or extendedRelated (and the records its references
// point to), with its indicators on request. List reads a page of prospects
// that match Filters; All follows the pages to the last one, holding one
// page at a time. Put writes prospects and their linked users, ten records
// per request by default (weavy's Webhook.PUT.MaxElementAtOnce), and says
// what happened to each record. Delete deletes a prospect and, by cascade,
// its linked users. Recode turns a suspect into a prospect.
//
// weavy's rules on a PUT: a prospect created without a customer type is a
// prospect (CUSTOMER_TYPE-CTP); an individual (isIndividual = 1) gets a
// main contact created from it, or updated if it has one.
//
// # Fields
//
// weavy writes its values as JSON strings. A Prospect keeps numbers as
// the exact text (Number), documented "0"/"1" flags as booleans,
// references to weavy's generic types as Ref (COUNTRY-FR: data type and
// code), and remembers which fields weavy sent, null or "", so that a
// prospect read and written back is unchanged and one built in Go sends
// only what it sets. Each field's documentation gives the English meaning
// of its French wire name and its type in WebHook Prospect (V5.7).
//
// # What weavy sent is never lost
//
// The package is strict on what the caller sets and tolerant of what
// weavy holds. Whatever weavy sends decodes: a number or a boolean where
// the document shows a string, a field the SDK does not know (kept in
// Extra), a code with a dash ("GRAND-EST" is a code, not the data type
// GRAND), any value in a related record's untyped flag (Flag), and a
// value a typed field cannot hold (a flag "2" or "Y", a DIVINF type "X",
// an object where a text is): that field is left zero, its value is
// returned by the record's Raw method and sent back as weavy wrote it
// while the field stays zero, and the rest of the record, and of a LIST
// page, is read. A
// prospect read with [ProspectService.Get] or [ProspectService.List] and
// sent back unchanged with [ProspectService.Put] passes validation,
// whatever weavy held ([Prospect.Validate] checks only the values the
// caller set), and goes out as weavy wrote it: the same keys and values,
// in the same JSON type, with two documented exceptions: bare references
// are qualified for PUT ("FR" is sent as "COUNTRY-FR") and GET's
// generictype_ID_prospectPotential is sent as PUT's
// generictype_ID_customerPotential. An answer that cannot be decoded is
// an *Error wrapping ErrMalformedResponse whose Raw field holds it whole;
// so does the ErrNotFound of a GET answered with other prospects.
//
// # Retries
//
// GET, LIST, DEFINITION and PUT are idempotent: a second send is harmless
// (PUT writes by code), so they are retried after a lost answer. DELETE
// and a recode are not: they are retried only when nothing reached weavy.
// Redirects are never followed (ErrRedirect). [Outcome] says, record by
// record, what a Put did.
//
// # Assumptions
//
// WebHook Prospect (V5.7) documents the request, not the answer. The SDK
// reads answers tolerantly: the data section is the answer's "data" (or
// "result") object, or the answer itself; prospects are its "prospect"
// (an object or an array) or "prospects"; "related" and "indicators" sit
// beside them, indicators matched to prospects by prospect_ID (case
// ignored, as weavy matches codes; those naming no prospect are kept in
// OtherIndicators); maxPageNumber and pageNumber are read from any
// section, as numbers or strings. An answer that carries "error",
// "errors", "errorMessage" (not 0, "0", false, null or ""), "success":
// false (or 0) or "status": "error", keys in any letter case, is
// ErrRejected whatever its HTTP status. A GET
// answered without the prospect is ErrNotFound. The header's values are
// sent as strings, as weavy writes its own.
package divalto
