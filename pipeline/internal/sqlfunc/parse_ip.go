package sqlfunc

import (
	"strconv"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// Snowflake's PARSE_IP(expr, 'INET' | 'CIDR'[, permissive]): an object of
// an IPv4 address's parts (functions/parse_ip): family 4, host as written
// (without its /prefix), ip_fields [ipv4, 0, 0, 0], ip_type as the type
// argument names it, ipv4 as a number, and, when a /prefix is written,
// netmask_prefix_length with the network's first and last addresses
// (ipv4_range_start, ipv4_range_end). snowflake$type is ip_address. A value
// that is no address fails, or with permissive 1 gives {"error": ...}.
// IPv6 addresses fail with a message naming them: their parts are not
// reproduced here.

func init() {
	add(Func{Name: "ip_parts_object", NArgs: -1, Scalar: ipPartsObject})
	rename("ip_parts_object", "parse_ip", "snowflake")
}

func ipPartsObject(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "PARSE_IP"
	if len(args) < 2 || len(args) > 3 {
		fail(ctx, fn, "takes an address, 'INET' or 'CIDR' and an optional permissive flag (0 or 1), got %d arguments", len(args))
		return
	}
	if anyNull(args) {
		ctx.ResultNull()
		return
	}
	kind := strings.ToLower(args[1].Text())
	if kind != "inet" && kind != "cidr" {
		fail(ctx, fn, "type must be 'INET' or 'CIDR', not %q", args[1].Text())
		return
	}
	parts, errText := ipv4Parts(strings.TrimSpace(args[0].Text()), kind)
	if errText == "ipv6" {
		fail(ctx, fn, "%q is an IPv6 address, whose parts are not supported here (IPv4 addresses are)", args[0].Text())
		return
	}
	resultParts(ctx, fn, parts, errText, len(args) == 3 && args[2].Int64() == 1)
}

// ipv4Parts reads an IPv4 address with an optional /prefix; errText says
// why it cannot ("ipv6" for an IPv6 address).
func ipv4Parts(s, kind string) (parts map[string]any, errText string) {
	host, prefixText, hasPrefix := strings.Cut(s, "/")
	if strings.Contains(host, ":") && parseIP(host) != nil {
		return nil, "ipv6"
	}
	b := parseIP(host)
	if len(b) != 4 {
		return nil, "invalid IP address: " + strconv.Quote(s)
	}
	ip := int64(b[0])<<24 | int64(b[1])<<16 | int64(b[2])<<8 | int64(b[3])
	parts = map[string]any{"family": 4, "host": host, "ip_fields": []int64{ip, 0, 0, 0}, "ip_type": kind,
		"ipv4": ip, "snowflake$type": "ip_address"}
	if hasPrefix {
		n, err := strconv.Atoi(prefixText)
		if err != nil || n < 0 || n > 32 || prefixText == "" || strings.TrimLeft(prefixText, "0123456789") != "" {
			return nil, "invalid network prefix length: " + strconv.Quote(s)
		}
		mask := int64(0xffffffff) << (32 - n) & 0xffffffff
		parts["netmask_prefix_length"] = n
		parts["ipv4_range_start"] = ip & mask
		parts["ipv4_range_end"] = ip&mask | ^mask&0xffffffff
	}
	return parts, ""
}
