package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/passerelle-go/passerelle/easycall/easycalltest"
	"github.com/passerelle-go/passerelle/examples/internal/proxytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// realEnv points the example at the proxy as if it were a real domain.
func realEnv(proxy string) func(string) string {
	env := map[string]string{"EASYCALL_DOMAIN": "demo", "EASYCALL_TOKEN": easycalltest.Token,
		"EASYCALL_CAMPAIGN": "obras_test", "EASYCALL_BASE_URL": proxy}
	return func(k string) string { return env[k] }
}

func TestEasyCall(t *testing.T) {
	t.Parallel()
	none := func(string) func(string) string { return func(string) string { return "" } }
	tests := []struct {
		name    string
		args    []string
		env     func(proxy string) func(string) string
		leads   int
		want    []string
		wantErr string
	}{
		{name: "fakes run the whole story", env: none, want: []string{
			"(the in-memory easycalltest server)", "import -> HTTP 201, id L-1", "batch lead 1 (Bea): refused", "the fake received 3 leads"}},
		{name: "a real domain without -live sends nothing", env: realEnv, want: []string{
			"read-only", "would import Lucía: ", "campaign: obras_test", "would not send Bea", "nothing sent: run with -live"}},
		{name: "a real domain with -live imports", args: []string{"-live"}, env: realEnv, leads: 3, want: []string{
			"import -> HTTP 201", "batch lead 2 (Dora): done"}},
		{name: "no campaign is refused: none is guessed", args: []string{"-live"},
			env: func(proxy string) func(string) string {
				return func(k string) string {
					if k == "EASYCALL_CAMPAIGN" {
						return ""
					}
					return realEnv(proxy)(k)
				}
			},
			wantErr: "EASYCALL_CAMPAIGN is missing"},
		{name: "a flag that does not exist is refused", args: []string{"-liv"}, env: realEnv, wantErr: "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := easycalltest.NewServer() // the "real" domain
			defer srv.Close()
			srv.AddCampaign("obras_test", "Obras (test)")
			proxy := proxytest.New(t, srv.URL)
			var out bytes.Buffer
			err := run(context.Background(), &out, tt.args, tt.env(proxy.URL))
			if tt.wantErr != "" {
				require.ErrorContains(t, err, tt.wantErr)
				assert.Zero(t, proxy.Calls(""), "nothing sent")
				return
			}
			require.NoError(t, err, out.String())
			for _, want := range tt.want {
				assert.Contains(t, out.String(), want)
			}
			assert.Len(t, srv.Leads(), tt.leads)
			if tt.leads == 0 {
				assert.Zero(t, proxy.Calls(""), "no request reached the domain")
			}
		})
	}
}
