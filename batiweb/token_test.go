package batiweb_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/passerelle-go/passerelle/batiweb"
)

// The audit: Status("T\xff\x00") sent "T\ufffd\u0000". A token the
// caller introduces with invalid UTF-8 or a control character is refused
// with a field error before anything is sent; Batiweb's tokens are hex.
func TestStatusTokenText(t *testing.T) {
	t.Parallel()
	for _, token := range []string{"T\xff\x00", "T\xff", "T\x00", "T\n", "T\t", "\x7f"} {
		c, seen := capture(t, `{"token":"T","status":1}`)
		_, err := c.Status(context.Background(), token)
		var v *batiweb.ValidationError
		require.ErrorAs(t, err, &v, "%q", token)
		assert.True(t, v.Field("token"))
		assert.Empty(t, seen(), "nothing is sent")
	}
	c, seen := capture(t, `{"token":"T","status":1}`)
	_, err := c.Status(context.Background(), " tokén ")
	require.NoError(t, err)
	assert.Equal(t, " tokén ", seen()[0]["token"], "anything else goes out as written")
}
