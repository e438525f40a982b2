package enum

import (
	"fmt"
	"slices"
	"strings"
)

// StringTable is a list of allowed values sent as text on the wire, such
// as La Factory's "Monsieur" or "ACCORD". The Go type is a string type
// whose constants are the wire values themselves, so JSON needs no codec;
// the table adds Valid, Parse (forgiving spelling) and Values.
type StringTable[T ~string] struct {
	name   string
	values []T
	byName map[string]T
}

// NewStrings builds a table; aliases maps other spellings to values. It
// panics when two spellings fold to the same key for different values.
func NewStrings[T ~string](name string, values []T, aliases map[string]T) *StringTable[T] {
	t := &StringTable[T]{name: name, values: values, byName: map[string]T{}}
	add := func(spelling string, v T) {
		k := Fold(spelling)
		if prev, dup := t.byName[k]; dup && prev != v {
			panic(fmt.Sprintf("enum %s: %q names both %q and %q", name, spelling, prev, v))
		}
		t.byName[k] = v
	}
	for _, v := range values {
		add(string(v), v)
	}
	for s, v := range aliases {
		if !slices.Contains(values, v) {
			panic(fmt.Sprintf("enum %s: alias %q names unknown value %q", name, s, v))
		}
		add(s, v)
	}
	return t
}

// Values returns every allowed value in the order of the service's document.
func (t *StringTable[T]) Values() []T { return slices.Clone(t.values) }

// Valid reports whether v is exactly one of the allowed values.
func (t *StringTable[T]) Valid(v T) bool { return slices.Contains(t.values, v) }

// Parse returns the allowed value s spells, case, accents and spacing
// ignored, or an alias of it.
func (t *StringTable[T]) Parse(s string) (T, error) {
	if v, ok := t.byName[Fold(s)]; ok {
		return v, nil
	}
	return "", fmt.Errorf("unknown %s %q (want one of %s)", t.name, s, t.list())
}

func (t *StringTable[T]) list() string {
	parts := make([]string, len(t.values))
	for i, v := range t.values {
		parts[i] = string(v)
	}
	return strings.Join(parts, ", ")
}
