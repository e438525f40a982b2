package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/passerelle-go/passerelle/batiweb/batiwebtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// realEnv points the example at srv as if it were a real account.
func realEnv(srv *batiwebtest.Server) func(string) string {
	env := map[string]string{"BATIWEB_LOGIN": batiwebtest.Login, "BATIWEB_PASSWORD": batiwebtest.Password, "BATIWEB_BASE_URL": srv.URL}
	return func(k string) string { return env[k] }
}

func TestBatiweb(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		args    []string
		env     func(*batiwebtest.Server) func(string) string
		imports int
		want    []string
		wantErr string
	}{
		{name: "fakes run the whole story", env: func(*batiwebtest.Server) func(string) string { return func(string) string { return "" } },
			want: []string{"(the in-memory batiwebtest server)", "import Claire Martin -> id 1001", `status -> 1 "Validé"`, "duplicate=true", "an invalid lead -> nothing sent, 3 problems"}},
		{name: "a real account without -live imports nothing", env: realEnv,
			want: []string{"read-only", "is_sellable Peinture in 78180 -> sellable=true", "lead to import: Claire Martin <claire.martin+", "not imported: run with -live"}},
		{name: "PROD without -live imports nothing", env: func(srv *batiwebtest.Server) func(string) string {
			return func(k string) string {
				if k == "BATIWEB_ENV" {
					return "PROD"
				}
				return realEnv(srv)(k)
			}
		}, want: []string{"(Batiweb PROD, read-only", "not imported: run with -live"}},
		{name: "PROD with -live imports no made-up lead", args: []string{"-live"}, env: func(srv *batiwebtest.Server) func(string) string {
			return func(k string) string {
				if k == "BATIWEB_ENV" {
					return "PROD"
				}
				return realEnv(srv)(k)
			}
		}, want: []string{"(Batiweb PROD, -live", "not imported: a made-up lead never goes into PROD"}},
		{name: "a real account with -live imports one lead", args: []string{"-live"}, env: realEnv, imports: 1,
			want: []string{"-live: the lead is imported", "import Claire Martin -> id 1001", "status -> "}},
		{name: "a login without its password is refused", args: []string{"-live"},
			env: func(*batiwebtest.Server) func(string) string {
				return func(k string) string { return map[string]string{"BATIWEB_LOGIN": "x", "BATIWEB_ENV": "PROD"}[k] }
			},
			wantErr: "BATIWEB_LOGIN, BATIWEB_ENV are set but BATIWEB_PASSWORD is missing"},
		{name: "PROD named alone is refused", env: func(*batiwebtest.Server) func(string) string {
			return func(k string) string { return map[string]string{"BATIWEB_ENV": "PROD"}[k] }
		}, wantErr: "BATIWEB_ENV is set but BATIWEB_LOGIN, BATIWEB_PASSWORD are missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := batiwebtest.NewServer() // the "real" account
			defer srv.Close()
			srv.Sell("")
			srv.GrantProd()
			var out bytes.Buffer
			err := run(context.Background(), &out, tt.args, tt.env(srv))
			if tt.wantErr != "" {
				require.ErrorContains(t, err, tt.wantErr)
				assert.Zero(t, srv.Calls("/json/lead/is_sellable")+srv.Calls("/json/lead/import"), "nothing sent")
				return
			}
			require.NoError(t, err, out.String())
			for _, want := range tt.want {
				assert.Contains(t, out.String(), want)
			}
			assert.Len(t, srv.Leads(), tt.imports)
			if tt.imports == 0 {
				assert.Zero(t, srv.Calls("/json/lead/import"), "no import reached the account")
			}
		})
	}
}

// TestBatiwebRerun: two runs on the same account import two leads, each
// with its own e-mail, never a duplicate of the last run.
func TestBatiwebRerun(t *testing.T) {
	t.Parallel()
	srv := batiwebtest.NewServer()
	defer srv.Close()
	srv.Sell("")
	for range 2 {
		require.NoError(t, run(context.Background(), &bytes.Buffer{}, []string{"-live"}, realEnv(srv)))
	}
	leads := srv.Leads()
	require.Len(t, leads, 2)
	assert.NotEqual(t, leads[0].Lead.Email, leads[1].Lead.Email)
}
