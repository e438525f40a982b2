package sowell

import (
	"context"
	"fmt"
	"strings"
	"time"
	_ "time/tzdata" // Europe/Paris on hosts without a zoneinfo database
)

// The values the CRM sets on every request it creates from a report.
const (
	StatusTransferred = "Transférée" // the CRM status of a new request
	ChannelSoWell     = "SoWell"     // the CRM channel of SoWell's requests
)

// Resolver finds who handles a report in the CRM: the manager concerned
// ("Gestionnaire concerné") and the actor in charge ("Acteur en charge"),
// from the residence and the manager type of the qualification. The
// sector manager on the residence's record is the usual answer.
type Resolver interface {
	Resolve(ctx context.Context, residence, qualification string) (manager, actor string, err error)
}

// ResolverFunc adapts a function to Resolver.
type ResolverFunc func(ctx context.Context, residence, qualification string) (string, string, error)

// Resolve calls f.
func (f ResolverFunc) Resolve(ctx context.Context, residence, qualification string) (string, string, error) {
	return f(ctx, residence, qualification)
}

// CRMRequest is a report processed the way the seed describes the CRM's
// side.
type CRMRequest struct {
	Status        string // StatusTransferred
	Channel       string // ChannelSoWell
	Qualification string
	Residence     string
	Spot          string
	Manager       string  // "Gestionnaire concerné"
	Actor         string  // "Acteur en charge"
	Author        string  // read-only text: name and e-mail
	Context       string  // "Contexte de la demande": date, priority, description
	Files         []Photo // the "Fichiers" tab
	SoWellURL     string
}

// ToCRMRequest processes a report for the CRM. It validates the report
// first and asks the resolver who handles it; a resolver error is
// returned wrapped.
func ToCRMRequest(ctx context.Context, r *Report, resolver Resolver) (*CRMRequest, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	manager, actor, err := resolver.Resolve(ctx, r.Residence, r.Qualification)
	if err != nil {
		return nil, fmt.Errorf("sowell: resolving residence %q, qualification %q: %w", r.Residence, r.Qualification, err)
	}
	files := make([]Photo, len(r.Photos))
	for i, p := range r.Photos {
		if p.Name == "" {
			p.Name = fmt.Sprintf("photo-%d.jpg", i+1)
		}
		files[i] = p
	}
	return &CRMRequest{
		Status: StatusTransferred, Channel: ChannelSoWell,
		Qualification: r.Qualification, Residence: r.Residence, Spot: r.Spot,
		Manager: manager, Actor: actor,
		Author:    fmt.Sprintf("%s <%s>", r.Author, r.AuthorEmail),
		Context:   requestContext(r),
		Files:     files,
		SoWellURL: r.URL,
	}, nil
}

// requestContext writes the "Contexte de la demande": creation date (in
// Europe/Paris), the CRM's priority label, and the description.
func requestContext(r *Report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Date de création : %s\n", r.CreatedAt.In(paris).Format("02/01/2006 15:04"))
	fmt.Fprintf(&b, "Niveau de priorité : %s\n", r.Priority.Label())
	fmt.Fprintf(&b, "Description : %s", r.Description)
	return b.String()
}

var paris = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		panic(err) // time/tzdata is linked in
	}
	return loc
}()
