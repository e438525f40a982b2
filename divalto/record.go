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
// ProspectUser, Indicators and the related records). weavy writes its
// values as JSON strings, may send null, "" or nothing for the same field,
// and its PUT example uses both null and "". A record therefore remembers,
// per wire field, whether it was present, null, or "" where its Go type
// has another zero value (a flag, an enum), and encodes exactly that
// again: a record read and written back is unchanged. A value weavy sent
// in another form than the one the SDK writes (a JSON number, true, a
// flag written "oui") is kept as it came and sent back so while the field
// holds the value read. A value the field's Go type cannot hold (a flag
// "2" or "Y", an enum "X", an object where a text is) does not fail the
// record: the field is left zero, Raw returns the value, and it is sent
// back as weavy wrote it while the field stays zero. Fields this SDK does not know (another company's
// DIVINF overrides) are kept in Extra.
//
// The struct tags are the table: `json:"wire name"` and, for validation
// and PUT, `divalto:"..."` with comma-separated options:
//
//	required    Validate refuses a blank value
//	max=N       at most N characters (the document's Varchar(N))
//	type=T      a generic-type reference of data type T (see Ref)
//	qualified   a reference always written DATATYPE-code (codegenerictype)
//	email       an e-mail address
//	int         an integer (the document's Int)
//	multiline   a text that may hold line breaks (the document's Text)

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
	// hasRaw marks the fields of raw.
	hasRaw fieldSet
	// raw holds the values weavy sent in another form than the SDK
	// writes, with the value each decoded to.
	raw []rawValue
	// src is the object a Client read from weavy, and spans where each
	// field's value sits in it (nil for a record not read from weavy):
	// Validate accepts every value still held as weavy sent it.
	src   string
	spans []span
}

// span is a field's value in wireState.src; zero when weavy sent none.
type span struct{ off, end uint32 }

// rawValue is one field's value as weavy wrote it.
type rawValue struct {
	i     int
	json  string
	value any
}

func (st *wireState) rawOf(i int) *rawValue {
	for j := range st.raw {
		if st.raw[j].i == i {
			return &st.raw[j]
		}
	}
	return nil
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

// Raw returns the JSON value weavy sent for the wire field when the
// record holds it in another form than the one the SDK writes: a number
// or true where a string is documented, a flag or an enum weavy wrote
// otherwise ("2", "Y", "2.0"), or a value its Go type cannot hold (an
// object where a text is), which leaves the field zero. While the field
// holds what that value decoded to (zero for one it cannot hold), the
// value is sent back exactly so; set the field, or name it in SendEmpty
// or SendNull, to send something else. ok is false for a field weavy
// sent in the SDK's own form, or did not send.
func (f *fields[T]) Raw(field string) (value json.RawMessage, ok bool) {
	i, known := codecOf[T]().byName[field]
	if !known || !f.st.hasRaw.has(i) {
		return nil, false
	}
	if r := f.st.rawOf(i); r != nil {
		return json.RawMessage(r.json), true
	}
	return nil, false
}

// SendNull makes each named wire field be sent as null while its value is
// zero. Without it, a zero field is sent only if weavy sent it.
func (f *fields[T]) SendNull(field ...string) error {
	return f.mark(field, func(i int) { f.st.null.set(i); f.st.present.clear(i); f.st.blank.clear(i); f.st.hasRaw.clear(i) })
}

// SendEmpty makes each named wire field be sent with its zero value ("",
// or "0" for a flag) while it is zero: to blank an address line or clear a
// flag in weavy, for instance. Without it, a zero field is sent only if
// weavy sent it.
func (f *fields[T]) SendEmpty(field ...string) error {
	return f.mark(field, func(i int) { f.st.present.set(i); f.st.null.clear(i); f.st.blank.clear(i); f.st.hasRaw.clear(i) })
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
		return fmt.Errorf("divalto: %s has no field %s", c.wire, strings.Join(unknown, ", "))
	}
	return nil
}

type stateful interface{ state() *wireState }

type kind uint8

const (
	kString kind = iota // a string type
	kBool               // "0" / "1"
	kRef                // a Ref
	kText               // another TextMarshaler: DateTime, an enum
	kJSON               // anything else, through encoding/json
)

// refMode is how a reference's text is split into data type and code.
type refMode uint8

const (
	refKnown     refMode = iota // split only at a data type the document names
	refTyped                    // split only at the field's own data type
	refQualified                // always DATATYPE-code: ParseRef
)

type fieldCodec struct {
	name      string
	index     int
	kind      kind
	ref       refMode
	dataType  string // type=
	max       int    // max=
	required  bool
	email     bool
	integer   bool
	multiline bool
	number    bool // a Number
}

type codec struct {
	name   string // the Go type, for panics
	wire   string // the record's name in weavy's JSON, for errors
	fields []fieldCodec
	byName map[string]int
	extra  int // index of the Extra map
}

var (
	codecs       = map[reflect.Type]*codec{}
	textType     = reflect.TypeFor[encoding.TextUnmarshaler]()
	numberType   = reflect.TypeFor[Number]()
	refType      = reflect.TypeFor[Ref]()
	statefulType = reflect.TypeFor[stateful]()
)

// codecOf returns T's codec, built at package init.
func codecOf[T any]() *codec { return codecs[reflect.TypeFor[T]()] }

// register builds T's codec from its struct tags. It panics on a type
// that is not a record: the types are program text.
func register[T any](wireName string) *codec {
	t := reflect.TypeFor[T]()
	if !reflect.PointerTo(t).Implements(statefulType) {
		panic("divalto: " + t.Name() + " does not embed fields")
	}
	c := &codec{name: t.Name(), wire: wireName, byName: map[string]int{}, extra: -1}
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
		case sf.Type == refType:
			f.kind = kRef
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
			case "int":
				f.integer = true
			case "multiline":
				f.multiline = true
			case "qualified":
				f.ref = refQualified
			case "type":
				f.dataType, f.ref = val, refTyped
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

// names returns the record's wire field names in the document's order.
func (c *codec) names() []string {
	out := make([]string, len(c.fields))
	for i, f := range c.fields {
		out[i] = f.name
	}
	return out
}

var (
	errNotJSON   = errors.New("is not JSON")
	errNotObject = errors.New("is not a JSON object")
)

// decode reads a JSON object into the record v points to (UnmarshalJSON).
// null leaves it unchanged. An error names the field.
func (c *codec) decode(data []byte, v any) error {
	data = bytes.TrimSpace(data)
	if string(data) == "null" {
		return nil
	}
	switch {
	case !json.Valid(data):
		return fmt.Errorf("%s %w", c.wire, errNotJSON)
	case data[0] != '{':
		return fmt.Errorf("%s %w", c.wire, errNotObject)
	}
	return c.decodeValid(string(data), v, false)
}

// decodeValid reads the valid JSON object s into the record v points to.
// The record's strings are substrings of s. fromWeavy keeps a copy of the
// record as read, for Validate.
func (c *codec) decodeValid(s string, v any, fromWeavy bool) error {
	rv := reflect.ValueOf(v).Elem()
	st := v.(stateful).state()
	*st = wireState{}
	extra := rv.Field(c.extra)
	extra.SetZero()
	if fromWeavy {
		st.src, st.spans = s, make([]span, len(c.fields))
	}
	err := eachMemberAt(s, func(key string, off, end int) error {
		value := s[off:end]
		i, known := c.byName[key]
		if !known {
			if extra.IsNil() {
				extra.Set(reflect.MakeMap(extra.Type()))
			}
			extra.SetMapIndex(reflect.ValueOf(key), reflect.ValueOf(json.RawMessage(value)))
			return nil
		}
		if err := c.fields[i].decode(rv.Field(c.fields[i].index), st, i, value); err != nil {
			return fmt.Errorf("%s.%s %w", c.wire, key, err)
		}
		if st.spans != nil {
			st.spans[i] = span{uint32(off), uint32(end)}
		}
		return nil
	})
	return err
}

// scalar reads the valid JSON value v: its text and its JSON type, 's'
// (a string), 'n' (a number), 'b' (true or false) or 0 (null).
func scalar(v string) (string, byte, error) {
	switch v[0] {
	case '"':
		inner := v[1 : len(v)-1]
		if strings.IndexByte(inner, '\\') < 0 && utf8.ValidString(inner) {
			return inner, 's', nil
		}
		var s string
		if err := json.Unmarshal([]byte(v), &s); err != nil {
			return "", 0, errNotJSON
		}
		return s, 's', nil
	case 'n':
		return "", 0, nil
	case 't', 'f':
		return v, 'b', nil
	case '{':
		return "", 0, errors.New("is an object, not a value")
	case '[':
		return "", 0, errors.New("is an array, not a value")
	}
	return v, 'n', nil
}

func (f *fieldCodec) decode(fv reflect.Value, st *wireState, i int, value string) error {
	// odd keeps a value the field's Go type cannot hold (a flag "2", an
	// enum "X", an object where a text is): the field stays zero and the
	// value is sent back as weavy wrote it while the field stays zero.
	odd := func() error {
		fv.SetZero()
		st.present.set(i)
		st.blank.clear(i)
		st.hasRaw.set(i)
		st.raw = append(st.raw, rawValue{i: i, json: value, value: fv.Interface()})
		return nil
	}
	if f.kind == kJSON {
		if value == "null" {
			st.null.set(i)
			return nil
		}
		st.present.set(i)
		if err := json.Unmarshal([]byte(value), fv.Addr().Interface()); err != nil {
			return odd()
		}
		return nil
	}
	s, typ, err := scalar(value)
	switch {
	case err != nil:
		return odd()
	case typ == 0:
		st.null.set(i)
		return nil
	}
	st.present.set(i)
	canonical := typ == 's'
	switch f.kind {
	case kString:
		fv.SetString(s)
	case kBool:
		b, canon, ok := parseFlag(s)
		if !ok {
			return odd()
		}
		fv.SetBool(b)
		st.blank.put(i, strings.TrimSpace(s) == "")
		canonical = canonical && canon
	case kRef:
		*fv.Addr().Interface().(*Ref) = f.parseRef(s)
		st.blank.put(i, s == "")
	case kText:
		st.blank.put(i, s == "")
		if s != "" {
			if err := fv.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
				return odd()
			}
			b, err := fv.Interface().(encoding.TextMarshaler).MarshalText()
			canonical = canonical && err == nil && string(b) == s
		}
	}
	if !canonical {
		st.hasRaw.set(i)
		st.raw = append(st.raw, rawValue{i: i, json: value, value: fv.Interface()})
	}
	return nil
}

// parseFlag reads a 0/1 flag; canonical is false for a spelling the SDK
// does not write ("true", "oui", " 1").
func parseFlag(s string) (value, canonical, ok bool) {
	switch s {
	case "1":
		return true, true, true
	case "0", "":
		return false, true, true
	}
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "true", "oui", "yes":
		return true, false, true
	case "0", "false", "non", "no", "":
		return false, false, true
	}
	return false, false, false
}

// parseRef splits a reference's text as the field's mode says.
func (f *fieldCodec) parseRef(s string) Ref {
	switch f.ref {
	case refTyped:
		if code, ok := strings.CutPrefix(s, f.dataType+"-"); ok {
			return Ref{DataType: f.dataType, Code: code}
		}
		return Ref{Code: s}
	case refQualified:
		return ParseRef(s)
	}
	if dt, code, ok := strings.Cut(s, "-"); ok && knownDataTypes[dt] {
		return Ref{DataType: dt, Code: code}
	}
	return Ref{Code: s}
}

// knownDataTypes are the generic-type data types WebHook Prospect (V5.7)
// names.
var knownDataTypes = map[string]bool{
	"COUNTRY": true, "PROVINCE": true, "CIVILITY": true, "CUSTOMER_TYPE": true, "CUSTOMER_FAMILY": true,
	"PAYMENT_MEAN": true, "DELIVERY_MODE": true, "TAX_CUSTOMER": true, "ACCOUNTING_CATEGORY": true,
	"CUSTOMER_POTENTIAL": true, "ROLE": true, "PRODUCT_REFERENCING": true, "DISTRIBUTION": true,
	"MARKET": true, "CUSTOMERUSER_LINK": true,
}

// eachMember calls fn with each key (unescaped) and value of the valid
// JSON object s, without building a map.
func eachMember(s string, fn func(key, value string) error) error {
	return eachMemberAt(s, func(key string, off, end int) error { return fn(key, s[off:end]) })
}

// eachMemberAt is eachMember giving where each value sits in s.
func eachMemberAt(s string, fn func(key string, off, end int) error) error {
	i := skipSpace(s, 1)
	for i < len(s) && s[i] == '"' {
		end := stringEnd(s, i)
		key := s[i+1 : end-1]
		if strings.IndexByte(key, '\\') >= 0 || !utf8.ValidString(key) {
			var k string
			if err := json.Unmarshal([]byte(s[i:end]), &k); err != nil {
				return errNotJSON
			}
			key = k
		}
		i = skipSpace(s, end)
		i = skipSpace(s, i+1) // the colon
		end = valueEnd(s, i)
		if err := fn(key, i, end); err != nil {
			return err
		}
		i = skipSpace(s, end)
		if i < len(s) && s[i] == ',' {
			i = skipSpace(s, i+1)
		}
	}
	return nil
}

// eachElement calls fn with each value of the valid JSON array s.
func eachElement(s string, fn func(i int, value string) error) error {
	i := skipSpace(s, 1)
	for n := 0; i < len(s) && s[i] != ']'; n++ {
		end := valueEnd(s, i)
		if err := fn(n, s[i:end]); err != nil {
			return err
		}
		i = skipSpace(s, end)
		if i < len(s) && s[i] == ',' {
			i = skipSpace(s, i+1)
		}
	}
	return nil
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	return i
}

// stringEnd returns the index after the valid JSON string at s[i].
func stringEnd(s string, i int) int {
	j := i + 1
	for {
		k := strings.IndexByte(s[j:], '"')
		if k < 0 {
			return len(s)
		}
		j += k
		backslashes := 0
		for b := j - 1; b > i && s[b] == '\\'; b-- {
			backslashes++
		}
		if backslashes%2 == 0 {
			return j + 1
		}
		j++
	}
}

// valueEnd returns the index after the valid JSON value at s[i].
func valueEnd(s string, i int) int {
	if i >= len(s) {
		return len(s)
	}
	switch s[i] {
	case '"':
		return stringEnd(s, i)
	case '{', '[':
		depth := 0
		for j := i; j < len(s); j++ {
			switch s[j] {
			case '"':
				j = stringEnd(s, j) - 1
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return j + 1
				}
			}
		}
		return len(s)
	}
	for j := i; j < len(s); j++ {
		switch s[j] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			return j
		}
	}
	return len(s)
}

// encode writes the record v points to as a JSON object: every field
// with a value, every field weavy sent or SendNull/SendEmpty named (as
// it was: null, "" or the zero value), then Extra in key order. A field
// still holding the value weavy sent in another form is written in that
// form.
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
		if st.hasRaw.has(i) {
			if r := st.rawOf(i); r != nil && same(fv, reflect.ValueOf(r.value)) {
				buf = append(buf, r.json...)
				continue
			}
		}
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
			return nil, fmt.Errorf("%s.%s: %w", c.wire, f.name, err)
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
			return nil, fmt.Errorf("%s.Extra[%q]: not JSON", c.wire, k)
		}
		if len(buf) > 1 {
			buf = append(buf, ',')
		}
		buf = wire.AppendString(buf, k)
		buf = append(buf, ':')
		buf = append(buf, raw...)
	}
	return append(buf, '}'), nil
}

func (f *fieldCodec) encode(buf []byte, fv reflect.Value) ([]byte, error) {
	switch f.kind {
	case kString:
		return wire.AppendString(buf, fv.String()), nil
	case kBool:
		if fv.Bool() {
			return append(buf, `"1"`...), nil
		}
		return append(buf, `"0"`...), nil
	case kRef:
		return wire.AppendString(buf, fv.Addr().Interface().(*Ref).String()), nil
	case kText:
		b, err := fv.Interface().(encoding.TextMarshaler).MarshalText()
		return wire.AppendString(buf, string(b)), err
	}
	b, err := json.Marshal(fv.Interface())
	return append(buf, b...), err
}

// original returns what field i of the record v points to held as a
// Client read it from weavy (its zero value when weavy sent none); ok is
// false for a record built or decoded by the caller.
func (c *codec) original(v any, i int) (reflect.Value, bool) {
	st := v.(stateful).state()
	if st.spans == nil {
		return reflect.Value{}, false
	}
	f := &c.fields[i]
	ov := reflect.New(reflect.ValueOf(v).Elem().Field(f.index).Type()).Elem()
	if sp := st.spans[i]; sp.end > sp.off {
		var scratch wireState
		_ = f.decode(ov, &scratch, i, st.src[sp.off:sp.end]) // it decoded once already
	}
	return ov, true
}

// unchanged reports whether field i still holds what weavy sent.
func (c *codec) unchanged(v any, i int) bool {
	ov, ok := c.original(v, i)
	return ok && same(reflect.ValueOf(v).Elem().Field(c.fields[i].index), ov)
}

// changed reports whether the named field differs from what weavy sent
// (always true for a record not read from weavy).
func (c *codec) changed(v any, field string) bool { return !c.unchanged(v, c.byName[field]) }

// check adds a problem for every field of the record v points to that
// PUT would refuse, each named prefix + wire name. A value weavy sent,
// still held unchanged, is never refused: only what the caller set is
// checked.
func (c *codec) check(l *validate.List, prefix string, v any) {
	rv := reflect.ValueOf(v).Elem()
	for i, f := range c.fields {
		fv := rv.Field(f.index)
		if c.unchanged(v, i) {
			continue // weavy's own value
		}
		name := prefix + f.name
		switch f.kind {
		case kString:
			s := fv.String()
			l.Check(f.required && strings.TrimSpace(s) == "", name, "is required")
			l.Check(f.max > 0 && utf8.RuneCountInString(s) > f.max, name, fmt.Sprintf("is longer than %d characters", f.max))
			l.Text(name, s, f.multiline)
			l.Check(f.email && s != "" && !validate.Email(s), name, "is not an e-mail address")
			switch {
			case s == "" || !f.number:
			case f.integer:
				l.Check(!isInteger(s), name, "is not an integer")
			default:
				l.Check(!isDecimal(s), name, "is not a number")
			}
		case kRef:
			if msg := fv.Addr().Interface().(*Ref).problem(f.dataType); msg != "" {
				l.Add(name, msg)
			}
		case kText:
			switch v := fv.Interface().(type) {
			case interface{ problem(dataType string) string }:
				if msg := v.problem(f.dataType); msg != "" {
					l.Add(name, msg)
				}
			case interface{ Valid() bool }:
				l.Check(!fv.IsZero() && !v.Valid(), name, "is not one of the document's values")
			}
		}
	}
}

// same reports whether two values of one field are equal.
func same(a, b reflect.Value) bool {
	if a.Type() != b.Type() {
		return false
	}
	if !a.Type().Comparable() {
		return reflect.DeepEqual(a.Interface(), b.Interface())
	}
	return a.Interface() == b.Interface()
}

// isInteger reports whether s is an integer written in decimal digits,
// with an optional sign.
func isInteger(s string) bool {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+")
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// isDecimal reports whether s is a decimal number: digits with an
// optional sign, fraction and exponent ("0.00", "-1.5e3"). NaN, infinities
// and hexadecimal are not numbers a Double column holds.
func isDecimal(s string) bool {
	s = strings.TrimSpace(s)
	mant, exp, hasExp := strings.Cut(strings.ToLower(s), "e")
	if hasExp && !isInteger(exp) {
		return false
	}
	mant = strings.TrimPrefix(strings.TrimPrefix(mant, "-"), "+")
	whole, frac, _ := strings.Cut(mant, ".")
	digits := func(d string) bool { return strings.Trim(d, "0123456789") == "" }
	return whole+frac != "" && digits(whole) && digits(frac)
}
