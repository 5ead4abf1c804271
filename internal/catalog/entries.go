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
