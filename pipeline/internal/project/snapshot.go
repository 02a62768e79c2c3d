package project

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/yamlx"
)

// Snapshot is one {% snapshot name %} ... {% endsnapshot %} block of a file
// under snapshot-paths, or a properties file's snapshots: entry with
// relation: (yamlSnapshot).
type Snapshot struct {
	Name    string
	Package string
	Path    string
	// SQL is the block's body, preceded by as many newlines as there are
	// lines before it, so template lines are file lines.
	SQL    string
	Line   int // line of the {% snapshot %} tag
	Config Config
	// FileSum is the sha256 of its file's contents, dbt's checksum.
	FileSum string
}

var (
	snapshotOpen  = regexp.MustCompile(`\{%-?\s*snapshot\s+([A-Za-z_][A-Za-z0-9_]*)\s*-?%\}`)
	snapshotClose = regexp.MustCompile(`\{%-?\s*endsnapshot\s*-?%\}`)
)

// loadSnapshots reads the snapshot blocks of the package's snapshot-paths
// (default snapshots/), configured by the `snapshots:` trees of
// dbt_project.yml.
func (p *Project) loadSnapshots(fsys fs.FS, doc *yamlx.Node, pkg string) error {
	paths, err := snapshotPaths(doc)
	if err != nil {
		return err
	}
	key := p.pkgKey(pkg)
	for _, sp := range paths {
		for _, f := range p.walk(fsys, sp, ".sql") {
			data, _ := fs.ReadFile(fsys, f)
			blocks, err := snapshotBlocks(f, string(data))
			if err != nil {
				return err
			}
			for _, b := range blocks {
				c := defaultConfig("snapshot")
				if pkg != "" {
					applyTree(&c, doc.Get("snapshots"), key, folders(sp, f), b.Name)
				}
				applyTree(&c, p.config.Get("snapshots"), key, folders(sp, f), b.Name)
				b.Package, b.Config = pkg, c
				p.Snapshots = append(p.Snapshots, b)
			}
		}
	}
	return nil
}

// snapshotPaths are the folders of snapshot-paths (default snapshots/).
func snapshotPaths(doc *yamlx.Node) ([]string, error) {
	n := doc.Get("snapshot-paths")
	if n == nil {
		return []string{"snapshots"}, nil
	}
	if n.Kind != yamlx.List {
		return nil, diag.Errorf("dbt_project.yml", n.Line, "`snapshot-paths` must be a list of folders").WithHint(`write snapshot-paths: ["snapshots"]`)
	}
	var paths []string
	for _, it := range n.Items {
		paths = append(paths, strings.Trim(path.Clean(it.String()), "/"))
	}
	return paths, nil
}

// snapshotBlocks splits a snapshot file into its blocks.
func snapshotBlocks(file, src string) ([]*Snapshot, error) {
	var out []*Snapshot
	rest, offset := src, 0
	sum := fmt.Sprintf("%x", sha256.Sum256([]byte(src)))
	for {
		open := snapshotOpen.FindStringSubmatchIndex(rest)
		if open == nil {
			if c := snapshotClose.FindStringIndex(rest); c != nil {
				return nil, diag.Errorf(file, lineAt(src, offset+c[0]), "{%% endsnapshot %%} without a {%% snapshot name %%} before it")
			}
			return out, nil
		}
		name := rest[open[2]:open[3]]
		line := lineAt(src, offset+open[0])
		body := rest[open[1]:]
		end := snapshotClose.FindStringIndex(body)
		if end == nil {
			return nil, diag.Errorf(file, line, "snapshot %s has no {%% endsnapshot %%}", name).WithHint("close the block with {%% endsnapshot %%}")
		}
		if next := snapshotOpen.FindStringIndex(body[:end[0]]); next != nil {
			return nil, diag.Errorf(file, lineAt(src, offset+open[1]+next[0]), "snapshot blocks cannot nest: snapshot %s is still open", name)
		}
		bodyLine := lineAt(src, offset+open[1])
		out = append(out, &Snapshot{Name: name, Path: file, Line: line, SQL: strings.Repeat("\n", bodyLine-1) + body[:end[0]], FileSum: sum})
		offset += open[1] + end[1]
		rest = src[offset:]
	}
}

func lineAt(s string, off int) int { return strings.Count(s[:off], "\n") + 1 }

// yamlSnapshot adds the snapshot a properties file's snapshots: entry
// defines with relation: (dbt 1.9): its query selects every column of
// that relation (ref('x') or source('s', 't')), and it is configured by
// the snapshots: trees of dbt_project.yml by the file's folders, then by
// the entry's config:.
func (p *Project) yamlSnapshot(file string, it *yamlx.Node, name, pkg string) error {
	rel := it.Get("relation")
	text := strings.TrimSpace(rel.String())
	if text == "" {
		return diag.Errorf(p.WhereFile(pkg, file), rel.Line, "snapshot %s: relation: must be a ref() or source() call", name).
			WithHint("write relation: ref('my_model') or relation: source('my_source', 'my_table')")
	}
	if !strings.Contains(text, "{{") {
		text = "{{ " + text + " }}"
	}
	c := defaultConfig("snapshot")
	for _, doc := range []*yamlx.Node{p.pkgDocs[pkg], p.config} {
		if pkg != "" || doc == p.config {
			applyTree(&c, doc.Get("snapshots"), p.pkgKey(pkg), folders(firstSeg(file), file), name)
		}
	}
	sql := strings.Repeat("\n", max(rel.Line-1, 0)) + "select * from " + text
	p.Snapshots = append(p.Snapshots, &Snapshot{Name: name, Package: pkg, Path: file, Line: it.Line, SQL: sql, Config: c,
		FileSum: fmt.Sprintf("%x", sha256.Sum256([]byte(sql)))})
	return nil
}
