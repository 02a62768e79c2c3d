package sqlfunc

import "testing"

// Text too short or shaped otherwise is no timestamp, and never a panic.
func TestParseTimestampTextShort(t *testing.T) {
	for _, s := range []string{"", "0", "0000", "2024", " 2024 ", "2024-", "2024-1"} {
		if _, ok := parseTimestampText(s); ok {
			t.Errorf("parseTimestampText(%q) read a timestamp", s)
		}
	}
	if p, ok := parseTimestampText("2024-1-2"); !ok || p.wall.Day() != 2 {
		t.Errorf("parseTimestampText(2024-1-2) = %v, %v", p, ok)
	}
}
