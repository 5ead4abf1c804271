package catalog

import "strings"

// gopkg.in/ini.v1, the library credential tools use to write the shared
// credentials file: keys and sections are parts of their file, values set
// on them are stored in it, and saving the file writes them.

// INIPackages are the import paths of gopkg.in/ini.v1.
var INIPackages = map[string]bool{"gopkg.in/ini.v1": true, "github.com/go-ini/ini": true}

// INIDerive are ini methods whose result is part of their receiver's file.
var INIDerive = map[string]bool{
	"Section": true, "NewSection": true, "GetSection": true,
	"Key": true, "NewKey": true, "GetKey": true,
}

// INISet are ini methods that put their value arguments into the file:
// (*Key).SetValue(v), (*Section).NewKey(name, v), (*Section).ReflectFrom(v).
var INISet = map[string]bool{"SetValue": true, "NewKey": true, "ReflectFrom": true}

// INISave are ini methods that write the file.
var INISave = map[string]bool{"SaveTo": true, "SaveToIndent": true, "WriteTo": true, "WriteToIndent": true}

// INITagKey returns the ini key a struct field's tag names
// (`ini:"aws_session_token,omitempty"`), or "".
func INITagKey(tag string) string {
	name, _, _ := strings.Cut(reflectTag(tag, "ini"), ",")
	return strings.ToLower(name)
}

// reflectTag is reflect.StructTag.Get, without importing reflect.
func reflectTag(tag, key string) string {
	for tag != "" {
		i := 0
		for i < len(tag) && tag[i] == ' ' {
			i++
		}
		tag = tag[i:]
		i = 0
		for i < len(tag) && tag[i] > ' ' && tag[i] != ':' && tag[i] != '"' {
			i++
		}
		if i == 0 || i+1 >= len(tag) || tag[i] != ':' || tag[i+1] != '"' {
			return ""
		}
		name := tag[:i]
		tag = tag[i+1:]
		i = 1
		for i < len(tag) && tag[i] != '"' {
			if tag[i] == '\\' {
				i++
			}
			i++
		}
		if i >= len(tag) {
			return ""
		}
		value := tag[1:i]
		tag = tag[i+1:]
		if name == key {
			return value
		}
	}
	return ""
}
