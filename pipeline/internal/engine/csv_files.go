package engine

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"maps"
	"net/url"
	"slices"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/seed"
)

// csvFilesData is the data and seed options that read the CSV files at
// paths (a glob's, in the order of their names) as DuckDB's read_csv reads
// them with opts: one table of their rows, whose columns are the first
// file's, sniffed over every file's values as DuckDB sniffs a glob (a
// column of numbers in one file and text in another is VARCHAR), then
// the columns the options add (filename = true, the Hive partitions of
// the files' folders). Files whose headers differ are refused, as DuckDB
// refuses them (Schema mismatch between globbed files), unless
// union_by_name = true (unionColumns).
func csvFilesData(paths []string, datas [][]byte, opts url.Values) (seed.Options, []byte, error) {
	extra, err := fileColumns(paths, opts)
	if err != nil {
		return seed.Options{}, nil, err
	}
	var o seed.Options
	var out bytes.Buffer
	var header []string
	union, layout, err := unionColumns(paths, datas, opts)
	if err != nil {
		return seed.Options{}, nil, err
	}
	for k, data := range datas {
		fo, d, err := csvReadOptions(data, opts)
		if err != nil {
			return seed.Options{}, nil, fmt.Errorf("%s: %v", paths[k], err)
		}
		if len(datas) == 1 && len(extra.names) == 0 {
			return fo, d, nil // the file as it is
		}
		cr, d := csvReader(d, fo.Delimiter)
		first, err := cr.Read()
		if err != nil {
			return seed.Options{}, nil, fmt.Errorf("%s has no line to read", paths[k])
		}
		if union != nil {
			first = union
		}
		if k == 0 {
			o, header = fo, first
			for i, n := range extra.names {
				if slices.ContainsFunc(first, func(c string) bool { return strings.EqualFold(c, n) }) {
					return seed.Options{}, nil, fmt.Errorf("column %s is both a column of its files and %s", n, extra.what[i])
				}
				decl, _ := declaredType(dialect.DuckDB, extra.types[i])
				if o.Declared == nil {
					o.Declared = map[string]seed.Declared{}
				}
				o.Declared[n] = decl
			}
		} else if !slices.Equal(first, header) {
			return seed.Options{}, nil, fmt.Errorf("its files have different columns (the first's and the %s's, %s), which DuckDB reads only with union_by_name", paths[k], strings.Join(first, ", "))
		}
		if len(extra.names) == 0 && union == nil {
			// the rows as written, the header of the first file only
			rows := d
			if k > 0 {
				rows = d[cr.InputOffset():]
			}
			out.Write(rows)
			if len(rows) > 0 && rows[len(rows)-1] != '\n' {
				out.WriteByte('\n')
			}
			continue
		}
		w := csv.NewWriter(&out)
		if fo.Delimiter != 0 {
			w.Comma = fo.Delimiter
		}
		if k == 0 {
			w.Write(append(slices.Clone(first), extra.names...))
		}
		cells := extra.texts(k)
		for {
			rec, err := cr.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				return seed.Options{}, nil, fmt.Errorf("%s: %v", paths[k], err)
			}
			if union != nil {
				// the file's cells in the union's places, NULL in others
				placed := make([]string, len(union))
				for u, j := range layout[k] {
					if j >= 0 && j < len(rec) {
						placed[u] = rec[j]
					}
				}
				rec = placed
			}
			w.Write(append(rec, cells...))
		}
		w.Flush()
	}
	if err := sameTimeFormats(paths, datas, opts, o, out.Bytes()); err != nil {
		return seed.Options{}, nil, err
	}
	return o, out.Bytes(), nil
}

// sameTimeFormats fails where the first file's column of dates, times or
// timestamps is not one in all the files: DuckDB takes a glob's date and
// timestamp formats from its first file and fails on a later file's
// value written otherwise (CSV Error), where reading them together would
// leave the column VARCHAR.
func sameTimeFormats(paths []string, datas [][]byte, opts url.Values, o seed.Options, all []byte) error {
	if len(datas) < 2 {
		return nil
	}
	fo, first, err := csvReadOptions(datas[0], opts)
	if err != nil {
		return err
	}
	fo.Declared = o.Declared
	one, err := seed.ParseWith(paths[0], first, duckCSVOptions(fo))
	if err != nil || len(one.Sniffed) == 0 {
		return nil // the reading of them all reports it
	}
	every, err := seed.ParseWith(paths[0], all, duckCSVOptions(o))
	if err != nil {
		return nil
	}
	for _, c := range slices.Sorted(maps.Keys(one.Sniffed)) {
		if d, ok := every.Sniffed[c]; !ok || d.Type != one.Sniffed[c].Type {
			return fmt.Errorf("column %s holds %s values in %s but values written otherwise in a later file, which DuckDB fails on (CSV Error: it reads a glob's dates and timestamps in its first file's format)", c, strings.ToUpper(one.Sniffed[c].Type), paths[0])
		}
	}
	return nil
}

// unionColumns are, with union_by_name = true, the columns of all the
// files by name, as DuckDB unions them: in the order first seen, a name
// matched whatever its case and spelled as first seen; layout[k][u] is
// where file k holds column u (-1: it lacks it, and the rows hold NULL).
func unionColumns(paths []string, datas [][]byte, opts url.Values) (union []string, layout [][]int, err error) {
	if opts.Get("union_by_name") != "true" {
		return nil, nil, nil
	}
	at := map[string]int{}
	heads := make([][]string, len(datas))
	for k, data := range datas {
		fo, d, err := csvReadOptions(data, opts)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %v", paths[k], err)
		}
		cr, _ := csvReader(d, fo.Delimiter)
		if heads[k], err = cr.Read(); err != nil {
			return nil, nil, fmt.Errorf("%s has no line to read", paths[k])
		}
		for _, c := range heads[k] {
			if _, ok := at[strings.ToLower(c)]; !ok {
				at[strings.ToLower(c)] = len(union)
				union = append(union, c)
			}
		}
	}
	layout = make([][]int, len(datas))
	for k, head := range heads {
		layout[k] = slices.Repeat([]int{-1}, len(union))
		for j, c := range head {
			layout[k][at[strings.ToLower(c)]] = j
		}
	}
	return union, layout, nil
}

// csvReader reads CSV text as DuckDB's reader takes it: without a byte
// order mark (the data returned), quotes read laxly, rows of any width,
// cells split at delim (a comma when 0).
func csvReader(data []byte, delim rune) (*csv.Reader, []byte) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	cr := csv.NewReader(bytes.NewReader(data))
	cr.LazyQuotes, cr.FieldsPerRecord = true, -1
	if delim != 0 {
		cr.Comma = delim
	}
	return cr, data
}
