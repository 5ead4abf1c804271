package engine

import (
	"strings"

	"golang.org/x/tools/go/ssa"
)

// A client constructor's functional options run on the client's Options
// before it is built: s3.NewFromConfig(cfg, func(o *s3.Options) {
// o.Credentials = credentials.NewStaticCredentialsProvider(...) }) makes
// a client whose provider is what the option stores, frozen or
// refreshing, whatever cfg holds.

// optionFuncsTaint returns what the option functions among a constructor's
// arguments store into the Options' Credentials: their summaries' writes
// through their first parameter, instantiated with what each closure
// captured where it was made.
func (s *funcState) optionFuncsTaint(args []ssa.Value) taint {
	var t taint
	for _, a := range args {
		_, opts := sliceElems(a) // the variadic optFns
		for _, o := range opts {
			if o == nil {
				continue
			}
			for _, fn := range s.get(o).fns.list() {
				tg := s.valueTarget(fn, []ssa.Value{nil})
				sum := s.summaryOf(tg)
				if sum == nil {
					continue
				}
				s.callee = "the options function " + s.funcName(tg)
				if fn.Parent() != nil {
					s.callee = "the options function literal in " + fn.Parent().Name()
				}
				for _, w := range sum.Writes {
					if w.Param == 0 && (w.Path == ".Credentials" || strings.HasPrefix(w.Path, ".Credentials.")) {
						t = join(t, s.instantiate(w.TaintSummary, tg.ac))
					}
				}
			}
		}
	}
	return t
}
