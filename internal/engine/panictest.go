package engine

// panicOnFunc makes the engine panic while analysing a function of that
// name. It is empty except in binaries built with -tags
// tokenlint_panictest, which the driver's tests use to prove that an
// internal error becomes an error message, not a crash.
var panicOnFunc string
