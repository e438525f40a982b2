package batiweb

import "github.com/passerelle-go/passerelle/internal/enum"

// WorkType is the trade a lead asks for: the "Codes métier : Worktype"
// table of Batiweb's "Web Service 2023" document, 121 codes. The constants
// follow the document's alphabetical order and
// are named after its labels, whose French words they keep.
//
// Four labels are cut short in the document (its table cells were clipped): they
// are kept as the document writes them, and ParseWorkType also accepts the whole
// words for 65, 66 and 90.
type WorkType int

// The Worktype mapping table of Batiweb's "Web Service 2023" document.
const (
	WorkTypeAbriDePiscine                           WorkType = 128 // Abri de piscine
	WorkTypeAlarmeDePiscine                         WorkType = 82  // Alarme de piscine
	WorkTypeAlarmeTelesurveillanceVideosurveillance WorkType = 81  // Alarme, Télésurveillance, Vidéosurveillance
	WorkTypeAmenagementDeCombles                    WorkType = 7   // Aménagement de combles
	WorkTypeAntenneTVEtSatellite                    WorkType = 201 // Antenne TV et satellite
	WorkTypeArchitecte                              WorkType = 131 // Architecte
	WorkTypeBaignoireAPorte                         WorkType = 233 // Baignoire à Porte
	WorkTypeBardageFacade                           WorkType = 58  // Bardage façade
	WorkTypeBorneDeRecharge                         WorkType = 260 // Borne de recharge
	WorkTypeBetonsCires                             WorkType = 171 // Bétons cirés
	WorkTypeBetonsDecoratifsExterieurs              WorkType = 119 // Bétons décoratifs extérieurs
	WorkTypeCarrelage                               WorkType = 75  // Carrelage
	WorkTypeCharpenteBois                           WorkType = 19  // Charpente bois
	WorkTypeCharpenteMetallique                     WorkType = 21  // Charpente métallique
	WorkTypeChaudiereAGranules                      WorkType = 107 // Chaudière à granulés
	WorkTypeChauffageFioul                          WorkType = 98  // Chauffage Fioul
	WorkTypeChauffageGaz                            WorkType = 96  // Chauffage Gaz
	WorkTypeChauffageSolaire                        WorkType = 113 // Chauffage solaire
	WorkTypeChauffageElectrique                     WorkType = 97  // Chauffage Électrique
	WorkTypeChauffeEauSolaire                       WorkType = 106 // Chauffe-eau solaire
	WorkTypeCheminee                                WorkType = 104 // Cheminée
	WorkTypeClimatisation                           WorkType = 101 // Climatisation
	WorkTypeCloisons                                WorkType = 157 // Cloisons
	WorkTypeCloture                                 WorkType = 121 // Clôture
	WorkTypeConstructionDeMaisonIndividuelle        WorkType = 4   // Construction de Maison Individuelle
	WorkTypeCouvertureArdoise                       WorkType = 176 // Couverture ardoise
	WorkTypeCouvertureTuilesPetitsElements          WorkType = 22  // Couverture tuiles / petits éléments
	WorkTypeCouvertureZinguerie                     WorkType = 24  // Couverture zinguerie
	WorkTypeCuisine                                 WorkType = 51  // Cuisine
	WorkTypeDallesEtChapes                          WorkType = 144 // Dalles et Chapes
	WorkTypeDiagnosticsImmobiliers                  WorkType = 143 // Diagnostics Immobiliers
	WorkTypeDomotique                               WorkType = 217 // Domotique
	WorkTypeDoucheSenior                            WorkType = 232 // Douche Senior
	WorkTypeDecrassageDemoussageDeToiture           WorkType = 212 // Décrassage / Démoussage de toiture
	WorkTypeDemolitionAvecTransportsDeGravats       WorkType = 146 // Démolition avec transports de gravats
	WorkTypeEnduit                                  WorkType = 71  // Enduit
	WorkTypeEntretienChaudiereChauffeEau            WorkType = 91  // Entretien Chaudière / Chauffe-eau
	WorkTypeEntretienClimatisation                  WorkType = 102 // Entretien climatisation
	WorkTypeEntretienEspacesVerts                   WorkType = 117 // Entretien espaces verts
	WorkTypeEntretienPompeAChaleur                  WorkType = 207 // Entretien Pompe à Chaleur
	WorkTypeEscalierEnBois                          WorkType = 42  // Escalier en bois
	WorkTypeEscaliersMetalliques                    WorkType = 156 // Escaliers métalliques
	WorkTypeExtensionMaison                         WorkType = 258 // Extension maison
	WorkTypeFauxPlafond                             WorkType = 61  // Faux plafond
	WorkTypeFenetreDeToit                           WorkType = 27  // Fenêtre de toit
	WorkTypeFosseSeptique                           WorkType = 16  // Fosse septique
	WorkTypeFumisterieConduitsDeFumee               WorkType = 25  // Fumisterie - Conduits de Fumée
	WorkTypeGoudronnage                             WorkType = 17  // Goudronnage
	WorkTypeGrosOeuvre                              WorkType = 183 // Gros oeuvre (Extension maison, constr
	WorkTypeGeothermie                              WorkType = 108 // Géothermie
	WorkTypeInsertDeCheminee                        WorkType = 188 // Insert de cheminée
	WorkTypeChauffeEauThermodynamique               WorkType = 90  // Installation de chauffe-eau / Thermod
	WorkTypeIsolationDesComblesAmenageables         WorkType = 67  // Isolation des combles aménageables
	WorkTypeIsolationDesComblesNonAmenageables      WorkType = 66  // Isolation des combles non aménageab
	WorkTypeIsolationParLExterieur                  WorkType = 56  // Isolation par l'extérieur
	WorkTypeIsolationPhonique                       WorkType = 64  // Isolation phonique
	WorkTypeIsolationThermiqueDesMursInterieurs     WorkType = 65  // Isolation thermique des murs intérieu
	WorkTypeMaisonOssatureBois                      WorkType = 184 // Maison ossature bois
	WorkTypeMonteEscalier                           WorkType = 237 // Monte Escalier
	WorkTypeMotorisationPortesPortailsVolets        WorkType = 221 // Motorisation portes, portails, volets
	WorkTypePACAirAirClimReversible                 WorkType = 110 // PAC air-air / Clim Réversible
	WorkTypePanneauxPhotovoltaiques                 WorkType = 114 // Panneaux photovoltaïques
	WorkTypePapierPeint                             WorkType = 72  // Papier peint
	WorkTypeParquet                                 WorkType = 74  // Parquet
	WorkTypePeinture                                WorkType = 69  // Peinture
	WorkTypePergolaBioclimatique                    WorkType = 259 // Pergola Bioclimatique
	WorkTypePergolaEtCarport                        WorkType = 205 // Pergola et Carport
	WorkTypePetitsTravauxElectriques                WorkType = 218 // Petits travaux électriques
	WorkTypePiscineEnDur                            WorkType = 124 // Piscine en dur
	WorkTypePiscineEnKit                            WorkType = 222 // Piscine en kit
	WorkTypePiscineHorsSol                          WorkType = 127 // Piscine hors sol
	WorkTypePiscinePolyester                        WorkType = 125 // Piscine polyester
	WorkTypePiscineAArmaturesMetalliques            WorkType = 126 // Piscine à armatures métalliques
	WorkTypePlacardsEtRangementsSurMesure           WorkType = 151 // Placards et rangements sur mesure
	WorkTypePlafondTendu                            WorkType = 227 // Plafond tendu
	WorkTypePlancherChauffantEauChaudeReversible    WorkType = 99  // Plancher chauffant eau chaude /réversible
	WorkTypePlancherChauffantElectrique             WorkType = 100 // Plancher chauffant électrique
	WorkTypePlaqueDePlatre                          WorkType = 60  // Plaque de plâtre
	WorkTypePlatreTraditionnel                      WorkType = 62  // Plâtre traditionnel
	WorkTypePompeAChaleurAirEau                     WorkType = 111 // Pompe à chaleur air-eau
	WorkTypePompeAChaleurPourPiscine                WorkType = 223 // Pompe à chaleur pour piscine
	WorkTypePortailEnAluminium                      WorkType = 32  // Portail en aluminium
	WorkTypePortailEnBois                           WorkType = 39  // Portail en bois
	WorkTypePortailEnPVC                            WorkType = 35  // Portail en PVC
	WorkTypePorteFenetreEnAluminium                 WorkType = 30  // Porte / Fenêtre en aluminium
	WorkTypePorteFenetreEnBois                      WorkType = 36  // Porte / Fenêtre en bois
	WorkTypePorteFenetreEnPVC                       WorkType = 33  // Porte / Fenêtre en PVC
	WorkTypePorteBlindee                            WorkType = 49  // Porte blindée
	WorkTypePorteDEntree                            WorkType = 182 // Porte d'entrée
	WorkTypePortesDeGarage                          WorkType = 150 // Portes de garage
	WorkTypePoeleABois                              WorkType = 181 // Poêle à bois
	WorkTypePoeleAGranules                          WorkType = 202 // Poêle à Granulés
	WorkTypeRadiateurElectrique                     WorkType = 211 // Radiateur Électrique
	WorkTypeRamonage                                WorkType = 148 // Ramonage
	WorkTypeRavalementDeFacade                      WorkType = 54  // Ravalement de façade
	WorkTypeRecuperationDEauxPluviales              WorkType = 172 // Récupération d'eaux pluviales
	WorkTypeRenovationDAppartementDeMaison          WorkType = 6   // Rénovation d'appartement / de maison
	WorkTypeRenovationDeCouverture                  WorkType = 23  // Rénovation de couverture
	WorkTypeRenovationPlomberieCompleteOuPartielle  WorkType = 226 // Rénovation plomberie complète ou partielle
	WorkTypeRenovationElectriqueCompleteOuPartielle WorkType = 219 // Rénovation électrique complète ou partielle
	WorkTypeSalleDeBain                             WorkType = 94  // Salle de bain
	WorkTypeSerrurerieQuincaillerie                 WorkType = 47  // Serrurerie / quincaillerie
	WorkTypeSolSouple                               WorkType = 73  // Sol souple (vinyle, lino, dalles PVC, etc)
	WorkTypeSpaSaunaHammam                          WorkType = 129 // Spa, Sauna, Hammam
	WorkTypeStores                                  WorkType = 154 // Stores
	WorkTypeSurelevationMaconnerie                  WorkType = 216 // Surélévation maçonnerie
	WorkTypeSurelevationStructureBois               WorkType = 28  // Surélévation structure bois
	WorkTypeTerrasseEnBois                          WorkType = 161 // Terrasse en bois
	WorkTypeTerrassement                            WorkType = 12  // Terrassement
	WorkTypeTraitementDeLEau                        WorkType = 225 // Traitement de l'eau
	WorkTypeTraitementDeLHumidite                   WorkType = 141 // Traitement de l'humidité
	WorkTypeTraitementInsecteDuBois                 WorkType = 140 // Traitement insecte du bois
	WorkTypeTubageDeConduitsDeCheminees             WorkType = 147 // Tubage de conduits de cheminées
	WorkTypeVitrierie                               WorkType = 44  // Vitrierie
	WorkTypeVMC                                     WorkType = 103 // VMC
	WorkTypeVoletBattantVoletRoulantEnAluminium     WorkType = 31  // Volet battant / Volet roulant en aluminium
	WorkTypeVoletBattantVoletRoulantEnBois          WorkType = 38  // Volet battant / Volet roulant en bois
	WorkTypeVoletBattantVoletRoulantEnPVC           WorkType = 34  // Volet battant / Volet roulant en PVC
	WorkTypeVeranda                                 WorkType = 45  // Véranda
	WorkTypeEtancheiteDeTerrasse                    WorkType = 213 // Étanchéité de terrasse
	WorkTypeEtancheiteDeToiture                     WorkType = 26  // Étanchéité de Toiture
)

var workTypeTable = enum.New("WorkType",
	enum.Row[WorkType]{Code: WorkTypeAbriDePiscine, Label: "Abri de piscine"},
	enum.Row[WorkType]{Code: WorkTypeAlarmeDePiscine, Label: "Alarme de piscine"},
	enum.Row[WorkType]{Code: WorkTypeAlarmeTelesurveillanceVideosurveillance, Label: "Alarme, Télésurveillance, Vidéosurveillance"},
	enum.Row[WorkType]{Code: WorkTypeAmenagementDeCombles, Label: "Aménagement de combles"},
	enum.Row[WorkType]{Code: WorkTypeAntenneTVEtSatellite, Label: "Antenne TV et satellite"},
	enum.Row[WorkType]{Code: WorkTypeArchitecte, Label: "Architecte"},
	enum.Row[WorkType]{Code: WorkTypeBaignoireAPorte, Label: "Baignoire à Porte"},
	enum.Row[WorkType]{Code: WorkTypeBardageFacade, Label: "Bardage façade"},
	enum.Row[WorkType]{Code: WorkTypeBorneDeRecharge, Label: "Borne de recharge"},
	enum.Row[WorkType]{Code: WorkTypeBetonsCires, Label: "Bétons cirés"},
	enum.Row[WorkType]{Code: WorkTypeBetonsDecoratifsExterieurs, Label: "Bétons décoratifs extérieurs"},
	enum.Row[WorkType]{Code: WorkTypeCarrelage, Label: "Carrelage"},
	enum.Row[WorkType]{Code: WorkTypeCharpenteBois, Label: "Charpente bois"},
	enum.Row[WorkType]{Code: WorkTypeCharpenteMetallique, Label: "Charpente métallique"},
	enum.Row[WorkType]{Code: WorkTypeChaudiereAGranules, Label: "Chaudière à granulés"},
	enum.Row[WorkType]{Code: WorkTypeChauffageFioul, Label: "Chauffage Fioul"},
	enum.Row[WorkType]{Code: WorkTypeChauffageGaz, Label: "Chauffage Gaz"},
	enum.Row[WorkType]{Code: WorkTypeChauffageSolaire, Label: "Chauffage solaire"},
	enum.Row[WorkType]{Code: WorkTypeChauffageElectrique, Label: "Chauffage Électrique"},
	enum.Row[WorkType]{Code: WorkTypeChauffeEauSolaire, Label: "Chauffe-eau solaire"},
	enum.Row[WorkType]{Code: WorkTypeCheminee, Label: "Cheminée"},
	enum.Row[WorkType]{Code: WorkTypeClimatisation, Label: "Climatisation"},
	enum.Row[WorkType]{Code: WorkTypeCloisons, Label: "Cloisons"},
	enum.Row[WorkType]{Code: WorkTypeCloture, Label: "Clôture"},
	enum.Row[WorkType]{Code: WorkTypeConstructionDeMaisonIndividuelle, Label: "Construction de Maison Individuelle"},
	enum.Row[WorkType]{Code: WorkTypeCouvertureArdoise, Label: "Couverture ardoise"},
	enum.Row[WorkType]{Code: WorkTypeCouvertureTuilesPetitsElements, Label: "Couverture tuiles / petits éléments"},
	enum.Row[WorkType]{Code: WorkTypeCouvertureZinguerie, Label: "Couverture zinguerie"},
	enum.Row[WorkType]{Code: WorkTypeCuisine, Label: "Cuisine"},
	enum.Row[WorkType]{Code: WorkTypeDallesEtChapes, Label: "Dalles et Chapes"},
	enum.Row[WorkType]{Code: WorkTypeDiagnosticsImmobiliers, Label: "Diagnostics Immobiliers"},
	enum.Row[WorkType]{Code: WorkTypeDomotique, Label: "Domotique"},
	enum.Row[WorkType]{Code: WorkTypeDoucheSenior, Label: "Douche Senior"},
	enum.Row[WorkType]{Code: WorkTypeDecrassageDemoussageDeToiture, Label: "Décrassage / Démoussage de toiture"},
	enum.Row[WorkType]{Code: WorkTypeDemolitionAvecTransportsDeGravats, Label: "Démolition avec transports de gravats"},
	enum.Row[WorkType]{Code: WorkTypeEnduit, Label: "Enduit"},
	enum.Row[WorkType]{Code: WorkTypeEntretienChaudiereChauffeEau, Label: "Entretien Chaudière / Chauffe-eau"},
	enum.Row[WorkType]{Code: WorkTypeEntretienClimatisation, Label: "Entretien climatisation"},
	enum.Row[WorkType]{Code: WorkTypeEntretienEspacesVerts, Label: "Entretien espaces verts"},
	enum.Row[WorkType]{Code: WorkTypeEntretienPompeAChaleur, Label: "Entretien Pompe à Chaleur"},
	enum.Row[WorkType]{Code: WorkTypeEscalierEnBois, Label: "Escalier en bois"},
	enum.Row[WorkType]{Code: WorkTypeEscaliersMetalliques, Label: "Escaliers métalliques"},
	enum.Row[WorkType]{Code: WorkTypeExtensionMaison, Label: "Extension maison"},
	enum.Row[WorkType]{Code: WorkTypeFauxPlafond, Label: "Faux plafond"},
	enum.Row[WorkType]{Code: WorkTypeFenetreDeToit, Label: "Fenêtre de toit"},
	enum.Row[WorkType]{Code: WorkTypeFosseSeptique, Label: "Fosse septique"},
	enum.Row[WorkType]{Code: WorkTypeFumisterieConduitsDeFumee, Label: "Fumisterie - Conduits de Fumée"},
	enum.Row[WorkType]{Code: WorkTypeGoudronnage, Label: "Goudronnage"},
	enum.Row[WorkType]{Code: WorkTypeGrosOeuvre, Label: "Gros oeuvre (Extension maison, constr"},
	enum.Row[WorkType]{Code: WorkTypeGeothermie, Label: "Géothermie"},
	enum.Row[WorkType]{Code: WorkTypeInsertDeCheminee, Label: "Insert de cheminée"},
	enum.Row[WorkType]{Code: WorkTypeChauffeEauThermodynamique, Label: "Installation de chauffe-eau / Thermod", Aliases: []string{"Installation de chauffe-eau / Thermodynamique"}},
	enum.Row[WorkType]{Code: WorkTypeIsolationDesComblesAmenageables, Label: "Isolation des combles aménageables"},
	enum.Row[WorkType]{Code: WorkTypeIsolationDesComblesNonAmenageables, Label: "Isolation des combles non aménageab", Aliases: []string{"Isolation des combles non aménageables"}},
	enum.Row[WorkType]{Code: WorkTypeIsolationParLExterieur, Label: "Isolation par l'extérieur"},
	enum.Row[WorkType]{Code: WorkTypeIsolationPhonique, Label: "Isolation phonique"},
	enum.Row[WorkType]{Code: WorkTypeIsolationThermiqueDesMursInterieurs, Label: "Isolation thermique des murs intérieu", Aliases: []string{"Isolation thermique des murs intérieurs"}},
	enum.Row[WorkType]{Code: WorkTypeMaisonOssatureBois, Label: "Maison ossature bois"},
	enum.Row[WorkType]{Code: WorkTypeMonteEscalier, Label: "Monte Escalier"},
	enum.Row[WorkType]{Code: WorkTypeMotorisationPortesPortailsVolets, Label: "Motorisation portes, portails, volets"},
	enum.Row[WorkType]{Code: WorkTypePACAirAirClimReversible, Label: "PAC air-air / Clim Réversible"},
	enum.Row[WorkType]{Code: WorkTypePanneauxPhotovoltaiques, Label: "Panneaux photovoltaïques"},
	enum.Row[WorkType]{Code: WorkTypePapierPeint, Label: "Papier peint"},
	enum.Row[WorkType]{Code: WorkTypeParquet, Label: "Parquet"},
	enum.Row[WorkType]{Code: WorkTypePeinture, Label: "Peinture"},
	enum.Row[WorkType]{Code: WorkTypePergolaBioclimatique, Label: "Pergola Bioclimatique"},
	enum.Row[WorkType]{Code: WorkTypePergolaEtCarport, Label: "Pergola et Carport"},
	enum.Row[WorkType]{Code: WorkTypePetitsTravauxElectriques, Label: "Petits travaux électriques"},
	enum.Row[WorkType]{Code: WorkTypePiscineEnDur, Label: "Piscine en dur"},
	enum.Row[WorkType]{Code: WorkTypePiscineEnKit, Label: "Piscine en kit"},
	enum.Row[WorkType]{Code: WorkTypePiscineHorsSol, Label: "Piscine hors sol"},
	enum.Row[WorkType]{Code: WorkTypePiscinePolyester, Label: "Piscine polyester"},
	enum.Row[WorkType]{Code: WorkTypePiscineAArmaturesMetalliques, Label: "Piscine à armatures métalliques"},
	enum.Row[WorkType]{Code: WorkTypePlacardsEtRangementsSurMesure, Label: "Placards et rangements sur mesure"},
	enum.Row[WorkType]{Code: WorkTypePlafondTendu, Label: "Plafond tendu"},
	enum.Row[WorkType]{Code: WorkTypePlancherChauffantEauChaudeReversible, Label: "Plancher chauffant eau chaude /réversible"},
	enum.Row[WorkType]{Code: WorkTypePlancherChauffantElectrique, Label: "Plancher chauffant électrique"},
	enum.Row[WorkType]{Code: WorkTypePlaqueDePlatre, Label: "Plaque de plâtre"},
	enum.Row[WorkType]{Code: WorkTypePlatreTraditionnel, Label: "Plâtre traditionnel"},
	enum.Row[WorkType]{Code: WorkTypePompeAChaleurAirEau, Label: "Pompe à chaleur air-eau"},
	enum.Row[WorkType]{Code: WorkTypePompeAChaleurPourPiscine, Label: "Pompe à chaleur pour piscine"},
	enum.Row[WorkType]{Code: WorkTypePortailEnAluminium, Label: "Portail en aluminium"},
	enum.Row[WorkType]{Code: WorkTypePortailEnBois, Label: "Portail en bois"},
	enum.Row[WorkType]{Code: WorkTypePortailEnPVC, Label: "Portail en PVC"},
	enum.Row[WorkType]{Code: WorkTypePorteFenetreEnAluminium, Label: "Porte / Fenêtre en aluminium"},
	enum.Row[WorkType]{Code: WorkTypePorteFenetreEnBois, Label: "Porte / Fenêtre en bois"},
	enum.Row[WorkType]{Code: WorkTypePorteFenetreEnPVC, Label: "Porte / Fenêtre en PVC"},
	enum.Row[WorkType]{Code: WorkTypePorteBlindee, Label: "Porte blindée"},
	enum.Row[WorkType]{Code: WorkTypePorteDEntree, Label: "Porte d'entrée"},
	enum.Row[WorkType]{Code: WorkTypePortesDeGarage, Label: "Portes de garage"},
	enum.Row[WorkType]{Code: WorkTypePoeleABois, Label: "Poêle à bois"},
	enum.Row[WorkType]{Code: WorkTypePoeleAGranules, Label: "Poêle à Granulés"},
	enum.Row[WorkType]{Code: WorkTypeRadiateurElectrique, Label: "Radiateur Électrique"},
	enum.Row[WorkType]{Code: WorkTypeRamonage, Label: "Ramonage"},
	enum.Row[WorkType]{Code: WorkTypeRavalementDeFacade, Label: "Ravalement de façade"},
	enum.Row[WorkType]{Code: WorkTypeRecuperationDEauxPluviales, Label: "Récupération d'eaux pluviales"},
	enum.Row[WorkType]{Code: WorkTypeRenovationDAppartementDeMaison, Label: "Rénovation d'appartement / de maison"},
	enum.Row[WorkType]{Code: WorkTypeRenovationDeCouverture, Label: "Rénovation de couverture"},
	enum.Row[WorkType]{Code: WorkTypeRenovationPlomberieCompleteOuPartielle, Label: "Rénovation plomberie complète ou partielle"},
	enum.Row[WorkType]{Code: WorkTypeRenovationElectriqueCompleteOuPartielle, Label: "Rénovation électrique complète ou partielle"},
	enum.Row[WorkType]{Code: WorkTypeSalleDeBain, Label: "Salle de bain"},
	enum.Row[WorkType]{Code: WorkTypeSerrurerieQuincaillerie, Label: "Serrurerie / quincaillerie"},
	enum.Row[WorkType]{Code: WorkTypeSolSouple, Label: "Sol souple (vinyle, lino, dalles PVC, etc)"},
	enum.Row[WorkType]{Code: WorkTypeSpaSaunaHammam, Label: "Spa, Sauna, Hammam"},
	enum.Row[WorkType]{Code: WorkTypeStores, Label: "Stores"},
	enum.Row[WorkType]{Code: WorkTypeSurelevationMaconnerie, Label: "Surélévation maçonnerie"},
	enum.Row[WorkType]{Code: WorkTypeSurelevationStructureBois, Label: "Surélévation structure bois"},
	enum.Row[WorkType]{Code: WorkTypeTerrasseEnBois, Label: "Terrasse en bois"},
	enum.Row[WorkType]{Code: WorkTypeTerrassement, Label: "Terrassement"},
	enum.Row[WorkType]{Code: WorkTypeTraitementDeLEau, Label: "Traitement de l'eau"},
	enum.Row[WorkType]{Code: WorkTypeTraitementDeLHumidite, Label: "Traitement de l'humidité"},
	enum.Row[WorkType]{Code: WorkTypeTraitementInsecteDuBois, Label: "Traitement insecte du bois"},
	enum.Row[WorkType]{Code: WorkTypeTubageDeConduitsDeCheminees, Label: "Tubage de conduits de cheminées"},
	enum.Row[WorkType]{Code: WorkTypeVitrierie, Label: "Vitrierie"},
	enum.Row[WorkType]{Code: WorkTypeVMC, Label: "VMC"},
	enum.Row[WorkType]{Code: WorkTypeVoletBattantVoletRoulantEnAluminium, Label: "Volet battant / Volet roulant en aluminium"},
	enum.Row[WorkType]{Code: WorkTypeVoletBattantVoletRoulantEnBois, Label: "Volet battant / Volet roulant en bois"},
	enum.Row[WorkType]{Code: WorkTypeVoletBattantVoletRoulantEnPVC, Label: "Volet battant / Volet roulant en PVC"},
	enum.Row[WorkType]{Code: WorkTypeVeranda, Label: "Véranda"},
	enum.Row[WorkType]{Code: WorkTypeEtancheiteDeTerrasse, Label: "Étanchéité de terrasse"},
	enum.Row[WorkType]{Code: WorkTypeEtancheiteDeToiture, Label: "Étanchéité de Toiture"},
)
