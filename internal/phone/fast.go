package phone

import "sort"

// plan is one numbering plan the fast path answers for: 9-digit national
// significant numbers, classified by their first four digits.
type plan struct {
	runs []run // sorted by end
}

// run gives the code of the prefixes up to end (inclusive) from the
// previous run's end: 0 means "ask libphonenumber", otherwise the region
// (planRegions index) in the high four bits and the Type in the low four.
type run struct {
	end  uint16
	code uint8
}

// planRegions is the regions a fast answer may name, with their calling
// codes; index 0 is none.
var planRegions = [...]struct {
	region [2]byte
	cc     uint16
}{
	{},
	{[2]byte{'F', 'R'}, 33}, {[2]byte{'G', 'P'}, 590}, {[2]byte{'G', 'F'}, 594}, {[2]byte{'M', 'Q'}, 596},
	{[2]byte{'R', 'E'}, 262}, {[2]byte{'Y', 'T'}, 262}, {[2]byte{'B', 'L'}, 590}, {[2]byte{'M', 'F'}, 590},
	{[2]byte{'E', 'S'}, 34},
}

func (p *plan) code(prefix uint16) uint8 {
	i := sort.Search(len(p.runs), func(i int) bool { return p.runs[i].end >= prefix })
	if i == len(p.runs) {
		return 0
	}
	return p.runs[i].code
}

// fast answers, without allocating, for the French and Spanish plans
// written with digits, spaces, dots and dashes: "06 12 34 56 78",
// "+33612345678", "0033 6 12 34 56 78", "612 345 678" (region ES). ok is
// false when libphonenumber must answer.
func fast(text, region string) (n Number, ok bool) {
	var d [12]byte
	nd := 0
	plus := false
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c >= '0' && c <= '9':
			if nd == len(d) {
				return Number{}, false
			}
			d[nd] = c
			nd++
		case c == '+' && nd == 0 && !plus:
			plus = true
		case c == ' ' || c == '.' || c == '-':
		default:
			return Number{}, false
		}
	}
	fr, es := region == "FR", region == "ES"
	digits := d[:nd]
	if !plus && (fr || es) && nd > 2 && digits[0] == '0' && digits[1] == '0' {
		digits, plus = digits[2:], true // 00: the international prefix of France and Spain
	}
	var p *plan
	switch {
	case plus && len(digits) == 11 && digits[0] == '3' && digits[1] == '3':
		p, digits = &planFR, digits[2:]
	case plus && len(digits) == 11 && digits[0] == '3' && digits[1] == '4':
		p, digits = &planES, digits[2:]
	case plus:
		return Number{}, false
	case fr && len(digits) == 10 && digits[0] == '0':
		p, digits = &planFR, digits[1:]
	case es && len(digits) == 9:
		p = &planES
	default:
		return Number{}, false
	}
	if digits[0] == '0' {
		return Number{}, false
	}
	var nsn uint64
	for _, c := range digits {
		nsn = nsn*10 + uint64(c-'0')
	}
	code := p.code(uint16(nsn / 1e5))
	if code == 0 {
		return Number{}, false
	}
	r := planRegions[code>>4]
	return Number{nsn: nsn, cc: r.cc, typ: Type(code & 0x0f), region: r.region}, true
}
