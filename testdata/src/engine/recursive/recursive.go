package recursive // want package:"awsRelevant"

// A type that holds an interface it implements: a chain of exporters.
// Chain.Export calls Export on the next link, which may be a Chain, so
// what it writes behind its receiver is at .cache[], .Next.cache[],
// .Next.Next.cache[] and so on: the engine keeps such paths to eight
// segments (the store at the eighth stands for all below it), so the
// facts end at seven Nexts; unbounded, they grew by one Next in each
// round of the package's fixed point until the rounds ran out.

import "github.com/aws/aws-sdk-go-v2/aws"

type Exporter interface {
	Export(c aws.Credentials)
}

type Chain struct {
	Next  Exporter                   // want Next:`^heap\(stored(\.Next){7} secret aws\.Credentials\.SecretAccessKey; stored(\.Next){6}\.cache secret`
	cache map[string]aws.Credentials // want cache:`^heap\(stored\[\]\.SecretAccessKey secret aws\.Credentials\.SecretAccessKey; stored\[\]\.SessionToken secret aws\.Credentials\.SessionToken\)$`
}

func (c *Chain) Export(creds aws.Credentials) { // want Export:`^summary\(param 0(\.Next){8} written from params \[1\]; param 0(\.Next){8} written secret`
	c.cache[creds.AccessKeyID] = creds
	c.Next.Export(creds)
}
