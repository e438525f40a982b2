// Command divalto-prospects creates a prospect and its linked users in
// Divalto weavy, reads it back extended with its related records, recodes
// a suspect into a prospect, lists the prospects of a city, and deletes
// what it created. It runs against an in-memory fake entry point unless
// DIVALTO_COMPANY and DIVALTO_ENTRYPOINT are set (DIVALTO_BASE_URL for
// another host than api.weavy.divalto.com).
//
//	go run ./examples/divalto-prospects
package main

import "github.com/passerelle-go/passerelle/examples/internal/demo"

func main() { demo.Main(demo.DivaltoFromEnv) }
