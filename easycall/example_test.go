package easycall_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/passerelle-go/passerelle/easycall"
	"github.com/passerelle-go/passerelle/easycall/easycalltest"
)

func ExampleCanonicalField() {
	for _, name := range []string{"telefono_movil", "Nombre y Apellido", "cp", "email", "chiave_nueva"} {
		c, ok := easycall.CanonicalField(name)
		fmt.Printf("%s -> %q %t\n", name, c, ok)
	}
	// Output:
	// telefono_movil -> "telefono_mobile" true
	// Nombre y Apellido -> "nome_completo" true
	// cp -> "cap" true
	// email -> "email" true
	// chiave_nueva -> "" false
}

func ExampleParseLead() {
	lead, err := easycall.ParseLead(strings.NewReader(`
nombre: Lucía
apellido = García
telefono_movil: +34 612 345 678
campaign: reformas_2026
tipo_inmueble: piso
`))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(lead.Nome, lead.Cognome, lead.TelefonoMobile, lead.Campaign, lead.Custom["tipo_inmueble"])
	text, _ := lead.MarshalText()
	fmt.Print(string(text))

	_, err = easycall.ParseLead(strings.NewReader("nombre: Lucía\nsin separador\nnombre: otra"))
	fmt.Println(err)
	// Output:
	// Lucía García +34 612 345 678 reformas_2026 piso
	// nome: Lucía
	// cognome: García
	// telefono_mobile: +34 612 345 678
	// campaign: reformas_2026
	// tipo_inmueble: piso
	// easycall: line 2: no ":" or "=" between field and value; line 3: field "nome" already set on line 1
}

func ExampleClient_Import() {
	srv := easycalltest.NewServer()
	defer srv.Close()
	srv.AddCampaign("reformas_2026", "Reformas")
	srv.CreateCustomKeys("tipo_inmueble")
	client, err := easycall.New(easycall.TestDomain, easycalltest.Token, easycall.WithBaseURL(srv.URL)) // a real domain: easycall.New("mydomain", token)
	if err != nil {
		log.Fatal(err)
	}

	lead := &easycall.Lead{Nome: "Lucía", Cognome: "García", TelefonoMobile: "+34 612 345 678",
		Campaign: "reformas_2026", Custom: map[string]string{"tipo_inmueble": "piso"}}
	res, err := client.Import(context.Background(), lead)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.StatusCode, res.ID, srv.Leads()[0].Campaign)

	lead.Custom = map[string]string{"Tipo Inmueble": "piso"} // not a key EasyCall can have
	lead.Campaign = "reformas 2026"
	_, err = client.Import(context.Background(), lead)
	fmt.Println(err)
	// Output:
	// 201 L-1 Reformas
	// easycall: invalid import request: campaign: must not hold spaces: join words with _; custom.Tipo Inmueble: a custom key holds only lower-case letters, digits and _
}

func ExampleClient_ImportAll() {
	srv := easycalltest.NewServer()
	defer srv.Close()
	srv.AddCampaign("reformas_2026", "Reformas")
	client, _ := easycall.New(easycall.TestDomain, easycalltest.Token, easycall.WithBaseURL(srv.URL))

	leads := []*easycall.Lead{
		{Nome: "Ana", TelefonoMobile: "612000001", Campaign: "reformas_2026"},
		{Nome: "Bea", Campaign: "reformas_2026"},                             // no phone, no e-mail: never sent
		{Nome: "Carla", Email: "carla@example.es", Campaign: "otra_campana"}, // EasyCall does not know the code
		{Nome: "Dora", TelefonoFisso: "910000004", Campaign: "reformas_2026"},
	}
	for _, o := range client.ImportAll(context.Background(), leads, easycall.ImportAllOptions{Concurrency: 2}) {
		fmt.Println(o.Index, leads[o.Index].Nome, o.Result, o.Err)
	}
	// Output:
	// 0 Ana done <nil>
	// 1 Bea refused easycall: invalid import request: email: a phone or an e-mail is required
	// 2 Carla refused easycall: import: HTTP 400: Unknown campaign code: otra_campana
	// 3 Dora done <nil>
}
