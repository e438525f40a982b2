// Package wire holds the small JSON types several services need because
// their wire formats are looser than Go's: numbers sent as strings or as
// numbers, and booleans sent as "0"/"1".
package wire

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

var null = []byte("null")

// Scalar returns the text of a JSON string or number: `"42"` and `42` both
// give "42". ok is false for null; any other JSON value is an error.
func Scalar(b []byte) (s string, ok bool, err error) {
	b = bytes.TrimSpace(b)
	switch {
	case bytes.Equal(b, null):
		return "", false, nil
	case len(b) > 1 && b[0] == '"' && b[len(b)-1] == '"' && bytes.IndexByte(b, '\\') < 0 && utf8.Valid(b):
		return string(b[1 : len(b)-1]), true, nil // no escapes: the text itself
	case len(b) > 0 && b[0] == '"':
		if err := json.Unmarshal(b, &s); err != nil {
			return "", false, err
		}
		return s, true, nil
	case len(b) > 0 && (b[0] == '-' || b[0] >= '0' && b[0] <= '9'):
		if !isNumber(b) {
			return "", false, fmt.Errorf("invalid JSON number %.20q", b)
		}
		return string(b), true, nil
	}
	return "", false, fmt.Errorf("want a JSON string or number, got %.20q", b)
}

// isNumber reports whether b is one JSON number (RFC 8259's grammar), read
// without encoding/json's decoder, which allocates.
func isNumber(b []byte) bool {
	i := 0
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && b[i] >= '1' && b[i] <= '9':
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	default:
		return false
	}
	if i < len(b) && b[i] == '.' {
		i++
		start := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		if i == start {
			return false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		start := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		if i == start {
			return false
		}
	}
	return i == len(b)
}

// NumString is a number the service may send as a JSON string or a JSON
// number. It keeps the exact text it received (no float rounding, leading
// zeros kept) and is sent back as a JSON string.
type NumString string

// MarshalJSON sends the number as a JSON string.
func (n NumString) MarshalJSON() ([]byte, error) { return json.Marshal(string(n)) }

// UnmarshalJSON accepts a string, a number or null (empty).
func (n *NumString) UnmarshalJSON(b []byte) error {
	s, _, err := Scalar(b)
	if err != nil {
		return err
	}
	*n = NumString(s)
	return nil
}

// Int is an integer the service may send as a JSON number or a JSON string
// holding one. It is sent as a JSON number.
type Int int

// UnmarshalJSON accepts 3, "3", " 3 " and null (0).
func (i *Int) UnmarshalJSON(b []byte) error {
	s, ok, err := Scalar(b)
	if err != nil || !ok {
		return err
	}
	v, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return fmt.Errorf("want an integer, got %.20q", s)
	}
	*i = Int(v)
	return nil
}

// Bool01 is a boolean the service writes "1" (true) or "0" (false).
type Bool01 bool

// MarshalJSON sends "1" or "0".
func (v Bool01) MarshalJSON() ([]byte, error) {
	if v {
		return []byte(`"1"`), nil
	}
	return []byte(`"0"`), nil
}

// UnmarshalJSON accepts "1"/"0", 1/0, true/false, "true"/"false",
// "oui"/"non", "yes"/"no", "" and null (both false).
func (v *Bool01) UnmarshalJSON(b []byte) error {
	switch string(bytes.TrimSpace(b)) {
	case "true":
		*v = true
		return nil
	case "false":
		*v = false
		return nil
	}
	s, _, err := Scalar(b)
	if err != nil {
		return err
	}
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "true", "oui", "yes":
		*v = true
	case "0", "false", "non", "no", "":
		*v = false
	default:
		return fmt.Errorf("want \"0\" or \"1\", got %.20q", s)
	}
	return nil
}

// AppendString appends s as a JSON string, as encoding/json writes it but
// without HTML escaping (<, > and & stay as the service or the caller wrote
// them): quotes, backslashes and control characters escaped, U+2028 and
// U+2029 escaped, an invalid byte written as \ufffd (what encoding/json
// reads it as). It allocates only to grow dst.
func AppendString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			if r == utf8.RuneError {
				dst = append(dst, `\ufffd`...)
			} else {
				dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xf])
			}
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// Text is the text of a JSON scalar, as tolerant reading keeps it: a
// string's content, a number or a boolean as written, "" for null or
// nothing. An object or an array is an error naming its JSON kind (never
// a Go type).
func Text(b []byte) (string, error) {
	t := bytes.TrimSpace(b)
	switch {
	case len(t) == 0 || string(t) == "null":
		return "", nil
	case t[0] == '"':
		s, _, err := Scalar(t)
		if err != nil {
			return "", errors.New("is not a valid JSON string")
		}
		return s, nil
	case t[0] == '{':
		return "", errors.New("is a JSON object, not text")
	case t[0] == '[':
		return "", errors.New("is a JSON list, not text")
	case string(t) == "true" || string(t) == "false":
		return string(t), nil
	case isNumber(t):
		return string(t), nil
	}
	return "", errors.New("is not a JSON value")
}

// Kind names a JSON value's type for an error, never its content:
// "object", "array", "string", "bool", "null", "number", or "nothing".
func Kind(b []byte) string {
	switch b = bytes.TrimSpace(b); {
	case len(b) == 0:
		return "nothing"
	case b[0] == '{':
		return "object"
	case b[0] == '[':
		return "array"
	case b[0] == '"':
		return "string"
	case b[0] == 't' || b[0] == 'f':
		return "bool"
	case b[0] == 'n':
		return "null"
	}
	return "number"
}

// Describe says what is wrong with an answer that could not be decoded, in
// the answer's terms (its JSON members and kinds), never in Go's: no type
// or package name reaches an error.
func Describe(err error) string {
	var (
		te *json.UnmarshalTypeError
		se *json.SyntaxError
	)
	switch {
	case errors.As(err, &te) && te.Field != "":
		return fmt.Sprintf("member %q is a JSON %s, which cannot be read", te.Field, te.Value)
	case errors.As(err, &te):
		return fmt.Sprintf("the answer is a JSON %s, not an object", te.Value)
	case errors.As(err, &se) && strings.Contains(se.Error(), "unexpected end"):
		return "the answer is truncated or empty"
	case errors.As(err, &se):
		return fmt.Sprintf("the answer is not JSON (at byte %d)", se.Offset)
	}
	return err.Error()
}
