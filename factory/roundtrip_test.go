package factory_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/passerelle-go/passerelle/factory"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// gen draws choices from fuzz input; it yields zeros once the input is spent.
type gen struct{ b []byte }

func (g *gen) byte() byte {
	if len(g.b) == 0 {
		return 0
	}
	c := g.b[0]
	g.b = g.b[1:]
	return c
}

func (g *gen) intn(n int) int { return int(g.byte()) % n }

// bytes is a short run of raw input bytes (any bytes, valid UTF-8 or not).
func (g *gen) bytes() string {
	n := g.intn(12)
	if n > len(g.b) {
		n = len(g.b)
	}
	s := string(g.b[:n])
	g.b = g.b[n:]
	return s
}

// oddCase changes the letter case of name the way a backend might.
func (g *gen) oddCase(name string) string {
	switch g.intn(4) {
	case 1:
		return strings.ToUpper(name[:1]) + name[1:]
	case 2:
		return strings.ToUpper(name)
	case 3:
		var b strings.Builder
		for i, r := range name {
			if i%2 == 1 {
				b.WriteString(strings.ToUpper(string(r)))
			} else {
				b.WriteRune(r)
			}
		}
		return b.String()
	}
	return name
}

// scalar is any JSON scalar La Factory could write for a text balise.
func (g *gen) scalar() []byte {
	switch g.intn(9) {
	case 0:
		return []byte("null")
	case 1:
		return []byte([]string{"true", "false"}[g.intn(2)])
	case 2:
		return []byte(strconv.Itoa(int(int16(g.byte())<<8 | int16(g.byte()))))
	case 3:
		return []byte([]string{"1.5e3", "-0", "300000.00", "0.1", "1E2", "59000"}[g.intn(6)])
	case 4:
		return []byte(`""`)
	case 5:
		// Raw bytes inside quotes, as a backend could write them (invalid
		// UTF-8 included), when they need no escape.
		s := g.bytes()
		if strings.ContainsAny(s, "\"\\") || strings.IndexFunc(s, func(r rune) bool { return r < 0x20 }) >= 0 {
			break
		}
		return []byte(`"` + s + `"`)
	case 6:
		return []byte([]string{`"20260115093000"`, `"19880402"`, `"12345_0012"`, `"n/c"`, `"ACCORD"`, `"RDV PHYSIQUE"`, `"oui"`, `"Vrai"`, `" 20260101 "`, `"20260329023000"`}[g.intn(10)])
	}
	b, _ := json.Marshal(g.bytes())
	return b
}

// anyJSON is a scalar, an object or a list (for balises this package does
// not model).
func (g *gen) anyJSON() []byte {
	switch g.intn(4) {
	case 0:
		return []byte(`{"v":` + string(g.scalar()) + `,"w":[1,"a"]}`)
	case 1:
		return []byte(`[` + string(g.scalar()) + `]`)
	}
	return g.scalar()
}

var fluxNames = []string{"utm_camapaign", "type_bienED", "nature_bien"}

// canonicalBalise is the update table's name of a key in any case, or "".
func canonicalBalise(k string) string {
	for _, b := range goldenBalises {
		if strings.EqualFold(b, k) {
			return b
		}
	}
	for i, alias := range fluxNames {
		if strings.EqualFold(alias, k) {
			return []string{"utm_campaign", "type_logementED", "nature_logement"}[i]
		}
	}
	return ""
}

// generateProject writes a project as La Factory could send it: the
// documented balises (update and flux names) in any letter case with any
// JSON scalar, balises it does not document with any JSON value, and a
// factoryprojectid. It returns the object's members and the object.
func generateProject(g *gen) (map[string][]byte, []byte) {
	members := map[string][]byte{}
	id := []byte(strconv.Quote("FP-" + strconv.Itoa(int(g.byte()))))
	if g.intn(3) == 0 {
		id = []byte(strconv.Itoa(1 + int(g.byte())))
	}
	members[g.oddCase("factoryprojectid")] = id
	for _, name := range append(append([]string{}, goldenBalises...), fluxNames...) {
		if name == "factoryprojectid" || g.intn(3) == 0 {
			continue
		}
		k := g.oddCase(name)
		if _, dup := members[k]; !dup {
			members[k] = g.scalar()
		}
	}
	for i := g.intn(4); i > 0; i-- {
		k := "if_" + strings.ToValidUTF8(g.bytes(), "?")
		if _, dup := members[k]; !dup {
			members[k] = g.anyJSON()
		}
	}
	var buf bytes.Buffer
	buf.WriteByte('{')
	first := true
	for k, v := range members {
		if !first {
			buf.WriteByte(',')
		}
		first = false
		kb, _ := json.Marshal(k)
		buf.Write(kb)
		buf.WriteByte(':')
		buf.Write(v)
	}
	buf.WriteByte('}')
	return members, buf.Bytes()
}

// echo is a La Factory that records each body and answers a success with
// the factoryprojectid it received.
type echo struct {
	mu   sync.Mutex
	last map[string]json.RawMessage
}

func (e *echo) RoundTrip(r *http.Request) (*http.Response, error) {
	b, _ := io.ReadAll(r.Body)
	var m map[string]json.RawMessage
	_ = json.Unmarshal(b, &m)
	e.mu.Lock()
	e.last = m
	e.mu.Unlock()
	id := m["factoryprojectid"]
	if id == nil {
		id = json.RawMessage(`""`)
	}
	answer := `{"error":{"erCode":null,"erMessage":null},"factoryprojectid":` + string(id) + `}`
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(answer)), Request: r}, nil
}

func compactJSON(b []byte) string {
	var buf bytes.Buffer
	if json.Compact(&buf, b) != nil {
		return string(b)
	}
	return buf.String()
}

// FuzzProjectRoundTrip is the rule of issue 12 as a property: any project
// La Factory can send decodes; sent back unchanged through UpdateProject
// (with the call-center id the document requires for an update) it passes
// Validate and goes out with the same keys and the same JSON values —
// under the update table's name for a known balise, as sent for any other
// — and with nothing else but the documented balises, date_acquisition
// left out as the document says.
func FuzzProjectRoundTrip(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("budget_max 300000 code_postal 59000 rgpdin true"))
	f.Add(bytes.Repeat([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9}, 40))
	f.Add(bytes.Repeat([]byte{0xff, 0x80, 'A', 0x00, 7}, 60))
	f.Add(bytes.Repeat([]byte("\x05\x06\x03\x02\x01"), 50))
	f.Fuzz(func(t *testing.T, data []byte) {
		g := &gen{b: data}
		members, project := generateProject(g)
		body := project
		switch g.intn(4) {
		case 3:
			body = []byte(`{"error":{"erCode":null,"erMessage":null},` + string(project[1:]))
		case 1:
			body = []byte(`{"error":{"erCode":null,"erMessage":null},"Operation":{"Set":{"Data":` + string(project) + `}}}`)
		case 2:
			if utf8.Valid(project) {
				body, _ = json.Marshal(`{"Operation":{"Set":{"Data":` + string(project) + `}}}`)
			}
		}
		reader, err := factory.New(apiKey, factory.Acceptance, factory.WithHTTPClient(&http.Client{Transport: bodyTransport(body)}), factory.WithRetry(0, 0, 0))
		require.NoError(t, err)
		p, err := reader.NextProject(context.Background())
		require.NoError(t, err, "%s", project)

		setCC := strings.TrimSpace(p.CallCenterProjectID) == ""
		if setCC {
			p.CallCenterProjectID = "CC-1"
		}
		require.NoError(t, p.Validate(), "%s", project)

		var e echo
		writer, err := factory.New(apiKey, factory.Acceptance, factory.WithHTTPClient(&http.Client{Transport: &e}), factory.WithRetry(0, 0, 0))
		require.NoError(t, err)
		res, err := writer.UpdateProject(context.Background(), p)
		require.NoError(t, err, "%s", project)
		assert.False(t, res.Created)
		out := e.last

		assert.NotContains(t, out, "date_acquisition", "never sent on update")
		for k, v := range members {
			name := canonicalBalise(k)
			want := compactJSON(v)
			if got, ok := out[k]; ok && compactJSON(got) == want {
				continue // sent back under the name La Factory used
			}
			switch {
			case name == "date_acquisition":
				continue // the document: never sent on update
			case name == "callcenterprojectid" && setCC:
				assert.Equal(t, `"CC-1"`, string(out[name]))
				continue
			}
			assert.Equal(t, want, compactJSON(out[name]), "balise %q of %s", k, project)
		}
		for k := range out {
			_, sent := members[k]
			assert.True(t, sent || canonicalBalise(k) == k, "invented balise %q", k)
		}
	})
}
