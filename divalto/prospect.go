package divalto

import (
	"encoding/json"
	"strconv"

	"github.com/passerelle-go/passerelle/internal/validate"
)

// Prospect is a weavy prospect (table sw_data_customer): every field of
// the seed's GET simple and extended answers and of its PUT example,
// DIVINF overrides included. The field comments are the seed's, with its
// Varchar sizes (checked by Validate).
//
// A Prospect remembers which wire fields weavy sent, which were null and
// which were "" (see Has, IsNull), and encodes exactly those again, plus
// every field with a non-zero value: a prospect read and written back is
// unchanged, and a prospect built in Go sends only what it sets. To blank
// a field in weavy, set it to zero and name it in SendEmpty (or SendNull).
// Fields this SDK does not know are kept in Extra and sent back.
//
// GET's simple answer holds the fields up to BranchOffice; extended adds
// the rest (see SimpleFields and ExtendedFields).
type Prospect struct {
	Code         string `json:"codeprospect" divalto:"required,max=255"` // Code globalement unique: the prospect's globally unique code
	Name         string `json:"name" divalto:"required,max=255"`         // Nom
	BaseUser     string `json:"baseuser_ID" divalto:"max=255"`           // Code utilisateur: the weavy user (sales rep) in charge
	Address1     string `json:"address1" divalto:"max=255"`
	Address2     string `json:"address2" divalto:"max=255"`
	Address3     string `json:"address3" divalto:"max=255"`
	PostalCode   string `json:"postalCode" divalto:"max=16"`
	City         string `json:"city" divalto:"max=64"`
	Phone        string `json:"phoneNumber" divalto:"max=64"`       // N° de téléphone
	Fax          string `json:"faxNumber" divalto:"max=64"`         // N° de télécopie
	MobilePhone  string `json:"mobilePhoneNumber" divalto:"max=64"` // N° de portable
	Email        string `json:"email" divalto:"max=255,email"`
	Country      Ref    `json:"generictype_ID_country" divalto:"type=COUNTRY"`
	Province     Ref    `json:"generictype_ID_province" divalto:"type=PROVINCE"`
	Civility     Ref    `json:"generictype_ID_civility" divalto:"type=CIVILITY"`
	Culture      string `json:"baseculture_ID" divalto:"max=255"`  // Code culture: FR-FR, ...
	BranchOffice string `json:"branchoffice_ID" divalto:"max=255"` // Code de l'agence de rattachement

	// The extended fields.

	DeliveryDays       string   `json:"deliveryDays" divalto:"max=255"` // Jours de livraison: "1A;1B;2A;..." (day of the week 1-7, A morning, B afternoon)
	OpeningDays        string   `json:"openingDays" divalto:"max=255"`  // Jours d'ouverture, same form
	SiretNumber        string   `json:"siretNumber" divalto:"max=40"`
	VATNumber          string   `json:"vatIntra" divalto:"max=64"` // TVA intracommunautaire
	APECode            string   `json:"apeCode" divalto:"max=64"`  // Code APE (activity code)
	Comment            string   `json:"comment" divalto:"max=65535"`
	Blocked            bool     `json:"blocked"` // Prospect bloqué
	BlockedComment     string   `json:"blockedComment" divalto:"max=65535"`
	Message            string   `json:"message" divalto:"max=65535"`
	VacationStart      DateTime `json:"vacationStart"` // Début des congés
	VacationEnd        DateTime `json:"vacationEnd"`   // Fin des congés
	Longitude          Number   `json:"gpsLongitude"`
	Latitude           Number   `json:"gpsLatitude"`
	AccountNumber      string   `json:"accountNumber" divalto:"max=64"` // N° de compte principal
	ContactName        string   `json:"contactName" divalto:"max=255"`
	Currency           string   `json:"currency_ID" divalto:"max=255"`        // Code devise: EUR, ...
	AuthorizedCredit   bool     `json:"authorizedCredit"`                     // Encours autorisé (a 0/1 flag in the seed)
	Risk               string   `json:"risk" divalto:"max=64"`                // Risque
	Language           string   `json:"language" divalto:"max=255"`           // Code langue (sw_sys_language): FR, ...
	UnderSurveillance  bool     `json:"underSurveillance"`                    // Prospect sous surveillance
	Workforce          Number   `json:"workforce"`                            // Effectif (an integer)
	PayingProspect     string   `json:"prospect_ID_paying" divalto:"max=255"` // Code prospect payeur
	PriceCategory      string   `json:"pricecategory_ID" divalto:"max=255"`   // Code catégorie tarifaire
	DiscountRate       Number   `json:"discountRate"`                         // Taux de remise
	Website            string   `json:"website" divalto:"max=255"`
	LegalStatus        string   `json:"legalStatus" divalto:"max=64"` // Forme juridique
	Brand              Ref      `json:"generictype_ID_brand"`         // in the GET example only; its data type is not documented
	DeliveryMode       Ref      `json:"generictype_ID_deliveryMode" divalto:"type=DELIVERY_MODE"`
	PaymentMean        Ref      `json:"generictype_ID_paymentMean" divalto:"type=PAYMENT_MEAN"`
	Family             Ref      `json:"generictype_ID_prospectFamily" divalto:"type=CUSTOMER_FAMILY"`
	ProspectType       Ref      `json:"generictype_ID_prospectType" divalto:"type=CUSTOMER_TYPE"` // Type de tiers: CUSTOMER_TYPE-CTP for a prospect (CTP by default on create)
	ConfirmationEmail  string   `json:"confirmationEmail" divalto:"max=255,email"`
	ConfirmationFax    string   `json:"confirmationFax" divalto:"max=64"`
	TaxCode            Ref      `json:"generictype_ID_taxCode" divalto:"type=TAX_CUSTOMER"`
	ProductDepot       string   `json:"productdepot_ID" divalto:"max=255"`
	AccountingCategory Ref      `json:"generictype_ID_accountingCategory" divalto:"type=ACCOUNTING_CATEGORY"`
	ProspectPotential  Ref      `json:"generictype_ID_prospectPotential"` // GET's name of the potential; PUT writes CustomerPotential
	Skype              string   `json:"skype" divalto:"max=255"`
	Role               Ref      `json:"generictype_ID_role" divalto:"type=ROLE"`
	Unused             bool     `json:"unused"` // Prospect inactif
	Group              string   `json:"prospectgroup_ID" divalto:"max=255"`
	Referencing        Ref      `json:"generictype_ID_referencing" divalto:"type=PRODUCT_REFERENCING"` // mode de référencement articles
	Distribution       Ref      `json:"generictype_ID_distribution" divalto:"type=DISTRIBUTION"`
	Market             Ref      `json:"generictype_ID_market" divalto:"type=MARKET"` // type de magasin
	Area               Number   `json:"area"`                                        // Superficie
	FavoriteTechnician string   `json:"baseuser_ID_favoriteTechnician" divalto:"max=255"`
	EmailFormat        string   `json:"emailFormat" divalto:"max=255"`
	IsIndividual       bool     `json:"isIndividual"` // a private person: weavy then keeps a main contact in step with the prospect
	Facebook           string   `json:"facebook" divalto:"max=255"`
	Twitter            string   `json:"twitter" divalto:"max=255"`
	Youtube            string   `json:"youtube" divalto:"max=255"`
	Linkedin           string   `json:"linkedin" divalto:"max=255"`
	Activity           string   `json:"activity" divalto:"max=65535"`

	// Fields of the PUT example only.

	CustomerPotential Ref    `json:"generictype_ID_customerPotential" divalto:"type=CUSTOMER_POTENTIAL"`
	CustomerType      Ref    `json:"generictype_ID_customerType" divalto:"type=CUSTOMER_TYPE"` // the seed's rules and recodification name the type de tiers so
	InternalCode      string `json:"internalcodeprospect" divalto:"max=255"`                   // CodeProspect original de weavy, when the prospect was recoded (see Recode)

	// DIVINF overrides ("Champs supplémentaires en surcharge DIVINF"):
	// fields a Divalto ERP link adds to weavy's prospect.

	DivinfDiscountCode          string       `json:"divinf_t035_ID" divalto:"max=255"`                 // Code remise
	DivinfPromotionCode         string       `json:"divinf_t072_ID_promotacod" divalto:"max=255"`      // Code promotion
	DivinfPromotionDiscountCode string       `json:"divinf_t072_ID_promoremcod" divalto:"max=255"`     // Code remise promotion
	DivinfPricingFamily         string       `json:"divinf_t001_ID_tafam" divalto:"max=255"`           // Code famille de tarification
	DivinfSpecialPricingFamily  string       `json:"divinf_t001_ID_tafamx" divalto:"max=255"`          // Code famille de tarification exceptionnelle
	DivinfDiscountClass         string       `json:"divinf_t002_ID_refam" divalto:"max=255"`           // Code classe de remise
	DivinfSpecialDiscountClass  string       `json:"divinf_t002_ID_refamx" divalto:"max=255"`          // Code classe de remise exceptionnelle
	DivinfDiscount1             Number       `json:"divinf_rem1"`                                      // Remise 1
	DivinfDiscount2             Number       `json:"divinf_rem2"`                                      // Remise 2
	DivinfDiscount3             Number       `json:"divinf_rem3"`                                      // Remise 3
	DivinfDiscountType1         DiscountType `json:"divinf_remtyp1"`                                   // Type de remise 1
	DivinfDiscountType2         DiscountType `json:"divinf_remtyp2"`                                   // Type de remise 2
	DivinfDiscountType3         DiscountType `json:"divinf_remtyp3"`                                   // Type de remise 3
	DivinfPriceCategory         string       `json:"divinf_pricecategory_ID_tarCod" divalto:"max=255"` // Code tarif TTC
	DivinfCurrency              string       `json:"divinf_dev" divalto:"max=64"`                      // Code devise
	DivinfReferencing           YesNo        `json:"divinf_rftctrcod"`                                 // Tiers soumis au référencement

	// Extra holds the wire fields this SDK does not know, as weavy sent
	// them; they are sent back unchanged.
	Extra map[string]json.RawMessage `json:"-"`

	// Related is GET extendedRelated's related records, Indicators the
	// indicators asked for with getIndicators. They are not prospect
	// fields and are never sent.
	Related    *Related    `json:"-"`
	Indicators *Indicators `json:"-"`

	fields[Prospect]
}

// ProspectUser is a weavy user linked to a prospect (table
// sw_data_customeruser), the "prospectuser" records of a PUT.
type ProspectUser struct {
	Code     string `json:"codeprospectuser" divalto:"required,max=255"` // globally unique code of the link
	Prospect string `json:"prospect_ID" divalto:"max=255"`               // the prospect's code; Put fills it in
	BaseUser string `json:"baseuser_ID" divalto:"required,max=255"`      // the weavy user
	Category Ref    `json:"generictype_ID_category" divalto:"type=CUSTOMERUSER_LINK"`

	Extra map[string]json.RawMessage `json:"-"`
	fields[ProspectUser]
}

// Indicators are a prospect's indicators (table
// sw_data_customerextension), returned with getIndicators.
type Indicators struct {
	Code                  string   `json:"codeprospectextension"`
	Prospect              string   `json:"prospect_ID"`
	DataQuality           Number   `json:"dataQualityIndicator"` // Indice qualité
	TurnoverN             Number   `json:"turnoverN"`            // CA N: this year's turnover
	TurnoverN1            Number   `json:"turnoverN1"`           // CA N-1
	TurnoverN2            Number   `json:"turnoverN2"`           // CA N-2
	LastOrder             DateTime `json:"lastOrder"`            // Dernière commande
	LastIntervention      DateTime `json:"lastIntervention"`     // Dernière intervention
	OpenedContracts       Number   `json:"openedContract"`       // Contrats en cours
	OpenedQuotes          Number   `json:"openedQuote"`          // Devis en cours
	OpenedOpportunities   Number   `json:"openedOpportunity"`    // Opportunités en cours
	Credit                Number   `json:"credit"`               // Encours
	Potential             Ref      `json:"generictype_ID_prospectpotential"`
	LastVisit             DateTime `json:"lastVisit"`                           // Dernière visite
	CompanyTurnover       Number   `json:"companyTurnover"`                     // Dernier chiffre d'affaires
	CompanyTurnoverDate   DateTime `json:"companyTurnoverDate"`                 // its date
	CompanyTurnoverSlice  Ref      `json:"generictype_ID_companyTurnoverSlice"` // Tranche CA
	CompanyWorkforceSlice Ref      `json:"generictype_ID_companyWorkforceSlice"`
	CompanyWorkforce      Number   `json:"companyWorkforce"`     // Dernier effectif
	CompanyWorkforceDate  DateTime `json:"companyWorkforceDate"` // its date
	AnonymizationDate     DateTime `json:"anonymizationDate"`
	OpenedTasks           Number   `json:"openedTask"` // Tâches en cours

	Extra map[string]json.RawMessage `json:"-"`
	fields[Indicators]
}

// Related is the related records GET extendedRelated adds: each
// reference of the prospect resolved to its record. weavy sends a record
// with every field "" when the reference is empty.
type Related struct {
	Family             *GenericType  `json:"generictype_prospectFamily"`
	BaseUser           *BaseUser     `json:"baseuser"`
	Country            *GenericType  `json:"generictype_country"`
	Province           *GenericType  `json:"generictype_province"`
	Culture            *Culture      `json:"baseculture"`
	Civility           *GenericType  `json:"generictype_civility"`
	FavoriteTechnician *BaseUser     `json:"baseuser_favoriteTechnician"`
	BranchOffice       *BranchOffice `json:"branchoffice"`
	ProductDepot       *ProductDepot `json:"productdepot"`

	Extra map[string]json.RawMessage `json:"-"`
	fields[Related]
}

// GenericType is a weavy generic type (sw_data_generictype): a value of
// one of weavy's configurable lists (countries, civilities, families...).
type GenericType struct {
	Code           Ref    `json:"codegenerictype"` // COUNTRY-FR
	Label          string `json:"label"`
	OriginalCode   string `json:"originalCode"` // FR
	DataType       string `json:"dataType"`     // COUNTRY
	Description    string `json:"description"`
	TranslationKey string `json:"translationKey"`
	Parent         Ref    `json:"generictype_ID_parent"`
	Tag            string `json:"tag"`
	OrderNumber    Number `json:"orderNumber"`

	Extra map[string]json.RawMessage `json:"-"`
	fields[GenericType]
}

// BaseUser is a weavy user (sw_data_baseuser): a sales rep or a
// technician. It holds the fields of both of the seed's examples.
type BaseUser struct {
	Code                string   `json:"codebaseuser"`
	LastName            string   `json:"lastName"`
	FirstName           string   `json:"firstName"`
	Initials            string   `json:"initials"`
	Tree                string   `json:"baseusertree_ID"` // the user's place in the organisation
	ProductDepot        string   `json:"productdepot_ID"`
	CurrentProductDepot string   `json:"productdepot_ID_current"`
	Email               string   `json:"email"`
	Phone               string   `json:"phoneNumber"`
	Fax                 string   `json:"faxNumber"`
	Address1            string   `json:"address1"`
	Address2            string   `json:"address2"`
	PostalCode          string   `json:"postalCode"`
	City                string   `json:"city"`
	Position            string   `json:"position"`
	Department          string   `json:"department"`
	StructureNav        bool     `json:"structureNav"`
	Supervisor          bool     `json:"supervisor"`
	UseMileageRate      bool     `json:"useMileageRate"`
	Account             string   `json:"account"`
	AnalyticSection     string   `json:"analyticSection"`
	LastGPSDate         DateTime `json:"lastGPSDate"`
	Longitude           Number   `json:"gpsLongitude"`
	Latitude            Number   `json:"gpsLatitude"`
	GPSPrecision        Number   `json:"gpsPrecision"`
	GPSUpdateDate       DateTime `json:"gpsUpdateDate"`
	GPSManual           bool     `json:"gpsManual"`
	Country             Ref      `json:"generictype_ID_country"`
	Province            Ref      `json:"generictype_ID_province"`
	Culture             string   `json:"baseculture_ID"`
	BranchOffice        string   `json:"branchoffice_ID"`
	ResourceType        string   `json:"resourcetype_ID"`
	TeamType            string   `json:"teamtype_ID"`
	FullView            bool     `json:"fullView"`
	ChangeAuthorization bool     `json:"changeAuthorization"`
	TechSyncRule        Number   `json:"techSyncRule"`
	HomePage            string   `json:"homePage"`
	Subcontractor       string   `json:"customer_ID_subcontractor"`
	TechIsSedentary     bool     `json:"techIsSedentary"`

	Extra map[string]json.RawMessage `json:"-"`
	fields[BaseUser]
}

// Culture is a weavy culture (sw_data_baseculture): a language and
// country pair such as FR-FR.
type Culture struct {
	Code     string `json:"codebaseculture"`
	Label    string `json:"label"`
	Language string `json:"codelanguage"`

	Extra map[string]json.RawMessage `json:"-"`
	fields[Culture]
}

// BranchOffice is a weavy branch office (sw_data_branchoffice).
type BranchOffice struct {
	Code                     string `json:"codebranchoffice"`
	Name                     string `json:"name"`
	Address1                 string `json:"address1"`
	Address2                 string `json:"address2"`
	PostalCode               string `json:"postalCode"`
	City                     string `json:"city"`
	Country                  Ref    `json:"generictype_ID_country"`
	Phone                    string `json:"phoneNumber"`
	Fax                      string `json:"faxNumber"`
	Email                    string `json:"email"`
	Website                  string `json:"website"`
	BankHolidays             string `json:"bankholidayparamheader_ID"` // its bank holiday calendar
	Longitude                Number `json:"gpsLongitude"`
	Latitude                 Number `json:"gpsLatitude"`
	UserGroup                string `json:"baseusergroup_ID"`
	InterventionTeamLifetime Number `json:"interventionTeamLifetime"`

	Extra map[string]json.RawMessage `json:"-"`
	fields[BranchOffice]
}

// ProductDepot is a weavy product depot (sw_data_productdepot), a
// warehouse or a vehicle.
type ProductDepot struct {
	Code                string `json:"codeproductdepot"`
	Label               string `json:"label"`
	Vehicle             bool   `json:"vehicle"`
	Main                bool   `json:"main"`
	VehicleRegistration string `json:"vehicleRegistration"`
	VehicleBrand        string `json:"vehicleBrand"`
	VehicleModel        string `json:"vehicleModel"`
	AutomaticReception  bool   `json:"automaticReception"`

	Extra map[string]json.RawMessage `json:"-"`
	fields[ProductDepot]
}

var (
	prospectCodec     = register[Prospect]()
	prospectUserCodec = register[ProspectUser]()
	indicatorsCodec   = register[Indicators]()
	relatedCodec      = register[Related]()
	genericTypeCodec  = register[GenericType]()
	baseUserCodec     = register[BaseUser]()
	cultureCodec      = register[Culture]()
	branchOfficeCodec = register[BranchOffice]()
	productDepotCodec = register[ProductDepot]()
)

// MarshalJSON writes the prospect's wire fields (see Prospect).
func (p Prospect) MarshalJSON() ([]byte, error) { return prospectCodec.encode(&p) }

// UnmarshalJSON reads a prospect, remembering null and "" fields.
func (p *Prospect) UnmarshalJSON(b []byte) error { return prospectCodec.decode(b, p) }

// MarshalJSON writes the link's wire fields.
func (u ProspectUser) MarshalJSON() ([]byte, error) { return prospectUserCodec.encode(&u) }

// UnmarshalJSON reads a link.
func (u *ProspectUser) UnmarshalJSON(b []byte) error { return prospectUserCodec.decode(b, u) }

// MarshalJSON writes the indicators' wire fields.
func (x Indicators) MarshalJSON() ([]byte, error) { return indicatorsCodec.encode(&x) }

// UnmarshalJSON reads indicators.
func (x *Indicators) UnmarshalJSON(b []byte) error { return indicatorsCodec.decode(b, x) }

// MarshalJSON writes the related records.
func (r Related) MarshalJSON() ([]byte, error) { return relatedCodec.encode(&r) }

// UnmarshalJSON reads the related records.
func (r *Related) UnmarshalJSON(b []byte) error { return relatedCodec.decode(b, r) }

// MarshalJSON writes the generic type's wire fields.
func (g GenericType) MarshalJSON() ([]byte, error) { return genericTypeCodec.encode(&g) }

// UnmarshalJSON reads a generic type.
func (g *GenericType) UnmarshalJSON(b []byte) error { return genericTypeCodec.decode(b, g) }

// MarshalJSON writes the user's wire fields.
func (u BaseUser) MarshalJSON() ([]byte, error) { return baseUserCodec.encode(&u) }

// UnmarshalJSON reads a user.
func (u *BaseUser) UnmarshalJSON(b []byte) error { return baseUserCodec.decode(b, u) }

// MarshalJSON writes the culture's wire fields.
func (c Culture) MarshalJSON() ([]byte, error) { return cultureCodec.encode(&c) }

// UnmarshalJSON reads a culture.
func (c *Culture) UnmarshalJSON(b []byte) error { return cultureCodec.decode(b, c) }

// MarshalJSON writes the branch office's wire fields.
func (o BranchOffice) MarshalJSON() ([]byte, error) { return branchOfficeCodec.encode(&o) }

// UnmarshalJSON reads a branch office.
func (o *BranchOffice) UnmarshalJSON(b []byte) error { return branchOfficeCodec.decode(b, o) }

// MarshalJSON writes the depot's wire fields.
func (d ProductDepot) MarshalJSON() ([]byte, error) { return productDepotCodec.encode(&d) }

// UnmarshalJSON reads a depot.
func (d *ProductDepot) UnmarshalJSON(b []byte) error { return productDepotCodec.decode(b, d) }

// SimpleFields is the wire fields of GET's simple answer, in the seed's
// order.
func SimpleFields() []string { return prospectCodec.names()[:simpleFields] }

// ExtendedFields is the wire fields of GET's extended answer (simple
// ones first), in the seed's order.
func ExtendedFields() []string { return prospectCodec.names()[:extendedFields] }

// ProspectFields is every wire field of Prospect: the extended ones, then
// those of the PUT example only.
func ProspectFields() []string { return prospectCodec.names() }

const (
	simpleFields   = 17
	extendedFields = 70
)

// Validate lists every field PUT would refuse: a missing code or name, a
// text over its Varchar size, a malformed e-mail or number, a reference
// of another data type, an unknown DIVINF value, an unparseable date.
func (p *Prospect) Validate() error {
	var l validate.List
	p.check(&l, "prospect.")
	return l.Err("divalto", "put")
}

func (p *Prospect) check(l *validate.List, prefix string) {
	prospectCodec.check(l, prefix, p)
	l.Check(p.Code != "" && p.InternalCode == p.Code, prefix+"internalcodeprospect", "is the prospect's own code")
}

// ProspectRecord is one record of a PUT: a prospect and the weavy users
// linked to it.
type ProspectRecord struct {
	Prospect *Prospect
	Users    []ProspectUser
}

type wireRecord struct {
	Prospect *Prospect      `json:"prospect"`
	Users    []ProspectUser `json:"prospectuser,omitempty"`
}

// MarshalJSON writes the record as the seed's PUT example:
// {"prospect": {...}, "prospectuser": [...]}.
func (r ProspectRecord) MarshalJSON() ([]byte, error) {
	return json.Marshal(wireRecord(r))
}

// UnmarshalJSON reads a record.
func (r *ProspectRecord) UnmarshalJSON(b []byte) error {
	var w wireRecord
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*r = ProspectRecord(w)
	return nil
}

func (r *ProspectRecord) check(l *validate.List, prefix string) {
	if r.Prospect == nil {
		l.Add(prefix+"prospect", "is nil")
		return
	}
	r.Prospect.check(l, prefix+"prospect.")
	for i := range r.Users {
		u := &r.Users[i]
		p := prefix + "prospectuser[" + strconv.Itoa(i) + "]."
		prospectUserCodec.check(l, p, u)
		l.Check(u.Prospect != "" && u.Prospect != r.Prospect.Code, p+"prospect_ID", "is not the record's prospect")
	}
}
