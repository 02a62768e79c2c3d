package sqlfunc

import (
	"encoding/binary"
	"math/bits"

	"github.com/ncruces/go-sqlite3"
)

// BigQuery's FARM_FINGERPRINT is FarmHash's Fingerprint64 (the farmhashna
// 64-bit hash, seed 81), read as a signed integer. The algorithm is
// written out here from its published description.

func init() {
	add(Func{Name: "fingerprint64", NArgs: 1, Scalar: func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if nullCall(ctx, args) {
			return
		}
		ctx.ResultInt64(int64(fingerprint64(input(args[0]))))
	}})
	rename("fingerprint64", "farm_fingerprint", "bigquery")
}

const (
	farmK0 = 0xc3a5c85c97cb3127
	farmK1 = 0xb492b66fbe98f273
	farmK2 = 0x9ae16a3b2f90404f
)

func fetch64(s []byte, i int) uint64 { return binary.LittleEndian.Uint64(s[i:]) }
func fetch32(s []byte, i int) uint64 { return uint64(binary.LittleEndian.Uint32(s[i:])) }
func rotr(v uint64, n int) uint64    { return bits.RotateLeft64(v, -n) }
func shiftMix(v uint64) uint64       { return v ^ v>>47 }

func hashLen16(u, v, mul uint64) uint64 {
	a := (u ^ v) * mul
	a ^= a >> 47
	b := (v ^ a) * mul
	b ^= b >> 47
	return b * mul
}

func fingerprint64(s []byte) uint64 {
	n := len(s)
	switch {
	case n <= 16:
		return farmLen0to16(s)
	case n <= 32:
		return farmLen17to32(s)
	case n <= 64:
		return farmLen33to64(s)
	}
	return farmLong(s)
}

func farmLen0to16(s []byte) uint64 {
	n := len(s)
	switch {
	case n >= 8:
		mul := farmK2 + uint64(n)*2
		a := fetch64(s, 0) + farmK2
		b := fetch64(s, n-8)
		c := rotr(b, 37)*mul + a
		d := (rotr(a, 25) + b) * mul
		return hashLen16(c, d, mul)
	case n >= 4:
		mul := farmK2 + uint64(n)*2
		return hashLen16(uint64(n)+fetch32(s, 0)<<3, fetch32(s, n-4), mul)
	case n > 0:
		y := uint32(s[0]) + uint32(s[n>>1])<<8
		z := uint32(n) + uint32(s[n-1])<<2
		return shiftMix(uint64(y)*farmK2^uint64(z)*farmK0) * farmK2
	}
	return farmK2
}

func farmLen17to32(s []byte) uint64 {
	n := len(s)
	mul := farmK2 + uint64(n)*2
	a := fetch64(s, 0) * farmK1
	b := fetch64(s, 8)
	c := fetch64(s, n-8) * mul
	d := fetch64(s, n-16) * farmK2
	return hashLen16(rotr(a+b, 43)+rotr(c, 30)+d, a+rotr(b+farmK2, 18)+c, mul)
}

func farmLen33to64(s []byte) uint64 {
	n := len(s)
	mul := farmK2 + uint64(n)*2
	a := fetch64(s, 0) * farmK2
	b := fetch64(s, 8)
	c := fetch64(s, n-8) * mul
	d := fetch64(s, n-16) * farmK2
	y := rotr(a+b, 43) + rotr(c, 30) + d
	z := hashLen16(y, a+rotr(b+farmK2, 18)+c, mul)
	e := fetch64(s, 16) * mul
	f := fetch64(s, 24)
	g := (y + fetch64(s, n-32)) * mul
	h := (z + fetch64(s, n-24)) * mul
	return hashLen16(rotr(e+f, 43)+rotr(g, 30)+h, e+rotr(f+a, 18)+g, mul)
}

// weakHashLen32 mixes the 32 bytes of s at i into the seeds a and b.
func weakHashLen32(s []byte, i int, a, b uint64) (uint64, uint64) {
	w, x, y, z := fetch64(s, i), fetch64(s, i+8), fetch64(s, i+16), fetch64(s, i+24)
	a += w
	b = rotr(b+a+z, 21)
	c := a
	a += x
	a += y
	b += rotr(a, 44)
	return a + z, b + c
}

// farmLong hashes more than 64 bytes: 64-byte blocks, then the last 64.
func farmLong(s []byte) uint64 {
	n := len(s)
	x := uint64(81) // the seed
	y := x*farmK1 + 113
	z := shiftMix(y*farmK2+113) * farmK2
	var v1, v2, w1, w2 uint64
	x = x*farmK2 + fetch64(s, 0)
	end := (n - 1) / 64 * 64
	last64 := end + (n-1)&63 - 63
	for i := 0; i != end; i += 64 {
		x = rotr(x+y+v1+fetch64(s, i+8), 37) * farmK1
		y = rotr(y+v2+fetch64(s, i+48), 42) * farmK1
		x ^= w2
		y += v1 + fetch64(s, i+40)
		z = rotr(z+w1, 33) * farmK1
		v1, v2 = weakHashLen32(s, i, v2*farmK1, x+w1)
		w1, w2 = weakHashLen32(s, i+32, z+w2, y+fetch64(s, i+16))
		z, x = x, z
	}
	mul := farmK1 + (z&0xff)<<1
	i := last64
	w1 += uint64((n - 1) & 63)
	v1 += w1
	w1 += v1
	x = rotr(x+y+v1+fetch64(s, i+8), 37) * mul
	y = rotr(y+v2+fetch64(s, i+48), 42) * mul
	x ^= w2 * 9
	y += v1*9 + fetch64(s, i+40)
	z = rotr(z+w1, 33) * mul
	v1, v2 = weakHashLen32(s, i, v2*mul, x+w1)
	w1, w2 = weakHashLen32(s, i+32, z+w2, y+fetch64(s, i+16))
	z, x = x, z
	return hashLen16(hashLen16(v1, w1, mul)+shiftMix(y)*farmK0+z, hashLen16(v2, w2, mul)+x, mul)
}
