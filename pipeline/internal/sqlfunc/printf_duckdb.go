package sqlfunc

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// printf_duckdb(f, args...): DuckDB's printf(), the C conversions as the
// {fmt} library's sprintf takes them: %[n$][flags][width][.precision]
// [length]type, flags - + space # 0 and , (digit groups), a * width or
// precision taken from the next argument, the C length letters (l, ll, h,
// hh, j, z, t, L) read and ignored. Each conversion takes its own type, as
// DuckDB checks it: d i u o x X c an integer (a negative one written in hex
// or octal as its 64-bit two's complement), f F e E g G a A a number (a
// DOUBLE, or a DECIMAL as one; an integer too, as SQLite may hold a whole
// DOUBLE as one), s text; %s of a number or %d of a real or of text fails
// as DuckDB's does. A NULL argument (the format too) makes the result
// NULL, where SQLite's printf writes '' or 0.

// printf_integer(x, verb, line): x, an argument of printf's conversion
// verb (%f, %e, %g, %a) that the translator knows to be an integer, which
// DuckDB's printf does not format so and fails on; NULL stays NULL.

func init() {
	add(Func{Name: "printf_integer", NArgs: 3, Scalar: func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if args[0].Type() == sqlite3.NULL {
			ctx.ResultNull()
			return
		}
		lineError(ctx, args[2], "PRINTF: invalid type specifier %q for formatting a value of type int (%s), which fails on DuckDB; cast it: printf('%%.2f', x::double)", args[1].Text(), args[0].Text())
	}})
	add(Func{Name: "printf_duckdb", NArgs: -1, Scalar: printfDuckDB})
	rename("printf_duckdb", "printf", "duckdb")
}

func printfDuckDB(ctx sqlite3.Context, args ...sqlite3.Value) {
	if anyNull(args) {
		ctx.ResultNull()
		return
	}
	if len(args) == 0 {
		fail(ctx, "PRINTF", "a format string is needed")
		return
	}
	s, err := duckPrintf(args[0].Text(), args[1:])
	if err != "" {
		fail(ctx, "PRINTF", "%s", err)
		return
	}
	ctx.ResultText(s)
}

// duckPrintf writes the values as the format f says; err says why it
// cannot.
func duckPrintf(f string, vals []sqlite3.Value) (string, string) {
	var b strings.Builder
	next, manual, auto := 0, false, false
	// arg gives the value a conversion (or its * width) takes: the one
	// numbered n (from 1), or the next
	arg := func(n int) (sqlite3.Value, string) {
		idx := next
		if n > 0 {
			if auto {
				return sqlite3.Value{}, "cannot switch from automatic to manual argument indexing"
			}
			manual, idx = true, n-1
		} else {
			if manual {
				return sqlite3.Value{}, "cannot switch from manual to automatic argument indexing"
			}
			auto = true
			next++
		}
		if idx >= len(vals) {
			return sqlite3.Value{}, fmt.Sprintf("argument index %d is out of range: %q takes more than the %d given", idx, f, len(vals))
		}
		return vals[idx], ""
	}
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			b.WriteByte(f[i])
			continue
		}
		i++
		if i < len(f) && f[i] == '%' {
			b.WriteByte('%')
			continue
		}
		// an argument number n$
		n, j := 0, i
		for j < len(f) && f[j] >= '0' && f[j] <= '9' {
			j++
		}
		if j > i && j < len(f) && f[j] == '$' {
			n, _ = strconv.Atoi(f[i:j])
			if n == 0 {
				return "", fmt.Sprintf("argument number 0 in %q: they count from 1", f)
			}
			i = j + 1
		}
		var flags []byte
		for i < len(f) && strings.IndexByte("-+ #0,'", f[i]) >= 0 {
			flags = append(flags, f[i])
			i++
		}
		width, prec := -1, -1
		if i < len(f) && f[i] == '*' {
			v, err := arg(0)
			if err != "" {
				return "", err
			}
			if v.Type() != sqlite3.INTEGER {
				return "", "a * width takes an integer"
			}
			width = int(v.Int64())
			if width < 0 {
				flags, width = append(flags, '-'), -width
			}
			i++
		} else {
			j := i
			for i < len(f) && f[i] >= '0' && f[i] <= '9' {
				i++
			}
			if i > j {
				width, _ = strconv.Atoi(f[j:i])
			}
		}
		if i < len(f) && f[i] == '.' {
			i++
			if i < len(f) && f[i] == '*' {
				v, err := arg(0)
				if err != "" {
					return "", err
				}
				if v.Type() != sqlite3.INTEGER {
					return "", "a * precision takes an integer"
				}
				prec = max(int(v.Int64()), 0)
				i++
			} else {
				j := i
				for i < len(f) && f[i] >= '0' && f[i] <= '9' {
					i++
				}
				prec, _ = strconv.Atoi(f[j:i])
			}
		}
		for i < len(f) && strings.IndexByte("lhjztL", f[i]) >= 0 {
			i++
		}
		if i >= len(f) {
			return "", fmt.Sprintf("%q ends inside a conversion", f)
		}
		v, err := arg(n)
		if err != "" {
			return "", err
		}
		s, err := printfValue(v, f[i], string(flags), width, prec)
		if err != "" {
			return "", err
		}
		b.WriteString(s)
	}
	return b.String(), ""
}

// printfValue writes v by one conversion.
func printfValue(v sqlite3.Value, verb byte, flags string, width, prec int) (string, string) {
	has := func(c byte) bool { return strings.IndexByte(flags, c) >= 0 }
	typeName := map[sqlite3.Datatype]string{sqlite3.INTEGER: "int", sqlite3.FLOAT: "float", sqlite3.TEXT: "string", sqlite3.BLOB: "string"}[v.Type()]
	wrong := func() (string, string) {
		return "", fmt.Sprintf("invalid type specifier %q for formatting a value of type %s", string(verb), typeName)
	}
	var s string
	numeric := true
	switch verb {
	case 'd', 'i', 'u', 'o', 'x', 'X', 'c':
		if v.Type() != sqlite3.INTEGER {
			return wrong()
		}
		x := v.Int64()
		switch verb {
		case 'c':
			s, numeric = string(rune(x)), false
		case 'o', 'x', 'X':
			base := map[byte]int{'o': 8, 'x': 16, 'X': 16}[verb]
			s = strconv.FormatUint(uint64(x), base)
			if prec >= 0 && len(s) < prec {
				s = strings.Repeat("0", prec-len(s)) + s
			}
			if has('#') && x != 0 {
				s = map[byte]string{'o': "0", 'x': "0x", 'X': "0x"}[verb] + s
				if verb == 'o' && strings.HasPrefix(s, "00") {
					s = s[1:]
				}
			}
			if verb == 'X' {
				s = strings.ToUpper(s)
			}
		default:
			s = strconv.FormatInt(x, 10)
			if prec >= 0 {
				digits := strings.TrimPrefix(s, "-")
				if len(digits) < prec {
					s = s[:len(s)-len(digits)] + strings.Repeat("0", prec-len(digits)) + digits
				}
			}
		}
	case 'f', 'F', 'e', 'E', 'g', 'G', 'a', 'A':
		if v.Type() != sqlite3.INTEGER && v.Type() != sqlite3.FLOAT {
			return wrong()
		}
		x := v.Float()
		lower := verb | 0x20
		switch {
		case math.IsInf(x, 0):
			s = "inf"
			if x < 0 {
				s = "-inf"
			}
		case lower == 'a':
			s = strconv.FormatFloat(x, 'x', prec, 64)
			// C writes the exponent's digits without a leading zero
			if k := strings.LastIndexAny(s, "+-"); k > 0 && k+2 < len(s) && s[k+1] == '0' {
				s = s[:k+1] + s[k+2:]
			}
		default:
			if prec < 0 {
				prec = 6
			}
			if lower == 'g' && prec == 0 {
				prec = 1
			}
			s = strconv.FormatFloat(x, lower, prec, 64)
			if lower == 'g' && has('#') && !strings.ContainsAny(s, ".e") {
				s += "."
			}
		}
		if verb >= 'A' && verb <= 'Z' {
			s = strings.ToUpper(s)
		}
	case 's':
		if v.Type() != sqlite3.TEXT && v.Type() != sqlite3.BLOB {
			return wrong()
		}
		s, numeric = v.Text(), false
		if prec >= 0 && prec < len([]rune(s)) {
			s = string([]rune(s)[:prec])
		}
	default:
		return "", fmt.Sprintf("invalid type specifier %q for formatting a value of type %s", string(verb), typeName)
	}
	if numeric {
		sign := ""
		if strings.HasPrefix(s, "-") {
			sign, s = "-", s[1:]
		} else if has('+') && verb != 'o' && verb != 'x' && verb != 'X' {
			sign = "+"
		} else if has(' ') && verb != 'o' && verb != 'x' && verb != 'X' {
			sign = " "
		}
		if has(',') || has('\'') {
			s = groupThousands(s)
		}
		prefix := ""
		if len(s) >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') {
			prefix, s = s[:2], s[2:]
		}
		if has('0') && !has('-') && !strings.HasSuffix(s, "inf") && !strings.HasSuffix(s, "INF") {
			for len(sign)+len(prefix)+len(s) < width {
				s = "0" + s
			}
		}
		s = sign + prefix + s
	}
	pad := width - len([]rune(s))
	if pad <= 0 {
		return s, ""
	}
	if has('-') {
		return s + strings.Repeat(" ", pad), ""
	}
	return strings.Repeat(" ", pad) + s, ""
}
