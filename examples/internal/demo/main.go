package demo

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"
)

// Main runs story with a one-minute deadline, printing to stdout, and
// exits 1 on error.
func Main(story func(ctx context.Context, w io.Writer) error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	err := story(ctx, os.Stdout)
	cancel()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
