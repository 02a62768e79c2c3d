package serve

import (
	"net/url"
	"strings"
)

// Param reads a query parameter the way the page's URLSearchParams.get
// does, so that server and page never disagree about an address: pairs are
// split on "&" only (";" is an ordinary character, where Go's
// url.ParseQuery drops the pair), "+" is a space, percent escapes that do
// not decode stay as written, and the first pair with the name wins.
func Param(rawQuery, name string) (string, bool) {
	for _, pair := range strings.Split(rawQuery, "&") {
		if pair == "" {
			continue
		}
		k, v, _ := strings.Cut(pair, "=")
		if formDecode(k) == name {
			return formDecode(v), true
		}
	}
	return "", false
}

func formDecode(s string) string {
	s = strings.ReplaceAll(s, "+", " ")
	if d, err := url.PathUnescape(s); err == nil {
		return d
	}
	// URLSearchParams keeps a malformed escape as written and decodes the
	// rest.
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			if d, err := url.PathUnescape(s[i : i+3]); err == nil {
				b.WriteString(d)
				i += 2
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
