// Package paris holds Europe/Paris, the time zone in which La Factory,
// Batiweb, Divalto weavy and SoWell's CRM notes write dates that carry
// none. It links time/tzdata, so that hosts without a zoneinfo database
// read them the same.
package paris

import (
	"time"
	_ "time/tzdata" // Europe/Paris on hosts without a zoneinfo database
)

// Location is Europe/Paris.
var Location = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		panic(err) // time/tzdata is linked in: this cannot fail
	}
	return loc
}()
