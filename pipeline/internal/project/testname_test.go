package project

import (
	"math/rand/v2"
	"regexp"
	"testing"
)

// identOnly makes a test name's argument part as dbt's regular
// expression does, for any text: ASCII, other characters, invalid UTF-8.
func TestIdentOnlyIsTheRegexp(t *testing.T) {
	re := regexp.MustCompile(`[^0-9a-zA-Z_]+`)
	cases := []string{"", "a", "_", "abc_09", " ", "a b", "  a  ", "a.b.c", "é", "aé b", "x\xffy", "\xff\xfe", "a--b__c", "'quoted'", "[1, 2]", "日本語"}
	alphabet := []string{"a", "Z", "0", "_", " ", "-", ".", "é", "日", "\xff", "'", "\n"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		s := ""
		for range r.IntN(12) {
			s += alphabet[r.IntN(len(alphabet))]
		}
		cases = append(cases, s)
	}
	for _, s := range cases {
		if got, want := identOnly(s), re.ReplaceAllString(s, "_"); got != want {
			t.Errorf("identOnly(%q) = %q, the regular expression gives %q", s, got, want)
		}
	}
}
