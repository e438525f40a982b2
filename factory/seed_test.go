package factory_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/passerelle-go/passerelle/factory"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// goldenBalises is every key a Project travels with: the document's
// CreateOrUpdateProject4CallCenter table, first letter in lower case.
var goldenBalises = []string{
	"adresse", "adresse2", "attribdate_call", "budget_fourchette", "budget_max", "callcentercontactid",
	"callcenterprojectid", "canal", "cloture_call", "code_lot", "code_postal", "code_programme", "commentaire",
	"commentaire_call", "commercial", "conclusioncode", "date_acquisition", "date_naissance", "dept_rech", "email",
	"email2", "factoryprojectid", "horaire_rappel", "imposition", "insee_ville", "motif_cloture", "nature_logement",
	"nom", "nom_formulaire", "objectif_achat", "prenom", "primo_accedant", "profession", "programme_call",
	"projet_immo", "revente", "rgpdin", "rgpdout", "salutation", "situation_logement", "surface_logement",
	"taille_logement", "tel_fixe", "tel_mobile", "tel_professionnel", "type_logement", "type_logementED",
	"utm_act", "utm_campaign", "utm_medium", "utm_source", "ville", "ville_rech",
}

var balise = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// seedBalises reads the balises of the document's update table (kept verbatim
// in testdata), first letter lower-cased.
func seedBalises(t *testing.T) []string {
	b, err := os.ReadFile("testdata/seed-update-balises.txt")
	require.NoError(t, err)
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		first := strings.TrimSpace(strings.Split(line, "\t")[0])
		if balise.MatchString(first) {
			r, n := utf8.DecodeRuneInString(first)
			out = append(out, string(unicode.ToLower(r))+first[n:])
		}
	}
	sort.Strings(out)
	return out
}

func TestSeedBalises(t *testing.T) {
	t.Parallel()
	seed := seedBalises(t)
	require.Len(t, seed, 53)
	assert.Equal(t, goldenBalises, seed, "the golden list is the document's table")

	var keys map[string]any
	b, err := json.Marshal(factory.Project{})
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &keys))
	var got []string
	for k := range keys {
		got = append(got, k)
	}
	sort.Strings(got)
	assert.Equal(t, goldenBalises, got, "a Project sends every balise, nothing else")
}

func TestSeedClosures(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("testdata/seed-closures.txt")
	require.NoError(t, err)
	// The document's table row: three "/"-separated lists, one per closure.
	var row []string
	for _, line := range strings.Split(string(b), "\n") {
		if strings.Contains(line, "RDV PHYSIQUE") {
			row = strings.Split(line, "\t")
		}
	}
	require.Len(t, row, 5)
	total := 0
	for i, closure := range []factory.ClotureCall{factory.Accord, factory.Refus, factory.Inexploitable} {
		var want []factory.MotifCloture
		for _, m := range strings.Split(row[2+i], "/") {
			want = append(want, factory.MotifCloture(strings.TrimSpace(m)))
		}
		assert.Equal(t, want, closure.Motifs(), "%s", closure)
		for _, m := range want {
			assert.Equal(t, closure, m.Closure(), "%s", m)
			p := factory.Project{Channel: "web", Closure: closure, ClosureReason: m}
			assert.NoError(t, p.Validate(), "%s / %s", closure, m)
		}
		total += len(want)
	}
	assert.Equal(t, 21, total)
	assert.Len(t, factory.MotifClotureValues(), 21)
	assert.Equal(t, []factory.ClotureCall{"ACCORD", "REFUS", "INEXPLOITABLE"}, factory.ClotureCallValues())
	assert.Equal(t, factory.ClotureCall(""), factory.MotifCloture("AUTRE").Closure())
}

func TestSeedExtractsAreVerbatim(t *testing.T) {
	t.Parallel()
	seed, err := os.ReadFile("../../shared/seeds/000_b30e34a89b4a9d9e.txt")
	if err != nil {
		t.Skip("La Factory's document is not beside this checkout")
	}
	for _, f := range []string{"testdata/seed-update-balises.txt", "testdata/seed-closures.txt", "testdata/seed-flux-balises.txt"} {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		assert.Contains(t, string(seed), string(b), f)
	}
}

func TestSeedValueLists(t *testing.T) {
	t.Parallel()
	join := func(vs ...string) string { return strings.Join(vs, "/") }
	s := func(v []factory.ProjetImmo) (out []string) {
		for _, x := range v {
			out = append(out, string(x))
		}
		return
	}
	assert.Equal(t, "Habiter/investir/défiscaliser/ne sait pas", join(s(factory.ProjetImmoValues())...))
	var sal, sit, obj []string
	for _, v := range factory.SalutationValues() {
		sal = append(sal, string(v))
	}
	for _, v := range factory.SituationLogementValues() {
		sit = append(sit, string(v))
	}
	for _, v := range factory.ObjectifAchatValues() {
		obj = append(obj, string(v))
	}
	assert.Equal(t, "Maitre/Mademoiselle/Monsieur/Madame", join(sal...))
	assert.Equal(t, "Propriétaire/locataire/logé à titre gratuit", join(sit...))
	assert.Equal(t, "Résidence principale/résidence secondaire/investissement", join(obj...))
	assert.Equal(t, []factory.OuiNon{"oui", "non"}, factory.OuiNonValues())
	assert.Equal(t, []factory.RdvType{"R1", "R2", "R3", "partenaire"}, factory.RdvTypeValues())
	assert.Equal(t, []factory.RdvNature{"physique", "visio", "téléphonique"}, factory.RdvNatureValues())
	assert.Equal(t, []factory.Direction{"0", "1"}, factory.DirectionValues())

	for in, want := range map[string]factory.MotifCloture{"tra": factory.TransfertAbouti, "TRNA": factory.TransfertNonAbouti, "ne parle pas francais": factory.NeParlePasFrancais, " hors  budget ": factory.HorsBudget} {
		got, err := factory.ParseMotifCloture(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for in, want := range map[string]factory.Salutation{"M.": factory.Monsieur, "mme": factory.Madame, "MAÎTRE": factory.Maitre} {
		got, err := factory.ParseSalutation(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	got, err := factory.ParseSituationLogement("loge a titre gratuit")
	require.NoError(t, err)
	assert.Equal(t, factory.LogeTitreGratuit, got)
	d, err := factory.ParseDirection("sortant")
	require.NoError(t, err)
	assert.Equal(t, factory.Outgoing, d)
	_, err = factory.ParseClotureCall("PEUT-ETRE")
	assert.ErrorContains(t, err, "ACCORD, REFUS, INEXPLOITABLE")
}

// TestWireBodies checks what each call puts on the wire.
func TestWireBodies(t *testing.T) {
	t.Parallel()
	type captured struct {
		path, key string
		body      map[string]any
	}
	var got []captured
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		var m map[string]any
		_ = json.Unmarshal(b, &m)
		got = append(got, captured{r.URL.Path, r.Header.Get("apikey"), m})
		_, _ = io.WriteString(w, `{"error":{"erCode":null,"erMessage":null},"factoryprojectid":"FP-1","callcenterprojectid":"CC-1","url":"u"}`)
	}))
	defer srv.Close()
	c, err := factory.New(apiKey, factory.Acceptance, factory.WithBaseURL(srv.URL))
	require.NoError(t, err)
	ctx := context.Background()

	_, err = c.Acknowledge(ctx, "FP-1", "CC-1")
	require.NoError(t, err)
	_, err = c.Conclude(ctx, "FP-1", "CC-1", "RDV")
	require.NoError(t, err)
	p := lead()
	p.LeadDate = factory.NewDateTime(time.Date(2026, 7, 1, 9, 5, 0, 0, time.UTC))
	_, err = c.CreateProject(ctx, &p)
	require.NoError(t, err)
	p.FactoryProjectID, p.CallCenterProjectID = "FP-1", "CC-1"
	_, err = c.UpdateProject(ctx, &p)
	require.NoError(t, err)
	_, err = c.LogCall(ctx, "FP-1", factory.PhoneCall{Subject: "Appel", Direction: factory.Incoming, DurationMinutes: 12, VoicemailLeft: true})
	require.NoError(t, err)
	start := time.Date(2026, 1, 15, 10, 0, 0, 0, time.UTC) // 11:00 in Paris (winter)
	_, err = c.ScheduleAppointment(ctx, "FP-1", factory.Appointment{Subject: "RDV", Comment: "c", Start: start, End: start.Add(90 * time.Minute), Type: factory.R2, Nature: factory.Visio})
	require.NoError(t, err)

	require.Len(t, got, 6)
	for _, g := range got {
		assert.Equal(t, apiKey, g.key)
	}
	assert.Equal(t, "/api/Project/AcquitProject4CallCenter", got[0].path)
	assert.Equal(t, map[string]any{"factoryprojectid": "FP-1", "callcenterprojectid": "CC-1"}, got[0].body)
	assert.Equal(t, map[string]any{"factoryprojectid": "FP-1", "callcenterprojectid": "CC-1", "Conclusioncode": "RDV"}, got[1].body)

	assert.Equal(t, "/api/Project/CreateOrUpdateProject4CallCenter", got[2].path)
	assert.Len(t, got[2].body, len(goldenBalises), "create sends every balise")
	assert.Equal(t, "20260701110500", got[2].body["date_acquisition"], "in Europe/Paris (summer)")
	assert.Equal(t, "", got[2].body["tel_fixe"], "empty balises are sent")
	assert.Len(t, got[3].body, len(goldenBalises)-1, "update sends every balise but one")
	assert.NotContains(t, got[3].body, "date_acquisition")
	assert.Equal(t, "03 20 00 00 00", got[3].body["tel_professionnel"])

	assert.Equal(t, "/api/Project/SetActivity", got[4].path)
	assert.Equal(t, map[string]any{"factoryprojectid": "FP-1", "sujet": "Appel", "typeactivite": "phonecall",
		"direction": "0", "durée": "12", "message": "true"}, got[4].body)
	assert.Equal(t, map[string]any{"factoryprojectid": "FP-1", "sujet": "RDV", "typeactivite": "appointment",
		"commentaire": "c", "datedebut": "20260115110000", "datefin": "20260115123000", "typerdv": "R2", "naturerdv": "visio"}, got[5].body)
}

// TestSeedFluxBalises decodes a project carrying every balise of the
// GetProject4CallCenter flux (section 3.1.4) and finds each value again
// under the update table's name.
func TestSeedFluxBalises(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("testdata/seed-flux-balises.txt")
	require.NoError(t, err)
	values := map[string]string{
		"salutation": "Monsieur", "situation_logement": "locataire", "objectif_achat": "investissement",
		"projet_immo": "Habiter", "primo_accedant": "oui", "rgpdin": "oui", "rgpdout": "non",
		"date_acquisition": "20260101120000", "date_naissance": "19900101", "code_lot": "12345_0012",
	}
	renamed := map[string]string{"utm_camapaign": "utm_campaign", "type_bienED": "type_logementED", "nature_bien": "nature_logement"}
	flux := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n")[1:] {
		cols := strings.Split(line, "\t")
		name := strings.TrimSpace(strings.NewReplacer("<mark>", "", "</mark>", "").Replace(cols[len(cols)-1]))
		if len(cols) < 2 || name == "" {
			continue // the blank lines between the table's two pages
		}
		v, ok := values[name]
		if !ok {
			v = "v-" + name
		}
		flux[name] = v
	}
	require.Len(t, flux, 43)
	raw, _ := json.Marshal(flux)
	var p factory.Project
	require.NoError(t, json.Unmarshal(raw, &p))
	out, _ := json.Marshal(p)
	var sent map[string]string
	require.NoError(t, json.Unmarshal(out, &sent))
	for name, v := range flux {
		key := name
		if r, ok := renamed[name]; ok {
			key = r
		}
		assert.Equal(t, v, sent[key], "flux balise %s", name)
	}
}
