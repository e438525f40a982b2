package sowell_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"

	"github.com/passerelle-go/passerelle/sowell"
)

// memorySink stores reports in memory; a CRM's sink writes them to its
// database in one transaction.
type memorySink struct {
	mu     sync.Mutex
	byLink map[string]string
	files  map[string][]string
}

func (s *memorySink) Begin(context.Context) (sowell.Tx, error) { return &memoryTx{sink: s}, nil }

func (s *memorySink) Lookup(_ context.Context, link string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.byLink[link], nil
}

type memoryTx struct {
	sink  *memorySink
	files []string
}

func (t *memoryTx) AddPhoto(_ context.Context, name string, data io.Reader) error {
	n, err := io.Copy(io.Discard, data) // a CRM streams it to its file store
	t.files = append(t.files, fmt.Sprintf("%s (%d bytes)", name, n))
	return err
}

func (t *memoryTx) Commit(_ context.Context, r *sowell.Report) (string, error) {
	t.sink.mu.Lock()
	defer t.sink.mu.Unlock()
	if id, ok := t.sink.byLink[r.URL]; ok {
		return id, sowell.ErrDuplicate
	}
	id := fmt.Sprintf("REQ-%d", len(t.sink.byLink)+1)
	t.sink.byLink[r.URL] = id
	t.sink.files[id] = t.files
	return id, nil
}

func (t *memoryTx) Rollback(context.Context) error { return nil }

// The CRM's endpoint, pushed to by a CRMClient: a report is created, its
// replay answered with the same id, and a bad report refused field by
// field.
func ExampleNewHandler() {
	const token = "crm-token-for-sowell"
	sink := &memorySink{byLink: map[string]string{}, files: map[string][]string{}}
	mux := http.NewServeMux()
	mux.Handle(sowell.DefaultCRMPath, sowell.NewHandler(sink, sowell.WithBearerToken(token), sowell.WithReadTimeout(time.Minute)))
	srv := httptest.NewServer(mux)
	defer srv.Close()

	c, err := sowell.NewCRMClient(srv.URL, token)
	if err != nil {
		fmt.Println(err)
		return
	}
	push := func() {
		rc, err := c.Push(context.Background(), &sowell.Report{
			Qualification: "FUITE_EAU", Residence: "RES-0042", Author: "Martin Claire", AuthorEmail: "claire.martin@example.fr",
			CreatedAt: time.Date(2012, 4, 23, 18, 25, 43, 0, time.UTC), Priority: sowell.High, Description: "Fuite d'eau",
			Photos: []sowell.Photo{{Data: strings.NewReader("\x89PNG\r\n\x1a\n...")}},
			URL:    "https://manager.sowell.example/issues/981",
		})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(rc.StatusCode, rc.CRMUID, rc.SoWellID)
	}
	push()
	push() // a replay: the same id, nothing stored twice
	fmt.Println(sink.files["REQ-1"])

	req, _ := http.NewRequest(http.MethodPost, srv.URL+sowell.DefaultCRMPath, strings.NewReader(`{"author":"A\r\nX-Injected: 1","priority":"urgent"}`))
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	var refused struct {
		Fields []sowell.FieldError `json:"fields"`
	}
	_ = json.NewDecoder(resp.Body).Decode(&refused)
	fmt.Println(resp.StatusCode, len(refused.Fields), "problems, among them:")
	for _, f := range refused.Fields {
		if f.Field == "author" || f.Field == "priority" {
			fmt.Println(" ", f)
		}
	}
	// Output:
	// 201 REQ-1 981
	// 200 REQ-1 981
	// [photo-1.png (11 bytes)]
	// 400 8 problems, among them:
	//   author: holds a line break or a tab
	//   priority: must be low, normal or high
}
