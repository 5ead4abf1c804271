package main

// Templates of the controllers, internal/controllers/NAME: the
// reconciler, its status and finalizer code, one handler per AWS service
// it manages, and for the finding variants a credentials.go with the
// seeded finding and its look-alikes.
const opTmplCtrl = `
{{define "ctrl_main"}}// Package {{.Name}} reconciles {{.Kind}} objects of the {{.API.Group}}
// group: the cloud resources behind them, their status and finalizers.
package {{.Name}}

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/log"

	api "{{imp .API.Dir}}"
	"{{imp "internal/cloud/aws/awsconfig"}}"
{{range .Svcs}}	aws{{.Dir}} "{{imp (print "internal/cloud/aws/" .Dir)}}"
{{end}}	"{{imp "internal/cloud/provider"}}"
{{range .Utils}}	{{alias .}} "{{imp .}}"
{{end}})

// Reconciler reconciles {{.Kind}} objects.
type Reconciler struct {
	client.Client
	Kube     kubernetes.Interface
	Provider provider.Provider
{{range .Svcs}}	{{field .Dir}} *aws{{.Dir}}.Client
{{end}}	Archive string
	Resync  time.Duration
}

// New builds the reconciler's cloud clients from the operator's AWS config.
func New(ctx context.Context, c client.Client, kube kubernetes.Interface, p provider.Provider, region, roleARN string) (*Reconciler, error) {
	cfg, err := awsconfig.Load(ctx, awsconfig.Options{Region: region, RoleARN: roleARN, SessionName: "{{.Name}}"})
	if err != nil {
		return nil, fmt.Errorf("{{.Name}}: %w", err)
	}
	r := &Reconciler{Client: c, Kube: kube, Provider: p, Archive: "infra-operator-state", Resync: 10 * time.Minute}
{{range .Svcs}}	r.{{field .Dir}} = aws{{.Dir}}.New(cfg, aws{{.Dir}}.WithRetry(5, 250*time.Millisecond))
{{end}}	return r, nil
}

// SetupWithManager registers the reconciler.
func (r *Reconciler) SetupWithManager(mgr ctrl.Manager) error {
	return ctrl.NewControllerManagedBy(mgr).
		For(&api.{{.Kind}}{}).
		Owns(&corev1.ConfigMap{}).
		Named("{{.Name}}").
		Complete(r)
}

// Reconcile brings the cloud resources of one {{.Kind}} to its spec.
func (r *Reconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	logger := log.FromContext(ctx).WithValues("{{lower .Kind}}", req.NamespacedName)
	var obj api.{{.Kind}}
	if err := r.Get(ctx, req.NamespacedName, &obj); err != nil {
		return ctrl.Result{}, client.IgnoreNotFound(err)
	}
	if !obj.DeletionTimestamp.IsZero() {
		return r.finalize(ctx, &obj)
	}
	if err := r.ensureFinalizer(ctx, &obj); err != nil {
		return ctrl.Result{}, err
	}
	obj.Spec.Default()
	if errs := obj.Spec.Validate(); len(errs) > 0 {
		r.setCondition(&obj, api.ConditionReady, false, "Invalid", strings.Join(errs, "; "))
		return ctrl.Result{}, r.updateStatus(ctx, &obj)
	}
	var failed []error
{{range .Svcs}}	if err := r.reconcile{{field .Dir}}(ctx, &obj); err != nil {
		logger.Error(err, "reconcile {{.Noun}}")
		failed = append(failed, err)
	}
{{end}}	if err := r.recordState(ctx, &obj); err != nil {
		failed = append(failed, err)
	}
	if len(failed) > 0 {
		r.setCondition(&obj, api.ConditionReady, false, "CloudError", errors.Join(failed...).Error())
		if err := r.updateStatus(ctx, &obj); err != nil {
			return ctrl.Result{}, err
		}
		return ctrl.Result{RequeueAfter: 30 * time.Second}, nil
	}
	r.setCondition(&obj, api.ConditionReady, true, "Reconciled", "all resources in sync")
	now := metav1.Now()
	obj.Status.LastSync = &now
	obj.Status.ObservedGeneration = obj.Generation
	return ctrl.Result{RequeueAfter: r.Resync}, r.updateStatus(ctx, &obj)
}

// recordState keeps a ConfigMap with the resources' IDs and archives it.
func (r *Reconciler) recordState(ctx context.Context, obj *api.{{.Kind}}) error {
	name := obj.Name + "-{{.Name}}-state"
	data := make(map[string]string)
	keys := make([]string, 0, len(obj.Status.Resources))
	for k, v := range obj.Status.Resources {
		data[k] = v.ID
		keys = append(keys, k)
	}
	sort.Strings(keys)
	cms := r.Kube.CoreV1().ConfigMaps(obj.Namespace)
	cm, err := cms.Get(ctx, name, metav1.GetOptions{})
	switch {
	case apierrors.IsNotFound(err):
		cm = &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: obj.Namespace, Labels: map[string]string{"app.kubernetes.io/managed-by": "infra-operator"}}, Data: data}
		if _, err := cms.Create(ctx, cm, metav1.CreateOptions{}); err != nil {
			return err
		}
	case err != nil:
		return err
	default:
		cm.Data = data
		if _, err := cms.Update(ctx, cm, metav1.UpdateOptions{}); err != nil {
			return err
		}
	}
	if r.Provider == nil {
		return nil
	}
	return r.Provider.Put(ctx, r.Archive, fmt.Sprintf("%s/%s/%s", obj.Namespace, obj.Name, strings.Join(keys, ",")), []byte(fmt.Sprint(data)))
}

// score mixes the helpers' scores into a resource name suffix.
func score(s string) int {
	n := {{.Salt}}
{{range .Utils}}	n += {{alias .}}.Score(s)
{{end}}	return n % 997
}
{{end}}

{{define "ctrl_status"}}package {{.Name}}

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	api "{{imp .API.Dir}}"
)

// setCondition sets one condition of the object's status.
func (r *Reconciler) setCondition(obj *api.{{.Kind}}, typ string, ok bool, reason, msg string) {
	status := metav1.ConditionFalse
	if ok {
		status = metav1.ConditionTrue
	}
	meta.SetStatusCondition(&obj.Status.Conditions, metav1.Condition{
		Type:               typ,
		Status:             status,
		Reason:             reason,
		Message:            truncate(msg, 1024),
		ObservedGeneration: obj.Generation,
	})
}

// updateStatus writes the status subresource.
func (r *Reconciler) updateStatus(ctx context.Context, obj *api.{{.Kind}}) error {
	if err := r.Status().Update(ctx, obj); err != nil {
		return fmt.Errorf("update status of %s/%s: %w", obj.Namespace, obj.Name, err)
	}
	return nil
}

// setResource records one cloud resource in the status.
func setResource(obj *api.{{.Kind}}, key, id, arn, state string, drift []string) {
	if obj.Status.Resources == nil {
		obj.Status.Resources = make(map[string]api.ResourceStatus)
	}
	obj.Status.Resources[key] = api.ResourceStatus{ID: id, ARN: arn, State: state, Drift: drift}
}

// resourceName derives a cloud name from the object, at most 63 characters.
func resourceName(obj *api.{{.Kind}}, kind string) string {
	name := fmt.Sprintf("%s-%s-%s-%d", obj.Namespace, obj.Name, kind, score(obj.Name))
	name = strings.ToLower(strings.ReplaceAll(name, ".", "-"))
	return truncate(name, 63)
}

// desiredTags are the tags every resource of the object carries.
func desiredTags(obj *api.{{.Kind}}) map[string]string {
	tags := map[string]string{
		"infra.example.com/namespace": obj.Namespace,
		"infra.example.com/name":      obj.Name,
		"infra.example.com/kind":      "{{.Kind}}",
	}
	for k, v := range obj.Labels {
		if strings.HasPrefix(k, "infra.example.com/") {
			tags[k] = v
		}
	}
	return tags
}

// staleKeys returns the status entries no handler refreshed.
func staleKeys(obj *api.{{.Kind}}, fresh map[string]bool) []string {
	var out []string
	for k := range obj.Status.Resources {
		if !fresh[k] {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}
{{end}}

{{define "ctrl_finalizer"}}package {{.Name}}

import (
	"context"
	"strings"

	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/controller/controllerutil"

	api "{{imp .API.Dir}}"
)

const finalizerName = "infra.example.com/{{.Name}}"

// ensureFinalizer adds the finalizer so that deletion waits for cleanup.
func (r *Reconciler) ensureFinalizer(ctx context.Context, obj *api.{{.Kind}}) error {
	if controllerutil.ContainsFinalizer(obj, finalizerName) {
		return nil
	}
	controllerutil.AddFinalizer(obj, finalizerName)
	return r.Update(ctx, obj)
}

// finalize deletes the cloud resources, then releases the object.
func (r *Reconciler) finalize(ctx context.Context, obj *api.{{.Kind}}) (ctrl.Result, error) {
	if !controllerutil.ContainsFinalizer(obj, finalizerName) {
		return ctrl.Result{}, nil
	}
	for key, res := range obj.Status.Resources {
		var err error
		switch {
{{range .Svcs}}		case strings.HasPrefix(key, "{{.Dir}}/"):
			err = r.{{field .Dir}}.Delete(ctx, res.ID)
{{end}}		}
		if err != nil {
			return ctrl.Result{}, err
		}
	}
	controllerutil.RemoveFinalizer(obj, finalizerName)
	return ctrl.Result{}, r.Update(ctx, obj)
}
{{end}}

{{define "ctrl_handler"}}{{$p := .P}}{{$s := .S}}package {{$p.Name}}

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	api "{{imp $p.API.Dir}}"
	aws{{$s.Dir}} "{{imp (print "internal/cloud/aws/" $s.Dir)}}"
)

// reconcile{{field $s.Dir}} brings the object's {{$s.Noun}}s to the spec.
func (r *Reconciler) reconcile{{field $s.Dir}}(ctx context.Context, obj *api.{{$p.Kind}}) error {
	fresh := make(map[string]bool)
	for i := 0; i < {{$p.Handler}}; i++ {
		name := resourceName(obj, "{{$s.Dir}}-"+strconv.Itoa(i))
		tags := desiredTags(obj)
		tags["infra.example.com/slot"] = strconv.Itoa(i)
		steps := []func(map[string]string) error{
{{range seq $p.Handler}}			func(t map[string]string) error { return step{{$.Pos}}x{{.}}(obj, t) },
{{end}}		}
		for _, step := range steps {
			if err := step(tags); err != nil {
				return fmt.Errorf("{{$s.Noun}} %s: %w", name, err)
			}
		}
		res, err := r.{{field $s.Dir}}.Ensure(ctx, name, tags)
		if err != nil {
			return fmt.Errorf("ensure {{$s.Noun}} %s: %w", name, err)
		}
		key := "{{$s.Dir}}/" + strconv.Itoa(i)
		setResource(obj, key, res.ID, res.ARN, res.State, aws{{$s.Dir}}.Diff(res.Tags, tags))
		fresh[key] = true
	}
	// Delete what an earlier, larger spec created.
	existing, err := r.{{field $s.Dir}}.List(ctx, resourceName(obj, "{{$s.Dir}}"))
	if err != nil {
		return err
	}
	keep := make(map[string]bool)
	for _, v := range obj.Status.Resources {
		keep[v.ID] = true
	}
	var stale []string
	for _, res := range existing {
		if !keep[res.ID] && res.Tags["infra.example.com/name"] == obj.Name {
			stale = append(stale, res.ID)
		}
	}
	sort.Strings(stale)
	for _, id := range stale {
		if err := r.{{field $s.Dir}}.Delete(ctx, id); err != nil {
			return fmt.Errorf("delete stale {{$s.Noun}} %s: %w", id, err)
		}
	}
	for _, k := range staleKeys(obj, fresh) {
		if strings.HasPrefix(k, "{{$s.Dir}}/") {
			delete(obj.Status.Resources, k)
		}
	}
	return nil
}
{{range seq $p.Handler}}
// step{{$.Pos}}x{{.}} adds the tags that step {{.}} of the {{$s.Noun}} plan derives
// from the object's labels, annotations and generation.
func step{{$.Pos}}x{{.}}(obj *api.{{$p.Kind}}, tags map[string]string) error {
	prefix := "step{{.}}.infra.example.com/"
	keys := make([]string, 0, len(obj.Annotations))
	for k := range obj.Annotations {
		if strings.HasPrefix(k, prefix) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for i, k := range keys {
		v := obj.Annotations[k]
		if len(v) > 256 {
			return fmt.Errorf("annotation %s: value longer than 256 bytes", k)
		}
		if i >= {{add . 8}} {
			break
		}
		tags[strings.TrimPrefix(k, prefix)] = v
	}
	if obj.Generation%{{add . 2}} == 0 {
		tags["infra.example.com/generation"] = strconv.FormatInt(obj.Generation, 10)
	}
	if owner, ok := obj.Labels["infra.example.com/owner"]; ok {
		tags["owner"] = strings.ToLower(owner)
	}
	return nil
}
{{end}}{{end}}

{{define "ctrl_static"}}// Credentials for other accounts. Seeded finding: staticcreds.

package {{.Name}}

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// s3AsRole returns an S3 client acting as arn, with credentials that are
// never refreshed.
func s3AsRole(ctx context.Context, arn string) (*s3.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, fmt.Errorf("load config: %w", err)
	}
	out, err := sts.NewFromConfig(cfg).AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String(arn), RoleSessionName: aws.String("{{.Name}}")})
	if err != nil {
		return nil, fmt.Errorf("assume %s: %w", arn, err)
	}
	cfg.Credentials = credentials.NewStaticCredentialsProvider(aws.ToString(out.Credentials.AccessKeyId), aws.ToString(out.Credentials.SecretAccessKey), aws.ToString(out.Credentials.SessionToken)) // seeded: staticcreds
	return s3.NewFromConfig(cfg), nil
}

// withKeys uses long-lived keys: not reported.
func withKeys(cfg aws.Config, keyID, secret string) *s3.Client {
	cfg.Credentials = credentials.NewStaticCredentialsProvider(keyID, secret, "") // not reported
	return s3.NewFromConfig(cfg)
}

// CrossAccount returns clients for another account's buckets.
func CrossAccount(ctx context.Context, arn string, cfg aws.Config, keyID, secret string) (*s3.Client, *s3.Client, error) {
	a, err := s3AsRole(ctx, arn)
	if err != nil {
		return nil, nil, err
	}
	return a, withKeys(cfg, keyID, secret), nil
}
{{end}}

{{define "ctrl_cross"}}// Credentials for other accounts, from the broker. Seeded finding:
// staticcreds (across the package boundary).

package {{.Name}}

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sts"

	"{{imp "internal/creds/broker"}}"
)

// BrokeredS3 returns an S3 client acting as arn, with credentials that are
// never refreshed.
func BrokeredS3(ctx context.Context, arn string) (*s3.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, err
	}
	s, err := broker.Fetch(ctx, sts.NewFromConfig(cfg), arn)
	if err != nil {
		return nil, fmt.Errorf("{{.Name}}: %w", err)
	}
	cfg.Credentials = credentials.NewStaticCredentialsProvider(s.Key, s.Secret, s.Token) // seeded: staticcreds
	return s3.NewFromConfig(cfg), nil
}

// Expiry reads only the session's metadata: not reported.
func Expiry(ctx context.Context, c *sts.Client, arn string) (time.Time, error) {
	s, err := broker.Fetch(ctx, c, arn)
	return s.Expires, err
}
{{end}}

{{define "ctrl_env"}}// Credentials for helper commands. Seeded findings: envoverride.

package {{.Name}}

import (
	"context"
	"os"
	"os/exec"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// exportRole assumes arn and exports the session token.
func exportRole(ctx context.Context, c *sts.Client, arn, region string) error {
	out, err := c.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String(arn), RoleSessionName: aws.String("{{.Name}}")})
	if err != nil {
		return err
	}
	if err := os.Setenv("AWS_REGION", region); err != nil { // not reported
		return err
	}
	tok := aws.ToString(out.Credentials.SessionToken)
	return os.Setenv("AWS_SESSION_TOKEN", tok) // seeded: envoverride
}

// RunTerraform runs terraform with the session token in its environment.
func RunTerraform(ctx context.Context, c *sts.Client, arn, region string) error {
	if err := exportRole(ctx, c, arn, region); err != nil {
		return err
	}
	out, err := c.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String(arn), RoleSessionName: aws.String("{{.Name}}-tf")})
	if err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, "terraform", "apply", "-auto-approve")
	cmd.Env = append(os.Environ(), "AWS_SESSION_TOKEN="+aws.ToString(out.Credentials.SessionToken)) // seeded: envoverride
	return cmd.Run()
}

// clearToken removes the token: not reported.
func clearToken() error {
	return os.Unsetenv("AWS_SESSION_TOKEN")
}
{{end}}

{{define "ctrl_frozen"}}// A process-wide archive client. Seeded finding: singletonclient.

package {{.Name}}

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

var (
	accessKey    = os.Getenv("AWS_ACCESS_KEY_ID")
	secretKey    = os.Getenv("AWS_SECRET_ACCESS_KEY")
	sessionToken = os.Getenv("AWS_SESSION_TOKEN")
)

// archive cannot refresh its credentials.
var archive = s3.NewFromConfig(aws.Config{Region: "us-east-1", Credentials: credentials.NewStaticCredentialsProvider(accessKey, secretKey, sessionToken)}) // seeded: singletonclient

var defaultCfg, _ = config.LoadDefaultConfig(context.Background())

// defaultArchive refreshes through the default chain: not reported.
var defaultArchive = s3.NewFromConfig(defaultCfg) // not reported

// keysArchive uses long-lived keys, no session token: not reported.
var keysArchive = s3.NewFromConfig(aws.Config{Region: "us-east-1", Credentials: credentials.NewStaticCredentialsProvider(accessKey, secretKey, "")}) // not reported

// Archives returns the three archive clients.
func Archives() []*s3.Client { return []*s3.Client{archive, defaultArchive, keysArchive} }
{{end}}
`
