package identity

import (
	"cmp"
	"slices"
)

// sortKey carries the first bytes of an identifier's type and value as
// integers, so most comparisons while sorting touch neither string: strings
// live elsewhere in memory and each comparison of them costs a cache miss.
type sortKey struct {
	hi, lo uint64 // type rank, then the value's first 14 bytes, big-endian
	id     int32
}

// rankOrder returns identifier ids in (type, value) order, bytewise.
func rankOrder(types, values []string) []int32 {
	// Types are few: rank them once, and compare ranks instead of names.
	typeRank := make(map[string]uint64)
	var names []string
	for _, t := range types {
		if _, ok := typeRank[t]; !ok {
			typeRank[t] = 0
			names = append(names, t)
		}
	}
	slices.Sort(names)
	for i, t := range names {
		typeRank[t] = uint64(i)
	}
	if len(names) > 1<<16 {
		// More types than the key holds: compare the strings themselves.
		return rankOrderSlow(types, values)
	}

	keys := make([]sortKey, len(types))
	last, lastRank := "", uint64(0)
	for i, t := range types {
		if t != last || i == 0 {
			last, lastRank = t, typeRank[t]
		}
		v := values[i]
		keys[i] = sortKey{hi: lastRank<<48 | prefix(v, 0, 6), lo: prefix(v, 6, 8), id: int32(i)}
	}
	slices.SortFunc(keys, func(x, y sortKey) int {
		if x.hi != y.hi {
			return cmp.Compare(x.hi, y.hi)
		}
		if x.lo != y.lo {
			return cmp.Compare(x.lo, y.lo)
		}
		// Equal prefixes, and the type ranks are equal: a zero byte of
		// padding and a real zero byte look alike, so compare in full.
		return cmp.Compare(values[x.id], values[y.id])
	})
	out := make([]int32, len(keys))
	for i, k := range keys {
		out[i] = k.id
	}
	return out
}

// prefix packs n bytes of s from offset from into the low n bytes of a
// uint64, big-endian, padding with zeros past the end of s.
func prefix(s string, from, n int) uint64 {
	var x uint64
	for i := from; i < from+n; i++ {
		x <<= 8
		if i < len(s) {
			x |= uint64(s[i])
		}
	}
	return x
}

func rankOrderSlow(types, values []string) []int32 {
	out := make([]int32, len(types))
	for i := range out {
		out[i] = int32(i)
	}
	slices.SortFunc(out, func(x, y int32) int {
		if c := cmp.Compare(types[x], types[y]); c != 0 {
			return c
		}
		return cmp.Compare(values[x], values[y])
	})
	return out
}
