package serve

import "testing"

func TestURL(t *testing.T) {
	for _, tc := range []struct{ addr, want string }{
		{":8080", "http://localhost:8080/"},
		{"127.0.0.1:8191", "http://127.0.0.1:8191/"},
		{"0.0.0.0:9000", "http://localhost:9000/"},
		{"[::]:9000", "http://localhost:9000/"},
		{"[::1]:9000", "http://[::1]:9000/"},
		{"example.org:80", "http://example.org:80/"},
	} {
		if got := URL(tc.addr); got != tc.want {
			t.Errorf("URL(%q) = %q, want %q", tc.addr, got, tc.want)
		}
	}
}
