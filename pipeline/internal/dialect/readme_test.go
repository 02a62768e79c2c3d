package dialect

import (
	"os"
	"strings"
	"testing"
)

const (
	readmeStart = "<!-- dialect rules: generated from pipeline/internal/dialect/rules.go by TestReadmeRules -->\n"
	readmeEnd   = "<!-- end of dialect rules -->"
)

// TestReadmeRules keeps the README's dialect table equal to the rules:
// rewrite it with NEXUS_UPDATE_README=1 go test ./pipeline/internal/dialect -run TestReadmeRules.
func TestReadmeRules(t *testing.T) {
	const path = "../../../README.md"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	i, j := strings.Index(text, readmeStart), strings.Index(text, readmeEnd)
	if i < 0 || j < i {
		t.Fatalf("README.md has no %q ... %q section", readmeStart, readmeEnd)
	}
	want := Markdown()
	if got := text[i+len(readmeStart) : j]; got != want {
		if os.Getenv("NEXUS_UPDATE_README") != "" {
			if err := os.WriteFile(path, []byte(text[:i+len(readmeStart)]+want+text[j:]), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("README.md's dialect table differs from the rules; rewrite it with NEXUS_UPDATE_README=1:\n%s", want)
	}
}
