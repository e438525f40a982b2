package sowell

import (
	"bufio"
	"bytes"
	"context"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Sink is where the CRM stores pushed reports. Each request opens a
// transaction: photos arrive first as they are read from the request,
// then the report, validated, is committed; a request that fails at any
// point is rolled back, so nothing is half-stored.
type Sink interface {
	// Begin opens the transaction of one request.
	Begin(ctx context.Context) (Tx, error)
	// Lookup returns the CRM id of the report already stored with this
	// link ("Lien SoWell", Report.URL), or "" when there is none. The
	// link is the report's identity: a replayed push is answered with the
	// first id instead of storing a second report.
	Lookup(ctx context.Context, link string) (id string, err error)
}

// Tx is one report being stored.
type Tx interface {
	// AddPhoto stores a photo from a stream decoded while the request is
	// read. It must consume data or return an error.
	AddPhoto(ctx context.Context, name string, data io.Reader) error
	// Commit stores the report (its Photos are the names already added,
	// without data) and returns the CRM's id for it. When the store
	// already holds a report with the same link (several handler
	// processes share one store), Commit returns that report's id and an
	// error wrapping ErrDuplicate: the push is then answered as a replay.
	Commit(ctx context.Context, r *Report) (id string, err error)
	// Rollback drops everything the transaction added.
	Rollback(ctx context.Context) error
}

// ErrDuplicate is what Tx.Commit wraps when its store already holds a
// report with the same link.
var ErrDuplicate = errors.New("sowell: a report with this link is already stored")

// DefaultMaxBodySize bounds a pushed report: MaxPhotos photos of about
// 3.5 MB each in base64, and the text.
const DefaultMaxBodySize int64 = 100 << 20

// DefaultReadTimeout bounds the time a request's body takes to arrive:
// 100 MiB at 350 kB/s. A slower body would hold the sink's transaction
// open for as long as the sender likes.
const DefaultReadTimeout = 5 * time.Minute

// maxProblems bounds the problems a 400 answer lists.
const maxProblems = 20

// HandlerOption configures NewHandler.
type HandlerOption func(*handler)

// WithBearerToken sets the token SoWell presents ("Authorization: Bearer
// <token>"). A handler without one accepts nobody.
func WithBearerToken(token string) HandlerOption {
	return func(h *handler) { h.token = []byte(token) }
}

// WithMaxBodySize bounds the request body (DefaultMaxBodySize otherwise).
func WithMaxBodySize(n int64) HandlerOption {
	return func(h *handler) {
		if n > 0 {
			h.maxBody = n
		}
	}
}

// WithReadTimeout bounds the time the request body takes to arrive,
// counted from the start of the handler (DefaultReadTimeout otherwise).
// The handler sets it as the connection's read deadline through
// http.ResponseController, so a stalled read is cut; behind a
// ResponseWriter that cannot set one (a middleware's writer without an
// Unwrap method), the deadline is checked before each read instead.
func WithReadTimeout(d time.Duration) HandlerOption {
	return func(h *handler) {
		if d > 0 {
			h.readTimeout = d
		}
	}
}

type handler struct {
	sink        Sink
	token       []byte
	maxBody     int64
	readTimeout time.Duration
	links       keyedLocks
}

// NewHandler returns the CRM's endpoint for SoWell's pushes (the wire form
// Push sends: see the package documentation).
//
// It answers POST only (405), a bearer token compared in constant time
// (401; the scheme's name "Bearer" is read in any letter case, as RFC
// 7235 says), JSON only (415), a body under WithMaxBodySize (413) arriving
// within WithReadTimeout (408: the handler sets its own read deadline
// through http.ResponseController, whatever the server's timeouts), 400
// with a JSON list of the bad fields ({"error", "fields", "more"}), 201
// with the sink's id ({"id"}), 200 with the first id when the sink already
// holds a report with the same link (a replay; concurrent replays in one
// process are serialised), 5xx when the sink fails. Any answer but 200 and
// 201 rolls the transaction back.
//
// Photos stream from the request to the sink, decoded from base64 as they
// are read and named by PhotoName: neither the body nor a photo is held in
// memory, and the handler's memory stays a few hundred kilobytes whatever
// the body holds: a 400 lists at most 20 problems, one per field, and
// counts the others in "more". Keys are read in any letter case, as
// encoding/json reads them; a key given twice is refused, an unknown key
// of any length is skipped (its bytes are not kept), and the MaxPhotos
// limit counts every photo of the body. The report is checked as
// Report.Validate does: invalid UTF-8 and control characters are refused,
// line breaks (U+2028 and U+2029 included) allowed in the description
// only, and a link from which IDFromLink takes no SoWell id is refused
// (field "url"), as Push refuses it.
func NewHandler(sink Sink, opts ...HandlerOption) http.Handler {
	h := &handler{sink: sink, maxBody: DefaultMaxBodySize, readTimeout: DefaultReadTimeout}
	for _, o := range opts {
		o(h)
	}
	return h
}

// Format prints the handler without its token.
func (h *handler) Format(f fmt.State, _ rune) {
	fmt.Fprintf(f, "sowell.Handler{maxBody: %d, readTimeout: %s, token set: %t}", h.maxBody, h.readTimeout, len(h.token) > 0)
}

// answer is the handler's JSON answer.
type answer struct {
	ID     string       `json:"id,omitempty"`
	Error  string       `json:"error,omitempty"`
	Fields []FieldError `json:"fields,omitempty"`
	More   int          `json:"more,omitempty"`
}

func reply(w http.ResponseWriter, status int, a answer) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(a)
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		reply(w, http.StatusMethodNotAllowed, answer{Error: "POST only"})
		return
	}
	given, ok := bearer(r.Header.Get("Authorization"))
	if !ok || len(h.token) == 0 || subtle.ConstantTimeCompare([]byte(given), h.token) != 1 {
		reply(w, http.StatusUnauthorized, answer{Error: "unauthorized"})
		return
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		reply(w, http.StatusUnsupportedMediaType, answer{Error: "application/json only"})
		return
	}
	body := &bodyReader{r: http.MaxBytesReader(w, r.Body, h.maxBody), deadline: time.Now().Add(h.readTimeout)}
	rc := http.NewResponseController(w)
	if rc.SetReadDeadline(body.deadline) != nil {
		body.checkDeadline = true // no connection to set it on: check it at each read
	} else {
		defer func() { _ = rc.SetReadDeadline(time.Time{}) }()
	}
	ctx := r.Context()
	tx, err := h.sink.Begin(ctx)
	if err != nil {
		reply(w, http.StatusServiceUnavailable, answer{Error: "storage unavailable"})
		return
	}
	status, a := h.receive(ctx, tx, body, rc)
	if status != http.StatusCreated {
		_ = tx.Rollback(context.WithoutCancel(ctx))
	}
	reply(w, status, a)
}

// bearer returns the token of an Authorization header of the Bearer
// scheme, the scheme's name in any letter case (RFC 7235, 2.1).
func bearer(auth string) (string, bool) {
	const scheme = "Bearer "
	if len(auth) < len(scheme) || !strings.EqualFold(auth[:len(scheme)], scheme) {
		return "", false
	}
	return auth[len(scheme):], true
}

// receive reads the report from body, streaming photos to tx, and commits.
func (h *handler) receive(ctx context.Context, tx Tx, body *bodyReader, rc *http.ResponseController) (int, answer) {
	d := &decoder{s: &scanner{r: bufio.NewReaderSize(body, 32<<10)}, tx: tx}
	rep, err := d.report(ctx)
	if !body.checkDeadline {
		// The body is read: a deadline passing now would cancel the
		// request's context during the commit.
		_ = rc.SetReadDeadline(time.Time{})
	}
	var tooLarge *http.MaxBytesError
	var ne net.Error
	var sinkErr *sinkError
	switch {
	case err == nil:
	case errors.As(body.err, &tooLarge):
		return http.StatusRequestEntityTooLarge, answer{Error: fmt.Sprintf("body over %d bytes", h.maxBody)}
	case errors.Is(body.err, os.ErrDeadlineExceeded) || errors.As(body.err, &ne) && ne.Timeout():
		return http.StatusRequestTimeout, answer{Error: fmt.Sprintf("body not received within %s", h.readTimeout)}
	case body.err != nil:
		return http.StatusBadRequest, answer{Error: "body could not be read"}
	case errors.As(err, &sinkErr):
		return http.StatusInternalServerError, answer{Error: "storage failed"}
	default:
		return http.StatusBadRequest, answer{Error: err.Error()}
	}
	for _, p := range rep.problems() {
		d.add(p.Field, p.Problem)
	}
	if len(d.list) > 0 {
		msg := "invalid report"
		if d.more > 0 {
			msg += " (" + strconv.Itoa(d.more) + " more problems not listed)"
		}
		return http.StatusBadRequest, answer{Error: msg, Fields: d.list, More: d.more}
	}
	rep.Photos = d.photos
	unlock := h.links.lock(rep.URL)
	defer unlock()
	if id, err := h.sink.Lookup(ctx, rep.URL); err != nil {
		return http.StatusServiceUnavailable, answer{Error: "storage unavailable"}
	} else if id != "" {
		return http.StatusOK, answer{ID: id}
	}
	id, err := tx.Commit(ctx, rep)
	switch {
	case errors.Is(err, ErrDuplicate) && id != "":
		return http.StatusOK, answer{ID: id}
	case err != nil:
		return http.StatusInternalServerError, answer{Error: "storage failed"}
	}
	return http.StatusCreated, answer{ID: id}
}

// bodyReader remembers the first error of the request's body, so that a
// failure is told apart from the sink's, whatever the sink makes of it;
// without a connection to set a read deadline on, it checks the deadline
// at each read.
type bodyReader struct {
	r             io.Reader
	deadline      time.Time
	checkDeadline bool
	err           error
}

func (b *bodyReader) Read(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	if b.checkDeadline && time.Now().After(b.deadline) {
		b.err = os.ErrDeadlineExceeded
		return 0, b.err
	}
	n, err := b.r.Read(p)
	if err != nil && err != io.EOF {
		b.err = err
	}
	return n, err
}

// keyedLocks serialises the requests of one link.
type keyedLocks struct {
	mu sync.Mutex
	m  map[string]*keyLock
}

type keyLock struct {
	mu sync.Mutex
	n  int
}

func (k *keyedLocks) lock(key string) (unlock func()) {
	k.mu.Lock()
	if k.m == nil {
		k.m = map[string]*keyLock{}
	}
	l := k.m[key]
	if l == nil {
		l = &keyLock{}
		k.m[key] = l
	}
	l.n++
	k.mu.Unlock()
	l.mu.Lock()
	return func() {
		l.mu.Unlock()
		k.mu.Lock()
		if l.n--; l.n == 0 {
			delete(k.m, key)
		}
		k.mu.Unlock()
	}
}

// sinkError is a failure of the sink while photos are added.
type sinkError struct{ err error }

func (e *sinkError) Error() string { return "storage: " + e.err.Error() }
func (e *sinkError) Unwrap() error { return e.err }

// The keys of the wire form and their bounds.
var wireKeys = [...]struct {
	name      string
	max       int
	multiline bool
}{
	{"qualification", MaxText, false}, {"residence", MaxText, false}, {"spot", MaxText, false},
	{"author", MaxText, false}, {"author_email", MaxText, false}, {"created_at", MaxText, false},
	{"priority", MaxText, false}, {"description", MaxDescription, true}, {"url", MaxText, false},
	{"photos", 0, false},
}

const photosKey = 9 // wireKeys' index of "photos"

// wireKeyBytes are the keys compared with what the body holds: letter
// case ignored, as encoding/json does ("Qualification" is qualification,
// and given beside it, a repeated key).
var wireKeyBytes = func() (b [len(wireKeys)][]byte) {
	for i, k := range wireKeys {
		b[i] = []byte(k.name)
	}
	return b
}()

// decoder reads the wire form of a report (see Push): one JSON object
// with string fields and "photos", an array of base64 strings. Each
// photo is handed to the transaction as it is read. Its memory is bounded
// whatever the body: problems are capped and counted, repeated keys and
// photos past MaxPhotos are skipped, unknown keys are skipped unrecorded.
type decoder struct {
	s      *scanner
	tx     Tx
	list   []FieldError // one problem per field, at most maxProblems
	more   int          // problems found but not listed
	photos []Photo      // the photos handed to the sink
	count  int          // every photo of the body
}

// add records a problem: listed when its field has none yet and the list
// has room; past the cap, counted in more.
func (d *decoder) add(field, problem string) { d.record(field, problem, false) }

// repeat records a problem the body may repeat without bound (a key given
// again): a further one of a field already listed is counted in more.
func (d *decoder) repeat(field, problem string) { d.record(field, problem, true) }

func (d *decoder) record(field, problem string, count bool) {
	for _, f := range d.list {
		if f.Field == field {
			if count {
				d.more++
			}
			return
		}
	}
	if len(d.list) == maxProblems {
		d.more++
		return
	}
	d.list = append(d.list, FieldError{Field: field, Problem: problem})
}

func (d *decoder) report(ctx context.Context) (*Report, error) {
	s := d.s
	var vals [len(wireKeys)]string
	var seen [len(wireKeys)]bool
	if err := s.expect('{'); err != nil {
		return nil, err
	}
	for first := true; ; first = false {
		c, err := s.next()
		if err != nil {
			return nil, err
		}
		if c == '}' && first {
			break
		}
		if c != '"' {
			return nil, syntaxf("want a key")
		}
		kb, err := s.readKey(64)
		switch {
		case errors.Is(err, errTooLong):
			kb = nil // longer than any known key: an unknown key, skipped
		case err != nil:
			return nil, err
		}
		if err := s.expect(':'); err != nil {
			return nil, err
		}
		if c, err = s.next(); err != nil {
			return nil, err
		}
		k := -1
		for i := range wireKeyBytes {
			if bytes.EqualFold(kb, wireKeyBytes[i]) {
				k = i
				break
			}
		}
		key := ""
		if k >= 0 {
			key = wireKeys[k].name
		}
		switch {
		case k < 0: // unknown: skipped
			err = s.skip(c, 0)
		case seen[k]:
			d.repeat(key, "is given twice")
			if k == photosKey && c == '[' {
				err = d.readPhotos(ctx, false)
			} else {
				err = s.skip(c, 0)
			}
		case k == photosKey && c == '[':
			seen[k] = true
			err = d.readPhotos(ctx, true)
		case c == '"' && k != photosKey:
			seen[k] = true
			var v string
			v, err = s.readString(wireKeys[k].max)
			if errors.Is(err, errTooLong) {
				d.add(key, fmt.Sprintf("is longer than %d bytes", wireKeys[k].max))
				err = s.skip('"', 0) // the rest of the string
			}
			vals[k] = v
		default:
			seen[k] = true
			if c != 'n' { // null is an absent field
				d.add(key, "has the wrong type")
			}
			err = s.skip(c, 0)
		}
		if err != nil {
			return nil, err
		}
		if c, err = s.next(); err != nil {
			return nil, err
		}
		if c == '}' {
			break
		}
		if c != ',' {
			return nil, syntaxf("want ',' or '}'")
		}
	}
	if c, err := s.next(); err == nil {
		return nil, syntaxf("%q after the object", c)
	}
	rep := &Report{Qualification: vals[0], Residence: vals[1], Spot: vals[2], Author: vals[3], AuthorEmail: vals[4],
		Description: vals[7], URL: vals[8]}
	if vals[5] != "" {
		t, err := ParseTime(vals[5])
		if err != nil {
			d.add("created_at", "is not an ISO 8601 date-time")
		}
		rep.CreatedAt = t
	}
	if vals[6] != "" {
		p, err := ParsePriority(vals[6])
		if err != nil {
			p = Priority(vals[6]) // Validate names it
		}
		rep.Priority = p
	}
	if d.count > MaxPhotos {
		d.add("photos", fmt.Sprintf("holds %d photos: at most %d", d.count, MaxPhotos))
	}
	return rep, nil
}

// readPhotos reads an array of base64 strings, streaming each to the
// transaction while store is set and MaxPhotos is not reached, counting
// the others.
func (d *decoder) readPhotos(ctx context.Context, store bool) error {
	s := d.s
	for first := true; ; first = false {
		c, err := s.next()
		if err != nil {
			return err
		}
		if c == ']' && first {
			return nil
		}
		if c != '"' {
			return syntaxf("photos[%d] is not a string", d.count)
		}
		d.count++
		if !store || len(d.photos) == MaxPhotos {
			if err := s.skip('"', 0); err != nil {
				return err
			}
		} else if err := d.photo(ctx); err != nil {
			return err
		}
		if c, err = s.next(); err != nil {
			return err
		}
		if c == ']' {
			return nil
		}
		if c != ',' {
			return syntaxf("want ',' or ']'")
		}
	}
}

// photo streams one base64 string to the transaction.
func (d *decoder) photo(ctx context.Context) error {
	i := len(d.photos)
	sr := d.s.string()
	head, data := sniff(base64.NewDecoder(base64.StdEncoding, sr))
	name := PhotoName(i+1, head)
	if err := d.tx.AddPhoto(ctx, name, data); err != nil {
		var corrupt base64.CorruptInputError
		if errors.As(err, &corrupt) || errors.Is(err, errSyntax) || errors.Is(err, io.ErrUnexpectedEOF) {
			return fmt.Errorf("photos[%d]: not base64: %w", i, err)
		}
		return &sinkError{err}
	}
	// The sink may stop early; the string must still be consumed.
	if _, err := io.Copy(io.Discard, data); err != nil {
		return fmt.Errorf("photos[%d]: not base64: %w", i, err)
	}
	if _, err := io.Copy(io.Discard, sr); err != nil {
		return err
	}
	d.photos = append(d.photos, Photo{Name: name})
	return nil
}
