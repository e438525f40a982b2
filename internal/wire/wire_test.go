package wire

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNumString(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]NumString{`"0042"`: "0042", `42`: "42", `12.50`: "12.50", `null`: "", `"x"`: "x", `-1e3`: "-1e3"} {
		var n NumString
		require.NoError(t, json.Unmarshal([]byte(in), &n), in)
		assert.Equal(t, want, n, in)
	}
	for _, bad := range []string{`true`, `{}`, `[1]`} {
		var n NumString
		assert.Error(t, json.Unmarshal([]byte(bad), &n), bad)
	}
	b, _ := json.Marshal(NumString("0042"))
	assert.Equal(t, `"0042"`, string(b))
}

func TestInt(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]Int{`5`: 5, `"5"`: 5, `" 5 "`: 5, `null`: 0, `-2`: -2} {
		var i Int
		require.NoError(t, json.Unmarshal([]byte(in), &i), in)
		assert.Equal(t, want, i, in)
	}
	for _, bad := range []string{`"five"`, `1.5`, `true`, `99999999999999999999999`} {
		var i Int
		assert.Error(t, json.Unmarshal([]byte(bad), &i), bad)
	}
}

func TestBool01(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]Bool01{`"1"`: true, `"0"`: false, `1`: true, `0`: false, `true`: true, `false`: false, `""`: false, `null`: false, `"true"`: true, `"oui"`: true, `"Non"`: false} {
		var b Bool01
		require.NoError(t, json.Unmarshal([]byte(in), &b), in)
		assert.Equal(t, want, b, in)
	}
	for _, bad := range []string{`"2"`, `"peut-être"`, `{}`} {
		var b Bool01
		assert.Error(t, json.Unmarshal([]byte(bad), &b), bad)
	}
	out, _ := json.Marshal(struct{ A, B Bool01 }{true, false})
	assert.Equal(t, `{"A":"1","B":"0"}`, string(out))
}

// FuzzIsNumber holds isNumber to encoding/json's reading of a number.
func FuzzIsNumber(f *testing.F) {
	for _, s := range []string{"0", "-0", "12", "1.5", "1e9", "-1.25E-3", "01", "1.", ".5", "-", "1e", "1e+", "+1", "0x10", "1_0", "١"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.TrimSpace(s) != s {
			return // Scalar trims white space before it asks
		}
		var n json.Number
		want := json.Unmarshal([]byte(s), &n) == nil && len(s) > 0 && (s[0] == '-' || s[0] >= '0' && s[0] <= '9')
		if got := isNumber([]byte(s)); got != want {
			t.Errorf("isNumber(%q) = %v, encoding/json says %v", s, got, want)
		}
	})
}

// FuzzAppendString: what AppendString writes reads back, with
// encoding/json, as the text encoding/json itself would write.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "plain", `q"b\`, "<a href='x'>&</a>", "l1\nl2\r\t", "\x00\x1f\x7f", "é東京", "\u2028\u2029", "a\xffb", "\xed\xa0\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b := AppendString([]byte("x"), s)
		require.Equal(t, byte('x'), b[0])
		var got, want string
		require.NoError(t, json.Unmarshal(b[1:], &got), "%q", b)
		std, err := json.Marshal(s)
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal(std, &want))
		assert.Equal(t, want, got)
		if !strings.ContainsAny(s, "<>&") {
			return
		}
		assert.NotContains(t, string(b), `\u003c`, "no HTML escaping")
	})
}

func TestTextKindDescribe(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{`"a\"b"`: `a"b`, `12.5`: "12.5", `true`: "true", `null`: "", ``: "", ` "x" `: "x", `"é"`: "é"} {
		got, err := Text([]byte(in))
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for _, in := range []string{`{"a":1}`, `[1]`, `nope`, `01`, `"unterminated`} {
		_, err := Text([]byte(in))
		assert.Error(t, err, in)
		assert.NotContains(t, err.Error(), "string of", in)
	}
	for in, want := range map[string]string{`{}`: "object", `[]`: "array", `"s"`: "string", `false`: "bool", `null`: "null", `-1`: "number", ``: "nothing"} {
		assert.Equal(t, want, Kind([]byte(in)), in)
	}
	var v struct {
		ID string `json:"id"`
	}
	for body, want := range map[string]string{
		`{"id":{"a":1}}`: `member "id" is a JSON object, which cannot be read`,
		`[]`:             "the answer is a JSON array, not an object",
		`<html>`:         "the answer is not JSON (at byte 1)",
		`{"id":"x`:       "the answer is truncated or empty",
	} {
		assert.Equal(t, want, Describe(json.Unmarshal([]byte(body), &v)), body)
	}
}
