package build

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/nexus-playground/nexus/pipeline/walkthrough"
)

func TestWriteWalkthroughs(t *testing.T) {
	dst := filepath.Join(t.TempDir(), "walkthroughs.json")
	n, err := writeWalkthroughs(filepath.Join("..", "..", "samples"), dst)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(dst)
	if err != nil {
		t.Fatal(err)
	}
	var list []walkthrough.Walkthrough
	if err := json.Unmarshal(data, &list); err != nil {
		t.Fatal(err)
	}
	if n == 0 || len(list) != n {
		t.Fatalf("%d walkthroughs written, %d read back", n, len(list))
	}
	for _, w := range list {
		if w.Name == "" || w.Sample == "" || len(w.Steps) == 0 {
			t.Errorf("walkthrough %+v lacks a name, sample or steps", w)
		}
	}
	// A folder without walkthroughs gives an empty list, not null.
	if _, err := writeWalkthroughs(t.TempDir(), dst); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(dst); string(data) != "[]" {
		t.Fatalf("no walkthroughs: %s", data)
	}
}
