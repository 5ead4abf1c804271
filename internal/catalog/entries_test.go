package catalog

import (
	"reflect"
	"testing"
)

func TestFormatEntries(t *testing.T) {
	for _, tc := range []struct {
		format string
		want   []FormatEntry
	}{
		{"export AWS_SESSION_TOKEN=%s\n", []FormatEntry{{"AWS_SESSION_TOKEN", 0}}},
		{"[default]\naws_access_key_id = %s\naws_secret_access_key = %s\naws_session_token = %s\n",
			[]FormatEntry{{"aws_access_key_id", 0}, {"aws_secret_access_key", 1}, {"aws_session_token", 2}}},
		{"$env:AWS_SESSION_TOKEN=\"%s\"", []FormatEntry{{"AWS_SESSION_TOKEN", 0}}},
		{"%d%% done, AWS_SESSION_TOKEN: %*s", []FormatEntry{{"AWS_SESSION_TOKEN", 2}}},
		{"token %s for %s", nil},
		{"AWS_SESSION_TOKEN is %s", nil},
	} {
		if got := FormatEntries(tc.format); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("FormatEntries(%q) = %v, want %v", tc.format, got, tc.want)
		}
	}
}
