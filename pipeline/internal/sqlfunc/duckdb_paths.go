package sqlfunc

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// DuckDB's functions of file paths, each checked on DuckDB. The separator
// argument is 'both_slash' (the default: / and \), 'forward_slash',
// 'backslash' or 'system' (/, as on the machines DuckDB's dbt projects
// run on), in any case; another name, or NULL, is the default.
//
//	parse_dirname(path[, sep])   the top-level directory: the path up to
//	                             its first separator ('a' for 'a/b/c'), the
//	                             separator itself when the path starts with
//	                             one, '' without any
//	parse_dirpath(path[, sep])   the path up to its last separator ('a/b'
//	                             for 'a/b/c'), '' without one or when that is
//	                             the first character, but for a path that is
//	                             a separator alone
//	parse_filename(path[, trim_extension][, sep])  what follows the last
//	                             separator; with trim_extension true, up to
//	                             its last dot ('.bashrc' gives '')
//	parse_path(path[, sep])      the list of the path's parts, empty ones
//	                             left out, a leading separator the first

func init() {
	add(Func{Name: "parse_dirname_duck", NArgs: -1, Scalar: parsePathPart("PARSE_DIRNAME")},
		Func{Name: "parse_dirpath_duck", NArgs: -1, Scalar: parsePathPart("PARSE_DIRPATH")},
		Func{Name: "parse_filename_duck", NArgs: -1, Scalar: parsePathPart("PARSE_FILENAME")},
		Func{Name: "parse_path_duck", NArgs: -1, Scalar: parsePathPart("PARSE_PATH")})
	for _, n := range []string{"parse_dirname", "parse_dirpath", "parse_filename", "parse_path"} {
		rename(n+"_duck", n, "duckdb")
	}
}

// pathSeparators are the separators a separator argument names.
func pathSeparators(v sqlite3.Value) string {
	if v.Type() == sqlite3.NULL {
		return `/\`
	}
	switch strings.ToLower(v.Text()) {
	case "forward_slash", "system":
		return "/"
	case "backslash":
		return `\`
	}
	return `/\`
}

func parsePathPart(fn string) func(sqlite3.Context, ...sqlite3.Value) {
	most := 2
	if fn == "PARSE_FILENAME" {
		most = 3
	}
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if len(args) < 1 || len(args) > most {
			fail(ctx, fn, "takes a path and an optional separator (parse_filename: and whether to trim the extension first)")
			return
		}
		if args[0].Type() == sqlite3.NULL {
			ctx.ResultNull()
			return
		}
		s := args[0].Text()
		seps, trim := `/\`, false
		for i, a := range args[1:] {
			// parse_filename(path, trim) or (path, sep) or (path, trim, sep)
			if fn == "PARSE_FILENAME" && i == 0 && (len(args) == 3 || a.Type() == sqlite3.INTEGER || a.Type() == sqlite3.NULL) {
				trim = a.Type() != sqlite3.NULL && a.Int64() != 0
				continue
			}
			seps = pathSeparators(a)
		}
		switch fn {
		case "PARSE_DIRNAME":
			i := strings.IndexAny(s, seps)
			switch {
			case i < 0:
				ctx.ResultText("")
			case i == 0:
				ctx.ResultText(s[:1])
			default:
				ctx.ResultText(s[:i])
			}
		case "PARSE_DIRPATH":
			i := strings.LastIndexAny(s, seps)
			switch {
			case i < 0 || i == 0 && len(s) > 1:
				ctx.ResultText("")
			case i == 0:
				ctx.ResultText(s)
			default:
				ctx.ResultText(s[:i])
			}
		case "PARSE_FILENAME":
			name := s[strings.LastIndexAny(s, seps)+1:]
			if trim {
				if dot := strings.LastIndexByte(name, '.'); dot >= 0 {
					name = name[:dot]
				}
			}
			ctx.ResultText(name)
		case "PARSE_PATH":
			items := []json.RawMessage{}
			if s != "" && strings.ContainsRune(seps, rune(s[0])) {
				items = append(items, json.RawMessage(strconv.Quote(s[:1])))
			}
			for _, p := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(seps, r) }) {
				b, _ := json.Marshal(p)
				items = append(items, b)
			}
			resultArray(ctx, items)
		}
	}
}
