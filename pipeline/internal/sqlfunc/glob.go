package sqlfunc

import "github.com/ncruces/go-sqlite3"

// DuckDB's GLOB: SQLite's negates a class with [^...] and has no escape,
// DuckDB's negates with [!...] and escapes with a backslash.

func init() {
	add(Func{Name: "glob_match", NArgs: 2, Scalar: globMatch})
}

// globMatch is glob_match(s, pattern): * any run, ? one byte, [a-c] a
// class of bytes, [!a-c] its complement, \ the next byte as itself;
// letters compared with their case, an unclosed class matches nothing, as
// in DuckDB. NULL in gives NULL.
func globMatch(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if arg[0].Type() == sqlite3.NULL || arg[1].Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	ctx.ResultBool(glob(arg[0].RawText(), arg[1].RawText()))
}

// glob matches s against p, backtracking only to the last *.
func glob(s, p []byte) bool {
	si, pi := 0, 0
	starP, starS := -1, -1
	for si < len(s) {
		if pi < len(p) {
			switch c := p[pi]; c {
			case '*':
				starP, starS = pi, si
				pi++
				continue
			case '?':
				si++
				pi++
				continue
			case '[':
				if ok, next := globClass(s[si], p, pi); next > 0 {
					if ok {
						si++
						pi = next
						continue
					}
				} else {
					return false
				}
			case '\\':
				if pi+1 < len(p) && s[si] == p[pi+1] {
					si++
					pi += 2
					continue
				}
			default:
				if c == s[si] {
					si++
					pi++
					continue
				}
			}
		}
		if starP < 0 {
			return false
		}
		starS++
		si, pi = starS, starP+1
	}
	for pi < len(p) && p[pi] == '*' {
		pi++
	}
	return pi == len(p)
}

// globClass tells whether c is in the class [...] opening at p[open], and
// where the pattern goes on after it; next is 0 when the class is not
// closed.
func globClass(c byte, p []byte, open int) (in bool, next int) {
	i := open + 1
	negate := i < len(p) && p[i] == '!'
	if negate {
		i++
	}
	for first := true; i < len(p); first = false {
		if p[i] == ']' && !first {
			return in != negate, i + 1
		}
		lo := p[i]
		if i+2 < len(p) && p[i+1] == '-' && p[i+2] != ']' {
			if lo <= c && c <= p[i+2] {
				in = true
			}
			i += 3
			continue
		}
		if lo == c {
			in = true
		}
		i++
	}
	return false, 0
}
