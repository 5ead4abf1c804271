// Command gen writes a synthetic Go module for tokenlint's scale benchmark
// (bench/scale.sh; see bench/README.md, section "Scale").
//
//	cd bench && go run ./gen -n 1000 -o /tmp/scalemod
//
// It is in the bench module (github.com/tokenlint/tokenlint/bench), not the
// tokenlint module, so that installing tokenlint installs no gen command.
//
// The module (module scalemod) has N packages, each one directory with one
// file, and requires the real AWS SDK for Go v2 modules. Which kind each
// package is depends only on its index (and -seed), so the first 100
// packages of a 1000-package module are those of a 100-package one:
//
//   - about 60% plainNNNN: standard library only, some real code (text,
//     statistics, an LRU cache, JSON, an expression evaluator, a generic
//     ring buffer), each importing 1 to 3 earlier plain packages;
//   - about 20% goodNNNN: the SDK used correctly (config.LoadDefaultConfig,
//     s3.NewFromConfig, aws.NewCredentialsCache(stscreds.NewAssumeRoleProvider(...)),
//     long-lived keys with an empty session token, os.Setenv("AWS_REGION"),
//     a package-level client from the default chain);
//   - about 20% with seeded findings, in turn: staticNNNN (a static provider
//     from AssumeRole output), brokerNNNN + appNNNN (the same across a
//     package boundary: the broker returns a struct filled from AssumeRole,
//     the app builds the static provider; the pair takes two indexes),
//     envNNNN (AWS_SESSION_TOKEN from AssumeRole into os.Setenv and into
//     exec.Cmd.Env), execNNNN (the same with a token parameter, no AWS
//     import), frozenNNNN (a package-level *s3.Client with a static provider
//     carrying a session token). Each also holds look-alikes that must not
//     be reported.
//
// Every line that must be reported carries a "// seeded: ANALYZER" comment;
// gen writes them to DIR/EXPECTED as "path.go:LINE", sorted, and nothing
// else. It then copies bench/module/go.sum and runs "go mod tidy" in DIR
// (-tidy=false to skip), so that "go build ./..." works as is.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"text/template"
)

// Package kinds.
const (
	kindPlain = iota
	kindGood
	kindFinding
)

// Finding kinds, used in turn by the packages drawn as kindFinding.
var findingKinds = []string{"static", "cross", "env", "exec", "frozen"}

const goMod = `module scalemod

go 1.26

require (
	github.com/aws/aws-sdk-go-v2 v1.48.0
	github.com/aws/aws-sdk-go-v2/config v1.33.18
	github.com/aws/aws-sdk-go-v2/credentials v1.21.0
	github.com/aws/aws-sdk-go-v2/service/s3 v1.114.10
	github.com/aws/aws-sdk-go-v2/service/sts v1.52.0
)

require (
	github.com/aws/aws-sdk-go-v2/aws/protocol/eventstream v1.7.27 // indirect
	github.com/aws/aws-sdk-go-v2/feature/ec2/imds v1.20.9 // indirect
	github.com/aws/aws-sdk-go-v2/internal/configsources v1.5.12 // indirect
	github.com/aws/aws-sdk-go-v2/internal/endpoints/v2 v2.8.12 // indirect
	github.com/aws/aws-sdk-go-v2/internal/v4a v1.5.12 // indirect
	github.com/aws/aws-sdk-go-v2/service/internal/accept-encoding v1.13.25 // indirect
	github.com/aws/aws-sdk-go-v2/service/internal/checksum v1.11.13 // indirect
	github.com/aws/aws-sdk-go-v2/service/internal/presigned-url v1.14.12 // indirect
	github.com/aws/aws-sdk-go-v2/service/internal/s3shared v1.20.12 // indirect
	github.com/aws/aws-sdk-go-v2/service/signin v1.13.1 // indirect
	github.com/aws/aws-sdk-go-v2/service/sso v1.39.5 // indirect
	github.com/aws/aws-sdk-go-v2/service/ssooidc v1.44.5 // indirect
	github.com/aws/smithy-go v1.28.9 // indirect
)
`

func main() {
	n := flag.Int("n", 100, "number of packages")
	out := flag.String("o", "", "output `dir` (must not exist, or be empty)")
	seed := flag.Uint64("seed", 1, "random seed (with the package index)")
	gosum := flag.String("gosum", "", "go.sum to start from (default: bench/module/go.sum of this repository)")
	tidy := flag.Bool("tidy", true, "run 'go mod tidy' in the output dir")
	lines := flag.Int("lines", 4000, "service workload: lines per package")
	aws := flag.String("aws", opDefaultServices, "operator workload: the AWS services it wraps, comma-separated, or all (adds ec2)")
	workload := flag.String("workload", "scale", "which module to write: scale (small packages, bench/scale.sh), operator (a Kubernetes operator of real size, bench/operator.sh) or service (N packages of -lines lines over S3 and STS, calling each other, bench/service.sh)")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: go run ./gen (in bench/) [-workload scale|operator] -n N -o DIR [-seed S] [-gosum FILE] [-tidy=false]\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *out == "" || *n < 1 || flag.NArg() != 0 {
		flag.Usage()
		os.Exit(2)
	}
	var err error
	switch *workload {
	case "scale":
		err = run(*n, *out, *seed, *gosum, *tidy)
	case "operator":
		err = runOperator(*n, *out, *seed, *tidy, *aws)
	case "service":
		err = runService(*n, *lines, *out, *seed, *gosum, *tidy)
	default:
		err = fmt.Errorf("-workload=%s: want scale, operator or service", *workload)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "gen: %v\n", err)
		os.Exit(1)
	}
}

// pkg is one generated package.
type pkg struct {
	Name    string   // directory and package name
	Kind    int      // kindPlain, kindGood, kindFinding
	Variant string   // template name
	Deps    []string // plain packages it imports
	Salt    int      // a number that makes the package's code its own
	Broker  string   // for "app": the broker package it imports
}

func run(n int, out string, seed uint64, gosum string, tidy bool) error {
	if entries, err := os.ReadDir(out); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s exists and is not empty", out)
	}
	pkgs := plan(n, seed)
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	var expected []string
	counts := make(map[string]int)
	for _, p := range pkgs {
		src, err := render(p)
		if err != nil {
			return fmt.Errorf("%s: %v", p.Name, err)
		}
		rel := p.Name + "/" + p.Name + ".go"
		for i, line := range strings.Split(string(src), "\n") {
			if strings.Contains(line, "// seeded: ") {
				expected = append(expected, rel+":"+strconv.Itoa(i+1))
			}
		}
		if err := os.MkdirAll(filepath.Join(out, p.Name), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, filepath.FromSlash(rel)), src, 0o644); err != nil {
			return err
		}
		counts[p.Variant]++
	}
	sort.Strings(expected)
	var exp bytes.Buffer
	for _, e := range expected {
		exp.WriteString(e + "\n")
	}
	if err := os.WriteFile(filepath.Join(out, "EXPECTED"), exp.Bytes(), 0o644); err != nil {
		return err
	}
	if err := finishModule(out, goMod, gosum, tidy); err != nil {
		return err
	}

	kinds := [3]int{}
	for _, p := range pkgs {
		kinds[p.Kind]++
	}
	var detail []string
	for _, v := range []string{"static", "broker", "app", "env", "exec", "frozen"} {
		detail = append(detail, fmt.Sprintf("%s %d", v, counts[v]))
	}
	fmt.Fprintf(os.Stderr, "gen: wrote %s\n", out)
	fmt.Printf("scalemod: %d packages: %d plain, %d correct SDK use, %d with findings or their broker (%s); %d seeded findings in EXPECTED\n",
		len(pkgs), kinds[kindPlain], kinds[kindGood], kinds[kindFinding], strings.Join(detail, ", "), len(expected))
	return nil
}

// defaultGoSum returns bench/module/go.sum: relative to the working
// directory (go run ./gen in bench/, or the repository root), else next to
// this source file.
func defaultGoSum() string {
	cands := []string{filepath.Join("module", "go.sum"), filepath.Join("bench", "module", "go.sum")}
	if _, file, _, ok := runtime.Caller(0); ok {
		cands = append(cands, filepath.Join(filepath.Dir(file), "..", "module", "go.sum"))
	}
	for _, c := range cands {
		if _, err := os.Stat(c); err == nil {
			return c
		}
	}
	return ""
}

// plan decides every package from its index alone.
func plan(n int, seed uint64) []pkg {
	width := max(4, len(strconv.Itoa(n-1)))
	name := func(prefix string, i int) string { return fmt.Sprintf("%s%0*d", prefix, width, i) }
	var pkgs []pkg
	var plains []string
	goodVariants := []string{"s3list", "assume", "lambda", "keys"}
	plainVariants := []string{"text", "stats", "lru", "jsonrec", "expr", "ring"}
	good, bad := 0, 0
	for i := 0; i < n; i++ {
		r := rand.New(rand.NewPCG(seed, splitmix(uint64(i))))
		// The app half of a cross-package pair takes an index of its own:
		// these thresholds make the packages about 60% plain, 20% correct,
		// 20% findings (with the brokers).
		roll := r.IntN(1000)
		salt := r.IntN(1000)
		// Earlier plain packages to import.
		pickDeps := func(k int) []string {
			if len(plains) == 0 {
				return nil
			}
			seen := make(map[string]bool)
			var deps []string
			for j := 0; j < k; j++ {
				d := plains[r.IntN(len(plains))]
				if !seen[d] {
					seen[d] = true
					deps = append(deps, d)
				}
			}
			sort.Strings(deps)
			return deps
		}
		switch {
		case roll < 621:
			p := pkg{Name: name("plain", i), Kind: kindPlain, Variant: plainVariants[r.IntN(len(plainVariants))], Salt: salt}
			p.Deps = pickDeps(1 + r.IntN(3))
			pkgs = append(pkgs, p)
			plains = append(plains, p.Name)
		case roll < 828:
			p := pkg{Name: name("good", i), Kind: kindGood, Variant: goodVariants[good%len(goodVariants)], Salt: salt}
			p.Deps = pickDeps(1)
			good++
			pkgs = append(pkgs, p)
		default:
			kind := findingKinds[bad%len(findingKinds)]
			if kind == "cross" && i == n-1 {
				kind = "static" // no room for the app half of the pair
			} else {
				bad++
			}
			deps := pickDeps(1)
			if kind == "cross" {
				// brokerI at index I, appI at index I+1.
				b := pkg{Name: name("broker", i), Kind: kindFinding, Variant: "broker", Salt: salt}
				a := pkg{Name: name("app", i), Kind: kindFinding, Variant: "app", Deps: deps, Salt: salt, Broker: b.Name}
				pkgs = append(pkgs, b, a)
				i++
				continue
			}
			pkgs = append(pkgs, pkg{Name: name(kind, i), Kind: kindFinding, Variant: kind, Deps: deps, Salt: salt})
		}
	}
	return pkgs
}

// splitmix spreads consecutive indexes over the whole seed space.
func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

func render(p pkg) ([]byte, error) {
	var buf bytes.Buffer
	if err := templates.ExecuteTemplate(&buf, p.Variant, p); err != nil {
		return nil, err
	}
	src, err := format.Source(buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("%v\n%s", err, buf.Bytes())
	}
	return src, nil
}

var templates = template.Must(template.New("").Parse(tmplText))

// The templates. {{template "imports" .}} lists the plain packages a
// package imports; {{template "score" .}} sums their Score functions.
// Lines that tokenlint must report end in "// seeded: ANALYZER".
const tmplText = `
{{define "imports"}}{{range .Deps}}
	"scalemod/{{.}}"{{end}}{{end}}

{{define "score"}}{{range .Deps}}	n += {{.}}.Score(s)
{{end}}{{end}}

{{define "label"}}
// label names a session after s and this package's dependencies.
func label(s string) string {
	n := {{.Salt}}
{{template "score" .}}	return fmt.Sprintf("%s-%d", s, n)
}
{{end}}

{{define "text"}}// Package {{.Name}} counts words. It imports no AWS package.
package {{.Name}}

import (
	"sort"
	"strings"
	"unicode"
{{template "imports" .}}
)

// WordCount is one word and how often it occurs.
type WordCount struct {
	Word  string
	Count int
}

// Words splits text into lower-case words.
func Words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// Top returns the k most frequent words, ties broken by word.
func Top(text string, k int) []WordCount {
	counts := make(map[string]int)
	for _, w := range Words(text) {
		counts[w]++
	}
	out := make([]WordCount, 0, len(counts))
	for w, c := range counts {
		out = append(out, WordCount{Word: w, Count: c})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Word < out[j].Word
	})
	if k >= 0 && k < len(out) {
		out = out[:k]
	}
	return out
}

// Score is a number derived from s and this package's dependencies.
func Score(s string) int {
	n := {{.Salt}}
	for _, wc := range Top(s, 3) {
		n += wc.Count * len(wc.Word)
	}
{{template "score" .}}	return n
}
{{end}}

{{define "stats"}}// Package {{.Name}} computes summary statistics. It imports no AWS package.
package {{.Name}}

import (
	"errors"
	"math"
	"sort"
{{template "imports" .}}
)

// ErrEmpty is returned for an empty sample.
var ErrEmpty = errors.New("{{.Name}}: empty sample")

// Summary describes a sample.
type Summary struct {
	N                  int
	Mean, Stddev       float64
	Min, Median, Max   float64
	P90, P99           float64
}

// Summarize returns the summary of xs, which it does not modify.
func Summarize(xs []float64) (Summary, error) {
	if len(xs) == 0 {
		return Summary{}, ErrEmpty
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	var sum float64
	for _, x := range s {
		sum += x
	}
	mean := sum / float64(len(s))
	var sq float64
	for _, x := range s {
		sq += (x - mean) * (x - mean)
	}
	return Summary{
		N:      len(s),
		Mean:   mean,
		Stddev: math.Sqrt(sq / float64(len(s))),
		Min:    s[0],
		Median: quantile(s, 0.5),
		Max:    s[len(s)-1],
		P90:    quantile(s, 0.9),
		P99:    quantile(s, 0.99),
	}, nil
}

// quantile interpolates the q-quantile of the sorted sample s.
func quantile(s []float64, q float64) float64 {
	pos := q * float64(len(s)-1)
	lo := int(math.Floor(pos))
	hi := int(math.Ceil(pos))
	if lo == hi {
		return s[lo]
	}
	return s[lo] + (s[hi]-s[lo])*(pos-float64(lo))
}

// Score is a number derived from s and this package's dependencies.
func Score(s string) int {
	xs := make([]float64, 0, len(s))
	for _, r := range s {
		xs = append(xs, float64(r%({{.Salt}}+1)))
	}
	n := {{.Salt}}
	if sum, err := Summarize(xs); err == nil {
		n += int(sum.Median + sum.Stddev)
	}
{{template "score" .}}	return n
}
{{end}}

{{define "lru"}}// Package {{.Name}} is a small LRU cache. It imports no AWS package.
package {{.Name}}

import (
	"container/list"
	"hash/fnv"
	"sync"
{{template "imports" .}}
)

type entry struct {
	key   string
	value int
}

// Cache is a fixed-size least-recently-used cache, safe for concurrent use.
type Cache struct {
	mu    sync.Mutex
	max   int
	order *list.List
	items map[string]*list.Element
}

// New returns a cache holding at most max entries.
func New(max int) *Cache {
	if max < 1 {
		max = 1
	}
	return &Cache{max: max, order: list.New(), items: make(map[string]*list.Element)}
}

// Get returns the value for key and marks it recently used.
func (c *Cache) Get(key string) (int, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	if !ok {
		return 0, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*entry).value, true
}

// Put stores value under key, evicting the least recently used entry.
func (c *Cache) Put(key string, value int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		el.Value.(*entry).value = value
		c.order.MoveToFront(el)
		return
	}
	c.items[key] = c.order.PushFront(&entry{key: key, value: value})
	for c.order.Len() > c.max {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.items, last.Value.(*entry).key)
	}
}

// Len returns the number of entries.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}

var scores = New({{.Salt}} + 16)

// Score is a number derived from s and this package's dependencies.
func Score(s string) int {
	if v, ok := scores.Get(s); ok {
		return v
	}
	h := fnv.New32a()
	h.Write([]byte(s))
	n := int(h.Sum32() % ({{.Salt}} + 1))
{{template "score" .}}	scores.Put(s, n)
	return n
}
{{end}}

{{define "jsonrec"}}// Package {{.Name}} encodes and validates records as JSON. It imports no
// AWS package.
package {{.Name}}

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
{{template "imports" .}}
)

// Record is one stored record.
type Record struct {
	ID      string            ` + "`json:\"id\"`" + `
	Name    string            ` + "`json:\"name\"`" + `
	Tags    []string          ` + "`json:\"tags,omitempty\"`" + `
	Attrs   map[string]string ` + "`json:\"attrs,omitempty\"`" + `
	Created time.Time         ` + "`json:\"created\"`" + `
}

// Validate reports what is wrong with r.
func (r Record) Validate() error {
	var errs []error
	if strings.TrimSpace(r.ID) == "" {
		errs = append(errs, errors.New("id is required"))
	}
	if len(r.Name) > {{.Salt}}+64 {
		errs = append(errs, fmt.Errorf("name is %d bytes long", len(r.Name)))
	}
	for _, t := range r.Tags {
		if t == "" {
			errs = append(errs, errors.New("empty tag"))
		}
	}
	return errors.Join(errs...)
}

// Decode parses and validates one record.
func Decode(data []byte) (Record, error) {
	var r Record
	if err := json.Unmarshal(data, &r); err != nil {
		return Record{}, fmt.Errorf("{{.Name}}: decode: %w", err)
	}
	if err := r.Validate(); err != nil {
		return Record{}, fmt.Errorf("{{.Name}}: record %q: %w", r.ID, err)
	}
	return r, nil
}

// Encode validates and formats r.
func Encode(r Record) ([]byte, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	return json.MarshalIndent(r, "", "  ")
}

// Score is a number derived from s and this package's dependencies.
func Score(s string) int {
	data, err := Encode(Record{ID: s, Name: s, Tags: []string{"t"}})
	n := {{.Salt}} + len(data)
	if err != nil {
		n = {{.Salt}}
	}
{{template "score" .}}	return n
}
{{end}}

{{define "expr"}}// Package {{.Name}} evaluates integer expressions such as "1+2*(3-4)". It
// imports no AWS package.
package {{.Name}}

import (
	"fmt"
	"strconv"
	"unicode"
{{template "imports" .}}
)

type parser struct {
	src string
	pos int
}

// Eval evaluates src: integers, + - * / and parentheses.
func Eval(src string) (int, error) {
	p := &parser{src: src}
	v, err := p.sum()
	if err != nil {
		return 0, err
	}
	p.space()
	if p.pos != len(p.src) {
		return 0, fmt.Errorf("{{.Name}}: unexpected %q at %d", p.src[p.pos:], p.pos)
	}
	return v, nil
}

func (p *parser) space() {
	for p.pos < len(p.src) && unicode.IsSpace(rune(p.src[p.pos])) {
		p.pos++
	}
}

func (p *parser) sum() (int, error) {
	v, err := p.product()
	for err == nil {
		p.space()
		if p.pos >= len(p.src) || (p.src[p.pos] != '+' && p.src[p.pos] != '-') {
			break
		}
		op := p.src[p.pos]
		p.pos++
		var w int
		if w, err = p.product(); err == nil {
			if op == '+' {
				v += w
			} else {
				v -= w
			}
		}
	}
	return v, err
}

func (p *parser) product() (int, error) {
	v, err := p.atom()
	for err == nil {
		p.space()
		if p.pos >= len(p.src) || (p.src[p.pos] != '*' && p.src[p.pos] != '/') {
			break
		}
		op := p.src[p.pos]
		p.pos++
		var w int
		if w, err = p.atom(); err == nil {
			if op == '*' {
				v *= w
			} else if w == 0 {
				err = fmt.Errorf("{{.Name}}: division by zero at %d", p.pos)
			} else {
				v /= w
			}
		}
	}
	return v, err
}

func (p *parser) atom() (int, error) {
	p.space()
	if p.pos < len(p.src) && p.src[p.pos] == '(' {
		p.pos++
		v, err := p.sum()
		if err != nil {
			return 0, err
		}
		p.space()
		if p.pos >= len(p.src) || p.src[p.pos] != ')' {
			return 0, fmt.Errorf("{{.Name}}: missing ) at %d", p.pos)
		}
		p.pos++
		return v, nil
	}
	start := p.pos
	for p.pos < len(p.src) && p.src[p.pos] >= '0' && p.src[p.pos] <= '9' {
		p.pos++
	}
	if start == p.pos {
		return 0, fmt.Errorf("{{.Name}}: number expected at %d", p.pos)
	}
	return strconv.Atoi(p.src[start:p.pos])
}

// Score is a number derived from s and this package's dependencies.
func Score(s string) int {
	n, err := Eval(strconv.Itoa(len(s)) + "*{{.Salt}}+1")
	if err != nil {
		n = 0
	}
{{template "score" .}}	return n
}
{{end}}

{{define "ring"}}// Package {{.Name}} is a generic ring buffer. It imports no AWS package.
package {{.Name}}

import (
	"iter"
{{template "imports" .}}
)

// Ring keeps the last Cap values pushed.
type Ring[T any] struct {
	buf   []T
	start int
	n     int
}

// NewRing returns a ring that keeps size values.
func NewRing[T any](size int) *Ring[T] {
	return &Ring[T]{buf: make([]T, max(size, 1))}
}

// Push adds v, dropping the oldest value when full.
func (r *Ring[T]) Push(v T) {
	if r.n < len(r.buf) {
		r.buf[(r.start+r.n)%len(r.buf)] = v
		r.n++
		return
	}
	r.buf[r.start] = v
	r.start = (r.start + 1) % len(r.buf)
}

// All yields the values, oldest first.
func (r *Ring[T]) All() iter.Seq[T] {
	return func(yield func(T) bool) {
		for i := 0; i < r.n; i++ {
			if !yield(r.buf[(r.start+i)%len(r.buf)]) {
				return
			}
		}
	}
}

// Len returns the number of values held.
func (r *Ring[T]) Len() int { return r.n }

// Fold combines the values of r, oldest first.
func Fold[T, A any](r *Ring[T], acc A, f func(A, T) A) A {
	for v := range r.All() {
		acc = f(acc, v)
	}
	return acc
}

// Score is a number derived from s and this package's dependencies.
func Score(s string) int {
	r := NewRing[rune](8)
	for _, c := range s {
		r.Push(c)
	}
	n := Fold(r, {{.Salt}}, func(a int, c rune) int { return a*31 + int(c) })
{{template "score" .}}	return n
}
{{end}}

{{define "s3list"}}// Package {{.Name}} lists objects with the v2 SDK, credentials from the
// default chain. No finding.
package {{.Name}}

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
{{template "imports" .}}
)

// Object is one listed key.
type Object struct {
	Key  string
	Size int64
}

// NewClient builds an S3 client from the default configuration chain.
func NewClient(ctx context.Context, region string) (*s3.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion(region))
	if err != nil {
		return nil, fmt.Errorf("load config: %w", err)
	}
	return s3.NewFromConfig(cfg), nil
}

// NewClientWithKeys uses long-lived keys with an empty session token: not
// a finding.
func NewClientWithKeys(ctx context.Context, region, keyID, secret string) (*s3.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx,
		config.WithRegion(region),
		config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(keyID, secret, "")), // not reported
	)
	if err != nil {
		return nil, fmt.Errorf("load config: %w", err)
	}
	return s3.NewFromConfig(cfg), nil
}

// List returns every object under prefix.
func List(ctx context.Context, c *s3.Client, bucket, prefix string) ([]Object, error) {
	var out []Object
	p := s3.NewListObjectsV2Paginator(c, &s3.ListObjectsV2Input{
		Bucket: aws.String(bucket),
		Prefix: aws.String(label(prefix)),
	})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("list s3://%s/%s: %w", bucket, prefix, err)
		}
		for _, o := range page.Contents {
			out = append(out, Object{Key: aws.ToString(o.Key), Size: aws.ToInt64(o.Size)})
		}
	}
	return out, nil
}
{{template "label" .}}{{end}}

{{define "assume"}}// Package {{.Name}} assumes a role the correct way: a cached AssumeRole
// provider. No finding.
package {{.Name}}

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sts"
{{template "imports" .}}
)

// Config returns a configuration whose credentials come from assuming
// roleARN, refreshed automatically.
func Config(ctx context.Context, roleARN, sessionName string) (aws.Config, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return aws.Config{}, fmt.Errorf("load config: %w", err)
	}
	provider := stscreds.NewAssumeRoleProvider(sts.NewFromConfig(cfg), roleARN, func(o *stscreds.AssumeRoleOptions) {
		o.RoleSessionName = label(sessionName)
		o.Duration = time.Hour
	})
	cfg.Credentials = aws.NewCredentialsCache(provider) // not reported
	return cfg, nil
}

// S3 returns an S3 client acting as roleARN.
func S3(ctx context.Context, roleARN string) (*s3.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, err
	}
	cfg.Credentials = aws.NewCredentialsCache(stscreds.NewAssumeRoleProvider(sts.NewFromConfig(cfg), roleARN))
	return s3.NewFromConfig(cfg), nil
}

// WhoAmI reads STS output without building credentials: not a finding.
func WhoAmI(ctx context.Context, cfg aws.Config) (string, error) {
	out, err := sts.NewFromConfig(cfg).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Arn), nil
}
{{template "label" .}}{{end}}

{{define "lambda"}}// Package {{.Name}} keeps one S3 client for the process, from the default
// chain (the pattern AWS recommends for Lambda), and sets non-secret
// variables. No finding.
package {{.Name}}

import (
	"context"
	"fmt"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
{{template "imports" .}}
)

var defaultCfg, _ = config.LoadDefaultConfig(context.Background())

// Client refreshes its credentials through the default chain.
var Client = s3.NewFromConfig(defaultCfg) // not reported

// Configure sets the region and profile for the SDK: not secrets.
func Configure(region, profile string) error {
	if err := os.Setenv("AWS_REGION", region); err != nil { // not reported
		return err
	}
	return os.Setenv("AWS_PROFILE", profile) // not reported
}

// Head reports whether key exists in bucket.
func Head(ctx context.Context, bucket, key string) (bool, error) {
	_, err := Client.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String(bucket), Key: aws.String(label(key))})
	if err != nil {
		return false, err
	}
	return true, nil
}
{{template "label" .}}{{end}}

{{define "keys"}}// Package {{.Name}} uses long-lived access keys (no session token). No
// finding.
package {{.Name}}

import (
	"context"
	"fmt"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
{{template "imports" .}}
)

// Settings come from the application's configuration.
type Settings struct {
	AccessKey, SecretKey, Region string
}

// Provider returns a static provider for long-lived keys.
func Provider(s Settings) aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(s.AccessKey, s.SecretKey, "") // not reported
}

var keysClient = s3.New(s3.Options{
	Region:      "us-east-1",
	Credentials: credentials.NewStaticCredentialsProvider(os.Getenv("KEYS_ID"), os.Getenv("KEYS_SECRET"), ""),
}) // not reported: no session token

// Client returns the process-wide client.
func Client() *s3.Client { return keysClient }

// Load returns a configuration for s.
func Load(ctx context.Context, s Settings) (aws.Config, error) {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion(s.Region), config.WithCredentialsProvider(Provider(s)))
	if err != nil {
		return aws.Config{}, fmt.Errorf("%s: %w", label(s.Region), err)
	}
	return cfg, nil
}
{{template "label" .}}{{end}}

{{define "static"}}// Package {{.Name}} freezes AssumeRole output into a static provider.
// Seeded finding: staticcreds.
package {{.Name}}

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sts"
{{template "imports" .}}
)

// S3AsRole returns an S3 client acting as arn, with credentials that are
// never refreshed.
func S3AsRole(ctx context.Context, arn string) (*s3.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, fmt.Errorf("load config: %w", err)
	}
	out, err := sts.NewFromConfig(cfg).AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String(arn), RoleSessionName: aws.String(label("{{.Name}}"))})
	if err != nil {
		return nil, fmt.Errorf("assume %s: %w", arn, err)
	}
	cfg.Credentials = credentials.NewStaticCredentialsProvider(aws.ToString(out.Credentials.AccessKeyId), aws.ToString(out.Credentials.SecretAccessKey), aws.ToString(out.Credentials.SessionToken)) // seeded: staticcreds
	return s3.NewFromConfig(cfg), nil
}

// WithKeys uses long-lived keys: not reported.
func WithKeys(cfg aws.Config, keyID, secret string) *s3.Client {
	cfg.Credentials = credentials.NewStaticCredentialsProvider(keyID, secret, "") // not reported
	return s3.NewFromConfig(cfg)
}
{{template "label" .}}{{end}}

{{define "broker"}}// Package {{.Name}} hands out AssumeRole credentials as a plain struct. It
// builds no provider, so it has no finding itself.
package {{.Name}}

import (
	"context"
	"errors"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// Session is a set of temporary credentials.
type Session struct {
	Key     string
	Secret  string
	Token   string
	Expires time.Time
}

// Fetch assumes arn and returns the temporary credentials.
func Fetch(ctx context.Context, c *sts.Client, arn string) (Session, error) {
	out, err := c.AssumeRole(ctx, &sts.AssumeRoleInput{
		RoleArn:         aws.String(arn),
		RoleSessionName: aws.String("{{.Name}}"),
	})
	if err != nil {
		return Session{}, err
	}
	if out.Credentials == nil {
		return Session{}, errors.New("{{.Name}}: AssumeRole returned no credentials")
	}
	return Session{
		Key:     aws.ToString(out.Credentials.AccessKeyId),
		Secret:  aws.ToString(out.Credentials.SecretAccessKey),
		Token:   aws.ToString(out.Credentials.SessionToken),
		Expires: aws.ToTime(out.Credentials.Expiration),
	}, nil
}
{{end}}

{{define "app"}}// Package {{.Name}} builds a static provider from the Session that
// {{.Broker}}.Fetch filled from AssumeRole output: the cross-package form.
// Seeded finding: staticcreds.
package {{.Name}}

import (
	"context"
	"fmt"
	"time"

	"scalemod/{{.Broker}}"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sts"
{{template "imports" .}}
)

// Client returns an S3 client acting as arn, with credentials that are
// never refreshed.
func Client(ctx context.Context, arn string) (*s3.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, err
	}
	s, err := {{.Broker}}.Fetch(ctx, sts.NewFromConfig(cfg), arn)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", label(arn), err)
	}
	cfg.Credentials = credentials.NewStaticCredentialsProvider(s.Key, s.Secret, s.Token) // seeded: staticcreds
	return s3.NewFromConfig(cfg), nil
}

// Expiry reads only the session's metadata: not reported.
func Expiry(ctx context.Context, c *sts.Client, arn string) (time.Time, error) {
	s, err := {{.Broker}}.Fetch(ctx, c, arn)
	return s.Expires, err
}
{{template "label" .}}{{end}}

{{define "env"}}// Package {{.Name}} exports an AssumeRole session token to the process
// environment and to a child process. Seeded findings: envoverride.
package {{.Name}}

import (
	"context"
	"fmt"
	"os"
	"os/exec"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
{{template "imports" .}}
)

// Export assumes arn and exports the session token.
func Export(ctx context.Context, c *sts.Client, arn, region string) error {
	out, err := c.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String(arn), RoleSessionName: aws.String(label("{{.Name}}"))})
	if err != nil {
		return err
	}
	if err := os.Setenv("AWS_REGION", region); err != nil { // not reported
		return err
	}
	tok := aws.ToString(out.Credentials.SessionToken)
	return os.Setenv("AWS_SESSION_TOKEN", tok) // seeded: envoverride
}

// Run runs a child process with the session token in its environment.
func Run(ctx context.Context, c *sts.Client, arn string) error {
	out, err := c.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String(arn), RoleSessionName: aws.String("{{.Name}}")})
	if err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, "terraform", "plan")
	cmd.Env = append(os.Environ(), "AWS_SESSION_TOKEN="+aws.ToString(out.Credentials.SessionToken)) // seeded: envoverride
	return cmd.Run()
}

// Clear removes the token: not reported.
func Clear() error {
	return os.Unsetenv("AWS_SESSION_TOKEN")
}
{{template "label" .}}{{end}}

{{define "exec"}}// Package {{.Name}} puts a session token it is given into the process
// environment and a child's. It imports no AWS package. Seeded findings:
// envoverride.
package {{.Name}}

import (
	"context"
	"fmt"
	"os"
	"os/exec"
{{template "imports" .}}
)

// Export sets the region (not a secret) and the session token.
func Export(token, region string) error {
	if err := os.Setenv("AWS_REGION", region); err != nil { // not reported
		return err
	}
	return os.Setenv("AWS_SESSION_TOKEN", token) // seeded: envoverride
}

// Command returns an AWS CLI command with the token in its environment.
func Command(ctx context.Context, token string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "aws", args...)
	cmd.Env = append(os.Environ(), "AWS_SESSION_TOKEN="+token) // seeded: envoverride
	return cmd
}

// RegionCommand passes only non-secret settings: not reported.
func RegionCommand(ctx context.Context, region string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "aws", args...)
	cmd.Env = append(os.Environ(), "AWS_REGION="+label(region)) // not reported
	return cmd
}
{{template "label" .}}{{end}}

{{define "frozen"}}// Package {{.Name}} keeps a process-wide S3 client whose static provider
// carries a session token. Seeded finding: singletonclient.
package {{.Name}}

import (
	"context"
	"fmt"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
{{template "imports" .}}
)

var (
	accessKey    = os.Getenv("AWS_ACCESS_KEY_ID")
	secretKey    = os.Getenv("AWS_SECRET_ACCESS_KEY")
	sessionToken = os.Getenv("AWS_SESSION_TOKEN")
)

// Frozen cannot refresh its credentials.
var Frozen = s3.NewFromConfig(aws.Config{Region: "us-east-1", Credentials: credentials.NewStaticCredentialsProvider(accessKey, secretKey, sessionToken)}) // seeded: singletonclient

var defaultCfg, _ = config.LoadDefaultConfig(context.Background())

// Default refreshes through the default chain: not reported.
var Default = s3.NewFromConfig(defaultCfg) // not reported

// Keys uses long-lived keys, no session token: not reported.
var Keys = s3.NewFromConfig(aws.Config{Region: "us-east-1", Credentials: credentials.NewStaticCredentialsProvider(accessKey, secretKey, "")}) // not reported

// Bucket returns a bucket name for s.
func Bucket(s string) string { return label(s) }
{{template "label" .}}{{end}}
`

// finishModule writes the module's go.mod and go.sum (gosum, or
// bench/module/go.sum) and runs go mod tidy in it when asked.
func finishModule(out, mod, gosum string, tidy bool) error {
	if err := os.WriteFile(filepath.Join(out, "go.mod"), []byte(mod), 0o644); err != nil {
		return err
	}
	if gosum == "" {
		gosum = defaultGoSum()
	}
	if gosum != "" {
		data, err := os.ReadFile(gosum)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, "go.sum"), data, 0o644); err != nil {
			return err
		}
	}
	if tidy {
		if err := tidyModule(out); err != nil {
			return err
		}
	}
	return nil
}

// tidyModule runs go mod tidy in the module at out, outside any workspace.
func tidyModule(out string) error {
	cmd := exec.Command("go", "mod", "tidy")
	cmd.Dir = out
	cmd.Env = append(os.Environ(), "GOWORK=off")
	cmd.Stdout = os.Stderr
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go mod tidy in %s: %v", out, err)
	}
	return nil
}
