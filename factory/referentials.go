package factory

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/passerelle-go/passerelle/internal/transport"
	"github.com/passerelle-go/passerelle/internal/wire"
)

// Program is a real-estate programme (GetPrograms, section 3.5.1 of the
// document), with its sales offices and their sellers. The document types
// every balise as text; a number or a boolean is read as its text, and
// dates are kept as La Factory sends them (the document gives no format).
type Program struct {
	// ProgramID is La Factory's id of the programme (ir_programid).
	ProgramID string `json:"ir_programid"`
	// ExternalID is the client's id of the programme (Nexity's), the
	// value of a project's code_programme.
	ExternalID string `json:"if_externalidentifier"`
	// Name is the programme's name.
	Name string `json:"if_name"`
	// Code is the programme's code.
	Code string `json:"if_code"`
	// City is the programme's city.
	City string `json:"if_city"`
	// Street1 is the first line of the programme's address.
	Street1 string `json:"if_address_street1"`
	// Street2 is the second line of the programme's address.
	Street2 string `json:"if_address_street2"`
	// PostalCode is the programme's postal code.
	PostalCode string `json:"if_address_postalcode"`
	// Department is the programme's French department ("département").
	Department string `json:"if_department"`
	// SaleRegionID is La Factory's id of the sales region.
	SaleRegionID string `json:"if_saleregionid"`
	// SalesOfficeID is La Factory's id of the programme's sales office.
	SalesOfficeID string `json:"if_salesofficeid"`
	// SalesOffices are the programme's sales offices ("bureaux de
	// vente"); one office sent as an object rather than a list is read
	// as a list of one.
	SalesOffices []SalesOffice `json:"if_salesoffice"`
	// GoToMarketDate is when sales open ("date de commercialisation").
	GoToMarketDate string `json:"if_gotomarketdate"`
	// DeliveryDate is when the programme is delivered ("date de livraison").
	DeliveryDate string `json:"if_deliverydate"`
	// ActabilityDate is when deeds can be signed ("date d'actabilité").
	ActabilityDate string `json:"if_actabilitydate"`
}

// SalesOffice is a programme's sales office ("bureau de vente").
type SalesOffice struct {
	// SalesOfficeID is La Factory's id of the office.
	SalesOfficeID string `json:"if_salesofficeid"`
	// Name is the office's name.
	Name string `json:"if_name"`
	// City is the office's city.
	City string `json:"if_city"`
	// Code is the office's code.
	Code string `json:"if_code"`
	// Type is the office's type.
	Type string `json:"if_type"`
	// Phone1 is the office's first phone number.
	Phone1 string `json:"if_phonenumber1"`
	// Phone2 is the office's second phone number.
	Phone2 string `json:"if_phonenumber2"`
	// Street1 is the first line of the office's address.
	Street1 string `json:"if_street1"`
	// Street2 is the second line of the office's address.
	Street2 string `json:"if_street2"`
	// PostalCode is the office's postal code.
	PostalCode string `json:"if_postalcode"`
	// OpeningTime is the office's opening hours ("horaires").
	OpeningTime string `json:"if_openingtime"`
	// Sellers are the sellers attached to the office ("ressources",
	// "commerciaux rattachés"); one sent as an object is read as a list
	// of one.
	Sellers []Seller `json:"ressources"`
}

// Seller is a salesperson of a sales office; Email is what the
// "commercial" balise of projects and activities must hold.
type Seller struct {
	// SalesOfficeID is La Factory's id of the seller's office.
	SalesOfficeID string `json:"if_salesofficeid"`
	// UserID is La Factory's id of the seller.
	UserID string `json:"userid"`
	// FirstName is the seller's first name.
	FirstName string `json:"firstname"`
	// LastName is the seller's last name.
	LastName string `json:"lastname"`
	// Title is the seller's job title ("fonction").
	Title string `json:"title"`
	// Phone is the seller's phone number.
	Phone string `json:"telephone1"`
	// MobilePhone is the seller's mobile phone number.
	MobilePhone string `json:"mobilephone"`
	// Territory is the seller's sales region ("région de vente").
	Territory string `json:"territory"`
	// Email is the seller's e-mail address, the value of "commercial".
	Email string `json:"internalemailaddress"`
	// ForLiving says whether the seller sells homes to live in
	// ("vendeur spécialisé dans l'accession").
	ForLiving Flag `json:"if_is_sellerforlive"`
	// ForInvestment says whether the seller sells investments ("vendeur
	// spécialisé dans l'investissement").
	ForInvestment Flag `json:"if_is_sellerforinvest"`
}

// Flag is a yes/no balise the document types as text, kept as La Factory
// wrote it ("1", "true", "Vrai", "oui"...); Bool reads it.
type Flag string

// Bool reads the flag: yes for 1, true, vrai, oui, yes; no for 0, false,
// faux, non, no and empty; known is false for any other text.
func (f Flag) Bool() (value, known bool) {
	switch strings.ToLower(strings.TrimSpace(string(f))) {
	case "1", "true", "vrai", "oui", "yes", "o", "y":
		return true, true
	case "0", "false", "faux", "non", "no", "n", "":
		return false, true
	}
	return false, false
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
	// Name is the channel's label ("libellé").
	Name string `json:"if_name"`
	// Code is the channel's code, the value of canal.
	Code string `json:"if_code"`
}

// Campaign is a marketing campaign (GetCampaigns): UTMCampaign is what the
// utm_campaign balise holds.
type Campaign struct {
	// Name is the campaign's label.
	Name string `json:"if_name"`
	// UTMCampaign is the campaign's code, the value of utm_campaign.
	UTMCampaign string `json:"if_utmcampaign"`
}

// Origin is a marketing action (GetOrigins): UTMAct is what the utm_act
// balise holds.
type Origin struct {
	// Name is the origin's label.
	Name string `json:"if_name"`
	// UTMAct is the origin's code, the value of utm_act.
	UTMAct string `json:"if_utmact"`
}

// Support is a communication medium (GetSupports): UTMMedium is what the
// utm_medium balise holds.
type Support struct {
	// Name is the medium's label.
	Name string `json:"if_name"`
	// UTMMedium is the medium's code, the value of utm_medium.
	UTMMedium string `json:"if_utmmedium"`
}

// Source is a marketing source (Getsources): UTMSource is what the
// utm_source balise holds.
type Source struct {
	// Name is the source's label.
	Name string `json:"if_name"`
	// UTMSource is the source's code, the value of utm_source.
	UTMSource string `json:"if_utmsource"`
}

// UnmarshalJSON reads a programme tolerantly (see decodeTolerant).
func (p *Program) UnmarshalJSON(b []byte) error { return decodeTolerant(b, p) }

// UnmarshalJSON reads a sales office tolerantly.
func (o *SalesOffice) UnmarshalJSON(b []byte) error { return decodeTolerant(b, o) }

// UnmarshalJSON reads a seller tolerantly.
func (s *Seller) UnmarshalJSON(b []byte) error { return decodeTolerant(b, s) }

// UnmarshalJSON reads a channel tolerantly.
func (c *Channel) UnmarshalJSON(b []byte) error { return decodeTolerant(b, c) }

// UnmarshalJSON reads a campaign tolerantly.
func (c *Campaign) UnmarshalJSON(b []byte) error { return decodeTolerant(b, c) }

// UnmarshalJSON reads an origin tolerantly.
func (o *Origin) UnmarshalJSON(b []byte) error { return decodeTolerant(b, o) }

// UnmarshalJSON reads a support tolerantly.
func (s *Support) UnmarshalJSON(b []byte) error { return decodeTolerant(b, s) }

// UnmarshalJSON reads a source tolerantly.
func (s *Source) UnmarshalJSON(b []byte) error { return decodeTolerant(b, s) }

// decodeTolerant reads a referential object into the struct v points to:
// members matched to the json tags in any letter case, any JSON scalar
// read as text into a text field, a list field given one object read as a
// list of one (or null as none). Unknown members are ignored: referentials
// are only read.
func decodeTolerant(b []byte, v any) error {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(b, &obj); err != nil || obj == nil {
		return errors.New("is not a JSON object")
	}
	rv := reflect.ValueOf(v).Elem()
	t := rv.Type()
	for i := 0; i < t.NumField(); i++ {
		name := t.Field(i).Tag.Get("json")
		raw, found := member(obj, name)
		if !found {
			continue
		}
		f := rv.Field(i)
		switch f.Kind() {
		case reflect.String:
			s, err := wire.Text(raw)
			if err != nil {
				return fmt.Errorf("%s %s", name, err)
			}
			f.SetString(s)
		case reflect.Slice:
			items := []json.RawMessage{raw}
			t := bytes.TrimSpace(raw)
			switch {
			case string(t) == "null":
				items = nil
			case len(t) > 0 && t[0] == '[':
				if err := json.Unmarshal(t, &items); err != nil {
					return fmt.Errorf("%s is not a JSON list", name)
				}
			}
			list := reflect.MakeSlice(f.Type(), 0, len(items))
			for j, item := range items {
				elem := reflect.New(f.Type().Elem())
				if err := json.Unmarshal(item, elem.Interface()); err != nil {
					return fmt.Errorf("%s #%d: %s", name, j+1, wire.Describe(err))
				}
				list = reflect.Append(list, elem.Elem())
			}
			f.Set(list)
		}
	}
	return nil
}

// Programs lists the programmes with their sales offices and sellers.
// One programme that cannot be read does not hide the others: Programs
// returns those it read together with an *Error wrapping
// ErrMalformedResponse whose Raw holds the unread ones.
//
// Idempotent: a read, retried.
func (c *Client) Programs(ctx context.Context) ([]Program, error) {
	return referential[Program](ctx, c, GetPrograms)
}

// Channels lists the communication channels (GetCanaux). Idempotent: a
// read, retried. Like Programs, an unreadable item does not hide the
// others.
func (c *Client) Channels(ctx context.Context) ([]Channel, error) {
	return referential[Channel](ctx, c, GetCanaux)
}

// Campaigns lists the marketing campaigns (GetCampaigns). Idempotent: a
// read, retried.
func (c *Client) Campaigns(ctx context.Context) ([]Campaign, error) {
	return referential[Campaign](ctx, c, GetCampaigns)
}

// Origins lists the marketing origins, the utm_act codes (GetOrigins).
// Idempotent: a read, retried.
func (c *Client) Origins(ctx context.Context) ([]Origin, error) {
	return referential[Origin](ctx, c, GetOrigins)
}

// Supports lists the communication media, the utm_medium codes
// (GetSupports). Idempotent: a read, retried.
func (c *Client) Supports(ctx context.Context) ([]Support, error) {
	return referential[Support](ctx, c, GetSupports)
}

// Sources lists the marketing sources, the utm_source codes (Getsources).
// Idempotent: a read, retried.
func (c *Client) Sources(ctx context.Context) ([]Source, error) {
	return referential[Source](ctx, c, Getsources)
}

// CheckSalesRep reports whether the project's commercial ("suivi par",
// the owner) can be sent: nil when it is empty or the e-mail of a seller
// the GetPrograms referential lists (any letter case); otherwise an
// *Error wrapping ErrSellerNotLicensed that says why. The document
// (section 3.3.2) requires, when the balise is set, the e-mail of a seller
// holding a licence in La Factory, so La Factory refuses any other, even
// an owner it sent itself (a manager, or any owner when the referential
// lists no seller). Such a project can be updated with a listed seller,
// or with Clear("commercial"), which sends the balise empty: the document
// then checks nothing, and its full-replace rule blanks the owner. It
// reads Programs, an idempotent call.
func (c *Client) CheckSalesRep(ctx context.Context, p *Project) error {
	if p == nil {
		return nilArgument("check sales rep", "project")
	}
	if p.SalesRep == "" {
		return nil
	}
	programs, err := c.Programs(ctx)
	if err != nil && programs == nil {
		return err
	}
	sellers := 0
	for _, prog := range programs {
		for _, s := range prog.Sellers() {
			sellers++
			if strings.EqualFold(strings.TrimSpace(s.Email), strings.TrimSpace(p.SalesRep)) {
				return nil
			}
		}
	}
	why := "it is not the e-mail of any of the " + strconv.Itoa(sellers) + " sellers GetPrograms lists"
	if sellers == 0 {
		why = "GetPrograms lists no seller"
	}
	return &Error{Op: "CheckSalesRep", Err: fmt.Errorf("%w: commercial: %s; the document (section 3.3.2) requires the e-mail of a seller holding a licence in La Factory when the balise is set: choose a listed seller, or call Project.Clear(\"commercial\") to send it empty (La Factory then blanks the owner)",
		ErrSellerNotLicensed, why)}
}

// referential reads a list: a JSON list (or one object) in the answer or
// at Operation.Set.Data. Each item is read on its own: those that cannot
// be are returned, with the others, in an *Error's Raw. Referentials have
// no side effect, so they are idempotent and retried.
func referential[T any](ctx context.Context, c *Client, m Method) ([]T, error) {
	a, err := c.call(ctx, m, transport.Idempotent, nil)
	if err != nil {
		return nil, err
	}
	t := bytes.TrimSpace(a.payload)
	var items []json.RawMessage
	switch {
	case len(t) > 0 && t[0] == '[':
		if json.Unmarshal(t, &items) != nil {
			return nil, c.unreadable(m, a, "the list is not JSON")
		}
	case len(t) > 0 && t[0] == '{' && string(t) != "{}":
		items = []json.RawMessage{t}
	default:
		return nil, c.unreadable(m, a, "the answer holds no list")
	}
	list := make([]T, 0, len(items))
	var bad []json.RawMessage
	var why []string
	for i, item := range items {
		var v T
		if err := json.Unmarshal(unwrapString(item), &v); err != nil {
			bad = append(bad, item)
			if len(why) < 3 {
				why = append(why, "item "+strconv.Itoa(i+1)+": "+wire.Describe(err))
			}
			continue
		}
		list = append(list, v)
	}
	if len(bad) > 0 {
		raw, _ := json.Marshal(bad)
		e := c.unreadable(m, a, strconv.Itoa(len(bad))+" of "+strconv.Itoa(len(items))+" items could not be read ("+strings.Join(why, "; ")+"); they are in Error.Raw")
		e.Raw, e.Body = raw, ""
		return list, e
	}
	return list, nil
}

// unreadable is the *Error of a success answer that is not what the
// method returns.
func (c *Client) unreadable(m Method, a *answer, why string) *Error {
	r := c.http.Redactor()
	return &Error{Op: string(m), StatusCode: a.status, URL: a.url, Raw: append(json.RawMessage(nil), a.body...),
		Body: r.Excerpt(a.body, 256), Err: malformed(r.Message(why))}
}
