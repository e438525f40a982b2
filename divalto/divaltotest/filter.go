package divaltotest

import (
	"slices"
	"strings"
	"time"

	"github.com/passerelle-go/passerelle/divalto"
)

// filter is one of LIST's filters, ready to test a prospect.
type filter func(f wireMap, closed time.Time, isClosed bool) bool

// equalFilters are LIST's equality filters: the field each compares, and
// whether it is a generic-type reference (compared by bare code).
var equalFilters = map[string]struct {
	field string
	ref   bool
}{
	"codeProspect":       {"codeprospect", false},
	"codeProspectFamily": {"generictype_ID_prospectFamily", true},
	"codeCountry":        {"generictype_ID_country", true},
	"codeBaseuser":       {"baseuser_ID", false},
	"codeBranchoffice":   {"branchoffice_ID", false},
	"email":              {"email", false},
	"siretNumber":        {"siretNumber", false},
}

// textFilters are LIST's contains / ends with / starts with filters.
var textFilters = map[string]struct {
	field string
	match func(value, want string) bool
}{
	"name":        {"name", strings.Contains},
	"emailDomain": {"email", strings.HasSuffix},
	"city":        {"city", strings.HasPrefix},
}

const notClosedBefore = "notClosedBefore"

// filterKeys is every filter LIST knows, sorted.
func filterKeys() []string {
	keys := []string{notClosedBefore}
	for k := range equalFilters {
		keys = append(keys, k)
	}
	for k := range textFilters {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// parseFilters reads LIST's filters; an unknown key or a value that is
// not a string is a 400 naming it, an absent, null or "" value is no
// filter.
func parseFilters(m wireMap) ([]filter, error) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var unknown []string
	var out []filter
	for _, k := range keys {
		v, _, err := scalar(m[k])
		if err != nil {
			return nil, badRequest("filters.%s is not a string", k)
		}
		if eq, ok := equalFilters[k]; ok {
			if v != "" {
				out = append(out, equal(eq.field, eq.ref, v))
			}
			continue
		}
		if tf, ok := textFilters[k]; ok {
			if v != "" {
				want, field, match := strings.ToLower(v), tf.field, tf.match
				out = append(out, func(f wireMap, _ time.Time, _ bool) bool {
					got, ok := value(f, field)
					return ok && match(strings.ToLower(got), want)
				})
			}
			continue
		}
		if k == notClosedBefore {
			if v == "" {
				continue
			}
			d, err := divalto.ParseDateTime(v)
			if err != nil {
				return nil, badRequest("filters.notClosedBefore %q is not a date in the %s format", v, divalto.DateTimeLayout)
			}
			out = append(out, func(_ wireMap, closed time.Time, isClosed bool) bool {
				return !isClosed || closed.After(d.Time)
			})
			continue
		}
		unknown = append(unknown, k)
	}
	if len(unknown) > 0 {
		return nil, badRequest("unknown filter %s: the filters are %s", strings.Join(unknown, ", "), strings.Join(filterKeys(), ", "))
	}
	return out, nil
}

// equal is an equality filter: "a|b|c" is any of them, "null" a field
// never written or written null.
func equal(field string, ref bool, v string) filter {
	alternatives := strings.Split(v, "|")
	code := func(s string) string {
		if ref {
			return bare(field, s)
		}
		return s
	}
	return func(f wireMap, _ time.Time, _ bool) bool {
		got, set := value(f, field)
		for _, a := range alternatives {
			if strings.EqualFold(a, divalto.Null) {
				if !set {
					return true
				}
				continue
			}
			if set && strings.EqualFold(code(got), code(a)) {
				return true
			}
		}
		return false
	}
}

// matches reports whether the prospect with the code passes every filter.
func (st *state) matches(code string, filters []filter) bool {
	p := st.prospects[code]
	closed, isClosed := st.closed[code]
	for _, f := range filters {
		if !f(p.fields, closed, isClosed) {
			return false
		}
	}
	return true
}
