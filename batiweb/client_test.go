package batiweb_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/passerelle-go/passerelle/batiweb"
	"github.com/passerelle-go/passerelle/batiweb/batiwebtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const password = `Pa55"w0rd/é`

// mocked is a client whose every request gets body with HTTP status.
func mocked(t *testing.T, status int, body string, opts ...batiweb.Option) *batiweb.Client {
	t.Helper()
	mt := httpmock.NewMockTransport()
	mt.RegisterNoResponder(httpmock.NewStringResponder(status, body))
	opts = append([]batiweb.Option{batiweb.WithHTTPClient(&http.Client{Transport: mt}), batiweb.WithRetry(0, 0, 0)}, opts...)
	c, err := batiweb.New("login", password, batiweb.Prep, opts...)
	require.NoError(t, err)
	return c
}

func TestNewChecksItsArguments(t *testing.T) {
	t.Parallel()
	for name, f := range map[string]func() (*batiweb.Client, error){
		"no login":    func() (*batiweb.Client, error) { return batiweb.New("", "p", batiweb.Prep) },
		"no password": func() (*batiweb.Client, error) { return batiweb.New("l", "", batiweb.Prep) },
		"bad env":     func() (*batiweb.Client, error) { return batiweb.New("l", "p", "staging") },
		"bad base URL": func() (*batiweb.Client, error) {
			return batiweb.New("l", password, batiweb.Prep, batiweb.WithBaseURL("::"))
		},
		"nil client": func() (*batiweb.Client, error) {
			return batiweb.New("l", "pass-word", batiweb.Prep, batiweb.WithHTTPClient(nil))
		},
		"bad retry": func() (*batiweb.Client, error) {
			return batiweb.New("l", "pass-word", batiweb.Prep, batiweb.WithRetry(-1, 0, 0))
		},
	} {
		c, err := f()
		assert.Nil(t, c, name)
		require.Error(t, err, name)
		assert.NotContains(t, err.Error(), password, name)
	}
}

func TestValidateReportsEveryProblem(t *testing.T) {
	t.Parallel()
	err := (&batiweb.Lead{
		Email: "not-an-email", Zipcode: "7818", Cellphone: "call me", IsOwner: 7, Civility: 3,
		WorkType: 9999, HousingType: 5, ReminderTime: 7, Delay: 6, Area: 10, YearBuilt: 6,
		Funding: 4, Budget: 5, AmountOfRooms: -1,
	}).Validate()
	var v *batiweb.ValidationError
	require.ErrorAs(t, err, &v)
	var fields []string
	for _, f := range v.Fields {
		fields = append(fields, f.Field)
	}
	assert.ElementsMatch(t, []string{
		"email", "city", "zipcode", "cellphone", "firstname", "lastname", "amountofrooms",
		"isowner", "civility", "worktype", "housingtype", "remindertime", "delay", "area",
		"yearbuilt", "funding", "budget",
	}, fields)
	assert.NotContains(t, err.Error(), "not-an-email", "values are not echoed")
	require.NoError(t, validLead().Validate())
}

func TestValidateRules(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		edit  func(*batiweb.Lead)
		field string // "" when valid
	}{
		{"landline instead of cellphone", func(l *batiweb.Lead) { l.Cellphone, l.Landline = "", "01 77 78 10 00" }, ""},
		{"no phone at all", func(l *batiweb.Lead) { l.Cellphone = "" }, "cellphone"},
		{"bad landline", func(l *batiweb.Lead) { l.Landline = "0-1" }, "landline"},
		{"zipcode with letters", func(l *batiweb.Lead) { l.Zipcode = "2A004" }, "zipcode"},
		{"zipcode too long", func(l *batiweb.Lead) { l.Zipcode = "781800" }, "zipcode"},
		{"no zipcode", func(l *batiweb.Lead) { l.Zipcode = "" }, "zipcode"},
		{"e-mail with a name", func(l *batiweb.Lead) { l.Email = "Jean <jean@example.fr>" }, "email"},
		{"blank city", func(l *batiweb.Lead) { l.City = "  " }, "city"},
		{"no civility", func(l *batiweb.Lead) { l.Civility = 0 }, "civility"},
		{"no owner status", func(l *batiweb.Lead) { l.IsOwner = 0 }, "isowner"},
		{"no work type nor description", func(l *batiweb.Lead) { l.WorkType = 0 }, "workdescription"},
		{"unknown delay", func(l *batiweb.Lead) { l.Delay = 42 }, "delay"},
		{"every optional field set", func(l *batiweb.Lead) {
			l.HousingType, l.ReminderTime, l.Delay, l.Area = batiweb.Apartment, batiweb.Reminder17To19, batiweb.DelayOver6Months, batiweb.AreaUnknown
			l.YearBuilt, l.Funding, l.Budget, l.AmountOfRooms = batiweb.YearBuiltBefore1974, batiweb.FundingCredit, batiweb.BudgetOver6000, 3
		}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			l := validLead()
			tc.edit(l)
			err := l.Validate()
			if tc.field == "" {
				require.NoError(t, err)
				return
			}
			var v *batiweb.ValidationError
			require.ErrorAs(t, err, &v)
			assert.True(t, v.Field(tc.field), "%v", err)
		})
	}
}

func TestNothingIsSentWhenInvalid(t *testing.T) {
	t.Parallel()
	mt := httpmock.NewMockTransport()
	c, err := batiweb.New("l", "pass-word", batiweb.Prep, batiweb.WithHTTPClient(&http.Client{Transport: mt}))
	require.NoError(t, err)
	ctx := context.Background()
	_, err = c.Import(ctx, &batiweb.Lead{})
	assert.ErrorAs(t, err, new(*batiweb.ValidationError))
	_, err = c.Import(ctx, nil)
	assert.ErrorAs(t, err, new(*batiweb.ValidationError))
	_, err = c.IsSellable(ctx, batiweb.SellableRequest{Zipcode: "1", Email: "x"})
	var v *batiweb.ValidationError
	require.ErrorAs(t, err, &v)
	assert.Len(t, v.Fields, 3)
	_, err = c.Status(ctx, "")
	assert.ErrorAs(t, err, new(*batiweb.ValidationError))
	assert.Zero(t, mt.GetTotalCallCount())
}

func TestCodesMapToSentinels(t *testing.T) {
	t.Parallel()
	sentinels := map[batiweb.Code]error{
		batiweb.CodeAuthentication: batiweb.ErrAuthentication, batiweb.CodeMissingArgument: batiweb.ErrMissingArgument,
		batiweb.CodeInvalidValue: batiweb.ErrInvalidValue, batiweb.CodeNotSellable: batiweb.ErrNotSellable,
		batiweb.CodeDuplicateLead: batiweb.ErrDuplicateLead, batiweb.CodeLeaseholderRefused: batiweb.ErrLeaseholderRefused,
		batiweb.CodeInternal: batiweb.ErrInternal,
	}
	for code, sentinel := range sentinels {
		for _, status := range []int{200, 400, 500} {
			for _, encoded := range []string{fmt.Sprint(int(code)), fmt.Sprintf("%q", fmt.Sprint(int(code)))} {
				body := fmt.Sprintf(`{"code":%s,"message":"m%d"}`, encoded, code)
				_, err := mocked(t, status, body).Import(context.Background(), validLead())
				var e *batiweb.Error
				require.ErrorAs(t, err, &e, body)
				assert.Equal(t, code, e.Code)
				assert.Equal(t, status, e.StatusCode)
				assert.Equal(t, fmt.Sprintf("m%d", code), e.Message)
				assert.ErrorIs(t, err, sentinel)
				for other, s := range sentinels {
					if other != code {
						assert.NotErrorIs(t, err, s)
					}
				}
			}
		}
	}
}

func TestUnusableResponses(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, body string
		status     int
	}{
		{"html page", "<html><body>Bad Gateway</body></html>", 500},
		{"html on 200", "<html>maintenance</html>", 200},
		{"truncated", `{"code":0,"mess`, 200},
		{"no code", `{"message":"ok"}`, 200},
		{"code 0 on an HTTP error", `{"code":0}`, 500},
		{"empty", ``, 200},
		{"array", `[]`, 200},
		{"wrong type", `{"code":{}}`, 200},
	}
	for _, tc := range cases {
		_, err := mocked(t, tc.status, tc.body).Import(context.Background(), validLead())
		var e *batiweb.Error
		require.ErrorAs(t, err, &e, tc.name)
		assert.ErrorIs(t, err, batiweb.ErrMalformedResponse, tc.name)
		assert.Equal(t, batiweb.NoCode, e.Code, tc.name)
		assert.Equal(t, tc.status, e.StatusCode, tc.name)
		assert.Equal(t, strings.ReplaceAll(tc.body, "\n", " "), e.Body, tc.name)
	}
	_, err := mocked(t, 200, `{"code":"0","message":"ok"}`).Import(context.Background(), validLead())
	assert.NoError(t, err, "a success without id or token is still a success")
}

func TestIsSellableAnswers(t *testing.T) {
	t.Parallel()
	req := batiweb.SellableRequest{Zipcode: "90200", WorkType: 125}
	res, err := mocked(t, 200, `{"code":4,"message":"This can't be sold"}`).IsSellable(context.Background(), req)
	require.NoError(t, err, "code 4 is an answer")
	assert.Equal(t, &batiweb.SellableResult{Sellable: false, Code: batiweb.CodeNotSellable, Message: "This can't be sold"}, res)
	res, err = mocked(t, 200, `{"code":0,"message":"This lead can be sold"}`).IsSellable(context.Background(), req)
	require.NoError(t, err)
	assert.True(t, res.Sellable)
	_, err = mocked(t, 200, `{"code":5,"message":"Duplicate Lead"}`).IsSellable(context.Background(), req)
	assert.ErrorIs(t, err, batiweb.ErrDuplicateLead)
}

func TestStatusDecoding(t *testing.T) {
	t.Parallel()
	paris, _ := time.LoadLocation("Europe/Paris")
	cases := map[string]time.Time{
		`"2026-07-14 09:30:00"`:       time.Date(2026, 7, 14, 9, 30, 0, 0, paris),
		`"2026-01-14T09:30:00+01:00"`: time.Date(2026, 1, 14, 8, 30, 0, 0, time.UTC),
		`"14/07/2026"`:                time.Date(2026, 7, 14, 0, 0, 0, 0, paris),
		`"2026-07-14"`:                time.Date(2026, 7, 14, 0, 0, 0, 0, paris),
		`"soon"`:                      {},
		`""`:                          {},
	}
	for date, want := range cases {
		body := `{"token":"tok","status":"12","statusLabel":"Doublon","date":` + date + `,"supplierLeadId":42}`
		st, err := mocked(t, 200, body).Status(context.Background(), "tok")
		require.NoError(t, err, body)
		assert.True(t, want.Equal(st.Date), "%s: got %v", date, st.Date)
		assert.Equal(t, strings.Trim(date, `"`), st.RawDate)
		assert.Equal(t, batiweb.StatusDuplicate, st.Status)
		assert.Equal(t, "Doublon", st.StatusLabel)
		assert.Equal(t, "42", st.SupplierLeadID)
	}
	_, err := mocked(t, 200, `{"code":3,"message":"Invalid value"}`).Status(context.Background(), "nope")
	assert.ErrorIs(t, err, batiweb.ErrInvalidValue)
	_, err = mocked(t, 200, `{}`).Status(context.Background(), "tok")
	assert.ErrorIs(t, err, batiweb.ErrMalformedResponse)
}

func TestFakeServerRules(t *testing.T) {
	t.Parallel()
	srv := batiwebtest.NewServer()
	defer srv.Close()
	srv.Sell("78", batiweb.WorkTypePeinture)
	ctx := context.Background()
	client := func(login, pass string, env batiweb.Environment) *batiweb.Client {
		c, err := batiweb.New(login, pass, env, batiweb.WithBaseURL(srv.URL), batiweb.WithRetry(0, 0, 0))
		require.NoError(t, err)
		return c
	}
	good := client(batiwebtest.Login, batiwebtest.Password, batiweb.Prep)

	_, err := client(batiwebtest.Login, "wrong-password", batiweb.Prep).Import(ctx, validLead())
	var e *batiweb.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "Authentication Failed", e.Message)

	prod := client(batiwebtest.Login, batiwebtest.Password, batiweb.Prod)
	_, err = prod.Import(ctx, validLead())
	require.ErrorAs(t, err, &e)
	assert.ErrorIs(t, err, batiweb.ErrAuthentication)
	assert.Equal(t, "Access to production is not granted", e.Message)
	srv.GrantProd()
	_, err = prod.Import(ctx, validLead())
	require.NoError(t, err)

	other := validLead()
	other.Email, other.Zipcode = "autre@example.fr", "13001"
	_, err = good.Import(ctx, other)
	assert.ErrorIs(t, err, batiweb.ErrNotSellable)
	other.Zipcode, other.WorkType = "78000", batiweb.WorkTypeCarrelage
	_, err = good.Import(ctx, other)
	assert.ErrorIs(t, err, batiweb.ErrNotSellable)

	_, err = good.Import(ctx, validLead())
	assert.ErrorIs(t, err, batiweb.ErrDuplicateLead, "same e-mail as the PROD lead")
	upper := validLead()
	upper.Email = strings.ToUpper(upper.Email)
	_, err = good.Import(ctx, upper)
	assert.ErrorIs(t, err, batiweb.ErrDuplicateLead, "e-mails compare case-insensitively")
	sell, err := good.IsSellable(ctx, batiweb.SellableRequest{Zipcode: "78180", WorkType: batiweb.WorkTypePeinture, Email: validLead().Email})
	assert.Nil(t, sell)
	assert.ErrorIs(t, err, batiweb.ErrDuplicateLead)

	srv.RefuseLeaseholders(true)
	tenant := validLead()
	tenant.Email, tenant.IsOwner = "locataire@example.fr", batiweb.Tenant
	_, err = good.Import(ctx, tenant)
	assert.ErrorIs(t, err, batiweb.ErrLeaseholderRefused)

	leads := srv.Leads()
	require.Len(t, leads, 1)
	assert.Equal(t, batiweb.Prod, leads[0].Environment)
	assert.Equal(t, "Peinture", leads[0].Lead.WorkDescription)
	assert.Equal(t, 8, srv.Calls("/json/lead/import"))
	assert.Error(t, srv.SetStatus("unknown", batiweb.StatusTest, time.Now()))
}

// TestFakeServerValidation posts raw payloads the client would refuse.
func TestFakeServerValidation(t *testing.T) {
	t.Parallel()
	srv := batiwebtest.NewServer()
	defer srv.Close()
	srv.Sell("")
	lead := func(edit func(map[string]any)) string {
		m := map[string]any{"email": "a@b.fr", "city": "X", "zipcode": "78180", "isowner": "1", "cellphone": "0612345678",
			"firstname": "A", "lastname": "B", "civility": "M.", "workdescription": "Peinture", "worktype": 69}
		edit(m)
		return fmt.Sprintf(`{"security":{"login":%q,"password":%q,"environment":"prep"},"request":%s}`, batiwebtest.Login, batiwebtest.Password, mustJSON(m))
	}
	cases := []struct {
		name, body, want string
	}{
		{"valid, civility M. and lower-case env", lead(func(map[string]any) {}), `"code":0`},
		{"missing", lead(func(m map[string]any) { delete(m, "city"); delete(m, "email") }), `Missing argument(s) : email, city`},
		{"no phone", lead(func(m map[string]any) { delete(m, "cellphone") }), `Missing argument(s) : cellphone, landline`},
		{"bad zipcode", lead(func(m map[string]any) { m["zipcode"] = "7818" }), `Invalide data argument(s) : zipcode`},
		{"rooms not an integer", lead(func(m map[string]any) { m["amountofrooms"] = "deux" }), `Invalide data argument(s) : amountofrooms`},
		{"object value", lead(func(m map[string]any) { m["comment"] = map[string]any{} }), `Invalide data argument(s) : comment`},
		{"unknown work type", lead(func(m map[string]any) { m["worktype"] = "9999" }), `"code":3`},
		{"unknown civility", lead(func(m map[string]any) { m["civility"] = "Dr" }), `"code":3`},
		{"not JSON", `{"security":`, `"code":2`},
		{"no security", `{"request":{}}`, `Missing Login`},
	}
	for _, tc := range cases {
		resp, err := http.Post(srv.URL+"/json/lead/import", "application/json", strings.NewReader(tc.body))
		require.NoError(t, err)
		var buf bytes.Buffer
		_, _ = buf.ReadFrom(resp.Body)
		resp.Body.Close()
		assert.Equal(t, 200, resp.StatusCode, "the service answers 200 on failures too")
		assert.Contains(t, buf.String(), tc.want, tc.name)
	}
}

// TestPasswordNeverShows runs every way a value reaches a person — error
// strings, log lines, fmt verbs — and looks for the password.
func TestPasswordNeverShows(t *testing.T) {
	t.Parallel()
	srv := batiwebtest.NewServer()
	defer srv.Close()
	srv.SetCredentials("me", password)
	srv.Sell("")
	var logs bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c, err := batiweb.New("me", password, batiweb.Prep, batiweb.WithBaseURL(srv.URL), batiweb.WithLogger(logger),
		batiweb.WithRetry(1, time.Millisecond, time.Millisecond), batiweb.WithTimeout(200*time.Millisecond))
	require.NoError(t, err)
	ctx := context.Background()

	var shown []any
	record := func(v any, err error) {
		shown = append(shown, v)
		if err != nil {
			shown = append(shown, err, errors.Unwrap(err))
		}
	}
	record(c.IsSellable(ctx, batiweb.SellableRequest{Zipcode: "78180", WorkType: 69}))
	imp, err := c.Import(ctx, validLead())
	record(imp, err)
	record(c.Status(ctx, imp.Token))
	record(c.Import(ctx, validLead())) // duplicate
	record(c.Import(ctx, &batiweb.Lead{}))
	for _, f := range []batiwebtest.Fault{{Kind: batiwebtest.HTMLPage}, {Kind: batiwebtest.Truncated}, {Kind: batiwebtest.Drop}, {Kind: batiwebtest.Stall}, {Kind: batiwebtest.Huge, Size: 20 << 20}} {
		srv.FailNext(2, f)
		record(c.Status(ctx, imp.Token))
	}
	// A hostile server that echoes the password in its message and body.
	echo := mocked(t, 500, `{"code":1,"message":"bad password `+password+`"}`)
	record(echo.Status(ctx, "t"))
	echo = mocked(t, 502, `<html>`+password+`</html>`)
	record(echo.Status(ctx, "t"))
	shown = append(shown, c, *c, batiweb.ErrAuthentication)

	for _, v := range shown {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x"} {
			out := fmt.Sprintf(verb, v)
			assert.NotContains(t, out, password, "%s of %T", verb, v)
			assert.NotContains(t, out, "Pa55", "%s of %T", verb, v)
		}
	}
	require.Contains(t, logs.String(), "passerelle: retrying", "the logger saw the retries")
	assert.NotContains(t, logs.String(), "Pa55")
}

func mustJSON(v any) string {
	b, err := jsonMarshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

var jsonMarshal = json.Marshal

// TestCommonOptions pins the option set every passerelle client has.
func TestCommonOptions(t *testing.T) {
	t.Parallel()
	opts := []batiweb.Option{
		batiweb.WithBaseURL("https://example.test"), batiweb.WithHTTPClient(&http.Client{}), batiweb.WithTimeout(time.Second),
		batiweb.WithRetry(1, time.Millisecond, time.Second), batiweb.WithMaxRetryAfter(time.Second),
		batiweb.WithLogger(slog.Default()), batiweb.WithUserAgent("ua"), batiweb.WithMaxResponseSize(1 << 20),
	}
	_, err := batiweb.New("login", password, batiweb.Prep, opts...)
	require.NoError(t, err)
}
