// The walkthroughs tab: one onboarding walkthrough per section of the
// dbt-nexus Common Tasks page (samples/walkthroughs, bundled as
// walkthroughs.json). A step shows its text, "Show me" applies its change to
// the editor's project (the files stay on this thread; the worker only
// computes the change, with the same code as `nexus walkthrough check`),
// Run runs its command, and its checks run in the worker before Next is
// enabled. ?walkthrough=NAME&step=N opens one at a step.

import { h, clear, $ } from "./dom.js";

export class Walkthroughs {
  constructor(app) {
    this.app = app;
    this.view = $("learn-view");
    this.list = [];
    this.w = null; // the open walkthrough
    this.index = 0; // 0-based step
    this.vars = {}; // vars set by the changes so far (like --vars)
    this.pending = []; // earlier steps' commands not yet run in this page
    this.applied = new Set(); // steps whose change has been applied
    this.passed = new Set(); // steps whose checks held
  }

  async load(version) {
    try {
      const resp = await fetch(`walkthroughs.json?v=${version}`);
      this.list = resp.ok ? await resp.json() : [];
    } catch (err) {
      this.list = [];
    }
    this.renderList();
  }

  // fromURL opens the walkthrough an address names, once the engine is up.
  // It answers whether one was opened.
  fromURL() {
    const params = new URLSearchParams(location.search);
    const name = params.get("walkthrough");
    if (!name) return false;
    const w = this.list.find((x) => x.name === name);
    if (!w) {
      this.app.flash(`No walkthrough named “${name}”.`);
      return false;
    }
    const step = Math.max(1, Math.min(w.steps.length, parseInt(params.get("step"), 10) || 1));
    this.open(w.name, step - 1);
    return true;
  }

  renderList() {
    const el = clear(this.view);
    this.w = null;
    el.dataset.state = "list";
    el.appendChild(h("p", { class: "muted" }, "Learn dbt-nexus by doing each task of the Common Tasks page. Each step says what to change, can make the change for you, runs, and checks the result."));
    if (!this.list.length) {
      el.appendChild(h("div", { class: "empty" }, "No walkthroughs were built into this site."));
      return;
    }
    const ul = h("ul", { class: "wt-list" });
    for (const w of this.list) {
      ul.appendChild(h("li", { tabindex: "0", dataset: { walkthrough: w.name }, onclick: () => this.open(w.name, 0),
        onkeydown: (e) => { if (e.key === "Enter") this.open(w.name, 0); } },
      h("b", null, w.title),
      h("span", { class: "muted" }, `${w.section || ""} · ${w.steps.length} steps · starts from ${w.sample}`)));
    }
    el.appendChild(ul);
  }

  // open starts a walkthrough from its sample. Opening at a later step
  // applies the earlier steps' changes and queues their commands, which
  // the first Run runs before the step's own.
  async open(name, step) {
    const w = this.list.find((x) => x.name === name);
    if (!w) return;
    const app = this.app;
    const sample = app.samples.find((s) => s.name === w.sample);
    if (!sample) {
      app.flash(`Walkthrough ${w.name} starts from sample ${w.sample}, which this site lacks.`);
      return;
    }
    app.loadSample(sample.name, true);
    // The walkthrough edits a copy of the sample as shipped that is never
    // saved, so a user's own edits of the sample stay in storage untouched.
    const p = app.project;
    p.files = new Map(Object.keys(sample.files).sort().map((k) => [k, sample.files[k]]));
    p.memory = true;
    p.touch = () => { p.edited = true; };
    p.save = () => {};
    p.edited = false;
    app.editor.reset();
    app.current = null;
    app.renderTrees();
    app.openFirst();
    this.w = w;
    this.vars = {};
    this.pending = [];
    this.applied = new Set();
    this.passed = new Set();
    app.runVars = undefined;
    for (let i = 0; i < step; i++) {
      const st = w.steps[i];
      if (st.change) await this.apply(i, true);
      if (st.command) this.pending.push(i);
      this.passed.add(i);
    }
    app.showTab("learn");
    this.show(step);
  }

  show(i) {
    const w = this.w;
    this.index = i;
    const st = w.steps[i];
    const u = new URL(location.href);
    u.searchParams.set("walkthrough", w.name);
    u.searchParams.set("step", String(i + 1));
    u.searchParams.delete("run");
    history.replaceState(null, "", u);

    const el = clear(this.view);
    el.dataset.state = "step";
    el.dataset.walkthrough = w.name;
    el.dataset.step = String(i + 1);
    el.dataset.check = this.passed.has(i) ? "pass" : "";
    const link = new URL(location.href);
    link.search = "";
    link.searchParams.set("walkthrough", w.name);
    link.searchParams.set("step", String(i + 1));
    el.appendChild(h("div", { class: "wt-head" },
      h("button", { type: "button", onclick: () => this.renderList() }, "◂ All walkthroughs"),
      h("b", null, w.title),
      w.section ? h("span", { class: "muted" }, w.section) : null,
      h("a", { class: "wt-link", href: link.href, title: "A link that opens this walkthrough at this step" }, "Link to this step")));
    const dots = h("ol", { class: "wt-steps" });
    w.steps.forEach((s, k) => dots.appendChild(h("li", {
      class: (k === i ? "current " : "") + (this.passed.has(k) ? "done" : ""), title: s.title,
    }, String(k + 1))));
    el.appendChild(dots);
    if (i === 0 && w.intro) el.appendChild(richText(w.intro, "wt-intro"));
    el.appendChild(h("h3", null, `Step ${i + 1} of ${w.steps.length}: ${st.title}`));
    if (st.text) el.appendChild(richText(st.text, "wt-text"));

    if (st.change) el.appendChild(describeChange(st.change));
    const cmd = st.command ? `${st.command}${st.select ? " --select " + st.select.join(" ") : ""}${st.exclude ? " --exclude " + st.exclude.join(" ") : ""}` : "";
    const runVars = { ...this.varsAfter(i), ...((st.change && st.change.vars) || {}) };
    const vars = Object.keys(runVars).length ? " --vars " + JSON.stringify(runVars) : "";
    if (cmd) el.appendChild(h("p", null, "Then run ", h("code", null, `dbt ${cmd}${vars}`), "."));

    const show = h("button", { type: "button", class: "wt-show", disabled: !st.change || this.applied.has(i), onclick: () => this.showMe() },
      this.applied.has(i) ? "Applied" : "Show me");
    const run = h("button", { type: "button", class: "primary wt-run", onclick: () => this.runStep() },
      cmd || this.pending.length ? "Run and check" : "Check");
    const next = h("button", { type: "button", class: "wt-next", disabled: !this.passed.has(i),
      onclick: () => (i + 1 < w.steps.length ? this.show(i + 1) : this.finish()) }, i + 1 < w.steps.length ? "Next ▸" : "Finish");
    const prev = h("button", { type: "button", disabled: i === 0, onclick: () => this.show(i - 1) }, "◂ Back");
    el.appendChild(h("div", { class: "wt-bar" }, prev, st.change ? show : null, run, next));
    this.checksEl = h("ul", { class: "wt-checks" });
    for (const c of st.checks || []) this.checksEl.appendChild(h("li", { class: "pending" }, checkLabel(c)));
    el.appendChild(this.checksEl);
    this.buttons = { show, run, next };
  }

  // varsAfter is the vars the commands of step i run with: those of the
  // changes applied up to it (a change not applied sets none).
  varsAfter(i) {
    const v = {};
    for (let k = 0; k <= i; k++) {
      const c = this.w.steps[k].change;
      if (c && c.vars && this.applied.has(k)) Object.assign(v, c.vars);
    }
    return v;
  }

  async showMe() {
    const ok = await this.apply(this.index, false);
    if (ok && this.buttons) {
      this.buttons.show.disabled = true;
      this.buttons.show.textContent = "Applied";
    }
  }

  // apply makes step i's change in the editor's project.
  async apply(i, quiet) {
    const app = this.app;
    const change = this.w.steps[i].change;
    const resp = await app.engine.call({ op: "walkthrough.apply", files: app.project.asObject(), vars: this.vars, identity: { change } });
    if (!resp.ok) {
      app.flash("The change could not be applied: " + (resp.error ? resp.error.message : "unknown error"));
      return false;
    }
    const r = resp.result;
    app.project.files = new Map(Object.keys(r.files).sort().map((k) => [k, r.files[k]]));
    app.project.touch();
    this.vars = r.vars || {};
    this.applied.add(i);
    app.renderTrees();
    if (!quiet) {
      const first = (r.written || [])[0];
      if (first) app.openFile(first);
      else if (app.current && app.project.files.has(app.current)) app.openFile(app.current);
      else app.openFirst();
      if (change.vars) app.flash("Vars for the next runs: " + JSON.stringify(change.vars));
    } else if (app.current && app.project.files.has(app.current)) {
      app.openFile(app.current);
    }
    return true;
  }

  // runStep runs the queued commands and the step's own, then its checks.
  async runStep() {
    const app = this.app;
    if (!app.engine || app.running) return;
    const i = this.index;
    const st = this.w.steps[i];
    const el = this.view;
    this.buttons.run.disabled = true;
    this.buttons.next.disabled = true;
    el.dataset.check = "running";
    this.passed.delete(i);
    const runs = [...this.pending.map((k) => this.w.steps[k]), ...(st.command ? [st] : [])];
    for (const s of runs) {
      // Each command runs with the vars its own step saw.
      const k = this.w.steps.indexOf(s);
      app.runVars = this.varsAfter(k);
      const resp = await app.run({ command: s.command, select: s.select || [], exclude: s.exclude || [], vars: app.runVars });
      if (!resp || !(resp.ok && resp.result && resp.result.ok)) {
        this.verdict(false, [{ check: `dbt ${s.command}`, ok: false, message: "the command failed: see the run log" }]);
        return;
      }
      this.pending = this.pending.filter((x) => x !== k);
    }
    app.runVars = this.varsAfter(i);
    let results = [];
    if ((st.checks || []).length) {
      const resp = await app.engine.call({ op: "walkthrough.check", identity: { checks: st.checks } });
      if (!resp.ok) {
        this.verdict(false, [{ check: "checks", ok: false, message: resp.error ? resp.error.message : "the checks could not run" }]);
        return;
      }
      results = resp.result || [];
    }
    app.showTab("learn");
    this.verdict(results.every((r) => r.ok), results);
  }

  verdict(ok, results) {
    const i = this.index;
    if (ok) this.passed.add(i);
    this.view.dataset.check = ok ? "pass" : "fail";
    clear(this.checksEl);
    for (const r of results) {
      this.checksEl.appendChild(h("li", { class: r.ok ? "pass" : "fail" },
        h("span", { class: "pill " + (r.ok ? "ok" : "err") }, r.ok ? "PASS" : "FAIL"), " ", r.check,
        r.message ? h("div", { class: "muted" }, r.message) : null));
    }
    if (ok && !results.length) this.checksEl.appendChild(h("li", { class: "pass" }, h("span", { class: "pill ok" }, "DONE"), " nothing to check in this step"));
    this.buttons.run.disabled = false;
    this.buttons.next.disabled = !ok;
    const dot = this.view.querySelectorAll(".wt-steps li")[i];
    if (dot) dot.classList.toggle("done", ok);
  }

  finish() {
    const el = clear(this.view);
    el.dataset.state = "done";
    el.appendChild(h("h3", null, `Done: ${this.w.title}`));
    el.appendChild(h("p", null, "Every step's checks held. The project stays in the editor; the sample picker reloads your own copy."));
    el.appendChild(h("button", { type: "button", onclick: () => this.renderList() }, "◂ All walkthroughs"));
  }
}

function checkLabel(c) {
  if (c.table_exists) return `table ${c.table_exists} exists`;
  if (c.test_passes) return `test ${c.test_passes} passes`;
  if (c.persons_merged) return `one person: ${c.persons_merged.join(", ")}`;
  if (c.persons_split) return `two persons: ${c.persons_split.join(", ")}`;
  if (c.query) return c.expect_rows !== undefined ? `query returns ${c.expect_rows} rows` : `query returns ${c.expect}`;
  return "check";
}

function describeChange(c) {
  const ul = h("ul", { class: "wt-change" });
  for (const p of c.delete || []) ul.appendChild(h("li", null, "delete ", h("code", null, p)));
  for (const p of Object.keys(c.write || {}).sort()) ul.appendChild(h("li", null, "write ", h("code", null, p)));
  for (const p of Object.keys(c.append || {}).sort()) ul.appendChild(h("li", null, "add to ", h("code", null, p)));
  for (const [k, v] of Object.entries(c.vars || {})) ul.appendChild(h("li", null, "set var ", h("code", null, `${k}: ${JSON.stringify(v)}`)));
  return h("div", { class: "wt-changebox" }, h("span", { class: "muted" }, "The change:"), ul);
}

// richText renders a step's text as paragraphs of plain text: `code`
// spans, [label](url) links and bare URLs. A link gets its href only when
// it is http(s) or relative; anything else stays text.
export function richText(text, cls) {
  const box = h("div", { class: cls });
  for (const para of String(text).trim().split(/\n\s*\n/)) {
    const p = h("p");
    const re = /`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)|(https?:\/\/[^\s)]+)/g;
    let last = 0;
    let m;
    const src = para.replace(/\s*\n\s*/g, " ");
    while ((m = re.exec(src))) {
      if (m.index > last) p.appendChild(document.createTextNode(src.slice(last, m.index)));
      if (m[1] !== undefined) p.appendChild(h("code", null, m[1]));
      else {
        const label = m[2] !== undefined ? m[2] : m[4];
        const href = m[2] !== undefined ? m[3] : m[4];
        if (safeHref(href)) p.appendChild(h("a", { href, target: "_blank", rel: "noopener noreferrer" }, label));
        else p.appendChild(document.createTextNode(m[0]));
      }
      last = re.lastIndex;
    }
    if (last < src.length) p.appendChild(document.createTextNode(src.slice(last)));
    box.appendChild(p);
  }
  return box;
}

// safeHref allows http(s) URLs and relative ones (no scheme, not "//host").
export function safeHref(href) {
  if (/^https?:\/\//i.test(href)) return true;
  return !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith("//") && !/[\u0000-\u001f\\]/.test(href);
}
