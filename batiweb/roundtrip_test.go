package batiweb_test

import (
	"context"
	"encoding/json"
	"regexp"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/passerelle-go/passerelle/batiweb"
	"github.com/passerelle-go/passerelle/internal/validate"
)

var jsonNumber = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)

// FuzzLeadJSONRoundTrip is issue 12's property for a caller's JSON: any
// text field written as a JSON string or, when it is a number, as a JSON
// number decodes to the same Lead keeping its text, and a Lead encoded and
// decoded again is unchanged.
func FuzzLeadJSONRoundTrip(f *testing.F) {
	f.Add("78180", "42", "0612345678", "Jean", "Peinture\ndu salon", 2, uint16(0xffff), true)
	f.Add(" 78180", "0042", "+33 6 12", "", "", 0, uint16(0), false)
	f.Add("1e5", "-1.50", "12345678901234567890", "Prénom", "\"quoted\" \\ /", -3, uint16(0x5555), true)
	f.Fuzz(func(t *testing.T, zipcode, supplier, phone, name, comment string, rooms int, numeric uint16, roomsAsString bool) {
		values := map[string]string{
			"zipcode": zipcode, "supplierleadid": supplier, "cellphone": phone, "landline": phone,
			"firstname": name, "lastname": name, "city": name, "email": supplier, "address": comment,
			"comment": comment, "workdescription": name,
		}
		asStrings, asNumbers := map[string]any{}, map[string]any{}
		i := 0
		for k, v := range values {
			asStrings[k] = v
			asNumbers[k] = v
			if numeric&(1<<i) != 0 && jsonNumber.MatchString(v) {
				asNumbers[k] = json.RawMessage(v)
			}
			i++
		}
		asStrings["amountofrooms"] = strconv.Itoa(rooms)
		asNumbers["amountofrooms"] = rooms
		if roomsAsString {
			asNumbers["amountofrooms"] = strconv.Itoa(rooms)
		}
		var a, b batiweb.Lead
		require.NoError(t, json.Unmarshal([]byte(mustJSON(asStrings)), &a))
		require.NoError(t, json.Unmarshal([]byte(mustJSON(asNumbers)), &b))
		assert.Equal(t, a, b, "a number keeps its text")
		var want map[string]string
		require.NoError(t, json.Unmarshal([]byte(mustJSON(values)), &want)) // the text JSON carries
		assert.Equal(t, want["zipcode"], b.Zipcode)
		assert.Equal(t, want["supplierleadid"], b.SupplierLeadID)
		assert.Equal(t, want["comment"], b.Comment)
		assert.Equal(t, rooms, b.AmountOfRooms)

		out, err := json.Marshal(&b)
		require.NoError(t, err)
		var again batiweb.Lead
		require.NoError(t, json.Unmarshal(out, &again))
		assert.Equal(t, b, again, "encoded and decoded again, the lead is unchanged")
	})
}

// FuzzStatusRoundTrip is issue 12's property for what the service sends:
// a status answer whose values have any JSON scalar type decodes, keeps
// the token's text, and Status sends that token back exactly as received
// (or, when it holds a control character, refuses it before sending).
func FuzzStatusRoundTrip(f *testing.F) {
	f.Add("8cbc8c20467d83", false, 12, "Doublon", "42", false)
	f.Add("123456", true, 0, "", "", true)
	f.Add(" tok\u00e9n\t", false, 99, "Nouveau statut\n", "X-1", false)
	f.Add("1e3", true, -4, "", "7", true)
	f.Fuzz(func(t *testing.T, token string, tokenAsNumber bool, status int, label, supplier string, statusAsString bool) {
		if token == "" {
			return
		}
		m := map[string]any{"token": token, "status": status, "statusLabel": label, "supplierLeadId": supplier, "date": "2026-11-20 15:30:00"}
		if tokenAsNumber && jsonNumber.MatchString(token) {
			m["token"] = json.RawMessage(token)
		}
		if statusAsString {
			m["status"] = strconv.Itoa(status)
		}
		if jsonNumber.MatchString(supplier) {
			m["supplierLeadId"] = json.RawMessage(supplier)
		}
		body := mustJSON(m)
		var sent struct {
			Token string `json:"token"`
		}
		require.NoError(t, json.Unmarshal([]byte(mustJSON(map[string]any{"token": token})), &sent))
		want := sent.Token // the token's text as JSON carries it

		c, seen := capture(t, body)
		st, err := c.Status(context.Background(), "first")
		require.NoError(t, err, body)
		assert.Equal(t, want, st.Token)
		assert.Equal(t, batiweb.LeadStatus(status), st.Status)
		_, err = c.Status(context.Background(), st.Token)
		if validate.TextProblem(st.Token, false) != "" {
			// A token holding a control character (JSON cannot carry
			// invalid UTF-8) is refused, never altered: Batiweb's tokens
			// are hexadecimal.
			var v *batiweb.ValidationError
			require.ErrorAs(t, err, &v)
			assert.True(t, v.Field("token"))
			require.Len(t, seen(), 1, "nothing more is sent")
			return
		}
		require.NoError(t, err, "the service's token is sent back unchanged")
		reqs := seen()
		require.Len(t, reqs, 2)
		assert.Equal(t, want, reqs[1]["token"])
	})
}
