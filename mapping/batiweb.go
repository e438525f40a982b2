package mapping

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/passerelle-go/passerelle/batiweb"
)

// batiwebCarried is every pivot field ToBatiweb may carry.
const batiwebCarried = fCivility | fFirstName | fLastName | fOwnerStatus | fEmail | fMobile | fLandline | fWorkPhone |
	fStreet1 | fStreet2 | fStreet3 | fPostalCode | fCity | fCountry | fHousingType | fComment | fBudget |
	fCallbackTime | fRooms | fSurface

// batiwebOut is ToBatiweb's result and its report's first entries, in
// one allocation.
type batiwebOut struct {
	lead    batiweb.Lead
	entries [20]Entry
}

// ToBatiweb writes a Lead as a Batiweb lead for the trade workType (the
// caller's choice: nothing in the pivot says which trade a need is).
// Batiweb's "Web Service 2023" document gives workdescription as the
// trade's label ("Libellé du métier": workType's label) and comment as the
// requester's words, which the pivot's Comment is. The budget becomes
// Batiweb's budget range and the callback time its reminder slot (both
// approximated), the rooms amountofrooms, the surface Batiweb's area
// range, the phones their digits, the street lines one address, the call
// center's or else La Factory's project id the supplier's lead id; the
// marketing origin, consent and the other fields Batiweb has no place for
// are reported. Batiweb's own Validate still decides what it accepts.
func (l *Lead) ToBatiweb(workType batiweb.WorkType, o Options) (*batiweb.Lead, Report, error) {
	out := new(batiwebOut)
	r := Report{From: "lead", To: "batiweb", Entries: out.entries[:0]}
	b := &out.lead // fresh: set field by field, without copying a whole Lead
	b.Email, b.City, b.Zipcode, b.FirstName, b.LastName = l.Email, l.City, l.PostalCode, l.FirstName, l.LastName
	b.WorkType, b.WorkDescription, b.Comment, b.AmountOfRooms = workType, workType.String(), l.Comment, l.Rooms
	carried := batiwebCarried
	switch {
	case l.CallCenterProjectID != "":
		b.SupplierLeadID, carried = l.CallCenterProjectID, carried|fCallCenterProjectID
	case l.FactoryProjectID != "":
		b.SupplierLeadID, carried = l.FactoryProjectID, carried|fFactoryProjectID
	}
	if l.Rooms < 0 {
		b.AmountOfRooms = 0
		r.Add("Rooms", NoValue, "a negative number of rooms")
	}
	if l.Civility != CivilityUnknown {
		var exact bool
		b.Civility, exact = l.Civility.Batiweb()
		switch {
		case b.Civility == 0:
			r.Add("Civility", NoValue, l.Civility.String()+" has no Batiweb civility")
		case !exact:
			r.Add("Civility", Approximated, "written "+b.Civility.String())
		}
	}
	if l.OwnerStatus != OwnerStatusUnknown {
		var exact bool
		b.IsOwner, exact = l.OwnerStatus.Batiweb()
		switch {
		case b.IsOwner == 0:
			r.Add("OwnerStatus", NoValue, "not one of the pivot's statuses")
		case !exact:
			r.Add("OwnerStatus", Approximated, "written "+b.IsOwner.String())
		}
	}
	if l.HousingType != HousingTypeUnknown {
		var ok bool
		if b.HousingType, ok = l.HousingType.Batiweb(); !ok {
			r.Add("HousingType", NoValue, "not one of the pivot's housing types")
		}
	}
	if l.Budget != "" {
		var loss Loss
		b.Budget, loss = BatiwebBudget(l.Budget)
		r.fit("Budget", loss, "not an amount", "placed in Batiweb's budget range")
	}
	if l.CallbackTime != "" {
		var loss Loss
		b.ReminderTime, loss = BatiwebReminderTime(l.CallbackTime)
		r.fit("CallbackTime", loss, "not a time between 9h and 19h", "placed in Batiweb's two-hour reminder slot")
	}
	if l.Surface != "" {
		var loss Loss
		b.Area, loss = BatiwebArea(l.Surface)
		r.fit("Surface", loss, "not a surface", "placed in Batiweb's area range")
	}

	// The phones' digits and the address share one allocation.
	cell, land := batiwebPhones(&r, l)
	street := l.Street1
	joined := l.Street2 != "" || l.Street3 != ""
	if joined {
		r.Add("Street1", Normalised, "joined with Street2 and Street3 into the address")
	}
	var sb strings.Builder
	sb.Grow(2*16 + len(l.Street1) + len(l.Street2) + len(l.Street3) + 2)
	var pb [24]byte
	sb.Write(batiwebPhone(pb[:0], cell))
	nCell := sb.Len()
	sb.Write(batiwebPhone(pb[:0], land))
	nLand := sb.Len()
	if joined {
		for _, s := range [3]string{l.Street1, l.Street2, l.Street3} {
			if s = strings.TrimSpace(s); s != "" {
				if sb.Len() > nLand {
					sb.WriteByte(' ')
				}
				sb.WriteString(s)
			}
		}
	}
	text := sb.String()
	b.Cellphone, b.Landline = text[:nCell], text[nCell:nLand]
	if joined {
		street = text[nLand:]
	}
	b.Address = street
	if l.Country != "" {
		switch france, normalised := isFrance(l.Country); {
		case !france:
			r.Add("Country", NoField, "Batiweb's leads are French")
		case normalised:
			r.Add("Country", Normalised, "France, implied by Batiweb")
		}
	}
	r.uncarried(l, carried)
	if err := o.Check(&r); err != nil {
		return nil, r, err
	}
	return b, r, nil
}

// batiwebPhone appends a phone as Batiweb takes it: a French number's ten
// digits, another in E.164.
func batiwebPhone(b []byte, p Phone) []byte {
	switch {
	case p.IsZero():
		return b
	case p.French():
		return p.appendDigits(b)
	}
	return append(b, p.E164()...)
}

// batiwebPhones picks Batiweb's cellphone and landline: the mobile, else
// a mobile-numbered landline or work phone; the landline, else the work
// phone. The mobile or the landline written in the other Batiweb field is
// reported: Normalised when its numbering plan says what it is (a
// landline number held as the mobile, a mobile number held as the
// landline), Approximated when the plan does not tell mobiles and
// landlines apart (it may be the mobile it was said to be); the work
// phone, which Batiweb has no field for, fills either silently. A phone left
// over is reported; so is a number outside the French plan, written in
// E.164 (Normalised).
func batiwebPhones(r *Report, l *Lead) (cell, land Phone) {
	names := [3]string{"Mobile", "Landline", "WorkPhone"}
	for i, p := range [3]Phone{l.Mobile, l.Landline, l.WorkPhone} {
		switch {
		case p.IsZero():
			continue
		case cell.IsZero() && p.Kind() == PhoneMobile:
			cell = p
			if i == 1 {
				r.Add(names[i], Normalised, "a mobile number, written as Batiweb's cellphone")
			}
		case land.IsZero() && p.Kind() != PhoneMobile:
			land = p
			switch {
			case i != 0:
			case p.Kind() == PhoneMobileOrLandline:
				r.Add(names[i], Approximated, "a number of a plan that does not tell mobiles apart, written as Batiweb's landline")
			default:
				r.Add(names[i], Normalised, "a "+phoneKindNames[p.Kind()]+" number, written as Batiweb's landline")
			}
		default:
			r.Add(names[i], NoField, "Batiweb has one cellphone and one landline")
			continue
		}
		if !p.French() {
			r.Add(names[i], Normalised, "a number outside the French plan, written in E.164")
		}
	}
	return cell, land
}

// amount reads an amount of euros as people write it: "250000", "250 000
// €", "250k€", "1 500,50"; ok is false for anything else (a range "200 à
// 250 k€" included). It does not allocate.
func amount(s string) (float64, bool) {
	t := strings.TrimSpace(s)
	t = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(t, "EUR"), "eur"), "€"))
	mult := 1.0
	if rest, ok := strings.CutSuffix(t, "k"); ok {
		t, mult = rest, 1000
	} else if rest, ok := strings.CutSuffix(t, "K"); ok {
		t, mult = rest, 1000
	}
	var whole, frac, scale float64 = 0, 0, 1
	digits, point := 0, false
	for _, c := range t {
		switch {
		case c >= '0' && c <= '9':
			digits++
			if point {
				scale /= 10
				frac += float64(c-'0') * scale
			} else {
				whole = whole*10 + float64(c-'0')
			}
		case (c == ',' || c == '.') && !point:
			point = true
		case c == ' ' || c == '\u00a0' || c == '\u202f':
		default:
			return 0, false
		}
	}
	if digits == 0 {
		return 0, false
	}
	return (whole + frac) * mult, true
}

// BatiwebBudget returns Batiweb's budget range for a budget as written
// and how faithful it is: 0 when the text is one of Batiweb's labels
// (batiweb.ParseBudget), Approximated when an amount was placed in its
// range ("250000" is "Plus de 6000€"), NoValue (and 0) otherwise.
func BatiwebBudget(s string) (batiweb.Budget, Loss) {
	if !hasLetter(s) {
	} else if v, err := batiweb.ParseBudget(s); err == nil {
		return v, 0
	}
	f, ok := amount(s)
	switch {
	case !ok:
		return 0, NoValue
	case f < 1500:
		return batiweb.BudgetUnder1500, Approximated
	case f <= 6000:
		return batiweb.Budget1500To6000, Approximated
	}
	return batiweb.BudgetOver6000, Approximated
}

// BatiwebArea returns Batiweb's area range for a surface as written ("75",
// "75 m²") and how faithful it is: 0 for one of Batiweb's labels,
// Approximated when a surface was placed in its range, NoValue otherwise.
func BatiwebArea(s string) (batiweb.Area, Loss) {
	if !hasLetter(s) {
	} else if v, err := batiweb.ParseArea(s); err == nil {
		return v, 0
	}
	t := strings.TrimSpace(strings.ToLower(s))
	for _, unit := range []string{"m²", "m2", "m ²", "m"} {
		t = strings.TrimSpace(strings.TrimSuffix(t, unit))
	}
	f, ok := amount(t)
	if !ok || !utf8.ValidString(s) {
		return 0, NoValue
	}
	for _, r := range []struct {
		under float64
		area  batiweb.Area
	}{{10, batiweb.AreaUnder10}, {20, batiweb.Area10To20}, {30, batiweb.Area20To30}, {50, batiweb.Area30To50},
		{75, batiweb.Area50To75}, {120, batiweb.Area75To120}, {200, batiweb.Area120To200}} {
		if f < r.under {
			return r.area, Approximated
		}
	}
	return batiweb.AreaOver200, Approximated
}

// BatiwebReminderTime returns Batiweb's reminder slot for a callback time
// as written (any format ParseTime reads, or "18h", "18:30") and how
// faithful it is: 0 for one of Batiweb's labels, Approximated when a time
// was placed in its two-hour slot (the day is lost), NoValue for a text
// that is no time or one outside 9h to 19h.
func BatiwebReminderTime(s string) (batiweb.ReminderTime, Loss) {
	if !hasLetter(s) {
	} else if v, err := batiweb.ParseReminderTime(s); err == nil {
		return v, 0
	}
	hour := -1
	if h, ok := factoryHour(s); ok {
		hour = h
	} else if t, f, err := ParseTime(s); err == nil && f.HasTime() {
		hour = t.Hour()
	} else {
		h, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(s)), "h")
		h, _, _ = strings.Cut(h, ":")
		if n, err := strconv.Atoi(h); err == nil && len(h) <= 2 {
			hour = n
		}
	}
	switch {
	case hour < 9 || hour >= 19:
		return 0, NoValue
	case hour < 11:
		return batiweb.Reminder9To11, Approximated
	case hour < 13:
		return batiweb.Reminder11To13, Approximated
	case hour < 15:
		return batiweb.Reminder13To15, Approximated
	case hour < 17:
		return batiweb.Reminder15To17, Approximated
	}
	return batiweb.Reminder17To19, Approximated
}

// hasLetter reports whether s holds a letter: Batiweb's labels do, amounts
// and times written in digits do not (and are not looked up as labels).
func hasLetter(s string) bool {
	for _, c := range s {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c > 0x7f {
			return true
		}
	}
	return false
}

// factoryHour reads the hour of La Factory's aaaammjjhhmmss without
// parsing the whole date; ok is false for any other text or a field out
// of its range.
func factoryHour(s string) (int, bool) {
	if len(s) != 14 || !allDigits(s) {
		return 0, false
	}
	two := func(i int) int { return int(s[i]-'0')*10 + int(s[i+1]-'0') }
	month, day, hour, minute, second := two(4), two(6), two(8), two(10), two(12)
	if month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59 {
		return 0, false
	}
	return hour, true
}
