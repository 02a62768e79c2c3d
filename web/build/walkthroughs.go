package build

import (
	"encoding/json"
	"os"

	"github.com/nexus-playground/nexus/pipeline/walkthrough"
)

// writeWalkthroughs packs every walkthrough of samples/walkthroughs into one
// JSON list, parsed and checked by the walkthrough package (a broken file
// fails the build, as it fails `nexus walkthrough list`). The page lists
// them from this asset, so a new walkthrough needs no code.
func writeWalkthroughs(samples, dst string) (int, error) {
	list, err := walkthrough.List(os.DirFS(samples))
	if err != nil {
		return 0, err
	}
	if list == nil {
		list = []*walkthrough.Walkthrough{}
	}
	data, err := json.Marshal(list)
	if err != nil {
		return 0, err
	}
	return len(list), os.WriteFile(dst, data, 0o644)
}
