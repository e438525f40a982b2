package divalto_test

import (
	"time"

	"github.com/passerelle-go/passerelle/divalto"
)

var testTime = time.Date(2026, 11, 22, 9, 30, 0, 0, divalto.Paris)
