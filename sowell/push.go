package sowell

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/passerelle-go/passerelle/internal/transport"
	"github.com/passerelle-go/passerelle/internal/validate"
)

// DefaultUIDKeys are the JSON members Push reads the CRM UID from, in this
// order, letter case ignored: SoWell's CRM integration notes say the CRM
// answers a "CRM UID" but name no key.
var DefaultUIDKeys = []string{"id", "uid", "crmUid", "crm_uid", "crmId", "crm_id"}

// IDFromLink is SoWell's id of a report taken from its link ("Lien
// SoWell", the report's page in SoWell's manager interface): the last
// non-empty segment of its path, unescaped
// ("https://manager.sowell.example/issues/981" gives "981"). SoWell's
// public URLs are built this way. The rule for the rest of the link:
//
//   - A fragment that is a path (client-side routing,
//     "https://manager.sowell.example/#/issues/981") is the path the id
//     is taken from; any other fragment ("#photos") is ignored.
//   - A query naming an id (a parameter "id" or ending in "_id", "-id",
//     "Id" or "ID", as in "/issues?id=981") is refused: the id is then
//     not in the path, and the path's last segment would give every
//     report the same id. Other parameters ("?tab=1") are ignored.
//   - A link without a path segment to take, or whose last one is "." or
//     "..", is refused.
//
// NewHandler and ToCRMRequest refuse the links this function refuses;
// WithSoWellID replaces the rule for Push only.
func IDFromLink(link string) (string, error) {
	u, err := url.Parse(link)
	if err != nil || u.Host == "" {
		return "", errors.New("is not an absolute URL")
	}
	path, query := u.EscapedPath(), u.Query()
	if f := u.EscapedFragment(); strings.HasPrefix(f, "/") {
		fu, err := url.Parse(f)
		if err != nil {
			return "", errors.New("has a fragment that is not a path")
		}
		path, query = fu.EscapedPath(), fu.Query()
	}
	for name := range query {
		if namesID(name) {
			return "", fmt.Errorf("names SoWell's id in its query (%q), not in its path", name)
		}
	}
	segs := strings.Split(strings.TrimRight(path, "/"), "/")
	last, err := url.PathUnescape(segs[len(segs)-1])
	if err != nil || last == "" || last == "." || last == ".." {
		return "", errors.New("has no last path segment to take SoWell's id from")
	}
	return last, nil
}

// namesID reports whether a query parameter's name names an id.
func namesID(name string) bool {
	l := strings.ToLower(name)
	return l == "id" || strings.HasSuffix(l, "_id") || strings.HasSuffix(l, "-id") ||
		strings.HasSuffix(name, "Id") || strings.HasSuffix(name, "ID")
}

// Receipt is what Push returns: the CRM's answer and the ids that address
// the report from now on.
type Receipt struct {
	// CRMUID is the CRM's id of the report ("CRM UID"), the common
	// reference of its follow-up. It is empty when the CRM's 2xx answer
	// named none: the report was taken nonetheless, so do not count it as
	// failed; a CRM built on NewHandler answers a second Push of the same
	// report with the same UID.
	CRMUID string
	// SoWellID is SoWell's id of the report, derived from its link (see
	// IDFromLink and WithSoWellID): the id the CRM gives Client.UpdateStatus.
	SoWellID string
	// StatusCode is the CRM's HTTP status: 201 for a new report, 200 when a
	// CRM built on NewHandler already had it (a replay), any 2xx from
	// another CRM.
	StatusCode int
}

// errStreamed refuses a second attempt once photos were streamed.
var errStreamed = errors.New("the report's photos were already streamed: it cannot be sent again")

// Push validates the report with the limits of NewHandler (Report.Validate,
// the photos' known sizes against WithMaxPushSize) and sends it, streaming
// its photos' content as base64 (not their Name: the wire form has no
// place for it, see Photo.Name); nothing is sent when it is invalid. Any 2xx answer
// is a success, as SoWell's CRM integration notes say; the CRM UID is read
// from the answer (WithUIDKeys, WithUIDFromLocation).
//
// Retry class: NotIdempotent. A second send could create a second report
// in a CRM that does not recognise replays, and the photos' streams cannot
// be read twice: the push is retried only while nothing of it reached the
// CRM (no connection made, or 429/503 before the body was read). A CRM
// built on NewHandler identifies a report by its link ("Lien SoWell") and
// answers a replay with the first CRM UID, so after an uncertain failure
// (a dropped connection, a timeout) calling Push again with fresh photo
// readers is safe against such a CRM.
func (c *CRMClient) Push(ctx context.Context, r *Report) (*Receipt, error) {
	if r == nil {
		return nil, &ValidationError{Op: "report", Fields: []FieldError{{Field: "report", Problem: "is nil"}}}
	}
	l, id := r.check(c.linkID)
	for i, p := range r.Photos {
		if p.Data == nil {
			l.Add(fmt.Sprintf("photos[%d]", i), "has no data")
		}
	}
	if size, known := r.encodedSize(); known && size > c.maxPush && !hasField(l, "photos") {
		l.Add("photos", fmt.Sprintf("make a body of %d bytes, over the CRM's limit of %d", size, c.maxPush))
	}
	if err := validationError("report", l); err != nil {
		return nil, err
	}
	body := &lazyBody{report: r, max: c.maxPush}
	defer body.Close()
	resp, err := c.call(ctx, transport.Request{Op: "push", Kind: transport.NotIdempotent, Method: http.MethodPost, URL: c.path,
		Stream: func() (io.Reader, error) {
			if body.started() {
				return nil, errStreamed
			}
			return body, nil
		}})
	if err != nil {
		return nil, err
	}
	return &Receipt{CRMUID: c.uid(resp), SoWellID: id, StatusCode: resp.StatusCode}, nil
}

// hasField reports whether l lists a problem of field.
func hasField(l validate.List, field string) bool {
	for _, p := range l {
		if p.Field == field {
			return true
		}
	}
	return false
}

// uid finds the CRM UID in a 2xx answer: a UID key of a JSON object (a
// string or a number), else the Location's last path segment.
func (c *CRMClient) uid(resp *transport.Response) string {
	if len(c.uidKeys) > 0 {
		var obj map[string]json.RawMessage
		if json.Unmarshal(resp.Body, &obj) == nil {
			for _, want := range c.uidKeys {
				for k, v := range obj {
					if strings.EqualFold(k, want) {
						if s := text(v); s != "" {
							return s
						}
					}
				}
			}
		}
	}
	if loc := resp.Header.Get("Location"); c.location && loc != "" {
		if u, err := url.Parse(loc); err == nil {
			segs := strings.Split(strings.TrimRight(u.EscapedPath(), "/"), "/")
			if s, err := url.PathUnescape(segs[len(segs)-1]); err == nil {
				return s
			}
		}
	}
	return ""
}

// encodedSize is the body's size when every photo's size is known.
func (r *Report) encodedSize() (int64, bool) {
	total := int64(4 << 10) // the text fields, generously
	for _, p := range r.Photos {
		n, ok := streamSize(p.Data)
		if !ok {
			return 0, false
		}
		total += int64(base64.StdEncoding.EncodedLen(int(n))) + 3
	}
	return total, true
}

// streamSize is the bytes left in r when r says so.
func streamSize(r io.Reader) (int64, bool) {
	switch v := r.(type) {
	case interface{ Len() int }: // *bytes.Reader, *strings.Reader, *bytes.Buffer
		return int64(v.Len()), true
	case *os.File:
		fi, err := v.Stat()
		if err != nil || !fi.Mode().IsRegular() {
			return 0, false
		}
		off, err := v.Seek(0, io.SeekCurrent)
		if err != nil {
			return 0, false
		}
		return fi.Size() - off, true
	}
	return 0, false
}

// lazyBody writes the report's wire form into a pipe, from its first
// Read: until then it can be handed to another attempt.
type lazyBody struct {
	report *Report
	max    int64
	once   sync.Once
	mu     sync.Mutex
	pr     *io.PipeReader
}

func (b *lazyBody) started() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.pr != nil
}

func (b *lazyBody) Read(p []byte) (int, error) {
	b.once.Do(func() {
		pr, pw := io.Pipe()
		b.mu.Lock()
		b.pr = pr
		b.mu.Unlock()
		go func() {
			w := &cappedWriter{w: pw, left: b.max}
			pw.CloseWithError(writeReport(w, b.report))
		}()
	})
	return b.pr.Read(p)
}

// Close stops the writer; before the first Read it does nothing.
func (b *lazyBody) Close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.pr != nil {
		return b.pr.CloseWithError(errStreamed)
	}
	return nil
}

// cappedWriter stops a body that outgrows the CRM's limit.
type cappedWriter struct {
	w    io.Writer
	left int64
}

func (c *cappedWriter) Write(p []byte) (int, error) {
	if int64(len(p)) > c.left {
		return 0, fmt.Errorf("the report's body exceeds the CRM's limit: stopped")
	}
	c.left -= int64(len(p))
	return c.w.Write(p)
}

// wireReport is a report's JSON fields but the photos.
type wireReport struct {
	Qualification string   `json:"qualification"`
	Residence     string   `json:"residence"`
	Spot          string   `json:"spot,omitempty"`
	Author        string   `json:"author"`
	AuthorEmail   string   `json:"author_email"`
	CreatedAt     string   `json:"created_at"`
	Priority      Priority `json:"priority"`
	Description   string   `json:"description"`
	URL           string   `json:"url"`
}

// writeReport writes the wire form NewHandler reads, photos encoded as
// they are read from their streams.
func writeReport(w io.Writer, r *Report) error {
	head, err := json.Marshal(wireReport{
		Qualification: r.Qualification, Residence: r.Residence, Spot: r.Spot, Author: r.Author, AuthorEmail: r.AuthorEmail,
		CreatedAt: wireTime(r.CreatedAt), Priority: r.Priority, Description: r.Description, URL: r.URL,
	})
	if err != nil {
		return err
	}
	if _, err := w.Write(append(head[:len(head)-1], `,"photos":[`...)); err != nil {
		return err
	}
	for i, p := range r.Photos {
		sep := `"`
		if i > 0 {
			sep = `,"`
		}
		if _, err := io.WriteString(w, sep); err != nil {
			return err
		}
		enc := base64.NewEncoder(base64.StdEncoding, w)
		if _, err := io.Copy(enc, p.Data); err != nil {
			return fmt.Errorf("photo %d: %w", i+1, err)
		}
		if err := enc.Close(); err != nil {
			return err
		}
		if _, err := io.WriteString(w, `"`); err != nil {
			return err
		}
	}
	_, err = io.WriteString(w, "]}")
	return err
}

// wireTime writes a creation date as the notes' example does, in UTC with
// milliseconds ("2012-04-23T18:25:43.511Z"), or with every digit of a
// finer fraction, so that a date read by NewHandler goes out unchanged.
func wireTime(t time.Time) string {
	if t.Nanosecond()%int(time.Millisecond) == 0 {
		return t.UTC().Format("2006-01-02T15:04:05.000Z07:00")
	}
	return t.UTC().Format(time.RFC3339Nano)
}
