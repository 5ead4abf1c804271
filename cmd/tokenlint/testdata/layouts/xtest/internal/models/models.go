// Package models holds no AWS code.
package models

// Role is the role the tests assume.
const Role = "arn:aws:iam::123456789012:role/test"
