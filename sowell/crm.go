package sowell

import (
	"context"
	"fmt"
	"github.com/passerelle-go/passerelle/internal/paris"
	"strings"
)

// The values the CRM sets on every request it creates from a report.
const (
	StatusTransferred = "Transférée" // the CRM status of a new request ("transferred")
	ChannelSoWell     = "SoWell"     // the CRM channel ("Canal") of SoWell's requests
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

// CRMRequest is a report processed the way SoWell's CRM integration notes
// describe the CRM's side ("Traitement des données de la requête par le
// CRM").
type CRMRequest struct {
	// Status is the request's status: StatusTransferred.
	Status string
	// Channel is the request's channel: ChannelSoWell.
	Channel string
	// Qualification is SoWell's category code.
	Qualification string
	// Residence is SoWell's place code.
	Residence string
	// Spot is SoWell's spot code, or "".
	Spot string
	// Manager is the "Gestionnaire concerné" (manager concerned).
	Manager string
	// Actor is the "Acteur en charge" (actor in charge).
	Actor string
	// Author is the read-only text of the author: name and e-mail.
	Author string
	// Context is the "Contexte de la demande" (request context): creation
	// date, priority and description.
	Context string
	// Files are the photos for the "Fichiers" (files) tab, named.
	Files []Photo
	// SoWellURL is the report's link ("Lien SoWell").
	SoWellURL string
	// SoWellID is SoWell's id of the report, derived from the link by
	// IDFromLink (never empty: a link that gives none fails validation):
	// the id to give Client.UpdateStatus when the request's status
	// changes.
	SoWellID string
}

// ToCRMRequest processes a report for the CRM. It validates the report
// first and asks the resolver who handles it; a resolver error is
// returned wrapped. An unnamed photo is named by PhotoName from its
// content, which stays a stream.
//
// Validation includes the link: a link from which IDFromLink takes no id
// (the rule NewHandler applies) is refused with a *ValidationError naming
// the field "url", as the CRM could not send the status back.
func ToCRMRequest(ctx context.Context, r *Report, resolver Resolver) (*CRMRequest, error) {
	l, id := r.check(IDFromLink)
	if err := validationError("report", l); err != nil {
		return nil, err
	}
	manager, actor, err := resolver.Resolve(ctx, r.Residence, r.Qualification)
	if err != nil {
		return nil, fmt.Errorf("sowell: resolving residence %q, qualification %q: %w", r.Residence, r.Qualification, err)
	}
	files := make([]Photo, len(r.Photos))
	for i, p := range r.Photos {
		if p.Name == "" && p.Data != nil {
			var head []byte
			head, p.Data = sniff(p.Data)
			p.Name = PhotoName(i+1, head)
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
		SoWellID:  id,
	}, nil
}

// requestContext writes the "Contexte de la demande": creation date (in
// Europe/Paris), the CRM's priority label, and the description.
func requestContext(r *Report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Date de création : %s\n", r.CreatedAt.In(paris.Location).Format("02/01/2006 15:04"))
	fmt.Fprintf(&b, "Niveau de priorité : %s\n", r.Priority.Label())
	fmt.Fprintf(&b, "Description : %s", r.Description)
	return b.String()
}
