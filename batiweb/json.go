package batiweb

import (
	"bytes"
	"encoding/json"
	"errors"
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
		return &json.UnmarshalTypeError{Value: wire.Kind(b), Type: reflect.TypeFor[string]()}
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
	return &json.UnmarshalTypeError{Value: wire.Kind(b), Type: reflect.TypeFor[int]()}
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
