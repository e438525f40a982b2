package divalto

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/passerelle-go/passerelle/internal/validate"
	"github.com/passerelle-go/passerelle/internal/wire"
)

// This file is the one codec of every weavy record (Prospect,
// ProspectUser, Indicators and the related records). weavy writes every
// value as a JSON string, may send null, "" or nothing for the same field,
// and its PUT example uses both null and "". A record therefore remembers,
// per wire field, whether it was present, null, or "" where its Go type
// has another zero value (a flag, an enum), and encodes exactly that
// again: a record read and written back is unchanged. Fields this SDK does
// not know (another company's DIVINF overrides) are kept in Extra.
//
// The struct tags are the table: `json:"wire name"` and, for validation
// and PUT, `divalto:"..."` with comma-separated options:
//
//	required    Validate refuses a blank value
//	max=N       at most N characters (the seed's Varchar(N))
//	type=T      a generic-type reference of data type T (see Ref)
//	email       an e-mail address

// fieldSet is one bit per wire field of a record.
type fieldSet [2]uint64

const maxFields = 128

func (s *fieldSet) set(i int)          { s[i/64] |= 1 << (i % 64) }
func (s *fieldSet) clear(i int)        { s[i/64] &^= 1 << (i % 64) }
func (s fieldSet) has(i int) bool      { return s[i/64]&(1<<(i%64)) != 0 }
func (s *fieldSet) put(i int, on bool) { s.clear(i); s[i/64] |= b2u(on) << (i % 64) }

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// wireState is what a record remembers of the wire beyond its values.
type wireState struct {
	present, null, blank fieldSet
}

// fields is embedded in every record type T. Its methods say which wire
// fields a record holds and choose what a zero value sends.
type fields[T any] struct{ st wireState }

func (f *fields[T]) state() *wireState { return &f.st }

// Has reports whether the record holds the wire field: it came from
// weavy (even as null or ""), or was set with SendNull or SendEmpty. A
// field with a non-zero value is always sent, whatever Has says.
func (f *fields[T]) Has(field string) bool {
	i, ok := codecOf[T]().byName[field]
	return ok && (f.st.present.has(i) || f.st.null.has(i))
}

// IsNull reports whether the wire field is null: weavy sent null, or
// SendNull asked for it (a non-zero value still wins when encoding).
func (f *fields[T]) IsNull(field string) bool {
	i, ok := codecOf[T]().byName[field]
	return ok && f.st.null.has(i)
}

// SendNull makes each named wire field be sent as null while its value is
// zero. Without it, a zero field is sent only if weavy sent it.
func (f *fields[T]) SendNull(field ...string) error {
	return f.mark(field, func(i int) { f.st.null.set(i); f.st.present.clear(i); f.st.blank.clear(i) })
}

// SendEmpty makes each named wire field be sent with its zero value ("",
// or "0" for a flag) while it is zero: to blank an address line or clear a
// flag in weavy, for instance. Without it, a zero field is sent only if
// weavy sent it.
func (f *fields[T]) SendEmpty(field ...string) error {
	return f.mark(field, func(i int) { f.st.present.set(i); f.st.null.clear(i); f.st.blank.clear(i) })
}

func (f *fields[T]) mark(names []string, do func(int)) error {
	c := codecOf[T]()
	var unknown []string
	for _, n := range names {
		if i, ok := c.byName[n]; ok {
			do(i)
		} else {
			unknown = append(unknown, strconv.Quote(n))
		}
	}
	if len(unknown) > 0 {
		return fmt.Errorf("divalto: %s has no field %s", c.name, strings.Join(unknown, ", "))
	}
	return nil
}

type stateful interface{ state() *wireState }

type kind uint8

const (
	kString kind = iota // a string type
	kBool               // "0" / "1"
	kText               // a TextMarshaler: Ref, DateTime, an enum
	kJSON               // anything else, through encoding/json
)

type fieldCodec struct {
	name     string
	index    int
	kind     kind
	dataType string // type=
	max      int    // max=
	required bool
	email    bool
	number   bool // a Number
}

type codec struct {
	name   string
	fields []fieldCodec
	byName map[string]int
	extra  int // index of the Extra map
}

var (
	codecs       = map[reflect.Type]*codec{}
	textType     = reflect.TypeFor[encoding.TextUnmarshaler]()
	numberType   = reflect.TypeFor[Number]()
	statefulType = reflect.TypeFor[stateful]()
)

// codecOf returns T's codec, built at package init.
func codecOf[T any]() *codec { return codecs[reflect.TypeFor[T]()] }

// register builds T's codec from its struct tags. It panics on a type
// that is not a record: the types are program text.
func register[T any]() *codec {
	t := reflect.TypeFor[T]()
	if !reflect.PointerTo(t).Implements(statefulType) {
		panic("divalto: " + t.Name() + " does not embed fields")
	}
	c := &codec{name: t.Name(), byName: map[string]int{}, extra: -1}
	for i := range t.NumField() {
		sf := t.Field(i)
		if sf.Name == "Extra" {
			c.extra = i
			continue
		}
		name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if !sf.IsExported() || name == "" || name == "-" {
			continue
		}
		f := fieldCodec{name: name, index: i, number: sf.Type == numberType}
		switch {
		case sf.Type.Kind() == reflect.String:
			f.kind = kString
		case sf.Type.Kind() == reflect.Bool:
			f.kind = kBool
		case reflect.PointerTo(sf.Type).Implements(textType):
			f.kind = kText
		default:
			f.kind = kJSON
		}
		for _, opt := range strings.Split(sf.Tag.Get("divalto"), ",") {
			key, val, _ := strings.Cut(opt, "=")
			switch key {
			case "required":
				f.required = true
			case "email":
				f.email = true
			case "type":
				f.dataType = val
			case "max":
				f.max, _ = strconv.Atoi(val)
			}
		}
		if _, dup := c.byName[name]; dup {
			panic("divalto: " + c.name + " has two fields " + name)
		}
		c.byName[name] = len(c.fields)
		c.fields = append(c.fields, f)
	}
	if len(c.fields) > maxFields || c.extra < 0 {
		panic("divalto: " + c.name + " has too many fields or no Extra")
	}
	codecs[t] = c
	return c
}

// Names returns the record's wire field names in the seed's order.
func (c *codec) names() []string {
	out := make([]string, len(c.fields))
	for i, f := range c.fields {
		out[i] = f.name
	}
	return out
}

// decode reads a JSON object into the record v points to. null leaves it
// unchanged. An error names the field.
func (c *codec) decode(data []byte, v any) error {
	data = bytes.TrimSpace(data)
	if bytes.Equal(data, []byte("null")) {
		return nil
	}
	if !json.Valid(data) || data[0] != '{' {
		var m map[string]json.RawMessage
		return fmt.Errorf("%s: %w", c.name, cmpErr(json.Unmarshal(data, &m)))
	}
	rv := reflect.ValueOf(v).Elem()
	st := v.(stateful).state()
	*st = wireState{}
	extra := rv.Field(c.extra)
	extra.SetZero()
	return members(data, func(key, value []byte) error {
		i, known := c.byName[string(key)]
		if !known {
			if extra.IsNil() {
				extra.Set(reflect.MakeMap(extra.Type()))
			}
			extra.SetMapIndex(reflect.ValueOf(string(key)), reflect.ValueOf(json.RawMessage(bytes.Clone(value))))
			return nil
		}
		if err := c.fields[i].decode(rv.Field(c.fields[i].index), st, i, value); err != nil {
			return fmt.Errorf("%s.%s: %w", c.name, key, err)
		}
		return nil
	})
}

// cmpErr is err, or an error saying a JSON object was wanted.
func cmpErr(err error) error {
	if err == nil {
		return errors.New("want a JSON object")
	}
	return err
}

// members calls fn with each key (unescaped) and raw value of a JSON
// object, without building a map. data must be a valid JSON object.
func members(data []byte, fn func(key, value []byte) error) error {
	i := skipSpace(data, 1)
	for i < len(data) && data[i] == '"' {
		end := skipValue(data, i)
		key := data[i+1 : end-1]
		if bytes.IndexByte(key, '\\') >= 0 || !utf8.Valid(key) {
			var k string
			if err := json.Unmarshal(data[i:end], &k); err != nil {
				return err
			}
			key = []byte(k)
		}
		i = skipSpace(data, end)
		i = skipSpace(data, i+1) // the colon
		end = skipValue(data, i)
		if err := fn(key, data[i:end]); err != nil {
			return err
		}
		i = skipSpace(data, end)
		if i < len(data) && data[i] == ',' {
			i = skipSpace(data, i+1)
		}
	}
	return nil
}

func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}

// skipValue returns the end of the valid JSON value at data[i].
func skipValue(data []byte, i int) int {
	depth, inString := 0, false
	for j := i; j < len(data); j++ {
		c := data[j]
		switch {
		case inString:
			if c == '\\' {
				j++
			} else if c == '"' {
				inString = false
				if depth == 0 {
					return j + 1
				}
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			if depth--; depth <= 0 {
				if depth < 0 {
					return j // the object's own closing brace: a bare value ended
				}
				return j + 1
			}
		case depth == 0 && (c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r'):
			return j
		}
	}
	return len(data)
}

func (f *fieldCodec) decode(fv reflect.Value, st *wireState, i int, value json.RawMessage) error {
	if f.kind == kJSON {
		if bytes.Equal(bytes.TrimSpace(value), []byte("null")) {
			st.null.set(i)
			return nil
		}
		st.present.set(i)
		return json.Unmarshal(value, fv.Addr().Interface())
	}
	s, ok, err := wire.Scalar(value)
	if b := bytes.TrimSpace(value); err != nil && f.kind == kBool && (string(b) == "true" || string(b) == "false") {
		s, ok, err = string(b), true, nil
	}
	switch {
	case err != nil:
		return err
	case !ok:
		st.null.set(i)
		return nil
	}
	st.present.set(i)
	switch f.kind {
	case kString:
		fv.SetString(s)
	case kBool:
		var b wire.Bool01
		if err := b.UnmarshalJSON(strconv.AppendQuote(nil, s)); err != nil {
			return err
		}
		fv.SetBool(bool(b))
		st.blank.put(i, strings.TrimSpace(s) == "")
	case kText:
		st.blank.put(i, s == "")
		if s != "" {
			return fv.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s))
		}
	}
	return nil
}

// encode writes the record v points to as a JSON object: every field
// with a value, every field weavy sent or SendNull/SendEmpty named (as
// it was: null, "" or the zero value), then Extra in key order.
func (c *codec) encode(v any) ([]byte, error) {
	rv := reflect.ValueOf(v).Elem()
	st := v.(stateful).state()
	buf := append(make([]byte, 0, 64*len(c.fields)), '{')
	for i := range c.fields {
		f := &c.fields[i]
		fv := rv.Field(f.index)
		zero := fv.IsZero()
		if zero && !st.present.has(i) && !st.null.has(i) {
			continue
		}
		if len(buf) > 1 {
			buf = append(buf, ',')
		}
		buf = strconv.AppendQuote(buf, f.name) // wire names are ASCII
		buf = append(buf, ':')
		var err error
		switch {
		case zero && st.null.has(i):
			buf = append(buf, "null"...)
		case zero && st.blank.has(i):
			buf = append(buf, `""`...)
		default:
			buf, err = f.encode(buf, fv)
		}
		if err != nil {
			return nil, fmt.Errorf("%s.%s: %w", c.name, f.name, err)
		}
	}
	extra := rv.Field(c.extra)
	keys := make([]string, 0, extra.Len())
	for _, k := range extra.MapKeys() {
		if _, known := c.byName[k.String()]; !known {
			keys = append(keys, k.String())
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		raw := extra.MapIndex(reflect.ValueOf(k)).Bytes()
		if !json.Valid(raw) {
			return nil, fmt.Errorf("%s.Extra[%q]: not JSON", c.name, k)
		}
		if len(buf) > 1 {
			buf = append(buf, ',')
		}
		buf = appendString(buf, k)
		buf = append(buf, ':')
		buf = append(buf, raw...)
	}
	return append(buf, '}'), nil
}

func (f *fieldCodec) encode(buf []byte, fv reflect.Value) ([]byte, error) {
	switch f.kind {
	case kString:
		return appendString(buf, fv.String()), nil
	case kBool:
		if fv.Bool() {
			return append(buf, `"1"`...), nil
		}
		return append(buf, `"0"`...), nil
	case kText:
		b, err := fv.Interface().(encoding.TextMarshaler).MarshalText()
		return appendString(buf, string(b)), err
	}
	b, err := json.Marshal(fv.Interface())
	return append(buf, b...), err
}

// appendString appends s as a JSON string, leaving <, > and & as they
// are (weavy's own examples hold URLs).
func appendString(buf []byte, s string) []byte {
	buf = append(buf, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r != utf8.RuneError || size != 1 {
				if r != '\u2028' && r != '\u2029' {
					i += size
					continue
				}
			}
			buf = append(buf, s[start:i]...)
			if r == utf8.RuneError {
				buf = utf8.AppendRune(buf, utf8.RuneError) // an invalid byte, as encoding/json reads it
			} else {
				buf = fmt.Appendf(buf, `\u%04x`, r)
			}
			i += size
			start = i
			continue
		}
		buf = append(buf, s[start:i]...)
		switch c {
		case '"', '\\':
			buf = append(buf, '\\', c)
		case '\n':
			buf = append(buf, `\n`...)
		case '\r':
			buf = append(buf, `\r`...)
		case '\t':
			buf = append(buf, `\t`...)
		default:
			buf = fmt.Appendf(buf, `\u%04x`, c)
		}
		i++
		start = i
	}
	return append(append(buf, s[start:]...), '"')
}

// check adds a problem for every field of the record v points to that
// PUT would refuse, each named prefix + wire name.
func (c *codec) check(l *validate.List, prefix string, v any) {
	rv := reflect.ValueOf(v).Elem()
	for _, f := range c.fields {
		fv := rv.Field(f.index)
		name := prefix + f.name
		switch f.kind {
		case kString:
			s := fv.String()
			l.Check(f.required && strings.TrimSpace(s) == "", name, "is required")
			l.Check(f.max > 0 && utf8.RuneCountInString(s) > f.max, name, fmt.Sprintf("is longer than %d characters", f.max))
			l.Check(!utf8.ValidString(s), name, "is not valid UTF-8")
			l.Check(f.email && s != "" && !validate.Email(s), name, "is not an e-mail address")
			if f.number && s != "" {
				_, err := Number(s).Float64()
				l.Check(err != nil, name, "is not a number")
			}
		case kText:
			switch v := fv.Interface().(type) {
			case interface{ problem(dataType string) string }:
				if msg := v.problem(f.dataType); msg != "" {
					l.Add(name, msg)
				}
			case interface{ Valid() bool }:
				l.Check(!fv.IsZero() && !v.Valid(), name, "is not one of the seed's values")
			}
		}
	}
}
