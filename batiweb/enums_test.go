package batiweb_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/passerelle-go/passerelle/batiweb"
)

// seedTablesPath is a verbatim copy of the seed's mapping tables, from the
// line "Code réponse" down to (not including) the PHP postRequest example.
const seedTablesPath = "testdata/seed-tables.txt"

// seedPath is the seed itself, when the test runs inside the workspace.
var seedPath = filepath.Join("..", "..", "shared", "seeds", "004_621ff31225b6fed7.txt")

// seedRow is one row of a seed table, in the seed's order.
type seedRow struct {
	code  int
	label string // trimmed
}

// seedTable is one mapping table of the seed.
type seedTable struct {
	name string
	rows []seedRow
}

func (t seedTable) byCode() map[int]string {
	m := make(map[int]string, len(t.rows))
	for _, r := range t.rows {
		m[r.code] = r.label
	}
	return m
}

func (t seedTable) codes() []int {
	out := make([]int, len(t.rows))
	for i, r := range t.rows {
		out[i] = r.code
	}
	return out
}

var rowStart = regexp.MustCompile(`^[0-9]+\t`)

// parseSeedTables reads every mapping table of the seed extract:
//
//   - the response codes, under the header "Code\tMessage type" (name "Code");
//   - each "Valeur\tLibellé" table, named by the last word of the title
//     line before its header ("Statut du demandeur : IsOwner" is "IsOwner");
//   - the Worktype table, under "Codes métier : Worktype", whose lines hold
//     up to four "code\tlabel" pairs (empty trailing cells included).
//
// A table ends at the first blank line after its rows.
func parseSeedTables(t testing.TB, text string) map[string]seedTable {
	t.Helper()
	tables := map[string]seedTable{}
	var (
		cur       *seedTable
		multi     bool   // four pairs a line
		lastTitle string // last non-blank line outside a table
	)
	flush := func() {
		if cur != nil {
			_, dup := tables[cur.name]
			require.Falsef(t, dup, "table %s appears twice", cur.name)
			require.NotEmptyf(t, cur.rows, "table %s has no rows", cur.name)
			tables[cur.name] = *cur
		}
		cur, multi = nil, false
	}
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "Code\tMessage type":
			flush()
			cur = &seedTable{name: "Code"}
			continue
		case line == "Valeur\tLibellé":
			flush()
			words := strings.Fields(lastTitle)
			require.NotEmptyf(t, words, "table header without a title")
			cur = &seedTable{name: words[len(words)-1]}
			continue
		case strings.HasPrefix(line, "Codes métier : Worktype"):
			flush()
			cur, multi = &seedTable{name: "Worktype"}, true
			continue
		}
		if cur == nil {
			if strings.TrimSpace(line) != "" {
				lastTitle = line
			}
			continue
		}
		if strings.TrimSpace(line) == "" {
			if len(cur.rows) > 0 {
				flush()
			}
			continue
		}
		require.Truef(t, rowStart.MatchString(line), "table %s: unexpected line %q", cur.name, line)
		cells := strings.Split(line, "\t")
		if !multi {
			require.Lenf(t, cells, 2, "table %s: line %q", cur.name, line)
		} else {
			require.Lenf(t, cells, 8, "table %s: line %q", cur.name, line)
		}
		for i := 0; i+1 < len(cells); i += 2 {
			c, l := strings.TrimSpace(cells[i]), strings.TrimSpace(cells[i+1])
			if c == "" && l == "" {
				continue // an empty cell at the end of the four-column table
			}
			n, err := strconv.Atoi(c)
			require.NoErrorf(t, err, "table %s: code %q", cur.name, c)
			require.NotEmptyf(t, l, "table %s: code %d has no label", cur.name, n)
			cur.rows = append(cur.rows, seedRow{code: n, label: l})
		}
	}
	require.NoError(t, sc.Err())
	flush()
	return tables
}

func loadSeedTables(t testing.TB) map[string]seedTable {
	t.Helper()
	b, err := os.ReadFile(seedTablesPath)
	require.NoError(t, err)
	return parseSeedTables(t, string(b))
}

// enumCase is one Go enum type seen through plain ints, so that one table
// of cases drives every type.
type enumCase struct {
	seed    string // the table's name in the seed
	goName  string // the Go type
	ordered bool   // Values follows the seed's row order
	values  func() []int
	lookup  func(code int) (label string, ok bool)
	parse   func(s string) (int, error)
	valid   func(code int) bool
	marshal func(code int) ([]byte, error)
	// unmarshal decodes b into a value that starts non-zero (so that null
	// visibly resets it) and reports the result.
	unmarshal func(b []byte) (code int, valid bool, err error)
}

type enumType interface {
	~int
	String() string
	Valid() bool
	Code() int
}

func enumOf[T enumType](seed, goName string, ordered bool, values func() []T, lookup func(int) (T, bool), parse func(string) (T, error)) enumCase {
	return enumCase{
		seed: seed, goName: goName, ordered: ordered,
		values: func() []int {
			vs := values()
			out := make([]int, len(vs))
			for i, v := range vs {
				out[i] = v.Code()
			}
			return out
		},
		lookup: func(code int) (string, bool) {
			v, ok := lookup(code)
			return v.String(), ok
		},
		parse: func(s string) (int, error) {
			v, err := parse(s)
			return int(v), err
		},
		valid:   func(code int) bool { return T(code).Valid() },
		marshal: func(code int) ([]byte, error) { return json.Marshal(T(code)) },
		unmarshal: func(b []byte) (int, bool, error) {
			v := T(12345)
			err := json.Unmarshal(b, &v)
			return int(v), v.Valid(), err
		},
	}
}

func enumCases() []enumCase {
	return []enumCase{
		enumOf("IsOwner", "IsOwner", true, batiweb.IsOwnerValues, batiweb.LookupIsOwner, batiweb.ParseIsOwner),
		enumOf("CIVILITY", "Civility", true, batiweb.CivilityValues, batiweb.LookupCivility, batiweb.ParseCivility),
		enumOf("HousingType", "HousingType", true, batiweb.HousingTypeValues, batiweb.LookupHousingType, batiweb.ParseHousingType),
		enumOf("Remindertime", "ReminderTime", true, batiweb.ReminderTimeValues, batiweb.LookupReminderTime, batiweb.ParseReminderTime),
		enumOf("Delay", "Delay", true, batiweb.DelayValues, batiweb.LookupDelay, batiweb.ParseDelay),
		enumOf("Area", "Area", true, batiweb.AreaValues, batiweb.LookupArea, batiweb.ParseArea),
		enumOf("Yearbuild", "YearBuilt", true, batiweb.YearBuiltValues, batiweb.LookupYearBuilt, batiweb.ParseYearBuilt),
		enumOf("Funding", "Funding", true, batiweb.FundingValues, batiweb.LookupFunding, batiweb.ParseFunding),
		enumOf("BUDGET", "Budget", true, batiweb.BudgetValues, batiweb.LookupBudget, batiweb.ParseBudget),
		enumOf("Status", "LeadStatus", true, batiweb.LeadStatusValues, batiweb.LookupLeadStatus, batiweb.ParseLeadStatus),
		// The seed lays Worktype out in four columns: Go keeps its own order.
		enumOf("Worktype", "WorkType", false, batiweb.WorkTypeValues, batiweb.LookupWorkType, batiweb.ParseWorkType),
		enumOf("Code", "Code", true, batiweb.CodeValues, batiweb.LookupCode, batiweb.ParseCode),
	}
}

// labelled reports whether the seed's labels are the Go labels; the
// response codes' "Message type" is one line of run-together messages.
func (c enumCase) labelled() bool { return c.seed != "Code" }

func TestSeedTablesFileIsVerbatimSeedExtract(t *testing.T) {
	t.Parallel()
	extract, err := os.ReadFile(seedTablesPath)
	require.NoError(t, err)
	seed, err := os.ReadFile(seedPath)
	if os.IsNotExist(err) {
		t.Skipf("seed %s not found: the extract is checked against it only in the workspace", seedPath)
	}
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(extract, []byte("Code réponse\n")), "the extract starts at the line \"Code réponse\"")
	i := bytes.Index(seed, extract)
	require.GreaterOrEqual(t, i, 0, "testdata/seed-tables.txt is not a verbatim part of the seed")
	assert.True(t, i == 0 || seed[i-1] == '\n', "the extract starts at a line start")
	assert.True(t, bytes.HasPrefix(seed[i+len(extract):], []byte("EXEMPLE DE CODE PHP POUR L'ENVOI DU MESSAGE :\n")),
		"the extract stops right before the PHP postRequest example")
}

func TestSeedTablesParse(t *testing.T) {
	t.Parallel()
	tables := loadSeedTables(t)
	want := map[string]int{
		"Code": 8, "IsOwner": 4, "CIVILITY": 2, "HousingType": 4, "Remindertime": 6, "Delay": 5,
		"Area": 9, "Yearbuild": 5, "Funding": 3, "BUDGET": 4, "Status": 12, "Worktype": 121,
	}
	got := map[string]int{}
	for name, tab := range tables {
		got[name] = len(tab.rows)
		assert.Lenf(t, tab.byCode(), len(tab.rows), "table %s repeats a code", name)
	}
	assert.Equal(t, want, got)
	assert.Equal(t, "Peinture", tables["Worktype"].byCode()[69])
	assert.Equal(t, "Porte d'entrée", tables["Worktype"].byCode()[182], "last cell of the last four-column line")
	assert.Equal(t, "Moins de 10 m ²", tables["Area"].byCode()[1])
}

func TestEnumsMatchSeed(t *testing.T) {
	t.Parallel()
	tables := loadSeedTables(t)
	for _, c := range enumCases() {
		t.Run(c.goName, func(t *testing.T) {
			t.Parallel()
			tab, ok := tables[c.seed]
			require.Truef(t, ok, "seed table %s not found", c.seed)
			seedCodes, goCodes := tab.codes(), c.values()

			if c.ordered {
				assert.Equal(t, seedCodes, goCodes, "%sValues() is the seed's rows, in order", c.goName)
			} else {
				assert.ElementsMatch(t, seedCodes, goCodes, "%sValues() is the seed's codes", c.goName)
			}
			assert.Len(t, goCodes, len(seedCodes))
			if c.seed == "Worktype" {
				assert.Len(t, goCodes, 121)
			}

			labels := tab.byCode()
			for _, code := range goCodes {
				_, inSeed := labels[code]
				assert.Truef(t, inSeed, "%s(%d) is not in the seed", c.goName, code)
			}
			for _, row := range tab.rows {
				label, ok := c.lookup(row.code)
				if !assert.Truef(t, ok, "Lookup%s(%d)", c.goName, row.code) {
					continue
				}
				assert.Truef(t, c.valid(row.code), "%s(%d).Valid()", c.goName, row.code)
				if c.labelled() {
					assert.Equalf(t, row.label, label, "%s(%d).String()", c.goName, row.code)
					continue
				}
				// Response codes: Go separates the messages the seed runs
				// together on one line; every word must be the seed's.
				seedWords := strings.Fields(row.label)
				for _, w := range strings.Fields(label) {
					if w == "/" {
						continue
					}
					assert.Containsf(t, seedWords, w, "code %d: word %q of %q is not in the seed's %q", row.code, w, label, row.label)
				}
			}
		})
	}
}

func TestResponseCodesAreTheSeeds(t *testing.T) {
	t.Parallel()
	var got []int
	for _, c := range batiweb.CodeValues() {
		got = append(got, c.Code())
	}
	assert.Equal(t, []int{0, 1, 2, 3, 4, 5, 6, 9}, got)
	for _, tc := range []struct {
		code batiweb.Code
		want int
	}{
		{batiweb.CodeOK, 0}, {batiweb.CodeAuthentication, 1}, {batiweb.CodeMissingArgument, 2},
		{batiweb.CodeInvalidValue, 3}, {batiweb.CodeNotSellable, 4}, {batiweb.CodeDuplicateLead, 5},
		{batiweb.CodeLeaseholderRefused, 6}, {batiweb.CodeInternal, 9},
	} {
		assert.Equal(t, tc.want, tc.code.Code(), tc.code.String())
	}
	_, ok := batiweb.LookupCode(7)
	assert.False(t, ok)
}

// unaccent removes the accents of the characters of the seed's labels.
var unaccent = strings.NewReplacer(
	"à", "a", "â", "a", "ç", "c", "é", "e", "è", "e", "ê", "e", "ë", "e", "î", "i", "ï", "i",
	"ô", "o", "ù", "u", "û", "u", "ü", "u", "œ", "oe", "É", "E", "È", "E", "À", "A", "²", "2",
)

func TestParseSeedLabels(t *testing.T) {
	t.Parallel()
	tables := loadSeedTables(t)
	for _, c := range enumCases() {
		t.Run(c.goName, func(t *testing.T) {
			t.Parallel()
			for _, row := range tables[c.seed].rows {
				// By code, always.
				got, err := c.parse(strconv.Itoa(row.code))
				if assert.NoErrorf(t, err, "Parse%s(%q)", c.goName, strconv.Itoa(row.code)) {
					assert.Equal(t, row.code, got)
				}
				got, err = c.parse(" " + strconv.Itoa(row.code) + " ")
				if assert.NoError(t, err) {
					assert.Equal(t, row.code, got)
				}
				if !c.labelled() {
					continue
				}
				for _, s := range []string{
					row.label,
					strings.ToUpper(row.label),
					strings.ToLower(row.label),
					unaccent.Replace(row.label),
					strings.ToLower(unaccent.Replace(row.label)),
					"  " + strings.ReplaceAll(row.label, " ", "   ") + "\t",
				} {
					got, err := c.parse(s)
					if assert.NoErrorf(t, err, "Parse%s(%q)", c.goName, s) {
						assert.Equalf(t, row.code, got, "Parse%s(%q)", c.goName, s)
					}
				}
			}
		})
	}
}

func TestParseSpecific(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		parse func() (int, error)
		want  int
	}{
		{"WorkType peinture", func() (int, error) { v, err := batiweb.ParseWorkType("peinture"); return int(v), err }, 69},
		{"WorkType PEINTURE", func() (int, error) { v, err := batiweb.ParseWorkType("PEINTURE"); return int(v), err }, 69},
		{"WorkType 69", func() (int, error) { v, err := batiweb.ParseWorkType("69"); return int(v), err }, 69},
		{"WorkType etancheite de toiture", func() (int, error) { v, err := batiweb.ParseWorkType("etancheite de toiture"); return int(v), err }, 26},
		{"WorkType whole word 65", func() (int, error) {
			v, err := batiweb.ParseWorkType("Isolation thermique des murs intérieurs")
			return int(v), err
		}, 65},
		{"WorkType whole word 66", func() (int, error) {
			v, err := batiweb.ParseWorkType("Isolation des combles non aménageables")
			return int(v), err
		}, 66},
		{"WorkType whole word 90", func() (int, error) {
			v, err := batiweb.ParseWorkType("Installation de chauffe-eau / Thermodynamique")
			return int(v), err
		}, 90},
		{"Delay immediat", func() (int, error) { v, err := batiweb.ParseDelay("immediat"); return int(v), err }, 1},
		{"Delay IMMÉDIAT", func() (int, error) { v, err := batiweb.ParseDelay("IMMÉDIAT"); return int(v), err }, 1},
		{"Area m² without space", func() (int, error) { v, err := batiweb.ParseArea("De 75 à 120 m²"); return int(v), err }, 6},
		{"Civility M.", func() (int, error) { v, err := batiweb.ParseCivility("M."); return int(v), err }, 1},
		{"Civility Mme", func() (int, error) { v, err := batiweb.ParseCivility("Mme"); return int(v), err }, 2},
		{"Funding a definir", func() (int, error) { v, err := batiweb.ParseFunding("a definir"); return int(v), err }, 3},
		{"Budget entre 1500€ et 6000€", func() (int, error) { v, err := batiweb.ParseBudget("entre 1500€ et 6000€"); return int(v), err }, 2},
		{"LeadStatus valide", func() (int, error) { v, err := batiweb.ParseLeadStatus("valide"); return int(v), err }, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := tc.parse()
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestParseUnknown(t *testing.T) {
	t.Parallel()
	for _, c := range enumCases() {
		t.Run(c.goName, func(t *testing.T) {
			t.Parallel()
			for _, s := range []string{"", "   ", "9999", "-1", "0", "Plomberie sous-marine", "1.0", "0x1", "Peinturee"} {
				if c.seed == "Code" && s == "0" {
					continue // 0 is CodeOK
				}
				_, err := c.parse(s)
				assert.Errorf(t, err, "Parse%s(%q)", c.goName, s)
			}
		})
	}
}

func TestEnumJSON(t *testing.T) {
	t.Parallel()
	tables := loadSeedTables(t)
	for _, c := range enumCases() {
		t.Run(c.goName, func(t *testing.T) {
			t.Parallel()
			for _, row := range tables[c.seed].rows {
				code := strconv.Itoa(row.code)
				b, err := c.marshal(row.code)
				require.NoError(t, err)
				assert.Equal(t, strconv.Quote(code), string(b), "a code travels as a JSON string")

				inputs := []string{code, strconv.Quote(code), " " + code + " ", strconv.Quote(" " + code + " ")}
				if c.labelled() {
					lb, err := json.Marshal(row.label)
					require.NoError(t, err)
					inputs = append(inputs, string(lb))
				}
				for _, in := range inputs {
					got, valid, err := c.unmarshal([]byte(in))
					if assert.NoErrorf(t, err, "%s from %s", c.goName, in) {
						assert.Equalf(t, row.code, got, "%s from %s", c.goName, in)
						assert.True(t, valid)
					}
				}
			}

			got, valid, err := c.unmarshal([]byte("null"))
			require.NoError(t, err)
			assert.Zero(t, got, "null is the zero value")
			assert.Equal(t, c.seed == "Code", valid, "only Code has a row 0")

			got, valid, err = c.unmarshal([]byte(`""`))
			require.NoError(t, err)
			assert.Zero(t, got, `"" is the zero value`)
			assert.Equal(t, c.seed == "Code", valid)

			// An unknown code from a newer server is kept, not refused.
			for _, in := range []string{"9999", `"9999"`} {
				got, valid, err = c.unmarshal([]byte(in))
				require.NoError(t, err, in)
				assert.Equal(t, 9999, got, in)
				assert.False(t, valid, in)
			}
			b, err := c.marshal(9999)
			require.NoError(t, err)
			assert.Equal(t, `"9999"`, string(b))

			for _, in := range []string{`"no such label"`, `"1.5"`, `true`, `{}`, `[]`, `[1]`, `"`, `1.5`} {
				_, _, err := c.unmarshal([]byte(in))
				assert.Errorf(t, err, "%s from %s", c.goName, in)
			}
		})
	}
}

func TestWorkTypeJSON(t *testing.T) {
	t.Parallel()
	b, err := json.Marshal(batiweb.WorkTypePeinture)
	require.NoError(t, err)
	assert.Equal(t, `"69"`, string(b))

	for _, in := range []string{`69`, `"69"`, `"Peinture"`, `"peinture"`, `"PEINTURE"`} {
		var w batiweb.WorkType
		require.NoError(t, json.Unmarshal([]byte(in), &w), in)
		assert.Equal(t, batiweb.WorkTypePeinture, w, in)
	}

	w := batiweb.WorkTypePeinture
	require.NoError(t, json.Unmarshal([]byte(`null`), &w))
	assert.Zero(t, w)

	require.NoError(t, json.Unmarshal([]byte(`9999`), &w))
	assert.Equal(t, batiweb.WorkType(9999), w)
	assert.False(t, w.Valid())
	assert.Equal(t, "WorkType(9999)", w.String())

	assert.Error(t, json.Unmarshal([]byte(`"Plomberie sous-marine"`), &w))

	// Inside a struct, as in a response.
	var s struct {
		W batiweb.WorkType `json:"worktype"`
		D batiweb.Delay    `json:"delay"`
	}
	require.NoError(t, json.Unmarshal([]byte(`{"worktype":"Peinture","delay":"immediat"}`), &s))
	assert.Equal(t, batiweb.WorkTypePeinture, s.W)
	assert.Equal(t, batiweb.DelayImmediate, s.D)
}

func TestCivilityJSON(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want batiweb.Civility
	}{
		{`"M."`, batiweb.Monsieur},
		{`"M"`, batiweb.Monsieur},
		{`"Mr"`, batiweb.Monsieur},
		{`"Monsieur"`, batiweb.Monsieur},
		{`"monsieur"`, batiweb.Monsieur},
		{`1`, batiweb.Monsieur},
		{`"1"`, batiweb.Monsieur},
		{`"Mme"`, batiweb.Madame},
		{`"Mme."`, batiweb.Madame},
		{`"Madame"`, batiweb.Madame},
		{`"MADAME"`, batiweb.Madame},
		{`2`, batiweb.Madame},
		{`"2"`, batiweb.Madame},
	} {
		t.Run(tc.in, func(t *testing.T) {
			t.Parallel()
			var c batiweb.Civility
			require.NoError(t, json.Unmarshal([]byte(tc.in), &c))
			assert.Equal(t, tc.want, c)
			assert.True(t, c.Valid())
		})
	}
	b, err := json.Marshal(batiweb.Madame)
	require.NoError(t, err)
	assert.Equal(t, `"2"`, string(b))

	var c batiweb.Civility
	assert.Error(t, json.Unmarshal([]byte(`"Mademoiselle Docteur"`), &c))
}

// TestEnumLabelsAreDistinct guards ParseXxx: no label of a table folds
// onto another's.
func TestEnumLabelsAreDistinct(t *testing.T) {
	t.Parallel()
	for _, c := range enumCases() {
		var labels []string
		for _, code := range c.values() {
			l, ok := c.lookup(code)
			require.True(t, ok)
			labels = append(labels, strings.ToLower(unaccent.Replace(l)))
		}
		sort.Strings(labels)
		assert.Equalf(t, len(labels), len(slices.Compact(slices.Clone(labels))), "%s has two labels alike", c.goName)
	}
}
