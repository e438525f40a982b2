package mapping_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/passerelle-go/passerelle/mapping"
)

func TestDepartment(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ postalCode, want string }{
		// Mainland: the first two digits.
		{"75001", "75"},
		{"01000", "01"},
		{"09000", "09"},
		{"13008", "13"},
		{"19000", "19"},
		{"21000", "21"},
		{"78180", "78"},
		{"95000", "95"},
		{"75700", "75"}, // a CEDEX code
		{" 69001 ", "69"},
		// Corsica: 200xx and 201xx Corse-du-Sud, the rest Haute-Corse.
		{"20000", "2A"}, // Ajaccio
		{"20090", "2A"},
		{"20100", "2A"}, // Sartène
		{"20137", "2A"}, // Porto-Vecchio
		{"20169", "2A"}, // Bonifacio
		{"20199", "2A"},
		{"20200", "2B"}, // Bastia
		{"20218", "2B"},
		{"20250", "2B"}, // Corte
		{"20260", "2B"}, // Calvi
		{"20600", "2B"}, // Bastia
		{"20620", "2B"}, // Biguglia
		{"20999", "2B"},
		// Overseas departments.
		{"97100", "971"}, // Guadeloupe
		{"97110", "971"},
		{"97200", "972"}, // Martinique
		{"97300", "973"}, // Guyane
		{"97400", "974"}, // La Réunion
		{"97600", "976"}, // Mayotte
		// Overseas collectivities, by their INSEE code.
		{"97500", "975"}, // Saint-Pierre-et-Miquelon
		{"97133", "977"}, // Saint-Barthélemy
		{"97150", "978"}, // Saint-Martin
		{"97134", "971"}, // next to Saint-Barthélemy's code: Guadeloupe
		{"98600", "986"}, // Wallis-et-Futuna
		{"98714", "987"}, // Papeete
		{"98800", "988"}, // Nouméa
	} {
		got, err := mapping.Department(tc.postalCode)
		require.NoError(t, err, tc.postalCode)
		assert.Equal(t, tc.want, got, tc.postalCode)
	}
}

func TestDepartmentErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		postalCode string
		want       error
	}{
		{"", mapping.ErrInvalidPostalCode},
		{"7500", mapping.ErrInvalidPostalCode},
		{"750001", mapping.ErrInvalidPostalCode},
		{"75 001", mapping.ErrInvalidPostalCode},
		{"2A000", mapping.ErrInvalidPostalCode},
		{"F-75001", mapping.ErrInvalidPostalCode},
		{"７５００１", mapping.ErrInvalidPostalCode}, // full-width digits
		{"00100", mapping.ErrNoDepartment},      // armed forces' postal sector
		{"96000", mapping.ErrNoDepartment},
		{"97000", mapping.ErrNoDepartment},
		{"97700", mapping.ErrNoDepartment}, // 977 is an INSEE code, not a postal code
		{"97800", mapping.ErrNoDepartment},
		{"97900", mapping.ErrNoDepartment},
		{"98000", mapping.ErrNoDepartment}, // Monaco
		{"98100", mapping.ErrNoDepartment},
		{"98400", mapping.ErrNoDepartment},
		{"98900", mapping.ErrNoDepartment},
		{"99999", mapping.ErrNoDepartment},
	} {
		got, err := mapping.Department(tc.postalCode)
		require.Error(t, err, tc.postalCode)
		assert.True(t, errors.Is(err, tc.want), "%s: %v", tc.postalCode, err)
		assert.Empty(t, got)
	}
	_, err := mapping.Department("98000")
	assert.ErrorContains(t, err, "Monaco")
}
