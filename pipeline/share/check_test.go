package share

import (
	"errors"
	"testing"
)

// Names whose lower-case spelling has a different length in bytes (K U+212A
// is 3 bytes, k is 1; İ lower-cases to two runes) once crashed the case
// comparison, which sliced a lowered copy with the original's offsets.
func TestCheckUnicodeNames(t *testing.T) {
	tests := []struct {
		name  string
		files []string
		want  string // "" when accepted
	}{
		{"kelvin folder", []string{"models/\u212Aelvin/a.sql", "models/\u212Aelvin/b.sql"}, ""},
		{"ohm folder", []string{"\u2126\u2126/x/a.sql", "\u2126\u2126/y.sql"}, ""},
		{"capital sharp s", []string{"models/\u1E9E\u1E9E\u1E9E/a.sql", "models/b.sql"}, ""},
		{"dotted capital I", []string{"\u0130\u0130\u0130\u0130/models/a.sql", "\u0130\u0130\u0130\u0130/models/b.sql"}, ""},
		{"kelvin collides with k", []string{"models/\u212Aa.sql", "models/ka.sql"},
			"\"models/\u212Aa.sql\": the name differs from \"models/ka.sql\" only in upper and lower case: rename one of them"},
		{"kelvin folder collides with k", []string{"\u212A/a.sql", "k/b.sql"},
			"\"\u212A/a.sql\": the name differs from \"k\" only in upper and lower case: rename one of them"},
		{"ohm collides with omega", []string{"\u2126/a.sql", "\u03c9/b.sql"},
			"\"\u2126/a.sql\": the name differs from \"\u03c9\" only in upper and lower case: rename one of them"},
		{"folder collides with a file in other case", []string{"\u212A.sql/a.sql", "k.sql"},
			"\"\u212A.sql/a.sql\": the name differs from \"k.sql\" only in upper and lower case: rename one of them"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string][]byte{}
			for _, n := range tt.files {
				files[n] = []byte("select 1")
			}
			err := Check(files)
			got := ""
			if err != nil {
				var ae *ArchiveError
				if !errors.As(err, &ae) {
					t.Fatalf("%v is not an *ArchiveError", err)
				}
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("Check = %q, want %q", got, tt.want)
			}
		})
	}
}
