// Command factory-callcenter runs a call-center agent's loop on La
// Factory: next project, acknowledge, log a call, qualify and update,
// book an appointment, close with ACCORD / RDV PHYSIQUE. It runs against
// an in-memory fake server unless FACTORY_BASE_URL and FACTORY_API_KEY are
// set (FACTORY_CONCLUSION_CODE: your conclusion code in La Factory).
//
//	go run ./examples/factory-callcenter
package main

import "github.com/passerelle-go/passerelle/examples/internal/demo"

func main() { demo.Main(demo.FactoryFromEnv) }
