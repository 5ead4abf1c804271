package main

// Templates of the helper packages (internal/util/NAME), the admission
// webhooks and the manager's main package. Every util exports
// Score(string) int, which its importers call, so that every import is
// used.
const opTmplMisc = `
{{define "utilimports"}}{{range .Utils}}
	{{alias .}} "{{imp .}}"{{end}}{{end}}

{{define "utilscore"}}
// Score is a stable hash of s mixed with the helpers this package uses.
func Score(s string) int {
	n := {{.Salt}}
	for i := 0; i < len(s); i++ {
		n = n*31 + int(s[i])
	}
{{range .Utils}}	n += {{alias .}}.Score(s)
{{end}}	if n < 0 {
		n = -n
	}
	return n % 100003
}
{{end}}

{{define "util_doc"}}// Package {{.Name}} is one of the operator's helpers ({{.Variant}}).
package {{.Name}}
{{end}}

{{define "util_kubeutil"}}package {{.Name}}

import (
	"context"
	"fmt"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
{{template "utilimports" .}}
)

// EnsureConfigMap creates or updates a ConfigMap with data.
func EnsureConfigMap(ctx context.Context, kube kubernetes.Interface, ns, name string, data map[string]string) (*corev1.ConfigMap, error) {
	cms := kube.CoreV1().ConfigMaps(ns)
	cm, err := cms.Get(ctx, name, metav1.GetOptions{})
	if apierrors.IsNotFound(err) {
		return cms.Create(ctx, &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: ns}, Data: data}, metav1.CreateOptions{})
	}
	if err != nil {
		return nil, err
	}
	cm.Data = data
	return cms.Update(ctx, cm, metav1.UpdateOptions{})
}

// SecretValue returns one key of a Secret.
func SecretValue(ctx context.Context, kube kubernetes.Interface, ns, name, key string) (string, error) {
	s, err := kube.CoreV1().Secrets(ns).Get(ctx, name, metav1.GetOptions{})
	if err != nil {
		return "", err
	}
	v, ok := s.Data[key]
	if !ok {
		return "", fmt.Errorf("secret %s/%s has no key %q", ns, name, key)
	}
	return string(v), nil
}

// ReadyPods counts the ready pods matching the selector.
func ReadyPods(ctx context.Context, kube kubernetes.Interface, ns, selector string) (int, error) {
	pods, err := kube.CoreV1().Pods(ns).List(ctx, metav1.ListOptions{LabelSelector: selector})
	if err != nil {
		return 0, err
	}
	n := 0
	for _, p := range pods.Items {
		for _, c := range p.Status.Conditions {
			if c.Type == corev1.PodReady && c.Status == corev1.ConditionTrue {
				n++
			}
		}
	}
	return n, nil
}

// ScaleDeployment sets a deployment's replicas.
func ScaleDeployment(ctx context.Context, kube kubernetes.Interface, ns, name string, replicas int32) error {
	d, err := kube.AppsV1().Deployments(ns).Get(ctx, name, metav1.GetOptions{})
	if err != nil {
		return err
	}
	d.Spec.Replicas = &replicas
	_, err = kube.AppsV1().Deployments(ns).Update(ctx, d, metav1.UpdateOptions{})
	return err
}
{{template "utilscore" .}}{{end}}

{{define "util_conditions"}}package {{.Name}}

import (
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
{{template "utilimports" .}}
)

// Set sets one condition.
func Set(conds *[]metav1.Condition, typ string, ok bool, reason, msg string, gen int64) bool {
	s := metav1.ConditionFalse
	if ok {
		s = metav1.ConditionTrue
	}
	return meta.SetStatusCondition(conds, metav1.Condition{Type: typ, Status: s, Reason: reason, Message: msg, ObservedGeneration: gen})
}

// IsTrue reports whether the condition is true.
func IsTrue(conds []metav1.Condition, typ string) bool {
	return meta.IsStatusConditionTrue(conds, typ)
}

// Stale returns the types of conditions observed before gen.
func Stale(conds []metav1.Condition, gen int64) []string {
	var out []string
	for _, c := range conds {
		if c.ObservedGeneration < gen {
			out = append(out, c.Type)
		}
	}
	return out
}
{{template "utilscore" .}}{{end}}

{{define "util_naming"}}package {{.Name}}

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
{{template "utilimports" .}}
)

// Resource returns a DNS-safe name of at most max bytes.
func Resource(max int, parts ...string) string {
	s := strings.ToLower(strings.Join(parts, "-"))
	s = strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' {
			return r
		}
		return '-'
	}, s)
	if len(s) <= max {
		return s
	}
	sum := sha256.Sum256([]byte(s))
	h := hex.EncodeToString(sum[:4])
	return s[:max-len(h)-1] + "-" + h
}

// Short abbreviates a region name: us-east-1 becomes use1.
func Short(region string) string {
	parts := strings.Split(region, "-")
	var b strings.Builder
	for _, p := range parts {
		if p == "" {
			continue
		}
		if p[0] >= '0' && p[0] <= '9' {
			b.WriteString(p)
		} else {
			b.WriteByte(p[0])
		}
	}
	return b.String()
}
{{template "utilscore" .}}{{end}}

{{define "util_backoff"}}package {{.Name}}

import (
	"context"
	"errors"
	"net"
	"time"
{{template "utilimports" .}}
)

// Retry calls f until it succeeds, attempts are used up, or ctx ends.
func Retry(ctx context.Context, attempts int, base time.Duration, f func() error) error {
	var err error
	for i := 0; i < attempts; i++ {
		if err = f(); err == nil || !Transient(err) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(Delay(i, base)):
		}
	}
	return err
}

// Delay is capped exponential backoff.
func Delay(attempt int, base time.Duration) time.Duration {
	d := base << uint(attempt)
	if d > time.Minute || d <= 0 {
		return time.Minute
	}
	return d
}

// Transient reports whether err is a timeout or a temporary network error.
func Transient(err error) bool {
	var ne net.Error
	if errors.As(err, &ne) {
		return ne.Timeout()
	}
	return errors.Is(err, context.DeadlineExceeded)
}
{{template "utilscore" .}}{{end}}

{{define "util_labels"}}package {{.Name}}

import (
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/selection"
{{template "utilimports" .}}
)

// Selector matches every label of m.
func Selector(m map[string]string) labels.Selector {
	return labels.SelectorFromSet(labels.Set(m))
}

// Managed selects the objects the operator manages, but those paused.
func Managed() (labels.Selector, error) {
	by, err := labels.NewRequirement("app.kubernetes.io/managed-by", selection.Equals, []string{"infra-operator"})
	if err != nil {
		return nil, err
	}
	paused, err := labels.NewRequirement("infra.example.com/paused", selection.DoesNotExist, nil)
	if err != nil {
		return nil, err
	}
	return labels.NewSelector().Add(*by, *paused), nil
}

// Merge returns a's labels overlaid with b's.
func Merge(a, b map[string]string) map[string]string {
	return labels.Merge(a, b)
}
{{template "utilscore" .}}{{end}}

{{define "util_metrics"}}package {{.Name}}

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"sigs.k8s.io/controller-runtime/pkg/metrics"
{{template "utilimports" .}}
)

var (
	reconciles = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "{{.Name}}_reconciles_total",
		Help: "Reconciles by controller and result.",
	}, []string{"controller", "result"})
	latency = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "{{.Name}}_cloud_call_seconds",
		Help:    "Cloud API latency by service.",
		Buckets: prometheus.ExponentialBuckets(0.01, 2, 12),
	}, []string{"service"})
)

func init() {
	metrics.Registry.MustRegister(reconciles, latency)
}

// Observe records one reconcile.
func Observe(controller, result string) {
	reconciles.WithLabelValues(controller, result).Inc()
}

// Time records one cloud call.
func Time(service string, start time.Time) {
	latency.WithLabelValues(service).Observe(time.Since(start).Seconds())
}
{{template "utilscore" .}}{{end}}

{{define "util_events"}}package {{.Name}}

import (
	"fmt"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/client-go/tools/record"
{{template "utilimports" .}}
)

// Normal records a normal event.
func Normal(r record.EventRecorder, obj runtime.Object, reason, format string, args ...any) {
	if r != nil {
		r.Event(obj, corev1.EventTypeNormal, reason, fmt.Sprintf(format, args...))
	}
}

// Warning records a warning event.
func Warning(r record.EventRecorder, obj runtime.Object, reason string, err error) {
	if r != nil && err != nil {
		r.Event(obj, corev1.EventTypeWarning, reason, err.Error())
	}
}
{{template "utilscore" .}}{{end}}

{{define "util_config"}}package {{.Name}}

import (
	"flag"
	"os"
	"strconv"
	"time"
{{template "utilimports" .}}
)

// Options are the operator's settings.
type Options struct {
	Region       string
	RoleARN      string
	Cloud        string
	AccountURL   string
	MetricsAddr  string
	Resync       time.Duration
	Workers      int
	LeaderElect  bool
	WatchedNames []string
}

// Bind defines the flags, with defaults from the environment.
func Bind(fs *flag.FlagSet, o *Options) {
	fs.StringVar(&o.Region, "region", env("OPERATOR_REGION", "us-east-1"), "AWS region")
	fs.StringVar(&o.RoleARN, "role-arn", env("OPERATOR_ROLE_ARN", ""), "role to assume")
	fs.StringVar(&o.Cloud, "cloud", env("OPERATOR_CLOUD", "aws"), "object store: aws, gcp or azure")
	fs.StringVar(&o.AccountURL, "azure-account-url", env("OPERATOR_AZURE_ACCOUNT_URL", ""), "Azure storage account URL")
	fs.StringVar(&o.MetricsAddr, "metrics-bind-address", ":8080", "metrics address")
	fs.DurationVar(&o.Resync, "resync", 10*time.Minute, "resync period")
	fs.IntVar(&o.Workers, "workers", envInt("OPERATOR_WORKERS", 2), "workers per controller")
	fs.BoolVar(&o.LeaderElect, "leader-elect", false, "enable leader election")
}

func env(name, def string) string {
	if v, ok := os.LookupEnv(name); ok {
		return v
	}
	return def
}

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return n
	}
	return def
}
{{template "utilscore" .}}{{end}}

{{define "webhook"}}{{$k := kindOf .API .Kind}}// Package {{.Name}} validates {{.Kind}} objects on admission.
package {{.Name}}

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	admissionv1 "k8s.io/api/admission/v1"
	"sigs.k8s.io/controller-runtime/pkg/webhook/admission"

	api "{{imp .API.Dir}}"
{{template "utilimports" .}}
)

// Validator rejects invalid {{.Kind}} specs and changes to immutable fields.
type Validator struct {
	MaxTags int
}

var _ admission.Handler = (*Validator)(nil)

// Handle decides one admission request.
func (v *Validator) Handle(ctx context.Context, req admission.Request) admission.Response {
	var obj api.{{.Kind}}
	if err := json.Unmarshal(req.Object.Raw, &obj); err != nil {
		return admission.Errored(http.StatusBadRequest, err)
	}
	obj.Spec.Default()
	errs := obj.Spec.Validate()
	if len(obj.Labels) > v.MaxTags && v.MaxTags > 0 {
		errs = append(errs, fmt.Sprintf("%d labels, at most %d", len(obj.Labels), v.MaxTags))
	}
	if req.Operation == admissionv1.Update {
		var old api.{{.Kind}}
		if err := json.Unmarshal(req.OldObject.Raw, &old); err != nil {
			return admission.Errored(http.StatusBadRequest, err)
		}
{{range $k.Fields}}{{if eq .Cat "str"}}		if old.Spec.{{.Name}} != "" && obj.Spec.{{.Name}} != old.Spec.{{.Name}} {
			errs = append(errs, "{{.JSON}} is immutable")
		}
{{end}}{{end}}	}
	if len(errs) > 0 {
		return admission.Denied(strings.Join(errs, "; "))
	}
	return admission.Allowed(fmt.Sprintf("ok (%d)", Score(obj.Name)))
}
{{template "utilscore" .}}{{end}}

{{define "main"}}// Command manager runs the operator: every controller and webhook.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/client-go/kubernetes"
	clientgoscheme "k8s.io/client-go/kubernetes/scheme"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/webhook"

{{range .APIs}}	{{alias .Dir}} "{{imp .Dir}}"
{{end}}{{range .Ctrls}}	{{alias .Dir}} "{{imp .Dir}}"
{{end}}{{range .Hooks}}	{{alias .Dir}} "{{imp .Dir}}"
{{end}}	"{{imp "internal/cloud/provider"}}"
	"{{imp "internal/exec/runner"}}"
	"{{imp "internal/util/config"}}"
)

func main() {
	var o config.Options
	config.Bind(flag.CommandLine, &o)
	flag.Parse()
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "manager:", err)
		os.Exit(1)
	}
}

type reconciler interface {
	SetupWithManager(ctrl.Manager) error
}

func run(o config.Options) error {
	scheme := runtime.NewScheme()
	if err := clientgoscheme.AddToScheme(scheme); err != nil {
		return err
	}
{{range .APIs}}	if err := {{alias .Dir}}.AddToScheme(scheme); err != nil {
		return err
	}
{{end}}	cfg := ctrl.GetConfigOrDie()
	mgr, err := ctrl.NewManager(cfg, ctrl.Options{Scheme: scheme, LeaderElection: o.LeaderElect, LeaderElectionID: "infra-operator"})
	if err != nil {
		return err
	}
	kube, err := kubernetes.NewForConfig(cfg)
	if err != nil {
		return err
	}
	ctx := ctrl.SetupSignalHandler()
	p, err := provider.New(ctx, provider.Options{Cloud: o.Cloud, Region: o.Region, RoleARN: o.RoleARN, AccountURL: o.AccountURL})
	if err != nil {
		return err
	}
	var rs []reconciler
{{range .Ctrls}}	if r, err := {{alias .Dir}}.New(ctx, mgr.GetClient(), kube, p, o.Region, o.RoleARN); err != nil {
		return err
	} else {
		rs = append(rs, r)
	}
{{end}}	for _, r := range rs {
		if err := r.SetupWithManager(mgr); err != nil {
			return err
		}
	}
	srv := mgr.GetWebhookServer()
{{range .Hooks}}	srv.Register("/validate-{{base .Dir}}", &webhook.Admission{Handler: &{{alias .Dir}}.Validator{MaxTags: 40}})
{{end}}	if err := preflight(ctx, o.Region); err != nil {
		return err
	}
	return mgr.Start(ctx)
}

// preflight checks that the AWS CLI works with the operator's region.
func preflight(ctx context.Context, region string) error {
	return runner.RegionCommand(ctx, region, "sts", "get-caller-identity").Run()
}
{{end}}
`
