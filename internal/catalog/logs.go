package catalog

// Logs and the console (secretlog): where a secret must never go, and the
// helpers that carry a value into a log entry.

// A LogSink is a function or method that writes its arguments to a log
// or the console.
type LogSink struct {
	// Name is how messages spell it.
	Name string
	// Arg is the index of the first logged argument (after the receiver,
	// for methods); the receiver itself is logged too when Receiver is
	// set (a zerolog event or a logrus entry carries its fields).
	Arg      int
	Receiver bool
	// Reflective sinks encode values by reflection (JSON-like), following
	// pointers; the others print as fmt does, which shows a nested
	// pointer's address, not what it points to.
	Reflective bool
	// Slog sinks format values with their LogValue method.
	Slog bool
	// Stdout sinks write to standard output, where a tool's output for
	// another program goes (export lines, credential_process JSON).
	Stdout bool
}

const (
	pkgZap     = "go.uber.org/zap"
	pkgLogrus  = "github.com/sirupsen/logrus"
	pkgZerolog = "github.com/rs/zerolog"
	pkgKlog    = "k8s.io/klog/v2"
	pkgSlog    = "log/slog"
)

// levels are the names of logging methods and functions shared by the
// loggers.
var (
	stdLogNames = []string{"Print", "Printf", "Println", "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"}
	levelNames  = []string{
		"Debug", "Info", "Warn", "Warning", "Error", "Fatal", "Panic", "Trace", "Print", "DPanic",
		"Debugf", "Infof", "Warnf", "Warningf", "Errorf", "Fatalf", "Panicf", "Tracef", "Printf", "DPanicf",
		"Debugln", "Infoln", "Warnln", "Warningln", "Errorln", "Fatalln", "Panicln", "Traceln", "Println",
		"Debugw", "Infow", "Warnw", "Errorw", "Fatalw", "Panicw", "DPanicw",
		"Log", "Logf", "Logln",
	}
	slogNames = []string{"Debug", "Info", "Warn", "Error", "Log", "DebugContext", "InfoContext", "WarnContext", "ErrorContext", "LogAttrs"}
	klogNames = []string{
		"Info", "Infof", "Infoln", "InfoS", "InfoDepth", "Warning", "Warningf", "Warningln", "WarningDepth",
		"Error", "Errorf", "Errorln", "ErrorS", "ErrorDepth", "Fatal", "Fatalf", "Fatalln", "Exit", "Exitf", "Exitln",
	}
)

// LogFuncs are the package-level logging functions.
var LogFuncs = map[FuncKey]LogSink{}

// LogMethods are the logging methods, by receiver type.
var LogMethods = map[TypeKey]map[string]LogSink{}

// ConsoleFuncs write their arguments to the console when their writer
// (argument 0) is os.Stdout or os.Stderr.
var ConsoleFuncs = map[FuncKey]string{
	{"fmt", "Fprint"}: "fmt.Fprint", {"fmt", "Fprintf"}: "fmt.Fprintf", {"fmt", "Fprintln"}: "fmt.Fprintln",
}

// ConsoleEncoders are encoders whose Encode writes its argument, encoded by
// reflection (following pointers), to the writer they were made with: to
// the console when that is os.Stdout or os.Stderr.
var ConsoleEncoders = map[TypeKey]string{
	{"encoding/json", "Encoder"}:    "json.Encoder.Encode",
	{"encoding/xml", "Encoder"}:     "xml.Encoder.Encode",
	{"gopkg.in/yaml.v3", "Encoder"}: "yaml.Encoder.Encode",
	{"gopkg.in/yaml.v2", "Encoder"}: "yaml.Encoder.Encode",
}

// LogFieldFuncs build a log entry's fields or attributes from their
// arguments (slog.String, zap.String, ...): what they return carries what
// they were given.
var LogFieldFuncs = map[FuncKey]bool{}

// LogFieldMethods return their receiver with their arguments added (a
// zerolog event's Str, a logrus entry's WithField).
var LogFieldMethods = map[TypeKey]func(name string) bool{
	{pkgZerolog, "Event"}:     func(name string) bool { return name != "Msg" && name != "Msgf" && name != "Send" },
	{pkgZerolog, "Context"}:   func(string) bool { return true },
	{pkgLogrus, "Entry"}:      func(name string) bool { return len(name) > 4 && name[:4] == "With" },
	{pkgLogrus, "Logger"}:     func(name string) bool { return len(name) > 4 && name[:4] == "With" },
	{pkgZap, "Logger"}:        func(name string) bool { return name == "With" || name == "Named" },
	{pkgZap, "SugaredLogger"}: func(name string) bool { return name == "With" || name == "Named" },
	{pkgSlog, "Logger"}:       func(name string) bool { return name == "With" || name == "WithGroup" },
}

func init() {
	for _, n := range []string{"Print", "Printf", "Println"} {
		LogFuncs[FuncKey{"fmt", n}] = LogSink{Name: "fmt." + n, Stdout: true}
	}
	std := map[string]LogSink{}
	for _, n := range stdLogNames {
		LogFuncs[FuncKey{"log", n}] = LogSink{Name: "log." + n}
		std[n] = LogSink{Name: "log.Logger." + n}
	}
	LogMethods[TypeKey{"log", "Logger"}] = std
	slogM := map[string]LogSink{}
	for _, n := range slogNames {
		arg := 0
		if len(n) > 7 && n[len(n)-7:] == "Context" || n == "Log" || n == "LogAttrs" {
			arg = 1 // the context
		}
		LogFuncs[FuncKey{pkgSlog, n}] = LogSink{Name: "slog." + n, Arg: arg, Slog: true}
		slogM[n] = LogSink{Name: "slog.Logger." + n, Arg: arg, Slog: true, Receiver: true}
	}
	LogMethods[TypeKey{pkgSlog, "Logger"}] = slogM
	for _, n := range []string{"String", "Any", "Group", "Int", "Bool", "Duration", "Time"} {
		LogFieldFuncs[FuncKey{pkgSlog, n}] = true
	}
	// zap: structured fields are encoded by reflection (Any, Reflect).
	zapL, zapS, logrusM := map[string]LogSink{}, map[string]LogSink{}, map[string]LogSink{}
	for _, n := range levelNames {
		zapL[n] = LogSink{Name: "zap.Logger." + n, Reflective: true, Receiver: true}
		zapS[n] = LogSink{Name: "zap.SugaredLogger." + n, Reflective: true, Receiver: true}
		logrusM[n] = LogSink{Name: "logrus." + n, Receiver: true}
		LogFuncs[FuncKey{pkgLogrus, n}] = LogSink{Name: "logrus." + n}
	}
	LogMethods[TypeKey{pkgZap, "Logger"}] = zapL
	LogMethods[TypeKey{pkgZap, "SugaredLogger"}] = zapS
	LogMethods[TypeKey{pkgLogrus, "Entry"}] = logrusM
	LogMethods[TypeKey{pkgLogrus, "Logger"}] = logrusM
	for _, n := range []string{"String", "Strings", "Any", "Reflect", "Stringer", "ByteString", "Binary", "NamedError", "Error", "Object", "Inline"} {
		LogFieldFuncs[FuncKey{pkgZap, n}] = true
	}
	// zerolog: the event is logged by Msg, Msgf and Send, with the fields
	// added to it; Interface and Any encode by reflection.
	LogMethods[TypeKey{pkgZerolog, "Event"}] = map[string]LogSink{
		"Msg": {Name: "zerolog.Event.Msg", Receiver: true, Reflective: true}, "Msgf": {Name: "zerolog.Event.Msgf", Receiver: true, Reflective: true},
		"Send": {Name: "zerolog.Event.Send", Receiver: true, Reflective: true},
	}
	klogM := map[string]LogSink{}
	for _, n := range klogNames {
		LogFuncs[FuncKey{pkgKlog, n}] = LogSink{Name: "klog." + n}
		klogM[n] = LogSink{Name: "klog.Verbose." + n}
	}
	LogMethods[TypeKey{pkgKlog, "Verbose"}] = klogM
	LogFieldFuncs[FuncKey{pkgKlog, "KObj"}] = true
	for _, n := range []string{"WithField", "WithFields", "WithError"} {
		LogFieldFuncs[FuncKey{pkgLogrus, n}] = true
	}
}

// ReflectiveEncoder reports whether a logger package encodes a field's
// value by reflection, following pointers (zap, zerolog), rather than as
// fmt prints it.
func ReflectiveEncoder(pkg string) bool { return pkg == pkgZap || pkg == pkgZerolog }

// Logrus is logrus's import path. Its default text formatter prints a
// field with fmt; a logger given a JSONFormatter (JSONFormatters) encodes
// its fields with encoding/json instead, following pointers.
const Logrus = pkgLogrus

// JSONFormatters are the formatters that print a logrus logger's fields
// by reflection.
var JSONFormatters = map[TypeKey]bool{{pkgLogrus, "JSONFormatter"}: true}

// SecretEnvNames are the environment variables that hold a secret.
var SecretEnvNames = map[string]uint8{
	"AWS_SECRET_ACCESS_KEY": PartSecret, "AWS_SECRET_KEY": PartSecret,
	"AWS_SESSION_TOKEN": PartToken, "AWS_SECURITY_TOKEN": PartToken,
}

// PartsSecret are the parts of a set of credentials that are secrets (an
// access key id identifies, it does not authenticate).
const PartsSecret = PartSecret | PartToken

// SecretStructs are the SDK's credential types, by the fields that hold
// secrets as strings (printed by fmt) or string pointers (printed only by
// reflective encoders).
var SecretStructs = map[TypeKey]bool{
	{V2AWS, "Credentials"}:                true,
	{V1Credentials, "Value"}:              true,
	{V2STS + "/types", "Credentials"}:     true,
	{V2SSO + "/types", "RoleCredentials"}: true,
	{V1STS, "Credentials"}:                true,
	{V1SSO, "RoleCredentials"}:            true,
	{V2Cognito + "/types", "Credentials"}: true,
	{V1Cognito, "Credentials"}:            true,
}
