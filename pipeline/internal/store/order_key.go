package store

import (
	"encoding/binary"
	"math"
	"slices"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// orderKeyFunc is nexus_order_key(v, ...): a BLOB whose byte order is the
// order of its arguments as a tuple under SQLite's comparison (NULL, then
// numbers by value, then text by bytes, then blobs). max() of it picks the
// row that ORDER BY v DESC, ... puts first, and SQLite fills the bare
// columns of that aggregate query from that row, so "the latest row of
// each group" is one GROUP BY instead of a window function, which buffers
// every row of every partition.
func orderKeyFunc(ctx sqlite3.Context, arg ...sqlite3.Value) {
	var b []byte
	for _, v := range arg {
		b = appendOrderKey(b, v)
	}
	ctx.ResultBlob(b)
}

// orderKeyDescFunc is nexus_order_key_desc(v, ...): nexus_order_key's
// bytes inverted, which order in reverse (no key is a prefix of another),
// for a column ordered descending among ascending ones:
// nexus_order_key(a, nexus_order_key_desc(b)) orders as a, b DESC.
func orderKeyDescFunc(ctx sqlite3.Context, arg ...sqlite3.Value) {
	var b []byte
	for _, v := range arg {
		b = appendOrderKey(b, v)
	}
	for i := range b {
		b[i] = ^b[i]
	}
	ctx.ResultBlob(b)
}

// Each value starts with a byte of its class, which orders the classes.
const (
	keyNull byte = 1 + iota
	keyNumber
	keyText
	keyBlob
)

func appendOrderKey(b []byte, v sqlite3.Value) []byte {
	switch v.Type() {
	case sqlite3.INTEGER:
		i := v.Int64()
		f := float64(i)
		// The float's bits order numbers of different magnitudes; the
		// integer's distance from that float (exact, as SQLite compares an
		// integer and a float) orders the integers that round to it.
		rest := i - int64(f)
		if f >= math.MaxInt64 { // f is 2^63, past int64: i - 2^63 < 0
			rest = i - math.MaxInt64 - 1
		}
		b = appendNumber(append(b, keyNumber), f)
		return binary.BigEndian.AppendUint64(b, uint64(rest)^1<<63)
	case sqlite3.FLOAT:
		b = appendNumber(append(b, keyNumber), v.Float())
		return binary.BigEndian.AppendUint64(b, 1<<63)
	case sqlite3.TEXT:
		return appendBytes(append(b, keyText), v.RawText())
	case sqlite3.BLOB:
		return appendBytes(append(b, keyBlob), v.RawBlob())
	default:
		return append(b, keyNull)
	}
}

// appendNumber appends f's bits flipped so that bytes order as numbers:
// negatives inverted, the sign bit set on the rest; -0 is 0, as in SQLite.
func appendNumber(b []byte, f float64) []byte {
	if f == 0 {
		f = 0
	}
	u := math.Float64bits(f)
	if u>>63 == 1 {
		u = ^u
	} else {
		u |= 1 << 63
	}
	return binary.BigEndian.AppendUint64(b, u)
}

// appendBytes appends s with each 0 byte as 0 0xff and a 0 0 end, so that
// a value that is a prefix of another orders before it whatever follows.
func appendBytes(b, s []byte) []byte {
	for _, c := range s {
		if c == 0 {
			b = append(b, 0, 0xff)
		} else {
			b = append(b, c)
		}
	}
	return append(b, 0, 0)
}

// concatDistinct is nexus_concat_distinct(v, text, sep), the aggregate
// group_concat(DISTINCT v ORDER BY v, sep) would be if SQLite took a
// separator beside DISTINCT: the distinct values v that are not NULL, in
// SQLite's order, their text (cast(v as text), as group_concat writes
// them) joined by sep; NULL without any.
type concatDistinct struct {
	sep   string
	texts map[string]string // by order key
}

func (a *concatDistinct) Step(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if arg[0].Type() == sqlite3.NULL {
		return
	}
	if a.texts == nil {
		a.texts, a.sep = map[string]string{}, arg[2].Text()
	}
	k := string(appendOrderKey(nil, arg[0]))
	if _, ok := a.texts[k]; !ok {
		a.texts[k] = arg[1].Text()
	}
}

func (a *concatDistinct) Value(ctx sqlite3.Context) {
	if len(a.texts) == 0 {
		ctx.ResultNull()
		return
	}
	keys := make([]string, 0, len(a.texts))
	for k := range a.texts {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteString(a.sep)
		}
		b.WriteString(a.texts[k])
	}
	ctx.ResultText(b.String())
}
