// Package robust_test holds the tokenlint command's slower end-to-end
// tests (robustness, determinism, real code, signals, the slow-load
// notice), apart from cmd/tokenlint's own so that each test binary stays
// well inside go test's default timeout on a cold 2-core machine.
package robust_test

import (
	"testing"

	"github.com/tokenlint/tokenlint/internal/clitest"
)

func TestMain(m *testing.M) { clitest.Main(m) }
