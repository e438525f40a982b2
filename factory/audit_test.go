package factory_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/passerelle-go/passerelle/factory"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRejectedAnswerKeepsWhatItHeld: an error answer that carries a
// project (a non-null erMessage beside it, flat or at Operation.Set.Data)
// keeps the whole answer in Error.Raw, which Error never prints; so does
// every other error with an answer.
func TestRejectedAnswerKeepsWhatItHeld(t *testing.T) {
	t.Parallel()
	for name, body := range map[string]string{
		"flat":     `{"error":{"erCode":null,"erMessage":"Attention: email invalide"},"factoryprojectid":"FP-1","nom":"Xavier"}`,
		"envelope": `{"error":{"erCode":"W1","erMessage":"Attention"},"Operation":{"Set":{"Data":{"factoryprojectid":"FP-1","nom":"Xavier"}}}}`,
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := next(t, body)
			var e *factory.Error
			require.ErrorAs(t, err, &e)
			assert.ErrorIs(t, err, factory.ErrRejected)
			assert.JSONEq(t, body, string(e.Raw), "the whole answer")
			assert.NotContains(t, err.Error(), "Xavier")
			assert.Contains(t, err.Error(), "Error.Raw", "the error says where the project is")

			_, err = mocked(t, 200, body).Acknowledge(context.Background(), "FP-1", "CC-1")
			require.ErrorAs(t, err, &e)
			assert.JSONEq(t, body, string(e.Raw))
		})
	}
}

// TestOperationShapes: every shape of Operation that holds a project is
// read; one that proves neither "none waiting" nor a project is
// ErrMalformedResponse with the whole answer in Raw.
func TestOperationShapes(t *testing.T) {
	t.Parallel()
	project := `{"factoryprojectid":"FP-2","nom":"Durand"}`
	for name, body := range map[string]string{
		"set as a list":          `{"Operation":{"Set":[{"Data":` + project + `}]}}`,
		"operation as a string":  `{"Operation":` + quoteJSON(`{"Set":{"Data":`+project+`}}`) + `}`,
		"set as a string":        `{"Operation":{"Set":` + quoteJSON(`{"Data":`+project+`}`) + `}}`,
		"flat beside empty data": `{"Operation":{"Set":{"Data":null}},"factoryprojectid":"FP-2","nom":"Durand"}`,
		"flat beside error+op":   `{"error":{"erCode":null,"erMessage":null},"Operation":{"Set":{"Data":{}}},"factoryprojectid":"FP-2","nom":"Durand"}`,
	} {
		p, err := next(t, body)
		require.NoError(t, err, name)
		assert.Equal(t, "FP-2", p.FactoryProjectID, name)
		assert.Equal(t, "Durand", p.LastName, name)
		assert.Empty(t, p.Extra, name)
	}
	for name, body := range map[string]string{
		"operation a number":    `{"Operation":42}`,
		"operation garbage":     `{"Operation":"not json"}`,
		"set a number":          `{"Operation":{"Set":7}}`,
		"set without data":      `{"Operation":{"Set":{"Other":{"factoryprojectid":"FP-2"}}}}`,
		"operation without set": `{"Operation":{"Get":{"Data":{"factoryprojectid":"FP-2"}}}}`,
	} {
		_, err := next(t, body)
		var e *factory.Error
		require.ErrorAs(t, err, &e, name)
		assert.ErrorIs(t, err, factory.ErrMalformedResponse, name)
		assert.NotErrorIs(t, err, factory.ErrNoProject, name)
		assert.JSONEq(t, body, string(e.Raw), name)
	}
	for name, body := range map[string]string{
		"set null": `{"Operation":{"Set":null}}`, "set empty list": `{"Operation":{"Set":[]}}`,
		"operation null": `{"Operation":null}`, "operation empty": `{"Operation":{}}`,
	} {
		_, err := next(t, body)
		assert.ErrorIs(t, err, factory.ErrNoProject, name)
	}
}

// TestErrorObjectOfAnotherShape: a non-empty error object without erCode
// or erMessage is a failure; an empty erMessage with a null code carries
// no failure.
func TestErrorObjectOfAnotherShape(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	_, err := mocked(t, 200, `{"error":{"code":500,"message":"boom"},"factoryprojectid":"FP-1"}`).Acknowledge(ctx, "FP-1", "CC-1")
	var e *factory.Error
	require.ErrorAs(t, err, &e)
	assert.ErrorIs(t, err, factory.ErrMalformedResponse)
	assert.Contains(t, err.Error(), "boom")
	for _, body := range []string{
		`{"error":{"erCode":null,"erMessage":""},"factoryprojectid":"FP-1"}`,
		`{"error":{},"factoryprojectid":"FP-1"}`,
	} {
		res, err := mocked(t, 200, body).Acknowledge(ctx, "FP-1", "CC-1")
		require.NoError(t, err, body)
		assert.Equal(t, "FP-1", res.FactoryProjectID)
	}
}

// TestExtraKeyShadowingABalise: a key the caller adds to Extra that is a
// known balise or a flux alias in any letter case is refused; one La
// Factory sent goes back as it was.
func TestExtraKeyShadowingABalise(t *testing.T) {
	t.Parallel()
	for _, k := range []string{"nom", "NOM", "Nom", "utm_camapaign", "Type_BienED", "factoryProjectId"} {
		p := &factory.Project{FactoryProjectID: "FP-1", CallCenterProjectID: "CC-1",
			Extra: map[string]json.RawMessage{k: json.RawMessage(`"x"`)}}
		err := p.Validate()
		var v *factory.ValidationError
		require.ErrorAs(t, err, &v, k)
		require.Len(t, v.Fields, 1, k)
		assert.Equal(t, k, v.Fields[0].Field, k)
	}
	p, err := next(t, `{"factoryprojectid":"FP-1","callcenterprojectid":"CC-1","nom":"Durand","NOM":"Durand2"}`)
	require.NoError(t, err)
	assert.NoError(t, p.Validate(), "a second spelling La Factory sent goes back")
}

// TestExtraValueInvalidUTF8: invalid UTF-8 in a value the caller puts in
// Extra is refused, in a string or deeper.
func TestExtraValueInvalidUTF8(t *testing.T) {
	t.Parallel()
	for _, v := range []string{"\"a\xffb\"", "{\"k\":\"a\xffb\"}", "[\"\xc3\"]",
		`"\udc00"`, `{"k":["a\u0000"]}`, `{"a\u0007":1}`} {
		p := &factory.Project{FactoryProjectID: "FP-1", CallCenterProjectID: "CC-1",
			Extra: map[string]json.RawMessage{"if_x": json.RawMessage(v)}}
		err := p.Validate()
		var ve *factory.ValidationError
		require.ErrorAs(t, err, &ve, "%q", v)
		assert.Equal(t, "if_x", ve.Fields[0].Field)
	}
	for _, v := range []string{`"é\n\ufffd"`, `{"k":[1,true,null,"ok"]}`, `42`} {
		p := &factory.Project{FactoryProjectID: "FP-1", CallCenterProjectID: "CC-1",
			Extra: map[string]json.RawMessage{"if_x": json.RawMessage(v)}}
		assert.NoError(t, p.Validate(), v)
	}
}

// TestBlankIDAndIDCase: a blank factoryprojectid proves nothing; an update
// answered with the same id in another letter case is not a creation.
func TestBlankIDAndIDCase(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	_, err := mocked(t, 200, `{"factoryprojectid":"  "}`).Acknowledge(ctx, "FP-1", "CC-1")
	assert.ErrorIs(t, err, factory.ErrMalformedResponse)

	res, err := mocked(t, 200, `{"error":{"erCode":null,"erMessage":null},"factoryprojectid":"fp-1"}`).
		UpdateProject(ctx, &factory.Project{FactoryProjectID: "FP-1", CallCenterProjectID: "CC-1"})
	require.NoError(t, err)
	assert.False(t, res.Created)
	assert.True(t, strings.EqualFold(res.FactoryProjectID, "FP-1"))
}

// TestBufferedProjects: the projects kept from a multi-project answer are
// counted, so that a program can take them all before it stops, and they
// come without a request.
func TestBufferedProjects(t *testing.T) {
	t.Parallel()
	c := mocked(t, 200, `[{"factoryprojectid":"FP-1"},{"factoryprojectid":"FP-2"},{"factoryprojectid":"FP-3","nom":{"x":1}}]`)
	assert.Zero(t, c.Buffered())
	p, err := c.NextProject(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "FP-1", p.FactoryProjectID)
	assert.Equal(t, 2, c.Buffered())
	var ids []string
	for c.Buffered() > 0 {
		p, err := c.NextProject(context.Background())
		if err != nil {
			var e *factory.Error
			require.ErrorAs(t, err, &e)
			ids = append(ids, string(e.Raw))
			continue
		}
		ids = append(ids, p.FactoryProjectID)
	}
	assert.Equal(t, []string{"FP-2", `{"factoryprojectid":"FP-3","nom":{"x":1}}`}, ids)
}

// FuzzNothingHandedOutIsLost: whatever shape carries a project and
// whatever error member sits beside it, NextProject returns the project
// or an error whose Raw is the whole answer; never "none waiting".
func FuzzNothingHandedOutIsLost(f *testing.F) {
	f.Add("FP-1", "Durand", uint8(0), "")
	f.Add("fp-2", "Du\"rand", uint8(3), "Attention")
	f.Add("42", "", uint8(5), "W1")
	f.Fuzz(func(t *testing.T, id, name string, shape uint8, msg string) {
		if strings.TrimSpace(id) == "" || !utf8.ValidString(id) || !utf8.ValidString(name) || !utf8.ValidString(msg) {
			return // JSON carries text only
		}
		project := `{"factoryprojectid":` + quoteJSON(id) + `,"nom":` + quoteJSON(name) + `}`
		errMember := `{"erCode":null,"erMessage":null}`
		if msg != "" {
			errMember = `{"erCode":null,"erMessage":` + quoteJSON(msg) + `}`
		}
		flat := strings.TrimPrefix(project, "{")
		body := [...]string{
			project,
			`{"error":` + errMember + `,"Operation":{"Set":{"Data":` + project + `}}}`,
			`{"error":` + errMember + `,"Operation":{"Set":[{"Data":` + project + `}]}}`,
			`{"error":` + errMember + `,"Operation":` + quoteJSON(`{"Set":{"Data":`+project+`}}`) + `}`,
			`{"error":` + errMember + `,"Operation":{"Set":{"Data":null}},` + flat,
			`{"error":` + errMember + `,` + flat,
			quoteJSON(`{"error":` + errMember + `,"Operation":{"Set":{"Data":[` + project + `]}}}`),
		}[int(shape)%7]
		p, err := next(t, body)
		if err == nil {
			assert.Equal(t, id, p.FactoryProjectID)
			assert.Equal(t, name, p.LastName)
			return
		}
		assert.NotErrorIs(t, err, factory.ErrNoProject, body)
		var e *factory.Error
		require.ErrorAs(t, err, &e)
		assert.Equal(t, body, string(e.Raw), "the whole answer")
	})
}
