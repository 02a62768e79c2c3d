package engine

import (
	"encoding/json"
	"fmt"
	"hash"
	"strconv"
	"unsafe"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
	"github.com/nexus-playground/nexus/pipeline/internal/project"
)

// memo keeps what rendering produced in the last build, so the next build of
// a session (the playground's next Run) renders only the files whose inputs
// changed, as dbt's partial parsing does. Rendering is a third of a small
// project's build, and all of it runs again when nothing changed.
//
// A parse render (execute=false) is reused when its file, its config and
// the project's universe are the same: vars, macros, and the names, flags
// and configs of every model, seed and source, which is all ref, source,
// var, config and nexus_has_model can read at parse time. An execution
// render is reused when its file and config and the project's shape (the
// universe plus every model's relation and config after parsing) are the
// same, and when what it read from the database (run_query answers, a
// relation's columns) reads the same again now. A render that resolved
// identities is reused while the relations the resolution read and wrote
// keep their versions (renderEffects). A render that changed data through
// run_query is rendered again every time. Dialect translation is remembered by the rendered text.
type memo struct {
	parsed   map[renderKey]parsedNode
	rendered map[renderKey]renderedNode
	// translated maps a dialect and rendered SQL to its SQLite.
	translated map[translationKey]translation
	// next* collect what this build used; older entries are dropped so the
	// memo holds one build's worth.
	nextParsed     map[renderKey]parsedNode
	nextRendered   map[renderKey]renderedNode
	nextTranslated map[translationKey]translation
}

type renderedNode struct {
	out   string
	reads []dataRead
	outs  []jinja.MacroOutput // what macros wrote into out (macroline.go)
	// identity is what the render's identity resolution reported.
	identity []IdentityReport
}

// dataRead is one question a render asked the database, with its answer.
type dataRead struct {
	kind   string // "query", "relations", "columns", "built columns", "clean" or "version"
	arg    string // the SQL, the relation as schema\x00name, or its version key
	answer string
}

type parsedNode struct {
	deps []string
	cfg  project.Config
	// refs are the relations ref() gave while parsing, by model name: a
	// model parsed earlier may have moved (its own config() sets schema or
	// alias), and a config() here may have used the name.
	refs map[string]string
}

// begin starts a build: entries not used by it are forgotten at finish.
func (m *memo) begin() {
	if m == nil {
		return
	}
	m.nextParsed, m.nextRendered, m.nextTranslated = map[renderKey]parsedNode{}, map[renderKey]renderedNode{}, map[translationKey]translation{}
}

// cancel ends a build that used the last one's result whole: every entry
// stays for the next build.
func (m *memo) cancel() {
	if m != nil {
		m.nextParsed, m.nextRendered, m.nextTranslated = nil, nil, nil
	}
}

// finish keeps the entries of the build that just ran.
func (m *memo) finish() {
	if m == nil || m.nextParsed == nil {
		return
	}
	m.parsed, m.rendered, m.translated = m.nextParsed, m.nextRendered, m.nextTranslated
	m.nextParsed, m.nextRendered, m.nextTranslated = nil, nil, nil
}

func (m *memo) parse(key renderKey) (parsedNode, bool) {
	if m == nil || key.state == "" {
		return parsedNode{}, false
	}
	n, ok := m.parsed[key]
	if !ok {
		return parsedNode{}, false
	}
	if m.nextParsed != nil {
		m.nextParsed[key] = n
	}
	return parsedNode{deps: append([]string(nil), n.deps...), cfg: n.cfg.Clone(), refs: n.refs}, ok
}

// keepParses keeps every parse render for the next build: a build that
// takes the last plan again (samefiles.go) parses nothing, and the build
// after it, of an edited project, still finds the renders of the files
// that did not change.
func (m *memo) keepParses() {
	if m == nil || m.nextParsed == nil {
		return
	}
	for k, n := range m.parsed {
		m.nextParsed[k] = n
	}
}

func (m *memo) keepParse(key renderKey, n parsedNode) {
	if m == nil || key.state == "" || m.nextParsed == nil {
		return
	}
	m.nextParsed[key] = parsedNode{deps: append([]string(nil), n.deps...), cfg: n.cfg.Clone(), refs: n.refs}
}

// render returns the memoized output of key when every read it made
// answers the same now (ask gives today's answer, and the read as it is
// to be asked next time).
func (m *memo) render(key renderKey, ask func(dataRead) (string, dataRead, error)) (renderedNode, bool) {
	if m == nil || key.state == "" {
		return renderedNode{}, false
	}
	n, ok := m.rendered[key]
	if !ok {
		return renderedNode{}, false
	}
	var renewed []dataRead
	for i, r := range n.reads {
		now, next, err := ask(r)
		if err != nil || now != r.answer {
			return renderedNode{}, false
		}
		if next != r {
			if renewed == nil {
				renewed = append([]dataRead(nil), n.reads...)
			}
			renewed[i] = next
		}
	}
	if renewed != nil {
		n.reads = renewed
	}
	if m.nextRendered != nil {
		m.nextRendered[key] = n
	}
	return n, true
}

func (m *memo) keepRender(key renderKey, n renderedNode) {
	if m == nil || key.state == "" || m.nextRendered == nil {
		return
	}
	m.nextRendered[key] = n
}

// translate is dialect translation of rendered SQL, remembered: the same
// text of the same dialect, session and schemas translates the same way while the column types
// it read are the same (same tells).
func (m *memo) translate(d dialect.Dialect, session dialect.Session, schemas dialect.Schemas, rendered string, same func(translation) bool, translate func() (translation, error)) (translation, error) {
	if m == nil {
		return translate()
	}
	key := translationKey{d, session, schemas, rendered}
	out, ok := m.translated[key]
	if !ok || !same(out) {
		var err error
		if out, err = translate(); err != nil {
			return translation{}, err
		}
	}
	if m.nextTranslated != nil {
		m.nextTranslated[key] = out
	}
	return out, nil
}

// translationKey names a translation without copying the rendered SQL.
type translationKey struct {
	dialect  dialect.Dialect
	session  dialect.Session
	schemas  dialect.Schemas
	rendered string
}

// renderKey names one render: the state it depends on (universe or
// shape), the file, its text, its relation and its config. The zero key
// means "do not memoize" (a config that cannot be written down). The
// texts are kept as they are, not hashed: a map compares them faster
// than SHA-256 reads them, in js/wasm most of all, and no two differ by
// chance.
type renderKey struct {
	state, file, src, schema, name, config string
}

func nodeKey(state, file, src string, this jinja.Relation, cfg project.Config) renderKey {
	if state == "" {
		return renderKey{}
	}
	c, err := configText(cfg)
	if err != nil {
		return renderKey{}
	}
	return renderKey{state, file, src, this.Schema, this.Name, c}
}

// configText writes a config down for comparison. It runs for every
// model several times a build, so it appends instead of formatting.
func configText(c project.Config) (string, error) {
	b := make([]byte, 0, 64)
	for _, s := range []string{c.Schema, c.Alias, c.Materialized} {
		b = append(strconv.AppendQuote(b, s), ' ')
	}
	b = append(b, '[')
	for _, t := range c.Tags {
		b = append(strconv.AppendQuote(b, t), ' ')
	}
	b = append(strconv.AppendBool(append(b, "] "...), c.Enabled), ' ')
	b = append(strconv.AppendQuote(b, c.Severity), ' ')
	switch {
	case c.Extra == nil:
		b = append(b, "null"...)
	case len(c.Extra) == 0:
		b = append(b, "{}"...)
	default:
		extra, err := json.Marshal(c.Extra)
		if err != nil {
			return "", err
		}
		b = append(b, extra...)
	}
	return string(b), nil
}

// writeParts hashes parts, each after its length, so that no two lists
// write the same bytes. A part is written as it is, not copied: parts are
// whole files and SQL, hashed several times a build.
func writeParts(h hash.Hash, parts ...string) {
	head := make([]byte, 0, 24)
	for _, p := range parts {
		head = append(strconv.AppendInt(head[:0], int64(len(p)), 10), ':')
		h.Write(head)
		h.Write(unsafe.Slice(unsafe.StringData(p), len(p))) // hash.Hash does not keep or change what it is given
	}
}

// maxMemoAnswer is the largest run_query answer a memoized render keeps;
// maxMemoCells rules out larger answers before they are written down.
const (
	maxMemoAnswer = 1 << 20
	maxMemoCells  = 1 << 16
)

// answerText writes a database answer down for comparison; %#v keeps
// types apart (1 and "1" differ).
func answerText(parts ...any) string { return fmt.Sprintf("%#v", parts) }
