// Package setup is the little the example programs share: the -live flag,
// the choice between real services and in-memory fakes, and the deadline.
// Everything an example does with a service is in its own main.go.
package setup

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// Main runs an example with a one-minute deadline, the command line's
// arguments and the process environment, printing to stdout; it exits 1
// on error (2 on a bad flag).
func Main(run func(ctx context.Context, w io.Writer, args []string, getenv func(string) string) error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	err := run(ctx, os.Stdout, os.Args[1:], os.Getenv)
	cancel()
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// Live parses an example's command line, whose one flag is -live: write to
// the real services. Without it an example pointed at real services only
// reads, and prints what it would send.
func Live(name string, args []string, w io.Writer) (bool, error) {
	flags := flag.NewFlagSet(name, flag.ContinueOnError)
	flags.SetOutput(w)
	live := flags.Bool("live", false, "write to the real services (without it, only read and print what would be sent)")
	if err := flags.Parse(args); err != nil {
		return false, err
	}
	if flags.NArg() > 0 {
		return false, fmt.Errorf("%s: unexpected argument %q (the only flag is -live)", name, flags.Arg(0))
	}
	return *live, nil
}

// Service names one service's environment variables: Required must all be
// set to use the real service; Optional ones change how.
type Service struct {
	Name     string
	Required []string
	Optional []string
}

// Real says whether an example runs on real services: false when none of
// the services' variables is set (the fakes), true when every required one
// is. Anything between is refused with an error naming the variables that
// are set and those missing: an example never mixes a real service with a
// fake one, nor guesses a missing credential.
func Real(getenv func(string) string, services ...Service) (bool, error) {
	var set, missing []string
	for _, s := range services {
		for _, v := range s.Required {
			if getenv(v) != "" {
				set = append(set, v)
			} else {
				missing = append(missing, v)
			}
		}
		for _, v := range s.Optional {
			if getenv(v) != "" {
				set = append(set, v)
			}
		}
	}
	switch {
	case len(set) == 0:
		return false, nil
	case len(missing) == 0:
		return true, nil
	}
	names := make([]string, len(services))
	for i, s := range services {
		names[i] = s.Name
	}
	return false, fmt.Errorf("%s set but %s missing: set them all to run on the real %s, or none to run on the in-memory fakes",
		list(set, "is", "are"), list(missing, "is", "are"), strings.Join(names, " and "))
}

// list is "A is" or "A, B are".
func list(names []string, one, many string) string {
	if len(names) == 1 {
		return names[0] + " " + one
	}
	return strings.Join(names, ", ") + " " + many
}

// Stamp is a code unique to this run, from the time (base 36, upper
// case): what an example creates carries it, so that it never touches a
// record it did not make. Two calls never return the same stamp.
func Stamp() string {
	now := time.Now().UnixMicro()
	for {
		prev := last.Load()
		if now <= prev {
			now = prev + 1
		}
		if last.CompareAndSwap(prev, now) {
			return strings.ToUpper(strconv.FormatInt(now, 36))
		}
	}
}

var last atomic.Int64
