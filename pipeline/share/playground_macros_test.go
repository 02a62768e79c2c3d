package share

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexus-playground/nexus/pipeline/internal/realdata"
)

func TestExportWarnings(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]string
		want  []string // substrings, one per warning
	}{
		{"prefixed call", map[string]string{"models/a.sql": "select\n  {{ nexus.normalize_email('email') }} as email"},
			[]string{"models/a.sql:2: nexus.normalize_email is the playground's own macro"}},
		{"bare call of the package's macro", map[string]string{"models/a.sql": "select {{ email_domain('e') }}"},
			[]string{"models/a.sql:1: email_domain is"}},
		{"bare call of the project's own macro", map[string]string{
			"models/a.sql":      "select {{ email_domain('e') }}",
			"macros/domain.sql": "{% macro email_domain(c) %}split_part({{ c }}, '@', 2){% endmacro %}"}, nil},
		{"the project's own macro called through nexus.", map[string]string{
			"models/a.sql":      "select {{ nexus.email_domain('e') }}",
			"macros/domain.sql": "{%- macro email_domain(c) -%}x{%- endmacro -%}"}, []string{"models/a.sql:1: nexus.email_domain is"}},
		{"another namespace", map[string]string{"models/a.sql": "select {{ mine.normalize_phone('p') }}, my_normalize_phone(p)"}, nil},
		{"in a properties file", map[string]string{"models/a.yml": "models:\n  - name: a\n    columns:\n      - name: e\n        description: \"{{ nexus.normalize_domain('d') }}\""},
			[]string{"models/a.yml:5: nexus.normalize_domain is"}},
		{"dbt-nexus's own macros", map[string]string{"models/a.sql": "{{ nexus.unpivot_identifiers('x', ['email']) }}"}, nil},
	}
	for _, c := range cases {
		files := map[string][]byte{}
		for k, v := range c.files {
			files[k] = []byte(v)
		}
		got := ExportWarnings(files)
		if len(got) != len(c.want) {
			t.Errorf("%s: %q, want %d warnings", c.name, got, len(c.want))
			continue
		}
		for i, w := range c.want {
			if !strings.Contains(got[i], w) {
				t.Errorf("%s: %q, want it to contain %q", c.name, got[i], w)
			}
		}
	}
}

// TestPlaygroundMacrosAreNotDBTNexus: each name is a macro of the built-in
// package and of no dbt-nexus release the playground follows.
func TestPlaygroundMacrosAreNotDBTNexus(t *testing.T) {
	builtin, err := os.ReadFile(filepath.Join("..", "nexus", "package", "macros", "normalize.sql"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tarball := range []string{"dbt-nexus-c918759.tar.gz", "dbt-nexus-v0.13.0-91b50f8.tar.gz"} {
		root := realdata.Extract(t, filepath.Join(realdata.Dir(t), tarball))
		defined := map[string]bool{}
		err := filepath.WalkDir(filepath.Join(root, "macros"), func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".sql") {
				return err
			}
			data, err := os.ReadFile(path)
			for _, m := range macroDef.FindAllSubmatch(data, -1) {
				defined[string(m[1])] = true
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range PlaygroundMacros {
			if !macroDef.Match(builtin) || !strings.Contains(string(builtin), "macro "+name+"(") {
				t.Errorf("%s is not a macro of the built-in package", name)
			}
			if defined[name] {
				t.Errorf("%s defines %s: it is not the playground's own", tarball, name)
			}
		}
	}
}
