package sqlfunc

import (
	"strings"

	"github.com/ncruces/go-sqlite3"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// BigQuery's NORMALIZE(s [, mode]) and NORMALIZE_AND_CASEFOLD(s [, mode]):
// Unicode normalization in form NFC (the default), NFKC, NFD or NFKD, the
// second also folding case (full folding: 'ß' is 'ss'), so that strings
// differing only in their encoding, or their case, compare equal.

func init() {
	add(
		Func{Name: "normalize", NArgs: -1, Scalar: normalizeFunc("NORMALIZE", false)},
		Func{Name: "normalize_and_casefold", NArgs: -1, Scalar: normalizeFunc("NORMALIZE_AND_CASEFOLD", true)},
	)
}

// normalForms are the forms by name.
var normalForms = map[string]norm.Form{"NFC": norm.NFC, "NFKC": norm.NFKC, "NFD": norm.NFD, "NFKD": norm.NFKD}

// foldNormal is s normalized in form with its case folded; normalized
// again after folding, which can undo a composition.
func foldNormal(form norm.Form, s string) string {
	return form.String(cases.Fold().String(form.String(s)))
}

func normalizeFunc(fn string, fold bool) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if !called(ctx, fn, args, 1, 2, "takes a string and a mode (NFC, NFKC, NFD or NFKD)") || nullCall(ctx, args) {
			return
		}
		form := norm.NFC
		if len(args) == 2 {
			f, ok := normalForms[strings.ToUpper(args[1].Text())]
			if !ok {
				fail(ctx, fn, "%q is not a normalization mode (write NFC, NFKC, NFD or NFKD)", args[1].Text())
				return
			}
			form = f
		}
		s := form.String(args[0].Text())
		if fold {
			s = foldNormal(form, s)
		}
		ctx.ResultText(s)
	}
}
