package engine

import (
	"go/types"
	"reflect"

	"github.com/tokenlint/tokenlint/internal/catalog"
)

// The v1 SDK's protocol shapes (sts.AssumeRoleOutput, sts.Credentials,
// ...) print through their String method, awsutil.Prettify, whichever
// verb fmt is given: it follows every pointer, prints every string, and
// writes <sensitive> for a field tagged sensitive:"true". In sts
// Credentials that is SecretAccessKey, not SessionToken: %s of an
// AssumeRoleOutput prints the session token and masks the secret key.
// (The v2 SDK's types have no String method: fmt prints their *string
// fields as addresses, and only a reflective encoder shows them.)

// prettyParts reports whether t (or what it points to) is a v1 protocol
// shape and, if it is, the secret parts its String output shows when it
// holds credentials.
func prettyParts(t types.Type) (uint8, bool) {
	t = types.Unalias(deref(t))
	if !isPrettyShape(t) {
		return 0, false
	}
	return prettyWalk(t, 0), true
}

// isPrettyShape reports whether t is a v1 protocol shape: a struct type
// of the SDK's (or a fork's) whose first field is the blank
// `_ struct{} type:"structure"` marker, with a String method.
func isPrettyShape(t types.Type) bool {
	named, ok := t.(*types.Named)
	if !ok || named.Obj().Pkg() == nil || !catalog.IsSDK(named.Obj().Pkg().Path()) {
		return false
	}
	st, ok := named.Underlying().(*types.Struct)
	if !ok || st.NumFields() == 0 || st.Field(0).Name() != "_" {
		return false
	}
	return reflect.StructTag(st.Tag(0)).Get("type") == "structure" && hasMethod(t, "String")
}

// prettyWalk returns the secret parts Prettify prints of a value of type
// t: the unmasked string fields the catalogue names as secrets, at any
// depth, through pointers, slices and maps.
func prettyWalk(t types.Type, depth int) uint8 {
	if depth > 6 {
		return 0
	}
	switch u := types.Unalias(t).Underlying().(type) {
	case *types.Pointer:
		return prettyWalk(u.Elem(), depth+1)
	case *types.Slice:
		return prettyWalk(u.Elem(), depth+1)
	case *types.Map:
		return prettyWalk(u.Elem(), depth+1)
	case *types.Struct:
		var part uint8
		for i := range u.NumFields() {
			f := u.Field(i)
			if !f.Exported() || reflect.StructTag(u.Tag(i)).Get("sensitive") == "true" {
				continue
			}
			if p := catalog.FieldParts[f.Name()] & catalog.PartsSecret; p != 0 && isString(deref(f.Type())) {
				part |= p
				continue
			}
			part |= prettyWalk(f.Type(), depth+1)
		}
		return part
	}
	return 0
}
