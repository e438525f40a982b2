package mapping

import (
	"strings"
	"unicode"
)

// particles are the words that begin a last name when they follow the
// first name: French (de, du, des, le, la), Dutch and German (van, von,
// der, den, ter, ten), Spanish, Italian and Portuguese (del, della, di,
// da, dal, dalla, lo, do, dos, das). A word written d' or d’ and a name
// ("d'Alembert") begins a last name too.
var particles = map[string]bool{
	"de": true, "du": true, "des": true, "le": true, "la": true,
	"van": true, "von": true, "der": true, "den": true, "ter": true, "ten": true,
	"del": true, "della": true, "di": true, "da": true, "dal": true, "dalla": true,
	"lo": true, "do": true, "dos": true, "das": true,
}

// isParticle reports whether w is a particle word ("de", "Van").
func isParticle(w string) bool { return particles[fold(w)] }

// isElided reports whether w is an elided particle and a name:
// "d'Alembert", "D’Ormesson".
func isElided(w string) bool {
	f := fold(w)
	return len(f) > 2 && strings.HasPrefix(f, "d'")
}

// isUpperWord reports whether w is written in capitals, as French forms
// write last names: two letters or more, none in lower case. A word with
// a dot is initials ("J.P."), never a last name.
func isUpperWord(w string) bool {
	if strings.ContainsRune(w, '.') {
		return false
	}
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// SplitFullName splits a full name into first and last name, as the
// services that want them apart (La Factory, Batiweb, weavy) need them
// from those that may hold one field (EasyCall's nome_completo). exact is
// false when the split rests on a guess, and the converters report it.
// The rules, first match wins:
//
//  1. "Last, First": one comma between words puts the last name first.
//     Exact.
//  2. Capitals mark the last name, the French convention: "DUPONT Jean",
//     "Jean DUPONT", "Jean de LA FONTAINE", "María GARCÍA LÓPEZ". The
//     words in capitals (two letters or more, with the particles just
//     before them) must be one run at the start or the end, and not every
//     word. Exact.
//  3. One word is a last name: "Dupont". Not exact: it may be a first
//     name.
//  4. Two words are first and last name: "Jean Dupont". Exact, unless the
//     first is a particle ("De Gaulle": one last name, not exact).
//  5. Three words or more: the last name begins at the first particle
//     after the first word ("Jean-Pierre de La Fontaine", "Jean Pierre
//     van der Berg", "Jean Pierre d'Alembert"); else the first word is the
//     first name and the rest the last name, as Spanish double surnames
//     are ("María García López"). Not exact: "Valéry Giscard d'Estaing" or
//     "María del Carmen García" break these rules.
//
// Spaces are normalised and case is kept. Initials in capitals without
// dots ("JP Dupont") read as a last name by rule 2.
func SplitFullName(full string) (first, last string, exact bool) {
	full = strings.TrimFunc(full, func(r rune) bool { return r == ',' || unicode.IsSpace(r) })
	if strings.Count(full, ",") == 1 {
		l, f, _ := strings.Cut(full, ",")
		if lw, fw := strings.Fields(l), strings.Fields(f); len(lw) > 0 && len(fw) > 0 {
			return strings.Join(fw, " "), strings.Join(lw, " "), true
		}
	}
	words := strings.Fields(strings.ReplaceAll(full, ",", " "))
	join := func(w []string) string { return strings.Join(w, " ") }
	n := len(words)
	switch n {
	case 0:
		return "", "", true
	case 1:
		return "", words[0], false
	}
	if start, end, ok := upperRun(words); ok {
		for start > 0 && isParticle(words[start-1]) {
			start--
		}
		switch {
		case start == 0 && end == n:
			return "", join(words), false // "de DUPONT"
		case start == 0:
			return join(words[end:]), join(words[:end]), true
		case end == n:
			return join(words[:start]), join(words[start:]), true
		}
	}
	if n == 2 {
		if isParticle(words[0]) {
			return "", join(words), false
		}
		return words[0], words[1], true
	}
	for i := 1; i < n; i++ {
		if isParticle(words[i]) && i < n-1 || isElided(words[i]) {
			return join(words[:i]), join(words[i:]), false
		}
	}
	return words[0], join(words[1:]), false
}

// upperRun returns the one run of words in capitals, words[start:end],
// when there is exactly one and it is at the start or the end, and the
// name has other words.
func upperRun(words []string) (start, end int, ok bool) {
	start, end = -1, -1
	for i, w := range words {
		if !isUpperWord(w) {
			continue
		}
		if start < 0 {
			start = i
		} else if end != i {
			return 0, 0, false // a second run
		}
		end = i + 1
	}
	if start < 0 || start == 0 && end == len(words) {
		return 0, 0, false
	}
	return start, end, start == 0 || end == len(words)
}

// JoinName writes a full name, first name first, with single spaces:
// JoinName("Jean", "Dupont") is "Jean Dupont", and either may be empty.
func JoinName(first, last string) string {
	return strings.Join(strings.Fields(first+" "+last), " ")
}
