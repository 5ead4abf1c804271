// Package store has no AWS code of its own.
package store

// Bucket names the bucket.
func Bucket() string { return "b" }
