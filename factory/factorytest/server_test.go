package factorytest_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/passerelle-go/passerelle/factory"
	"github.com/passerelle-go/passerelle/factory/factorytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// post sends a raw body to a method of the fake and returns its erMessage.
func post(t *testing.T, srv *factorytest.Server, m factory.Method, body string) string {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, srv.URL+factory.DefaultPaths[m], bytes.NewBufferString(body))
	require.NoError(t, err)
	req.Header.Set("apikey", factorytest.APIKey)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	var a struct {
		Error struct {
			ErMessage *string `json:"erMessage"`
		} `json:"error"`
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&a))
	if a.Error.ErMessage == nil {
		return ""
	}
	return *a.Error.ErMessage
}

// TestFakeIsAsStrictAsTheDocument: the fake refuses what La Factory's
// document refuses, and accepts what it does not forbid.
func TestFakeIsAsStrictAsTheDocument(t *testing.T) {
	t.Parallel()
	srv := factorytest.NewServer()
	t.Cleanup(srv.Close)
	id := srv.AddImported(factory.Project{LastName: "Durand", Channel: "web"})
	for name, tc := range map[string]struct {
		m    factory.Method
		body string
		want string // "" accepted, else a part of the refusal
	}{
		"create without canal nor utm_act":   {factory.CreateOrUpdateProject4CallCenter, `{"nom":"X"}`, "canal or utm_act"},
		"create with utm_act":                {factory.CreateOrUpdateProject4CallCenter, `{"nom":"X","utm_act":"formprog"}`, ""},
		"create, odd case, numbers":          {factory.CreateOrUpdateProject4CallCenter, `{"Nom":"X","Canal":"web","Budget_max":300000,"rgpdin":true}`, ""},
		"create, unknown balise":             {factory.CreateOrUpdateProject4CallCenter, `{"nom":"X","canal":"web","if_autre":"y"}`, ""},
		"create, object value":               {factory.CreateOrUpdateProject4CallCenter, `{"nom":{"a":1},"canal":"web"}`, "String"},
		"update without callcenterprojectid": {factory.CreateOrUpdateProject4CallCenter, `{"factoryprojectid":"` + id + `","nom":"X"}`, "callcenterprojectid"},
		"commercial not licensed":            {factory.CreateOrUpdateProject4CallCenter, `{"canal":"web","commercial":"x@y.fr"}`, "section 3.3.2"},
		"commercial empty":                   {factory.CreateOrUpdateProject4CallCenter, `{"canal":"web","commercial":""}`, ""},
		"acknowledge without id":             {factory.AcquitProject4CallCenter, `{"factoryprojectid":"` + id + `"}`, "required"},
		"call without message":               {factory.SetActivity, `{"factoryprojectid":"` + id + `","typeactivite":"phonecall","sujet":"a","direction":"1","durée":"3"}`, "message is required"},
		"call direction 2":                   {factory.SetActivity, `{"factoryprojectid":"` + id + `","typeactivite":"phonecall","sujet":"a","direction":"2","durée":"3","message":"false"}`, "direction"},
		"call with commercial":               {factory.SetActivity, `{"factoryprojectid":"` + id + `","typeactivite":"phonecall","sujet":"a","direction":"1","durée":"3","message":"false","commercial":"x@y.fr"}`, ""},
		"meeting R4":                         {factory.SetActivity, `{"factoryprojectid":"` + id + `","typeactivite":"appointment","sujet":"a","commentaire":"b","datedebut":"20261203140000","datefin":"20261203150000","typerdv":"R4"}`, "typerdv"},
		"meeting bad date":                   {factory.SetActivity, `{"factoryprojectid":"` + id + `","typeactivite":"appointment","sujet":"a","commentaire":"b","datedebut":"2026-12-03","datefin":"20261203150000","typerdv":"R1"}`, "datedebut"},
		"meeting without nature":             {factory.SetActivity, `{"factoryprojectid":"` + id + `","typeactivite":"appointment","sujet":"a","commentaire":"b","datedebut":"20261203140000","datefin":"20261203150000","typerdv":"R1"}`, ""},
	} {
		got := post(t, srv, tc.m, tc.body)
		if tc.want == "" {
			assert.Empty(t, got, name)
		} else {
			assert.Contains(t, got, tc.want, name)
		}
	}
}
