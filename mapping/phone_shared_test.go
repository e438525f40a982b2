package mapping_test

import (
	"testing"

	"github.com/passerelle-go/passerelle/easycall"
	"github.com/passerelle-go/passerelle/internal/validate"
	"github.com/passerelle-go/passerelle/mapping"
	"github.com/stretchr/testify/assert"
)

// sharedPhoneRule holds the rule of issue 12: validation and mapping read a
// phone with one rule set in one region, so EasyCall's Validate accepts a
// lead's phone exactly when FromEasyCall carries it.
func sharedPhoneRule(t *testing.T, text, nazione string) {
	if validate.TextProblem(text, false) != "" {
		return // refused as text before it is read as a phone
	}
	l := &easycall.Lead{Nome: "Ana", Campaign: "reformas", Email: "ana@example.es", TelefonoMobile: text, Nazione: nazione}
	err := l.Validate()
	var verr *easycall.ValidationError
	valid := err == nil
	if !valid && !assert.ErrorAs(t, err, &verr) {
		return
	}
	if !valid && !verr.Field(easycall.FieldTelefonoMobile) {
		return // refused for another field
	}
	lead, rep, cerr := mapping.FromEasyCall(l, mapping.Options{})
	if !assert.NoError(t, cerr) {
		return
	}
	carried := !lead.Mobile.IsZero() || !lead.Landline.IsZero() || !lead.WorkPhone.IsZero()
	loss, reported := rep.Kind(easycall.FieldTelefonoMobile)
	dropped := reported && loss == mapping.NoValue
	assert.Equal(t, valid, carried && !dropped, "%q (nazione %q): easycall valid=%v, mapping carried=%v dropped=%v", text, nazione, valid, carried, dropped)
}

func TestOnePhoneRuleForValidationAndMapping(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ text, nazione string }{
		{"612000001", ""}, {"612 345 678", "ES"}, {"+34 612 345 678", ""}, {"06 12 34 56 78", "FR"},
		{"06 12 34 56 78", "France"}, {"06 1234 5678", "IT"}, {"06 1234 5678", "Italia"}, {"07 12 34 56 78", "fr"},
		{"00 12 34 56 78", "FR"}, {"12", ""}, {"n/c", ""}, {"+33 6 12 34 56 78", "España"}, {"0690 11 22 33", "FR"},
	} {
		sharedPhoneRule(t, tc.text, tc.nazione)
	}
}

func FuzzOnePhoneRule(f *testing.F) {
	for _, s := range []string{"612000001", "+34 612 345 678", "06 12 34 56 78", "06 1234 5678", "00 12 34 56 78", "0690 11 22 33", "+1 202 555 0100"} {
		f.Add(s, "")
		f.Add(s, "IT")
		f.Add(s, "France")
	}
	f.Fuzz(func(t *testing.T, text, nazione string) {
		if text == "" {
			return
		}
		sharedPhoneRule(t, text, nazione)
	})
}
