package sqlfunc

import (
	"encoding/json"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// URLs cut into their parts. BigQuery's NET.HOST(url) (the translator
// writes it net_host): the host of a URL as written, without scheme, user,
// port, path, query or fragment; NULL when there is none. Like BigQuery it
// neither validates nor lower-cases the host. Snowflake's PARSE_URL(url[,
// permissive]): an object of the URL's fragment, host, parameters, path,
// port, query and scheme, each as written.

func init() {
	add(Func{Name: "net_host", NArgs: 1, Scalar: netHost},
		Func{Name: "url_parts_object", NArgs: -1, Scalar: urlPartsObject})
	rename("url_parts_object", "parse_url", "snowflake")
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

// urlPartsObject is Snowflake's PARSE_URL. As Snowflake's documented
// examples show: the host keeps a user and password written before it
// (USER:PASS@EXAMPLE.INT), the port is text, the path has no leading
// slash (https://www.snowflake.com/ has path ""), a URL without // (mailto:
// a@b.com) has no host and the rest is its path, parameters are the
// query's name=value pairs, and a part the URL lacks is null. A URL with no
// scheme is an error, or with permissive 1 an object holding only the
// error.
func urlPartsObject(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "PARSE_URL"
	if len(args) < 1 || len(args) > 2 {
		fail(ctx, fn, "takes a URL and an optional permissive flag (0 or 1), got %d arguments", len(args))
		return
	}
	if anyNull(args) {
		ctx.ResultNull()
		return
	}
	parts, errText := urlParts(args[0].Text())
	permissive := len(args) == 2 && args[1].Int64() == 1
	if errText != "" && !permissive {
		errText = "Error parsing URL: " + errText
	}
	resultParts(ctx, fn, parts, errText, permissive)
}

// resultParts returns Snowflake's PARSE_URL or PARSE_IP object of parts
// (encoding/json writes a map's keys sorted, as Snowflake keeps an
// object's). When errText says the value did not parse, it fails, or with
// permissive gives an object holding only the error.
func resultParts(ctx sqlite3.Context, fn string, parts map[string]any, errText string, permissive bool) {
	if errText != "" && !permissive {
		fail(ctx, fn, "%s", errText)
		return
	}
	if errText != "" {
		parts = map[string]any{"error": errText}
	}
	raw, _ := json.Marshal(parts)
	resultJSON(ctx, raw)
}

// urlParts cuts u as PARSE_URL does; errText says why it cannot.
func urlParts(u string) (parts map[string]any, errText string) {
	colon := strings.IndexByte(u, ':')
	if colon <= 0 || !isScheme(u[:colon]) {
		return nil, "scheme not specified"
	}
	parts = map[string]any{"fragment": nil, "host": nil, "parameters": nil, "path": nil, "port": nil, "query": nil, "scheme": u[:colon]}
	rest := u[colon+1:]
	if i := strings.IndexByte(rest, '#'); i >= 0 {
		parts["fragment"], rest = rest[i+1:], rest[:i]
	}
	if i := strings.IndexByte(rest, '?'); i >= 0 {
		query := rest[i+1:]
		parts["query"], rest = query, rest[:i]
		if query != "" {
			params := map[string]any{}
			for _, pair := range strings.Split(query, "&") {
				if pair == "" {
					continue
				}
				name, value, hasValue := strings.Cut(pair, "=")
				if hasValue {
					params[name] = value
				} else {
					params[name] = nil
				}
			}
			parts["parameters"] = params
		}
	}
	if authority, ok := strings.CutPrefix(rest, "//"); ok {
		path := ""
		if i := strings.IndexByte(authority, '/'); i >= 0 {
			authority, path = authority[:i], authority[i+1:]
		}
		if i := strings.LastIndexByte(authority, ':'); i >= 0 && i < len(authority)-1 && strings.Trim(authority[i+1:], "0123456789") == "" {
			parts["port"], authority = authority[i+1:], authority[:i]
		}
		parts["host"], rest = authority, path
	}
	parts["path"] = strings.TrimPrefix(rest, "/")
	return parts, ""
}

// isScheme tells whether s is a URL scheme: a letter, then letters, digits,
// + - or . (RFC 3986).
func isScheme(s string) bool {
	for i, r := range s {
		letter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		if !letter && (i == 0 || !(r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.')) {
			return false
		}
	}
	return s != ""
}
