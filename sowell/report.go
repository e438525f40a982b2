package sowell

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/passerelle-go/passerelle/internal/enum"
	"github.com/passerelle-go/passerelle/internal/paris"
	"github.com/passerelle-go/passerelle/internal/validate"
)

//go:generate go run ../internal/enum/enumgen -output enums_gen.go -strings Priority,Status

// Priority is a signalement's priority ("Niveau de priorité"), as SoWell
// sends it.
type Priority string

// The priorities of SoWell's CRM integration notes; Label gives the
// CRM's words.
const (
	Low    Priority = "low"    // CRM: "faible"
	Normal Priority = "normal" // CRM: "normal"
	High   Priority = "high"   // CRM: "haute"
)

// SoWell's own data model says "medium" where the notes say "normal".
var priorityTable = enum.NewStrings("Priority", []Priority{Low, Normal, High}, map[string]Priority{"medium": Normal})

// Label is the CRM's label of the priority, or "". The notes write "low =
// fiable", a typo for "faible" (low): the CRM shows "faible".
func (p Priority) Label() string {
	switch p {
	case Low:
		return "faible"
	case Normal:
		return "normal"
	case High:
		return "haute"
	}
	return ""
}

// Photo is one photo of a signalement. On the wire it is a base64 string
// of a JSON array, its content only (no name); in Go it is a stream, so
// that large photos are never held whole in memory.
type Photo struct {
	// Name is a file name for the CRM's "Fichiers" (files) tab, on the
	// CRM's side only. Push does not send it: the wire form carries the
	// photos as a bare array of base64 strings, with no place for a name,
	// so a Name set on a pushed photo is not sent (nor refused). NewHandler
	// names every photo it receives by PhotoName ("photo-<n>.<ext>", the
	// extension from its content) and sets that Name on the photos of the
	// report it commits. ToCRMRequest keeps a Name that is set and names
	// an unnamed photo by PhotoName.
	Name string
	// Data is the image bytes.
	Data io.Reader
}

// Report is a signalement SoWell pushes to the CRM. There is no requester:
// only a residence and, optionally, a spot in it.
type Report struct {
	// Qualification is SoWell's category code ("Qualification").
	Qualification string
	// Residence is SoWell's place code ("Résidence").
	Residence string
	// Spot is SoWell's spot code ("Bien", the dwelling), optional.
	Spot string
	// Author is the author's last and first name ("Auteur").
	Author string
	// AuthorEmail is the author's e-mail ("Email auteur").
	AuthorEmail string
	// CreatedAt is the creation time ("Date de création"), ISO 8601 on
	// the wire.
	CreatedAt time.Time
	// Priority is the "Niveau de priorité".
	Priority Priority
	// Description is free text; it may hold line breaks.
	Description string
	// Photos are the "Photos", at most MaxPhotos.
	Photos []Photo
	// URL is the signalement's page in SoWell's manager interface ("Lien
	// SoWell"). It is unique per signalement: a CRM built on NewHandler
	// identifies the report by it, and SoWell's id is derived from it
	// (IDFromLink).
	URL string
}

// The limits of a report, the same for Push and NewHandler.
const (
	// MaxPhotos bounds the photos of one report.
	MaxPhotos = 20
	// MaxDescription bounds the description, in bytes.
	MaxDescription = 64 << 10
	// MaxText bounds every other text field, in bytes.
	MaxText = 2 << 10
)

// Validate reports every problem of the report at once in a
// *ValidationError, one per field: a missing field, text over its bound
// (MaxText, MaxDescription), invalid UTF-8 or a control character (line
// breaks, U+2028 and U+2029 included, are allowed in the description
// only), an e-mail, priority or link that is not one, a link that gives
// no SoWell id (IDFromLink), more than MaxPhotos photos. NewHandler
// checks these rules, and so does Push (with WithSoWellID's rule in place
// of IDFromLink when it is set).
func (r *Report) Validate() error { return validationError("report", r.problems()) }

func (r *Report) problems() validate.List {
	l, _ := r.check(IDFromLink)
	return l
}

// check lists the report's problems, taking SoWell's id from the link by
// rule; it returns the id when the link gave one.
func (r *Report) check(rule func(link string) (string, error)) (l validate.List, id string) {
	textField(&l, "qualification", r.Qualification, true, false, MaxText)
	textField(&l, "residence", r.Residence, true, false, MaxText)
	textField(&l, "spot", r.Spot, false, false, MaxText)
	textField(&l, "author", r.Author, true, false, MaxText)
	if textField(&l, "author_email", r.AuthorEmail, true, false, MaxText) {
		l.Check(!validate.Email(r.AuthorEmail), "author_email", "is not an e-mail address")
	}
	if r.CreatedAt.IsZero() {
		l.Add("created_at", "is required")
	} else if y := r.CreatedAt.UTC().Year(); y < 1 || y > 9999 {
		l.Add("created_at", "is not between the years 1 and 9999")
	}
	if l.Required("priority", string(r.Priority)) {
		l.Check(!r.Priority.Valid(), "priority", "must be low, normal or high")
	}
	textField(&l, "description", r.Description, true, true, MaxDescription)
	l.Check(len(r.Photos) > MaxPhotos, "photos", fmt.Sprintf("at most %d photos", MaxPhotos))
	if textField(&l, "url", r.URL, true, false, MaxText) {
		if !strings.HasPrefix(r.URL, "https://") && !strings.HasPrefix(r.URL, "http://") {
			l.Add("url", "is not an http(s) URL")
		} else {
			var err error
			switch id, err = rule(r.URL); {
			case err != nil:
				l.Add("url", err.Error())
			case id == "":
				l.Add("url", "gives no SoWell id")
			}
		}
	}
	return l, id
}

// textField records at most one problem of a text field and reports
// whether it had none.
func textField(l *validate.List, name, v string, required, multiline bool, max int) bool {
	switch {
	case required && !l.Required(name, v):
		return false
	case len(v) > max:
		l.Add(name, fmt.Sprintf("is longer than %d bytes", max))
		return false
	}
	return l.Text(name, v, multiline)
}

// isoLayouts are the ISO 8601 forms a creation date is read in: extended
// and basic, with a zone written Z, +02:00, +0200 or +02, or without one.
// A fraction of a second, with a dot or a comma, is accepted after the
// seconds of every layout.
var isoLayouts = []string{
	"2006-01-02T15:04:05Z07:00", "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05Z07", "2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00", "2006-01-02T15:04Z0700", "2006-01-02T15:04Z07", "2006-01-02T15:04",
	"20060102T150405Z07:00", "20060102T150405Z0700", "20060102T150405Z07", "20060102T150405",
	"2006-01-02",
}

// ParseTime reads an ISO 8601 date-time as SoWell may send it: RFC 3339
// ("2012-04-23T18:25:43.511Z", the notes' example), a zone written +0200
// or +02, a space or a lower-case t for the T, the basic form
// (20120423T182543Z), minutes without seconds, or a date alone. A time
// without a zone is read in Europe/Paris, SoWell's and the CRM's zone.
func ParseTime(s string) (time.Time, error) {
	u := strings.ToUpper(strings.TrimSpace(s))
	if len(u) > 10 && u[10] == ' ' {
		u = u[:10] + "T" + u[11:]
	}
	for _, layout := range isoLayouts {
		if t, err := time.ParseInLocation(layout, u, paris.Location); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not an ISO 8601 date-time", s)
}
