package sqlfunc

import (
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// BigQuery's NET.HOST(url) (the translator writes it net_host): the host
// of a URL as written, without scheme, user, port, path, query or
// fragment; NULL when there is none. Like BigQuery it neither validates
// nor lower-cases the host.

func init() {
	add(Func{Name: "net_host", NArgs: 1, Scalar: netHost})
}

func netHost(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	if h := urlHost(args[0].Text()); h != "" {
		ctx.ResultText(h)
		return
	}
	ctx.ResultNull()
}

// urlHost cuts the host out of a URL.
func urlHost(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "://"); i >= 0 && !strings.ContainsAny(s[:i], "/?#@") {
		s = s[i+3:]
	} else {
		s = strings.TrimPrefix(s, "//")
	}
	if i := strings.IndexAny(s, "/?#"); i >= 0 {
		s = s[:i]
	}
	if i := strings.LastIndex(s, "@"); i >= 0 {
		s = s[i+1:]
	}
	if strings.HasPrefix(s, "[") {
		// an IPv6 address: up to its closing bracket
		if i := strings.Index(s, "]"); i >= 0 {
			return s[:i+1]
		}
		return s
	}
	if i := strings.LastIndex(s, ":"); i >= 0 && strings.Trim(s[i+1:], "0123456789") == "" {
		s = s[:i]
	}
	return s
}
