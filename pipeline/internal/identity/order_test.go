package identity

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestRankOrder checks the prefix-key sort against plain string comparison
// on values built to defeat the prefixes: long shared beginnings, zero
// bytes, bytes above 0x7f and values that are prefixes of others.
func TestRankOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := []byte{0, 1, 'a', 'b', 'Z', 0x7f, 0x80, 0xff}
	for range 500 {
		n := r.IntN(60)
		types := make([]string, n)
		values := make([]string, n)
		for i := range n {
			types[i] = []string{"email", "Email", "phone", "e"}[r.IntN(4)]
			v := make([]byte, r.IntN(20))
			for j := range v {
				v[j] = 'x'
				if j >= 12 || r.IntN(4) == 0 {
					v[j] = alphabet[r.IntN(len(alphabet))]
				}
			}
			values[i] = string(v)
		}
		got, want := rankOrder(types, values), rankOrderSlow(types, values)
		// Equal identifiers may come in either order; compare what they name.
		name := func(ids []int32) []string {
			out := make([]string, len(ids))
			for i, id := range ids {
				out[i] = types[id] + "\x00" + values[id]
			}
			return out
		}
		if g, w := name(got), name(want); !slices.Equal(g, w) {
			t.Fatalf("rankOrder:\n got %q\nwant %q", g, w)
		}
	}
}
