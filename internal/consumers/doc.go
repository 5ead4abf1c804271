// Package consumers runs tokenlint on code that other people wrote and that
// uses AWS credentials: public Go modules that import the AWS SDKs, pinned
// in testdata/consumers. Its only content is TestConsumers (skipped under
// -short), kept in a package of its own so that it has go test's timeout to
// itself.
package consumers
