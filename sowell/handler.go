package sowell

import (
	"bufio"
	"context"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/passerelle-go/passerelle/internal/validate"
)

// Sink is where the CRM stores pushed reports. Each request opens a
// transaction: photos arrive first as they are read from the request,
// then the report, validated, is committed; a request that fails at any
// point is rolled back, so nothing is half-stored.
type Sink interface {
	Begin(ctx context.Context) (Tx, error)
}

// Tx is one report being stored.
type Tx interface {
	// AddPhoto stores a photo from a stream decoded while the request is
	// read. It must consume data or return an error.
	AddPhoto(ctx context.Context, name string, data io.Reader) error
	// Commit stores the report (its Photos are the names already added,
	// without data) and returns the CRM's id for it.
	Commit(ctx context.Context, r *Report) (id string, err error)
	// Rollback drops everything the transaction added.
	Rollback(ctx context.Context) error
}

// DefaultMaxBodySize bounds a pushed report: ten 5 MB photos in base64
// and the text.
const DefaultMaxBodySize int64 = 100 << 20

// HandlerOption configures NewHandler.
type HandlerOption func(*handler)

// WithBearerToken sets the token SoWell presents ("Authorization: Bearer
// <token>"). A handler without one accepts nobody.
func WithBearerToken(token string) HandlerOption {
	return func(h *handler) { h.token = []byte(token) }
}

// WithMaxBodySize bounds the request body (DefaultMaxBodySize otherwise).
func WithMaxBodySize(n int64) HandlerOption {
	return func(h *handler) { h.maxBody = n }
}

type handler struct {
	sink    Sink
	token   []byte
	maxBody int64
}

// NewHandler returns the CRM's endpoint for SoWell's pushes: POST only,
// bearer token compared in constant time, JSON only, a body size limit,
// 400 with a JSON list of the bad fields, 201 with the sink's id, 5xx when
// the sink fails. Photos stream from the request to the sink, decoded
// from base64 as they are read: neither the body nor a photo is held in
// memory.
func NewHandler(sink Sink, opts ...HandlerOption) http.Handler {
	h := &handler{sink: sink, maxBody: DefaultMaxBodySize}
	for _, o := range opts {
		o(h)
	}
	return h
}

// answer is the handler's JSON answer.
type answer struct {
	ID     string       `json:"id,omitempty"`
	Error  string       `json:"error,omitempty"`
	Fields []FieldError `json:"fields,omitempty"`
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
	auth := r.Header.Get("Authorization")
	given, ok := strings.CutPrefix(auth, "Bearer ")
	if !ok || len(h.token) == 0 || subtle.ConstantTimeCompare([]byte(given), h.token) != 1 {
		reply(w, http.StatusUnauthorized, answer{Error: "unauthorized"})
		return
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		reply(w, http.StatusUnsupportedMediaType, answer{Error: "application/json only"})
		return
	}
	ctx := r.Context()
	tx, err := h.sink.Begin(ctx)
	if err != nil {
		reply(w, http.StatusServiceUnavailable, answer{Error: "storage unavailable"})
		return
	}
	status, a := h.receive(ctx, tx, http.MaxBytesReader(w, r.Body, h.maxBody))
	if status != http.StatusCreated {
		_ = tx.Rollback(context.WithoutCancel(ctx))
	}
	reply(w, status, a)
}

// receive reads the report from body, streaming photos to tx, and commits.
func (h *handler) receive(ctx context.Context, tx Tx, body io.Reader) (int, answer) {
	rep, problems, err := decodeReport(ctx, &scanner{r: bufio.NewReaderSize(body, 32<<10)}, tx)
	var tooLarge *http.MaxBytesError
	var sinkErr *sinkError
	switch {
	case errors.As(err, &tooLarge):
		return http.StatusRequestEntityTooLarge, answer{Error: fmt.Sprintf("body over %d bytes", h.maxBody)}
	case errors.As(err, &sinkErr):
		return http.StatusInternalServerError, answer{Error: "storage failed"}
	case err != nil:
		return http.StatusBadRequest, answer{Error: err.Error()}
	}
	photos := rep.Photos
	rep.Photos = nil // validated apart: their data went to the sink
	if verr := rep.Validate(); verr != nil {
		var v *ValidationError
		errors.As(verr, &v)
		problems = append(problems, v.Fields...)
	}
	if len(problems) > 0 {
		return http.StatusBadRequest, answer{Error: "invalid report", Fields: problems}
	}
	rep.Photos = photos
	id, err := tx.Commit(ctx, rep)
	if err != nil {
		return http.StatusInternalServerError, answer{Error: "storage failed"}
	}
	return http.StatusCreated, answer{ID: id}
}

// sinkError is a failure of the sink while photos are added.
type sinkError struct{ err error }

func (e *sinkError) Error() string { return "storage: " + e.err.Error() }
func (e *sinkError) Unwrap() error { return e.err }

// Bounds of the report's text fields.
const (
	maxDescription = 64 << 10
	maxText        = 2 << 10
)

// decodeReport reads the wire form of a report (see Push): one JSON
// object with string fields and "photos", an array of base64 strings.
// Each photo is handed to tx as it is read. Fields of the wrong type are
// problems; unknown fields are skipped.
func decodeReport(ctx context.Context, s *scanner, tx Tx) (*Report, []FieldError, error) {
	var l validate.List
	rep := &Report{}
	text := map[string]*string{
		"qualification": &rep.Qualification, "residence": &rep.Residence, "spot": &rep.Spot,
		"author": &rep.Author, "author_email": &rep.AuthorEmail, "description": &rep.Description, "url": &rep.URL,
	}
	var created, priority string
	text["created_at"], text["priority"] = &created, &priority
	if err := s.expect('{'); err != nil {
		return nil, nil, err
	}
	for first := true; ; first = false {
		c, err := s.next()
		if err != nil {
			return nil, nil, err
		}
		if c == '}' && first {
			break
		}
		if c != '"' {
			return nil, nil, syntaxf("want a key")
		}
		key, err := s.readString(64)
		if err != nil {
			return nil, nil, syntaxf("key too long")
		}
		if err := s.expect(':'); err != nil {
			return nil, nil, err
		}
		if c, err = s.next(); err != nil {
			return nil, nil, err
		}
		switch dst, isText := text[key]; {
		case isText && c == '"':
			max := maxText
			if key == "description" {
				max = maxDescription
			}
			v, err := s.readString(max)
			if errors.Is(err, errTooLong) {
				l.Add(key, fmt.Sprintf("is longer than %d bytes", max))
				err = s.skip('"', 0) // the rest of the string
			}
			if err != nil {
				return nil, nil, err
			}
			*dst = v
		case key == "photos" && c == '[':
			photos, err := readPhotos(ctx, s, tx, &l)
			if err != nil {
				return nil, nil, err
			}
			rep.Photos = photos
		case isText || key == "photos":
			if c != 'n' { // null is an absent field
				l.Add(key, "has the wrong type")
			}
			if err := s.skip(c, 0); err != nil {
				return nil, nil, err
			}
		default:
			if err := s.skip(c, 0); err != nil {
				return nil, nil, err
			}
		}
		if c, err = s.next(); err != nil {
			return nil, nil, err
		}
		if c == '}' {
			break
		}
		if c != ',' {
			return nil, nil, syntaxf("want ',' or '}'")
		}
	}
	if created != "" {
		t, err := time.Parse(time.RFC3339Nano, created)
		if err != nil {
			l.Add("created_at", "is not an ISO 8601 date-time")
		}
		rep.CreatedAt = t
	}
	if priority != "" {
		p, err := ParsePriority(priority)
		if err != nil {
			p = Priority(priority) // Validate names it
		}
		rep.Priority = p
	}
	return rep, l, nil
}

// readPhotos streams each base64 string of the array to tx.
func readPhotos(ctx context.Context, s *scanner, tx Tx, l *validate.List) ([]Photo, error) {
	var photos []Photo
	for first := true; ; first = false {
		c, err := s.next()
		if err != nil {
			return nil, err
		}
		if c == ']' && first {
			return photos, nil
		}
		if c != '"' {
			return nil, syntaxf("photos[%d] is not a string", len(photos))
		}
		if len(photos) == MaxPhotos {
			l.Add("photos", fmt.Sprintf("at most %d photos", MaxPhotos))
			if err := s.skip('"', 0); err != nil {
				return nil, err
			}
		} else {
			name := fmt.Sprintf("photo-%d.jpg", len(photos)+1)
			sr := &stringReader{s: s}
			data := base64.NewDecoder(base64.StdEncoding, sr)
			if err := tx.AddPhoto(ctx, name, data); err != nil {
				var corrupt base64.CorruptInputError
				if errors.As(err, &corrupt) || errors.Is(err, errSyntax) || errors.Is(err, io.ErrUnexpectedEOF) {
					return nil, fmt.Errorf("photos[%d]: not base64: %w", len(photos), err)
				}
				var mb *http.MaxBytesError
				if errors.As(err, &mb) {
					return nil, err
				}
				return nil, &sinkError{err}
			}
			// The sink may stop early; the string must still be consumed.
			if _, err := io.Copy(io.Discard, data); err != nil {
				return nil, fmt.Errorf("photos[%d]: not base64: %w", len(photos), err)
			}
			if _, err := io.Copy(io.Discard, sr); err != nil {
				return nil, err
			}
			photos = append(photos, Photo{Name: name})
		}
		if c, err = s.next(); err != nil {
			return nil, err
		}
		if c == ']' {
			return photos, nil
		}
		if c != ',' {
			return nil, syntaxf("want ',' or ']'")
		}
	}
}
