package sowell

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/passerelle-go/passerelle/internal/enum"
)

// Status is a signalement's status in SoWell (its issue reports' model).
type Status string

// SoWell's statuses.
const (
	Pending  Status = "pending"  // reported, not yet handled
	Ongoing  Status = "ongoing"  // being handled
	Done     Status = "done"     // handled
	Canceled Status = "canceled" // dropped
)

var statusTable = enum.NewStrings("Status", []Status{Pending, Ongoing, Done, Canceled}, map[string]Status{"cancelled": Canceled})

// Valid reports whether s is one of SoWell's statuses.
func (s Status) Valid() bool { return statusTable.Valid(s) }

// ErrUnmappedStatus is returned for a CRM status the StatusMap does not
// translate: SoWell is then not updated, rather than told something false.
var ErrUnmappedStatus = errors.New("sowell: CRM status has no SoWell status")

// StatusMap translates the CRM's request statuses to SoWell statuses. The
// seed's table ("tsnei | tsrtrs") is a placeholder, so the map is the
// caller's; DefaultStatusMap is a starting point. Keys are compared case
// and accents ignored.
type StatusMap map[string]Status

// DefaultStatusMap maps the usual statuses of a landlord's CRM request:
// Transférée and Nouvelle to pending; En cours, Affectée and En attente
// to ongoing; Traitée, Résolue and Clôturée to done; Annulée and Rejetée
// to canceled.
func DefaultStatusMap() StatusMap {
	return StatusMap{
		StatusTransferred: Pending, "Nouvelle": Pending,
		"En cours": Ongoing, "Affectée": Ongoing, "En attente": Ongoing,
		"Traitée": Done, "Résolue": Done, "Clôturée": Done,
		"Annulée": Canceled, "Rejetée": Canceled,
	}
}

// Validate reports entries that map to a value SoWell does not have, or
// two keys that are the same status spelt twice.
func (m StatusMap) Validate() error {
	var bad []string
	seen := map[string]string{}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if !m[k].Valid() {
			bad = append(bad, fmt.Sprintf("%q maps to %q, not a SoWell status", k, m[k]))
		}
		if prev, dup := seen[enum.Fold(k)]; dup {
			bad = append(bad, fmt.Sprintf("%q and %q are the same status", prev, k))
		}
		seen[enum.Fold(k)] = k
	}
	if len(bad) > 0 {
		return errors.New("sowell: status map: " + strings.Join(bad, "; "))
	}
	return nil
}

// Map returns the SoWell status of a CRM status, or an error wrapping
// ErrUnmappedStatus that names it.
func (m StatusMap) Map(crmStatus string) (Status, error) {
	key := enum.Fold(crmStatus)
	for k, v := range m {
		if enum.Fold(k) == key && v.Valid() {
			return v, nil
		}
	}
	return "", fmt.Errorf("%w: %q", ErrUnmappedStatus, crmStatus)
}

// SendPolicy decides which signalements SoWell sends to the CRM, the open
// question of the seed. Each answer the seed lists is a policy.
type SendPolicy struct {
	// Mode is which signalements go.
	Mode SendMode
	// Categories are the qualification codes sent under SendCategories.
	Categories []string
}

// SendMode is one of the seed's answers.
type SendMode int

const (
	// SendAll sends every signalement.
	SendAll SendMode = iota
	// SendCategories sends the signalements of some categories only.
	SendCategories
	// SendFlaggedByAuthor sends those the author asked to send.
	SendFlaggedByAuthor
	// SendFlaggedByManager sends those a manager flagged in SoWell's
	// manager interface.
	SendFlaggedByManager
)

// Flags are what SoWell knows of a signalement beyond the report.
type Flags struct {
	ByAuthor  bool // the author asked for it to be sent
	ByManager bool // a manager flagged it in the manager interface
}

// Sends reports whether the policy sends the report.
func (p SendPolicy) Sends(r *Report, f Flags) bool {
	switch p.Mode {
	case SendAll:
		return true
	case SendCategories:
		return slices.Contains(p.Categories, r.Qualification)
	case SendFlaggedByAuthor:
		return f.ByAuthor
	case SendFlaggedByManager:
		return f.ByManager
	}
	return false
}
