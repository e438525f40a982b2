package factory

import "github.com/passerelle-go/passerelle/internal/enum"

//go:generate go run ../internal/enum/enumgen -output enums_gen.go -strings ProjetImmo,Salutation,SituationLogement,ObjectifAchat,OuiNon,ClotureCall,MotifCloture,RdvType,RdvNature,Direction

// The lists of allowed values of La Factory's document ("champs sur fond jaune", the
// call-center closure fields and SetActivity). Each type's constants are
// the values sent on the wire, spelt as the document spells them; Parse...
// accepts any case, accents or spacing and returns the document's spelling.

// ProjetImmo is the client's project ("Projet client", balise projet_immo).
type ProjetImmo string

// The document's projet_immo values.
const (
	Habiter      ProjetImmo = "Habiter"      // to live in
	Investir     ProjetImmo = "investir"     // to invest
	Defiscaliser ProjetImmo = "défiscaliser" // to reduce taxes
	NeSaitPas    ProjetImmo = "ne sait pas"  // does not know
)

var projetImmoTable = enum.NewStrings("ProjetImmo", []ProjetImmo{Habiter, Investir, Defiscaliser, NeSaitPas}, nil)

// Salutation is the contact's title ("Civilité", balise salutation).
type Salutation string

// The document's salutation values.
const (
	Maitre       Salutation = "Maitre"       // Maître, for lawyers and notaries
	Mademoiselle Salutation = "Mademoiselle" // Miss
	Monsieur     Salutation = "Monsieur"     // Mr
	Madame       Salutation = "Madame"       // Mrs
)

var salutationTable = enum.NewStrings("Salutation", []Salutation{Maitre, Mademoiselle, Monsieur, Madame},
	map[string]Salutation{"Maître": Maitre, "Me": Maitre, "Mlle": Mademoiselle, "M.": Monsieur, "M": Monsieur, "Mr": Monsieur, "Mme": Madame})

// SituationLogement is the contact's current housing ("Situation
// actuelle", balise situation_logement).
type SituationLogement string

// The document's situation_logement values.
const (
	Proprietaire     SituationLogement = "Propriétaire"         // owner
	Locataire        SituationLogement = "locataire"            // tenant
	LogeTitreGratuit SituationLogement = "logé à titre gratuit" // housed free of charge
)

var situationLogementTable = enum.NewStrings("SituationLogement", []SituationLogement{Proprietaire, Locataire, LogeTitreGratuit}, nil)

// ObjectifAchat is what the home is bought for ("Destination du logement",
// balise objectif_achat).
type ObjectifAchat string

// The document's objectif_achat values.
const (
	ResidencePrincipale ObjectifAchat = "Résidence principale" // main home
	ResidenceSecondaire ObjectifAchat = "résidence secondaire" // second home
	Investissement      ObjectifAchat = "investissement"       // rental investment
)

var objectifAchatTable = enum.NewStrings("ObjectifAchat", []ObjectifAchat{ResidencePrincipale, ResidenceSecondaire, Investissement}, nil)

// OuiNon is a yes/no flag (primo_accedant, rgpdin, rgpdout, revente). The
// empty value means not answered.
type OuiNon string

// The document's oui/non values.
const (
	Oui OuiNon = "oui" // yes
	Non OuiNon = "non" // no
)

var ouiNonTable = enum.NewStrings("OuiNon", []OuiNon{Oui, Non},
	map[string]OuiNon{"yes": Oui, "true": Oui, "1": Oui, "no": Non, "false": Non, "0": Non})

// Bool returns the flag as a bool and whether it was answered.
func (v OuiNon) Bool() (value, answered bool) { return v == Oui, v.Valid() }

// OuiNonOf is Oui for true and Non for false.
func OuiNonOf(b bool) OuiNon {
	if b {
		return Oui
	}
	return Non
}

// ClotureCall is the call center's closure status (balise cloture_call),
// upper case.
type ClotureCall string

// The document's cloture_call values.
const (
	Accord        ClotureCall = "ACCORD"        // agreed: a meeting, a transfer or documents
	Refus         ClotureCall = "REFUS"         // refused
	Inexploitable ClotureCall = "INEXPLOITABLE" // unusable lead
)

var clotureCallTable = enum.NewStrings("ClotureCall", []ClotureCall{Accord, Refus, Inexploitable}, nil)

// MotifCloture is the reason for a closure (balise motif_cloture), upper
// case; each belongs to one ClotureCall (section 4.3 of the document).
type MotifCloture string

// The document's 21 motif_cloture values, by closure.
const (
	// ACCORD
	RdvPhysique        MotifCloture = "RDV PHYSIQUE"                // meeting in person
	TransfertAbouti    MotifCloture = "TRANSFERT ABOUTI (TRA)"      // call transferred
	RdvTelephonique    MotifCloture = "RDV TELEPHONIQUE"            // phone meeting
	TransfertNonAbouti MotifCloture = "TRANSFERT NON ABOUTI (TRNA)" // transfer failed
	EnvoiDeDocument    MotifCloture = "ENVOI DE DOCUMENT"           // documents sent
	// REFUS
	SurfaceTropPetite  MotifCloture = "SURFACE TROP PETITE"  // too small
	ProgrammeCloture   MotifCloture = "PROGRAMME CLOTURE"    // programme closed
	PlusDeDispoDeLot   MotifCloture = "PLUS DE DISPO DE LOT" // no lot left
	PasInteresse       MotifCloture = "PAS INTERESSE"        // not interested
	NouveauxProgrammes MotifCloture = "NOUVEAUX PROGRAMMES"  // wants new programmes
	NousRecontacte     MotifCloture = "NOUS RECONTACTE"      // will call back
	LivraisonTardive   MotifCloture = "LIVRAISON TARDIVE"    // delivery too late
	HorsBudget         MotifCloture = "HORS BUDGET"          // over budget
	// INEXPLOITABLE
	FauxNumero             MotifCloture = "FAUX NUMERO"             // wrong number
	InjoignablesPermanents MotifCloture = "INJOIGNABLES PERMANENTS" // never reachable
	HorsCible              MotifCloture = "HORS CIBLE"              // off target
	AppelsAdmin            MotifCloture = "APPELS ADMIN"            // administrative calls
	NeParlePasFrancais     MotifCloture = "NE PARLE PAS FRANÇAIS"   // does not speak French
	Doublons               MotifCloture = "DOUBLONS"                // duplicates
	WrongNumberSystem      MotifCloture = "WRONG NUMBER SYSTEM"     // wrong number (system)
	UnreachableLimit       MotifCloture = "UNREACHABLE LIMIT"       // reached the unreachable limit
)

// motifClosures is section 4.3: the motifs each closure allows.
var motifClosures = map[ClotureCall][]MotifCloture{
	Accord:        {RdvPhysique, TransfertAbouti, RdvTelephonique, TransfertNonAbouti, EnvoiDeDocument},
	Refus:         {SurfaceTropPetite, ProgrammeCloture, PlusDeDispoDeLot, PasInteresse, NouveauxProgrammes, NousRecontacte, LivraisonTardive, HorsBudget},
	Inexploitable: {FauxNumero, InjoignablesPermanents, HorsCible, AppelsAdmin, NeParlePasFrancais, Doublons, WrongNumberSystem, UnreachableLimit},
}

var motifClotureTable = enum.NewStrings("MotifCloture", func() (all []MotifCloture) {
	for _, c := range ClotureCallValues() {
		all = append(all, motifClosures[c]...)
	}
	return all
}(), map[string]MotifCloture{"TRA": TransfertAbouti, "TRANSFERT ABOUTI": TransfertAbouti, "TRNA": TransfertNonAbouti, "TRANSFERT NON ABOUTI": TransfertNonAbouti})

// Closure returns the ClotureCall the motif belongs to ("" when the motif
// is not one of the document's).
func (m MotifCloture) Closure() ClotureCall {
	for c, motifs := range motifClosures {
		for _, x := range motifs {
			if x == m {
				return c
			}
		}
	}
	return ""
}

// Motifs returns the motifs the closure allows, in the document's order.
func (c ClotureCall) Motifs() []MotifCloture { return append([]MotifCloture(nil), motifClosures[c]...) }

// RdvType is the kind of appointment (balise typerdv).
type RdvType string

// The document's typerdv values.
const (
	R1         RdvType = "R1"         // first meeting
	R2         RdvType = "R2"         // second meeting
	R3         RdvType = "R3"         // third meeting
	Partenaire RdvType = "partenaire" // with a partner
)

var rdvTypeTable = enum.NewStrings("RdvType", []RdvType{R1, R2, R3, Partenaire}, nil)

// RdvNature is how an appointment takes place (balise naturerdv).
type RdvNature string

// The document's naturerdv values.
const (
	Physique     RdvNature = "physique"     // in person
	Visio        RdvNature = "visio"        // video call
	Telephonique RdvNature = "téléphonique" // by phone
)

var rdvNatureTable = enum.NewStrings("RdvNature", []RdvNature{Physique, Visio, Telephonique}, nil)

// Direction is a call's direction (balise direction): "0" incoming, "1"
// outgoing.
type Direction string

// The document's direction values.
const (
	Incoming Direction = "0" // appel entrant
	Outgoing Direction = "1" // appel sortant
)

var directionTable = enum.NewStrings("Direction", []Direction{Incoming, Outgoing},
	map[string]Direction{"entrant": Incoming, "incoming": Incoming, "sortant": Outgoing, "outgoing": Outgoing})
