package sqlfunc

import (
	"strconv"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// format_duckdb(f, args...): DuckDB's format(), whose placeholders are
// the {fmt} library's: {} takes the next argument, {1} one by place (from
// 0), and {:spec} formats it: [[fill]align][+][0][width][,][.precision]
// [type], align < > or ^, type d, f, e, x, X, o, b or s. {{ and }} are
// braces. A NULL argument makes the result NULL, as in DuckDB; a real is
// written as DuckDB writes a DOUBLE (2.0, 1e+20).

func init() {
	add(Func{Name: "format_duckdb", NArgs: -1, Scalar: formatDuckDB})
	rename("format_duckdb", "format", "duckdb")
}

func formatDuckDB(ctx sqlite3.Context, args ...sqlite3.Value) {
	for _, a := range args {
		if a.Type() == sqlite3.NULL {
			ctx.ResultNull()
			return
		}
	}
	if len(args) == 0 {
		fail(ctx, "FORMAT", "a format string is needed")
		return
	}
	f, vals := args[0].Text(), args[1:]
	var b strings.Builder
	next := 0
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c == '}' {
			if i+1 < len(f) && f[i+1] == '}' {
				i++
			}
			b.WriteByte('}')
			continue
		}
		if c != '{' {
			b.WriteByte(c)
			continue
		}
		if i+1 < len(f) && f[i+1] == '{' {
			b.WriteByte('{')
			i++
			continue
		}
		end := strings.IndexByte(f[i:], '}')
		if end < 0 {
			fail(ctx, "FORMAT", "%q has a { without its }", f)
			return
		}
		field := f[i+1 : i+end]
		i += end
		ref, spec, _ := strings.Cut(field, ":")
		idx := next
		if ref != "" {
			n, err := strconv.Atoi(ref)
			if err != nil {
				fail(ctx, "FORMAT", "%q is no argument number in %q", ref, f)
				return
			}
			idx = n
		} else {
			next++
		}
		if idx < 0 || idx >= len(vals) {
			fail(ctx, "FORMAT", "%q names argument %d of %d", f, idx, len(vals))
			return
		}
		s, err := fmtValue(vals[idx], spec)
		if err != "" {
			fail(ctx, "FORMAT", "%s in %q", err, f)
			return
		}
		b.WriteString(s)
	}
	ctx.ResultText(b.String())
}

// fmtValue writes v as {fmt} writes it with spec; err says why it cannot.
func fmtValue(v sqlite3.Value, spec string) (string, string) {
	fill, align := " ", byte(0)
	if len(spec) >= 2 && strings.IndexByte("<>^", spec[1]) >= 0 {
		fill, align, spec = spec[:1], spec[1], spec[2:]
	} else if len(spec) >= 1 && strings.IndexByte("<>^", spec[0]) >= 0 {
		align, spec = spec[0], spec[1:]
	}
	positive := "" // the sign a number not negative takes: + or a space
	if len(spec) > 0 && strings.IndexByte("+- ", spec[0]) >= 0 {
		if spec[0] != '-' {
			positive = spec[:1]
		}
		spec = spec[1:]
	}
	alt := strings.HasPrefix(spec, "#") // 0x, 0X, 0b, 0B before the digits
	spec = strings.TrimPrefix(spec, "#")
	zero := strings.HasPrefix(spec, "0")
	spec = strings.TrimPrefix(spec, "0")
	i := 0
	for i < len(spec) && spec[i] >= '0' && spec[i] <= '9' {
		i++
	}
	width, _ := strconv.Atoi(spec[:i])
	spec = spec[i:]
	group := strings.HasPrefix(spec, ",")
	spec = strings.TrimPrefix(spec, ",")
	prec := -1
	if strings.HasPrefix(spec, ".") {
		j := 1
		for j < len(spec) && spec[j] >= '0' && spec[j] <= '9' {
			j++
		}
		prec, _ = strconv.Atoi(spec[1:j])
		spec = spec[j:]
	}
	if len(spec) > 1 {
		return "", "unknown format " + strconv.Quote(spec)
	}
	typ := spec
	var s string
	numeric := v.Type() == sqlite3.INTEGER || v.Type() == sqlite3.FLOAT
	switch {
	case v.Type() == sqlite3.INTEGER && (typ == "" || typ == "d"):
		s = strconv.FormatInt(v.Int64(), 10)
	case v.Type() == sqlite3.INTEGER && strings.Contains("xXobB", typ) && typ != "":
		base := map[string]int{"x": 16, "X": 16, "o": 8, "b": 2, "B": 2}[typ]
		s = strconv.FormatInt(v.Int64(), base)
		if typ == "X" {
			s = strings.ToUpper(s)
		}
		if alt {
			prefix := map[string]string{"x": "0x", "X": "0X", "o": "0", "b": "0b", "B": "0B"}[typ]
			if typ != "o" || v.Int64() != 0 {
				if neg := strings.HasPrefix(s, "-"); neg {
					s = "-" + prefix + s[1:]
				} else {
					s = prefix + s
				}
			}
		}
	case numeric && (typ == "f" || typ == "F" || typ == "e" || typ == "E"):
		if prec < 0 {
			prec = 6
		}
		s = strconv.FormatFloat(v.Float(), typ[0]|0x20, prec, 64)
		if typ == "E" || typ == "F" {
			s = strings.ToUpper(s)
		}
	case numeric && (typ == "g" || typ == "G"):
		if prec < 0 {
			prec = 6
		}
		if prec == 0 {
			prec = 1
		}
		s = strconv.FormatFloat(v.Float(), 'g', prec, 64)
		if typ == "G" {
			s = strings.ToUpper(s)
		}
	case v.Type() == sqlite3.FLOAT && typ == "" && prec >= 0:
		s = strconv.FormatFloat(v.Float(), 'g', prec, 64)
	case v.Type() == sqlite3.FLOAT && typ == "":
		s = duckFloatText(v.Float(), 64)
	case !numeric && (typ == "" || typ == "s"):
		s = v.Text()
		if prec >= 0 && prec < len([]rune(s)) {
			s = string([]rune(s)[:prec])
		}
	default:
		return "", "format type " + strconv.Quote(typ) + " does not take " + strings.ToLower(v.Type().String())
	}
	if numeric {
		neg := strings.HasPrefix(s, "-")
		digits := strings.TrimPrefix(s, "-")
		if group {
			digits = groupThousands(digits)
		}
		sign := ""
		if neg {
			sign = "-"
		} else {
			sign = positive
		}
		if alt && len(digits) >= 2 && digits[0] == '0' && strings.IndexByte("xXbB", digits[1]) >= 0 {
			sign, digits = sign+digits[:2], digits[2:] // zeros go after 0x
		}
		if zero && align == 0 {
			for len([]rune(sign+digits)) < width {
				digits = "0" + digits
			}
		}
		s = sign + digits
		if align == 0 {
			align = '>'
		}
	}
	pad := width - len([]rune(s))
	if pad <= 0 {
		return s, ""
	}
	switch align {
	case '>':
		return strings.Repeat(fill, pad) + s, ""
	case '^':
		return strings.Repeat(fill, pad/2) + s + strings.Repeat(fill, pad-pad/2), ""
	}
	return s + strings.Repeat(fill, pad), ""
}

// groupThousands puts a comma between each three digits before the point.
func groupThousands(s string) string {
	whole, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		return b.String() + "." + frac
	}
	return b.String()
}
