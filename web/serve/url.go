package serve

import (
	"net"
	"strings"
)

// URL is the address a person opens for a listen address: ":8080" and
// "0.0.0.0:8080" are http://localhost:8080/, "127.0.0.1:8191" stays as it is.
func URL(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "http://" + addr + "/"
	}
	switch host {
	case "", "0.0.0.0", "::":
		host = "localhost"
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	return "http://" + host + ":" + port + "/"
}
