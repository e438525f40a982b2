// Command batiweb checks that Batiweb buys a lead, imports it and reads its
// status. It runs against an in-memory fake server unless BATIWEB_LOGIN and
// BATIWEB_PASSWORD are set (BATIWEB_ENV: PREP or PROD, default PREP;
// BATIWEB_BASE_URL for another host).
//
//	go run ./examples/batiweb
package main

import "github.com/passerelle-go/passerelle/examples/internal/demo"

func main() { demo.Main(demo.BatiwebFromEnv) }
