// Package envoverride defines an Analyzer that reports AWS session tokens
// persisted to the environment or to disk.
//
// # Analyzer envoverride
//
// envoverride: report AWS session tokens persisted to the environment or to disk
//
// The SDKs read AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
// AWS_SESSION_TOKEN before web identity (IRSA), ECS and EKS container
// credentials, IMDS and SSO, and they read them once. A session token
// exported into the environment, or written into the shared credentials
// file or a cache file, outlives its session and then shadows the fresh
// credentials the refreshing sources would have given: requests fail with
// ExpiredToken or TokenRefreshRequired hours later, in a process that
// looks correct.
//
// The analyzer reports, at the write:
//
//   - the process environment: os.Setenv and syscall.Setenv of
//     AWS_SESSION_TOKEN or the legacy AWS_SECURITY_TOKEN with any value
//     that is not provably empty, and of AWS_ACCESS_KEY_ID,
//     AWS_SECRET_ACCESS_KEY (or AWS_ACCESS_KEY, AWS_SECRET_KEY) when the
//     value comes from temporary credentials;
//   - a child process's environment: exec.Cmd.Env (and os.ProcAttr.Env,
//     syscall.Exec) entries such as "AWS_SESSION_TOKEN="+v or
//     fmt.Sprintf("AWS_SESSION_TOKEN=%s", v);
//   - disk: a session token, or a value that carries one (aws.Credentials,
//     sts types.Credentials, v1 credentials.Value, a struct of yours),
//     reaching os.WriteFile, (*os.File).Write, fmt.Fprint* or
//     io.WriteString on a file, a bufio.Writer or a JSON/XML/YAML encoder
//     over a file, a gopkg.in/ini.v1 file saved with SaveTo or WriteTo,
//     godotenv.Write, or "aws configure set aws_session_token".
//
// Not reported: non-secret variables (AWS_REGION, AWS_PROFILE, ...),
// clearing a variable or restoring a value read from the environment,
// t.Setenv and helpers that take a testing.TB, writing only metadata
// (expiry, source, the first characters of an access key id), printing to
// standard output (a credential_process hands credentials over that way),
// and names that are not provably credential names.
//
// The fix: leave credentials to the SDK's refreshing providers; if a child
// process needs them, serve them from a refreshing endpoint (a container
// credentials endpoint named by AWS_CONTAINER_CREDENTIALS_FULL_URI, or a
// credential_process) rather than a copy that expires.
//
// Credential tools whose purpose is to export credentials to a child turn
// off intentional exports with -exports=off (-envoverride.exec=false turns
// off the child-process part alone).
//
// Suppress a finding with a comment on its line or the line above:
//
//	//tokenlint:ignore envoverride the reason
package envoverride
