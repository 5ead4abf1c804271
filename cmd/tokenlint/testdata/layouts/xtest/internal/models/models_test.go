package models

import "testing"

func TestRole(t *testing.T) {
	if Role == "" {
		t.Fatal("no role")
	}
}
