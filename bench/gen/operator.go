package main

// The operator workload (-workload=operator): a module shaped like a real
// Kubernetes operator that manages cloud resources, for the benchmark of
// standalone memory at real scale (bench/operator.sh; see bench/README.md,
// section "The operator workload"). Its packages are of a real operator's
// size (several files, hundreds to thousands of lines), import client-go,
// controller-runtime, a dozen AWS SDK v2 services, the Google Cloud Storage
// and Azure Blob SDKs, and each other:
//
//   - apis/GROUP/v1: CRD types with their deepcopy code (apimachinery);
//   - internal/cloud/aws/awsconfig: config.LoadDefaultConfig and an
//     assumed role through aws.NewCredentialsCache (correct use);
//   - internal/cloud/aws/SERVICE, one per AWS service (by default iam, eks,
//     s3, sts, route53, elbv2, secretsmanager, sqs, kms, dynamodb, ecr;
//     -aws=all adds ec2): wrappers with paging, retries, tags, error
//     classification;
//   - internal/cloud/gcp/gcs, internal/cloud/azure/blob: the other clouds;
//   - internal/cloud/provider: one interface over the three clouds;
//   - internal/creds/broker: AssumeRole output as a plain struct (no finding);
//   - internal/exec/runner: a child's environment (no AWS import);
//   - internal/controllers/NAME: reconcilers (controller-runtime, client-go,
//     the CRDs, several AWS wrappers, the provider), some with a seeded
//     finding: static (AssumeRole output into a static provider), cross
//     (the same from broker.Fetch), env (the session token into os.Setenv
//     and a child's Env), frozen (a package-level S3 client on a static
//     provider with a session token);
//   - internal/webhooks/NAME: admission handlers for the CRDs;
//   - internal/util/NAME: helpers, some over client-go and apimachinery;
//   - cmd/manager: the main package, wiring everything.
//
// As in the scale workload, every line that must be reported ends in
// "// seeded: ANALYZER" and is listed in EXPECTED.

import (
	"bytes"
	_ "embed"
	"fmt"
	"go/format"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"text/template"
)

const opModule = "example.com/infra-operator"

// The operator module's go.mod and go.sum, pinned: the versions go mod
// tidy chose for the module with these requirements on the day it was
// written (the newest the Go module proxy served that Go 1.26 accepts).
var (
	//go:embed operator.mod
	opGoMod string
	//go:embed operator.sum
	opGoSum string
)

// opMinPackages is the smallest module the plan can lay out: the fixed
// packages and a few of each repeated kind.
const opMinPackages = 40

// An opPkg is one package of the operator module.
type opPkg struct {
	Dir     string // module-relative directory
	Name    string // package name
	Role    string // apis, awsconfig, aws, gcs, blob, provider, broker, runner, controller, webhook, util, main
	Variant string // controllers: good, static, cross, env, frozen; utils: the util template
	Index   int
	Salt    int
	Svc     *awsService // aws: the service wrapped
	API     *opAPI      // controller, webhook: the CRD group it handles
	Kind    string      // controller, webhook: the CRD kind
	Svcs    []*awsService
	Utils   []string   // module-relative dirs of util packages imported
	APIs    []*opAPI   // main: every API group
	Ctrls   []*opPkg   // main: every controller
	Hooks   []*opPkg   // main: every webhook
	Kinds   []opKind   // apis: the kinds of the group
	Module  string     // the module path
	Files   []fileSpec // filled by layout
	Handler int        // controller: number of handlers
}

// An opAPI is one CRD group.
type opAPI struct {
	Group string
	Dir   string
	Kinds []opKind
}

// An opKind is one CRD kind with its spec fields.
type opKind struct {
	Name   string
	Fields []opField
}

// An opField is one spec field. Cat says how it is validated and deep
// copied: str, int, bool, map, slice, deep (a value with DeepCopyInto),
// ptr (a pointer to a value with DeepCopy), slicedeep (a slice of those),
// plain (copied by assignment).
type opField struct {
	Name, Type, JSON, Cat string
}

type fileSpec struct {
	Name     string // file name
	Template string
	Data     any
}

var apiGroups = []string{"storage", "network", "compute", "identity", "messaging", "dns", "secrets", "registry", "database", "cluster"}

var kindWords = []string{"Bucket", "Queue", "Instance", "Role", "Zone", "Record", "Secret", "Repository", "Table", "Cluster", "Subnet", "Key", "Policy", "Topic", "Volume", "Gateway", "Listener", "Target", "Snapshot", "Endpoint"}

var fieldPool = []opField{
	{"Region", "string", "region", "str"},
	{"AccountID", "string", "accountID", "str"},
	{"RoleARN", "string", "roleARN", "str"},
	{"Tags", "map[string]string", "tags,omitempty", "map"},
	{"Replicas", "int32", "replicas", "int"},
	{"RetentionDays", "int64", "retentionDays,omitempty", "int"},
	{"Zones", "[]string", "zones,omitempty", "slice"},
	{"DeletionPolicy", "string", "deletionPolicy,omitempty", "str"},
	{"Encrypted", "bool", "encrypted", "bool"},
	{"KMSKeyID", "string", "kmsKeyID,omitempty", "str"},
	{"Labels", "map[string]string", "labels,omitempty", "map"},
	{"Ports", "[]int32", "ports,omitempty", "slice"},
	{"Selector", "*metav1.LabelSelector", "selector,omitempty", "ptr"},
	{"SecretRef", "*corev1.SecretReference", "secretRef,omitempty", "ptr"},
	{"Resources", "corev1.ResourceRequirements", "resources,omitempty", "deep"},
	{"Tolerations", "[]corev1.Toleration", "tolerations,omitempty", "slicedeep"},
	{"Timeout", "metav1.Duration", "timeout,omitempty", "plain"},
	{"Provider", "string", "provider", "str"},
	{"Size", "int64", "size,omitempty", "int"},
	{"Paused", "bool", "paused,omitempty", "bool"},
}

var utilVariants = []string{"kubeutil", "conditions", "naming", "backoff", "labels", "metrics", "events", "config"}

// opPlan lays out a module of n packages; the same n and seed always give
// the same module.
func opPlan(n int, seed uint64, svcs []*awsService) []*opPkg {
	rnd := func(i int) *rand.Rand { return rand.New(rand.NewPCG(seed, splitmix(uint64(i)+1<<32))) }
	// Fixed packages: awsconfig, the AWS wrappers, gcs, blob, provider,
	// broker, runner, main.
	fixed := 1 + len(svcs) + 2 + 1 + 2 + 1
	rest := n - fixed
	nAPI := max(2, min(len(apiGroups), rest/9))
	nHook := max(2, rest/9)
	nUtil := max(len(utilVariants), rest/5)
	nCtrl := rest - nAPI - nHook - nUtil

	var pkgs []*opPkg
	add := func(p *opPkg) *opPkg {
		p.Index = len(pkgs)
		p.Module = opModule
		p.Salt = rnd(p.Index).IntN(1000)
		if p.Name == "" {
			p.Name = filepath.Base(p.Dir)
		}
		pkgs = append(pkgs, p)
		return p
	}

	var apis []*opAPI
	for g := 0; g < nAPI; g++ {
		r := rnd(1000 + g)
		api := &opAPI{Group: apiGroups[g], Dir: "apis/" + apiGroups[g] + "/v1"}
		nk := 4 + r.IntN(3)
		for k := 0; k < nk; k++ {
			kind := opKind{Name: kindWords[(g*7+k)%len(kindWords)]}
			perm := r.Perm(len(fieldPool))
			for _, j := range perm[:8+r.IntN(6)] {
				kind.Fields = append(kind.Fields, fieldPool[j])
			}
			sort.Slice(kind.Fields, func(a, b int) bool { return kind.Fields[a].Name < kind.Fields[b].Name })
			api.Kinds = append(api.Kinds, kind)
		}
		apis = append(apis, api)
		add(&opPkg{Dir: api.Dir, Name: "v1", Role: "apis", API: api, Kinds: api.Kinds})
	}

	var utils []string
	for u := 0; u < nUtil; u++ {
		v := utilVariants[u%len(utilVariants)]
		dir := fmt.Sprintf("internal/util/%s%d", v, u/len(utilVariants))
		if u < len(utilVariants) {
			dir = "internal/util/" + v
		}
		p := add(&opPkg{Dir: dir, Role: "util", Variant: v})
		// Utils import earlier utils, as helpers do.
		if len(utils) > 0 {
			p.Utils = []string{utils[rnd(p.Index).IntN(len(utils))]}
		}
		utils = append(utils, dir)
	}

	add(&opPkg{Dir: "internal/cloud/aws/awsconfig", Role: "awsconfig"})
	for _, s := range svcs {
		add(&opPkg{Dir: "internal/cloud/aws/" + s.Dir, Name: s.Dir, Role: "aws", Svc: s, Utils: []string{"internal/util/backoff", "internal/util/naming"}})
	}
	add(&opPkg{Dir: "internal/cloud/gcp/gcs", Role: "gcs"})
	add(&opPkg{Dir: "internal/cloud/azure/blob", Role: "blob"})
	add(&opPkg{Dir: "internal/cloud/provider", Role: "provider"})
	add(&opPkg{Dir: "internal/creds/broker", Role: "broker"})
	add(&opPkg{Dir: "internal/exec/runner", Role: "runner"})

	var hooks []*opPkg
	for h := 0; h < nHook; h++ {
		api := apis[h%len(apis)]
		kind := api.Kinds[(h/len(apis))%len(api.Kinds)]
		hooks = append(hooks, add(&opPkg{Dir: fmt.Sprintf("internal/webhooks/%s%s", api.Group, strings.ToLower(kind.Name)), Role: "webhook", API: api, Kind: kind.Name, Utils: []string{utils[h%len(utils)]}}))
	}

	variants := []string{"good", "static", "good", "cross", "good", "env", "good", "frozen"}
	var ctrls []*opPkg
	for c := 0; c < nCtrl; c++ {
		r := rnd(2000 + c)
		api := apis[c%len(apis)]
		kind := api.Kinds[(c/len(apis))%len(api.Kinds)]
		p := &opPkg{
			Dir:     fmt.Sprintf("internal/controllers/%s%s", api.Group, strings.ToLower(kind.Name)),
			Role:    "controller",
			Variant: variants[c%len(variants)],
			API:     api,
			Kind:    kind.Name,
			Handler: 4 + r.IntN(5),
		}
		if c >= len(apis)*len(api.Kinds) {
			p.Dir += strconv.Itoa(c)
		}
		perm := r.Perm(len(svcs))
		for _, j := range perm[:min(len(perm), 3+r.IntN(3))] {
			p.Svcs = append(p.Svcs, svcs[j])
		}
		sort.Slice(p.Svcs, func(a, b int) bool { return p.Svcs[a].Dir < p.Svcs[b].Dir })
		p.Utils = []string{utils[r.IntN(len(utils))], utils[r.IntN(len(utils))]}
		if p.Utils[0] == p.Utils[1] {
			p.Utils = p.Utils[:1]
		}
		sort.Strings(p.Utils)
		ctrls = append(ctrls, add(p))
	}
	add(&opPkg{Dir: "cmd/manager", Name: "main", Role: "main", APIs: apis, Ctrls: ctrls, Hooks: hooks})
	for _, p := range pkgs {
		p.Files = opFiles(p)
	}
	return pkgs
}

// opFiles lists the files of a package and the template of each.
func opFiles(p *opPkg) []fileSpec {
	switch p.Role {
	case "apis":
		files := []fileSpec{{"groupversion_info.go", "apis_group", p}}
		for _, k := range p.Kinds {
			files = append(files, fileSpec{strings.ToLower(k.Name) + "_types.go", "apis_kind", kindData{p, k}})
		}
		return append(files, fileSpec{"zz_generated.deepcopy.go", "apis_deepcopy", p})
	case "aws":
		return []fileSpec{
			{"client.go", "aws_client", p},
			{"ops.go", "aws_ops_" + p.Svc.Dir, p},
			{"retry.go", "aws_retry", p},
			{"tags.go", "aws_tags", p},
			{"cache.go", "aws_cache", p},
		}
	case "controller":
		files := []fileSpec{
			{"controller.go", "ctrl_main", p},
			{"status.go", "ctrl_status", p},
			{"finalizer.go", "ctrl_finalizer", p},
		}
		for i, s := range p.Svcs {
			files = append(files, fileSpec{s.Dir + "_handler.go", "ctrl_handler", handlerData{p, s, i}})
		}
		if p.Variant != "good" {
			files = append(files, fileSpec{"credentials.go", "ctrl_" + p.Variant, p})
		}
		return files
	case "util":
		return []fileSpec{{p.Variant + ".go", "util_" + p.Variant, p}, {"doc.go", "util_doc", p}}
	default:
		return []fileSpec{{p.Name + ".go", p.Role, p}}
	}
}

type kindData struct {
	P *opPkg
	K opKind
}

type handlerData struct {
	P   *opPkg
	S   *awsService
	Pos int
}

var opTemplates = template.Must(template.New("").Funcs(template.FuncMap{
	"lower": strings.ToLower,
	"add":   func(a, b int) int { return a + b },
	"field": func(s string) string { return strings.ToUpper(s[:1]) + s[1:] },
	"imp":   func(dir string) string { return opModule + "/" + dir },
	"base":  filepath.Base,
	"alias": func(dir string) string { return strings.ReplaceAll(strings.TrimPrefix(dir, "internal/"), "/", "") },
	"seq": func(n int) []int {
		s := make([]int, n)
		for i := range s {
			s[i] = i
		}
		return s
	},
	"kindOf": func(api *opAPI, name string) opKind {
		for _, k := range api.Kinds {
			if k.Name == name {
				return k
			}
		}
		return opKind{}
	},
}).Parse(opTmplAPIs + opTmplAWS + opTmplCloud + opTmplCtrl + opTmplMisc + awsOpsTemplates()))

// runOperator writes the operator module into out.
// opDefaultServices leaves out ec2: its SDK package alone is larger than
// the rest of the workload (plain go vet's largest process is the one for
// it, 1.1 GiB), where the operator had go vet's largest process at
// 0.4 GiB; -aws=all puts it back.
const opDefaultServices = "dynamodb,ecr,eks,elbv2,iam,kms,route53,s3,secretsmanager,sqs,sts"

// opServices parses -aws: "all", or service names separated by commas.
// s3 and sts are always included: the provider and the findings use them.
func opServices(list string) ([]*awsService, error) {
	if list == "all" {
		return awsServices, nil
	}
	want := map[string]bool{"s3": true, "sts": true}
	for _, name := range strings.Split(list, ",") {
		if name = strings.TrimSpace(name); name != "" {
			want[name] = true
		}
	}
	var out []*awsService
	for _, s := range awsServices {
		if want[s.Dir] {
			out = append(out, s)
			delete(want, s.Dir)
		}
	}
	for name := range want {
		return nil, fmt.Errorf("-aws: unknown service %q", name)
	}
	return out, nil
}

func runOperator(n int, out string, seed uint64, tidy bool, aws string) error {
	svcs, err := opServices(aws)
	if err != nil {
		return err
	}
	if n < opMinPackages {
		return fmt.Errorf("-workload=operator needs -n %d or more, got %d", opMinPackages, n)
	}
	if entries, err := os.ReadDir(out); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s exists and is not empty", out)
	}
	pkgs := opPlan(n, seed, svcs)
	var expected []string
	roles := make(map[string]int)
	variants := make(map[string]int)
	lines := 0
	for _, p := range pkgs {
		roles[p.Role]++
		if p.Role == "controller" {
			variants[p.Variant]++
		}
		if err := os.MkdirAll(filepath.Join(out, filepath.FromSlash(p.Dir)), 0o755); err != nil {
			return err
		}
		for _, f := range p.Files {
			var buf bytes.Buffer
			if err := opTemplates.ExecuteTemplate(&buf, f.Template, f.Data); err != nil {
				return fmt.Errorf("%s/%s: %v", p.Dir, f.Name, err)
			}
			src, err := format.Source(buf.Bytes())
			if err != nil {
				return fmt.Errorf("%s/%s: %v\n%s", p.Dir, f.Name, err, numbered(buf.Bytes()))
			}
			rel := p.Dir + "/" + f.Name
			for i, line := range strings.Split(string(src), "\n") {
				if strings.Contains(line, "// seeded: ") {
					expected = append(expected, rel+":"+strconv.Itoa(i+1))
				}
			}
			lines += bytes.Count(src, []byte("\n"))
			if err := os.WriteFile(filepath.Join(out, filepath.FromSlash(rel)), src, 0o644); err != nil {
				return err
			}
		}
	}
	sort.Strings(expected)
	var exp bytes.Buffer
	for _, e := range expected {
		exp.WriteString(e + "\n")
	}
	if err := os.WriteFile(filepath.Join(out, "EXPECTED"), exp.Bytes(), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "go.mod"), []byte(opGoMod), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "go.sum"), []byte(opGoSum), 0o644); err != nil {
		return err
	}
	if tidy {
		if err := tidyModule(out); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "gen: wrote %s\n", out)
	fmt.Printf("operator: %d packages, %d lines: %d apis, %d controllers (good %d, static %d, cross %d, env %d, frozen %d), %d webhooks, %d utils, %d AWS wrappers, %d other; %d seeded findings in EXPECTED\n",
		len(pkgs), lines, roles["apis"], roles["controller"], variants["good"], variants["static"], variants["cross"], variants["env"], variants["frozen"],
		roles["webhook"], roles["util"], roles["aws"],
		len(pkgs)-roles["apis"]-roles["controller"]-roles["webhook"]-roles["util"]-roles["aws"], len(expected))
	return nil
}

// numbered prefixes each line with its number, for template errors.
func numbered(src []byte) string {
	var b strings.Builder
	for i, l := range strings.Split(string(src), "\n") {
		fmt.Fprintf(&b, "%4d  %s\n", i+1, l)
	}
	return b.String()
}
