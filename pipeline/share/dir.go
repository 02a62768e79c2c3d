package share

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"slices"
)

// WriteDir writes a project into the folder dir, creating it if needed. It
// refuses a folder that already holds anything unless force is set (then
// files of the project replace files of the same name, and other files stay).
// Files are written through an [os.Root], so no name, and no symbolic link
// already in dir, can place a file outside it.
func WriteDir(dir string, files map[string][]byte, force bool) error {
	if err := Check(files); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if !force {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return err
		}
		if len(entries) > 0 {
			return fmt.Errorf("%s is not empty: choose an empty folder, or use --force to write over files of the same name", dir)
		}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if d := path.Dir(name); d != "." {
			if err := root.MkdirAll(d, 0o755); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
		}
		if err := root.WriteFile(name, files[name], 0o644); err != nil {
			if errors.Is(err, fs.ErrExist) {
				return fmt.Errorf("%s: a folder of that name is in the way: %w", name, err)
			}
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}
