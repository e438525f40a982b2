package sowell_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/passerelle-go/passerelle/sowell"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func report() *sowell.Report {
	return &sowell.Report{
		Qualification: "FUITE_EAU", Residence: "RES-0042", Spot: "LOG-12B",
		Author: "Martin Claire", AuthorEmail: "claire.martin@example.fr",
		CreatedAt: time.Date(2012, 4, 23, 18, 25, 43, 511e6, time.UTC), Priority: sowell.High,
		Description: "Fuite d'eau au plafond de la cage d'escalier",
		Photos:      []sowell.Photo{{Data: strings.NewReader("jpeg bytes")}, {Name: "plafond.jpg", Data: strings.NewReader("more")}},
		URL:         "https://manager.sowell.example/issues/981",
	}
}

func TestPriority(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]sowell.Priority{"low": sowell.Low, "NORMAL": sowell.Normal, "medium": sowell.Normal, "high": sowell.High} {
		got, err := sowell.ParsePriority(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	_, err := sowell.ParsePriority("urgent")
	assert.Error(t, err)
	assert.Equal(t, []string{"faible", "normal", "haute"}, []string{sowell.Low.Label(), sowell.Normal.Label(), sowell.High.Label()})
	assert.Equal(t, "", sowell.Priority("urgent").Label())
}

func TestValidateListsEveryProblem(t *testing.T) {
	t.Parallel()
	require.NoError(t, report().Validate())
	bad := &sowell.Report{AuthorEmail: "nope", Priority: "urgent", URL: "ftp://x", Photos: make([]sowell.Photo, sowell.MaxPhotos+1)}
	var v *sowell.ValidationError
	require.ErrorAs(t, bad.Validate(), &v)
	var fields []string
	for _, f := range v.Fields {
		fields = append(fields, f.Field)
	}
	assert.Equal(t, "qualification residence author author_email created_at priority description photos", strings.Join(fields[:8], " "))
	assert.Equal(t, "url", fields[len(fields)-1])
}

func TestToCRMRequest(t *testing.T) {
	t.Parallel()
	var asked []string
	resolver := sowell.ResolverFunc(func(_ context.Context, residence, qualification string) (string, string, error) {
		asked = append(asked, residence, qualification)
		return "Responsable de secteur Nord", "Équipe technique", nil
	})
	r := report()
	req, err := sowell.ToCRMRequest(context.Background(), r, resolver)
	require.NoError(t, err)
	assert.Equal(t, []string{"RES-0042", "FUITE_EAU"}, asked)
	assert.Equal(t, "Transférée", req.Status)
	assert.Equal(t, "SoWell", req.Channel)
	assert.Equal(t, "Responsable de secteur Nord", req.Manager)
	assert.Equal(t, "Équipe technique", req.Actor)
	assert.Equal(t, "Martin Claire <claire.martin@example.fr>", req.Author)
	assert.Equal(t, "Date de création : 23/04/2012 20:25\nNiveau de priorité : haute\nDescription : Fuite d'eau au plafond de la cage d'escalier", req.Context)
	assert.Equal(t, "LOG-12B", req.Spot)
	require.Len(t, req.Files, 2)
	assert.Equal(t, "photo-1.jpg", req.Files[0].Name)
	assert.Equal(t, "plafond.jpg", req.Files[1].Name)
	b, _ := io.ReadAll(req.Files[1].Data)
	assert.Equal(t, "more", string(b), "photos stay streams")
	assert.Equal(t, r.URL, req.SoWellURL)
	assert.Equal(t, "981", req.SoWellID)

	png := report()
	png.Photos = []sowell.Photo{{Data: strings.NewReader("\x89PNG\r\n\x1a\n" + strings.Repeat("z", 2000))}}
	req, err = sowell.ToCRMRequest(context.Background(), png, resolver)
	require.NoError(t, err)
	assert.Equal(t, "photo-1.png", req.Files[0].Name)
	b, _ = io.ReadAll(req.Files[0].Data)
	assert.Len(t, b, 2008, "the sniffed bytes stay in the stream")

	boom := errors.New("residence unknown")
	_, err = sowell.ToCRMRequest(context.Background(), report(), sowell.ResolverFunc(func(context.Context, string, string) (string, string, error) {
		return "", "", boom
	}))
	assert.ErrorIs(t, err, boom)
	_, err = sowell.ToCRMRequest(context.Background(), &sowell.Report{}, resolver)
	assert.ErrorAs(t, err, new(*sowell.ValidationError))
}

func TestStatusMap(t *testing.T) {
	t.Parallel()
	m := sowell.DefaultStatusMap()
	require.NoError(t, m.Validate())
	for crm, want := range map[string]sowell.Status{"Transférée": sowell.Pending, "en cours": sowell.Ongoing, "CLOTUREE": sowell.Done, "Annulée": sowell.Canceled} {
		got, err := m.Map(crm)
		require.NoError(t, err, crm)
		assert.Equal(t, want, got, crm)
	}
	_, err := m.Map("tsnei")
	assert.ErrorIs(t, err, sowell.ErrUnmappedStatus)
	assert.ErrorContains(t, err, `"tsnei"`)
	assert.Error(t, sowell.StatusMap{"Ouverte": "open"}.Validate())
	assert.Error(t, sowell.StatusMap{"Clôturée": sowell.Done, "cloturee": sowell.Done}.Validate())
}

func TestSendPolicy(t *testing.T) {
	t.Parallel()
	r := report()
	cases := []struct {
		policy sowell.SendPolicy
		flags  sowell.Flags
		want   bool
	}{
		{sowell.SendPolicy{Mode: sowell.SendAll}, sowell.Flags{}, true},
		{sowell.SendPolicy{Mode: sowell.SendCategories, Categories: []string{"FUITE_EAU"}}, sowell.Flags{}, true},
		{sowell.SendPolicy{Mode: sowell.SendCategories, Categories: []string{"ASCENSEUR"}}, sowell.Flags{}, false},
		{sowell.SendPolicy{Mode: sowell.SendFlaggedByAuthor}, sowell.Flags{ByAuthor: true}, true},
		{sowell.SendPolicy{Mode: sowell.SendFlaggedByAuthor}, sowell.Flags{ByManager: true}, false},
		{sowell.SendPolicy{Mode: sowell.SendFlaggedByManager}, sowell.Flags{ByManager: true}, true},
		{sowell.SendPolicy{Mode: 99}, sowell.Flags{ByAuthor: true, ByManager: true}, false},
	}
	for i, tc := range cases {
		assert.Equal(t, tc.want, tc.policy.Sends(r, tc.flags), "case %d", i)
	}
}

func ExampleToCRMRequest() {
	resolver := sowell.ResolverFunc(func(_ context.Context, residence, _ string) (string, string, error) {
		return "Secteur Nord (" + residence + ")", "Régie", nil
	})
	req, err := sowell.ToCRMRequest(context.Background(), report(), resolver)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(req.Status, "/", req.Channel, "/", req.Manager, "/", req.Actor)
	fmt.Println(req.Context)
	// Output:
	// Transférée / SoWell / Secteur Nord (RES-0042) / Régie
	// Date de création : 23/04/2012 20:25
	// Niveau de priorité : haute
	// Description : Fuite d'eau au plafond de la cage d'escalier
}
