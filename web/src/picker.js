// The project picker in the top bar: one menu that opens a sample or a saved
// project and holds what is done to projects (new, import, rename, delete,
// download). It follows the WAI-ARIA menu button pattern: Enter, Space or
// the arrow keys open it, the arrows, Home, End and a first letter move in
// it, Escape closes it and gives the focus back to the button.
//
// What is open comes from the app (app.project, the saved projects' index);
// the picker only shows it and says what was chosen.

import { h, $, clear } from "./dom.js";

export class ProjectPicker {
  // onSample(name) and onProject(id) open what was picked.
  constructor(app, projects, { onSample, onProject }) {
    this.app = app;
    this.projects = projects;
    this.onSample = onSample;
    this.onProject = onProject;
    this.button = $("picker");
    this.menu = $("picker-menu");
    this.button.addEventListener("click", () => (this.isOpen() ? this.close(true) : this.open("current")));
    // Enter and Space reach the button as a click.
    this.button.addEventListener("keydown", (e) => {
      const where = { ArrowDown: "current", ArrowUp: "last" }[e.key];
      if (!where) return;
      e.preventDefault();
      this.open(where);
    });
    this.menu.addEventListener("keydown", (e) => this.key(e));
    // A disabled item's click stops here, before its handler; any other
    // item closes the menu after its handler has run (the event comes back
    // up to the menu last).
    this.menu.addEventListener("click", (e) => {
      const item = e.target.closest("[role^=menuitem]");
      if (item && item.getAttribute("aria-disabled") === "true") e.stopPropagation();
    }, true);
    this.menu.addEventListener("click", (e) => {
      if (e.target.closest("[role^=menuitem]")) this.close(true);
    });
    document.addEventListener("pointerdown", (e) => {
      if (this.isOpen() && !this.menu.contains(e.target) && !this.button.contains(e.target)) this.close(false);
    });
    this.menu.addEventListener("focusout", (e) => {
      if (this.isOpen() && e.relatedTarget && !this.menu.contains(e.relatedTarget) && e.relatedTarget !== this.button) this.close(false);
    });
  }

  isOpen() {
    return !this.menu.hidden;
  }

  items() {
    return [...this.menu.querySelectorAll("[role^=menuitem]")].filter((el) => el.getAttribute("aria-disabled") !== "true");
  }

  // open shows the menu with the focus on the open project ("current"),
  // the first or the last item.
  open(where) {
    this.render();
    this.menu.hidden = false;
    this.button.setAttribute("aria-expanded", "true");
    const items = this.items();
    const target = where === "last" ? items[items.length - 1] : items.find((el) => el.getAttribute("aria-checked") === "true") || items[0];
    if (target) target.focus();
  }

  close(refocus) {
    if (!this.isOpen()) return;
    this.menu.hidden = true;
    this.button.setAttribute("aria-expanded", "false");
    if (refocus) this.button.focus();
  }

  key(e) {
    const items = this.items();
    const i = items.indexOf(document.activeElement);
    let next = null;
    if (e.key === "ArrowDown") next = items[(i + 1) % items.length];
    else if (e.key === "ArrowUp") next = items[(i - 1 + items.length) % items.length];
    else if (e.key === "Home") next = items[0];
    else if (e.key === "End") next = items[items.length - 1];
    else if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation(); // Escape here is not the page's "stop the run"
      this.close(true);
      return;
    } else if (e.key === "Tab") {
      this.close(false);
      return;
    } else if (e.key.length === 1 && /\S/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const k = e.key.toLowerCase();
      const order = [...items.slice(i + 1), ...items.slice(0, i + 1)];
      next = order.find((el) => el.textContent.trim().toLowerCase().startsWith(k)) || null;
      if (!next) return;
    } else return;
    e.preventDefault();
    if (next) next.focus();
  }

  // render lists the samples and the saved projects, marks the open one and
  // names it on the button.
  render() {
    const app = this.app;
    const projects = this.projects;
    const p = app.project;
    const saved = projects.meta(projects.index.current);
    const sampleName = !saved && p && p.sample ? p.sample.name : "";
    const samples = clear($("picker-samples"));
    for (const s of app.samples) {
      samples.appendChild(h("button", {
        type: "button", role: "menuitemradio", tabindex: "-1", "aria-checked": String(s.name === sampleName), dataset: { sample: s.name },
        onclick: () => { if (s.name !== sampleName) this.onSample(s.name); },
      }, s.name, s.title && s.title !== s.name ? h("span", { class: "muted" }, ` — ${s.title}`) : null));
    }
    if (!app.samples.length) samples.appendChild(h("div", { class: "picker-none muted", role: "presentation" }, "No samples were built into this site."));
    const list = clear($("picker-saved"));
    for (const m of [...projects.index.list].sort((a, b) => a.name.localeCompare(b.name))) {
      list.appendChild(h("button", {
        type: "button", role: "menuitemradio", tabindex: "-1", "aria-checked": String(!!saved && m.id === saved.id), dataset: { project: m.id },
        onclick: () => { if (!saved || m.id !== saved.id) this.onProject(m.id); },
      }, m.name));
    }
    if (!projects.index.list.length) list.appendChild(h("div", { class: "picker-none muted", role: "presentation" }, "None yet: make one below, or edit a sample (its edits are kept)."));
    for (const id of ["project-rename", "project-delete"]) $(id).setAttribute("aria-disabled", String(!saved));
    $("picker-name").textContent = saved ? saved.name : sampleName ? `Sample: ${sampleName}` : "No project";
    this.button.dataset.sample = sampleName;
    this.button.dataset.project = saved ? saved.id : "";
  }
}
