package easycall_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/passerelle-go/passerelle/easycall"
	"github.com/passerelle-go/passerelle/internal/validate"
)

// The audit: Validate refused dates in formats it did not know, though
// EasyCall's document gives no date format. Only the text rules stay:
// the date goes out as written.
func TestDatesAreNotConstrained(t *testing.T) {
	t.Parallel()
	for _, date := range []string{"02/01/2024 10:00:00", "2024-1-2", "31/02/2026", "ayer", "2 de enero", "1704189600"} {
		t.Run(date, func(t *testing.T) {
			t.Parallel()
			lead, err := easycall.ParseLead(strings.NewReader("nome: Ana\ntelefono: 612000001\ncampaign: reformas_2026\ncuando: " + date + "\nfecha_caducidad: " + date + "\n"))
			require.NoError(t, err)
			require.NoError(t, lead.Validate())
			srv, c := fake(t)
			_, err = c.Import(context.Background(), lead)
			require.NoError(t, err)
			got := srv.Leads()
			require.Len(t, got, 1)
			assert.Equal(t, date, got[0].Fields["data_presentazione"], "sent as written")
			assert.Equal(t, date, got[0].Fields["data_scadenza"], "sent as written")
		})
	}
	for _, date := range []string{"2024-01-02\n10:00", "2024\x00", "\xff"} {
		err := (&easycall.Lead{Campaign: "c", Email: "a@b.es", DataScadenza: date, DataPresentazione: date}).Validate()
		var v *easycall.ValidationError
		require.ErrorAs(t, err, &v, "%q", date)
		assert.True(t, v.Field("data_scadenza"))
		assert.True(t, v.Field("data_presentazione"))
	}
}

// FuzzDateSentAsWritten is the rule for the two date fields: any text
// without a control character passes Validate and goes out unchanged.
func FuzzDateSentAsWritten(f *testing.F) {
	for _, d := range []string{"02/01/2024 10:00:00", "2024-1-2", "ayer", "", "\xff", "a\nb"} {
		f.Add(d)
	}
	f.Fuzz(func(t *testing.T, date string) {
		l := &easycall.Lead{Campaign: "c", Email: "a@b.es", DataScadenza: date, DataPresentazione: date}
		err := l.Validate()
		if validate.TextProblem(date, false) != "" {
			var v *easycall.ValidationError
			require.ErrorAs(t, err, &v)
			assert.True(t, v.Field("data_scadenza"))
			return
		}
		require.NoError(t, err, "%q", date)
		if date != "" {
			assert.Equal(t, date, l.Values(easycall.DefaultCampaignKey)["data_scadenza"])
			assert.Equal(t, date, l.Values(easycall.DefaultCampaignKey)["data_presentazione"])
		}
	})
}
