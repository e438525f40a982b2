package sowell

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/passerelle-go/passerelle/internal/enum"
	"github.com/passerelle-go/passerelle/internal/validate"
)

// Priority is a signalement's priority ("Niveau de priorité"), as SoWell
// sends it.
type Priority string

// The seed's priorities; Label gives the CRM's words.
const (
	Low    Priority = "low"    // CRM: "fiable"
	Normal Priority = "normal" // CRM: "normal"
	High   Priority = "high"   // CRM: "haute"
)

// SoWell's own data model says "medium" where the seed says "normal".
var priorityTable = enum.NewStrings("Priority", []Priority{Low, Normal, High}, map[string]Priority{"medium": Normal})

// Valid reports whether p is one of the seed's priorities.
func (p Priority) Valid() bool { return priorityTable.Valid(p) }

// ParsePriority reads a priority, "medium" meaning Normal.
func ParsePriority(s string) (Priority, error) { return priorityTable.Parse(s) }

// Label is the CRM's label of the priority (the seed's mapping), or "".
func (p Priority) Label() string {
	return map[Priority]string{Low: "fiable", Normal: "normal", High: "haute"}[p]
}

// Photo is one photo of a signalement. On the wire it is a base64 string
// of a JSON array; in Go it is a stream, so that large photos are never
// held whole in memory.
type Photo struct {
	Name string    // a file name for the CRM's "Fichiers" tab
	Data io.Reader // the image bytes
}

// Report is a signalement SoWell pushes to the CRM. There is no requester:
// only a residence and, optionally, a spot in it.
type Report struct {
	Qualification string    // SoWell's category code ("Qualification")
	Residence     string    // SoWell's place code ("Résidence")
	Spot          string    // SoWell's spot code ("Bien"), optional
	Author        string    // the author's last and first name ("Auteur")
	AuthorEmail   string    // the author's e-mail ("Email auteur")
	CreatedAt     time.Time // creation time ("Date de création"), ISO 8601 on the wire
	Priority      Priority  // "Niveau de priorité"
	Description   string    // free text
	Photos        []Photo   // "Photos"
	URL           string    // the signalement in SoWell's manager interface ("Lien SoWell")
}

// MaxPhotos bounds the photos of one report.
const MaxPhotos = 20

// Validate reports every problem of the report at once in a
// *ValidationError.
func (r *Report) Validate() error {
	var l validate.List
	l.Required("qualification", r.Qualification)
	l.Required("residence", r.Residence)
	l.Required("author", r.Author)
	if l.Required("author_email", r.AuthorEmail) {
		l.Check(!validate.Email(r.AuthorEmail), "author_email", "is not an e-mail address")
	}
	l.Check(r.CreatedAt.IsZero(), "created_at", "is required")
	if l.Required("priority", string(r.Priority)) {
		l.Check(!r.Priority.Valid(), "priority", "must be low, normal or high")
	}
	l.Required("description", r.Description)
	l.Check(len(r.Photos) > MaxPhotos, "photos", fmt.Sprintf("at most %d photos", MaxPhotos))
	if l.Required("url", r.URL) {
		l.Check(!strings.HasPrefix(r.URL, "https://") && !strings.HasPrefix(r.URL, "http://"), "url", "is not an http(s) URL")
	}
	return l.Err("sowell", "report")
}

// FieldError is one invalid field: its wire name and what is wrong.
type FieldError = validate.Problem

// ValidationError lists every problem of a report or a request.
type ValidationError = validate.Error
