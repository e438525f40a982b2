// Command factory-to-batiweb is a bridge between two services: it takes
// the projects La Factory has for the call center, maps each through the
// mapping pivot to a Batiweb lead, checks that Batiweb buys it, imports
// the ones it buys, acknowledges every project back to La Factory with
// what happened, and prints each mapping report.
//
//	go run ./examples/factory-to-batiweb
//
// It runs against in-memory fake servers unless FACTORY_BASE_URL and
// FACTORY_API_KEY (La Factory) or BATIWEB_LOGIN and BATIWEB_PASSWORD
// (Batiweb, BATIWEB_ENV PREP by default) are set. BRIDGE_WORK_TYPE is
// the Batiweb trade, a code or a label ("Rénovation d'appartement / de
// maison" by default); BRIDGE_MAX the most projects to take (10).
package main

import "github.com/passerelle-go/passerelle/examples/internal/demo"

func main() { demo.Main(demo.BridgeFromEnv) }
