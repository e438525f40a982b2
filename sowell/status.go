package sowell

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/passerelle-go/passerelle/internal/enum"
	"github.com/passerelle-go/passerelle/internal/transport"
	"github.com/passerelle-go/passerelle/internal/validate"
)

// Status is a signalement's status in SoWell (its issue reports' model).
// The four constants are the statuses known from SoWell's public data
// model; SoWell's API is not public, so a Client may be told of others
// (WithStatuses).
type Status string

// SoWell's known statuses.
const (
	Pending  Status = "pending"  // reported, not yet handled
	Ongoing  Status = "ongoing"  // being handled
	Done     Status = "done"     // handled
	Canceled Status = "canceled" // dropped
)

var statusTable = enum.NewStrings("Status", []Status{Pending, Ongoing, Done, Canceled}, map[string]Status{"cancelled": Canceled})

func statusProblem(s Status) string {
	if strings.TrimSpace(string(s)) == "" {
		return "is empty"
	}
	if len(s) > 64 {
		return "is longer than 64 bytes"
	}
	return validate.TextProblem(string(s), false)
}

// UpdateStatus sets a report's status in SoWell: PUT of {"status": ...} at
// the status path, reportID (SoWell's id, see Receipt.SoWellID) escaped so
// that it stays one path segment; "", "." and ".." are refused before
// anything is sent.
//
// Retry class: Idempotent. It sets the status to a value: SoWell applies a
// second send the same way, so it is retried on transport errors, 429,
// 502, 503 and 504. A 2xx answer is the success; its body is not read.
func (c *Client) UpdateStatus(ctx context.Context, reportID string, status Status) error {
	var l validate.List
	path, err := transport.JoinPath(c.prefix, reportID)
	if err != nil {
		l.Add("id", "is empty, \".\" or \"..\": it cannot stand as one URL path segment")
	}
	if !c.Accepts(status) {
		l.Add("status", "is not a SoWell status this client knows (see WithStatuses)")
	}
	if err := validationError("status", l); err != nil {
		return err
	}
	body, _ := json.Marshal(map[string]Status{"status": status})
	_, err = c.call(ctx, transport.Request{Op: "status", Kind: transport.Idempotent, Method: http.MethodPut,
		URL: path + c.suffix, Body: body})
	return err
}

// StatusChange is a CRM request whose status changed.
type StatusChange struct {
	// ReportID is SoWell's id of the report, as the CRM kept it
	// (Receipt.SoWellID on SoWell's side, IDFromLink of the link on the
	// CRM's).
	ReportID string
	// Channel is the request's channel ("Canal"); only ChannelSoWell is
	// sent, letter case ignored.
	Channel string
	// CRMStatus is the request's new status in the CRM.
	CRMStatus string
}

// Notifier pushes CRM status changes to SoWell, for requests whose
// channel is SoWell only.
type Notifier struct {
	// Client sends the status to SoWell.
	Client *Client
	// Map translates the CRM's status to SoWell's.
	Map StatusMap
}

// Validate reports a map entry the client cannot send: a status other
// than the known ones and those given to WithStatuses.
func (n Notifier) Validate() error {
	if n.Client == nil {
		return errors.New("sowell: notifier: no client")
	}
	return n.Map.validate(n.Client.Accepts)
}

// Notify sends the change to SoWell when the channel is SoWell (letter
// case and surrounding spaces ignored) and reports whether it did. An
// unmapped status is an error wrapping ErrUnmappedStatus, and nothing is
// sent.
func (n Notifier) Notify(ctx context.Context, ch StatusChange) (bool, error) {
	if !strings.EqualFold(strings.TrimSpace(ch.Channel), ChannelSoWell) {
		return false, nil
	}
	if n.Client == nil {
		return false, errors.New("sowell: notifier: no client")
	}
	st, err := n.Map.Map(ch.CRMStatus)
	if err != nil {
		return false, err
	}
	if err := n.Client.UpdateStatus(ctx, ch.ReportID, st); err != nil {
		return false, err
	}
	return true, nil
}

// ErrUnmappedStatus is returned for a CRM status the StatusMap does not
// translate: SoWell is then not updated, rather than told something false.
var ErrUnmappedStatus = errors.New("sowell: CRM status has no SoWell status")

// StatusMap translates the CRM's request statuses to SoWell statuses. The
// status table of SoWell's CRM integration notes ("tsnei | tsrtrs") is a
// placeholder, so the map is the caller's; DefaultStatusMap is a starting
// point. Keys are compared with letter case and accents ignored. A value
// may be any status SoWell has: the known four, or one a Client accepts
// through WithStatuses (see Notifier.Validate).
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

// Validate reports entries that map to a status other than the four
// known ones, or two keys that are the same status spelt twice. A map
// targeting other statuses is checked by Notifier.Validate.
func (m StatusMap) Validate() error { return m.validate(Status.Valid) }

func (m StatusMap) validate(accepts func(Status) bool) error {
	var bad []string
	seen := map[string]string{}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if !accepts(m[k]) {
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
// ErrUnmappedStatus that names it. The status is returned as the map
// holds it: whether SoWell accepts it is the Client's check.
func (m StatusMap) Map(crmStatus string) (Status, error) {
	key := enum.Fold(crmStatus)
	for k, v := range m {
		if enum.Fold(k) == key && statusProblem(v) == "" {
			return v, nil
		}
	}
	return "", fmt.Errorf("%w: %q", ErrUnmappedStatus, crmStatus)
}
