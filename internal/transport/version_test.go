package transport

import (
	"os"
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestVersionIsTheChangelogsLatestRelease: the User-Agent names the
// version the CHANGELOG last released.
func TestVersionIsTheChangelogsLatestRelease(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("../../CHANGELOG.md")
	require.NoError(t, err)
	m := regexp.MustCompile(`(?m)^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$`).FindSubmatch(b)
	require.NotNil(t, m, "the CHANGELOG has no released section")
	require.Equal(t, string(m[1]), Version, "transport.Version is not the CHANGELOG's latest release")
	require.Equal(t, "passerelle/"+Version, DefaultUserAgent)
}
