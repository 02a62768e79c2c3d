package share

import "sort"

// Screen decides, from names and sizes alone, which files of a folder to
// read: what ReadFS would skip is left out, and what the checker would
// refuse (a bad name or kind, a file or a project over the caps) is refused
// before anything is read, so a 300 MB file in a dropped folder costs
// nothing. The files it returns still go through ReadFS. left names the
// files of another kind than a project's (images, LICENSE, scripts), which
// are not read, as ReadFS leaves them out.
func Screen(sizes map[string]int64) (read, left []string, err error) {
	names := make([]string, 0, len(sizes))
	for name := range sizes {
		names = append(names, name)
	}
	sort.Strings(names)
	var total int64
	for _, name := range names {
		if err := checkPath(name); err != nil {
			return nil, nil, err
		}
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
		size := sizes[name]
		if size > MaxFileBytes {
			return nil, nil, refuse(name, "the file is larger than %d MiB once decompressed: make it smaller or leave it out", MaxFileBytes>>20)
		}
		if total += size; total > MaxTotalBytes {
			return nil, nil, refuse(name, "the project is larger than %d MiB in all once decompressed: remove large files such as big seeds", MaxTotalBytes>>20)
		}
		if len(read) >= MaxFiles {
			return nil, nil, refuse(name, "the project has more than %d files: remove files it does not need", MaxFiles)
		}
		read = append(read, name)
	}
	return read, left, nil
}
