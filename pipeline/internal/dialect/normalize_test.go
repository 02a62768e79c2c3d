package dialect

import "testing"

// NORMALIZE's mode is a bare word, passed as text.
func TestBigQueryNormalizeMode(t *testing.T) {
	expectTranslated(t, bigquery, "select normalize(a, nfkc), normalize_and_casefold(a, NFD), normalize(a) from t",
		"select normalize(a, 'NFKC'), normalize_and_casefold(a, 'NFD'), normalize(a) from t")
}
