package divaltotest

import (
	"encoding/json"
	"strings"

	"github.com/passerelle-go/passerelle/divalto"
)

// referential holds the records a prospect's references point to, in
// wire form, by code: GET extendedRelated's related records.
type referential struct {
	genericTypes  map[string]wireMap // by qualified code: COUNTRY-FR
	baseUsers     map[string]wireMap
	cultures      map[string]wireMap
	branchOffices map[string]wireMap
	productDepots map[string]wireMap
}

func newReferential() referential {
	return referential{
		genericTypes: map[string]wireMap{}, baseUsers: map[string]wireMap{}, cultures: map[string]wireMap{},
		branchOffices: map[string]wireMap{}, productDepots: map[string]wireMap{},
	}
}

// AddGenericType adds a generic type (a country, a civility, a prospect
// family...) to the referential GET extendedRelated resolves references
// in, or replaces the one with the same code. Its code is qualified with
// its DataType when bare (Code "FR" of DataType "COUNTRY" is COUNTRY-FR),
// and its originalCode and dataType are filled from the code when empty.
// It panics if the code is empty or has no data type.
func (s *Server) AddGenericType(g divalto.GenericType) {
	code := g.Code.Qualified(g.DataType)
	if code.Code == "" || code.DataType == "" {
		panic("divaltotest: AddGenericType: want a code with a data type, got " + code.String())
	}
	m := mustWire(g)
	m["codegenerictype"] = jsonString(code.String())
	if text(m["dataType"]) == "" {
		m["dataType"] = jsonString(code.DataType)
	}
	if text(m["originalCode"]) == "" {
		m["originalCode"] = jsonString(code.Code)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ref.genericTypes[code.String()] = m
}

// AddBaseUser adds a weavy user (baseuser_ID, baseuser_ID_favoriteTechnician)
// to the referential, or replaces the one with the same code. It panics
// if the code is empty.
func (s *Server) AddBaseUser(u divalto.BaseUser) { s.add(s.ref.baseUsers, "AddBaseUser", u.Code, u) }

// AddCulture adds a culture (baseculture_ID) to the referential, or
// replaces the one with the same code. It panics if the code is empty.
func (s *Server) AddCulture(c divalto.Culture) { s.add(s.ref.cultures, "AddCulture", c.Code, c) }

// AddBranchOffice adds a branch office (branchoffice_ID) to the
// referential, or replaces the one with the same code. It panics if the
// code is empty.
func (s *Server) AddBranchOffice(o divalto.BranchOffice) {
	s.add(s.ref.branchOffices, "AddBranchOffice", o.Code, o)
}

// AddProductDepot adds a product depot (productdepot_ID) to the
// referential, or replaces the one with the same code. It panics if the
// code is empty.
func (s *Server) AddProductDepot(d divalto.ProductDepot) {
	s.add(s.ref.productDepots, "AddProductDepot", d.Code, d)
}

func (s *Server) add(into map[string]wireMap, op, code string, v any) {
	if strings.TrimSpace(code) == "" {
		panic("divaltotest: " + op + ": empty code")
	}
	m := mustWire(v)
	s.mu.Lock()
	defer s.mu.Unlock()
	into[code] = m
}

// related answers GET extendedRelated's related records of a prospect,
// in the document's order; a reference that is empty or not in the
// referential gives a record with every field "".
func (s *Server) related(p *prospect) object {
	generic := func(field, dataType string) object {
		v, _ := value(p.fields, field)
		ref := divalto.Ref{Code: bare(field, v)}.Qualified(dataType)
		var m wireMap
		if ref.Code != "" {
			m = s.ref.genericTypes[ref.String()]
		}
		return answerRecord(genericTypeFields, m)
	}
	plain := func(field string, from map[string]wireMap, names []string) object {
		v, _ := value(p.fields, field)
		var m wireMap
		if v != "" {
			m = from[v]
		}
		return answerRecord(names, m)
	}
	return object{
		{"generictype_prospectFamily", generic("generictype_ID_prospectFamily", "CUSTOMER_FAMILY")},
		{"baseuser", plain("baseuser_ID", s.ref.baseUsers, baseUserFields)},
		{"generictype_country", generic("generictype_ID_country", "COUNTRY")},
		{"generictype_province", generic("generictype_ID_province", "PROVINCE")},
		{"baseculture", plain("baseculture_ID", s.ref.cultures, cultureFields)},
		{"generictype_civility", generic("generictype_ID_civility", "CIVILITY")},
		{"baseuser_favoriteTechnician", plain("baseuser_ID_favoriteTechnician", s.ref.baseUsers, baseUserFields)},
		{"branchoffice", plain("branchoffice_ID", s.ref.branchOffices, branchOfficeFields)},
		{"productdepot", plain("productdepot_ID", s.ref.productDepots, productDepotFields)},
	}
}

// exampleRelated is the GET extendedRelated example of WebHook Prospect
// (V5.7), without its empty records.
const exampleRelated = `{
"generictype_prospectFamily": {"codegenerictype": "CUSTOMER_FAMILY-Est", "label": "Grand est", "originalCode": "Est",
  "dataType": "CUSTOMER_FAMILY", "description": "", "translationKey": "GenType_CUSTOMER_FAMILY-Est",
  "generictype_ID_parent": "", "tag": "", "orderNumber": ""},
"baseuser": {"codebaseuser": "25", "lastName": "MOREL", "firstName": "Vincent", "initials": "MV",
  "baseusertree_ID": "Région 2", "productdepot_ID": "Dépôt Vincent MOREL", "productdepot_ID_current": "",
  "email": "vincent@morel.com", "phoneNumber": "", "faxNumber": "", "address1": "", "address2": "",
  "postalCode": "", "city": "", "position": "Représentant", "department": "Commercial", "structureNav": "1",
  "supervisor": "0", "useMileageRate": "", "account": "", "analyticSection": "", "lastGPSDate": "",
  "gpsLongitude": "", "gpsLatitude": "", "gpsPrecision": "", "gpsUpdateDate": "", "gpsManual": "",
  "generictype_ID_country": "", "generictype_ID_province": "", "baseculture_ID": "", "branchoffice_ID": "",
  "resourcetype_ID": "", "teamtype_ID": ""},
"generictype_country": {"codegenerictype": "COUNTRY-FR", "label": "FRANCE", "originalCode": "FR",
  "dataType": "COUNTRY", "description": "", "translationKey": "GenType_COUNTRY-FR",
  "generictype_ID_parent": "", "tag": "", "orderNumber": ""},
"baseculture": {"codebaseculture": "FR-FR", "label": "French - France", "codelanguage": "FR"},
"baseuser_favoriteTechnician": {"codebaseuser": "TECH-01", "lastName": "TECH-01", "firstName": "Tango",
  "initials": "", "email": "tech01@test.fr", "phoneNumber": "", "faxNumber": "",
  "address1": "2 Allée de Strasbourg", "address2": "", "postalCode": "91300", "city": "Massy",
  "position": "", "department": "", "generictype_ID_country": "", "generictype_ID_province": "",
  "baseculture_ID": "FR-FR", "branchoffice_ID": "Agence-01", "resourcetype_ID": "", "supervisor": "",
  "useMileageRate": "", "account": "", "analyticSection": "", "productdepot_ID": "", "lastGPSDate": "",
  "gpsLongitude": "2.2922000000000353", "gpsLatitude": "48.73596000000003", "fullView": "",
  "changeAuthorization": "", "productdepot_ID_current": "", "techSyncRule": "0", "homePage": "",
  "teamtype_ID": "", "customer_ID_subcontractor": "", "techIsSedentary": ""},
"branchoffice": {"codebranchoffice": "SXB", "name": "Strasbourg", "address1": "10 Rue de l'Outre",
  "address2": "", "postalCode": "67000", "city": "Strasbourg", "generictype_ID_country": "FR",
  "phoneNumber": "0388123456", "faxNumber": "0388123400", "email": "noreply-weavysxb@divalto.com",
  "website": "", "bankholidayparamheader_ID": "FRANCE-ALSACE-MOSELLE", "gpsLongitude": "7.7475",
  "gpsLatitude": "48.58367", "baseusergroup_ID": "#SXB-Strasbourg", "interventionTeamLifetime": "4"}
}`

func (s *Server) fillReferential() {
	var r struct {
		Family     divalto.GenericType  `json:"generictype_prospectFamily"`
		BaseUser   divalto.BaseUser     `json:"baseuser"`
		Country    divalto.GenericType  `json:"generictype_country"`
		Culture    divalto.Culture      `json:"baseculture"`
		Technician divalto.BaseUser     `json:"baseuser_favoriteTechnician"`
		Branch     divalto.BranchOffice `json:"branchoffice"`
	}
	if err := json.Unmarshal([]byte(exampleRelated), &r); err != nil {
		panic("divaltotest: referential: " + err.Error())
	}
	s.AddGenericType(r.Family)
	s.AddGenericType(r.Country)
	s.AddBaseUser(r.BaseUser)
	s.AddBaseUser(r.Technician)
	s.AddCulture(r.Culture)
	s.AddBranchOffice(r.Branch)
}
