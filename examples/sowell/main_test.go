package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/passerelle-go/passerelle/examples/internal/proxytest"
	"github.com/passerelle-go/passerelle/sowell"
	"github.com/passerelle-go/passerelle/sowell/sowelltest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ends are fakes used as real ends, behind proxies counting requests.
type ends struct {
	crm      *sowelltest.CRM
	api      *sowelltest.SoWell
	pcrm     *proxytest.Proxy
	papi     *proxytest.Proxy
	override map[string]string
}

func newEnds(t *testing.T) *ends {
	e := &ends{crm: sowelltest.NewCRM(), api: sowelltest.NewSoWell()}
	t.Cleanup(e.crm.Close)
	t.Cleanup(e.api.Close)
	e.pcrm, e.papi = proxytest.New(t, e.crm.URL), proxytest.New(t, e.api.URL)
	return e
}

func (e *ends) env(k string) string {
	if v, ok := e.override[k]; ok {
		return v
	}
	return map[string]string{
		"SOWELL_CRM_URL": e.pcrm.URL, "SOWELL_CRM_TOKEN": sowelltest.Token,
		"SOWELL_API_URL": e.papi.URL, "SOWELL_API_TOKEN": sowelltest.Token,
		"SOWELL_REPORT_URL": "https://manager.sowell.example/issues/4242",
	}[k]
}

func (e *ends) sent() int { return e.pcrm.Calls("") + e.papi.Calls("") }

// TestSoWellFakes: without variables both ends are fakes and the status
// goes back to the id of the signalement pushed.
func TestSoWellFakes(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out, nil, func(string) string { return "" }))
	for _, want := range []string{"pushed FUITE_EAU in RES-0042 with 2 photos -> CRM UID CRM-0001",
		"CRM request: Transférée, channel SoWell", `-> SoWell "ongoing" for signalement `} {
		assert.Contains(t, out.String(), want)
	}
	assert.NotContains(t, out.String(), "signalement 981")
}

// TestSoWellReadOnly: real ends without -live receive nothing.
func TestSoWellReadOnly(t *testing.T) {
	t.Parallel()
	e := newEnds(t)
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out, nil, e.env))
	assert.Contains(t, out.String(), "would push FUITE_EAU in RES-0042/LOG-12B, priority high, 2 photos of 256 KiB, link https://manager.sowell.example/issues/4242")
	assert.Contains(t, out.String(), `would send back CRM status "En cours" as SoWell "ongoing" for signalement 4242`)
	assert.Zero(t, e.sent(), "nothing sent")
	assert.Empty(t, e.crm.Reports())
	assert.Empty(t, e.api.Updates())
}

// TestSoWellLive: with -live the signalement is pushed and the status
// goes to the id its link names, the one the CRM was pushed.
func TestSoWellLive(t *testing.T) {
	t.Parallel()
	e := newEnds(t)
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out, []string{"-live"}, e.env))
	reports := e.crm.Reports()
	require.Len(t, reports, 1)
	assert.Equal(t, "https://manager.sowell.example/issues/4242", reports[0].Report.URL)
	assert.Equal(t, []sowelltest.Update{{ReportID: "4242", Status: sowell.Ongoing}}, e.api.Updates())
}

// TestSoWellConfiguration: one end real and the other fake is refused,
// naming what is missing; so is a link without an id. Nothing is sent.
func TestSoWellConfiguration(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name     string
		override map[string]string
		wantErr  string
	}{
		{"CRM only", map[string]string{"SOWELL_API_URL": "", "SOWELL_API_TOKEN": "", "SOWELL_REPORT_URL": ""},
			"SOWELL_API_URL, SOWELL_API_TOKEN, SOWELL_REPORT_URL are missing: set them all to run on the real CRM and SoWell"},
		{"SoWell only", map[string]string{"SOWELL_CRM_URL": "", "SOWELL_CRM_TOKEN": ""}, "SOWELL_CRM_URL, SOWELL_CRM_TOKEN are missing"},
		{"no signalement named", map[string]string{"SOWELL_REPORT_URL": ""}, "but SOWELL_REPORT_URL is missing"},
		{"a link without an id", map[string]string{"SOWELL_REPORT_URL": "https://manager.sowell.example/"}, "no last path segment"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			e := newEnds(t)
			e.override = tt.override
			err := run(context.Background(), &bytes.Buffer{}, []string{"-live"}, e.env)
			require.ErrorContains(t, err, tt.wantErr)
			assert.Zero(t, e.sent())
		})
	}
}
