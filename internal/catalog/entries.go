package catalog

import "strings"

// EntryName returns the credential variable or key that a constant text
// puts a value under: it ends with "NAME=" (atEnd, for concatenation) or
// has "NAME=%" (a format), with optional spaces or a colon, "export ".
// Of several, the smallest name (upper case for environment variables,
// lower case for credential-file keys) is returned.
func EntryName(text string, atEnd bool) string {
	if text == "" {
		return ""
	}
	upper := strings.ToUpper(text)
	best := ""
	for _, names := range []map[string]bool{TokenEnvNames, KeyEnvNames} {
		for name := range names {
			for i := strings.Index(upper, name); i >= 0; {
				rest := strings.TrimLeft(text[i+len(name):], " \t")
				if strings.HasPrefix(rest, "=") || strings.HasPrefix(rest, ":") {
					rest = strings.TrimLeft(rest[1:], " \t\"'")
					if (atEnd && rest == "") || (!atEnd && strings.HasPrefix(rest, "%")) {
						n := name
						if text[i:i+len(name)] != name {
							n = strings.ToLower(name)
						}
						if best == "" || n < best {
							best = n
						}
					}
				}
				j := strings.Index(upper[i+1:], name)
				if j < 0 {
					break
				}
				i += 1 + j
			}
		}
	}
	return best
}

// IsNamedFormat reports whether a format puts its second argument under
// the name its first argument gives ("%s=%s", "%s=%q", "export %s=%s"):
// a helper that formats an entry from a name it is given.
func IsNamedFormat(format string) bool {
	f := strings.TrimPrefix(strings.TrimSpace(format), "export ")
	f = strings.TrimRight(f, "\n")
	switch f {
	case "%s=%s", "%s=%q", "%s=%v", "%s=\"%s\"", "%s = %s":
		return true
	}
	return false
}

// A FormatEntry is a credential variable or key a format puts a value
// under, and the index (among the format's arguments) of that value.
type FormatEntry struct {
	Name string
	Arg  int
}

// FormatEntries returns every credential variable or key a format puts
// a value under ("aws_access_key_id = %s\naws_session_token = %s"), each
// with the argument its verb formats, in the order of the format.
func FormatEntries(format string) []FormatEntry {
	var out []FormatEntry
	upper := strings.ToUpper(format)
	arg := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		if i+1 < len(format) && format[i+1] == '%' {
			i++
			continue
		}
		// Skip the verb's flags, width and precision; a * takes an argument.
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0123456789.*[]", format[j]) >= 0 {
			if format[j] == '*' {
				arg++
			}
			j++
		}
		// The text before this verb, back to the previous verb or line.
		start := strings.LastIndexAny(format[:i], "\n%") + 1
		before := strings.TrimRight(format[start:i], " \t\"'")
		if strings.HasSuffix(before, "=") || strings.HasSuffix(before, ":") {
			key := strings.TrimRight(before[:len(before)-1], " \t")
			for _, names := range []map[string]bool{TokenEnvNames, KeyEnvNames} {
				for name := range names {
					if strings.HasSuffix(strings.ToUpper(key), name) {
						n := name
						if upper[start : start+len(key)][len(key)-len(name):] != format[start : start+len(key)][len(key)-len(name):] {
							n = strings.ToLower(name)
						}
						out = append(out, FormatEntry{Name: n, Arg: arg})
					}
				}
			}
		}
		arg++
		i = j
	}
	return out
}
