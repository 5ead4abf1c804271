package catalog

// What the standard library's errors show of a call's arguments.
//
// An error is printed by its Error method, and most of the standard
// library's errors name an offset, a type or an operation, never the input:
// encoding/json's "invalid character 'x' looking for beginning of value",
// "cannot unmarshal string into Go struct field job.attempts of type int".
// Some quote an argument whole: strconv's NumError, url.Parse's url.Error,
// time.Parse's ParseError, os's PathError, and the *url.Error that
// net/http's client returns, which holds the request's URL, query and all.
// An error result of a standard library call carries the taint of the
// arguments listed here and of no others (secretlog: a token that reaches
// an error only as input to json.Unmarshal is not logged with the error).
// The SDK's errors carry none of their arguments (see Passthrough), and
// the user's own functions are followed through their bodies.

// ErrorQuotes maps a standard library function, or a method as
// "Type.Method", to the indexes of the arguments its error quotes (for a
// method, the receiver is argument 0).
var ErrorQuotes = map[FuncKey][]int{
	{"fmt", "Errorf"}:    nil, // every argument, as formatted
	{"errors", "New"}:    nil,
	{"errors", "Join"}:   nil,
	{"errors", "Unwrap"}: nil,

	{"strconv", "Atoi"}:         {0},
	{"strconv", "ParseInt"}:     {0},
	{"strconv", "ParseUint"}:    {0},
	{"strconv", "ParseFloat"}:   {0},
	{"strconv", "ParseBool"}:    {0},
	{"strconv", "ParseComplex"}: {0},

	{"net/url", "Parse"}:           {0},
	{"net/url", "ParseRequestURI"}: {0},
	{"net/url", "URL.Parse"}:       {1},

	{"time", "Parse"}:           {0, 1},
	{"time", "ParseInLocation"}: {0, 1},
	{"time", "ParseDuration"}:   {0},

	{"regexp", "Compile"}:      {0},
	{"regexp", "CompilePOSIX"}: {0},

	// A request's URL: its parse error, and the client's *url.Error.
	{"net/http", "NewRequest"}:            {1},
	{"net/http", "NewRequestWithContext"}: {2},
	{"net/http", "Get"}:                   {0},
	{"net/http", "Head"}:                  {0},
	{"net/http", "Post"}:                  {0},
	{"net/http", "PostForm"}:              {0},
	{"net/http", "Client.Do"}:             {1},
	{"net/http", "Client.Get"}:            {1},
	{"net/http", "Client.Head"}:           {1},
	{"net/http", "Client.Post"}:           {1},
	{"net/http", "Client.PostForm"}:       {1},

	// A PathError names its path.
	{"os", "Open"}:      {0},
	{"os", "OpenFile"}:  {0},
	{"os", "Create"}:    {0},
	{"os", "ReadFile"}:  {0},
	{"os", "WriteFile"}: {0},
	{"os", "Stat"}:      {0},
	{"os", "Lstat"}:     {0},
	{"os", "Mkdir"}:     {0},
	{"os", "MkdirAll"}:  {0},
	{"os", "Remove"}:    {0},
	{"os", "RemoveAll"}: {0},
	{"os", "Rename"}:    {0, 1},
	{"os", "ReadDir"}:   {0},
	{"os", "Chmod"}:     {0},
}

// RequestURLs are the standard library functions that build a request
// holding a URL argument (its index): the request carries the URL, so
// that the error of the client call that sends it quotes it.
var RequestURLs = map[FuncKey]int{
	{"net/http", "NewRequest"}:            1,
	{"net/http", "NewRequestWithContext"}: 2,
}

// ErrorQuoteKey returns the ErrorQuotes key of a function (recvName "")
// or of a method of the named type recvName.
func ErrorQuoteKey(pkg, recvName, name string) FuncKey {
	if recvName != "" {
		name = recvName + "." + name
	}
	return FuncKey{pkg, name}
}
