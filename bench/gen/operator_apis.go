package main

// Templates of the CRD packages, apis/GROUP/v1: the group, one file per
// kind, and the deepcopy code controller-gen would write.
const opTmplAPIs = `
{{define "apis_group"}}// Package v1 holds the {{.API.Group}} API group's types.
// +kubebuilder:object:generate=true
// +groupName={{.API.Group}}.infra.example.com
package v1

import (
	"k8s.io/apimachinery/pkg/runtime/schema"
	"sigs.k8s.io/controller-runtime/pkg/scheme"
)

var (
	// GroupVersion is the group and version of these objects.
	GroupVersion = schema.GroupVersion{Group: "{{.API.Group}}.infra.example.com", Version: "v1"}

	// SchemeBuilder adds the types to a scheme.
	SchemeBuilder = &scheme.Builder{GroupVersion: GroupVersion}

	// AddToScheme adds the types of this group to a scheme.
	AddToScheme = SchemeBuilder.AddToScheme
)

// ResourceStatus is the observed state of one cloud resource.
type ResourceStatus struct {
	ID    string ` + "`json:\"id\"`" + `
	ARN   string ` + "`json:\"arn,omitempty\"`" + `
	State string ` + "`json:\"state\"`" + `
	Drift []string ` + "`json:\"drift,omitempty\"`" + `
}

// Condition types.
const (
	ConditionReady    = "Ready"
	ConditionSynced   = "Synced"
	ConditionDegraded = "Degraded"
)
{{end}}

{{define "apis_kind"}}{{$k := .K}}package v1

import (
	"fmt"
	"strings"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// {{$k.Name}}Spec is the desired state of a {{$k.Name}}.
type {{$k.Name}}Spec struct {
{{range $k.Fields}}	{{.Name}} {{.Type}} ` + "`json:\"{{.JSON}}\"`" + `
{{end}}	ServiceAccount *corev1.LocalObjectReference ` + "`json:\"serviceAccount,omitempty\"`" + `
}

// {{$k.Name}}Status is the observed state of a {{$k.Name}}.
type {{$k.Name}}Status struct {
	ObservedGeneration int64                     ` + "`json:\"observedGeneration,omitempty\"`" + `
	Conditions         []metav1.Condition        ` + "`json:\"conditions,omitempty\"`" + `
	Resources          map[string]ResourceStatus ` + "`json:\"resources,omitempty\"`" + `
	LastSync           *metav1.Time              ` + "`json:\"lastSync,omitempty\"`" + `
}

// +kubebuilder:object:root=true
// +kubebuilder:subresource:status

// {{$k.Name}} is a cloud {{lower $k.Name}} managed by the operator.
type {{$k.Name}} struct {
	metav1.TypeMeta   ` + "`json:\",inline\"`" + `
	metav1.ObjectMeta ` + "`json:\"metadata,omitempty\"`" + `

	Spec   {{$k.Name}}Spec   ` + "`json:\"spec,omitempty\"`" + `
	Status {{$k.Name}}Status ` + "`json:\"status,omitempty\"`" + `
}

// +kubebuilder:object:root=true

// {{$k.Name}}List is a list of {{$k.Name}} objects.
type {{$k.Name}}List struct {
	metav1.TypeMeta ` + "`json:\",inline\"`" + `
	metav1.ListMeta ` + "`json:\"metadata,omitempty\"`" + `
	Items           []{{$k.Name}} ` + "`json:\"items\"`" + `
}

func init() {
	SchemeBuilder.Register(&{{$k.Name}}{}, &{{$k.Name}}List{})
}

// Validate returns the spec's problems, one message each.
func (s *{{$k.Name}}Spec) Validate() []string {
	var errs []string
{{range $k.Fields}}{{if eq .Cat "str"}}	if len(s.{{.Name}}) > 253 {
		errs = append(errs, "{{.JSON}}: longer than 253 characters")
	}
	if strings.ContainsAny(s.{{.Name}}, " \t\n") {
		errs = append(errs, fmt.Sprintf("{{.JSON}}: %q contains white space", s.{{.Name}}))
	}
{{else if eq .Cat "int"}}	if s.{{.Name}} < 0 {
		errs = append(errs, fmt.Sprintf("{{.JSON}}: %d is negative", s.{{.Name}}))
	}
{{else if eq .Cat "map"}}	for k, v := range s.{{.Name}} {
		if k == "" || len(k) > 128 {
			errs = append(errs, fmt.Sprintf("{{.JSON}}: bad key %q", k))
		}
		if len(v) > 256 {
			errs = append(errs, fmt.Sprintf("{{.JSON}}[%s]: value too long", k))
		}
	}
{{else if eq .Cat "slice"}}	if len(s.{{.Name}}) > 16 {
		errs = append(errs, fmt.Sprintf("{{.JSON}}: %d entries, at most 16", len(s.{{.Name}})))
	}
{{else if eq .Cat "slicedeep"}}	for i, t := range s.{{.Name}} {
		if t.Key == "" && t.Operator != corev1.TolerationOpExists {
			errs = append(errs, fmt.Sprintf("{{.JSON}}[%d]: empty key needs operator Exists", i))
		}
	}
{{end}}{{end}}	if s.ServiceAccount != nil && strings.TrimSpace(s.ServiceAccount.Name) != s.ServiceAccount.Name {
		errs = append(errs, fmt.Sprintf("serviceAccount: bad name %q", s.ServiceAccount.Name))
	}
	return errs
}

// Default fills in the spec's defaults.
func (s *{{$k.Name}}Spec) Default() {
{{range $k.Fields}}{{if eq .Name "Region"}}	if s.Region == "" {
		s.Region = "us-east-1"
	}
{{else if eq .Name "Replicas"}}	if s.Replicas == 0 {
		s.Replicas = 1
	}
{{else if eq .Name "DeletionPolicy"}}	if s.DeletionPolicy == "" {
		s.DeletionPolicy = "Delete"
	}
{{else if eq .Name "Provider"}}	if s.Provider == "" {
		s.Provider = "aws"
	}
{{else if eq .Cat "map"}}	if s.{{.Name}} == nil {
		s.{{.Name}} = map[string]string{}
	}
{{end}}{{end}}}

// Ready reports whether the {{lower $k.Name}}'s Ready condition is true.
func (o *{{$k.Name}}) Ready() bool {
	for _, c := range o.Status.Conditions {
		if c.Type == ConditionReady {
			return c.Status == metav1.ConditionTrue
		}
	}
	return false
}
{{end}}

{{define "apis_deepcopy"}}// Code generated by controller-gen. DO NOT EDIT.

package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
)

// DeepCopyInto copies the receiver into out.
func (in *ResourceStatus) DeepCopyInto(out *ResourceStatus) {
	*out = *in
	if in.Drift != nil {
		in, out := &in.Drift, &out.Drift
		*out = make([]string, len(*in))
		copy(*out, *in)
	}
}

// DeepCopy copies the receiver.
func (in *ResourceStatus) DeepCopy() *ResourceStatus {
	if in == nil {
		return nil
	}
	out := new(ResourceStatus)
	in.DeepCopyInto(out)
	return out
}
{{range .Kinds}}
// DeepCopyInto copies the receiver into out.
func (in *{{.Name}}) DeepCopyInto(out *{{.Name}}) {
	*out = *in
	out.TypeMeta = in.TypeMeta
	in.ObjectMeta.DeepCopyInto(&out.ObjectMeta)
	in.Spec.DeepCopyInto(&out.Spec)
	in.Status.DeepCopyInto(&out.Status)
}

// DeepCopy copies the receiver.
func (in *{{.Name}}) DeepCopy() *{{.Name}} {
	if in == nil {
		return nil
	}
	out := new({{.Name}})
	in.DeepCopyInto(out)
	return out
}

// DeepCopyObject copies the receiver as a runtime.Object.
func (in *{{.Name}}) DeepCopyObject() runtime.Object {
	if c := in.DeepCopy(); c != nil {
		return c
	}
	return nil
}

// DeepCopyInto copies the receiver into out.
func (in *{{.Name}}List) DeepCopyInto(out *{{.Name}}List) {
	*out = *in
	out.TypeMeta = in.TypeMeta
	in.ListMeta.DeepCopyInto(&out.ListMeta)
	if in.Items != nil {
		in, out := &in.Items, &out.Items
		*out = make([]{{.Name}}, len(*in))
		for i := range *in {
			(*in)[i].DeepCopyInto(&(*out)[i])
		}
	}
}

// DeepCopy copies the receiver.
func (in *{{.Name}}List) DeepCopy() *{{.Name}}List {
	if in == nil {
		return nil
	}
	out := new({{.Name}}List)
	in.DeepCopyInto(out)
	return out
}

// DeepCopyObject copies the receiver as a runtime.Object.
func (in *{{.Name}}List) DeepCopyObject() runtime.Object {
	if c := in.DeepCopy(); c != nil {
		return c
	}
	return nil
}

// DeepCopyInto copies the receiver into out.
func (in *{{.Name}}Spec) DeepCopyInto(out *{{.Name}}Spec) {
	*out = *in
{{range .Fields}}{{if eq .Cat "map"}}	if in.{{.Name}} != nil {
		in, out := &in.{{.Name}}, &out.{{.Name}}
		*out = make(map[string]string, len(*in))
		for key, val := range *in {
			(*out)[key] = val
		}
	}
{{else if eq .Cat "slice"}}	if in.{{.Name}} != nil {
		in, out := &in.{{.Name}}, &out.{{.Name}}
		*out = make({{.Type}}, len(*in))
		copy(*out, *in)
	}
{{else if eq .Cat "ptr"}}	if in.{{.Name}} != nil {
		in, out := &in.{{.Name}}, &out.{{.Name}}
		*out = (*in).DeepCopy()
	}
{{else if eq .Cat "deep"}}	in.{{.Name}}.DeepCopyInto(&out.{{.Name}})
{{else if eq .Cat "slicedeep"}}	if in.{{.Name}} != nil {
		in, out := &in.{{.Name}}, &out.{{.Name}}
		*out = append((*in)[:0:0], *in...)
		for i := range *in {
			(*in)[i].DeepCopyInto(&(*out)[i])
		}
	}
{{end}}{{end}}	if in.ServiceAccount != nil {
		in, out := &in.ServiceAccount, &out.ServiceAccount
		*out = (*in).DeepCopy()
	}
}

// DeepCopy copies the receiver.
func (in *{{.Name}}Spec) DeepCopy() *{{.Name}}Spec {
	if in == nil {
		return nil
	}
	out := new({{.Name}}Spec)
	in.DeepCopyInto(out)
	return out
}

// DeepCopyInto copies the receiver into out.
func (in *{{.Name}}Status) DeepCopyInto(out *{{.Name}}Status) {
	*out = *in
	if in.Conditions != nil {
		in, out := &in.Conditions, &out.Conditions
		*out = make([]metav1.Condition, len(*in))
		for i := range *in {
			(*in)[i].DeepCopyInto(&(*out)[i])
		}
	}
	if in.Resources != nil {
		in, out := &in.Resources, &out.Resources
		*out = make(map[string]ResourceStatus, len(*in))
		for key, val := range *in {
			(*out)[key] = *val.DeepCopy()
		}
	}
	if in.LastSync != nil {
		in, out := &in.LastSync, &out.LastSync
		*out = (*in).DeepCopy()
	}
}

// DeepCopy copies the receiver.
func (in *{{.Name}}Status) DeepCopy() *{{.Name}}Status {
	if in == nil {
		return nil
	}
	out := new({{.Name}}Status)
	in.DeepCopyInto(out)
	return out
}
{{end}}{{end}}
`
