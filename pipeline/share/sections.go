package share

import (
	"bytes"
	"strings"

	"golang.org/x/tools/txtar"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
)

// Reserved section names. They start with "." so checkName refuses them as
// project files and they can never collide with one.
const (
	sectionVars    = ".vars"
	sectionDialect = ".dialect"
	sectionDeleted = ".deleted"
	sectionNonl    = ".nonl"
	sectionQuoted  = ".quoted"
)

// needsQuote reports whether txtar could mistake a line of data for a file
// marker. Any line starting with "-- " is quoted, a little more than txtar's
// own rule, so the decision never depends on the rest of the line.
func needsQuote(data []byte) bool {
	return bytes.HasPrefix(data, []byte("-- ")) || bytes.Contains(data, []byte("\n-- "))
}

// quote puts ">" before every line of data.
func quote(data []byte) []byte {
	var b bytes.Buffer
	for line := range bytes.Lines(data) {
		b.WriteByte('>')
		b.Write(line)
	}
	return b.Bytes()
}

// unquote removes the ">" quote put before every line, reporting false when
// a line lacks it.
func unquote(data []byte) ([]byte, bool) {
	var b bytes.Buffer
	for line := range bytes.Lines(data) {
		if line[0] != '>' {
			return nil, false
		}
		b.Write(line[1:])
	}
	return b.Bytes(), true
}

// parseArchive reads a decompressed link archive into the project it holds
// and the s1 list of deleted files (nil when there is none). Files pass the
// shared checker in archive order, so the first offending entry is named.
func parseArchive(data []byte) (Project, []string, error) {
	a := txtar.Parse(data)
	if len(a.Comment) != 0 {
		return Project{}, nil, errDamaged("text before the first file")
	}
	reserved := map[string][]byte{}
	for _, f := range a.Files {
		switch f.Name {
		case sectionVars, sectionDialect, sectionDeleted, sectionNonl, sectionQuoted:
			if _, dup := reserved[f.Name]; dup {
				return Project{}, nil, errDamaged("two " + f.Name + " sections")
			}
			reserved[f.Name] = f.Data
		}
	}
	nonl, err := pathSet(reserved, sectionNonl, a)
	if err != nil {
		return Project{}, nil, err
	}
	quoted, err := pathSet(reserved, sectionQuoted, a)
	if err != nil {
		return Project{}, nil, err
	}
	restore := func(name string, data []byte) ([]byte, error) {
		if nonl[name] {
			data = bytes.TrimSuffix(data, []byte("\n"))
		}
		if quoted[name] {
			var ok bool
			if data, ok = unquote(data); !ok {
				return nil, errDamaged("a quoted line of " + name + " lacks its >")
			}
		}
		return data, nil
	}
	p := Project{Files: map[string][]byte{}}
	c := newChecker()
	for _, f := range a.Files {
		if _, ok := reserved[f.Name]; ok {
			continue
		}
		data, err := restore(f.Name, f.Data)
		if err != nil {
			return Project{}, nil, err
		}
		if p.Files[f.Name], err = c.add(f.Name, bytes.NewReader(data)); err != nil {
			return Project{}, nil, err
		}
	}
	if v, ok := reserved[sectionVars]; ok {
		v, err := restore(sectionVars, v)
		if err != nil {
			return Project{}, nil, err
		}
		if err := checkVars(v); err != nil {
			return Project{}, nil, err
		}
		p.Vars = string(v)
	}
	if d, ok := reserved[sectionDialect]; ok {
		p.Dialect = strings.TrimSuffix(string(d), "\n")
		if err := checkDialect(p.Dialect); err != nil {
			return Project{}, nil, err
		}
	}
	var deleted []string
	if d, ok := reserved[sectionDeleted]; ok {
		deleted = strings.Split(strings.TrimSuffix(string(d), "\n"), "\n")
		for _, name := range deleted {
			if err := checkName(name); err != nil {
				return Project{}, nil, err
			}
			if _, ok := p.Files[name]; ok {
				return Project{}, nil, refuse(name, "the link both deletes and changes this file: ask for a new link")
			}
		}
	}
	return p, deleted, nil
}

// pathSet reads a reserved list of section names; each must name a section
// of the archive.
func pathSet(reserved map[string][]byte, list string, a *txtar.Archive) (map[string]bool, error) {
	d, ok := reserved[list]
	if !ok {
		return nil, nil
	}
	have := map[string]bool{}
	for _, f := range a.Files {
		have[f.Name] = true
	}
	set := map[string]bool{}
	for _, name := range strings.Split(strings.TrimSuffix(string(d), "\n"), "\n") {
		if !have[name] || name == list {
			return nil, errDamaged(list + " names a file the link does not hold")
		}
		set[name] = true
	}
	return set, nil
}

// checkVars applies a file's size and text rules to the vars text.
func checkVars(v []byte) error {
	if len(v) > MaxFileBytes {
		return refuse("vars", "the vars are larger than %d MiB: make them smaller", MaxFileBytes>>20)
	}
	return checkText("vars", v)
}

// checkDialect accepts the warehouses the page's selector offers.
func checkDialect(d string) error {
	if d == "" {
		return nil
	}
	if _, err := dialect.Parse(d); err != nil {
		return refuse("dialect", "%v", err)
	}
	return nil
}
