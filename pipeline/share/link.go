package share

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/txtar"
)

// MaxURLBytes is the longest fragment Encode makes and Decode accepts. Links
// far longer than this are cut by chat tools and mail clients, and some
// browsers refuse them.
const MaxURLBytes = 32 << 10

// Version prefixes of a fragment; see the package documentation.
const (
	prefixFull   = "p1."
	prefixSample = "s1."
)

// maxArchiveBytes caps a link's decompressed archive. It is above
// MaxTotalBytes because quoting and section headers add bytes; the per-file
// and total caps are checked again on the decoded files.
const maxArchiveBytes = 2 * MaxTotalBytes

// Project is what a share link carries: the files by slash-separated path
// and the vars text, not results.
type Project struct {
	Files map[string][]byte
	// Vars is the vars text (YAML or JSON) as the user wrote it, "" for none.
	Vars string
	// Dialect is the warehouse chosen in the page's selector (bigquery,
	// snowflake, duckdb, sqlite), "" to keep the project's profiles.yml.
	Dialect string
	// Sample names the sample an s1 link was made from, "" for a full link.
	// Decode sets it; Encode ignores it and uses its base argument.
	Sample string
}

// Base is a sample that a link can be relative to.
type Base struct {
	Name  string
	Files map[string][]byte
}

// TooLargeError is Encode's refusal of a project whose link would be longer
// than MaxURLBytes.
type TooLargeError struct {
	Bytes int // length of the fragment it would take
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("the project is too large for a link (%d KiB, the limit is %d KiB): download it as a .zip instead",
		(e.Bytes+1023)>>10, MaxURLBytes>>10)
}

// Encode returns the URL fragment (without "#") that carries p. With a base,
// the link names the sample and holds only what differs from it.
func Encode(p Project, base *Base) (string, error) {
	if err := Check(p.Files); err != nil {
		return "", err
	}
	if err := checkVars([]byte(p.Vars)); err != nil {
		return "", err
	}
	if err := checkDialect(p.Dialect); err != nil {
		return "", err
	}
	files, deleted, prefix := p.Files, []string(nil), prefixFull
	if base != nil {
		if !validSampleName(base.Name) {
			return "", fmt.Errorf("sample name %q: use only letters, digits, - and _", base.Name)
		}
		files = map[string][]byte{}
		for name, data := range p.Files {
			if old, ok := base.Files[name]; !ok || !bytes.Equal(old, data) {
				files[name] = data
			}
		}
		for name := range base.Files {
			if _, ok := p.Files[name]; !ok {
				deleted = append(deleted, name)
			}
		}
		slices.Sort(deleted)
		prefix = prefixSample + base.Name + "."
	}
	var a txtar.Archive
	var nonl, quoted []string
	add := func(name string, data []byte) {
		if needsQuote(data) {
			data = quote(data)
			quoted = append(quoted, name)
		}
		if len(data) > 0 && data[len(data)-1] != '\n' {
			nonl = append(nonl, name)
		}
		a.Files = append(a.Files, txtar.File{Name: name, Data: data})
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		add(name, files[name])
	}
	if p.Vars != "" {
		add(sectionVars, []byte(p.Vars))
	}
	if p.Dialect != "" {
		add(sectionDialect, []byte(p.Dialect+"\n"))
	}
	for _, list := range []struct {
		name  string
		paths []string
	}{{sectionDeleted, deleted}, {sectionNonl, nonl}, {sectionQuoted, quoted}} {
		if len(list.paths) > 0 {
			a.Files = append(a.Files, txtar.File{Name: list.name, Data: []byte(strings.Join(list.paths, "\n") + "\n")})
		}
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(txtar.Format(&a))
	if err := zw.Close(); err != nil {
		return "", err
	}
	frag := prefix + base64.RawURLEncoding.EncodeToString(buf.Bytes())
	if len(frag) > MaxURLBytes {
		return "", &TooLargeError{Bytes: len(frag)}
	}
	return frag, nil
}

// Fragment returns the share fragment of a URL, or s itself without a
// leading "#" when it is already a fragment.
func Fragment(s string) string {
	if i := strings.IndexByte(s, '#'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// Decode returns the project a fragment carries. samples holds one folder
// per sample (samples/<name>/...), read for s1 links; it may be nil when
// only full links are expected. Every refusal is an *ArchiveError saying what
// is wrong; nothing is returned in part.
func Decode(fragment string, samples fs.FS) (Project, error) {
	fragment = Fragment(fragment)
	if len(fragment) > MaxURLBytes {
		return Project{}, refuse("", "the link is longer than %d KiB, more than any share link holds: ask for the project as a .zip instead", MaxURLBytes>>10)
	}
	var sample, data string
	switch {
	case strings.HasPrefix(fragment, prefixFull):
		data = fragment[len(prefixFull):]
	case strings.HasPrefix(fragment, prefixSample):
		rest := fragment[len(prefixSample):]
		i := strings.IndexByte(rest, '.')
		if i < 0 || !validSampleName(rest[:i]) {
			return Project{}, errDamaged("the sample name is missing")
		}
		sample, data = rest[:i], rest[i+1:]
	default:
		v, _, ok := strings.Cut(fragment, ".")
		if !ok || len(v) > 8 {
			return Project{}, refuse("", "this is not a share link (it should start with p1. or s1.): copy the whole link again")
		}
		return Project{}, refuse("", "unknown share link version %q: this link was made by a newer playground or is damaged; open it there or ask for a .zip", v)
	}
	raw, err := base64.RawURLEncoding.Strict().DecodeString(data)
	if err != nil {
		var ce base64.CorruptInputError
		if errors.As(err, &ce) {
			return Project{}, errDamaged(fmt.Sprintf("not base64url at character %d", int(ce)+len(fragment)-len(data)))
		}
		return Project{}, errDamaged(err.Error())
	}
	archive, err := gunzip(raw)
	if err != nil {
		return Project{}, err
	}
	p, deleted, err := parseArchive(archive)
	if err != nil {
		return Project{}, err
	}
	if sample == "" {
		if deleted != nil {
			return Project{}, errDamaged("a full link lists deleted files")
		}
		return p, nil
	}
	return applyToSample(p, sample, deleted, samples)
}

func errDamaged(detail string) error {
	return refuse("", "the share link is damaged (%s): copy the whole link again, or ask for a new one", detail)
}

// gunzip decompresses one gzip member through a limit, so a small link
// cannot expand without bound, and verifies its checksum.
func gunzip(raw []byte) ([]byte, error) {
	br := bytes.NewReader(raw)
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, errDamaged("no compressed data")
	}
	zr.Multistream(false)
	out, err := io.ReadAll(io.LimitReader(zr, maxArchiveBytes+1))
	switch {
	case len(out) > maxArchiveBytes:
		return nil, refuse("", "the share link expands to more than %d MiB: it is not a project this playground can open", maxArchiveBytes>>20)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return nil, errDamaged("the data is cut short")
	case errors.Is(err, gzip.ErrChecksum):
		return nil, errDamaged("the checksum does not match")
	case err != nil:
		return nil, errDamaged("the compressed data is corrupt")
	case br.Len() != 0:
		return nil, errDamaged("extra data after the end")
	}
	return out, nil
}

// applyToSample rebuilds a project from a sample and the edits of an s1 link.
func applyToSample(edits Project, sample string, deleted []string, samples fs.FS) (Project, error) {
	if samples == nil {
		return Project{}, refuse("", "the link builds on sample %q, and no samples are available here: ask for a full link", sample)
	}
	base, err := LoadSample(samples, sample)
	if err != nil {
		return Project{}, err
	}
	files := maps.Clone(base.Files)
	for _, name := range deleted {
		if _, ok := files[name]; !ok {
			return Project{}, refuse(name, "the link deletes a file that sample %q does not have: the sample has changed since the link was made; ask for a full link", sample)
		}
		delete(files, name)
	}
	maps.Copy(files, edits.Files)
	if err := Check(files); err != nil {
		return Project{}, err
	}
	return Project{Files: files, Vars: edits.Vars, Dialect: edits.Dialect, Sample: sample}, nil
}

func validSampleName(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}
