package batiweb

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"

	"github.com/passerelle-go/passerelle/internal/wire"
)

// text is a text field as a caller's JSON may write it: a string, a number
// or a boolean, kept as its text; null is "".
type text string

// UnmarshalJSON accepts a JSON string, number, boolean or null.
func (t *text) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if s := string(b); s == "true" || s == "false" {
		*t = text(s)
		return nil
	}
	s, _, err := wire.Scalar(b)
	if err != nil {
		return &json.UnmarshalTypeError{Value: kind(b), Type: reflect.TypeFor[string]()}
	}
	*t = text(s)
	return nil
}

// count is an integer a caller's JSON may write as a number or a string
// holding one; null and "" are 0.
type count int

// UnmarshalJSON accepts an integer as a JSON number or string, "" or null.
func (c *count) UnmarshalJSON(b []byte) error {
	s, _, err := wire.Scalar(b)
	if err == nil {
		s = strings.TrimSpace(s)
		if s == "" {
			*c = 0
			return nil
		}
		var n int
		if n, err = strconv.Atoi(s); err == nil {
			*c = count(n)
			return nil
		}
	}
	return &json.UnmarshalTypeError{Value: kind(b), Type: reflect.TypeFor[int]()}
}

// kind names a JSON value's type for an error, never its content.
func kind(b []byte) string {
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
	}
	return "number"
}
