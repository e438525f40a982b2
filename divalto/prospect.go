package divalto

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/passerelle-go/passerelle/internal/validate"
)

// Prospect is a weavy prospect (table sw_data_customer): every field of
// the GET simple and extended answers and of the PUT example of WebHook
// Prospect (V5.7), DIVINF overrides included. Each field's comment gives
// the document's French label in English and its type; Validate checks
// the Varchar sizes, Int and Double numbers, e-mails and references.
//
// A Prospect remembers which wire fields weavy sent, which were null and
// which were "" (see Has, IsNull), and encodes exactly those again, plus
// every field with a non-zero value: a prospect read and written back is
// unchanged, and a prospect built in Go sends only what it sets. To blank
// a field in weavy, set it to zero and name it in SendEmpty (or SendNull).
// Fields this SDK does not know are kept in Extra and sent back. A value
// weavy sent as a JSON number or boolean is sent back so while the field
// holds it.
//
// GET's simple answer holds the fields up to BranchOffice; extended adds
// the rest (see SimpleFields and ExtendedFields). GET's
// generictype_ID_prospectPotential is not a PUT field:
// [ProspectService.Put] sends ProspectPotential as
// generictype_ID_customerPotential, the PUT example's name. contactName,
// generictype_ID_brand and productdepot_ID, which the PUT example does not
// list, are sent back as they were read.
type Prospect struct {
	// Code is codeprospect, the prospect's globally unique code
	// (Varchar(255)); PUT creates or updates the prospect by it.
	Code string `json:"codeprospect" divalto:"required,max=255"`
	// Name is name, the prospect's name: a company, or a person's full
	// name for an individual (Varchar(255)). weavy requires it when a PUT
	// creates the prospect; an update may leave it out.
	Name string `json:"name" divalto:"max=255"`
	// BaseUser is baseuser_ID, the code of the weavy user (sales
	// representative) in charge of the prospect (a key of
	// sw_data_baseuser).
	BaseUser string `json:"baseuser_ID" divalto:"max=255"`
	// Address1 is address1, the first address line (Varchar(255)).
	Address1 string `json:"address1" divalto:"max=255"`
	// Address2 is address2, the second address line (Varchar(255)).
	Address2 string `json:"address2" divalto:"max=255"`
	// Address3 is address3, the third address line (Varchar(255)).
	Address3 string `json:"address3" divalto:"max=255"`
	// PostalCode is postalCode, the postal code (Varchar(16)).
	PostalCode string `json:"postalCode" divalto:"max=16"`
	// City is city, the town (Varchar(64)).
	City string `json:"city" divalto:"max=64"`
	// Phone is phoneNumber, "N° de téléphone": the landline number
	// (Varchar(64)).
	Phone string `json:"phoneNumber" divalto:"max=64"`
	// Fax is faxNumber, "N° de télécopie": the fax number (Varchar(64)).
	Fax string `json:"faxNumber" divalto:"max=64"`
	// MobilePhone is mobilePhoneNumber, "N° de portable": the mobile
	// number (Varchar(64)).
	MobilePhone string `json:"mobilePhoneNumber" divalto:"max=64"`
	// Email is email, the e-mail address (Varchar(255)).
	Email string `json:"email" divalto:"max=255,email"`
	// Country is generictype_ID_country, "Code pays": the country, a
	// generic type of data type COUNTRY ("FR" in GET, "COUNTRY-FR" in
	// PUT).
	Country Ref `json:"generictype_ID_country" divalto:"type=COUNTRY"`
	// Province is generictype_ID_province, "Code province": the province
	// or region, a generic type of data type PROVINCE.
	Province Ref `json:"generictype_ID_province" divalto:"type=PROVINCE"`
	// Civility is generictype_ID_civility, "Code civilité": the title or
	// legal form (CIVILITY-SA in the document), a generic type of data
	// type CIVILITY.
	Civility Ref `json:"generictype_ID_civility" divalto:"type=CIVILITY"`
	// Culture is baseculture_ID, "Code culture": the language and country
	// of the prospect's documents, such as FR-FR (a key of
	// sw_data_baseculture).
	Culture string `json:"baseculture_ID" divalto:"max=255"`
	// BranchOffice is branchoffice_ID, "Code de l'agence de
	// rattachement": the branch office the prospect belongs to (a key of
	// sw_data_branchoffice).
	BranchOffice string `json:"branchoffice_ID" divalto:"max=255"`

	// The extended fields.

	// DeliveryDays is deliveryDays, "Jours de livraison": the delivery
	// days, "1A;1B;2A;..." (day of the week 1-7, A morning, B afternoon)
	// (Varchar(255)).
	DeliveryDays string `json:"deliveryDays" divalto:"max=255"`
	// OpeningDays is openingDays, "Jours d'ouverture": the opening days,
	// in DeliveryDays' form (Varchar(255)).
	OpeningDays string `json:"openingDays" divalto:"max=255"`
	// SiretNumber is siretNumber, "N° siret": the French SIRET company
	// number (Varchar(40)).
	SiretNumber string `json:"siretNumber" divalto:"max=40"`
	// VATNumber is vatIntra, "TVA intracommunautaire": the EU VAT number
	// (Varchar(64)).
	VATNumber string `json:"vatIntra" divalto:"max=64"`
	// APECode is apeCode, "Code APE": the French activity code, such as
	// 516K (Varchar(64)).
	APECode string `json:"apeCode" divalto:"max=64"`
	// Comment is comment, "Commentaires": free comments (Text(65535),
	// line breaks allowed).
	Comment string `json:"comment" divalto:"max=65535,multiline"`
	// Blocked is blocked, "Prospect bloqué": the prospect is blocked
	// (Bool, 0 or 1).
	Blocked bool `json:"blocked"`
	// BlockedComment is blockedComment, "Commentaires prospect bloqué":
	// why it is blocked (Text(65535), line breaks allowed).
	BlockedComment string `json:"blockedComment" divalto:"max=65535,multiline"`
	// Message is message: a message shown with the prospect (Text(65535),
	// line breaks allowed).
	Message string `json:"message" divalto:"max=65535,multiline"`
	// VacationStart is vacationStart, "Début des congés": the start of
	// the prospect's holidays (Date).
	VacationStart DateTime `json:"vacationStart"`
	// VacationEnd is vacationEnd, "Fin des congés": the end of its
	// holidays (Date).
	VacationEnd DateTime `json:"vacationEnd"`
	// Longitude is gpsLongitude, the GPS longitude in decimal degrees
	// (GET only; not typed by the document).
	Longitude Number `json:"gpsLongitude"`
	// Latitude is gpsLatitude, the GPS latitude in decimal degrees (GET
	// only; not typed by the document).
	Latitude Number `json:"gpsLatitude"`
	// AccountNumber is accountNumber, "N° de compte principal": the main
	// account number (Varchar(64)).
	AccountNumber string `json:"accountNumber" divalto:"max=64"`
	// ContactName is contactName, the contact's name (GET only; not in
	// the PUT example, sent back as read).
	ContactName string `json:"contactName" divalto:"max=255"`
	// Currency is currency_ID, "Code devise": the currency code, such as
	// EUR (a key of sw_data_currency).
	Currency string `json:"currency_ID" divalto:"max=255"`
	// AuthorizedCredit is authorizedCredit, "Encours autorisé": credit is
	// allowed (Bool, 0 or 1).
	AuthorizedCredit bool `json:"authorizedCredit"`
	// Risk is risk, "Risque": the credit risk rating (Varchar(64)).
	Risk string `json:"risk" divalto:"max=64"`
	// Language is language, "Code langue": the language code, such as FR
	// (a key of sw_sys_language).
	Language string `json:"language" divalto:"max=255"`
	// UnderSurveillance is underSurveillance, "Prospect sous
	// surveillance": the prospect is watched (Bool, 0 or 1).
	UnderSurveillance bool `json:"underSurveillance"`
	// Workforce is workforce, "Effectif": the headcount (Int: Validate
	// refuses "2.5" from the caller).
	Workforce Number `json:"workforce" divalto:"int"`
	// PayingProspect is prospect_ID_paying, "Code prospect payeur": the
	// code of the prospect who pays (a key of sw_data_customer).
	PayingProspect string `json:"prospect_ID_paying" divalto:"max=255"`
	// PriceCategory is pricecategory_ID, "Code catégorie tarifaire": the
	// price category (a key of sw_data_pricecategory).
	PriceCategory string `json:"pricecategory_ID" divalto:"max=255"`
	// DiscountRate is discountRate, "Taux de remise": the discount rate
	// (Double).
	DiscountRate Number `json:"discountRate"`
	// Website is website, "Site internet": the web site (Varchar(255)).
	Website string `json:"website" divalto:"max=255"`
	// LegalStatus is legalStatus, "Forme juridique": the legal form, such
	// as "Société Anonyme avec Directoire" (Varchar(64)).
	LegalStatus string `json:"legalStatus" divalto:"max=64"`
	// Brand is generictype_ID_brand, the brand (GET only; its data type is
	// not documented, so Put sends it as read).
	Brand Ref `json:"generictype_ID_brand"`
	// DeliveryMode is generictype_ID_deliveryMode, "Code mode de
	// livraison": the delivery mode, of data type DELIVERY_MODE.
	DeliveryMode Ref `json:"generictype_ID_deliveryMode" divalto:"type=DELIVERY_MODE"`
	// PaymentMean is generictype_ID_paymentMean, "Code mode de
	// règlement": the means of payment, of data type PAYMENT_MEAN.
	PaymentMean Ref `json:"generictype_ID_paymentMean" divalto:"type=PAYMENT_MEAN"`
	// Family is generictype_ID_prospectFamily, "Code famille prospect":
	// the prospect family, of data type CUSTOMER_FAMILY.
	Family Ref `json:"generictype_ID_prospectFamily" divalto:"type=CUSTOMER_FAMILY"`
	// ProspectType is generictype_ID_prospectType, "Code type de tiers":
	// the third-party type, of data type CUSTOMER_TYPE: CUSTOMER_TYPE-CTP
	// for a prospect, CTP by default on a create. CustomerType is the same
	// type under the name of the document's rules; Validate refuses the
	// two when the caller set them and they disagree.
	ProspectType Ref `json:"generictype_ID_prospectType" divalto:"type=CUSTOMER_TYPE"`
	// ConfirmationEmail is confirmationEmail, "Email de confirmation":
	// where order confirmations are e-mailed (Varchar(255)).
	ConfirmationEmail string `json:"confirmationEmail" divalto:"max=255,email"`
	// ConfirmationFax is confirmationFax, "N° de télécopie de
	// confirmation": where they are faxed (Varchar(64)).
	ConfirmationFax string `json:"confirmationFax" divalto:"max=64"`
	// TaxCode is generictype_ID_taxCode, "Code TVA client": the customer's
	// VAT code, of data type TAX_CUSTOMER.
	TaxCode Ref `json:"generictype_ID_taxCode" divalto:"type=TAX_CUSTOMER"`
	// ProductDepot is productdepot_ID, the product depot (warehouse or
	// vehicle) serving the prospect (GET only; sent back as read).
	ProductDepot string `json:"productdepot_ID" divalto:"max=255"`
	// AccountingCategory is generictype_ID_accountingCategory, "Code
	// catégorie comptable": the accounting category, of data type
	// ACCOUNTING_CATEGORY.
	AccountingCategory Ref `json:"generictype_ID_accountingCategory" divalto:"type=ACCOUNTING_CATEGORY"`
	// ProspectPotential is generictype_ID_prospectPotential, GET's name of
	// the prospect's potential (data type CUSTOMER_POTENTIAL). PUT names it
	// generictype_ID_customerPotential (CustomerPotential): Put sends it
	// under that name.
	ProspectPotential Ref `json:"generictype_ID_prospectPotential" divalto:"type=CUSTOMER_POTENTIAL"`
	// Skype is skype, the Skype account (Varchar(255)).
	Skype string `json:"skype" divalto:"max=255"`
	// Role is generictype_ID_role, "Code rôle": the role, of data type
	// ROLE.
	Role Ref `json:"generictype_ID_role" divalto:"type=ROLE"`
	// Unused is unused, "Prospect inactif": the prospect is inactive
	// (Bool, 0 or 1).
	Unused bool `json:"unused"`
	// Group is prospectgroup_ID, "Code groupe prospect": the prospect
	// group (a key of sw_data_customergroup).
	Group string `json:"prospectgroup_ID" divalto:"max=255"`
	// Referencing is generictype_ID_referencing, "Code mode de
	// référencement articles": how products are listed for the prospect,
	// of data type PRODUCT_REFERENCING.
	Referencing Ref `json:"generictype_ID_referencing" divalto:"type=PRODUCT_REFERENCING"`
	// Distribution is generictype_ID_distribution, "Code type de
	// distribution": the distribution type, of data type DISTRIBUTION.
	Distribution Ref `json:"generictype_ID_distribution" divalto:"type=DISTRIBUTION"`
	// Market is generictype_ID_market, "Code type de magasin": the store
	// type, of data type MARKET.
	Market Ref `json:"generictype_ID_market" divalto:"type=MARKET"`
	// Area is area, "Superficie": the floor area (Double).
	Area Number `json:"area"`
	// FavoriteTechnician is baseuser_ID_favoriteTechnician, "Code
	// technicien préféré": the weavy user preferred for interventions (a
	// key of sw_data_baseuser).
	FavoriteTechnician string `json:"baseuser_ID_favoriteTechnician" divalto:"max=255"`
	// EmailFormat is emailFormat, "Format d'email": the e-mail format
	// (Varchar(255)).
	EmailFormat string `json:"emailFormat" divalto:"max=255"`
	// IsIndividual is isIndividual, "Client est un particulier": the
	// prospect is a private person; weavy then keeps a main contact in
	// step with it (Bool, 0 or 1).
	IsIndividual bool `json:"isIndividual"`
	// Facebook is facebook, the Facebook page (Varchar(255)).
	Facebook string `json:"facebook" divalto:"max=255"`
	// Twitter is twitter, the Twitter account (Varchar(255)).
	Twitter string `json:"twitter" divalto:"max=255"`
	// Youtube is youtube, the YouTube channel (Varchar(255)).
	Youtube string `json:"youtube" divalto:"max=255"`
	// Linkedin is linkedin, the LinkedIn page (Varchar(255)).
	Linkedin string `json:"linkedin" divalto:"max=255"`
	// Activity is activity, "Activité": the business activity
	// (Text(65535), line breaks allowed).
	Activity string `json:"activity" divalto:"max=65535,multiline"`

	// Fields of the PUT example only.

	// CustomerPotential is generictype_ID_customerPotential, "Code
	// potentiel prospect": the prospect's potential as PUT names it, of
	// data type CUSTOMER_POTENTIAL (GET answers ProspectPotential).
	CustomerPotential Ref `json:"generictype_ID_customerPotential" divalto:"type=CUSTOMER_POTENTIAL"`
	// CustomerType is generictype_ID_customerType, the third-party type
	// as the document's rules and recodification example name it, of
	// data type CUSTOMER_TYPE (see ProspectType).
	CustomerType Ref `json:"generictype_ID_customerType" divalto:"type=CUSTOMER_TYPE"`
	// InternalCode is internalcodeprospect, "CodeProspect original de
	// weavy": the prospect's former code when it was recoded (see
	// [ProspectService.Recode]) (Varchar(255)).
	InternalCode string `json:"internalcodeprospect" divalto:"max=255"`

	// DIVINF overrides ("Champs supplémentaires en surcharge DIVINF"):
	// fields a Divalto ERP link adds to weavy's prospect.

	// DivinfDiscountCode is divinf_t035_ID, "Code remise": the discount
	// code (a key of sw_data_divinf_t035).
	DivinfDiscountCode string `json:"divinf_t035_ID" divalto:"max=255"`
	// DivinfPromotionCode is divinf_t072_ID_promotacod, "Code promotion":
	// the promotion code (a key of sw_data_divinf_t072).
	DivinfPromotionCode string `json:"divinf_t072_ID_promotacod" divalto:"max=255"`
	// DivinfPromotionDiscountCode is divinf_t072_ID_promoremcod, "Code
	// remise promotion": the promotion's discount code (a key of
	// sw_data_divinf_t072).
	DivinfPromotionDiscountCode string `json:"divinf_t072_ID_promoremcod" divalto:"max=255"`
	// DivinfPricingFamily is divinf_t001_ID_tafam, "Code famille de
	// tarification": the pricing family (a key of sw_data_divinf_t001).
	DivinfPricingFamily string `json:"divinf_t001_ID_tafam" divalto:"max=255"`
	// DivinfSpecialPricingFamily is divinf_t001_ID_tafamx, "Code famille
	// de tarification exceptionnelle": the special pricing family (a key
	// of sw_data_divinf_t001).
	DivinfSpecialPricingFamily string `json:"divinf_t001_ID_tafamx" divalto:"max=255"`
	// DivinfDiscountClass is divinf_t002_ID_refam, "Code classe de
	// remise": the discount class (a key of sw_data_divinf_t002).
	DivinfDiscountClass string `json:"divinf_t002_ID_refam" divalto:"max=255"`
	// DivinfSpecialDiscountClass is divinf_t002_ID_refamx, "Code classe de
	// remise exceptionnelle": the special discount class (a key of
	// sw_data_divinf_t002).
	DivinfSpecialDiscountClass string `json:"divinf_t002_ID_refamx" divalto:"max=255"`
	// DivinfDiscount1 is divinf_rem1, "Remise 1": the first discount
	// (Double).
	DivinfDiscount1 Number `json:"divinf_rem1"`
	// DivinfDiscount2 is divinf_rem2, "Remise 2": the second discount
	// (Double).
	DivinfDiscount2 Number `json:"divinf_rem2"`
	// DivinfDiscount3 is divinf_rem3, "Remise 3": the third discount
	// (Double).
	DivinfDiscount3 Number `json:"divinf_rem3"`
	// DivinfDiscountType1 is divinf_remtyp1, "Type de remise 1": how the
	// first discount applies (Int, 1 to 4).
	DivinfDiscountType1 DiscountType `json:"divinf_remtyp1"`
	// DivinfDiscountType2 is divinf_remtyp2, "Type de remise 2": how the
	// second discount applies (Int, 1 to 4).
	DivinfDiscountType2 DiscountType `json:"divinf_remtyp2"`
	// DivinfDiscountType3 is divinf_remtyp3, "Type de remise 3": how the
	// third discount applies (Int, 1 to 4).
	DivinfDiscountType3 DiscountType `json:"divinf_remtyp3"`
	// DivinfPriceCategory is divinf_pricecategory_ID_tarCod, "Code tarif
	// TTC": the price list including tax (a key of
	// sw_data_pricecategory).
	DivinfPriceCategory string `json:"divinf_pricecategory_ID_tarCod" divalto:"max=255"`
	// DivinfCurrency is divinf_dev, "Code devise": the ERP's currency code
	// (Varchar(64)).
	DivinfCurrency string `json:"divinf_dev" divalto:"max=64"`
	// DivinfReferencing is divinf_rftctrcod, "Tiers soumis au
	// référencement": whether the prospect only buys listed products
	// (Int: 1 no, 2 yes).
	DivinfReferencing YesNo `json:"divinf_rftctrcod"`

	// Extra holds the wire fields this SDK does not know, as weavy sent
	// them; they are sent back unchanged.
	Extra map[string]json.RawMessage `json:"-"`

	// Related is GET extendedRelated's related records, Indicators the
	// indicators asked for with getIndicators. They are not prospect
	// fields and are never sent.
	Related *Related `json:"-"`
	// Indicators is the prospect's indicators, when asked for
	// ([GetOptions].Indicators, [ListOptions].Indicators).
	Indicators *Indicators `json:"-"`
	// OtherIndicators is the indicators a GET answered that name
	// (prospect_ID, case ignored) another prospect than this one; [ProspectService.All]
	// puts there, on a page's first prospect, those naming no prospect of
	// the page. Kept so that nothing weavy sent is lost; never sent.
	OtherIndicators []*Indicators `json:"-"`

	fields[Prospect]
}

// ProspectUser is a weavy user linked to a prospect (table
// sw_data_customeruser), the "prospectuser" records of a PUT.
type ProspectUser struct {
	// Code is codeprospectuser, the link's globally unique code
	// (Varchar(255)).
	Code string `json:"codeprospectuser" divalto:"required,max=255"`
	// Prospect is prospect_ID, the prospect's code (a key of
	// sw_data_customer); Put fills it with its record's prospect.
	Prospect string `json:"prospect_ID" divalto:"max=255"`
	// BaseUser is baseuser_ID, the linked weavy user's code (a key of
	// sw_data_baseuser).
	BaseUser string `json:"baseuser_ID" divalto:"required,max=255"`
	// Category is generictype_ID_category, "Code catégorie": the kind of
	// link, of data type CUSTOMERUSER_LINK (CUSTOMERUSER_LINK-1).
	Category Ref `json:"generictype_ID_category" divalto:"type=CUSTOMERUSER_LINK"`

	// Extra holds the wire fields this SDK does not know, sent back
	// unchanged.
	Extra map[string]json.RawMessage `json:"-"`
	fields[ProspectUser]
}

// Indicators are a prospect's indicators (table
// sw_data_customerextension), returned with getIndicators.
type Indicators struct {
	// Code is codeprospectextension, the indicators record's code.
	Code string `json:"codeprospectextension"`
	// Prospect is prospect_ID, the prospect's code.
	Prospect string `json:"prospect_ID"`
	// DataQuality is dataQualityIndicator, "Indice qualité": the data
	// quality score.
	DataQuality Number `json:"dataQualityIndicator"`
	// TurnoverN is turnoverN, "CA N": this year's turnover.
	TurnoverN Number `json:"turnoverN"`
	// TurnoverN1 is turnoverN1, "CA N-1": last year's turnover.
	TurnoverN1 Number `json:"turnoverN1"`
	// TurnoverN2 is turnoverN2, "CA N-2": the turnover two years ago.
	TurnoverN2 Number `json:"turnoverN2"`
	// LastOrder is lastOrder, "Dernière commande": the last order.
	LastOrder DateTime `json:"lastOrder"`
	// LastIntervention is lastIntervention, "Dernière intervention": the
	// last field intervention.
	LastIntervention DateTime `json:"lastIntervention"`
	// OpenedContracts is openedContract, "Contrats en cours": the
	// contracts in progress.
	OpenedContracts Number `json:"openedContract"`
	// OpenedQuotes is openedQuote, "Devis en cours": the quotes in
	// progress.
	OpenedQuotes Number `json:"openedQuote"`
	// OpenedOpportunities is openedOpportunity, "Opportunités en cours":
	// the opportunities in progress.
	OpenedOpportunities Number `json:"openedOpportunity"`
	// Credit is credit, "Encours": the outstanding credit.
	Credit Number `json:"credit"`
	// Potential is generictype_ID_prospectpotential, "Potentiel
	// prospect": the prospect's potential (data type CUSTOMER_POTENTIAL).
	Potential Ref `json:"generictype_ID_prospectpotential" divalto:"type=CUSTOMER_POTENTIAL"`
	// LastVisit is lastVisit, "Dernière visite": the last visit.
	LastVisit DateTime `json:"lastVisit"`
	// CompanyTurnover is companyTurnover, "Dernier chiffre d'affaires":
	// the last known turnover.
	CompanyTurnover Number `json:"companyTurnover"`
	// CompanyTurnoverDate is companyTurnoverDate: the date of
	// CompanyTurnover.
	CompanyTurnoverDate DateTime `json:"companyTurnoverDate"`
	// CompanyTurnoverSlice is generictype_ID_companyTurnoverSlice,
	// "Tranche CA": the turnover band, such as "CA 20 à 50 M€".
	CompanyTurnoverSlice Ref `json:"generictype_ID_companyTurnoverSlice"`
	// CompanyWorkforceSlice is generictype_ID_companyWorkforceSlice,
	// "Tranche effectif": the headcount band.
	CompanyWorkforceSlice Ref `json:"generictype_ID_companyWorkforceSlice"`
	// CompanyWorkforce is companyWorkforce, "Dernier effectif": the last
	// known headcount.
	CompanyWorkforce Number `json:"companyWorkforce"`
	// CompanyWorkforceDate is companyWorkforceDate: the date of
	// CompanyWorkforce.
	CompanyWorkforceDate DateTime `json:"companyWorkforceDate"`
	// AnonymizationDate is anonymizationDate, "Date d'anonymisation": when
	// the prospect's personal data was anonymized.
	AnonymizationDate DateTime `json:"anonymizationDate"`
	// OpenedTasks is openedTask, "Tâches en cours": the tasks in progress.
	OpenedTasks Number `json:"openedTask"`

	// Extra holds the wire fields this SDK does not know.
	Extra map[string]json.RawMessage `json:"-"`
	fields[Indicators]
}

// Related is the related records GET extendedRelated adds: each
// reference of the prospect resolved to its record. weavy sends a record
// with every field "" when the reference is empty.
type Related struct {
	// Family is generictype_prospectFamily, the prospect's family.
	Family *GenericType `json:"generictype_prospectFamily"`
	// BaseUser is baseuser, the user in charge of the prospect.
	BaseUser *BaseUser `json:"baseuser"`
	// Country is generictype_country, the prospect's country.
	Country *GenericType `json:"generictype_country"`
	// Province is generictype_province, the prospect's province.
	Province *GenericType `json:"generictype_province"`
	// Culture is baseculture, the prospect's culture.
	Culture *Culture `json:"baseculture"`
	// Civility is generictype_civility, the prospect's civility.
	Civility *GenericType `json:"generictype_civility"`
	// FavoriteTechnician is baseuser_favoriteTechnician, the preferred
	// technician.
	FavoriteTechnician *BaseUser `json:"baseuser_favoriteTechnician"`
	// BranchOffice is branchoffice, the prospect's branch office.
	BranchOffice *BranchOffice `json:"branchoffice"`
	// ProductDepot is productdepot, the prospect's product depot.
	ProductDepot *ProductDepot `json:"productdepot"`

	// Extra holds the related records this SDK does not know.
	Extra map[string]json.RawMessage `json:"-"`
	fields[Related]
}

// GenericType is a weavy generic type (sw_data_generictype): a value of
// one of weavy's configurable lists (countries, civilities, families...).
type GenericType struct {
	// Code is codegenerictype, the qualified code: COUNTRY-FR.
	Code Ref `json:"codegenerictype" divalto:"qualified"`
	// Label is label, the value's label: FRANCE.
	Label string `json:"label"`
	// OriginalCode is originalCode, the code within its data type: FR.
	OriginalCode string `json:"originalCode"`
	// DataType is dataType, the list the value belongs to: COUNTRY.
	DataType string `json:"dataType"`
	// Description is description, a free description.
	Description string `json:"description"`
	// TranslationKey is translationKey, the key of the label's
	// translations: GenType_COUNTRY-FR.
	TranslationKey string `json:"translationKey"`
	// Parent is generictype_ID_parent, the parent value in a tree of
	// generic types.
	Parent Ref `json:"generictype_ID_parent"`
	// Tag is tag, a free tag.
	Tag string `json:"tag"`
	// OrderNumber is orderNumber, the value's rank in its list.
	OrderNumber Number `json:"orderNumber"`

	// Extra holds the wire fields this SDK does not know.
	Extra map[string]json.RawMessage `json:"-"`
	fields[GenericType]
}

// BaseUser is a weavy user (sw_data_baseuser): a sales representative or
// a technician. It holds the fields of both of the document's examples
// (baseuser and baseuser_favoriteTechnician). The document types none of
// them: the 0/1-looking ones are Flags, which keep any value.
type BaseUser struct {
	// Code is codebaseuser, the user's code.
	Code string `json:"codebaseuser"`
	// LastName is lastName, the family name.
	LastName string `json:"lastName"`
	// FirstName is firstName, the given name.
	FirstName string `json:"firstName"`
	// Initials is initials.
	Initials string `json:"initials"`
	// Tree is baseusertree_ID, the user's place in the organisation
	// ("Région 2").
	Tree string `json:"baseusertree_ID"`
	// ProductDepot is productdepot_ID, the user's product depot.
	ProductDepot string `json:"productdepot_ID"`
	// CurrentProductDepot is productdepot_ID_current, the depot the user
	// works from now.
	CurrentProductDepot string `json:"productdepot_ID_current"`
	// Email is email, the user's e-mail address.
	Email string `json:"email"`
	// Phone is phoneNumber, the user's phone number.
	Phone string `json:"phoneNumber"`
	// Fax is faxNumber, the user's fax number.
	Fax string `json:"faxNumber"`
	// Address1 is address1, the first address line.
	Address1 string `json:"address1"`
	// Address2 is address2, the second address line.
	Address2 string `json:"address2"`
	// PostalCode is postalCode, the postal code.
	PostalCode string `json:"postalCode"`
	// City is city, the town.
	City string `json:"city"`
	// Position is position, the job title ("Représentant": sales
	// representative).
	Position string `json:"position"`
	// Department is department, the user's department ("Commercial":
	// sales).
	Department string `json:"department"`
	// StructureNav is structureNav: whether the user may browse the
	// organisation structure ("1" in the document).
	StructureNav Flag `json:"structureNav"`
	// Supervisor is supervisor: whether the user is a supervisor.
	Supervisor Flag `json:"supervisor"`
	// UseMileageRate is useMileageRate: whether the user's travel is paid
	// by the mileage rate.
	UseMileageRate Flag `json:"useMileageRate"`
	// Account is account, the user's accounting account.
	Account string `json:"account"`
	// AnalyticSection is analyticSection, the user's cost centre.
	AnalyticSection string `json:"analyticSection"`
	// LastGPSDate is lastGPSDate, when the user's position was last
	// known.
	LastGPSDate DateTime `json:"lastGPSDate"`
	// Longitude is gpsLongitude, the user's last longitude.
	Longitude Number `json:"gpsLongitude"`
	// Latitude is gpsLatitude, the user's last latitude.
	Latitude Number `json:"gpsLatitude"`
	// GPSPrecision is gpsPrecision, the precision of that position.
	GPSPrecision Number `json:"gpsPrecision"`
	// GPSUpdateDate is gpsUpdateDate, when that position was updated.
	GPSUpdateDate DateTime `json:"gpsUpdateDate"`
	// GPSManual is gpsManual: whether the position was entered by hand.
	GPSManual Flag `json:"gpsManual"`
	// Country is generictype_ID_country, the user's country.
	Country Ref `json:"generictype_ID_country" divalto:"type=COUNTRY"`
	// Province is generictype_ID_province, the user's province.
	Province Ref `json:"generictype_ID_province" divalto:"type=PROVINCE"`
	// Culture is baseculture_ID, the user's culture (FR-FR).
	Culture string `json:"baseculture_ID"`
	// BranchOffice is branchoffice_ID, the user's branch office.
	BranchOffice string `json:"branchoffice_ID"`
	// ResourceType is resourcetype_ID, the user's resource type.
	ResourceType string `json:"resourcetype_ID"`
	// TeamType is teamtype_ID, the user's team type.
	TeamType string `json:"teamtype_ID"`
	// FullView is fullView: whether the user sees every record.
	FullView Flag `json:"fullView"`
	// ChangeAuthorization is changeAuthorization: whether the user may
	// change authorisations.
	ChangeAuthorization Flag `json:"changeAuthorization"`
	// TechSyncRule is techSyncRule, the technician's synchronisation rule.
	TechSyncRule Number `json:"techSyncRule"`
	// HomePage is homePage, the user's home page.
	HomePage string `json:"homePage"`
	// Subcontractor is customer_ID_subcontractor, the subcontracting
	// company the technician belongs to.
	Subcontractor string `json:"customer_ID_subcontractor"`
	// TechIsSedentary is techIsSedentary: whether the technician works on
	// site rather than on the road.
	TechIsSedentary Flag `json:"techIsSedentary"`

	// Extra holds the wire fields this SDK does not know.
	Extra map[string]json.RawMessage `json:"-"`
	fields[BaseUser]
}

// Culture is a weavy culture (sw_data_baseculture): a language and
// country pair such as FR-FR.
type Culture struct {
	// Code is codebaseculture, the culture's code: FR-FR.
	Code string `json:"codebaseculture"`
	// Label is label: "French - France".
	Label string `json:"label"`
	// Language is codelanguage, the language's code: FR.
	Language string `json:"codelanguage"`

	// Extra holds the wire fields this SDK does not know.
	Extra map[string]json.RawMessage `json:"-"`
	fields[Culture]
}

// BranchOffice is a weavy branch office (sw_data_branchoffice).
type BranchOffice struct {
	// Code is codebranchoffice, the branch office's code: SXB.
	Code string `json:"codebranchoffice"`
	// Name is name: Strasbourg.
	Name string `json:"name"`
	// Address1 is address1, the first address line.
	Address1 string `json:"address1"`
	// Address2 is address2, the second address line.
	Address2 string `json:"address2"`
	// PostalCode is postalCode, the postal code.
	PostalCode string `json:"postalCode"`
	// City is city, the town.
	City string `json:"city"`
	// Country is generictype_ID_country, the country ("FR").
	Country Ref `json:"generictype_ID_country" divalto:"type=COUNTRY"`
	// Phone is phoneNumber, the phone number.
	Phone string `json:"phoneNumber"`
	// Fax is faxNumber, the fax number.
	Fax string `json:"faxNumber"`
	// Email is email, the e-mail address.
	Email string `json:"email"`
	// Website is website, the web site.
	Website string `json:"website"`
	// BankHolidays is bankholidayparamheader_ID, the bank holiday
	// calendar: FRANCE-ALSACE-MOSELLE.
	BankHolidays string `json:"bankholidayparamheader_ID"`
	// Longitude is gpsLongitude, the office's longitude.
	Longitude Number `json:"gpsLongitude"`
	// Latitude is gpsLatitude, the office's latitude.
	Latitude Number `json:"gpsLatitude"`
	// UserGroup is baseusergroup_ID, the office's group of users.
	UserGroup string `json:"baseusergroup_ID"`
	// InterventionTeamLifetime is interventionTeamLifetime, how long an
	// intervention team lasts (in days, presumably: the document gives 4).
	InterventionTeamLifetime Number `json:"interventionTeamLifetime"`

	// Extra holds the wire fields this SDK does not know.
	Extra map[string]json.RawMessage `json:"-"`
	fields[BranchOffice]
}

// ProductDepot is a weavy product depot (sw_data_productdepot), a
// warehouse or a vehicle. Its 0/1-looking fields are Flags: the document
// does not type them.
type ProductDepot struct {
	// Code is codeproductdepot, the depot's code.
	Code string `json:"codeproductdepot"`
	// Label is label, the depot's name.
	Label string `json:"label"`
	// Vehicle is vehicle: whether the depot is a vehicle.
	Vehicle Flag `json:"vehicle"`
	// Main is main: whether it is the main depot.
	Main Flag `json:"main"`
	// VehicleRegistration is vehicleRegistration, the vehicle's number
	// plate.
	VehicleRegistration string `json:"vehicleRegistration"`
	// VehicleBrand is vehicleBrand, the vehicle's make.
	VehicleBrand string `json:"vehicleBrand"`
	// VehicleModel is vehicleModel, the vehicle's model.
	VehicleModel string `json:"vehicleModel"`
	// AutomaticReception is automaticReception: whether deliveries to the
	// depot are received automatically.
	AutomaticReception Flag `json:"automaticReception"`

	// Extra holds the wire fields this SDK does not know.
	Extra map[string]json.RawMessage `json:"-"`
	fields[ProductDepot]
}

var (
	prospectCodec     = register[Prospect]("prospect")
	prospectUserCodec = register[ProspectUser]("prospectuser")
	indicatorsCodec   = register[Indicators]("indicators")
	relatedCodec      = register[Related]("related")
	genericTypeCodec  = register[GenericType]("generictype")
	baseUserCodec     = register[BaseUser]("baseuser")
	cultureCodec      = register[Culture]("baseculture")
	branchOfficeCodec = register[BranchOffice]("branchoffice")
	productDepotCodec = register[ProductDepot]("productdepot")
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

// SimpleFields is the wire fields of GET's simple answer, in the order of
// WebHook Prospect (V5.7).
func SimpleFields() []string { return prospectCodec.names()[:simpleFields] }

// ExtendedFields is the wire fields of GET's extended answer (simple
// ones first), in the document's order.
func ExtendedFields() []string { return prospectCodec.names()[:extendedFields] }

// ProspectFields is every wire field of Prospect: the extended ones, then
// those of the PUT example only.
func ProspectFields() []string { return prospectCodec.names() }

const (
	simpleFields   = 17
	extendedFields = 70
)

// Validate lists every value the caller set that PUT would refuse: a
// missing code, a text over its Varchar size or holding a control
// character (or a line break outside a Text field), a malformed e-mail, a
// number that is not one (or not an integer for an Int such as
// workforce), a reference of another data type, an unknown DIVINF value,
// an unparseable date, a prospect type and customer type (or prospect
// and customer potential) that disagree.
//
// A value a Client read from weavy and that the prospect still holds
// unchanged is never refused, whatever it is: weavy holds it already
// (an e-mail field holding "a@b.fr;c@d.fr", a workforce of "2.5"). A
// prospect decoded by the caller (json.Unmarshal) is checked whole.
//
// The name is not required: WebHook Prospect (V5.7) requires it only
// when a PUT creates the prospect, and an update may send the code and
// the fields it changes alone. Whether a code is new is weavy's to know:
// a create without a name is refused by weavy (ErrRejected).
func (p *Prospect) Validate() error {
	var l validate.List
	p.check(&l, "prospect.")
	return validationError("put", l)
}

// Validate lists every value the caller set that PUT would refuse in
// the linked user: a missing codeprospectuser or baseuser_ID, a text
// over its Varchar size or holding a control character, a category of
// another data type than CUSTOMERUSER_LINK. A value a Client read from
// weavy and still held unchanged is never refused.
func (u *ProspectUser) Validate() error {
	var l validate.List
	prospectUserCodec.check(&l, "prospectuser.", u)
	return validationError("put", l)
}

func (p *Prospect) check(l *validate.List, prefix string) {
	prospectCodec.check(l, prefix, p)
	changed := func(field string) bool { return prospectCodec.changed(p, field) }
	l.Check(!changed("codeprospect") && strings.TrimSpace(p.Code) == "", prefix+"codeprospect", "is required")
	l.Check(p.Code != "" && p.InternalCode == p.Code && (changed("codeprospect") || changed("internalcodeprospect")),
		prefix+"internalcodeprospect", "is the prospect's own code")
	for _, pair := range [...]struct {
		a, b     *Ref
		nameA    string
		nameB    string
		dataType string
	}{
		{&p.ProspectType, &p.CustomerType, "generictype_ID_prospectType", "generictype_ID_customerType", "CUSTOMER_TYPE"},
		{&p.ProspectPotential, &p.CustomerPotential, "generictype_ID_prospectPotential", "generictype_ID_customerPotential", "CUSTOMER_POTENTIAL"},
	} {
		a, b := pair.a.Qualified(pair.dataType), pair.b.Qualified(pair.dataType)
		l.Check(!a.IsZero() && !b.IsZero() && a != b && (changed(pair.nameA) || changed(pair.nameB)),
			prefix+pair.nameB, "disagrees with "+pair.nameA+": both name the same value")
	}
}

// putForm turns a copy of a prospect into what PUT receives: bare
// references qualified with their field's data type ("FR" is sent as
// "COUNTRY-FR"), and GET's generictype_ID_prospectPotential sent as PUT's
// generictype_ID_customerPotential (when the prospect also holds
// generictype_ID_customerPotential, that one is sent: Validate has
// refused a disagreement the caller made).
func (p *Prospect) putForm() {
	prospectCodec.qualify(p)
	st := &p.fields.st
	from, to := prospectCodec.byName["generictype_ID_prospectPotential"], prospectCodec.byName["generictype_ID_customerPotential"]
	holds := func(i int, r Ref) bool { return !r.IsZero() || st.present.has(i) || st.null.has(i) }
	if !holds(from, p.ProspectPotential) {
		return
	}
	if !holds(to, p.CustomerPotential) {
		p.CustomerPotential = p.ProspectPotential
		st.present.put(to, st.present.has(from))
		st.null.put(to, st.null.has(from))
		st.blank.put(to, st.blank.has(from))
		if r := st.rawOf(from); r != nil && st.hasRaw.has(from) {
			// A copy: the caller's record shares the slice.
			st.raw = append(slices.Clone(st.raw), rawValue{i: to, json: r.json, value: r.value})
			st.hasRaw.set(to)
		}
	}
	p.ProspectPotential = Ref{}
	st.hasRaw.clear(from)
	st.present.clear(from)
	st.null.clear(from)
	st.blank.clear(from)
}

// ProspectRecord is one record of a PUT: a prospect and the weavy users
// linked to it.
type ProspectRecord struct {
	// Prospect is the record's "prospect" object; it is required.
	Prospect *Prospect
	// Users is the record's "prospectuser" array: the weavy users to link
	// to the prospect (created or updated by their code).
	Users []ProspectUser
}

type wireRecord struct {
	Prospect *Prospect      `json:"prospect"`
	Users    []ProspectUser `json:"prospectuser,omitempty"`
}

// MarshalJSON writes the record as the PUT example of WebHook Prospect
// (V5.7):
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
