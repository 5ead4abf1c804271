package catalog

import "strings"

// The AWS CLI writes the shared credentials file when told to:
// "aws [global options] configure [--profile p] set KEY VALUE".

// awsGlobalFlagsWithValue are the CLI's options that take a value.
var awsGlobalFlagsWithValue = map[string]bool{
	"--profile": true, "--region": true, "--output": true, "--endpoint-url": true,
	"--query": true, "--cli-read-timeout": true, "--cli-connect-timeout": true,
	"--ca-bundle": true, "--color": true, "--cli-binary-format": true,
}

// IsAWSCLI reports whether a program name is the AWS CLI.
func IsAWSCLI(prog string) bool { return prog == "aws" || strings.HasSuffix(prog, "/aws") }

// ConfigureSetKey returns, for the arguments of an AWS CLI command, the
// index of the key of "configure set KEY VALUE" and the key itself
// (without a "profile." prefix); -1 if the command is not one. Options
// may stand before "configure" and between "configure" and "set".
func ConfigureSetKey(args []string) (int, string) {
	i := skipOptions(args, 0)
	if i >= len(args) || args[i] != "configure" {
		return -1, ""
	}
	i = skipOptions(args, i+1)
	if i+2 >= len(args) || args[i] != "set" {
		return -1, ""
	}
	key := args[i+1]
	if j := strings.LastIndex(key, "."); j >= 0 {
		key = key[j+1:]
	}
	return i + 1, key
}

func skipOptions(args []string, i int) int {
	for i < len(args) && strings.HasPrefix(args[i], "--") {
		opt := args[i]
		i++
		if !strings.Contains(opt, "=") && awsGlobalFlagsWithValue[opt] {
			i++
		}
	}
	return i
}
