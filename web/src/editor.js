// The code editor: one CodeMirror view whose state is swapped per file, so
// each file keeps its own undo history, and the last run's diagnostics are
// underlined in whichever file they name.

import { EditorView, basicSetup } from "codemirror";
import { EditorState } from "@codemirror/state";
import { keymap } from "@codemirror/view";
import { sql, SQLite } from "@codemirror/lang-sql";
import { yaml } from "@codemirror/lang-yaml";
import { StreamLanguage } from "@codemirror/language";
import { setDiagnostics, lintGutter } from "@codemirror/lint";
import { closeCompletion } from "@codemirror/autocomplete";

// csv colours quoted cells and separators; enough to read a seed.
const csv = StreamLanguage.define({
  token(stream) {
    if (stream.eat('"')) {
      while (!stream.eol()) {
        if (stream.next() === '"' && !stream.eat('"')) break;
      }
      return "string";
    }
    if (stream.eat(",")) return "punctuation";
    if (stream.match(/^-?\d+(\.\d+)?(?=,|$)/)) return "number";
    stream.eatWhile(/[^,"]/);
    return null;
  },
});

export function languageFor(path) {
  if (/\.sql$/i.test(path) || path.startsWith("compiled:")) return sql({ dialect: SQLite });
  if (/\.ya?ml$/i.test(path)) return yaml();
  if (/\.csv$/i.test(path)) return csv;
  return [];
}

const theme = EditorView.theme({
  "&": { height: "100%", fontSize: "13px" },
  ".cm-scroller": { fontFamily: "var(--mono)", lineHeight: "1.5" },
  ".cm-gutters": { background: "var(--panel)", borderRight: "1px solid var(--line)", color: "var(--muted)" },
  ".cm-activeLineGutter": { background: "var(--hover)" },
  ".cm-tooltip-lint": { fontFamily: "var(--mono)", fontSize: "12px" },
  // Completion icons as plain letters: CodeMirror's defaults (𝑥, 𝐶, 🔑...)
  // have no glyph in many system fonts and show as empty boxes.
  ".cm-completionIcon": { fontFamily: "var(--sans)", fontSize: "10px", fontWeight: "700", width: "1.2em", opacity: "0.75" },
  ...Object.fromEntries(Object.entries({
    function: "fn", method: "fn", class: "C", interface: "I", variable: "v", constant: "c", type: "T", enum: "E",
    property: "p", keyword: "K", namespace: "S", text: "t",
  }).map(([kind, letter]) => [`.cm-completionIcon-${kind}:after`, { content: `'${letter}'`, fontSize: "10px", verticalAlign: "baseline" }])),
});

// shadowMount gives CodeMirror a shadow root to live in. In a shadow root
// CodeMirror's styles go into constructed style sheets, which the page's
// strict style-src allows; in the document they would be inline <style>
// elements, which it blocks.
export function shadowMount(host) {
  const root = host.attachShadow({ mode: "open" });
  const inner = document.createElement("div");
  inner.className = "cm-host";
  inner.style.height = "100%";
  root.appendChild(inner);
  return { root, parent: inner };
}

export class Editor {
  constructor(parent, { onChange, onRun }) {
    this.onChange = onChange;
    this.onRun = onRun;
    this.states = new Map(); // key -> EditorState
    this.diags = new Map(); // key -> [{line, col, message, severity}]
    this.key = null;
    const { root, parent: inner } = shadowMount(parent);
    this.view = new EditorView({ root, parent: inner, state: this.makeState("", "", false) });
  }

  makeState(key, text, readOnly) {
    return EditorState.create({
      doc: text,
      extensions: [
        keymap.of([{ key: "Mod-Enter", preventDefault: true, run: () => (this.onRun(), true) }]),
        basicSetup,
        lintGutter(),
        languageFor(key),
        theme,
        EditorState.readOnly.of(readOnly),
        EditorView.editable.of(!readOnly),
        EditorView.updateListener.of((u) => {
          if (u.docChanged && this.key === key && !readOnly) this.onChange(key, u.state.doc.toString());
        }),
      ],
    });
  }

  // open shows a file; text is used when the file has no state yet.
  open(key, text, readOnly) {
    if (this.key !== null) this.states.set(this.key, this.view.state);
    let st = this.states.get(key);
    if (!st || st.doc.toString() !== text) st = this.makeState(key, text, readOnly);
    this.key = key;
    this.view.setState(st);
    this.applyDiagnostics();
  }

  text() {
    return this.view.state.doc.toString();
  }

  // closePopups closes the completion list, which would otherwise stay open
  // over the results after Run.
  closePopups() {
    closeCompletion(this.view);
  }

  forget(key) {
    this.states.delete(key);
    if (this.key === key) this.key = null;
  }

  reset() {
    this.states.clear();
    this.diags.clear();
    this.key = null;
    this.view.setState(this.makeState("", "", true));
  }

  // setDiagnostics replaces all diagnostics: a map from file key to a list
  // of {line (1-based), col (1-based or 0), message, severity}.
  setDiagnostics(byFile) {
    this.diags = byFile;
    this.applyDiagnostics();
  }

  applyDiagnostics() {
    const list = this.diags.get(this.key) || [];
    const doc = this.view.state.doc;
    const out = [];
    for (const d of list) {
      const n = Math.min(Math.max(d.line || 1, 1), doc.lines);
      const line = doc.line(n);
      const indent = line.text.length - line.text.trimStart().length;
      let from = line.from + (d.col > 0 ? Math.min(d.col - 1, line.length) : indent);
      let to = line.to;
      if (d.col > 0) {
        const m = /^[\w."]+/.exec(line.text.slice(from - line.from));
        to = from + (m ? m[0].length : 1);
      }
      if (to <= from) to = Math.min(from + 1, doc.length);
      if (from >= to) from = Math.max(to - 1, 0);
      out.push({ from, to, severity: d.severity === "warning" ? "warning" : "error", message: d.message });
    }
    this.view.dispatch(setDiagnostics(this.view.state, out));
  }

  gotoLine(n) {
    const doc = this.view.state.doc;
    const line = doc.line(Math.min(Math.max(n, 1), doc.lines));
    this.view.dispatch({ selection: { anchor: line.from }, scrollIntoView: true });
    this.view.focus();
  }
}

// consoleEditor is the small SQL box of the console tab.
export function consoleEditor(parent, onRun) {
  const { root, parent: inner } = shadowMount(parent);
  return new EditorView({
    root,
    parent: inner,
    state: EditorState.create({
      doc: "",
      extensions: [
        keymap.of([{ key: "Mod-Enter", preventDefault: true, run: () => (onRun(), true) }]),
        basicSetup,
        sql({ dialect: SQLite }),
        theme,
      ],
    }),
  });
}

export function setText(view, text) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}
