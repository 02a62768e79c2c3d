//go:build js

package engine

import (
	"fmt"
	"net/url"

	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
)

// readsParquet: the page reads no Parquet file (parquetFiles says so).
const readsParquet = false

// loadParquet: the page holds a project's text files only, so it reads
// no Parquet file; the nexus CLI does (read_parquet.go), without the
// reader's weight in the page's module.
func (r *runner) loadParquet(paths []string, files [][]byte, opts url.Values, rel jinja.Relation) error {
	return fmt.Errorf("Parquet files are read by the nexus CLI, not in the page")
}
