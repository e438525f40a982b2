package easycall

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/passerelle-go/passerelle/internal/validate"
)

// ParseError lists the lines of a text lead that could not be read.
type ParseError struct {
	// Lines holds every unreadable line, in order.
	Lines []LineError
}

// LineError is one unreadable line.
type LineError struct {
	// Line is the line's number, from 1.
	Line int
	// Problem says what is wrong, without the line's value.
	Problem string
}

// Error lists the unreadable lines and their problems.
func (e *ParseError) Error() string {
	parts := make([]string, len(e.Lines))
	for i, l := range e.Lines {
		parts[i] = fmt.Sprintf("line %d: %s", l.Line, l.Problem)
	}
	return "easycall: " + strings.Join(parts, "; ")
}

// maxLineLength bounds one line of a text lead.
const maxLineLength = 64 << 10

// ParseLead reads a lead in EasyCall's text form, one "campo: valor" or
// "campo=valor" per line (the first ":" or "=" separates), as leads sent
// by e-mail are written ("El separador entre campo y valor puede ser ":" o
// "="" in EasyCall's document). Field names are resolved through the
// document's aliases; [DefaultCampaignKey] holds the campaign code
// ([Client.ParseLead] reads the client's key); any other name is a custom
// field. Blank lines are skipped. A line holding invalid UTF-8 or a
// control character, and every other unreadable line, is reported with
// its number in a *ParseError. The lead is not validated.
func ParseLead(r io.Reader) (*Lead, error) { return parseLead(r, DefaultCampaignKey) }

func parseLead(r io.Reader, campaignKey string) (*Lead, error) {
	lead := &Lead{}
	var bad []LineError
	seen := map[string]int{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxLineLength)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if p := validate.TextProblem(strings.ReplaceAll(line, "\t", " "), false); p != "" {
			bad = append(bad, LineError{n, p})
			continue
		}
		i := strings.IndexAny(line, ":=")
		if i < 0 {
			bad = append(bad, LineError{n, `no ":" or "=" between field and value`})
			continue
		}
		name, value := strings.TrimSpace(line[:i]), strings.TrimSpace(line[i+1:])
		if name == "" {
			bad = append(bad, LineError{n, "no field name"})
			continue
		}
		key := name
		if c, ok := CanonicalField(name); ok {
			key = c
		}
		if first, dup := seen[key]; dup {
			bad = append(bad, LineError{n, fmt.Sprintf("field %q already set on line %d", key, first)})
			continue
		}
		seen[key] = n
		if err := lead.set(key, value, campaignKey); err != nil {
			bad = append(bad, LineError{n, err.Error()})
		}
	}
	if err := sc.Err(); err != nil {
		bad = append(bad, LineError{n + 1, err.Error()})
	}
	if len(bad) > 0 {
		return nil, &ParseError{Lines: bad}
	}
	return lead, nil
}

// set stores value under a canonical, campaign or custom key.
func (l *Lead) set(key, value, campaignKey string) error {
	for _, f := range fields {
		if f.name == key {
			return f.set(l, value)
		}
	}
	if key == campaignKey {
		l.Campaign = value
		return nil
	}
	if l.Custom == nil {
		l.Custom = map[string]string{}
	}
	l.Custom[key] = value
	return nil
}

// MarshalText writes the lead in the text form ParseLead reads: the
// predefined fields in the document's order by canonical name, the
// campaign code under [DefaultCampaignKey] ([Client.MarshalLead] writes
// the client's key), then the custom fields sorted, one "campo: valor" a
// line. A value holding a line break, another control character or
// invalid UTF-8 cannot be written.
func (l *Lead) MarshalText() ([]byte, error) { return l.marshalText(DefaultCampaignKey) }

func (l *Lead) marshalText(campaignKey string) ([]byte, error) {
	var b strings.Builder
	write := func(k, v string) error {
		if p := validate.TextProblem(v, false); p != "" {
			return fmt.Errorf("easycall: field %q %s", k, p)
		}
		b.WriteString(k + ": " + v + "\n")
		return nil
	}
	for _, f := range fields {
		if v := f.get(l); v != "" {
			if err := write(f.name, v); err != nil {
				return nil, err
			}
		}
	}
	if l.Campaign != "" {
		if err := write(campaignKey, l.Campaign); err != nil {
			return nil, err
		}
	}
	keys := make([]string, 0, len(l.Custom))
	for k := range l.Custom {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if strings.ContainsAny(k, ":=\r\n") || strings.TrimSpace(k) != k || k == "" {
			return nil, fmt.Errorf("easycall: custom key %q cannot be written as text", k)
		}
		if err := write(k, l.Custom[k]); err != nil {
			return nil, err
		}
	}
	return []byte(b.String()), nil
}
