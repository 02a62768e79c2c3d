package jinja

import "github.com/nikolalohinski/gonja/v2/tokens"

// Jinja2 reads string literals that follow each other as one string, as
// Python does ("a" 'b' is "ab"); gonja refuses the second. joinAdjacentStrings
// merges them into the first token. A token's text is either a plain body
// without backslashes or parserEscaped's complete escapes, so the texts
// join without one changing the meaning of the next.
func joinAdjacentStrings(in []*tokens.Token) []*tokens.Token {
	out := in[:0]
	for _, t := range in {
		if n := len(out); n > 0 && t.Type == tokens.String && out[n-1].Type == tokens.String {
			joined := *out[n-1]
			joined.Val += t.Val
			out[n-1] = &joined
			continue
		}
		out = append(out, t)
	}
	return out
}
