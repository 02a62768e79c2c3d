package build

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/nexus-playground/nexus/pipeline/share"
)

// The page's samples.json and the share format's LoadSample must hold the
// same files, or an s1 link made by `nexus share --sample` would not decode
// in the page (it edits and diffs against what samples.json gave it).
func TestSamplesMatchShareBase(t *testing.T) {
	root := filepath.Join("..", "..", "samples")
	dirs, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(root, d.Name(), "dbt_project.yml")); !d.IsDir() || err != nil {
			continue
		}
		n++
		page, err := readSample(filepath.Join(root, d.Name()))
		if err != nil {
			t.Fatal(err)
		}
		base, err := share.LoadSample(os.DirFS(root), d.Name())
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for p, data := range base.Files {
			got[p] = string(data)
		}
		if !reflect.DeepEqual(page.Files, got) {
			for p := range page.Files {
				if _, ok := got[p]; !ok {
					t.Errorf("%s: %s is in samples.json only", d.Name(), p)
				}
			}
			for p := range got {
				if _, ok := page.Files[p]; !ok {
					t.Errorf("%s: %s is in the share base only", d.Name(), p)
				}
			}
			t.Errorf("%s: the page's sample and the share base differ", d.Name())
		}
	}
	if n < 2 {
		t.Fatalf("found %d samples", n)
	}
}
