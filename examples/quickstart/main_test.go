package main

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestQuickstart runs the quickstart as `go run ./examples/quickstart` does.
func TestQuickstart(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var out bytes.Buffer
	require.NoError(t, run(ctx, &out))
	for _, want := range []string{
		"is_sellable Peinture in 78180 -> sellable=true (code 0)",
		"import Claire Martin -> id 1001",
		`status -> 1 "Validé"`,
		"import the same e-mail again -> duplicate=true",
		"import an invalid lead -> nothing sent, 3 problems",
		"factory  next project FP-000001: Madame Camille Durand, Lille",
		"factory  acknowledged as CC-FP-000001",
		"factory  updated the whole project (ACCORD / RDV PHYSIQUE, seller sophie.leroy@edouarddenis.example)",
		"easycall import -> HTTP 201, id L-1",
		"easycall batch lead 1 (Bea): refused",
		"easycall the fake received 3 leads",
		"divalto  PUT PSR-0001 (batch 0): done",
		"divalto  GET PSR-0001 extendedRelated: \"DUPONT Jean\", type CTP, country FR (FRANCE), branch office Strasbourg",
		"divalto  weavy created the individual's main contact \"DUPONT Jean\"",
		"divalto  recoded suspect SSR-0001 into prospect PSR-0002",
		"divalto  LIST city starts with DIJ, by name: PSR-0002 CHEZ SOI, PSR-0001 DUPONT Jean",
		"divalto  DELETE PSR-0001, PSR-0002; GET again: not found true, linked users left 0",
		"sowell   pushed FUITE_EAU in RES-0042 with 2 photos -> CRM UID CRM-0001",
		"sowell   CRM request: Transférée, channel SoWell, Responsable de secteur (RES-0042) / Régie Nord, 2 files",
		`sowell   CRM status "En cours" -> SoWell "ongoing" (sent=true)`,
		"factory  closed with conclusion code ACCORD-RDV (La Factory's CONCL-ACCORD-RDV-PHYSIQUE, 2 activities recorded)",
		"bridge   FP-000001 Camille Durand, 59000 Lille",
		"mapping    factory -> lead:    approximated: type_logement (read as Appartement); normalised: Country (country inferred from the postal code); no equivalent field: code_programme",
		"batiweb    imported as lead 1001 (Rénovation d'appartement / de maison in 59000)",
		"factory    acknowledged as BW-1001",
		"batiweb    not bought: Rénovation d'appartement / de maison in 13008 (code 4)",
		"mapping    factory -> lead:    no equivalent value: tel_mobile (not a phone number)",
		"batiweb    not sent: cellphone: is required when landline is empty",
		"bridge   3 projects: 1 imported into Batiweb, 2 not; each acknowledged in La Factory",
		`mapping  civility: factory "Madame", batiweb 2 (Madame), divalto CIVILITY-MME, easycall has none`,
		`mapping  mobile:   factory "06 12 34 56 78", batiweb "0612345678", easycall "+33612345678", divalto "06 12 34 56 78" (mobile)`,
	} {
		assert.Contains(t, out.String(), want)
	}
}
