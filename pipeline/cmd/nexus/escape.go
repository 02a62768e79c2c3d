package main

import (
	"fmt"
	"io"
	"os"
	"unicode/utf8"
)

// termWriter escapes what a terminal would obey instead of print: control
// characters other than newline and tab (ESC starts the sequences that
// clear the screen, set the title or write the clipboard), C1 controls,
// bidirectional overrides and bytes that are not UTF-8. A project's names,
// cells, vars and messages are data and are shown as such.
type termWriter struct {
	w     io.Writer
	carry []byte // the start of a rune split across two writes
}

func (t *termWriter) Write(p []byte) (int, error) {
	buf := append(t.carry, p...)
	t.carry = nil
	out := make([]byte, 0, len(buf))
	for i := 0; i < len(buf); {
		r, size := utf8.DecodeRune(buf[i:])
		if r == utf8.RuneError && size <= 1 && !utf8.FullRune(buf[i:]) {
			t.carry = append([]byte(nil), buf[i:]...)
			break
		}
		switch {
		case r == utf8.RuneError && size == 1:
			out = fmt.Appendf(out, `\x%02x`, buf[i])
		case r < 0x20 && r != '\n' && r != '\t', r == 0x7f:
			out = fmt.Appendf(out, `\x%02x`, r)
		case r >= 0x80 && r <= 0x9f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			out = fmt.Appendf(out, `\u%04x`, r)
		default:
			out = append(out, buf[i:i+size]...)
		}
		i += size
	}
	if _, err := t.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// isTerminal tells whether w is a terminal rather than a pipe or a file.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
