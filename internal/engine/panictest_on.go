//go:build tokenlint_panictest

package engine

func init() { panicOnFunc = "TokenlintPanicTest" }
