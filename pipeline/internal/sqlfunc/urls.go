package sqlfunc

import (
	"strings"

	"github.com/ncruces/go-sqlite3"
	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"
)

// BigQuery's NET.HOST(url) (the translator writes it net_host): the host
// of a URL as written, without scheme, user, port, path, query or
// fragment; NULL when there is none. Like BigQuery it neither validates
// nor lower-cases the host.
//
// NET.PUBLIC_SUFFIX and NET.REG_DOMAIN (net_public_suffix, net_reg_domain)
// read that host against the public suffix list's ICANN section, as
// BigQuery does (a private entry such as blogspot.com is not a suffix):
// the longest suffix listed, and it with the label before it; both as
// written in the host, matched without regard to ASCII case; NULL for a
// host with no listed suffix, an IP address, or dots side by side inside
// it. The list is the one golang.org/x/net carries: a suffix registered
// since may be NULL here and not in BigQuery.

func init() {
	add(Func{Name: "net_host", NArgs: 1, Scalar: netHost})
	add(Func{Name: "net_public_suffix", NArgs: 1, Scalar: netSuffix(false)})
	add(Func{Name: "net_reg_domain", NArgs: 1, Scalar: netSuffix(true)})
}

// netSuffix is NET.PUBLIC_SUFFIX, or NET.REG_DOMAIN when domain is set.
func netSuffix(domain bool) func(ctx sqlite3.Context, args ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if nullCall(ctx, args) {
			return
		}
		if s, ok := hostSuffix(urlHost(args[0].Text()), domain); ok {
			ctx.ResultText(s)
			return
		}
		ctx.ResultNull()
	}
}

// hostSuffix is the ICANN public suffix of host, or with domain the
// registrable domain (the suffix and the label before it), as written.
func hostSuffix(host string, domain bool) (string, bool) {
	// dots at the ends are allowed and are not part of the answer
	name := strings.Trim(host, ".")
	if name == "" || strings.Contains(name, "..") || strings.HasPrefix(name, "[") || isIPv4(name) {
		return "", false
	}
	// The list is kept in ASCII: an internationalized label is matched in
	// its punycode form, and the answer counted in labels.
	ascii, err := idna.Punycode.ToASCII(asciiLower(name))
	if err != nil {
		return "", false
	}
	suffix, icann := publicsuffix.PublicSuffix(ascii)
	// A private entry sits under an ICANN one: step up a label at a
	// time. A suffix that is neither is the list's default rule (any
	// unlisted last label), which BigQuery does not count.
	for !icann {
		i := strings.IndexByte(suffix, '.')
		if i < 0 {
			return "", false
		}
		suffix, icann = publicsuffix.PublicSuffix(suffix[i+1:])
	}
	labels := strings.Split(name, ".")
	n := strings.Count(suffix, ".") + 1
	if domain {
		n++
	}
	if n > len(labels) {
		return "", false // the host is a public suffix itself
	}
	return strings.Join(labels[len(labels)-n:], "."), true
}

// asciiLower lower-cases A-Z only, keeping every other byte where it is.
func asciiLower(s string) string {
	return strings.Map(func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}

// isIPv4 tells a dotted IPv4 address, which has no public suffix.
func isIPv4(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts) != 4 {
		return false
	}
	for _, p := range parts {
		if p == "" || len(p) > 3 || strings.Trim(p, "0123456789") != "" {
			return false
		}
	}
	return true
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
