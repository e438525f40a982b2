package setup

import (
	"bytes"
	"flag"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReal(t *testing.T) {
	t.Parallel()
	a := Service{Name: "A", Required: []string{"A_KEY", "A_USER"}, Optional: []string{"A_URL"}}
	b := Service{Name: "B", Required: []string{"B_KEY"}}
	tests := []struct {
		name    string
		env     map[string]string
		want    bool
		wantErr string
	}{
		{name: "nothing set: fakes", env: nil},
		{name: "every required set: real", env: map[string]string{"A_KEY": "k", "A_USER": "u", "B_KEY": "k"}, want: true},
		{name: "an optional one alone is refused", env: map[string]string{"A_URL": "http://x"},
			wantErr: "A_URL is set but A_KEY, A_USER, B_KEY are missing: set them all to run on the real A and B, or none to run on the in-memory fakes"},
		{name: "one end real, the other fake is refused", env: map[string]string{"A_KEY": "k", "A_USER": "u"},
			wantErr: "A_KEY, A_USER are set but B_KEY is missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := Real(func(k string) string { return tt.env[k] }, a, b)
			if tt.wantErr != "" {
				require.ErrorContains(t, err, tt.wantErr)
				assert.False(t, got)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestLive(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args    []string
		want    bool
		wantErr string
	}{
		{args: nil},
		{args: []string{"-live"}, want: true},
		{args: []string{"--live=false"}},
		{args: []string{"live"}, wantErr: `unexpected argument "live"`},
		{args: []string{"-lve"}, wantErr: "flag provided but not defined: -lve"},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		got, err := Live("x", tt.args, &out)
		if tt.wantErr != "" {
			require.ErrorContains(t, err, tt.wantErr, tt.args)
			continue
		}
		require.NoError(t, err)
		assert.Equal(t, tt.want, got, tt.args)
	}
	_, err := Live("x", []string{"-h"}, &bytes.Buffer{})
	assert.ErrorIs(t, err, flag.ErrHelp)
}

// TestStamp: stamps never repeat, even called in a tight loop from many
// goroutines, and fit in a code.
func TestStamp(t *testing.T) {
	t.Parallel()
	const n = 8
	ch := make(chan []string, n)
	for range n {
		go func() {
			var s []string
			for range 1000 {
				s = append(s, Stamp())
			}
			ch <- s
		}()
	}
	seen := map[string]bool{}
	for range n {
		for _, s := range <-ch {
			require.False(t, seen[s], s)
			require.Regexp(t, `^[0-9A-Z]{6,16}$`, s)
			seen[s] = true
		}
	}
}
