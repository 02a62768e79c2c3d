package share

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"time"
)

// maxZipEntries caps the entries of a zip, skipped ones included, so a
// central directory of millions of empty entries is refused early.
const maxZipEntries = 10 * MaxFiles

// ReadZip reads an uploaded zip of a project. Files all under one top folder
// holding dbt_project.yml (a downloaded project) are taken from inside it; build output, installed
// packages, hidden files and macOS clutter are skipped, and files of another
// kind than a project's (images, LICENSE, scripts) are left out unread and
// named in left, in path order. Everything else must
// pass the rules of [Check], and sizes are measured while decompressing,
// whatever the headers claim.
func ReadZip(r io.ReaderAt, size int64) (files map[string][]byte, left []string, err error) {
	zr, zerr := zip.NewReader(r, size)
	// ErrInsecurePath comes with a usable reader; the checker below refuses
	// such names itself, naming the entry.
	if zerr != nil && !errors.Is(zerr, zip.ErrInsecurePath) {
		return nil, nil, refuse("", "the file is not a readable zip archive (%v): make the zip again", zerr)
	}
	if len(zr.File) > maxZipEntries {
		return nil, nil, refuse("", "the zip has %d entries, more than the %d a project can have: remove files it does not need", len(zr.File), MaxFiles)
	}
	var entries []*zip.File
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, "/") && f.UncompressedSize64 == 0 {
			continue
		}
		if err := checkPath(f.Name); err != nil {
			return nil, nil, err
		}
		if skipped(f.Name) {
			continue
		}
		if !f.Mode().IsDir() && notProjectFile(f.Name) {
			// left out below, unread, whatever it is
			entries = append(entries, f)
			continue
		}
		if f.Mode()&fs.ModeSymlink != 0 || !f.Mode().IsRegular() && !f.Mode().IsDir() {
			return nil, nil, refuse(f.Name, "the entry is a link or a special file, not a regular file: zip the file it points to instead")
		}
		if f.Mode().IsDir() {
			continue
		}
		entries = append(entries, f)
	}
	top := topFolder(entries)
	files = map[string][]byte{}
	c := newChecker()
	for _, f := range entries {
		name := strings.TrimPrefix(f.Name, top)
		if skipped(name) {
			continue
		}
		if err := checkName(name); err != nil {
			return nil, nil, err
		}
		if notProjectFile(name) {
			left = append(left, name)
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, nil, refuse(f.Name, "the entry cannot be opened (%v): make the zip again with ordinary compression", err)
		}
		files[name], err = c.add(name, rc)
		rc.Close()
		if err != nil {
			return nil, nil, err
		}
	}
	slices.Sort(left)
	return files, left, nil
}

// topFolder returns "dir/" when every entry sits under the folder dir and
// dir holds dbt_project.yml, as in a zip of a project folder; else "". A zip
// of a project's models/ folder alone is not unwrapped.
func topFolder(entries []*zip.File) string {
	if len(entries) == 0 {
		return ""
	}
	first, _, ok := strings.Cut(entries[0].Name, "/")
	if !ok {
		return ""
	}
	project := false
	for _, f := range entries {
		if !strings.HasPrefix(f.Name, first+"/") {
			return ""
		}
		project = project || f.Name == first+"/dbt_project.yml"
	}
	if !project {
		return ""
	}
	return first + "/"
}

// zipTime is the modification time of every written entry, so the same
// project always zips to the same bytes.
var zipTime = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

// WriteZip writes files as a zip of a dbt project, under the top folder
// folder ("" for none), adding [PackagesYML] (or [PackagesYMLV013]) when the project has no
// packages.yml. The files must pass [Check]. [ForWarehouse] adds the rest a
// warehouse run needs.
func WriteZip(w io.Writer, files map[string][]byte, folder string) error {
	if err := Check(files); err != nil {
		return err
	}
	prefix := ""
	if folder != "" {
		if err := checkName(folder); err != nil || strings.Contains(folder, "/") {
			return fmt.Errorf("folder name %q: use a plain folder name such as the project's name", folder)
		}
		prefix = folder + "/"
	}
	if _, ok := files["packages.yml"]; !ok {
		files = maps.Clone(files)
		files["packages.yml"] = packagesYML(files)
	}
	return writeEntries(w, files, prefix)
}

// WriteFiles writes files as a zip as they are, such as a built database's
// files: no checks, nothing added. [WriteZip] writes a project.
func WriteFiles(w io.Writer, files map[string][]byte) error {
	return writeEntries(w, files, "")
}

// writeEntries writes files in name order, each under prefix, with one
// fixed time, so the same files always zip to the same bytes.
func writeEntries(w io.Writer, files map[string][]byte, prefix string) error {
	zw := zip.NewWriter(w)
	for _, name := range slices.Sorted(maps.Keys(files)) {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: prefix + name, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return err
		}
		if _, err := fw.Write(files[name]); err != nil {
			return err
		}
	}
	return zw.Close()
}
