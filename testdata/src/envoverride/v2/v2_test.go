package v2

import (
	"os"
	"testing"
)

// Tests persist nothing: t.Setenv, and helpers that take a testing.TB.
func TestSetenv(t *testing.T) {
	t.Setenv("AWS_SESSION_TOKEN", "token")
	setToken(t, "token")
}

func setToken(tb testing.TB, token string) {
	tb.Helper()
	os.Setenv("AWS_SESSION_TOKEN", token)
}
