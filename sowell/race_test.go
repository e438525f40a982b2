//go:build race

package sowell_test

// raceEnabled skips the heap measurements: the race detector changes
// what they measure.
const raceEnabled = true
