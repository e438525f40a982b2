package easycall_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/passerelle-go/passerelle/easycall"
)

// The audit: 408 was classed Refused ("resending fails again"), though it
// says the server did not take the request; 425 says the same.
func TestNotTakenStatusesAreNotSent(t *testing.T) {
	t.Parallel()
	cases := map[int]easycall.Result{
		http.StatusRequestTimeout:      easycall.NotSent,
		http.StatusTooEarly:            easycall.NotSent,
		http.StatusTooManyRequests:     easycall.NotSent,
		http.StatusServiceUnavailable:  easycall.NotSent,
		http.StatusBadRequest:          easycall.Refused,
		http.StatusUnauthorized:        easycall.Refused,
		http.StatusNotFound:            easycall.Refused,
		http.StatusConflict:            easycall.Refused,
		http.StatusInternalServerError: easycall.Uncertain,
		http.StatusBadGateway:          easycall.Uncertain,
		http.StatusGatewayTimeout:      easycall.Uncertain,
	}
	for status, want := range cases {
		out := mocked(t, status, `{"message":"x"}`).ImportAll(context.Background(), []*easycall.Lead{validLead()}, easycall.ImportAllOptions{})
		require.Len(t, out, 1)
		assert.Equal(t, want, out[0].Result, "HTTP %d", status)
		var e *easycall.Error
		require.True(t, errors.As(out[0].Err, &e), "HTTP %d", status)
		assert.Equal(t, status, e.StatusCode)
	}
}
