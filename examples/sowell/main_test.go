package main

import (
	"bytes"
	"context"
	"regexp"
	"strings"
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
	assert.Regexp(t, `pushed FUITE_EAU in RES-TEST-[0-9A-Z]+ with 2 photos -> CRM UID CRM-0001`, out.String())
	for _, want := range []string{"CRM request: Transférée, channel SoWell", `-> SoWell "ongoing" for signalement `} {
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
	assert.Regexp(t, `would push FUITE_EAU in RES-TEST-[0-9A-Z]+/LOG-TEST-[0-9A-Z]+, priority high, 2 photos of 256 KiB, link https://manager\.sowell\.example/issues/4242`, out.String())
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

// Issue 13: a -live run pushes codes of its own (never a fixed residence
// or spot a real CRM may hold), and prints what it sends before sending:
// the printed line names what the CRM stored, and stays printed when the
// push fails.
func TestSoWellLivePrintsItsOwnCodesFirst(t *testing.T) {
	t.Parallel()
	pushing := regexp.MustCompile(`sowell   pushing FUITE_EAU in (\S+)/(\S+), priority high, 2 photos of 256 KiB, link (\S+)\n`)
	seen := map[string]bool{}
	for i, link := range []string{"https://manager.sowell.example/issues/4242", "https://manager.sowell.example/issues/4243"} {
		e := newEnds(t)
		e.override = map[string]string{"SOWELL_REPORT_URL": link}
		var out bytes.Buffer
		require.NoError(t, run(context.Background(), &out, []string{"-live"}, e.env))
		m := pushing.FindStringSubmatch(out.String())
		require.NotNil(t, m, "run %d prints what it pushes:\n%s", i, out.String())
		assert.Less(t, strings.Index(out.String(), m[0]), strings.Index(out.String(), "sowell   pushed "), "printed before the push")
		assert.Less(t, strings.Index(out.String(), "sowell   sending back CRM status"), strings.Index(out.String(), "sowell   CRM status"), "printed before the status goes back")
		reports := e.crm.Reports()
		require.Len(t, reports, 1)
		got := reports[0].Report
		assert.Equal(t, []string{got.Residence, got.Spot, got.URL}, m[1:], "the printed codes are the ones sent")
		assert.NotEqual(t, "RES-0042", got.Residence)
		assert.NotEqual(t, "LOG-12B", got.Spot)
		assert.False(t, seen[got.Residence] || seen[got.Spot], "each run has its own codes")
		seen[got.Residence], seen[got.Spot] = true, true
	}

	e := newEnds(t)
	e.crm.FailNext(1, sowelltest.Fault{Kind: sowelltest.HTMLPage})
	var out bytes.Buffer
	require.Error(t, run(context.Background(), &out, []string{"-live"}, e.env))
	assert.Regexp(t, pushing, out.String(), "what was to be sent is printed even when the push fails")
	assert.Empty(t, e.api.Updates())
}
