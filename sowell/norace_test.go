//go:build !race

package sowell_test

const raceEnabled = false
