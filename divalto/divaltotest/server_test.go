package divaltotest_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/passerelle-go/passerelle/divalto"
	"github.com/passerelle-go/passerelle/divalto/divaltotest"
)

func start(t *testing.T) *divaltotest.Server {
	t.Helper()
	srv := divaltotest.NewServer()
	t.Cleanup(srv.Close)
	return srv
}

func client(t *testing.T, srv *divaltotest.Server, opts ...divalto.Option) *divalto.Client {
	t.Helper()
	opts = append([]divalto.Option{
		divalto.WithBaseURL(srv.URL),
		divalto.WithRetry(2, time.Millisecond, 5*time.Millisecond),
	}, opts...)
	c, err := divalto.New(divaltotest.Company, divaltotest.EntryPoint, opts...)
	require.NoError(t, err)
	return c
}

func record(p *divalto.Prospect, users ...divalto.ProspectUser) divalto.ProspectRecord {
	return divalto.ProspectRecord{Prospect: p, Users: users}
}

func put(t *testing.T, c *divalto.Client, records ...divalto.ProspectRecord) {
	t.Helper()
	out, err := c.Prospects.Put(context.Background(), records...)
	require.NoError(t, err)
	for _, o := range out {
		require.Equal(t, divalto.Done, o.Result, o.Code)
	}
}

// chezSoi is the seed's PUT example, its references given as bare codes
// or qualified ones, and pointing into the seed's referential.
func chezSoi() *divalto.Prospect {
	return &divalto.Prospect{
		Code: "P0000001", Name: "CHEZ SOI", BaseUser: "25",
		Address1: "33 Avenue du Drapeau", PostalCode: "21000", City: "DIJON",
		Phone: "03 90 11 22 33", Fax: "03 90 11 22 44", MobilePhone: "06 90 11 22 33",
		Email: "contact@guichard.com", Country: divalto.ParseRef("FR"),
		Culture: "FR-FR", BranchOffice: "SXB",
		DeliveryDays: "1A;1B;2A;2B", APECode: "516K", Workforce: "23",
		Website: "https://www.guichard.com", Family: divalto.NewRef("CUSTOMER_FAMILY", "Est"),
		CustomerPotential:  divalto.NewRef("CUSTOMER_POTENTIAL", "B"),
		FavoriteTechnician: "TECH-01", DivinfCurrency: "EUR",
	}
}

func TestPutThenGet(t *testing.T) {
	t.Parallel()
	srv := start(t)
	c := client(t, srv)
	ctx := context.Background()
	p := chezSoi()
	require.NoError(t, p.SendNull("address2"))
	put(t, c, record(p, divalto.ProspectUser{Code: "P0000001-95", BaseUser: "95", Category: divalto.ParseRef("1")}))
	srv.SetIndicators("P0000001", divalto.Indicators{Code: "30000000493", DataQuality: "5", OpenedQuotes: "26",
		Potential: divalto.NewRef("CUSTOMER_POTENTIAL", "B")})

	t.Run("stored", func(t *testing.T) {
		t.Parallel()
		got, ok := srv.Prospect("P0000001")
		require.True(t, ok)
		assert.Equal(t, divalto.NewRef("COUNTRY", "FR"), got.Country, "the client qualifies bare references")
		assert.True(t, got.IsNull("address2"))
		assert.False(t, got.Has("address3"))
		assert.Equal(t, "EUR", got.DivinfCurrency)
		users := srv.Users("P0000001")
		require.Len(t, users, 1)
		assert.Equal(t, "P0000001", users[0].Prospect)
		assert.Equal(t, divalto.NewRef("CUSTOMERUSER_LINK", "1"), users[0].Category)
		assert.Equal(t, []string{"P0000001"}, srv.Codes())
		assert.Equal(t, [][]string{{"P0000001"}}, srv.Puts())
	})

	t.Run("simple", func(t *testing.T) {
		t.Parallel()
		got, err := c.Prospects.Get(ctx, "P0000001", divalto.GetOptions{})
		require.NoError(t, err)
		for _, f := range divalto.SimpleFields() {
			assert.True(t, got.Has(f), f)
		}
		assert.False(t, got.Has("deliveryDays"), "an extended field")
		assert.Equal(t, "CHEZ SOI", got.Name)
		assert.Equal(t, divalto.Ref{Code: "FR"}, got.Country, "GET answers the bare code")
		assert.False(t, got.IsNull("address2"), "null is answered as \"\"")
		assert.Empty(t, got.Address2)
		assert.Nil(t, got.Related)
		assert.Nil(t, got.Indicators)
	})

	t.Run("extended", func(t *testing.T) {
		t.Parallel()
		got, err := c.Prospects.Get(ctx, "P0000001", divalto.GetOptions{ResultType: divalto.Extended})
		require.NoError(t, err)
		for _, f := range divalto.ExtendedFields() {
			assert.True(t, got.Has(f), f)
		}
		for _, f := range []string{"internalcodeprospect", "generictype_ID_customerType", "divinf_dev"} {
			assert.False(t, got.Has(f), f)
		}
		assert.Equal(t, "1A;1B;2A;2B", got.DeliveryDays)
		assert.Equal(t, divalto.Number("23"), got.Workforce)
		assert.Equal(t, divalto.Ref{Code: "Est"}, got.Family)
		assert.Equal(t, divalto.Ref{Code: "CTP"}, got.ProspectType, "CTP by default")
		assert.Equal(t, divalto.Ref{Code: "B"}, got.ProspectPotential, "customerPotential answered as prospectPotential")
		assert.Empty(t, got.Skype)
	})

	t.Run("extendedRelated", func(t *testing.T) {
		t.Parallel()
		got, err := c.Prospects.Get(ctx, "P0000001", divalto.GetOptions{ResultType: divalto.ExtendedRelated, Indicators: true})
		require.NoError(t, err)
		require.NotNil(t, got.Related)
		r := got.Related
		require.NotNil(t, r.Family)
		assert.Equal(t, "Grand est", r.Family.Label)
		require.NotNil(t, r.BaseUser)
		assert.Equal(t, "MOREL", r.BaseUser.LastName)
		assert.True(t, r.BaseUser.StructureNav.On())
		require.NotNil(t, r.Country)
		assert.Equal(t, "FRANCE", r.Country.Label)
		assert.Equal(t, divalto.NewRef("COUNTRY", "FR"), r.Country.Code)
		require.NotNil(t, r.Province, "an empty reference is a record of empty fields")
		assert.True(t, r.Province.Has("label"))
		assert.True(t, r.Province.Code.IsZero())
		require.NotNil(t, r.Culture)
		assert.Equal(t, "French - France", r.Culture.Label)
		require.NotNil(t, r.FavoriteTechnician)
		assert.Equal(t, "Tango", r.FavoriteTechnician.FirstName)
		require.NotNil(t, r.BranchOffice)
		assert.Equal(t, "Strasbourg", r.BranchOffice.Name)
		require.NotNil(t, r.ProductDepot)
		assert.Empty(t, r.ProductDepot.Code)
		assert.Empty(t, r.Extra)

		require.NotNil(t, got.Indicators)
		assert.Equal(t, "30000000493", got.Indicators.Code)
		assert.Equal(t, "P0000001", got.Indicators.Prospect)
		assert.Equal(t, divalto.Number("5"), got.Indicators.DataQuality)
		assert.Equal(t, divalto.Number("26"), got.Indicators.OpenedQuotes)
		assert.Equal(t, divalto.Ref{Code: "B"}, got.Indicators.Potential)
		assert.True(t, got.Indicators.Has("turnoverN"))
	})
}

func TestGeneratedIndicatorsAndReferential(t *testing.T) {
	t.Parallel()
	srv := start(t)
	srv.AddGenericType(divalto.GenericType{Code: divalto.ParseRef("M"), DataType: "CIVILITY", Label: "Monsieur"})
	srv.AddGenericType(divalto.GenericType{Code: divalto.NewRef("PROVINCE", "67"), Label: "Bas-Rhin"})
	srv.AddProductDepot(divalto.ProductDepot{Code: "V1", Label: "Camion 1", Vehicle: "1"})
	srv.AddBaseUser(divalto.BaseUser{Code: "GRO-OUES", LastName: "OUEST"})
	srv.AddBranchOffice(divalto.BranchOffice{Code: "NTE", Name: "Nantes"})
	srv.AddCulture(divalto.Culture{Code: "EN-GB", Label: "English - United Kingdom", Language: "EN"})
	c := client(t, srv)
	put(t, c, record(&divalto.Prospect{Code: "P1", Name: "Un", Civility: divalto.ParseRef("M"),
		Province: divalto.ParseRef("67"), ProductDepot: "V1", BaseUser: "GRO-OUES", BranchOffice: "NTE",
		Culture: "EN-GB", Country: divalto.ParseRef("XX")}))
	got, err := c.Prospects.Get(context.Background(), "P1", divalto.GetOptions{ResultType: divalto.ExtendedRelated, Indicators: true})
	require.NoError(t, err)
	r := got.Related
	assert.Equal(t, "Monsieur", r.Civility.Label)
	assert.Equal(t, "M", r.Civility.OriginalCode)
	assert.Equal(t, "CIVILITY", r.Civility.DataType)
	assert.Equal(t, "Bas-Rhin", r.Province.Label)
	assert.Equal(t, "Camion 1", r.ProductDepot.Label)
	assert.True(t, r.ProductDepot.Vehicle.On())
	assert.Equal(t, "OUEST", r.BaseUser.LastName)
	assert.Equal(t, "Nantes", r.BranchOffice.Name)
	assert.Equal(t, "EN", r.Culture.Language)
	assert.Empty(t, r.Country.Label, "COUNTRY-XX is not in the referential")
	assert.True(t, r.Country.Has("label"))
	assert.Empty(t, r.Family.Label)
	assert.Empty(t, r.FavoriteTechnician.Code)

	require.NotNil(t, got.Indicators)
	assert.NotEmpty(t, got.Indicators.Code, "a generated codeprospectextension")
	assert.Equal(t, "P1", got.Indicators.Prospect)
	assert.True(t, got.Indicators.Has("dataQualityIndicator"))
	assert.Empty(t, got.Indicators.DataQuality)
	again, err := c.Prospects.Get(context.Background(), "P1", divalto.GetOptions{Indicators: true})
	require.NoError(t, err)
	assert.Equal(t, got.Indicators.Code, again.Indicators.Code, "the generated code is stable")
}

func TestCustomerType(t *testing.T) {
	t.Parallel()
	srv := start(t)
	c := client(t, srv)
	ctx := context.Background()
	put(t, c,
		record(&divalto.Prospect{Code: "P1", Name: "Sans type"}),
		record(&divalto.Prospect{Code: "S1", Name: "Suspect", CustomerType: divalto.ParseRef("CTSUS")}),
		record(&divalto.Prospect{Code: "C1", Name: "Client", ProspectType: divalto.NewRef("CUSTOMER_TYPE", "CTC")}),
	)
	p1, _ := srv.Prospect("P1")
	assert.Equal(t, divalto.CustomerTypeProspect, p1.ProspectType, "CTP on create")
	s1, _ := srv.Prospect("S1")
	assert.True(t, s1.ProspectType.IsZero(), "stored under the name sent")
	assert.Equal(t, divalto.NewRef("CUSTOMER_TYPE", "CTSUS"), s1.CustomerType)

	for code, want := range map[string]string{"P1": "CTP", "S1": "CTSUS", "C1": "CTC"} {
		got, err := c.Prospects.Get(ctx, code, divalto.GetOptions{ResultType: divalto.Extended})
		require.NoError(t, err)
		assert.Equal(t, divalto.Ref{Code: want}, got.ProspectType, code)
	}

	// An update without a type keeps it; one under the other name replaces it.
	put(t, c, record(&divalto.Prospect{Code: "S1", Name: "Suspect", City: "Lyon"}))
	s1, _ = srv.Prospect("S1")
	assert.Equal(t, "CTSUS", s1.CustomerType.Code)
	put(t, c, record(&divalto.Prospect{Code: "S1", Name: "Suspect", ProspectType: divalto.ParseRef("CTP")}))
	s1, _ = srv.Prospect("S1")
	assert.True(t, s1.CustomerType.IsZero())
	assert.Equal(t, "CTP", s1.ProspectType.Code)
}

func TestMergeKeepsFieldsNotSent(t *testing.T) {
	t.Parallel()
	srv := start(t)
	c := client(t, srv)
	put(t, c, record(&divalto.Prospect{Code: "P1", Name: "Un", City: "Lyon", Address1: "1 rue", Address2: "bât. A", Comment: "x"}))
	p := &divalto.Prospect{Code: "P1", Name: "Un bis"}
	require.NoError(t, p.SendNull("address1"))
	require.NoError(t, p.SendEmpty("address2"))
	put(t, c, record(p))
	got, ok := srv.Prospect("P1")
	require.True(t, ok)
	assert.Equal(t, "Un bis", got.Name)
	assert.Equal(t, "Lyon", got.City, "not sent: kept")
	assert.Equal(t, "x", got.Comment)
	assert.True(t, got.IsNull("address1"))
	assert.True(t, got.Has("address2"))
	assert.False(t, got.IsNull("address2"))
	assert.Empty(t, got.Address2)
	assert.Equal(t, []string{"P1"}, srv.Codes())
}

func TestIndividualMainContact(t *testing.T) {
	t.Parallel()
	srv := start(t)
	c := client(t, srv)
	put(t, c, record(&divalto.Prospect{Code: "P1", Name: "Société", Email: "a@b.fr"}))
	_, ok := srv.MainContact("P1")
	assert.False(t, ok, "not an individual")

	p := &divalto.Prospect{Code: "I1", Name: "DUPONT Jean", IsIndividual: true, Civility: divalto.ParseRef("M"),
		Email: "jean@dupont.fr", Phone: "01 02 03 04 05"}
	put(t, c, record(p))
	created, ok := srv.MainContact("I1")
	require.True(t, ok)
	assert.Equal(t, divaltotest.Contact{Code: created.Code, Prospect: "I1", Name: "DUPONT Jean", Civility: "CIVILITY-M",
		Email: "jean@dupont.fr", Phone: "01 02 03 04 05", Main: true}, created)
	assert.NotEmpty(t, created.Code)

	// The second PUT updates it, even without isIndividual (kept from the first).
	put(t, c, record(&divalto.Prospect{Code: "I1", Name: "DUPONT Jean", Email: "jd@dupont.fr", MobilePhone: "06 00 00 00 00"}))
	updated, ok := srv.MainContact("I1")
	require.True(t, ok)
	assert.Equal(t, created.Code, updated.Code)
	assert.Equal(t, 1, updated.Updates)
	assert.Equal(t, "jd@dupont.fr", updated.Email)
	assert.Equal(t, "06 00 00 00 00", updated.MobilePhone)
	assert.True(t, updated.Main)
}

func TestBatchLimit(t *testing.T) {
	t.Parallel()
	srv := start(t)
	srv.SetMaxPerPut(2)
	c := client(t, srv, divalto.WithMaxPerPut(3))
	var records []divalto.ProspectRecord
	for i := range 7 {
		records = append(records, record(&divalto.Prospect{Code: fmt.Sprintf("P%d", i), Name: "n"}))
	}
	out, err := c.Prospects.Put(context.Background(), records...)
	require.Error(t, err)
	assert.ErrorIs(t, err, divalto.ErrRejected)
	var e *divalto.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, http.StatusBadRequest, e.StatusCode)
	assert.Contains(t, e.Message, "at most 2")
	require.Len(t, out, 7)
	for i, o := range out {
		want := divalto.NotSent
		if i < 3 {
			want = divalto.Refused
		}
		assert.Equal(t, want, o.Result, i)
	}
	assert.Empty(t, srv.Codes())
	assert.Equal(t, [][]string{{"P0", "P1", "P2"}}, srv.Puts())
	assert.Equal(t, 1, srv.Calls(divalto.VerbPut))

	// Within the limit, the batches go through.
	c2 := client(t, srv, divalto.WithMaxPerPut(2))
	out, err = c2.Prospects.Put(context.Background(), records...)
	require.NoError(t, err)
	assert.Equal(t, divalto.Done, out[6].Result)
	assert.Len(t, srv.Codes(), 7)
	assert.Len(t, srv.Puts(), 5)
}

func TestRecode(t *testing.T) {
	t.Parallel()
	srv := start(t)
	srv.AddProspect(divalto.Prospect{Code: "S0000001", Name: "CHEZ SOI", City: "DIJON", CustomerType: divalto.NewRef("CUSTOMER_TYPE", "CTSUS")},
		divalto.ProspectUser{Code: "S0000001-95", BaseUser: "95"})
	srv.AddProspect(divalto.Prospect{Code: "OTHER", Name: "Autre"})
	srv.SetIndicators("S0000001", divalto.Indicators{DataQuality: "3"})
	assert.Equal(t, 0, srv.Calls(divalto.VerbPut), "AddProspect is not a call")
	c := client(t, srv)
	ctx := context.Background()

	require.NoError(t, c.Prospects.Recode(ctx, "S0000001", "P0000001", "CHEZ SOI"))
	assert.Equal(t, []string{"P0000001", "OTHER"}, srv.Codes(), "the recoded prospect keeps its place")
	_, ok := srv.Prospect("S0000001")
	assert.False(t, ok)
	got, ok := srv.Prospect("P0000001")
	require.True(t, ok)
	assert.Equal(t, "S0000001", got.InternalCode)
	assert.Equal(t, "DIJON", got.City, "the suspect's fields are kept")
	assert.Equal(t, divalto.CustomerTypeProspect, got.CustomerType)
	users := srv.Users("P0000001")
	require.Len(t, users, 1)
	assert.Equal(t, "P0000001", users[0].Prospect)
	assert.Empty(t, srv.Users("S0000001"))

	_, err := c.Prospects.Get(ctx, "S0000001", divalto.GetOptions{})
	assert.ErrorIs(t, err, divalto.ErrNotFound)
	p, err := c.Prospects.Get(ctx, "P0000001", divalto.GetOptions{ResultType: divalto.Extended, Indicators: true})
	require.NoError(t, err)
	assert.Equal(t, "CTP", p.ProspectType.Code)
	assert.Equal(t, divalto.Number("3"), p.Indicators.DataQuality, "indicators follow")

	// Recoding again is an update (the suspect is gone); recoding into an
	// existing prospect is refused.
	require.NoError(t, c.Prospects.Recode(ctx, "S0000001", "P0000001", "CHEZ SOI"))
	srv.AddProspect(divalto.Prospect{Code: "S2", Name: "Deux"})
	err = c.Prospects.Recode(ctx, "S2", "OTHER", "Autre")
	assert.ErrorIs(t, err, divalto.ErrRejected)
	assert.Equal(t, []string{"P0000001", "OTHER", "S2"}, srv.Codes())
}

func TestDeleteCascades(t *testing.T) {
	t.Parallel()
	srv := start(t)
	c := client(t, srv)
	ctx := context.Background()
	put(t, c,
		record(&divalto.Prospect{Code: "P1", Name: "Un", IsIndividual: true},
			divalto.ProspectUser{Code: "P1-95", BaseUser: "95"}, divalto.ProspectUser{Code: "P1-T", BaseUser: "TECH1"}),
		record(&divalto.Prospect{Code: "P2", Name: "Deux"}, divalto.ProspectUser{Code: "P2-95", BaseUser: "95"}),
	)
	require.Len(t, srv.Users("P1"), 2)
	_, ok := srv.MainContact("P1")
	require.True(t, ok)

	require.NoError(t, c.Prospects.Delete(ctx, "P1"))
	assert.Empty(t, srv.Users("P1"))
	_, ok = srv.MainContact("P1")
	assert.False(t, ok)
	assert.Len(t, srv.Users("P2"), 1)
	assert.Equal(t, []string{"P2"}, srv.Codes())
	_, err := c.Prospects.Get(ctx, "P1", divalto.GetOptions{})
	assert.ErrorIs(t, err, divalto.ErrNotFound)

	err = c.Prospects.Delete(ctx, "P1")
	assert.ErrorIs(t, err, divalto.ErrNotFound)
	assert.Equal(t, 2, srv.Calls(divalto.VerbDelete))
}

func TestUsersUpsert(t *testing.T) {
	t.Parallel()
	srv := start(t)
	c := client(t, srv)
	put(t, c, record(&divalto.Prospect{Code: "P1", Name: "Un"},
		divalto.ProspectUser{Code: "P1-95", BaseUser: "95", Category: divalto.ParseRef("1")}))
	put(t, c, record(&divalto.Prospect{Code: "P1", Name: "Un"},
		divalto.ProspectUser{Code: "P1-95", BaseUser: "96"}, divalto.ProspectUser{Code: "P1-T", BaseUser: "TECH1"}))
	users := srv.Users("P1")
	require.Len(t, users, 2)
	assert.Equal(t, "96", users[0].BaseUser)
	assert.Equal(t, "1", users[0].Category.Code, "merged: the category not sent is kept")
	assert.Equal(t, "P1-T", users[1].Code)
}

func tenProspects(srv *divaltotest.Server) {
	for i := 1; i <= 10; i++ {
		srv.AddProspect(divalto.Prospect{Code: fmt.Sprintf("P%02d", i), Name: fmt.Sprintf("Name %c", 'K'-i)})
	}
}

func TestListPages(t *testing.T) {
	t.Parallel()
	srv := start(t)
	srv.SetPageSize(3)
	tenProspects(srv)
	c := client(t, srv)
	ctx := context.Background()

	var codes []string
	for p, err := range c.Prospects.All(ctx, divalto.ListOptions{}) {
		require.NoError(t, err)
		codes = append(codes, p.Code)
	}
	assert.Equal(t, srv.Codes(), codes)
	assert.Len(t, codes, 10)
	assert.Equal(t, 4, srv.Calls(divalto.VerbList))

	page, err := c.Prospects.List(ctx, divalto.ListOptions{Page: 4, Type: divalto.Extended, Indicators: true})
	require.NoError(t, err)
	assert.Equal(t, 4, page.Number)
	assert.Equal(t, 4, page.MaxPage)
	require.Len(t, page.Prospects, 1)
	assert.Equal(t, "P10", page.Prospects[0].Code)
	assert.True(t, page.Prospects[0].Has("deliveryDays"), "extended")
	require.NotNil(t, page.Prospects[0].Indicators)
	assert.Equal(t, "P10", page.Prospects[0].Indicators.Prospect)

	page, err = c.Prospects.List(ctx, divalto.ListOptions{Page: 5})
	require.NoError(t, err)
	assert.Empty(t, page.Prospects)
	assert.Equal(t, 4, page.MaxPage)

	page, err = c.Prospects.List(ctx, divalto.ListOptions{Filters: divalto.Filters{Code: "none"}})
	require.NoError(t, err)
	assert.Empty(t, page.Prospects)
	assert.Equal(t, 1, page.MaxPage, "at least one page")
}

func TestListFilters(t *testing.T) {
	t.Parallel()
	srv := start(t)
	srv.SetPageSize(100)
	seed := []divalto.Prospect{
		{Code: "A1", Name: "Boulangerie Martin", City: "Lyon", Email: "contact@martin.fr", Country: divalto.NewRef("COUNTRY", "FR"),
			Family: divalto.NewRef("CUSTOMER_FAMILY", "Est"), BaseUser: "25", BranchOffice: "SXB", SiretNumber: "12345678900011"},
		{Code: "A2", Name: "ateliers dupont", City: "Lyon 3e", Email: "info@dupont.com", Country: divalto.NewRef("COUNTRY", "BE"),
			BaseUser: "26", BranchOffice: "NTE"},
		{Code: "A3", Name: "Martinez SA", City: "Villeurbanne", Email: "x@MARTIN.FR", Country: divalto.ParseRef("FR")},
		{Code: "A4", Name: "Zèbre", City: "Paris"},
	}
	for _, p := range seed {
		srv.AddProspect(p)
	}
	blank := divalto.Prospect{Code: "A5", Name: "Vide"}
	require.NoError(t, blank.SendEmpty("email", "siretNumber"))
	srv.AddProspect(blank)
	paris := func(s string) time.Time {
		at, err := time.ParseInLocation(divalto.DateTimeLayout, s, divalto.Paris)
		require.NoError(t, err)
		return at
	}
	srv.SetClosedDate("A1", paris("2020-01-01 00:00:00"))
	srv.SetClosedDate("A2", paris("2024-06-01 12:00:00"))
	c := client(t, srv)

	tests := []struct {
		name string
		opts divalto.ListOptions
		want []string
	}{
		{"none", divalto.ListOptions{}, []string{"A1", "A2", "A3", "A4", "A5"}},
		{"code equal", divalto.ListOptions{Filters: divalto.Filters{Code: "A2"}}, []string{"A2"}},
		{"code equal ignores case", divalto.ListOptions{Filters: divalto.Filters{Code: "a2"}}, []string{"A2"}},
		{"code a|b|c", divalto.ListOptions{Filters: divalto.Filters{Code: divalto.AnyOf("A1", "A3", "ZZ")}}, []string{"A1", "A3"}},
		{"code equal is not contains", divalto.ListOptions{Filters: divalto.Filters{Code: "A"}}, nil},
		{"country bare", divalto.ListOptions{Filters: divalto.Filters{Country: "FR"}}, []string{"A1", "A3"}},
		{"country qualified", divalto.ListOptions{Filters: divalto.Filters{Country: "COUNTRY-BE"}}, []string{"A2"}},
		{"country null", divalto.ListOptions{Filters: divalto.Filters{Country: divalto.Null}}, []string{"A4", "A5"}},
		{"country a|null", divalto.ListOptions{Filters: divalto.Filters{Country: divalto.AnyOf("BE", divalto.Null)}}, []string{"A2", "A4", "A5"}},
		{"family", divalto.ListOptions{Filters: divalto.Filters{Family: "est"}}, []string{"A1"}},
		{"base user", divalto.ListOptions{Filters: divalto.Filters{BaseUser: divalto.AnyOf("25", "26")}}, []string{"A1", "A2"}},
		{"branch office", divalto.ListOptions{Filters: divalto.Filters{BranchOffice: "nte"}}, []string{"A2"}},
		{"email equal", divalto.ListOptions{Filters: divalto.Filters{Email: "CONTACT@martin.fr"}}, []string{"A1"}},
		{"email null is not blank", divalto.ListOptions{Filters: divalto.Filters{Email: divalto.Null}}, []string{"A4"}},
		{"siret", divalto.ListOptions{Filters: divalto.Filters{SiretNumber: "12345678900011"}}, []string{"A1"}},
		{"siret null", divalto.ListOptions{Filters: divalto.Filters{SiretNumber: divalto.Null}}, []string{"A2", "A3", "A4"}},
		{"name contains", divalto.ListOptions{Filters: divalto.Filters{Name: "MARTIN"}}, []string{"A1", "A3"}},
		{"name contains, accents count", divalto.ListOptions{Filters: divalto.Filters{Name: "zebre"}}, nil},
		{"email domain", divalto.ListOptions{Filters: divalto.Filters{EmailDomain: "@martin.fr"}}, []string{"A1", "A3"}},
		{"city starts with", divalto.ListOptions{Filters: divalto.Filters{City: "lyon"}}, []string{"A1", "A2"}},
		{"city starts with, not contains", divalto.ListOptions{Filters: divalto.Filters{City: "urbanne"}}, nil},
		{"not closed before", divalto.ListOptions{Filters: divalto.Filters{NotClosedBefore: paris("2022-01-01 00:00:00")}}, []string{"A2", "A3", "A4", "A5"}},
		{"not closed before, strictly after", divalto.ListOptions{Filters: divalto.Filters{NotClosedBefore: paris("2024-06-01 12:00:00")}}, []string{"A3", "A4", "A5"}},
		{"anded", divalto.ListOptions{Filters: divalto.Filters{City: "Lyon", Name: "dupont"}}, []string{"A2"}},
		{"name asc", divalto.ListOptions{OrderBy: divalto.NameAsc}, []string{"A2", "A1", "A3", "A5", "A4"}},
		{"top rows", divalto.ListOptions{TopRows: 2}, []string{"A1", "A2"}},
		{"top rows after sort", divalto.ListOptions{OrderBy: divalto.NameAsc, TopRows: 2}, []string{"A2", "A1"}},
		{"top rows after filter", divalto.ListOptions{TopRows: 1, Filters: divalto.Filters{Country: "FR"}}, []string{"A1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			page, err := c.Prospects.List(context.Background(), tt.opts)
			require.NoError(t, err)
			var got []string
			for _, p := range page.Prospects {
				got = append(got, p.Code)
			}
			assert.Equal(t, tt.want, got)
			assert.Equal(t, 1, page.MaxPage)
		})
	}
}

func TestTopRowsPages(t *testing.T) {
	t.Parallel()
	srv := start(t)
	srv.SetPageSize(3)
	tenProspects(srv)
	c := client(t, srv)
	page, err := c.Prospects.List(context.Background(), divalto.ListOptions{TopRows: 5, Page: 2})
	require.NoError(t, err)
	assert.Equal(t, 2, page.MaxPage)
	require.Len(t, page.Prospects, 2)
	assert.Equal(t, "P04", page.Prospects[0].Code)
}

func TestDefinition(t *testing.T) {
	t.Parallel()
	srv := start(t)
	c := client(t, srv)
	raw, err := c.Prospects.Definition(context.Background())
	require.NoError(t, err)
	var def struct {
		Prospect     []string `json:"prospect"`
		ProspectUser []string `json:"prospectuser"`
		Filters      []string `json:"filters"`
	}
	require.NoError(t, json.Unmarshal(raw, &def))
	assert.Equal(t, divalto.ProspectFields(), def.Prospect)
	assert.Equal(t, []string{"codeprospectuser", "prospect_ID", "baseuser_ID", "generictype_ID_category"}, def.ProspectUser)
	assert.Contains(t, def.Filters, "notClosedBefore")
	assert.Equal(t, 1, srv.Calls(divalto.VerbDefinition))
}

func TestHeaderAndFaults(t *testing.T) {
	t.Parallel()
	srv := start(t)
	srv.AddProspect(divalto.Prospect{Code: "P1", Name: "Un"})
	c := client(t, srv, divalto.WithCaller("crm", "1.2"), divalto.WithLanguage(divalto.German), divalto.WithMarkForExport(0))
	srv.FailNext(1, divaltotest.Fault{Kind: divaltotest.Unavailable})
	_, err := c.Prospects.Get(context.Background(), "P1", divalto.GetOptions{})
	require.NoError(t, err, "a GET is retried")
	assert.Equal(t, 1, srv.Calls(divalto.VerbGet), "the 503 did not process the request")
	h := srv.LastHeader()
	assert.Equal(t, "crm", h.Caller)
	assert.Equal(t, "1.2", h.CallerVersion)
	assert.Equal(t, divalto.German, h.Language)
	assert.Equal(t, "0", h.MarkForExport)
	assert.Equal(t, "2", h.WebhookVersion)
	assert.NotEmpty(t, h.CallDateTime)

	srv.FailNext(1, divaltotest.Fault{Kind: divaltotest.DropAfter})
	out, err := c.Prospects.Put(context.Background(), record(&divalto.Prospect{Code: "P2", Name: "Deux"}))
	require.NoError(t, err, "PUT writes by code: retried after a lost answer")
	assert.Equal(t, divalto.Done, out[0].Result)
	assert.Equal(t, 2, srv.Calls(divalto.VerbPut))
	assert.Equal(t, []string{"P1", "P2"}, srv.Codes())
}

// Raw HTTP: the envelope checks.

const validHeader = `{"caller":"test","callerVersion":"1","userCode":"","callDateTime":"2026-01-02 10:00:00","languageCode":"FR","markForExport":"1","webhookVersion":"2"}`

func envelope(header, verb, params, data string) string {
	if params == "" {
		params = "{}"
	}
	if data == "" {
		data = "null"
	}
	return fmt.Sprintf(`{"header":%s,"action":{"verb":%q,"parameters":%s},"data":%s}`, header, verb, params, data)
}

func post(t *testing.T, srv *divaltotest.Server, method, path, body string) (int, map[string]json.RawMessage) {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	resp, err := srv.Client().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	var m map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(b, &m), string(b))
	return resp.StatusCode, m
}

func errText(t *testing.T, m map[string]json.RawMessage) string {
	t.Helper()
	var s string
	require.NoError(t, json.Unmarshal(m["error"], &s))
	return s
}

func TestEnvelopeChecks(t *testing.T) {
	t.Parallel()
	srv := start(t)
	path := webhookPath(t, divaltotest.Company, divaltotest.EntryPoint)
	get := `{"resultType":"simple"}`
	code := `{"prospect":{"codeprospect":"P1"}}`
	header := func(k, v string) string {
		return strings.Replace(validHeader, fmt.Sprintf(`"%s":"`, k), fmt.Sprintf(`"%s":%s,"x":"`, k, v), 1)
	}
	tests := []struct {
		name, method, path, body string
		status                   int
		msg                      string
	}{
		{"GET method", http.MethodGet, path, "", http.StatusMethodNotAllowed, "POST"},
		{"unknown company", http.MethodPost, webhookPath(t, "ACME", divaltotest.EntryPoint), envelope(validHeader, "GET", get, code), http.StatusNotFound, `"ACME"`},
		{"unknown entry point", http.MethodPost, webhookPath(t, divaltotest.Company, "SPEWHK_X"), envelope(validHeader, "GET", get, code), http.StatusNotFound, `"SPEWHK_X"`},
		{"other path", http.MethodPost, "/v1/other", "{}", http.StatusNotFound, "no webhook"},
		{"bad JSON", http.MethodPost, path, `{"header":`, http.StatusBadRequest, "JSON"},
		{"bad language", http.MethodPost, path, envelope(header("languageCode", `"XX"`), "GET", get, code), http.StatusBadRequest, "languageCode"},
		{"bad markForExport", http.MethodPost, path, envelope(header("markForExport", `3`), "GET", get, code), http.StatusBadRequest, "markForExport"},
		{"bad webhookVersion", http.MethodPost, path, envelope(header("webhookVersion", `"3"`), "GET", get, code), http.StatusBadRequest, "webhookVersion"},
		{"unknown verb", http.MethodPost, path, envelope(validHeader, "PATCH", get, code), http.StatusBadRequest, "verb"},
		{"bad resultType", http.MethodPost, path, envelope(validHeader, "GET", `{"resultType":"full"}`, code), http.StatusBadRequest, "resultType"},
		{"GET without code", http.MethodPost, path, envelope(validHeader, "GET", get, `{"prospect":{}}`), http.StatusBadRequest, "codeprospect"},
		{"GET unknown prospect", http.MethodPost, path, envelope(validHeader, "GET", get, code), http.StatusNotFound, `"P1"`},
		{"DELETE unknown prospect", http.MethodPost, path, envelope(validHeader, "DELETE", "", code), http.StatusNotFound, `"P1"`},
		{"LIST extendedRelated", http.MethodPost, path, envelope(validHeader, "LIST", `{"listType":"extendedRelated"}`, ""), http.StatusBadRequest, "extendedRelated"},
		{"LIST unknown filter", http.MethodPost, path, envelope(validHeader, "LIST", `{"filters":{"town":"Lyon","city":"Lyon"}}`, ""), http.StatusBadRequest, `town`},
		{"LIST bad page", http.MethodPost, path, envelope(validHeader, "LIST", `{"pageNumber":0}`, ""), http.StatusBadRequest, "pageNumber"},
		{"LIST bad orderBy", http.MethodPost, path, envelope(validHeader, "LIST", `{"orderBy":"nameDesc"}`, ""), http.StatusBadRequest, "orderBy"},
		{"LIST bad notClosedBefore", http.MethodPost, path, envelope(validHeader, "LIST", `{"filters":{"notClosedBefore":"yesterday"}}`, ""), http.StatusBadRequest, "notClosedBefore"},
		{"PUT without data", http.MethodPost, path, envelope(validHeader, "PUT", "", ""), http.StatusBadRequest, "data"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			status, body := post(t, srv, tt.method, tt.path, tt.body)
			assert.Equal(t, tt.status, status)
			assert.Contains(t, errText(t, body), tt.msg)
		})
	}
}

func TestEnvelopeAccepts(t *testing.T) {
	t.Parallel()
	srv := start(t)
	srv.AddProspect(divalto.Prospect{Code: "P1", Name: "Un", Country: divalto.NewRef("COUNTRY", "FR")})
	path := webhookPath(t, divaltotest.Company, divaltotest.EntryPoint)

	// Numbers in the header, GET with defaults.
	numeric := `{"caller":"test","languageCode":"FR-CA","markForExport":2,"webhookVersion":1}`
	status, body := post(t, srv, http.MethodPost, path, envelope(numeric, "GET", "", `{"prospect":{"codeprospect":"P1"}}`))
	require.Equal(t, http.StatusOK, status)
	assert.JSONEq(t, numeric, string(body["header"]), "the header is echoed")
	var data struct {
		Prospect map[string]any `json:"prospect"`
	}
	require.NoError(t, json.Unmarshal(body["data"], &data))
	assert.Len(t, data.Prospect, len(divalto.SimpleFields()))
	assert.Equal(t, "FR", data.Prospect["generictype_ID_country"])
	assert.Equal(t, "", data.Prospect["address1"])
	assert.Equal(t, "2", srv.LastHeader().MarkForExport)

	// An empty header takes the defaults; PUT answers the header only.
	rec := `[{"prospect":{"codeprospect":"P2","name":"Deux","workforce":12,"blocked":false}},{"prospect":{"codeprospect":"P3","name":"Trois"},"prospectuser":{"codeprospectuser":"P3-1","baseuser_ID":1}}]`
	status, body = post(t, srv, http.MethodPost, path, envelope(`{}`, "PUT", "", rec))
	require.Equal(t, http.StatusOK, status, string(body["error"]))
	assert.Equal(t, []string{"header"}, keys(body))
	p2, ok := srv.Prospect("P2")
	require.True(t, ok)
	assert.Equal(t, divalto.Number("12"), p2.Workforce)
	assert.True(t, p2.Has("blocked"))
	users := srv.Users("P3")
	require.Len(t, users, 1)
	assert.Equal(t, "1", users[0].BaseUser)
	assert.Equal(t, "P3", users[0].Prospect, "prospect_ID defaults to the record's prospect")

	// LIST answers the page numbers as strings.
	status, body = post(t, srv, http.MethodPost, path, envelope(validHeader, "LIST", `{"pageNumber":"1"}`, ""))
	require.Equal(t, http.StatusOK, status)
	var list struct {
		Prospect      []map[string]string `json:"prospect"`
		PageNumber    string              `json:"pageNumber"`
		MaxPageNumber string              `json:"maxPageNumber"`
	}
	require.NoError(t, json.Unmarshal(body["data"], &list))
	assert.Len(t, list.Prospect, 3)
	assert.Equal(t, "1", list.PageNumber)
	assert.Equal(t, "1", list.MaxPageNumber)
}

func keys(m map[string]json.RawMessage) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestPutIsAllOrNothing(t *testing.T) {
	t.Parallel()
	srv := start(t)
	path := webhookPath(t, divaltotest.Company, divaltotest.EntryPoint)
	tests := []struct {
		name, data, msg string
	}{
		{"missing name", `[{"prospect":{"codeprospect":"P1","name":"Un"}},{"prospect":{"codeprospect":"P2"}}]`, "records[1].prospect.name is required"},
		{"missing code", `[{"prospect":{"codeprospect":"P1","name":"Un"}},{"prospect":{"name":"Deux","codeprospect":""}}]`, "records[1].prospect.codeprospect is required"},
		{"user without base user", `{"prospect":{"codeprospect":"P1","name":"Un"},"prospectuser":[{"codeprospectuser":"U1"}]}`, "baseuser_ID is required"},
		{"user without code", `{"prospect":{"codeprospect":"P1","name":"Un"},"prospectuser":[{"baseuser_ID":"95"}]}`, "codeprospectuser is required"},
		{"user of an unknown prospect", `{"prospect":{"codeprospect":"P1","name":"Un"},"prospectuser":[{"codeprospectuser":"U1","baseuser_ID":"95","prospect_ID":"ZZ"}]}`, `unknown prospect "ZZ"`},
		{"object value", `{"prospect":{"codeprospect":"P1","name":"Un","city":{"x":1}}}`, "city is not a string"},
		{"unreadable flag", `{"prospect":{"codeprospect":"P1","name":"Un","blocked":"maybe"}}`, "blocked"},
		{"no prospect", `{"prospectuser":[]}`, "prospect is required"},
		{"empty array", `[]`, "no record"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			status, body := post(t, srv, http.MethodPost, path, envelope(validHeader, "PUT", "", tt.data))
			assert.Equal(t, http.StatusBadRequest, status)
			assert.Contains(t, errText(t, body), tt.msg)
			assert.NotNil(t, body["header"])
		})
	}
	t.Cleanup(func() { assert.Empty(t, srv.Codes(), "nothing written") })
}

func TestGetNotFoundThroughClient(t *testing.T) {
	t.Parallel()
	srv := start(t)
	c := client(t, srv)
	_, err := c.Prospects.Get(context.Background(), "NOPE", divalto.GetOptions{})
	require.Error(t, err)
	assert.ErrorIs(t, err, divalto.ErrNotFound)
	var e *divalto.Error
	require.True(t, errors.As(err, &e))
	assert.Contains(t, e.Message, "NOPE")
}

func TestGetThenPutBack(t *testing.T) {
	t.Parallel()
	srv := start(t)
	c := client(t, srv)
	ctx := context.Background()
	put(t, c, record(chezSoi()))
	before, _ := srv.Prospect("P0000001")

	got, err := c.Prospects.Get(ctx, "P0000001", divalto.GetOptions{ResultType: divalto.ExtendedRelated, Indicators: true})
	require.NoError(t, err)
	put(t, c, record(got))
	after, _ := srv.Prospect("P0000001")
	assert.Equal(t, before.Country, after.Country, "the bare code is qualified again")
	assert.Equal(t, before.Family, after.Family)
	assert.Equal(t, before.ProspectType, after.ProspectType)
	assert.Equal(t, before.Name, after.Name)
	assert.Equal(t, before.Workforce, after.Workforce)
	assert.Equal(t, before.DivinfCurrency, after.DivinfCurrency, "not answered by GET, so not sent back")
	for _, f := range divalto.ExtendedFields() {
		if f == "generictype_ID_prospectPotential" {
			f = "generictype_ID_customerPotential" // GET's name of the potential, sent under PUT's
		}
		assert.True(t, after.Has(f), f)
	}
}

func webhookPath(t *testing.T, company, entryPoint string) string {
	t.Helper()
	p, err := divalto.WebhookPath(company, entryPoint)
	require.NoError(t, err)
	return p
}

// TestPUTNamesAreTheDocuments: the potential's PUT name is
// generictype_ID_customerPotential; GET's generictype_ID_prospectPotential
// sent in a PUT is not the potential.
func TestPUTNamesAreTheDocuments(t *testing.T) {
	t.Parallel()
	srv := start(t)
	path := webhookPath(t, divaltotest.Company, divaltotest.EntryPoint)
	get := func(code string) map[string]json.RawMessage {
		status, body := post(t, srv, http.MethodPost, path, envelope(validHeader, "GET", `{"resultType":"extended"}`, `{"prospect":{"codeprospect":"`+code+`"}}`))
		require.Equal(t, http.StatusOK, status)
		var data struct {
			Prospect map[string]json.RawMessage `json:"prospect"`
		}
		require.NoError(t, json.Unmarshal(body["data"], &data))
		return data.Prospect
	}
	for _, tc := range []struct {
		name, field, value, want string
	}{
		{"PUT's name", "generictype_ID_customerPotential", "CUSTOMER_POTENTIAL-B", `"B"`},
		{"GET's name is no PUT field", "generictype_ID_prospectPotential", "B", `""`},
	} {
		code := "P-" + tc.field
		status, body := post(t, srv, http.MethodPost, path, envelope(validHeader, "PUT", "",
			`{"prospect":{"codeprospect":"`+code+`","name":"X","`+tc.field+`":"`+tc.value+`"}}`))
		require.Equal(t, http.StatusOK, status, tc.name, string(body["error"]))
		assert.JSONEq(t, tc.want, string(get(code)["generictype_ID_prospectPotential"]), tc.name)
	}
}

// TestBareCodeWithADash: a reference is answered without its field's data
// type only: CUSTOMER_FAMILY-GRAND-EST is GRAND-EST, and GRAND-EST stays
// GRAND-EST.
func TestBareCodeWithADash(t *testing.T) {
	t.Parallel()
	srv := start(t)
	c := client(t, srv)
	ctx := context.Background()
	put(t, c, record(&divalto.Prospect{Code: "P1", Name: "X", Family: divalto.Ref{Code: "GRAND-EST"}, Market: divalto.NewRef("MARKET", "BIG-BOX")}))
	stored, _ := srv.Prospect("P1")
	assert.Equal(t, divalto.NewRef("CUSTOMER_FAMILY", "GRAND-EST"), stored.Family)
	srv.AddProspect(divalto.Prospect{Code: "P2", Name: "Y", Family: divalto.Ref{Code: "GRAND-EST"}})
	for _, code := range []string{"P1", "P2"} {
		p, err := c.Prospects.Get(ctx, code, divalto.GetOptions{ResultType: divalto.Extended})
		require.NoError(t, err)
		assert.Equal(t, divalto.Ref{Code: "GRAND-EST"}, p.Family, code)
		require.NoError(t, p.Validate(), code)
	}
	page, err := c.Prospects.List(ctx, divalto.ListOptions{Filters: divalto.Filters{Family: "CUSTOMER_FAMILY-GRAND-EST"}})
	require.NoError(t, err)
	assert.Len(t, page.Prospects, 2, "the filter compares bare codes")
}

// TestUpdateWithoutName: the name is needed to create a prospect, not to
// update one by its code.
func TestUpdateWithoutName(t *testing.T) {
	t.Parallel()
	srv := start(t)
	path := webhookPath(t, divaltotest.Company, divaltotest.EntryPoint)
	status, body := post(t, srv, http.MethodPost, path, envelope(validHeader, "PUT", "", `{"prospect":{"codeprospect":"P1"}}`))
	require.Equal(t, http.StatusBadRequest, status)
	assert.Contains(t, errText(t, body), "records[0].prospect.name is required")
	srv.AddProspect(divalto.Prospect{Code: "P1", Name: "Un"})
	status, body = post(t, srv, http.MethodPost, path, envelope(validHeader, "PUT", "", `{"prospect":{"codeprospect":"P1","city":"DIJON"}}`))
	require.Equal(t, http.StatusOK, status, string(body["error"]))
	p, _ := srv.Prospect("P1")
	assert.Equal(t, "Un", p.Name)
	assert.Equal(t, "DIJON", p.City)
}

// TestOddValuesSurviveAGetAndAPut: what weavy holds, read and written back
// through the client, is stored again unchanged.
func TestOddValuesSurviveAGetAndAPut(t *testing.T) {
	t.Parallel()
	srv := start(t)
	c := client(t, srv)
	ctx := context.Background()
	srv.AddProspect(divalto.Prospect{Code: "P1", Name: strings.Repeat("N", 300), Email: "a@b.fr;c@d.fr", Workforce: "2.5",
		Family: divalto.NewRef("CUSTOMER_FAMILY", "GRAND-EST"), ProspectPotential: divalto.Ref{Code: "IGNORED"},
		CustomerPotential: divalto.NewRef("CUSTOMER_POTENTIAL", "B"), City: "DIJON\nCEDEX"})
	before, _ := srv.Prospect("P1")
	p, err := c.Prospects.Get(ctx, "P1", divalto.GetOptions{ResultType: divalto.Extended})
	require.NoError(t, err)
	assert.Equal(t, divalto.Ref{Code: "B"}, p.ProspectPotential, "GET answers the PUT column")
	put(t, c, record(p))
	after, _ := srv.Prospect("P1")
	for _, f := range []string{"name", "email", "workforce", "generictype_ID_prospectFamily", "generictype_ID_customerPotential", "city"} {
		b, _ := json.Marshal(before)
		a, _ := json.Marshal(after)
		var mb, ma map[string]json.RawMessage
		require.NoError(t, json.Unmarshal(b, &mb))
		require.NoError(t, json.Unmarshal(a, &ma))
		assert.JSONEq(t, string(mb[f]), string(ma[f]), f)
	}
}

// TestAuditPutIsAsStrictAsTheDocument: the fake refuses what WebHook
// Prospect (V5.7) forbids (the Varchar sizes, Int, Double, e-mails, the
// data type of references, 0/1 flags, the DIVINF enums) with a 400, and
// takes what it allows.
func TestAuditPutIsAsStrictAsTheDocument(t *testing.T) {
	t.Parallel()
	srv := start(t)
	path := webhookPath(t, divaltotest.Company, divaltotest.EntryPoint)
	long := strings.Repeat("n", 300)
	for _, tt := range []struct{ name, fields, field string }{
		{"name of 300 characters", `"name":"` + long + `"`, "name"},
		{"workforce 2.5", `"name":"Un","workforce":"2.5"`, "workforce"},
		{"discountRate abc", `"name":"Un","discountRate":"abc"`, "discountRate"},
		{"email not-an-email", `"name":"Un","email":"not-an-email"`, "email"},
		{"country of another data type", `"name":"Un","generictype_ID_country":"PROVINCE-X"`, "generictype_ID_country"},
		{"postalCode of 20 characters", `"name":"Un","postalCode":"12345678901234567890"`, "postalCode"},
		{"flag 2", `"name":"Un","blocked":"2"`, "blocked"},
		{"flag number 2", `"name":"Un","blocked":2`, "blocked"},
		{"flag Y", `"name":"Un","unused":"Y"`, "unused"},
		{"discount type X", `"name":"Un","divinf_remtyp1":"X"`, "divinf_remtyp1"},
		{"discount type 9", `"name":"Un","divinf_remtyp1":"9"`, "divinf_remtyp1"},
		{"referencing O", `"name":"Un","divinf_rftctrcod":"O"`, "divinf_rftctrcod"},
		{"user's category of another type", `"name":"Un"},"prospectuser":[{"codeprospectuser":"U1","baseuser_ID":"95","generictype_ID_category":"ROLE-1"}],"x":{"y":1`, "generictype_ID_category"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code := "S-" + strings.ReplaceAll(tt.name, " ", "-")
			status, body := post(t, srv, http.MethodPost, path, envelope(validHeader, "PUT", "", `{"prospect":{"codeprospect":"`+code+`",`+tt.fields+`}}`))
			assert.Equal(t, http.StatusBadRequest, status)
			assert.Contains(t, errText(t, body), tt.field)
			_, stored := srv.Prospect(code)
			assert.False(t, stored, "nothing written")
		})
	}
	for _, tt := range []struct{ name, fields string }{
		{"name of 255 characters", `"name":"` + long[:255] + `"`},
		{"workforce 25, a number", `"name":"Un","workforce":25`},
		{"discountRate 0.5", `"name":"Un","discountRate":"0.5"`},
		{"email", `"name":"Un","email":"a@b.fr"`},
		{"country qualified", `"name":"Un","generictype_ID_country":"COUNTRY-FR"`},
		{"postalCode of 16 characters", `"name":"Un","postalCode":"1234567890123456"`},
		{"flags 0, 1, true", `"name":"Un","blocked":"1","unused":0,"isIndividual":true`},
		{"discount type 4, referencing 2", `"name":"Un","divinf_remtyp1":"4","divinf_rftctrcod":2`},
		{"nulls and blanks", `"name":"Un","city":null,"workforce":"","blocked":""`},
	} {
		t.Run("accepts "+tt.name, func(t *testing.T) {
			t.Parallel()
			code := "A-" + strings.ReplaceAll(tt.name, " ", "-")
			status, body := post(t, srv, http.MethodPost, path, envelope(validHeader, "PUT", "", `{"prospect":{"codeprospect":"`+code+`",`+tt.fields+`}}`))
			require.Equal(t, http.StatusOK, status, "%v", body)
			_, stored := srv.Prospect(code)
			assert.True(t, stored)
		})
	}
}

// TestAuditPutNeedsANameOnlyToCreate: an update of one field passes, a
// create without a name is refused.
func TestAuditPutNeedsANameOnlyToCreate(t *testing.T) {
	t.Parallel()
	srv := start(t)
	srv.AddProspect(divalto.Prospect{Code: "P1", Name: "Un"})
	c := client(t, srv)
	ctx := context.Background()
	p := &divalto.Prospect{Code: "P1", Email: "x@y.fr"}
	require.NoError(t, p.Validate(), "an update needs no name")
	_, err := c.Prospects.Put(ctx, divalto.ProspectRecord{Prospect: p})
	require.NoError(t, err)
	got, ok := srv.Prospect("P1")
	require.True(t, ok)
	assert.Equal(t, "Un", got.Name)
	assert.Equal(t, "x@y.fr", got.Email)

	_, err = c.Prospects.Put(ctx, divalto.ProspectRecord{Prospect: &divalto.Prospect{Code: "P9", Email: "x@y.fr"}})
	assert.ErrorIs(t, err, divalto.ErrRejected)
	assert.NotContains(t, srv.Codes(), "P9")
}
