package factory_test

import (
	"encoding/json"
	"testing"

	"github.com/passerelle-go/passerelle/factory"
)

// benchProject is a project with every balise of the flux, one number and
// one balise the package does not model.
const benchProject = `{"factoryprojectid":"FP-000123","salutation":"Madame","prenom":"Camille","nom":"Durand",
"email":"camille.durand@example.fr","email2":"","tel_mobile":"06 90 11 22 33","tel_fixe":"","tel_professionnel":"03 20 00 00 00",
"adresse":"12 rue Nationale","adresse2":"Bât. B","code_postal":"59000","ville":"Lille","date_naissance":"19880402",
"profession":"Infirmière","imposition":"2400","primo_accedant":"oui","rgpdin":"oui","rgpdout":"non",
"situation_logement":"locataire","date_acquisition":"20261120093000","code_programme":"NX-59000-01","projet_immo":"Habiter",
"objectif_achat":"Résidence principale","commentaire":"T3 avec balcon","budget_max":300000,"budget_fourchette":"250-300k",
"horaire_rappel":"20261125180000","nom_formulaire":"Contact programme","type_logement":"Appartement","surface_logement":"65",
"taille_logement":"T3","type_bienED":"APT","nature_bien":"NEUF","code_lot":"59001_0012","dept_rech":"59, 62",
"ville_rech":"Lille","utm_camapaign":"printemps26","canal":"web","utm_act":"formprog","utm_source":"seloger",
"utm_medium":"email","commercial":"sophie.leroy@edouarddenis.example","if_autre_champ":"x"}`

// plainProject is the baseline: encoding/json into a struct of strings.
type plainProject struct {
	FactoryProjectID string      `json:"factoryprojectid"`
	Salutation       string      `json:"salutation"`
	Prenom           string      `json:"prenom"`
	Nom              string      `json:"nom"`
	Email            string      `json:"email"`
	Email2           string      `json:"email2"`
	TelMobile        string      `json:"tel_mobile"`
	TelFixe          string      `json:"tel_fixe"`
	TelPro           string      `json:"tel_professionnel"`
	Adresse          string      `json:"adresse"`
	Adresse2         string      `json:"adresse2"`
	CodePostal       string      `json:"code_postal"`
	Ville            string      `json:"ville"`
	DateNaissance    string      `json:"date_naissance"`
	Profession       string      `json:"profession"`
	Imposition       string      `json:"imposition"`
	Primo            string      `json:"primo_accedant"`
	Rgpdin           string      `json:"rgpdin"`
	Rgpdout          string      `json:"rgpdout"`
	Situation        string      `json:"situation_logement"`
	DateAcq          string      `json:"date_acquisition"`
	CodeProgramme    string      `json:"code_programme"`
	ProjetImmo       string      `json:"projet_immo"`
	Objectif         string      `json:"objectif_achat"`
	Commentaire      string      `json:"commentaire"`
	BudgetMax        json.Number `json:"budget_max"`
	BudgetFourchette string      `json:"budget_fourchette"`
	Horaire          string      `json:"horaire_rappel"`
	NomFormulaire    string      `json:"nom_formulaire"`
	TypeLogement     string      `json:"type_logement"`
	Surface          string      `json:"surface_logement"`
	Taille           string      `json:"taille_logement"`
	TypeBien         string      `json:"type_bienED"`
	NatureBien       string      `json:"nature_bien"`
	CodeLot          string      `json:"code_lot"`
	DeptRech         string      `json:"dept_rech"`
	VilleRech        string      `json:"ville_rech"`
	Campaign         string      `json:"utm_camapaign"`
	Canal            string      `json:"canal"`
	UTMAct           string      `json:"utm_act"`
	UTMSource        string      `json:"utm_source"`
	UTMMedium        string      `json:"utm_medium"`
	Commercial       string      `json:"commercial"`
	AutreChamp       string      `json:"if_autre_champ"`
}

// BenchmarkProjectDecode compares the tolerant, lossless decoding of a
// project with plain encoding/json in the same run.
func BenchmarkProjectDecode(b *testing.B) {
	data := []byte(benchProject)
	b.Run("factory.Project", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			var p factory.Project
			if err := json.Unmarshal(data, &p); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding/json baseline", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			var p plainProject
			if err := json.Unmarshal(data, &p); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkProjectEncode measures the update body against plain
// encoding/json in the same run.
func BenchmarkProjectEncode(b *testing.B) {
	var p factory.Project
	if err := json.Unmarshal([]byte(benchProject), &p); err != nil {
		b.Fatal(err)
	}
	var plain plainProject
	_ = json.Unmarshal([]byte(benchProject), &plain)
	b.Run("factory.Project", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			if _, err := json.Marshal(p); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding/json baseline", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			if _, err := json.Marshal(plain); err != nil {
				b.Fatal(err)
			}
		}
	})
}
