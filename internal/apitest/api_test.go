package apitest

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"log/slog"
	"net/http"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/passerelle-go/passerelle/batiweb"
	"github.com/passerelle-go/passerelle/batiweb/batiwebtest"
	"github.com/passerelle-go/passerelle/divalto"
	"github.com/passerelle-go/passerelle/divalto/divaltotest"
	"github.com/passerelle-go/passerelle/easycall"
	"github.com/passerelle-go/passerelle/easycall/easycalltest"
	"github.com/passerelle-go/passerelle/factory"
	"github.com/passerelle-go/passerelle/factory/factorytest"
	"github.com/passerelle-go/passerelle/internal/transport"
	"github.com/passerelle-go/passerelle/sowell"
	"github.com/passerelle-go/passerelle/sowell/sowelltest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// options is the option set every client has. A package that lacks one, or
// gives it another signature, does not compile here.
type options[O any] struct {
	BaseURL         func(string) O // where the service has a default host
	HTTPClient      func(*http.Client) O
	Timeout         func(time.Duration) O
	Retry           func(int, time.Duration, time.Duration) O
	MaxRetryAfter   func(time.Duration) O
	Logger          func(*slog.Logger) O
	UserAgent       func(string) O
	MaxResponseSize func(int64) O
}

var (
	_ = options[batiweb.Option]{batiweb.WithBaseURL, batiweb.WithHTTPClient, batiweb.WithTimeout, batiweb.WithRetry, batiweb.WithMaxRetryAfter, batiweb.WithLogger, batiweb.WithUserAgent, batiweb.WithMaxResponseSize}
	_ = options[factory.Option]{factory.WithBaseURL, factory.WithHTTPClient, factory.WithTimeout, factory.WithRetry, factory.WithMaxRetryAfter, factory.WithLogger, factory.WithUserAgent, factory.WithMaxResponseSize}
	_ = options[easycall.Option]{easycall.WithBaseURL, easycall.WithHTTPClient, easycall.WithTimeout, easycall.WithRetry, easycall.WithMaxRetryAfter, easycall.WithLogger, easycall.WithUserAgent, easycall.WithMaxResponseSize}
	_ = options[divalto.Option]{divalto.WithBaseURL, divalto.WithHTTPClient, divalto.WithTimeout, divalto.WithRetry, divalto.WithMaxRetryAfter, divalto.WithLogger, divalto.WithUserAgent, divalto.WithMaxResponseSize}
	// SoWell's two ends have no default host: their URL is New's first
	// argument, so there is no WithBaseURL.
	_ = options[sowell.Option]{nil, sowell.WithHTTPClient, sowell.WithTimeout, sowell.WithRetry, sowell.WithMaxRetryAfter, sowell.WithLogger, sowell.WithUserAgent, sowell.WithMaxResponseSize}
)

// The fakes inject faults the same way: FailNext(n, Fault) with the
// FaultKind constants.
var (
	_ func(int, batiwebtest.Fault)  = (*batiwebtest.Server)(nil).FailNext
	_ func(int, factorytest.Fault)  = (*factorytest.Server)(nil).FailNext
	_ func(int, easycalltest.Fault) = (*easycalltest.Server)(nil).FailNext
	_ func(int, divaltotest.Fault)  = (*divaltotest.Server)(nil).FailNext
	_ func(int, sowelltest.Fault)   = (*sowelltest.CRM)(nil).FailNext
	_ func(int, sowelltest.Fault)   = (*sowelltest.SoWell)(nil).FailNext
	_                               = []any{batiwebtest.Redirect, factorytest.Redirect, easycalltest.Redirect, divaltotest.Redirect, sowelltest.Redirect}
)

// Batch outcomes have one vocabulary.
var (
	_ = []easycall.Result{easycall.Done, easycall.Refused, easycall.NotSent, easycall.Uncertain}
	_ = []divalto.Result{divalto.Done, divalto.Refused, divalto.NotSent, divalto.Uncertain}
	_ = easycall.Outcome{}.Result
	_ = divalto.Outcome{}.Result
)

type sentinels struct {
	unauthorized, malformed, tooLarge, redirect error
}

// TestErrorsShareOneShape: every package's Error has the same fields, and
// the same sentinels under the same names.
func TestErrorsShareOneShape(t *testing.T) {
	t.Parallel()
	pkgs := map[string]struct {
		errType    reflect.Type
		validation reflect.Type
		field      reflect.Type
		s          sentinels
	}{
		"batiweb":  {reflect.TypeFor[batiweb.Error](), reflect.TypeFor[batiweb.ValidationError](), reflect.TypeFor[batiweb.FieldError](), sentinels{batiweb.ErrUnauthorized, batiweb.ErrMalformedResponse, batiweb.ErrResponseTooLarge, batiweb.ErrRedirect}},
		"factory":  {reflect.TypeFor[factory.Error](), reflect.TypeFor[factory.ValidationError](), reflect.TypeFor[factory.FieldError](), sentinels{factory.ErrUnauthorized, factory.ErrMalformedResponse, factory.ErrResponseTooLarge, factory.ErrRedirect}},
		"easycall": {reflect.TypeFor[easycall.Error](), reflect.TypeFor[easycall.ValidationError](), reflect.TypeFor[easycall.FieldError](), sentinels{easycall.ErrUnauthorized, easycall.ErrMalformedResponse, easycall.ErrResponseTooLarge, easycall.ErrRedirect}},
		"divalto":  {reflect.TypeFor[divalto.Error](), reflect.TypeFor[divalto.ValidationError](), reflect.TypeFor[divalto.FieldError](), sentinels{divalto.ErrUnauthorized, divalto.ErrMalformedResponse, divalto.ErrResponseTooLarge, divalto.ErrRedirect}},
		"sowell":   {reflect.TypeFor[sowell.Error](), reflect.TypeFor[sowell.ValidationError](), reflect.TypeFor[sowell.FieldError](), sentinels{sowell.ErrUnauthorized, sowell.ErrMalformedResponse, sowell.ErrResponseTooLarge, sowell.ErrRedirect}},
	}
	want := map[string]reflect.Type{
		"Op": reflect.TypeFor[string](), "StatusCode": reflect.TypeFor[int](), "URL": reflect.TypeFor[string](),
		"Message": reflect.TypeFor[string](), "Body": reflect.TypeFor[string](), "Raw": reflect.TypeFor[[]byte](),
		"Err": reflect.TypeFor[error](),
	}
	for name, p := range pkgs {
		for field, typ := range want {
			f, ok := p.errType.FieldByName(field)
			if assert.True(t, ok, "%s.Error has no field %s", name, field) {
				assert.Equal(t, typ, f.Type, "%s.Error.%s", name, field)
			}
		}
		_, hasIs := reflect.PointerTo(p.errType).MethodByName("Is")
		assert.True(t, hasIs, "%s.Error has no Is method for its sentinels", name)
		for _, f := range []string{"Op", "Fields"} {
			_, ok := p.validation.FieldByName(f)
			assert.True(t, ok, "%s.ValidationError has no field %s", name, f)
		}
		assert.Equal(t, p.validation.PkgPath(), p.errType.PkgPath(), "%s.ValidationError is not the package's own type", name)
		assert.Equal(t, p.field.PkgPath(), p.errType.PkgPath(), "%s.FieldError is not the package's own type", name)
		assert.True(t, errors.Is(p.s.tooLarge, transport.ErrResponseTooLarge), name)
		assert.True(t, errors.Is(p.s.redirect, transport.ErrRedirect), name)
		assert.NotNil(t, p.s.unauthorized, name)
		assert.NotNil(t, p.s.malformed, name)
	}
}

// TestCommonOptionsShareTheirDocs: an option every client has reads the
// same in every package's documentation.
func TestCommonOptionsShareTheirDocs(t *testing.T) {
	t.Parallel()
	common := []string{"WithHTTPClient", "WithTimeout", "WithRetry", "WithMaxRetryAfter", "WithLogger", "WithUserAgent", "WithMaxResponseSize"}
	docs := map[string]map[string]string{} // option → package → doc
	for _, pkg := range []string{"batiweb", "factory", "easycall", "divalto", "sowell"} {
		fset := token.NewFileSet()
		pkgs, err := parser.ParseDir(fset, filepath.Join("..", "..", pkg), func(fi fs.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, parser.ParseComments)
		require.NoError(t, err)
		for _, p := range pkgs {
			for _, f := range p.Files {
				for _, d := range f.Decls {
					fn, ok := d.(*ast.FuncDecl)
					if !ok || fn.Recv != nil || !slices.Contains(common, fn.Name.Name) {
						continue
					}
					if docs[fn.Name.Name] == nil {
						docs[fn.Name.Name] = map[string]string{}
					}
					docs[fn.Name.Name][pkg] = fn.Doc.Text()
				}
			}
		}
	}
	for _, name := range common {
		require.Len(t, docs[name], 5, "%s is not in every package", name)
		first := docs[name]["batiweb"]
		for pkg, doc := range docs[name] {
			assert.Equal(t, first, doc, "%s.%s is documented unlike batiweb's", pkg, name)
		}
	}
}
