package sqlfunc

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ncruces/go-sqlite3"
)

// Strings. Lengths and positions count characters, not bytes, as the
// warehouses do.

func init() {
	add(
		Func{Name: "initcap_words", NArgs: -1, Scalar: initcapWords},
		Func{Name: "split_to_json", NArgs: -1, Scalar: splitToJSON},
		Func{Name: "split_part_at", NArgs: 3, Scalar: splitPartAt},
		Func{Name: "split_part_duckdb", NArgs: 3, Scalar: splitPartDuckDB},
		Func{Name: "starts_with_text", NArgs: 2, Scalar: startsWith},
		Func{Name: "ends_with_text", NArgs: 2, Scalar: endsWith},
		Func{Name: "contains_text", NArgs: 2, Scalar: containsText},
		Func{Name: "pad_left", NArgs: -1, Scalar: padLeft},
		Func{Name: "pad_right", NArgs: -1, Scalar: padRight},
		Func{Name: "pad_left_duck", NArgs: -1, Scalar: padLeftDuck},
		Func{Name: "pad_right_duck", NArgs: -1, Scalar: padRightDuck},
		Func{Name: "reverse_text", NArgs: 1, Scalar: reverseText},
		Func{Name: "repeat_text", NArgs: 2, Scalar: repeatText},
		Func{Name: "spaces", NArgs: 1, Scalar: spaces},
		Func{Name: "insert_text", NArgs: 4, Scalar: insertText},
		Func{Name: "left_chars", NArgs: 2, Scalar: leftChars},
		Func{Name: "right_chars", NArgs: 2, Scalar: rightChars},
		Func{Name: "left_duckdb", NArgs: 2, Scalar: leftDuckDB},
		Func{Name: "right_duckdb", NArgs: 2, Scalar: rightDuckDB},
		Func{Name: "position_from", NArgs: -1, Scalar: positionFrom},
		Func{Name: "concat_or_null", NArgs: -1, Scalar: concatOrNull},
		Func{Name: "md5_bytes", NArgs: 1, Scalar: hashBytes(func(b []byte) []byte { s := md5.Sum(b); return s[:] })},
		Func{Name: "sha1_bytes", NArgs: 1, Scalar: hashBytes(func(b []byte) []byte { s := sha1.Sum(b); return s[:] })},
		Func{Name: "sha256_bytes", NArgs: 1, Scalar: hashBytes(func(b []byte) []byte { s := sha256.Sum256(b); return s[:] })},
		Func{Name: "sha512_bytes", NArgs: 1, Scalar: hashBytes(func(b []byte) []byte { s := sha512.Sum512(b); return s[:] })},
		Func{Name: "sha256_hex", NArgs: 1, Scalar: hashHex(func(b []byte) []byte { s := sha256.Sum256(b); return s[:] })},
		Func{Name: "sha1_hex", NArgs: 1, Scalar: hashHex(func(b []byte) []byte { s := sha1.Sum(b); return s[:] })},
		Func{Name: "sha2_hex", NArgs: -1, Scalar: sha2Hex},
		Func{Name: "hex_lower", NArgs: 1, Scalar: hexLower},
	)
	all := []string{"bigquery", "snowflake", "duckdb"}
	// initcap_words(s[, delimiters]): the first letter of each word upper
	// case, the others lower case.
	rename("initcap_words", "initcap", "bigquery", "snowflake")
	// split_to_json(s[, delimiter]): the parts as a JSON array of text;
	// BigQuery's default delimiter is ','; '' splits into characters.
	rename("split_to_json", "split", "bigquery", "snowflake")
	rename("split_to_json", "string_split", "duckdb")
	rename("split_to_json", "str_split", "duckdb")
	rename("split_to_json", "string_to_array", "duckdb")
	rename("split_to_json", "split", "duckdb")
	// split_part_at(s, delimiter, n): the n-th part, 1-based, negative from
	// the end; '' when there is none.
	rename("split_part_at", "split_part", "bigquery", "snowflake")
	rename("split_part_duckdb", "split_part", "duckdb")
	rename("starts_with_text", "starts_with", all...)
	rename("starts_with_text", "startswith", "snowflake")
	rename("ends_with_text", "ends_with", "bigquery", "duckdb")
	rename("ends_with_text", "endswith", "snowflake")
	rename("ends_with_text", "suffix", "duckdb")
	rename("starts_with_text", "prefix", "duckdb")
	rename("contains_text", "contains", "snowflake", "duckdb")
	// pad_left(s, length[, fill]): padded or cut to length characters.
	rename("pad_left", "lpad", "bigquery", "snowflake")
	rename("pad_right", "rpad", "bigquery", "snowflake")
	// DuckDB's: a negative length gives '', an empty fill where padding
	// is needed fails.
	rename("pad_left_duck", "lpad", "duckdb")
	rename("pad_right_duck", "rpad", "duckdb")
	rename("reverse_text", "reverse", all...)
	rename("repeat_text", "repeat", all...)
	// spaces(n): Snowflake's SPACE, n blanks ('' for n <= 0)
	rename("spaces", "space", "snowflake")
	// insert_text(s, pos, n, new): Snowflake's INSERT, the n characters
	// from pos (1-based) replaced by new
	rename("insert_text", "insert", "snowflake")
	rename("left_chars", "left", "bigquery", "snowflake")
	rename("right_chars", "right", "bigquery", "snowflake")
	rename("left_duckdb", "left", "duckdb")
	rename("right_duckdb", "right", "duckdb")
	// STRPOS(s, sub) is SQLite's instr(s, sub).
	rename("instr", "strpos", "bigquery", "duckdb")
	// position_from(sub, s[, start]): Snowflake's POSITION and CHARINDEX.
	rename("position_from", "position", "snowflake")
	rename("position_from", "charindex", "snowflake")
	rename("position_from", "position", "duckdb") // POSITION(sub IN s)
	// LEN is LENGTH in Snowflake; DuckDB's strlen counts bytes.
	rename("length", "len", "snowflake")
	rename("octet_length", "strlen", "duckdb")
	// CHAR_LENGTH and CHARACTER_LENGTH count characters; BYTE_LENGTH and
	// OCTET_LENGTH bytes.
	rename("length", "char_length", "bigquery", "duckdb")
	rename("length", "character_length", "bigquery", "duckdb")
	rename("octet_length", "byte_length", "bigquery")
	// concat_or_null(...): NULL when any argument is NULL (BigQuery,
	// Snowflake); DuckDB's concat skips NULLs, as SQLite's concat does.
	rename("concat_or_null", "concat", "bigquery", "snowflake")
	// BigQuery's hash functions return BYTES; TO_HEX writes them in lower
	// case hex. Snowflake's and DuckDB's return hex text.
	rename("md5_bytes", "md5", "bigquery")
	rename("sha1_bytes", "sha1", "bigquery")
	rename("sha256_bytes", "sha256", "bigquery")
	rename("sha512_bytes", "sha512", "bigquery")
	rename("hex_lower", "to_hex", "bigquery")
	rename("md5", "md5_hex", "snowflake")
	rename("sha1_hex", "sha1", "snowflake", "duckdb")
	rename("sha1_hex", "sha1_hex", "snowflake")
	rename("sha256_hex", "sha256", "duckdb")
	// sha2_hex(s[, bits]): Snowflake's SHA2, 256 bits by default.
	rename("sha2_hex", "sha2", "snowflake")
	rename("sha2_hex", "sha2_hex", "snowflake")
}

// initcapDelims are BigQuery's default word delimiters besides white space
// (Snowflake's list is the same).
const initcapDelims = " [](){}/|\\<>!?@\"^#$&~_,.:;*%+-"

func initcapWords(ctx sqlite3.Context, args ...sqlite3.Value) {
	if !called(ctx, "INITCAP", args, 1, 2, "takes a string and optional delimiters") {
		return
	}
	delims := initcapDelims
	custom := len(args) == 2
	if custom {
		delims = args[1].Text()
	}
	s := args[0].Text()
	var b strings.Builder
	b.Grow(len(s))
	start := true
	for _, r := range s {
		isDelim := strings.ContainsRune(delims, r) || !custom && unicode.IsSpace(r)
		switch {
		case isDelim:
			b.WriteRune(r)
			start = true
		case start:
			b.WriteRune(unicode.ToUpper(r))
			start = false
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	ctx.ResultText(b.String())
}

func splitToJSON(ctx sqlite3.Context, args ...sqlite3.Value) {
	if !called(ctx, "SPLIT", args, 1, 2, "takes a string and an optional delimiter") {
		return
	}
	sep := ","
	if len(args) == 2 {
		sep = args[1].Text()
	}
	s := args[0].RawText()
	var parts [][]byte
	if sep == "" {
		for i := 0; i < len(s); {
			_, n := utf8.DecodeRune(s[i:])
			parts = append(parts, s[i:i+n])
			i += n
		}
	} else {
		for {
			i := strings.Index(string(s), sep)
			if i < 0 {
				parts = append(parts, s)
				break
			}
			parts = append(parts, s[:i])
			s = s[i+len(sep):]
		}
	}
	resultTextArray(ctx, parts)
}

func splitPartAt(ctx sqlite3.Context, args ...sqlite3.Value)     { splitPart(ctx, args, false) }
func splitPartDuckDB(ctx sqlite3.Context, args ...sqlite3.Value) { splitPart(ctx, args, true) }

// splitPart is SPLIT_PART: Snowflake's reads part 0 as 1 and an empty
// delimiter as none; DuckDB's part 0 is ” and an empty delimiter splits
// into characters.
func splitPart(ctx sqlite3.Context, args []sqlite3.Value, duckdb bool) {
	if nullCall(ctx, args) {
		return
	}
	n, ok := integer(args[2])
	if !ok {
		fail(ctx, "SPLIT_PART", "the part number must be an integer, not %s", args[2].Text())
		return
	}
	s, sep := args[0].Text(), args[1].Text()
	parts := strings.Split(s, sep)
	if sep == "" && (!duckdb || s == "") {
		parts = []string{s}
	}
	if n == 0 && !duckdb {
		n = 1
	}
	if n < 0 {
		n += int64(len(parts)) + 1
	}
	if n < 1 || n > int64(len(parts)) {
		ctx.ResultText("")
		return
	}
	ctx.ResultText(parts[n-1])
}

func startsWith(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	ctx.ResultBool(strings.HasPrefix(args[0].Text(), args[1].Text()))
}

func endsWith(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	ctx.ResultBool(strings.HasSuffix(args[0].Text(), args[1].Text()))
}

func containsText(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	ctx.ResultBool(strings.Contains(args[0].Text(), args[1].Text()))
}

func pad(ctx sqlite3.Context, fn string, args []sqlite3.Value, left, duck bool) {
	if !called(ctx, fn, args, 2, 3, "takes a string, a length and an optional pattern") {
		return
	}
	n, ok := integer(args[1])
	if ok && n < 0 && duck {
		ctx.ResultText("")
		return
	}
	if !ok || n < 0 {
		fail(ctx, fn, "the length must be a non-negative integer, not %s", args[1].Text())
		return
	}
	fill := " "
	if len(args) == 3 {
		fill = args[2].Text()
	}
	r := []rune(args[0].Text())
	if int64(len(r)) >= n {
		ctx.ResultText(string(r[:n]))
		return
	}
	if fill == "" && duck {
		fail(ctx, fn, "insufficient padding: %q is shorter than %d characters and the fill is empty, which fails on DuckDB", truncate(string(r)), n)
		return
	}
	if fill == "" {
		ctx.ResultText(string(r))
		return
	}
	f := []rune(fill)
	padding := make([]rune, 0, int(n)-len(r))
	for i := 0; len(padding) < int(n)-len(r); i++ {
		padding = append(padding, f[i%len(f)])
	}
	if left {
		ctx.ResultText(string(padding) + string(r))
	} else {
		ctx.ResultText(string(r) + string(padding))
	}
}

func padLeft(ctx sqlite3.Context, args ...sqlite3.Value)      { pad(ctx, "LPAD", args, true, false) }
func padRight(ctx sqlite3.Context, args ...sqlite3.Value)     { pad(ctx, "RPAD", args, false, false) }
func padLeftDuck(ctx sqlite3.Context, args ...sqlite3.Value)  { pad(ctx, "LPAD", args, true, true) }
func padRightDuck(ctx sqlite3.Context, args ...sqlite3.Value) { pad(ctx, "RPAD", args, false, true) }

func reverseText(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	r := []rune(args[0].Text())
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	ctx.ResultText(string(r))
}

// maxRepeat bounds REPEAT's result so one call cannot exhaust memory.
const maxRepeat = 64 << 20

func repeatText(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	n, ok := integer(args[1])
	if !ok {
		fail(ctx, "REPEAT", "the count must be an integer, not %s", args[1].Text())
		return
	}
	s := args[0].Text()
	if n <= 0 || s == "" {
		ctx.ResultText("")
		return
	}
	if int64(len(s))*n > maxRepeat {
		fail(ctx, "REPEAT", "the result would be %d bytes, over the limit of %d", int64(len(s))*n, maxRepeat)
		return
	}
	ctx.ResultText(strings.Repeat(s, int(n)))
}

// leftRight is LEFT or RIGHT of n characters; a negative n gives ”, or
// with dropNegative leaves -n characters out from the other end.
func leftRight(ctx sqlite3.Context, fn string, args []sqlite3.Value, left, dropNegative bool) {
	if nullCall(ctx, args) {
		return
	}
	n, ok := integer(args[1])
	if !ok {
		fail(ctx, fn, "the length must be an integer, not %s", args[1].Text())
		return
	}
	r := []rune(args[0].Text())
	if n < 0 && dropNegative {
		n += int64(len(r))
	}
	n = min(max(n, 0), int64(len(r)))
	if left {
		ctx.ResultText(string(r[:n]))
	} else {
		ctx.ResultText(string(r[int64(len(r))-n:]))
	}
}

func leftChars(ctx sqlite3.Context, args ...sqlite3.Value) { leftRight(ctx, "LEFT", args, true, false) }
func rightChars(ctx sqlite3.Context, args ...sqlite3.Value) {
	leftRight(ctx, "RIGHT", args, false, false)
}

// leftDuckDB and rightDuckDB are DuckDB's left and right, where a
// negative count leaves that many characters out from the other end:
// left('abc', -1) is 'ab', right('abc', -1) 'bc'.
func leftDuckDB(ctx sqlite3.Context, args ...sqlite3.Value) { leftRight(ctx, "LEFT", args, true, true) }
func rightDuckDB(ctx sqlite3.Context, args ...sqlite3.Value) {
	leftRight(ctx, "RIGHT", args, false, true)
}

func positionFrom(ctx sqlite3.Context, args ...sqlite3.Value) {
	if !called(ctx, "POSITION", args, 2, 3, "takes a substring, a string and an optional start position") {
		return
	}
	start := int64(1)
	if len(args) == 3 {
		var ok bool
		if start, ok = integer(args[2]); !ok {
			fail(ctx, "POSITION", "the start position must be an integer, not %s", args[2].Text())
			return
		}
		start = max(start, 1)
	}
	sub, s := args[0].Text(), []rune(args[1].Text())
	if start > int64(len(s))+1 {
		ctx.ResultInt(0)
		return
	}
	rest := string(s[start-1:])
	i := strings.Index(rest, sub)
	if i < 0 {
		ctx.ResultInt(0)
		return
	}
	ctx.ResultInt64(start + int64(utf8.RuneCountInString(rest[:i])))
}

func concatOrNull(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	var b strings.Builder
	for _, a := range args {
		b.Write(a.RawText())
	}
	ctx.ResultText(b.String())
}

func hashBytes(sum func([]byte) []byte) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if nullCall(ctx, args) {
			return
		}
		ctx.ResultBlob(sum(input(args[0])))
	}
}

func hashHex(sum func([]byte) []byte) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if nullCall(ctx, args) {
			return
		}
		ctx.ResultText(hex.EncodeToString(sum(input(args[0]))))
	}
}

// input is the bytes a hash reads: a blob's bytes, or else the text.
func input(v sqlite3.Value) []byte {
	if v.Type() == sqlite3.BLOB {
		return v.RawBlob()
	}
	return v.RawText()
}

func sha2Hex(ctx sqlite3.Context, args ...sqlite3.Value) {
	if sum, ok := sha2Sum(ctx, "SHA2", args); ok {
		ctx.ResultText(hex.EncodeToString(sum))
	}
}

// sha2Sum is the SHA-2 digest of args[0] in args[1] bits (256 by default)
// for SHA2 and SHA2_BINARY; ok is false when the call failed or is NULL.
func sha2Sum(ctx sqlite3.Context, fn string, args []sqlite3.Value) (sum []byte, ok bool) {
	if !called(ctx, fn, args, 1, 2, "takes a value and an optional digest size") {
		return nil, false
	}
	bits := int64(256)
	if len(args) == 2 {
		bits, _ = integer(args[1])
	}
	b := input(args[0])
	switch bits {
	case 224:
		s := sha256.Sum224(b)
		sum = s[:]
	case 256:
		s := sha256.Sum256(b)
		sum = s[:]
	case 384:
		s := sha512.Sum384(b)
		sum = s[:]
	case 512:
		s := sha512.Sum512(b)
		sum = s[:]
	default:
		fail(ctx, fn, "the digest size must be 224, 256, 384 or 512, not %s", args[1].Text())
		return nil, false
	}
	return sum, true
}

func hexLower(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	ctx.ResultText(hex.EncodeToString(input(args[0])))
}

func spaces(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	n, ok := integer(args[0])
	if !ok || n > 1<<20 {
		fail(ctx, "SPACE", "takes a whole number up to %d, not %s", 1<<20, args[0].Text())
		return
	}
	ctx.ResultText(strings.Repeat(" ", int(max(n, 0))))
}

func insertText(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "INSERT"
	if nullCall(ctx, args) {
		return
	}
	pos, ok1 := integer(args[1])
	n, ok2 := integer(args[2])
	if !ok1 || !ok2 || pos < 1 || n < 0 {
		fail(ctx, fn, "the position must be a whole number from 1 and the length one from 0 (%s)", argList(args))
		return
	}
	r := []rune(args[0].Text())
	start := min(pos-1, int64(len(r)))
	end := min(start+n, int64(len(r)))
	ctx.ResultText(string(r[:start]) + args[3].Text() + string(r[end:]))
}
