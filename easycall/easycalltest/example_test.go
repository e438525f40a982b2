package easycalltest_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"strings"

	"github.com/passerelle-go/passerelle/easycall"
	"github.com/passerelle-go/passerelle/easycall/easycalltest"
)

func ExampleNewServer() {
	srv := easycalltest.NewServer()
	defer srv.Close()
	srv.AddCampaign("reformas_2026", "Reformas")

	client, err := easycall.New(easycall.TestDomain, easycalltest.Token, easycall.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	_, err = client.Import(context.Background(), &easycall.Lead{Nome: "Ana", TelefonoMobile: "612000001", Campaign: "reformas_2026"})
	if err != nil {
		log.Fatal(err)
	}
	got := srv.Leads()[0]
	fmt.Println(got.ID, got.Campaign, got.Path, got.Fields["nome"])
	// Output: L-1 Reformas /easycall/spring/lead Ana
}

func ExampleServer_CreateCustomKeys() {
	srv := easycalltest.NewServer()
	defer srv.Close()
	srv.AddCampaign("reformas_2026", "Reformas")
	client, _ := easycall.New(easycall.TestDomain, easycalltest.Token, easycall.WithBaseURL(srv.URL), easycall.WithRetry(0, 0, 0))
	lead := &easycall.Lead{Email: "ana@example.es", Campaign: "reformas_2026", Custom: map[string]string{"tipo_inmueble": "piso"}}

	_, err := client.Import(context.Background(), lead)
	fmt.Println(err) // a key exists only once created in EasyCall's question list
	srv.CreateCustomKeys("tipo_inmueble")
	_, err = client.Import(context.Background(), lead)
	fmt.Println(err, srv.Leads()[0].Custom["tipo_inmueble"])
	// Output:
	// easycall: import: HTTP 400: Unknown field(s): tipo_inmueble
	// <nil> piso
}

func ExampleServer_Leads() {
	srv := easycalltest.NewServer()
	defer srv.Close()
	srv.AddCampaign("reformas_2026", "Reformas")
	srv.CreateCustomKeys("visible")

	// Another integration posts to the document's curl path, with an alias
	// beside its canonical name and JSON types of its own.
	req, _ := http.NewRequest(http.MethodPost, srv.URL+easycall.DocumentPath, strings.NewReader(
		`{"nombre":"Bea","nome":"Ana","telefono":612000001,"visible":true,"campaign":"reformas_2026"}`))
	req.Header.Set("Authorization", "Bearer "+easycalltest.Token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		log.Fatal(err)
	}
	resp.Body.Close()

	got := srv.Leads()[0]
	fmt.Println(resp.StatusCode, got.Path)
	fmt.Printf("%v %T %v %T\n", got.Fields["nome"], got.Fields["telefono"], got.Custom["visible"], got.Custom["visible"])
	// Output:
	// 201 /easycall/spring
	// Ana json.Number true bool
}

func ExampleServer_FailNext() {
	srv := easycalltest.NewServer()
	defer srv.Close()
	srv.AddCampaign("reformas_2026", "Reformas")
	client, _ := easycall.New(easycall.TestDomain, easycalltest.Token, easycall.WithBaseURL(srv.URL), easycall.WithRetry(0, 0, 0))

	srv.FailNext(1, easycalltest.Fault{Kind: easycalltest.Unavailable})
	leads := []*easycall.Lead{{Nome: "Ana", TelefonoMobile: "612000001", Campaign: "reformas_2026"}}
	for _, o := range client.ImportAll(context.Background(), leads, easycall.ImportAllOptions{}) {
		fmt.Println(o.Result, len(srv.Leads()))
	}
	// Output: not sent 0
}
