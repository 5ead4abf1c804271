package catalog

// Containers of the standard library that keep what they are given:
// what is stored is found again by what is loaded.

// A ContainerMethod says what a method of a container type does: stores
// its argument Put (an index among the arguments, after the receiver; -1
// for none), and returns what the container holds (Get).
type ContainerMethod struct {
	Put int
	Get bool
}

var atomicMethods = map[string]ContainerMethod{
	"Store":          {Put: 0},
	"Load":           {Put: -1, Get: true},
	"Swap":           {Put: 0, Get: true},
	"CompareAndSwap": {Put: 1},
}

// ContainerMethods are the methods of sync.Map, atomic.Value and
// atomic.Pointer.
var ContainerMethods = map[TypeKey]map[string]ContainerMethod{
	{"sync", "Map"}: {
		"Store":          {Put: 1},
		"Load":           {Put: -1, Get: true},
		"LoadOrStore":    {Put: 1, Get: true},
		"LoadAndDelete":  {Put: -1, Get: true},
		"Swap":           {Put: 1, Get: true},
		"CompareAndSwap": {Put: 2},
	},
	{"sync/atomic", "Value"}:   atomicMethods,
	{"sync/atomic", "Pointer"}: atomicMethods,
}

// TextAccumulators keep what their Write methods are given: a text built
// with strings.Builder holds its parts.
var TextAccumulators = map[TypeKey]bool{
	{"strings", "Builder"}: true,
	{"bytes", "Buffer"}:    true,
}

// A StdContainer is what one of the standard library's generic map and
// slice helpers does with the elements of its arguments.
type StdContainer int

const (
	// CopyInto puts the elements of argument 1 among those of argument 0
	// (maps.Copy(dst, src)).
	CopyInto StdContainer = iota + 1
	// ElemsOf returns a container of argument 0's elements (maps.Clone,
	// slices.Clone), or of every argument's (slices.Insert's values).
	ElemsOf
	// ElemsOfEach returns a container of the elements of each container
	// in its variadic argument (slices.Concat(ss...)).
	ElemsOfEach
)

// StdContainers are the standard library's generic helpers that move
// elements between maps and slices: credentials copied with maps.Copy keep
// their provenance as they do through a range-copy loop.
var StdContainers = map[FuncKey]StdContainer{
	{"maps", "Copy"}:                      CopyInto,
	{"maps", "Clone"}:                     ElemsOf,
	{"slices", "Clone"}:                   ElemsOf,
	{"slices", "Clip"}:                    ElemsOf,
	{"slices", "Compact"}:                 ElemsOf,
	{"slices", "CompactFunc"}:             ElemsOf,
	{"slices", "Grow"}:                    ElemsOf,
	{"slices", "Insert"}:                  ElemsOf,
	{"slices", "Replace"}:                 ElemsOf,
	{"slices", "Delete"}:                  ElemsOf,
	{"slices", "DeleteFunc"}:              ElemsOf,
	{"slices", "Repeat"}:                  ElemsOf,
	{"slices", "Concat"}:                  ElemsOfEach,
	{"golang.org/x/exp/maps", "Copy"}:     CopyInto,
	{"golang.org/x/exp/maps", "Clone"}:    ElemsOf,
	{"golang.org/x/exp/slices", "Clone"}:  ElemsOf,
	{"golang.org/x/exp/slices", "Insert"}: ElemsOf,
}

// Marshalers encode their first argument: the text holds what it encodes
// (json.Marshal, then os.WriteFile, writes it).
var Marshalers = map[FuncKey]bool{
	{"encoding/json", "Marshal"}:              true,
	{"encoding/json", "MarshalIndent"}:        true,
	{"encoding/xml", "Marshal"}:               true,
	{"encoding/xml", "MarshalIndent"}:         true,
	{"gopkg.in/yaml.v3", "Marshal"}:           true,
	{"gopkg.in/yaml.v2", "Marshal"}:           true,
	{"sigs.k8s.io/yaml", "Marshal"}:           true,
	{"github.com/BurntSushi/toml", "Marshal"}: true,
}

// ExpiryMethods are methods that say whether credentials have expired:
// a cache that calls one refreshes.
var ExpiryMethods = map[string]bool{"Expired": true, "IsExpired": true, "ExpiresAt": true}

// TimeComparisons are the time package's functions and methods that
// compare instants: a cache that compares against an expiry refreshes.
var TimeComparisons = map[string]bool{
	"Before": true, "After": true, "Compare": true, "Sub": true, "Until": true, "Since": true,
}
