package main

// The service workload (-workload=service, bench/service.sh): a module of
// N packages of several thousand lines each, every one importing S3 and
// STS and calling two or three earlier packages, with one seeded finding
// each: the shape of issue 19's first row. Functions vary with the
// package index and -seed (loops, maps, switches, closures, methods,
// calls across packages), so no two packages are the same code.

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// serviceGoMod is the scale workload's go.mod (the same SDK modules)
// under the service module's path.
var serviceGoMod = strings.Replace(goMod, "module scalemod", "module servicemod", 1)

// runService writes the service module to out.
func runService(n, lines int, out string, seed uint64, gosum string, tidy bool) error {
	if entries, err := os.ReadDir(out); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s exists and is not empty", out)
	}
	var expected []string
	for i := range n {
		name := fmt.Sprintf("svc%03d", i)
		src := servicePackage(i, lines, seed)
		rel := name + "/" + name + ".go"
		for j, line := range strings.Split(src, "\n") {
			if strings.Contains(line, "// seeded: ") {
				expected = append(expected, rel+":"+strconv.Itoa(j+1))
			}
		}
		if err := os.MkdirAll(filepath.Join(out, name), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, filepath.FromSlash(rel)), []byte(src), 0o644); err != nil {
			return err
		}
	}
	sort.Strings(expected)
	if err := os.WriteFile(filepath.Join(out, "EXPECTED"), []byte(strings.Join(expected, "\n")+"\n"), 0o644); err != nil {
		return err
	}
	return finishModule(out, serviceGoMod, gosum, tidy)
}

// serviceDeps are the earlier packages package i imports.
func serviceDeps(i int, r *rand.Rand) []int {
	var deps []int
	for _, d := range []int{i - 1, i / 2, r.IntN(max(i, 1))} {
		if d >= 0 && d < i && !slices.Contains(deps, d) {
			deps = append(deps, d)
		}
	}
	return deps
}

// servicePackage renders package i: about lines lines.
func servicePackage(i, lines int, seed uint64) string {
	r := rand.New(rand.NewPCG(seed, uint64(i)))
	deps := serviceDeps(i, r)
	var b strings.Builder
	fmt.Fprintf(&b, "// Package svc%03d is generated (bench/gen -workload=service).\npackage svc%03d\n\n", i, i)
	b.WriteString("import (\n\t\"context\"\n\t\"errors\"\n\t\"fmt\"\n\t\"sort\"\n\t\"strings\"\n\n")
	b.WriteString("\t\"github.com/aws/aws-sdk-go-v2/aws\"\n\t\"github.com/aws/aws-sdk-go-v2/config\"\n\t\"github.com/aws/aws-sdk-go-v2/credentials\"\n\t\"github.com/aws/aws-sdk-go-v2/service/s3\"\n\t\"github.com/aws/aws-sdk-go-v2/service/sts\"\n")
	if len(deps) > 0 {
		b.WriteString("\n")
		for _, d := range deps {
			fmt.Fprintf(&b, "\t\"servicemod/svc%03d\"\n", d)
		}
	}
	b.WriteString(")\n\n")
	for _, d := range deps {
		fmt.Fprintf(&b, "var _ = svc%03d.Process\n", d)
	}
	fmt.Fprintf(&b, `
// Record is one item the service handles.
type Record struct {
	ID, Bucket, Key string
	Size            int64
	Tags            map[string]string
}

// Service holds the clients and state of the package's service.
type Service struct {
	s3     *s3.Client
	sts    *sts.Client
	role   string
	cache  map[string]*Record
	counts map[string]int
}

// New builds the service from the default chain: the right way.
func New(ctx context.Context, role string) (*Service, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, err
	}
	return &Service{s3: s3.NewFromConfig(cfg), sts: sts.NewFromConfig(cfg), role: role, cache: map[string]*Record{}, counts: map[string]int{}}, nil
}

// Frozen builds an S3 client from one AssumeRole answer: it stops working
// when the session ends.
func (s *Service) Frozen(ctx context.Context) (*s3.Client, error) {
	out, err := s.sts.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String(s.role), RoleSessionName: aws.String("svc%03d")})
	if err != nil {
		return nil, err
	}
	c := out.Credentials
	prov := credentials.NewStaticCredentialsProvider(aws.ToString(c.AccessKeyId), aws.ToString(c.SecretAccessKey), aws.ToString(c.SessionToken)) // seeded: staticcreds
	return s3.New(s3.Options{Region: "us-east-1", Credentials: prov}), nil
}

// LongLived builds a client from long-lived keys: not a finding.
func LongLived(key, secret string) *s3.Client {
	return s3.New(s3.Options{Region: "us-east-1", Credentials: credentials.NewStaticCredentialsProvider(key, secret, "")})
}

// Process is what the packages that import this one call.
func Process(recs []Record, limit int) (int64, error) {
	var total int64
	for n, r := range recs {
		if n >= limit {
			return total, errors.New("limit reached")
		}
		total += r.Size
	}
	return total, nil
}

// Label names a record for the packages that import this one.
func Label(r Record) string { return fmt.Sprintf("%%s/%%s#%%d", r.Bucket, r.Key, r.Size) }

`, i)
	for f := 0; strings.Count(b.String(), "\n") < lines; f++ {
		serviceFunc(&b, i, f, r, deps)
	}
	return b.String()
}

// serviceFunc writes function f of package i, one of several shapes.
func serviceFunc(b *strings.Builder, i, f int, r *rand.Rand, deps []int) {
	dep := -1
	if len(deps) > 0 {
		dep = deps[f%len(deps)]
	}
	k := r.IntN(1000)
	switch (f + i) % 6 {
	case 0: // a loop over records with a map, and a call across packages
		fmt.Fprintf(b, "// Sum%d adds up sizes per bucket.\nfunc (s *Service) Sum%d(recs []Record) map[string]int64 {\n\tout := make(map[string]int64)\n", f, f)
		b.WriteString("\tfor _, rec := range recs {\n\t\tif rec.Size < 0 {\n\t\t\tcontinue\n\t\t}\n")
		fmt.Fprintf(b, "\t\tout[rec.Bucket] += rec.Size %% %d\n\t\ts.counts[rec.Bucket]++\n\t}\n", k+7)
		if dep >= 0 {
			fmt.Fprintf(b, "\tvar conv []svc%03d.Record\n\tfor _, rec := range recs {\n\t\tconv = append(conv, svc%03d.Record{ID: rec.ID, Bucket: rec.Bucket, Key: rec.Key, Size: rec.Size})\n\t}\n", dep, dep)
			fmt.Fprintf(b, "\tif n, err := svc%03d.Process(conv, %d); err == nil {\n\t\tout[\"_total\"] = n\n\t}\n", dep, k+10)
		}
		b.WriteString("\treturn out\n}\n\n")
	case 1: // a state machine over a string
		fmt.Fprintf(b, "// Parse%d splits a key into its parts.\nfunc Parse%d(key string) []string {\n\tvar parts []string\n\tvar cur strings.Builder\n\tstate := 0\n", f, f)
		b.WriteString("\tfor _, c := range key {\n\t\tswitch {\n\t\tcase c == '/' && state == 0:\n\t\t\tparts = append(parts, cur.String())\n\t\t\tcur.Reset()\n\t\tcase c == '\"':\n\t\t\tstate = 1 - state\n\t\tdefault:\n\t\t\tcur.WriteRune(c)\n\t\t}\n\t}\n")
		fmt.Fprintf(b, "\tif cur.Len() > %d {\n\t\tparts = append(parts, cur.String()[:%d])\n\t} else if cur.Len() > 0 {\n\t\tparts = append(parts, cur.String())\n\t}\n\treturn parts\n}\n\n", k%50+1, k%50+1)
	case 2: // S3 calls with the service's refreshing client
		fmt.Fprintf(b, "// List%d lists a bucket's keys with a prefix.\nfunc (s *Service) List%d(ctx context.Context, bucket string) ([]string, error) {\n", f, f)
		fmt.Fprintf(b, "\tvar keys []string\n\tp := s3.NewListObjectsV2Paginator(s.s3, &s3.ListObjectsV2Input{Bucket: aws.String(bucket), Prefix: aws.String(\"p%d/\")})\n", k)
		b.WriteString("\tfor p.HasMorePages() {\n\t\tpage, err := p.NextPage(ctx)\n\t\tif err != nil {\n\t\t\treturn keys, fmt.Errorf(\"list %s: %w\", bucket, err)\n\t\t}\n\t\tfor _, o := range page.Contents {\n\t\t\tkeys = append(keys, aws.ToString(o.Key))\n\t\t}\n\t}\n\tsort.Strings(keys)\n\treturn keys, nil\n}\n\n")
	case 3: // closures over the service's cache
		fmt.Fprintf(b, "// Filter%d keeps the cached records a predicate accepts.\nfunc (s *Service) Filter%d(min int64) []*Record {\n", f, f)
		fmt.Fprintf(b, "\tkeep := func(r *Record) bool { return r.Size >= min && len(r.Tags) < %d }\n\tvar out []*Record\n", k%9+2)
		b.WriteString("\tfor _, r := range s.cache {\n\t\tif keep(r) {\n\t\t\tout = append(out, r)\n\t\t}\n\t}\n\tsort.Slice(out, func(a, b int) bool { return out[a].ID < out[b].ID })\n\treturn out\n}\n\n")
	case 4: // identity lookups: metadata only, not a finding
		fmt.Fprintf(b, "// Whoami%d returns the caller's account.\nfunc (s *Service) Whoami%d(ctx context.Context) (string, error) {\n", f, f)
		b.WriteString("\tout, err := s.sts.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})\n\tif err != nil {\n\t\treturn \"\", err\n\t}\n")
		fmt.Fprintf(b, "\treturn fmt.Sprintf(\"%%s-%d\", aws.ToString(out.Account)), nil\n}\n\n", k)
	case 5: // labels through another package
		fmt.Fprintf(b, "// Labels%d names the records.\nfunc Labels%d(recs []Record) []string {\n\tout := make([]string, 0, len(recs))\n\tfor i, rec := range recs {\n", f, f)
		if dep >= 0 {
			fmt.Fprintf(b, "\t\tout = append(out, svc%03d.Label(svc%03d.Record{Bucket: rec.Bucket, Key: rec.Key, Size: int64(i)}))\n", dep, dep)
		} else {
			b.WriteString("\t\tout = append(out, Label(rec))\n")
		}
		fmt.Fprintf(b, "\t\tif i > %d {\n\t\t\tbreak\n\t\t}\n\t}\n\treturn out\n}\n\n", k+20)
	}
}
