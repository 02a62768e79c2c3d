package jinja

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/nikolalohinski/gonja/v2/parser"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
)

var (
	syntaxLine  = regexp.MustCompile(`\(Line: (\d+) Col: (\d+)`)
	atLine      = regexp.MustCompile(`at line (\d+)`)
	inMacro     = regexp.MustCompile(`Unable to execute macro '([^']*)'`)
	notCallable = regexp.MustCompile(`(?:^|: )([A-Za-z_][A-Za-z0-9_.]*) is not callable`)
	// noMethod is a call of a method one of the playground's objects
	// (adapter, api, modules...: gonja prints them as dicts of functions)
	// does not have; funcMember lists the ones it has.
	noMethod   = regexp.MustCompile(`invalid call to method '([A-Za-z_][A-Za-z0-9_]*)' of (\{.*<func\(.*?\}): unknown method`)
	funcMember = regexp.MustCompile(`'([A-Za-z_][A-Za-z0-9_]*)': <func\(`)
	// noMember is a call of a name a package's namespace does not have
	// (dbt_utils.group_by where no dbt_utils is loaded), or of a member
	// of an undefined name (fivetran_utils.x where no such package is).
	noMember = regexp.MustCompile(`invalid call to method '([A-Za-z_][A-Za-z0-9_]*)' of ([A-Za-z_][A-Za-z0-9_]*)?: '[A-Za-z_][A-Za-z0-9_]*' is not callable`)
	// wrappers gonja puts around an error on its way up.
	wrappers = []*regexp.Regexp{
		regexp.MustCompile(`Unable to render expression at line \d+: `),
		regexp.MustCompile(`Unable to execute controlStructure at line \d+: `),
		regexp.MustCompile(`Unable to render condition at line \d+: `),
		regexp.MustCompile(`\w+ControlStructure\(Line=\d+ Col=\d+\): `),
		regexp.MustCompile(`invalid call to function '[^']*': `),
		regexp.MustCompile(`Unable to execute macro '[^']*': `),
		regexp.MustCompile(`(?i)unable to evaluate parameters: `),
	}
)

// syntaxDiagnostic turns a parse error into a diagnostic at its line. line
// is where the parser stopped, used when the error has no position.
func syntaxDiagnostic(path string, err error, line int) *diag.Diagnostic {
	var se *parser.SyntaxError
	if errors.As(err, &se) && se.Line > 0 {
		d := diag.Errorf(path, se.Line, "syntax error: %s", strings.TrimSuffix(se.Message, "."))
		if se.Raw != "" {
			d.Message += fmt.Sprintf(" near %q", se.Raw)
		}
		return d
	}
	msg := err.Error()
	if m := syntaxLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = strings.TrimSpace(msg[:strings.Index(msg, m[0])])
	}
	return diag.Errorf(path, line, "syntax error: %s", strings.TrimSuffix(msg, "."))
}

// diagnose turns a render error into a diagnostic at the model's line. When
// the error happened inside a macro of a macro file, the message says which
// macro and where.
func (e *Env) diagnose(path string, err error) *diag.Diagnostic {
	text := err.Error()

	// Lines before the first macro frame are the model's; after the last,
	// the innermost macro's.
	modelPart, macroPart, macroName := text, "", ""
	if locs := inMacro.FindAllStringSubmatchIndex(text, -1); locs != nil {
		first, last := locs[0], locs[len(locs)-1]
		name := text[last[2]:last[3]]
		if _, ok := e.macroFile[name]; ok {
			modelPart = text[:first[0]]
			macroPart = text[last[1]:]
			macroName = name
		}
	}
	line := lastLine(modelPart)

	var d diag.Diagnostic
	// A failed call whose result is called again (adapter.dispatch(...)())
	// reaches us as "... is not callable" without the cause.
	if f := e.failure; f != nil && (strings.Contains(text, f.Message) || strings.Contains(text, ") is not callable")) {
		d = *f
	} else {
		d = diag.Diagnostic{Severity: diag.Error, Message: rootCause(text)}
		if m := noMethod.FindStringSubmatch(text); m != nil {
			var has []string
			for _, f := range funcMember.FindAllStringSubmatch(m[2], -1) {
				has = append(has, f[1]+"()")
			}
			d.Message = fmt.Sprintf("%s() is not available here", m[1])
			d.Hint = "the playground's object has " + strings.Join(has, ", ")
		} else if m := noMember.FindStringSubmatch(text); m != nil && m[2] != "" {
			d.Message = fmt.Sprintf("'%s.%s' is undefined: %s has no macro %s", m[2], m[1], m[2], m[1])
			d.Hint = "check the spelling, or install the package that defines it: list it in packages.yml and ship it in dbt_packages/ (a package's own dependencies too, as dbt deps installs them)"
		} else if m != nil {
			d.Message = fmt.Sprintf("%s() is called on a name that is undefined", m[1])
			d.Hint = "a package called as pkg." + m[1] + "() must be installed: list it in packages.yml and ship it in dbt_packages/ (a package's own dependencies too, as dbt deps installs them), or check the spelling"
		} else if m := notCallable.FindStringSubmatch(text); m != nil {
			d.Message = fmt.Sprintf("'%s' is undefined", m[1])
			d.Hint = "no macro or function has this name; define it in macros/ or check the spelling"
			if dbtOwnMacros[strings.TrimPrefix(m[1], "dbt.")] {
				d.Hint = "it is dbt's own macro, which the playground does not provide: the engine runs materializations, incremental strategies, snapshots and seeds itself; write the SQL the macro would give, or leave the call to a branch the playground does not take"
			}
		}
	}
	if d.File == "" {
		d.File, d.Line = path, line
	}
	if macroName != "" {
		at := e.macroFile[macroName]
		if l := lastLine(macroPart); l > 0 {
			at += ":" + strconv.Itoa(l)
		}
		d.Message += fmt.Sprintf(" (in macro %s at %s)", macroName, at)
	}
	return &d
}

func lastLine(s string) int {
	m := atLine.FindAllStringSubmatch(s, -1)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[len(m)-1][1])
	return n
}

// rootCause strips gonja's wrapping from an error text.
func rootCause(text string) string {
	for _, w := range wrappers {
		if loc := w.FindAllStringIndex(text, -1); loc != nil {
			if end := loc[len(loc)-1][1]; end < len(text) {
				text = text[end:]
			}
		}
	}
	text = strings.TrimPrefix(text, "unable to execute template: ")
	if m := itemOfNone.FindStringSubmatch(text); m != nil {
		return fmt.Sprintf("%s takes an item or attribute of None or of an undefined value (in Jinja2: has no attribute)", readableExpr(m[1]))
	}
	return text
}

// itemOfNone is gonja's failure to index None or an undefined value
// (d['missing'][0], d.missing.b), with the expression as its tree prints.
var itemOfNone = regexp.MustCompile(`(?is)^unable to evaluate (.*): Can't use Getitem on None$`)

// readableExpr writes gonja's printed expression tree as the template
// wrote it: call([x], map[]), its node for a name or a lookup, is x.
func readableExpr(s string) string {
	for from := 0; ; {
		i := strings.Index(s[from:], "call([")
		if i < 0 {
			return s
		}
		i += from
		depth, end := 0, -1
		for j := i + 4; j < len(s) && end < 0; j++ {
			switch s[j] {
			case '(', '[':
				depth++
			case ')', ']':
				depth--
				if depth == 0 {
					end = j
				}
			}
		}
		inner := ""
		if end > 0 {
			inner = s[i+5 : end] // [x], map[]
		}
		x, ok := strings.CutSuffix(inner, "], map[]")
		if !ok || !strings.HasPrefix(x, "[") {
			from = i + 1
			continue
		}
		s = s[:i] + x[1:] + s[end+1:]
	}
}

// dbtOwnMacros are macros of dbt's global project that the playground's
// engine replaces with its own code: a package calling one directly is
// told so, where "check the spelling" would mislead.
var dbtOwnMacros = map[string]bool{
	"get_incremental_append_sql": true, "get_incremental_delete_insert_sql": true, "get_incremental_merge_sql": true,
	"get_incremental_insert_overwrite_sql": true, "get_incremental_default_sql": true, "get_incremental_microbatch_sql": true,
	"check_for_schema_changes": true, "sync_column_schemas": true,
	"process_schema_changes": true, "incremental_validate_on_schema_change": true, "get_rename_sql": true,
	"get_replace_sql": true, "get_drop_sql": true, "get_create_backup_sql": true, "get_create_intermediate_sql": true,
	"snapshot_merge_sql": true, "build_snapshot_table": true, "snapshot_staging_table": true,
	"load_csv_rows": true, "create_csv_table": true, "reset_csv_table": true, "apply_grants": true,
	"persist_docs": true, "alter_column_comment": true, "alter_relation_comment": true,
}
