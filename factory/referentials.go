package factory

import (
	"context"
	"encoding/json"

	"github.com/passerelle-go/passerelle/internal/transport"
	"github.com/passerelle-go/passerelle/internal/wire"
)

// Program is a real-estate programme (GetPrograms, section 3.5.1), with
// its sales offices and their sellers. Dates are kept as La Factory sends
// them: the seed gives no format.
type Program struct {
	ProgramID      string        `json:"ir_programid"`          // La Factory's id
	ExternalID     string        `json:"if_externalidentifier"` // the client's id (Nexity); code_programme's value
	Name           string        `json:"if_name"`
	Code           string        `json:"if_code"`
	City           string        `json:"if_city"`
	Street1        string        `json:"if_address_street1"`
	Street2        string        `json:"if_address_street2"`
	PostalCode     string        `json:"if_address_postalcode"`
	Department     string        `json:"if_department"`
	SaleRegionID   string        `json:"if_saleregionid"`
	SalesOfficeID  string        `json:"if_salesofficeid"`
	SalesOffices   []SalesOffice `json:"if_salesoffice"`
	GoToMarketDate string        `json:"if_gotomarketdate"` // date de commercialisation
	DeliveryDate   string        `json:"if_deliverydate"`   // date de livraison
	ActabilityDate string        `json:"if_actabilitydate"` // date d'actabilité
}

// SalesOffice is a programme's sales office ("bureau de vente").
type SalesOffice struct {
	SalesOfficeID string   `json:"if_salesofficeid"`
	Name          string   `json:"if_name"`
	City          string   `json:"if_city"`
	Code          string   `json:"if_code"`
	Type          string   `json:"if_type"`
	Phone1        string   `json:"if_phonenumber1"`
	Phone2        string   `json:"if_phonenumber2"`
	Street1       string   `json:"if_street1"`
	Street2       string   `json:"if_street2"`
	PostalCode    string   `json:"if_postalcode"`
	OpeningTime   string   `json:"if_openingtime"` // horaires
	Sellers       []Seller `json:"ressources"`     // commerciaux rattachés
}

// Seller is a salesperson of a sales office; Email is what the
// "commercial" balise of projects and appointments must hold.
type Seller struct {
	SalesOfficeID string      `json:"if_salesofficeid"`
	UserID        string      `json:"userid"`
	FirstName     string      `json:"firstname"`
	LastName      string      `json:"lastname"`
	Title         string      `json:"title"` // fonction
	Phone         string      `json:"telephone1"`
	MobilePhone   string      `json:"mobilephone"`
	Territory     string      `json:"territory"` // région de vente
	Email         string      `json:"internalemailaddress"`
	ForLiving     wire.Bool01 `json:"if_is_sellerforlive"`   // sells homes to live in
	ForInvestment wire.Bool01 `json:"if_is_sellerforinvest"` // sells investments
}

// Sellers returns every seller of the programme's sales offices.
func (p Program) Sellers() []Seller {
	var out []Seller
	for _, o := range p.SalesOffices {
		out = append(out, o.Sellers...)
	}
	return out
}

// Channel is a communication channel (GetCanaux): Code is what the canal
// balise holds.
type Channel struct {
	Name string `json:"if_name"`
	Code string `json:"if_code"`
}

// Campaign is a marketing campaign (GetCampaigns): UTMCampaign is what the
// utm_campaign balise holds.
type Campaign struct {
	Name        string `json:"if_name"`
	UTMCampaign string `json:"if_utmcampaign"`
}

// Origin is a marketing action (GetOrigins): UTMAct is what the utm_act
// balise holds.
type Origin struct {
	Name   string `json:"if_name"`
	UTMAct string `json:"if_utmact"`
}

// Support is a communication medium (GetSupports): UTMMedium is what the
// utm_medium balise holds.
type Support struct {
	Name      string `json:"if_name"`
	UTMMedium string `json:"if_utmmedium"`
}

// Source is a marketing source (Getsources): UTMSource is what the
// utm_source balise holds.
type Source struct {
	Name      string `json:"if_name"`
	UTMSource string `json:"if_utmsource"`
}

// Programs lists the programmes with their sales offices and sellers.
func (c *Client) Programs(ctx context.Context) ([]Program, error) {
	return referential[Program](ctx, c, GetPrograms)
}

// Channels lists the communication channels (GetCanaux).
func (c *Client) Channels(ctx context.Context) ([]Channel, error) {
	return referential[Channel](ctx, c, GetCanaux)
}

// Campaigns lists the marketing campaigns.
func (c *Client) Campaigns(ctx context.Context) ([]Campaign, error) {
	return referential[Campaign](ctx, c, GetCampaigns)
}

// Origins lists the marketing origins (utm_act codes).
func (c *Client) Origins(ctx context.Context) ([]Origin, error) {
	return referential[Origin](ctx, c, GetOrigins)
}

// Supports lists the communication media (utm_medium codes).
func (c *Client) Supports(ctx context.Context) ([]Support, error) {
	return referential[Support](ctx, c, GetSupports)
}

// Sources lists the marketing sources (utm_source codes).
func (c *Client) Sources(ctx context.Context) ([]Source, error) {
	return referential[Source](ctx, c, Getsources)
}

// referential reads a list: a JSON array (or one object) in the answer or
// at Operation.Set.Data. Referentials have no side effect and are retried.
func referential[T any](ctx context.Context, c *Client, m Method) ([]T, error) {
	_, payload, err := c.call(ctx, m, transport.Idempotent, nil)
	if err != nil || isEmpty(payload) {
		return nil, err
	}
	var list []T
	if err = json.Unmarshal(payload, &list); err != nil {
		var one T
		if json.Unmarshal(payload, &one) != nil {
			return nil, c.malformed(m, payload, err.Error())
		}
		list = []T{one}
	}
	return list, nil
}
