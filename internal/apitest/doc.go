// Package apitest holds the tests that hold the five API packages to one
// shape: the same option set, the same error fields and sentinels, the same
// validation and batch-outcome types, the same fault injection in every
// fake server. It has no code of its own.
package apitest
