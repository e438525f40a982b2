package batiweb

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
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

// anyText is a member that may hold any JSON value: a scalar keeps its
// text (as text does), an object or an array its compact JSON; null is "".
// It never fails, so that one odd member hides no other.
type anyText string

// UnmarshalJSON accepts any JSON value.
func (t *anyText) UnmarshalJSON(b []byte) error {
	var s text
	if s.UnmarshalJSON(b) == nil {
		*t = anyText(s)
		return nil
	}
	var buf bytes.Buffer
	if json.Compact(&buf, b) != nil {
		buf.Reset()
		buf.Write(bytes.TrimSpace(b))
	}
	*t = anyText(buf.String())
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

// named gives a decoding error the exported type's name instead of the
// unexported one it was decoded through.
func named(err error, typ string) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		te.Struct = typ
	}
	return err
}

// describe says what is wrong with an answer in the answer's terms, never
// in Go's: a decoding error names the JSON member and its JSON type.
func describe(err error) string {
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
