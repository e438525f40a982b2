package sowell

import "slices"

// SendPolicy decides which signalements SoWell sends to the CRM, the open
// question of SoWell's CRM integration notes ("Questions"). Each answer
// the notes list is a policy.
type SendPolicy struct {
	// Mode is which signalements go.
	Mode SendMode
	// Categories are the qualification codes sent under SendCategories.
	Categories []string
}

// SendMode is one of the answers the notes list.
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
	// ByAuthor is set when the author asked for it to be sent.
	ByAuthor bool
	// ByManager is set when a manager flagged it in the manager interface.
	ByManager bool
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
