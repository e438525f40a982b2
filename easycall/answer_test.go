package easycall_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/passerelle-go/passerelle/easycall"
)

// The audit: a 2xx `{"success":"FALSE"}` counted as a success. Whether
// "success" states a failure is read tolerantly: false as a boolean, a
// string or a number, in any letter case.
func TestSuccessFalseInAnyForm(t *testing.T) {
	t.Parallel()
	for _, body := range []string{
		`{"success":"FALSE"}`, `{"success":"False"}`, `{"success":false}`, `{"success":"false"}`,
		`{"success":" false "}`, `{"success":0}`, `{"success":"0"}`, `{"success":"no"}`, `{"success":"NO"}`,
		`{"success":"KO"}`, `{"success":0.0}`, `{"error":"Campaign not found","success":"TRUE"}`,
	} {
		_, err := mocked(t, 200, body).Import(context.Background(), validLead())
		assert.ErrorIs(t, err, easycall.ErrMalformedResponse, body)
	}
	for _, body := range []string{
		`{"success":"TRUE"}`, `{"success":true}`, `{"success":"true"}`, `{"success":1}`, `{"success":"yes"}`, `{"success":"OK"}`,
		`{"success":null}`, `{"success":""}`, `{"error":"FALSE"}`, `{"error":"False","success":"True"}`, `{"errors":"NULL"}`,
		`{"error":0}`, `{"error":" "}`,
	} {
		_, err := mocked(t, 200, body).Import(context.Background(), validLead())
		assert.NoError(t, err, body)
	}
}

// FuzzSuccessMemberReadTolerantly is the rule for "success" and "error":
// their letter case and JSON type (a string or the number or boolean it
// spells) never change the outcome.
func FuzzSuccessMemberReadTolerantly(f *testing.F) {
	for _, v := range []string{"false", "FALSE", "0", "0.0", "true", "no", "KO", "yes", "", "-0", "1e0"} {
		f.Add(v, true)
		f.Add(v, false)
	}
	f.Fuzz(func(t *testing.T, v string, inSuccess bool) {
		member := "error"
		if inSuccess {
			member = "success"
		}
		failed := func(raw string) bool {
			_, err := mocked(t, 200, `{"`+member+`":`+raw+`}`).Import(context.Background(), validLead())
			return err != nil
		}
		quoted := func(s string) string { b, _ := json.Marshal(s); return string(b) }
		want := failed(quoted(v))
		assert.Equal(t, want, failed(quoted(strings.ToUpper(v))), "%q in upper case", v)
		assert.Equal(t, want, failed(quoted(strings.ToLower(v))), "%q in lower case", v)
		if json.Valid([]byte(v)) && !strings.ContainsAny(v, `"{[`) && strings.TrimSpace(v) == v && v != "null" {
			assert.Equal(t, want, failed(v), "%s as a JSON literal", v)
		}
	})
}
