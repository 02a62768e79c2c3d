package share

import (
	"bytes"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"
	"unicode/utf8"
)

// Limits that no imported or shared project may exceed. They hold for share
// links, uploaded zips and dropped folders alike, and are
// enforced while decompressing, so a zip bomb is refused by what it would
// expand to, not by what its headers claim.
const (
	// MaxFiles is the most files a project may hold.
	MaxFiles = 500
	// MaxFileBytes is the largest a single file may be, decompressed.
	MaxFileBytes = 2 << 20
	// MaxTotalBytes is the largest a whole project may be, decompressed.
	MaxTotalBytes = 16 << 20
	// MaxNameBytes is the longest a file's path may be.
	MaxNameBytes = 256
)

// TextExtensions are the only file kinds a project may hold; each must be
// valid UTF-8 text without NUL bytes.
var TextExtensions = []string{".sql", ".yml", ".yaml", ".csv", ".md", ".txt"}

// ArchiveError is the refusal of a project, a share link or an archive. Entry
// names the first offending file ("" when the whole archive is at fault);
// Problem says what is wrong and what to do about it.
type ArchiveError struct {
	Entry   string
	Problem string
}

func (e *ArchiveError) Error() string {
	if e.Entry == "" {
		return e.Problem
	}
	return fmt.Sprintf("%q: %s", e.Entry, e.Problem)
}

func refuse(entry, format string, args ...any) error {
	return &ArchiveError{Entry: entry, Problem: fmt.Sprintf(format, args...)}
}

// Check reports the first reason, in path order, why files cannot be a
// project: a name that is unsafe or not a project file, a case collision,
// binary content, or a cap exceeded. Use it on a dropped folder before
// anything is stored.
func Check(files map[string][]byte) error {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	c := newChecker()
	for _, name := range names {
		if _, err := c.add(name, bytes.NewReader(files[name])); err != nil {
			return err
		}
	}
	return nil
}

// checker accumulates the files of one archive and refuses the first that
// breaks a rule. One checker serves share decoding, zips and folders so the
// rules cannot drift apart.
type checker struct {
	files map[string]bool   // exact names seen
	fold  map[string]string // lower-cased file or folder path -> spelling seen
	dirs  map[string]bool   // lower-cased folder paths
	total int64
}

func newChecker() *checker {
	return &checker{files: map[string]bool{}, fold: map[string]string{}, dirs: map[string]bool{}}
}

// add checks name, reads its content through a limit and checks the content.
func (c *checker) add(name string, r io.Reader) ([]byte, error) {
	if err := checkName(name); err != nil {
		return nil, err
	}
	if err := checkExt(name); err != nil {
		return nil, err
	}
	if err := c.claim(name); err != nil {
		return nil, err
	}
	limit := int64(MaxFileBytes)
	if left := MaxTotalBytes - c.total; left < limit {
		limit = left
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, refuse(name, "the file cannot be read (%v): the archive is damaged; make it again", err)
	}
	if int64(len(data)) > limit {
		if limit < MaxFileBytes {
			return nil, refuse(name, "the project is larger than %d MiB in all once decompressed: remove large files such as big seeds", MaxTotalBytes>>20)
		}
		return nil, refuse(name, "the file is larger than %d MiB once decompressed: make it smaller or leave it out", MaxFileBytes>>20)
	}
	c.total += int64(len(data))
	if err := checkText(name, data); err != nil {
		return nil, err
	}
	return data, nil
}

// claim records name, refusing too many files, duplicates, case collisions
// and a file that is also a folder.
func (c *checker) claim(name string) error {
	if c.files[name] {
		return refuse(name, "the archive holds this file twice: keep one copy")
	}
	if len(c.files) >= MaxFiles {
		return refuse(name, "the project has more than %d files: remove files it does not need", MaxFiles)
	}
	lower := foldPath(name)
	if c.dirs[lower] {
		return refuse(name, "this name is both a file and a folder: rename one of them")
	}
	// Every folder on the way and the file itself must not collide, ignoring
	// case, with a different spelling: on Windows and macOS they would be
	// one file, and the project would differ from machine to machine. Each
	// prefix is compared as a whole, element by element: a lower-cased name
	// can be longer or shorter in bytes than the name (K U+212A, İ), so
	// offsets into one never apply to the other.
	elems := strings.Split(name, "/")
	prefix, lp := "", ""
	for i, elem := range elems {
		if i > 0 {
			prefix, lp = prefix+"/", lp+"/"
		}
		prefix, lp = prefix+elem, lp+foldName(elem)
		if seen, ok := c.fold[lp]; ok && seen != prefix {
			return refuse(name, "the name differs from %q only in upper and lower case: rename one of them", seen)
		}
		c.fold[lp] = prefix
		if i < len(elems)-1 {
			if c.files[prefix] {
				return refuse(name, "the folder %q is also a file: rename one of them", prefix)
			}
			c.dirs[lp] = true
		}
	}
	c.files[name] = true
	return nil
}

// foldName is the spelling of one path element that case-insensitive file
// systems would treat as the same name.
func foldName(elem string) string { return strings.ToLower(elem) }

// foldPath folds each element of a slash-separated path.
func foldPath(name string) string {
	elems := strings.Split(name, "/")
	for i, e := range elems {
		elems[i] = foldName(e)
	}
	return strings.Join(elems, "/")
}

// checkName refuses a path that could escape the project folder, that not
// every system can store, that txtar cannot carry unchanged, or that is
// hidden.
func checkName(name string) error {
	if err := checkPath(name); err != nil {
		return err
	}
	for _, elem := range strings.Split(name, "/") {
		if elem[0] == '.' {
			return refuse(name, "hidden files and folders (starting with \".\") are not part of a project: remove it")
		}
	}
	return nil
}

// checkPath is checkName without the rule on hidden names, for archive
// entries that may be skipped as clutter but must be safe all the same.
func checkPath(name string) error {
	switch {
	case name == "":
		return refuse("", "an entry has an empty name: remove it from the archive")
	case len(name) > MaxNameBytes:
		return refuse(name, "the name is longer than %d bytes: use a shorter path", MaxNameBytes)
	case !utf8.ValidString(name):
		return refuse(name, "the name is not valid UTF-8: rename the file")
	case strings.ContainsRune(name, 0):
		return refuse(name, "the name contains a NUL byte: rename the file")
	case strings.ContainsRune(name, '\\'):
		return refuse(name, "the name contains a backslash: use / between folders")
	case strings.HasPrefix(name, "/") || len(name) >= 2 && name[1] == ':':
		return refuse(name, "the name is an absolute path: paths must be relative to the project folder")
	}
	for _, r := range name {
		if r < 0x20 || r == 0x7f {
			return refuse(name, "the name contains a control character: rename the file")
		}
		if strings.ContainsRune(`<>:"|?*`, r) {
			return refuse(name, "the name contains %q, which some systems do not allow in file names: rename the file", r)
		}
	}
	for _, elem := range strings.Split(name, "/") {
		switch {
		case elem == "..":
			return refuse(name, "the name contains \"..\": paths must stay inside the project folder")
		case elem == "" || elem == ".":
			return refuse(name, "the name has an empty or \".\" folder: write the path as folder/file.sql")
		case strings.TrimSpace(elem) != elem:
			return refuse(name, "a folder or file name starts or ends with a space: rename it")
		}
	}
	return nil
}

// checkExt refuses a file that is not one of the TextExtensions.
func checkExt(name string) error {
	ext := strings.ToLower(path.Ext(name))
	for _, ok := range TextExtensions {
		if ext == ok {
			return nil
		}
	}
	return refuse(name, "only %s files belong in a project: remove this file", strings.Join(TextExtensions, ", "))
}

// checkText refuses content that is not UTF-8 text.
func checkText(name string, data []byte) error {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return refuse(name, "the file is binary (a NUL byte at offset %d), not text: save it as UTF-8 text", i)
	}
	if !utf8.Valid(data) {
		return refuse(name, "the file is not valid UTF-8 text: save it as UTF-8")
	}
	return nil
}
