package sqlfunc

import (
	"errors"
	"strconv"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// BigQuery's NET.IP_FROM_STRING, NET.SAFE_IP_FROM_STRING, NET.IP_TO_STRING,
// NET.IPV4_FROM_INT64, NET.IPV4_TO_INT64, NET.IP_NET_MASK and NET.IP_TRUNC
// (net_functions), which the translator writes net_ip('ip_to_string', x):
// addresses are BYTES in network order, 4 bytes for IPv4 and 16 for IPv6
// (an IPv4-mapped ::ffff:192.0.2.128 stays 16 and is written so); text is
// dotted quads or IPv6's colon form, without CIDR suffixes or zones, and
// IPv6 is written with its longest run of two or more zero groups as ::.
// One function reads and writes them all, rather than net/netip, to keep
// the js/wasm build small.

func init() {
	add(Func{Name: "net_ip", NArgs: -1, Scalar: netIP})
}

// parseIP reads an address: four numbers from 0 to 255 without leading
// zeros, or colon groups of 1 to 4 hex digits with at most one :: for a
// run of zero groups and a dotted quad for the last 32 bits.
func parseIP(s string) []byte {
	if !strings.Contains(s, ":") {
		if b := ipGroups(s, true, 4); len(b) == 4 {
			return b
		}
		return nil
	}
	head, tail, gap := s, "", false
	if i := strings.Index(s, "::"); i >= 0 {
		head, tail, gap = s[:i], s[i+2:], true
	}
	h := ipGroups(head, !gap, 16)
	t := ipGroups(tail, true, 16)
	switch {
	case h == nil || t == nil:
		return nil
	case gap && len(h)+len(t) <= 14:
		return append(append(h, make([]byte, 16-len(h)-len(t))...), t...)
	case !gap && len(h) == 16:
		return h
	}
	return nil
}

// ipGroups reads colon groups of hex digits, the last one a dotted quad
// when quadLast, as at most size bytes; nil when they are not that.
func ipGroups(s string, quadLast bool, size int) []byte {
	out := []byte{}
	if s == "" {
		return out
	}
	parts := strings.Split(s, ":")
	for i, p := range parts {
		if quadLast && i == len(parts)-1 && strings.Contains(p, ".") {
			quad := strings.Split(p, ".")
			for _, q := range quad {
				n, err := strconv.Atoi(q)
				if err != nil || len(quad) != 4 || q[0] == '+' || q[0] == '-' || n > 255 || len(q) > 1 && q[0] == '0' {
					return nil
				}
				out = append(out, byte(n))
			}
			continue
		}
		n, err := strconv.ParseUint(p, 16, 16)
		if err != nil || len(p) > 4 || p[0] == '+' || size == 4 {
			return nil
		}
		out = append(out, byte(n>>8), byte(n))
	}
	if len(out) > size {
		return nil
	}
	return out
}

// formatIP writes 4 bytes as a dotted quad and 16 as IPv6, "" where the
// written form is not certain: the deprecated IPv4-compatible ::a.b.c.d,
// which some libraries write with a dotted quad and others without.
func formatIP(b []byte) string {
	var out []byte
	if len(b) == 4 {
		for i, c := range b {
			if i > 0 {
				out = append(out, '.')
			}
			out = strconv.AppendInt(out, int64(c), 10)
		}
		return string(out)
	}
	// the longest run of zero groups, two or more, the first of equals
	best, bestLen := -1, 1
	for i, run := 0, 0; i < 8; i++ {
		if run = run + 1; b[2*i]|b[2*i+1] != 0 {
			run = 0
		} else if run > bestLen {
			best, bestLen = i-run+1, run
		}
	}
	switch {
	case best == 0 && bestLen == 5 && b[10]&b[11] == 0xff:
		return "::ffff:" + formatIP(b[12:])
	case best == 0 && bestLen == 6 && b[12]|b[13] != 0:
		return ""
	}
	for i := 0; i < 8; i++ {
		switch {
		case i == best:
			out = append(out, "::"...)
			i += bestLen - 1
			continue
		case i > 0 && i != best+bestLen:
			out = append(out, ':')
		}
		out = strconv.AppendUint(out, uint64(b[2*i])<<8|uint64(b[2*i+1]), 16)
	}
	return string(out)
}

// netIP is net_ip(op, args...), NET.<op>(args...).
func netIP(ctx sqlite3.Context, args ...sqlite3.Value) {
	op := args[0].Text()
	want := 2
	if op == "ip_net_mask" || op == "ip_trunc" {
		want = 3
	}
	if len(args) != want {
		ctx.ResultError(errors.New("net_ip: takes the function's name and its arguments"))
		return
	}
	args = args[1:]
	if nullCall(ctx, args) {
		return
	}
	addr := []byte(args[0].Text()) // BYTES, or text read as its bytes
	if args[0].Type() == sqlite3.BLOB {
		addr = args[0].RawBlob()
	}
	n, isInt := integer(args[len(args)-1])
	var out []byte
	why := ""
	switch op {
	case "ip_from_string", "safe_ip_from_string":
		if out = parseIP(args[0].Text()); out == nil && op == "ip_from_string" {
			why = "the text is not an IPv4 or IPv6 address"
		}
	case "ipv4_from_int64":
		if !isInt || n < -0x80000000 || n > 0xFFFFFFFF {
			why = "the integer is not from -0x80000000 to 0xFFFFFFFF"
		}
		out = []byte{byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)}
	case "ip_net_mask":
		addr = []byte("\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff")
		if k, ok := integer(args[0]); !ok || k != 4 && k != 16 {
			why = "the number of bytes is not 4 or 16"
		} else {
			addr = addr[:k]
		}
	}
	switch {
	case why != "":
	case op != "ip_to_string" && op != "ipv4_to_int64" && op != "ip_trunc" && op != "ip_net_mask":
	case len(addr) != 4 && len(addr) != 16 || op == "ipv4_to_int64" && len(addr) != 4:
		why = "the address has neither 4 bytes (IPv4) nor 16 (IPv6)"
	case op == "ipv4_to_int64":
		ctx.ResultInt64(int64(addr[0])<<24 | int64(addr[1])<<16 | int64(addr[2])<<8 | int64(addr[3]))
		return
	case op == "ip_to_string":
		if s := formatIP(addr); s != "" {
			ctx.ResultText(s)
			return
		}
		why = "an IPv4-compatible address (96 zero bits, then IPv4) is written differently by different libraries; write NET.IP_TO_STRING(SUBSTR(x, 13)) for its IPv4 part"
	case !isInt || n < 0 || n > int64(8*len(addr)):
		why = "the prefix length is not from 0 to the address's bits"
	default:
		out = make([]byte, len(addr))
		for i := range out {
			out[i] = addr[i] & byte(uint(0xFF00)>>min(max(int(n)-8*i, 0), 8))
		}
	}
	switch {
	case why != "":
		fail(ctx, "NET."+strings.ToUpper(op), "%s: %s", why, argList(args))
	case out == nil:
		ctx.ResultNull()
	default:
		ctx.ResultBlob(out)
	}
}
