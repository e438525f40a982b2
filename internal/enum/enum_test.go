package enum

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type color int

var colors = New("color",
	Row[color]{Code: 1, Label: "Rouge"},
	Row[color]{Code: 2, Label: "Vert d'eau", Aliases: []string{"vert"}},
	Row[color]{Code: 9, Label: "Ne sait pas"},
)

func TestTable(t *testing.T) {
	t.Parallel()
	assert.Equal(t, []color{1, 2, 9}, colors.Values())
	assert.Equal(t, "Vert d'eau", colors.String(2))
	assert.Equal(t, "color(7)", colors.String(7))
	assert.Equal(t, "", colors.Label(7))
	assert.True(t, colors.Valid(9))
	assert.False(t, colors.Valid(0))
	for in, want := range map[string]color{"rouge": 1, "  VERT  D'EAU ": 2, "Vert": 2, "9": 9, "ne  sait pas": 9} {
		got, err := colors.Parse(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for _, bad := range []string{"", "bleu", "7", "1.0"} {
		_, err := colors.Parse(bad)
		assert.Error(t, err, bad)
	}
}

func TestJSON(t *testing.T) {
	t.Parallel()
	b, _ := colors.EncodeJSON(2)
	assert.Equal(t, `"2"`, string(b))
	for in, want := range map[string]color{`2`: 2, `"2"`: 2, `"vert"`: 2, `null`: 0, `""`: 0, `77`: 77} {
		var c color
		require.NoError(t, colors.DecodeJSON(&c, []byte(in)), in)
		assert.Equal(t, want, c, in)
	}
	for _, bad := range []string{`"bleu"`, `1.5`, `{}`, `true`, `1e400`} {
		var c color
		assert.Error(t, colors.DecodeJSON(&c, []byte(bad)), bad)
	}
}

func TestNewPanicsOnAmbiguousTables(t *testing.T) {
	t.Parallel()
	assert.Panics(t, func() { New("x", Row[color]{Code: 1, Label: "a"}, Row[color]{Code: 1, Label: "b"}) })
	assert.Panics(t, func() { New("x", Row[color]{Code: 1, Label: "Été"}, Row[color]{Code: 2, Label: "ete"}) })
}
