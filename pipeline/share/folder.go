package share

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
)

// skipped reports whether an imported path is left out rather than refused:
// build output, installed packages, version control and system clutter that
// a project folder or a zip of one often carries but that is no part of the
// project. Hidden files are skipped too, so projects never hold one (and
// share links can use hidden names for their own sections).
func skipped(name string) bool {
	first, _, _ := strings.Cut(name, "/")
	switch first {
	case "target", "dbt_packages", "logs", "__MACOSX":
		return true
	}
	for _, elem := range strings.Split(name, "/") {
		if strings.HasPrefix(elem, ".") && elem != "." && elem != ".." {
			return true
		}
	}
	return false
}

// notProjectFile reports whether an imported file is of a kind no project
// file has (an image, a licence, a script, a notebook): a real project's
// repository carries such files beside its models, and an import leaves
// them out, unread, where a share link holding one is refused.
func notProjectFile(name string) bool { return checkExt(name) != nil }

// ReadFS reads a project folder (the CLI's project directory, or the files of
// a folder dropped on the page) and checks it as it reads, skipping build
// output, installed packages, hidden files and files of other kinds than a
// project's ([ReadFolder] names those). Symbolic links are refused.
func ReadFS(fsys fs.FS) (map[string][]byte, error) {
	files, _, err := ReadFolder(fsys)
	return files, err
}

// ReadFolder is [ReadFS], also naming the files it left out, unread, as of
// another kind than a project's files (images, LICENSE, scripts), in path
// order.
func ReadFolder(fsys fs.FS) (files map[string][]byte, left []string, err error) {
	files = map[string][]byte{}
	c := newChecker()
	err = fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if name == "." {
			return nil
		}
		if skipped(name) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if err := checkName(name); err != nil {
			return err
		}
		if notProjectFile(name) {
			left = append(left, name)
			return nil
		}
		if !d.Type().IsRegular() {
			return refuse(name, "the entry is a link or a special file, not a regular file: copy the file it points to instead")
		}
		f, err := fsys.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		files[name], err = c.add(name, f)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return files, left, nil
}

// LoadSample reads samples/<name> from a file system holding one folder per
// sample. Encode and Decode must see the same sample files, so both the
// playground and the CLI load samples through it.
func LoadSample(samples fs.FS, name string) (*Base, error) {
	if !validSampleName(name) {
		return nil, refuse("", "%q is not a sample name: use letters, digits, - and _", name)
	}
	// A sample is a project: folders beside the samples that hold other
	// things are not samples.
	if _, err := fs.Stat(samples, name+"/dbt_project.yml"); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, refuse("", "there is no sample %q here: ask for a full link, or update the playground", name)
		}
		return nil, err
	}
	sub, err := fs.Sub(samples, name)
	if err != nil {
		return nil, err
	}
	files, err := ReadFS(sub)
	if err != nil {
		return nil, fmt.Errorf("sample %s: %w", name, err)
	}
	return &Base{Name: name, Files: files}, nil
}
