// Command easycall validates a lead, imports it into EasyCall Cloud, and
// imports a batch with a bad lead in the middle, printing each outcome. It
// runs against an in-memory fake server unless EASYCALL_BASE_URL and
// EASYCALL_TOKEN are set (EASYCALL_CAMPAIGN: your external campaign code).
//
//	go run ./examples/easycall
package main

import "github.com/passerelle-go/passerelle/examples/internal/demo"

func main() { demo.Main(demo.EasyCallFromEnv) }
