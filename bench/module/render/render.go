// Package render turns reports into text with text/template. It imports no
// AWS package.
package render

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"text/template"
)

// Row is one line of a report.
type Row struct {
	Name  string
	Count int
	Ratio float64
}

// Report is what gets rendered.
type Report struct {
	Title string
	Rows  []Row
}

var funcs = template.FuncMap{
	"upper": strings.ToUpper,
	"pct":   func(f float64) string { return fmt.Sprintf("%.1f%%", f*100) },
	"pad": func(n int, s string) string {
		if len(s) >= n {
			return s
		}
		return s + strings.Repeat(" ", n-len(s))
	},
}

const reportText = `== {{upper .Title}} ==
{{range .Rows}}{{pad 20 .Name}} {{printf "%6d" .Count}} {{pct .Ratio}}
{{else}}(no rows)
{{end}}`

var reportTmpl = template.Must(template.New("report").Funcs(funcs).Parse(reportText))

// Text renders r, rows sorted by descending count then name.
func Text(r Report) (string, error) {
	rows := append([]Row(nil), r.Rows...)
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].Count != rows[j].Count {
			return rows[i].Count > rows[j].Count
		}
		return rows[i].Name < rows[j].Name
	})
	var buf bytes.Buffer
	if err := reportTmpl.Execute(&buf, Report{Title: r.Title, Rows: rows}); err != nil {
		return "", fmt.Errorf("render %q: %w", r.Title, err)
	}
	return buf.String(), nil
}
