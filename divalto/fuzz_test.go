package divalto

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
)

// FuzzDecodeReply feeds any answer to the tolerant decoder: it never
// panics, and what it returns as prospects encodes and decodes again.
func FuzzDecodeReply(f *testing.F) {
	for _, s := range []string{
		`{"header":{"maxPageNumber":"3"},"data":{"prospect":[{"codeprospect":"P1","blocked":"1"}],"indicators":[{"prospect_ID":"P1"}]}}`,
		`{"data":{"prospect":{"codeprospect":"P1"},"related":{"baseuser":{"codebaseuser":"25"}}}}`,
		`{"success":false,"message":"x"}`, `{"errors":[{"field":"name"}]}`, `[]`, `null`, ``, `{"data":"x"}`,
	} {
		f.Add([]byte(s))
	}
	if b, err := os.ReadFile("testdata/put.txt"); err == nil {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		r, _, err := decodeReply(body)
		if err != nil {
			return
		}
		ps, _, err := r.prospects()
		if err != nil {
			return
		}
		for _, p := range ps {
			roundTripStable(t, p)
		}
	})
}

// FuzzProspect decodes any object as a Prospect: encoding it and decoding
// that gives the same encoding again.
func FuzzProspect(f *testing.F) {
	for _, s := range []string{
		`{"codeprospect":"P1","address2":null,"blocked":"","generictype_ID_country":"COUNTRY-FR","divinf_remtyp1":"2","x":{"y":1}}`,
		`{"vacationStart":"2026-02-30","gpsLatitude":47.3,"isIndividual":true,"name":"\u2028<>"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var p Prospect
		if json.Unmarshal(b, &p) != nil {
			return
		}
		roundTripStable(t, &p)
	})
}

func roundTripStable(t *testing.T, p *Prospect) {
	t.Helper()
	once, err := json.Marshal(p)
	if err != nil {
		t.Fatalf("decoded prospect does not encode: %v", err)
	}
	var again Prospect
	if err := json.Unmarshal(once, &again); err != nil {
		t.Fatalf("encoding %s does not decode: %v", once, err)
	}
	twice, err := json.Marshal(&again)
	if err != nil || !bytes.Equal(once, twice) {
		t.Fatalf("unstable:\n%s\n%s", once, twice)
	}
}

// FuzzMembers checks the walker every decoding goes through against
// encoding/json: for any valid JSON object, the same members.
func FuzzMembers(f *testing.F) {
	for _, s := range []string{`{}`, ` { "a" : 1 , "b":[1,{"c":"}"}] ,"\u0061\"":"x\\\"y", "d": null}`, `{"é":true,"a":{"b":{}},"a":2}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var want map[string]json.RawMessage
		if json.Unmarshal(b, &want) != nil || want == nil {
			return
		}
		got := object(string(b))
		if len(got) != len(want) {
			t.Fatalf("%d members, want %d: %s", len(got), len(want), b)
		}
		for k, v := range want {
			var a, c bytes.Buffer
			if json.Compact(&a, v) != nil || json.Compact(&c, []byte(got[k])) != nil || a.String() != c.String() {
				t.Fatalf("member %q: %s, want %s", k, got[k], v)
			}
		}
	})
}
