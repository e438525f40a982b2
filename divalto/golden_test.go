package divalto_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/passerelle-go/passerelle/divalto"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The testdata files are verbatim extracts of the seed's JSON examples
// (TestExtractsAreVerbatim). seedJSON makes one valid JSON: it strips the
// /* */ and // comments, and repairs the seed's three typos — a ">" left
// after a value (`"twitter": "...",>`), a "<" opening a URL
// (`"<https://...",>`) and a comma before a closing brace — then wraps
// a bare `"key": value` fragment in braces.
func seedJSON(t testing.TB, name string) []byte {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", name+".txt"))
	require.NoError(t, err)
	src = bytes.ReplaceAll(src, []byte(`"<https://`), []byte(`"https://`))
	var out []byte
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '"':
			j := i + 1
			for ; j < len(src) && src[j] != '"'; j++ {
				if src[j] == '\\' {
					j++
				}
			}
			out = append(out, src[i:j+1]...)
			i = j
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			end := bytes.Index(src[i+2:], []byte("*/"))
			require.GreaterOrEqual(t, end, 0, "unclosed comment")
			i += end + 3
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			out = append(out, '\n')
		case c == '>':
		default:
			out = append(out, c)
		}
	}
	out = regexp.MustCompile(`,(\s*[}\]])`).ReplaceAll(out, []byte("$1"))
	out = bytes.TrimSpace(out)
	if out[0] == '"' {
		out = append(append([]byte("{"), out...), '}')
	}
	require.True(t, json.Valid(out), "%s is not JSON after clean-up:\n%s", name, out)
	return out
}

func TestExtractsAreVerbatim(t *testing.T) {
	t.Parallel()
	seeds, _ := filepath.Glob("../../shared/seeds/001_*.txt")
	if len(seeds) == 0 {
		t.Skip("the seed is not beside the repository")
	}
	seed, err := os.ReadFile(seeds[0])
	require.NoError(t, err)
	files, err := filepath.Glob("testdata/*.txt")
	require.NoError(t, err)
	require.Len(t, files, 7)
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		assert.True(t, bytes.Contains(seed, bytes.TrimSuffix(b, []byte("\n"))), "%s is not in the seed", f)
	}
}

// keys returns an object's keys in order.
func keys(t *testing.T, obj []byte) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(obj))
	tok, err := dec.Token()
	require.NoError(t, err)
	require.Equal(t, json.Delim('{'), tok)
	var out []string
	for dec.More() {
		k, err := dec.Token()
		require.NoError(t, err)
		out = append(out, k.(string))
		var skip json.RawMessage
		require.NoError(t, dec.Decode(&skip))
	}
	return out
}

func section(t *testing.T, doc []byte, key string) []byte {
	t.Helper()
	var m map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(doc, &m))
	require.Contains(t, m, key)
	return m[key]
}

// roundTrip decodes doc into v, encodes it again and wants the same JSON,
// with no field left to Extra.
func roundTrip(t *testing.T, doc []byte, v any) {
	t.Helper()
	require.NoError(t, json.Unmarshal(doc, v))
	again, err := json.Marshal(v)
	require.NoError(t, err)
	assert.JSONEq(t, string(doc), string(again))
	assert.NotContains(t, string(again), "Extra")
}

func TestSeedGETSimpleAndExtended(t *testing.T) {
	t.Parallel()
	simple := section(t, seedJSON(t, "get_simple"), "prospect")
	extended := section(t, seedJSON(t, "get_extended"), "prospect")
	assert.Equal(t, keys(t, simple), divalto.SimpleFields(), "the simple fields, in the seed's order")
	assert.Equal(t, keys(t, extended), divalto.ExtendedFields(), "the extended fields, in the seed's order")
	for _, doc := range [][]byte{simple, extended} {
		var p divalto.Prospect
		roundTrip(t, doc, &p)
		assert.Empty(t, p.Extra)
	}

	var p divalto.Prospect
	require.NoError(t, json.Unmarshal(extended, &p))
	assert.Equal(t, "P0000001", p.Code)
	assert.Equal(t, divalto.Ref{Code: "FR"}, p.Country, "GET answers the bare code")
	assert.Equal(t, divalto.Ref{Code: "CTP"}, p.ProspectType)
	assert.Equal(t, divalto.Number("47.33222"), p.Latitude)
	lat, err := p.Latitude.Float64()
	require.NoError(t, err)
	assert.InDelta(t, 47.33222, lat, 1e-9)
	assert.False(t, p.Blocked)
	assert.True(t, p.Has("blocked"))
	assert.True(t, p.Has("underSurveillance"), `"" is a value`)
	assert.False(t, p.IsNull("underSurveillance"))
	assert.False(t, p.Has("internalcodeprospect"), "extended has no internalcodeprospect")
	assert.Equal(t, "https://twitter.com/guichard", p.Twitter)
}

func TestSeedGETRelated(t *testing.T) {
	t.Parallel()
	raw := section(t, seedJSON(t, "get_related"), "related")
	var rel []json.RawMessage
	require.NoError(t, json.Unmarshal(raw, &rel))
	require.Len(t, rel, 1)
	var r divalto.Related
	roundTrip(t, rel[0], &r)
	assert.Empty(t, r.Extra)

	// Every record, field by field, is held by its type.
	var records map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(rel[0], &records))
	for name, rec := range records {
		var x interface{ json.Unmarshaler }
		switch {
		case strings.HasPrefix(name, "generictype_"):
			x = new(divalto.GenericType)
		case strings.HasPrefix(name, "baseuser"):
			x = new(divalto.BaseUser)
		case name == "baseculture":
			x = new(divalto.Culture)
		case name == "branchoffice":
			x = new(divalto.BranchOffice)
		case name == "productdepot":
			x = new(divalto.ProductDepot)
		default:
			t.Fatalf("unexpected related record %s", name)
		}
		roundTrip(t, rec, x)
	}

	require.NotNil(t, r.Country)
	assert.Equal(t, divalto.NewRef("COUNTRY", "FR"), r.Country.Code)
	assert.Equal(t, "FRANCE", r.Country.Label)
	assert.Equal(t, "MOREL", r.BaseUser.LastName)
	assert.True(t, r.BaseUser.StructureNav.On())
	assert.Equal(t, divalto.Number("2.2922000000000353"), r.FavoriteTechnician.Longitude, "exact text, no float rounding")
	assert.Equal(t, "FRANCE-ALSACE-MOSELLE", r.BranchOffice.BankHolidays)
	assert.Equal(t, "FR", r.Culture.Language)
	assert.Equal(t, divalto.Ref{}, r.Province.Code, "an empty reference is a record of empty fields")
	assert.True(t, r.Province.Has("label"))
}

func TestSeedIndicators(t *testing.T) {
	t.Parallel()
	raw := section(t, seedJSON(t, "get_indicators"), "indicators")
	var list []json.RawMessage
	require.NoError(t, json.Unmarshal(raw, &list))
	require.Len(t, list, 1)
	var x divalto.Indicators
	roundTrip(t, list[0], &x)
	assert.Empty(t, x.Extra)
	assert.Equal(t, "P0000001", x.Prospect)
	assert.Equal(t, "2019-05-17 08:47:47", x.LastOrder.Time.Format(divalto.DateTimeLayout))
	assert.Equal(t, divalto.Paris, x.LastOrder.Location())
	assert.Equal(t, divalto.Number("22839140"), x.CompanyTurnover)
	assert.Equal(t, divalto.Ref{Code: "CA 20 à 50 M€"}, x.CompanyTurnoverSlice)
	assert.True(t, x.LastVisit.IsZero())
}

func TestSeedPUT(t *testing.T) {
	t.Parallel()
	doc := seedJSON(t, "put")
	var rec divalto.ProspectRecord
	roundTrip(t, doc, &rec)
	p := rec.Prospect
	require.NotNil(t, p)
	assert.Empty(t, p.Extra, "every field of the PUT example, DIVINF included, is a Prospect field")
	require.Len(t, rec.Users, 2)
	for _, u := range rec.Users {
		assert.Empty(t, u.Extra)
	}

	// null and "" are kept apart.
	assert.True(t, p.IsNull("address2"))
	assert.True(t, p.IsNull("internalcodeprospect"))
	assert.False(t, p.IsNull("comment"))
	assert.True(t, p.Has("comment"))
	assert.Equal(t, divalto.NewRef("CUSTOMER_TYPE", "CTP"), p.ProspectType)
	assert.Equal(t, divalto.NewRef("CIVILITY", "SA"), p.Civility)
	assert.Equal(t, divalto.Successive, p.DivinfDiscountType1)
	assert.Equal(t, "Succesif", p.DivinfDiscountType1.String(), "the seed's label, typo included")
	assert.Equal(t, divalto.No, p.DivinfReferencing)
	assert.Equal(t, divalto.Number("0.00"), p.DiscountRate)
	assert.Equal(t, divalto.NewRef("CUSTOMERUSER_LINK", "2"), rec.Users[1].Category)
	assert.NoError(t, p.Validate(), "the seed's example is valid")

	// Every field of the seed's PUT is a named Go field.
	for _, k := range keys(t, section(t, doc, "prospect")) {
		assert.Contains(t, divalto.ProspectFields(), k)
	}
}

func TestSeedRecode(t *testing.T) {
	t.Parallel()
	var rec divalto.ProspectRecord
	roundTrip(t, seedJSON(t, "recode"), &rec)
	assert.Equal(t, "S0000001", rec.Prospect.InternalCode)
	assert.Equal(t, divalto.CustomerTypeProspect, rec.Prospect.CustomerType)
}

func TestSeedListFilters(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("testdata/list_filters.txt")
	require.NoError(t, err)
	var seedKeys []string
	for _, m := range regexp.MustCompile(`(?m)^"(\w+)": "value", filter is`).FindAllSubmatch(b, -1) {
		seedKeys = append(seedKeys, string(m[1]))
	}
	require.Len(t, seedKeys, 11)
	all := divalto.Filters{
		Code: "a", Name: "a", Family: "a", Country: "a", BaseUser: "a", BranchOffice: "a",
		Email: "a", EmailDomain: "a", SiretNumber: "a", City: "a", NotClosedBefore: divalto.NewDateTime(testTime).Time,
	}
	doc, err := json.Marshal(all)
	require.NoError(t, err)
	assert.ElementsMatch(t, seedKeys, keys(t, doc), "Filters has every filter of the seed and no other")
	empty, err := json.Marshal(divalto.Filters{})
	require.NoError(t, err)
	assert.JSONEq(t, `{}`, string(empty))
}
