// Command sowell pushes a SoWell signalement with photos to a CRM, shows
// the CRM's processing of it, and sends a status change back to SoWell —
// all in one process with in-memory fakes by default. SOWELL_CRM_URL and
// SOWELL_CRM_TOKEN point the push at a real CRM endpoint; SOWELL_API_URL
// and SOWELL_API_TOKEN point the status update at SoWell.
//
//	go run ./examples/sowell
package main

import "github.com/passerelle-go/passerelle/examples/internal/demo"

func main() { demo.Main(demo.SoWellFromEnv) }
