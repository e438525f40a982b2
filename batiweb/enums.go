package batiweb

import "github.com/passerelle-go/passerelle/internal/enum"

//go:generate go run ../internal/enum/enumgen -output enums_gen.go IsOwner Civility HousingType ReminderTime Delay Area YearBuilt Funding Budget LeadStatus WorkType Code

// IsOwner is the requester's occupancy status ("Statut du demandeur : IsOwner").
type IsOwner int

// The IsOwner mapping table of Batiweb's "Web Service 2023" document.
const (
	Owner          IsOwner = 1 // Propriétaire: owner-occupier
	Tenant         IsOwner = 2 // Locataire: tenant
	LettingOwner   IsOwner = 3 // Propriétaire louant son bien: owner who lets the property
	OtherOccupancy IsOwner = 4 // Autre: other
)

var isOwnerTable = enum.New("IsOwner",
	enum.Row[IsOwner]{Code: Owner, Label: "Propriétaire"},
	enum.Row[IsOwner]{Code: Tenant, Label: "Locataire"},
	enum.Row[IsOwner]{Code: LettingOwner, Label: "Propriétaire louant son bien"},
	enum.Row[IsOwner]{Code: OtherOccupancy, Label: "Autre"},
)

// Civility is the requester's title ("Civilité du demandeur : CIVILITY").
// It is sent as its code; decoding also accepts the spellings seen in the
// wild ("M.", "M", "Mme", "Mme.", "Mr").
type Civility int

// The CIVILITY mapping table of Batiweb's "Web Service 2023" document.
const (
	Monsieur Civility = 1 // Monsieur: Mr
	Madame   Civility = 2 // Madame: Mrs/Ms
)

var civilityTable = enum.New("Civility",
	enum.Row[Civility]{Code: Monsieur, Label: "Monsieur", Aliases: []string{"M.", "M", "Mr", "Mr."}},
	enum.Row[Civility]{Code: Madame, Label: "Madame", Aliases: []string{"Mme", "Mme.", "Mrs", "Ms"}},
)

// HousingType is the kind of dwelling ("Type de logement HousingType").
type HousingType int

// The HousingType mapping table of Batiweb's "Web Service 2023" document.
const (
	House            HousingType = 1 // Maison: house
	Apartment        HousingType = 2 // Appartement: flat
	BusinessPremises HousingType = 3 // Locaux professionnels: business premises
	OtherHousing     HousingType = 4 // Autre: other
)

var housingTypeTable = enum.New("HousingType",
	enum.Row[HousingType]{Code: House, Label: "Maison"},
	enum.Row[HousingType]{Code: Apartment, Label: "Appartement"},
	enum.Row[HousingType]{Code: BusinessPremises, Label: "Locaux professionnels"},
	enum.Row[HousingType]{Code: OtherHousing, Label: "Autre"},
)

// ReminderTime is when the requester wants to be called back ("Heure de
// rappel : Remindertime").
type ReminderTime int

// The Remindertime mapping table of Batiweb's "Web Service 2023" document.
const (
	ReminderAnyTime ReminderTime = 1 // Tout le temps: any time
	Reminder9To11   ReminderTime = 2 // De 9h à 11h
	Reminder11To13  ReminderTime = 3 // De 11h à 13h
	Reminder13To15  ReminderTime = 4 // De 13h à 15h
	Reminder15To17  ReminderTime = 5 // De 15h à 17h
	Reminder17To19  ReminderTime = 6 // De 17h à 19h
)

var reminderTimeTable = enum.New("ReminderTime",
	enum.Row[ReminderTime]{Code: ReminderAnyTime, Label: "Tout le temps"},
	enum.Row[ReminderTime]{Code: Reminder9To11, Label: "De 9h à 11h"},
	enum.Row[ReminderTime]{Code: Reminder11To13, Label: "De 11h à 13h"},
	enum.Row[ReminderTime]{Code: Reminder13To15, Label: "De 13h à 15h"},
	enum.Row[ReminderTime]{Code: Reminder15To17, Label: "De 15h à 17h"},
	enum.Row[ReminderTime]{Code: Reminder17To19, Label: "De 17h à 19h"},
)

// Delay is when the work should start ("Délai de mise en œuvre du
// chantier : Delay").
type Delay int

// The Delay mapping table of Batiweb's "Web Service 2023" document.
const (
	DelayImmediate    Delay = 1 // Immédiat: now
	DelayWithinMonth  Delay = 2 // Sous un mois: within a month
	DelayUnder3Months Delay = 3 // Inférieur à 3 mois: within 3 months
	Delay3To6Months   Delay = 4 // De 3 à 6 mois: in 3 to 6 months
	DelayOver6Months  Delay = 5 // Plus de 6 mois: in more than 6 months
)

var delayTable = enum.New("Delay",
	enum.Row[Delay]{Code: DelayImmediate, Label: "Immédiat"},
	enum.Row[Delay]{Code: DelayWithinMonth, Label: "Sous un mois"},
	enum.Row[Delay]{Code: DelayUnder3Months, Label: "Inférieur à 3 mois"},
	enum.Row[Delay]{Code: Delay3To6Months, Label: "De 3 à 6 mois"},
	enum.Row[Delay]{Code: DelayOver6Months, Label: "Plus de 6 mois"},
)

// Area is the surface concerned, in m² ("Superficie du logement en m² :
// Area"). The document writes "m ²" with a space; ParseArea also accepts "m²".
type Area int

// The Area mapping table of Batiweb's "Web Service 2023" document.
const (
	AreaUnder10  Area = 1 // Moins de 10 m ²
	Area10To20   Area = 2 // De 10 à 20 m ²
	Area20To30   Area = 3 // De 20 à 30 m ²
	Area30To50   Area = 4 // De 30 à 50 m ²
	Area50To75   Area = 5 // De 50 à 75 m ²
	Area75To120  Area = 6 // De 75 à 120 m ²
	Area120To200 Area = 7 // De 120 à 200 m ²
	AreaOver200  Area = 8 // Plus de 200 m ²
	AreaUnknown  Area = 9 // Ne sait pas: does not know
)

var areaTable = enum.New("Area",
	enum.Row[Area]{Code: AreaUnder10, Label: "Moins de 10 m ²", Aliases: []string{"Moins de 10 m²"}},
	enum.Row[Area]{Code: Area10To20, Label: "De 10 à 20 m ²", Aliases: []string{"De 10 à 20 m²"}},
	enum.Row[Area]{Code: Area20To30, Label: "De 20 à 30 m ²", Aliases: []string{"De 20 à 30 m²"}},
	enum.Row[Area]{Code: Area30To50, Label: "De 30 à 50 m ²", Aliases: []string{"De 30 à 50 m²"}},
	enum.Row[Area]{Code: Area50To75, Label: "De 50 à 75 m ²", Aliases: []string{"De 50 à 75 m²"}},
	enum.Row[Area]{Code: Area75To120, Label: "De 75 à 120 m ²", Aliases: []string{"De 75 à 120 m²"}},
	enum.Row[Area]{Code: Area120To200, Label: "De 120 à 200 m ²", Aliases: []string{"De 120 à 200 m²"}},
	enum.Row[Area]{Code: AreaOver200, Label: "Plus de 200 m ²", Aliases: []string{"Plus de 200 m²"}},
	enum.Row[Area]{Code: AreaUnknown, Label: "Ne sait pas"},
)

// YearBuilt is the age of the building ("Année de construction du logement
// : Yearbuild").
type YearBuilt int

// The Yearbuild mapping table of Batiweb's "Web Service 2023" document.
const (
	YearBuiltNew         YearBuilt = 1 // Neuf: new
	YearBuiltUnder2Years YearBuilt = 2 // Moins de 2 ans: less than 2 years old
	YearBuiltAfter1974   YearBuilt = 3 // Après 1974
	YearBuiltBefore1974  YearBuilt = 4 // Avant 1974
	YearBuiltUnknown     YearBuilt = 5 // Ne sait pas: does not know
)

var yearBuiltTable = enum.New("YearBuilt",
	enum.Row[YearBuilt]{Code: YearBuiltNew, Label: "Neuf"},
	enum.Row[YearBuilt]{Code: YearBuiltUnder2Years, Label: "Moins de 2 ans"},
	enum.Row[YearBuilt]{Code: YearBuiltAfter1974, Label: "Après 1974"},
	enum.Row[YearBuilt]{Code: YearBuiltBefore1974, Label: "Avant 1974"},
	enum.Row[YearBuilt]{Code: YearBuiltUnknown, Label: "Ne sait pas"},
)

// Funding is how the work will be paid ("Offre de financement : Funding").
type Funding int

// The Funding mapping table of Batiweb's "Web Service 2023" document.
const (
	FundingCash      Funding = 1 // Comptant: cash
	FundingCredit    Funding = 2 // Crédit: loan
	FundingUndecided Funding = 3 // A définir: to be decided
)

var fundingTable = enum.New("Funding",
	enum.Row[Funding]{Code: FundingCash, Label: "Comptant"},
	enum.Row[Funding]{Code: FundingCredit, Label: "Crédit"},
	enum.Row[Funding]{Code: FundingUndecided, Label: "A définir"},
)

// Budget is the requester's budget ("Budget défini par le particulier :
// BUDGET").
type Budget int

// The BUDGET mapping table of Batiweb's "Web Service 2023" document.
const (
	BudgetUnder1500  Budget = 1 // Moins de 1500€
	Budget1500To6000 Budget = 2 // Entre 1500€ et 6000€
	BudgetOver6000   Budget = 3 // Plus de 6000€
	BudgetUnknown    Budget = 4 // Ne sait pas: does not know
)

var budgetTable = enum.New("Budget",
	enum.Row[Budget]{Code: BudgetUnder1500, Label: "Moins de 1500€"},
	enum.Row[Budget]{Code: Budget1500To6000, Label: "Entre 1500€ et 6000€"},
	enum.Row[Budget]{Code: BudgetOver6000, Label: "Plus de 6000€"},
	enum.Row[Budget]{Code: BudgetUnknown, Label: "Ne sait pas"},
)

// LeadStatus is how Batiweb qualified a lead ("Statuts des leads :
// Status"), as the status method returns it. The zero value means the
// response carried no status.
type LeadStatus int

// The Status mapping table of Batiweb's "Web Service 2023" document.
const (
	StatusValidated   LeadStatus = 1 // Validé: validated
	StatusUnreachable LeadStatus = 2 // Injoignable: could not be reached
	// Status4 is labelled "Plus de 6000€" in the document, a label copied from
	// the Budget table: the code is real, its meaning is not documented.
	Status4 LeadStatus = 4
	// Status6 is labelled "Ne sait pas" in the document, a label copied from
	// the Budget table: the code is real, its meaning is not documented.
	Status6                     LeadStatus = 6
	StatusNoRealProject         LeadStatus = 10 // Sans projet réel: no real project
	StatusWrongNumber           LeadStatus = 11 // Faux numéro: wrong number
	StatusDuplicate             LeadStatus = 12 // Doublon: duplicate
	StatusEnoughQuotes          LeadStatus = 13 // Assez de devis: already has enough quotes
	StatusFalseRequest          LeadStatus = 15 // Demande mensongère: false request
	StatusEmailOnly             LeadStatus = 16 // Exclusivement par mail: by e-mail only
	StatusOutsideMainlandFrance LeadStatus = 18 // Projet Hors France Métropolitaine: project outside mainland France
	StatusTest                  LeadStatus = 23 // Tests: test lead
)

var leadStatusTable = enum.New("LeadStatus",
	enum.Row[LeadStatus]{Code: StatusValidated, Label: "Validé"},
	enum.Row[LeadStatus]{Code: StatusUnreachable, Label: "Injoignable"},
	enum.Row[LeadStatus]{Code: Status4, Label: "Plus de 6000€"},
	enum.Row[LeadStatus]{Code: Status6, Label: "Ne sait pas"},
	enum.Row[LeadStatus]{Code: StatusNoRealProject, Label: "Sans projet réel"},
	enum.Row[LeadStatus]{Code: StatusWrongNumber, Label: "Faux numéro"},
	enum.Row[LeadStatus]{Code: StatusDuplicate, Label: "Doublon"},
	enum.Row[LeadStatus]{Code: StatusEnoughQuotes, Label: "Assez de devis"},
	enum.Row[LeadStatus]{Code: StatusFalseRequest, Label: "Demande mensongère"},
	enum.Row[LeadStatus]{Code: StatusEmailOnly, Label: "Exclusivement par mail"},
	enum.Row[LeadStatus]{Code: StatusOutsideMainlandFrance, Label: "Projet Hors France Métropolitaine"},
	enum.Row[LeadStatus]{Code: StatusTest, Label: "Tests"},
)

// Code is the service's response code ("Code réponse"). Only the code
// decides the outcome: the service asks integrators not to test messages.
// Every code but CodeOK comes back as an *Error.
type Code int

// The response code table ("Code réponse") of Batiweb's "Web Service 2023"
// document; labels are its "Message type" column.
const (
	CodeOK                 Code = 0 // This lead can be sold / Lead correctly imported
	CodeAuthentication     Code = 1 // Missing Login, Missing password, Invalid argument environment, Authentication Failed, Access to production is not granted
	CodeMissingArgument    Code = 2 // Missing argument(s) / Invalide data argument(s), followed by the parameter's name
	CodeInvalidValue       Code = 3 // Invalid value
	CodeNotSellable        Code = 4 // This can't be sold
	CodeDuplicateLead      Code = 5 // Duplicate Lead
	CodeLeaseholderRefused Code = 6 // Leaseholder refused
	CodeInternal           Code = 9 // Internal error
)

var codeTable = enum.New("Code",
	enum.Row[Code]{Code: CodeOK, Label: "This lead can be sold / Lead correctly imported"},
	enum.Row[Code]{Code: CodeAuthentication, Label: "Missing Login / Missing password / Invalid argument environment / Authentication Failed / Access to production is not granted"},
	enum.Row[Code]{Code: CodeMissingArgument, Label: "Missing argument(s) / Invalide data argument(s)"},
	enum.Row[Code]{Code: CodeInvalidValue, Label: "Invalid value"},
	enum.Row[Code]{Code: CodeNotSellable, Label: "This can't be sold"},
	enum.Row[Code]{Code: CodeDuplicateLead, Label: "Duplicate Lead"},
	enum.Row[Code]{Code: CodeLeaseholderRefused, Label: "Leaseholder refused"},
	enum.Row[Code]{Code: CodeInternal, Label: "Internal error"},
)
