package divalto_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/passerelle-go/passerelle/divalto"
	"github.com/stretchr/testify/require"
)

// The document's classes of prospect fields, for the generator.
var (
	flagFields = []string{"blocked", "authorizedCredit", "underSurveillance", "unused", "isIndividual"}
	dateFields = []string{"vacationStart", "vacationEnd"}
	enumFields = []string{"divinf_remtyp1", "divinf_remtyp2", "divinf_remtyp3"}
	// refTypes are the reference fields the document types, GET's names
	// included, with their data type.
	refTypes = map[string]string{
		"generictype_ID_country": "COUNTRY", "generictype_ID_province": "PROVINCE", "generictype_ID_civility": "CIVILITY",
		"generictype_ID_prospectType": "CUSTOMER_TYPE", "generictype_ID_customerType": "CUSTOMER_TYPE",
		"generictype_ID_prospectFamily": "CUSTOMER_FAMILY", "generictype_ID_paymentMean": "PAYMENT_MEAN",
		"generictype_ID_deliveryMode": "DELIVERY_MODE", "generictype_ID_taxCode": "TAX_CUSTOMER",
		"generictype_ID_accountingCategory": "ACCOUNTING_CATEGORY", "generictype_ID_customerPotential": "CUSTOMER_POTENTIAL",
		"generictype_ID_prospectPotential": "CUSTOMER_POTENTIAL", "generictype_ID_role": "ROLE",
		"generictype_ID_referencing": "PRODUCT_REFERENCING", "generictype_ID_distribution": "DISTRIBUTION",
		"generictype_ID_market": "MARKET",
	}
)

// genProspect is a prospect weavy could send: documented fields with any
// JSON scalar type their documented type allows, null and "", odd codes,
// and unknown fields, as an ordered JSON object and as a map.
func genProspect(r *rand.Rand) (string, map[string]json.RawMessage) {
	pick := func(s ...string) string { return s[r.IntN(len(s))] }
	str := func(s string) string { b, _ := json.Marshal(s); return string(b) }
	texts := []string{"CHEZ SOI", "GRAND-EST", "a@b.fr;c@d.fr", "é€ü", "\u2028<b>&amp;", "ligne 1\nligne 2", "\t", " ", "x-y-z",
		strings.Repeat("long ", 80), "COUNTRY-FR", "CUSTOMER_FAMILY-Est", "0.00", "2.5", "-", "\"quoted\"", "back\\slash"}
	numbers := []string{"0", "1", "25", "2.5", "-1", "1e3", "0.10", "12345678901234567890", "-0"}
	// odd is a value no documented type allows, which weavy may still
	// send: an object or an array.
	odd := func() string { return pick(`{"a":[1,{"b":null}]}`, `{}`, `[1,"x"]`, `[]`, `{"v":"2"}`) }
	text := func() string {
		switch n := r.IntN(22); {
		case n < 13:
			return str(pick(texts...))
		case n < 17:
			return pick(numbers...)
		case n < 20:
			return pick("true", "false")
		default:
			return odd()
		}
	}
	value := func(name string) string {
		switch n := r.IntN(10); {
		case n == 0:
			return "null"
		case n == 1:
			return `""`
		}
		switch {
		case slices.Contains(flagFields, name):
			return pick(`"0"`, `"1"`, `0`, `1`, `true`, `false`, `"true"`, `"oui"`, `"Non"`, `" 1"`,
				`"2"`, `"Y"`, `"N"`, `2`, `-1`, `1.5`, `"maybe"`, odd())
		case slices.Contains(enumFields, name):
			return pick(`"1"`, `"2"`, `"3"`, `"4"`, `2`, `"9"`, `"0"`, `"007"`, `"Cumulé"`, `"Successif"`,
				`"X"`, `"2.0"`, `2.0`, `1e0`, `true`, `" "`, odd())
		case name == "divinf_rftctrcod":
			return pick(`"1"`, `"2"`, `2`, `"Oui"`, `"non"`, `"3"`, `"O"`, `"N"`, `false`, `"1.0"`, odd())
		case slices.Contains(dateFields, name):
			return pick(`"2019-05-17 08:47:47"`, `"2019-05-17"`, `"31/12/2020"`, `"2026-03-29 02:30:00"`, `20200101`, `"2026-02-30"`,
				`true`, odd())
		case refTypes[name] != "":
			return pick(str("FR"), str("GRAND-EST"), str("B"), str(refTypes[name]+"-X"), str(refTypes[name]+"-A-B"),
				str("OTHER-X"), str("CA 20 à 50 M€"), `2`, `true`, str(" "), odd())
		}
		return text()
	}
	var b strings.Builder
	m := map[string]json.RawMessage{}
	add := func(k, v string) {
		if _, dup := m[k]; dup {
			return
		}
		if b.Len() > 0 {
			b.WriteString(",")
		}
		b.WriteString(str(k) + ":" + v)
		m[k] = json.RawMessage(v)
	}
	add("codeprospect", pick(str("P1"), str("GRAND-EST"), str("p-0001 é"), `123`, str(" P2 "), str("S/1")))
	for _, name := range divalto.ProspectFields() {
		if name != "codeprospect" && r.IntN(10) < 6 {
			add(name, value(name))
		}
	}
	for range r.IntN(4) {
		add(pick("Name", "divinf_zz_custom", "x-extra", "generictype_ID_brand2", "NAME", "é"),
			pick(text(), "null", `{"a":[1,{"b":null}]}`, `[1,"x"]`, `""`))
	}
	return "{" + b.String() + "}", m
}

// wantPut is what Put must send for a prospect weavy sent as m: the same
// keys and values, except GET's generictype_ID_prospectPotential sent as
// PUT's generictype_ID_customerPotential (unless the prospect holds that
// one too) and bare references qualified with their field's data type.
func wantPut(t *testing.T, m map[string]json.RawMessage) map[string]json.RawMessage {
	want := map[string]json.RawMessage{}
	for k, v := range m {
		key := k
		if k == "generictype_ID_prospectPotential" {
			if _, both := m["generictype_ID_customerPotential"]; both {
				continue
			}
			key = "generictype_ID_customerPotential"
		}
		want[key] = v
		dt := refTypes[k]
		if dt == "" || string(v) == "null" || string(v) == `""` || v[0] == '{' || v[0] == '[' {
			continue // an object or an array is kept as weavy sent it
		}
		var s any
		require.NoError(t, json.Unmarshal(v, &s))
		code := fmt.Sprint(s)
		if !strings.HasPrefix(code, dt+"-") {
			code = dt + "-" + code
		}
		b, _ := json.Marshal(code)
		want[key] = b
	}
	return want
}

func sameJSON(a, b []byte) bool {
	decode := func(x []byte) any {
		d := json.NewDecoder(bytes.NewReader(x))
		d.UseNumber()
		var v any
		if d.Decode(&v) != nil {
			return fmt.Sprintf("invalid %q", x)
		}
		return v
	}
	return reflect.DeepEqual(decode(a), decode(b))
}

// checkRoundTrip is the property: the prospect decodes through Get,
// passes Validate, and Put sends the same keys and values.
func checkRoundTrip(t *testing.T, seed uint64) {
	doc, m := genProspect(rand.New(rand.NewPCG(seed, seed>>7)))
	var code string
	require.NoError(t, json.Unmarshal(m["codeprospect"], new(any)))
	if err := json.Unmarshal(m["codeprospect"], &code); err != nil {
		code = string(m["codeprospect"]) // a number
	}
	c, rec := mocked(t, []answer{{200, `{"data":{"prospect":` + doc + `}}`}, {200, `{}`}})
	ctx := context.Background()
	p, err := c.Prospects.Get(ctx, code, divalto.GetOptions{ResultType: divalto.Extended})
	require.NoError(t, err, "decodes: %s", doc)
	require.NoError(t, p.Validate(), "passes Validate: %s", doc)
	_, err = c.Prospects.Put(ctx, divalto.ProspectRecord{Prospect: p})
	require.NoError(t, err, doc)
	var sent struct {
		Prospect map[string]json.RawMessage `json:"prospect"`
	}
	require.NoError(t, json.Unmarshal(rec.sent(1).Data, &sent))
	want := wantPut(t, m)
	keys := func(m map[string]json.RawMessage) []string {
		out := make([]string, 0, len(m))
		for k := range m {
			out = append(out, k)
		}
		slices.Sort(out)
		return out
	}
	require.Equal(t, keys(want), keys(sent.Prospect), "same keys: %s", doc)
	for k, v := range want {
		require.True(t, sameJSON(v, sent.Prospect[k]), "%s: want %s, sent %s\nin %s", k, v, sent.Prospect[k], doc)
	}
}

// TestRoundTripProperty runs the property over many generated prospects.
func TestRoundTripProperty(t *testing.T) {
	t.Parallel()
	n := 400
	if testing.Short() {
		n = 50
	}
	for seed := range uint64(n) {
		t.Run(strconv.FormatUint(seed, 10), func(t *testing.T) { checkRoundTrip(t, seed) })
	}
}

// FuzzRoundTrip is the same property, with the generator's seed fuzzed.
func FuzzRoundTrip(f *testing.F) {
	for _, s := range []uint64{0, 1, 42, 1 << 40} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, seed uint64) { checkRoundTrip(t, seed) })
}
