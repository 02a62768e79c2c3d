package build

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// Sample is one project of samples/, as the page loads it.
type Sample struct {
	Name  string            `json:"name"`
	Title string            `json:"title"`
	Files map[string]string `json:"files"`
}

// writeSamples packs every folder of dir into one JSON list, sorted with
// "demo" first. The menu comes from the folders, so a new sample needs no
// code change. Binary files and dotfiles are left out.
func writeSamples(dir, dst string) (int, error) {
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		return 0, err
	}
	var list []Sample
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		// A sample is a project folder; samples/walkthroughs holds data files.
		if _, err := os.Stat(filepath.Join(dir, e.Name(), "dbt_project.yml")); err != nil {
			continue
		}
		s, err := readSample(filepath.Join(dir, e.Name()))
		if err != nil {
			return 0, err
		}
		s.Name = e.Name()
		if s.Title == "" {
			s.Title = s.Name
		}
		list = append(list, s)
	}
	sort.Slice(list, func(i, j int) bool {
		if (list[i].Name == "demo") != (list[j].Name == "demo") {
			return list[i].Name == "demo"
		}
		return list[i].Name < list[j].Name
	})
	if list == nil {
		list = []Sample{}
	}
	data, err := json.Marshal(list)
	if err != nil {
		return 0, err
	}
	return len(list), os.WriteFile(dst, data, 0o644)
}

// skipDirs are dbt's output folders, never part of a project's sources.
var skipDirs = map[string]bool{"target": true, "dbt_packages": true, "logs": true}

func readSample(dir string) (Sample, error) {
	s := Sample{Files: map[string]string{}}
	fsys := os.DirFS(dir)
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != "." && (strings.HasPrefix(d.Name(), ".") || skipDirs[d.Name()]) {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		if !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
			return nil
		}
		s.Files[p] = string(data)
		if p == "README.md" {
			s.Title = readmeTitle(data)
		}
		return nil
	})
	return s, err
}

// readmeTitle is the README's first heading.
func readmeTitle(data []byte) string {
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); strings.HasPrefix(line, "# ") {
			return strings.TrimSpace(strings.TrimPrefix(line, "# "))
		}
	}
	return ""
}
