// The lineage graph: the project's nodes in dbt-nexus's layers (sources,
// the event log, identity resolution, final tables, states), drawn as SVG
// in a view that zooms, pans, fits and focuses on one node's lineage.

import { s, h, clear, $ } from "./dom.js";

const W = 190, H = 26, GAPX = 70, GAPY = 8, PAD = 16, LABEL = 22;

// PACKAGE is the built-in package's name; other nodes are the project's.
export const PACKAGE = "nexus";

export const CATEGORIES = [
  { id: "source", label: "Sources & seeds" },
  { id: "project", label: "Project models" },
  { id: "event-log", label: "Event log" },
  { id: "identity", label: "Identity resolution" },
  { id: "final", label: "Final tables" },
  { id: "states", label: "States" },
];

// normalize accepts the pipeline's Node in either field spelling.
function normalize(n) {
  const g = (a, b) => (n[a] !== undefined ? n[a] : n[b]);
  return {
    id: g("id", "ID") || g("name", "Name"), name: g("name", "Name"), kind: g("kind", "Kind"), pkg: g("package", "Package") || "",
    path: g("path", "Path") || "", schema: g("schema", "Schema") || "", tags: g("tags", "Tags") || [],
    deps: g("depends_on", "DependsOn") || [], override: !!g("override", "Override"),
    materialized: g("materialized", "Materialized") || "",
  };
}

export function category(n) {
  if (n.kind === "source" || n.kind === "seed") return "source";
  const p = n.path + " " + n.tags.join(" ");
  if (/states/.test(p)) return "states";
  if (/identity-resolution/.test(p)) return "identity";
  if (/event-log/.test(p)) return "event-log";
  if (/final-tables/.test(p)) return "final";
  return n.pkg === PACKAGE ? "final" : "project";
}

// renderLineage draws the graph in dbt-nexus's layers, left to right
// (sources, project models, event log, identity resolution, final tables,
// states; within a layer by depth), in a view that zooms (wheel, + and −),
// pans (drag), fits, and focuses on one node's upstream and downstream.
// Clicking a node opens its file (open.file) and focuses it; the focus bar
// opens its table too (open.table) when it has one (open.hasTable).
export function renderLineage(container, rawNodes, open) {
  clear(container);
  const legend = $("lineage-legend");
  clear(legend);
  for (const c of CATEGORIES) legend.appendChild(h("span", { class: "lg cat-" + c.id }, c.label));
  const nodes = rawNodes.map(normalize).filter((n) => n.kind !== "test" && n.kind !== "unit_test");
  if (!nodes.length) {
    container.appendChild(h("div", { class: "empty" }, "No models found."));
    return;
  }
  const byID = new Map(nodes.map((n) => [n.id, n]));
  const layer = new Map(CATEGORIES.map((c, i) => [c.id, i]));
  const cat = new Map(nodes.map((n) => [n.id, category(n)]));
  // depth within the node's layer = longest path from the layer's entry,
  // so edges inside a layer point right and layers keep dbt-nexus's order.
  const depth = new Map();
  const visiting = new Set();
  const depthOf = (n) => {
    if (depth.has(n.id)) return depth.get(n.id);
    if (visiting.has(n.id)) return 0; // a cycle; the build reports it
    visiting.add(n.id);
    let d = 0;
    for (const dep of n.deps) {
      const m = byID.get(dep);
      if (m && cat.get(m.id) === cat.get(n.id)) d = Math.max(d, depthOf(m) + 1);
    }
    visiting.delete(n.id);
    depth.set(n.id, d);
    return d;
  };
  nodes.forEach(depthOf);
  const cols = [];
  const layerCols = CATEGORIES.map((c) => Math.max(-1, ...nodes.filter((n) => cat.get(n.id) === c.id).map((n) => depth.get(n.id))) + 1);
  const firstCol = layerCols.map((_, i) => layerCols.slice(0, i).reduce((a, b) => a + b, 0));
  for (const n of nodes) {
    const c = firstCol[layer.get(cat.get(n.id))] + depth.get(n.id);
    (cols[c] = cols[c] || []).push(n);
  }
  for (let c = 0; c < cols.length; c++) cols[c] = (cols[c] || []).sort((a, b) => (a.name < b.name ? -1 : 1));
  // Two barycenter passes pull nodes next to what they read from.
  const pos = new Map();
  const place = () => cols.forEach((col) => col.forEach((n, i) => pos.set(n.id, i)));
  place();
  for (let pass = 0; pass < 2; pass++) {
    for (let c = 1; c < cols.length; c++) {
      const bary = (n) => {
        const ps = n.deps.filter((d) => pos.has(d)).map((d) => pos.get(d));
        return ps.length ? ps.reduce((a, b) => a + b, 0) / ps.length : pos.get(n.id);
      };
      cols[c].sort((a, b) => bary(a) - bary(b));
      place();
    }
  }
  const maxRows = Math.max(...cols.map((c) => c.length));
  const width = PAD * 2 + cols.length * W + (cols.length - 1) * GAPX;
  const height = PAD * 2 + LABEL + maxRows * (H + GAPY);
  const xy = new Map();
  cols.forEach((col, c) => {
    const off = ((maxRows - col.length) * (H + GAPY)) / 2;
    col.forEach((n, i) => xy.set(n.id, { x: PAD + c * (W + GAPX), y: PAD + LABEL + off + i * (H + GAPY) }));
  });
  const svg = s("svg", { class: "lineage", role: "img", "aria-label": "Model lineage", dataset: { width: String(width), height: String(height) } });
  const view = s("g", { class: "viewport" });
  svg.appendChild(view);
  // Layer names over their columns.
  CATEGORIES.forEach((c, i) => {
    if (!layerCols[i]) return;
    const x = PAD + firstCol[i] * (W + GAPX);
    view.appendChild(s("text", { class: `layer cat-${c.id}`, x, y: PAD + 12 }, c.label));
  });
  const edges = s("g", { class: "edges" });
  for (const n of nodes) {
    const b = xy.get(n.id);
    for (const dep of n.deps) {
      const a = xy.get(dep);
      if (!a) continue;
      const x1 = a.x + W, y1 = a.y + H / 2, x2 = b.x, y2 = b.y + H / 2, mx = (x1 + x2) / 2;
      edges.appendChild(s("path", { d: `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`, dataset: { from: dep, to: n.id } }));
    }
  }
  view.appendChild(edges);
  const state = { k: 1, x: 0, y: 0 };
  const apply = () => {
    view.setAttribute("transform", `translate(${state.x},${state.y}) scale(${state.k})`);
    svg.dataset.zoom = state.k.toFixed(3);
  };
  const bar = h("div", { class: "lineage-tools" });
  const focusBar = h("div", { class: "lineage-focus hidden" });
  const focus = (n) => {
    const up = related(byID, n.id, (m) => m.deps);
    const children = new Map();
    for (const m of nodes) for (const d of m.deps) (children.get(d) || children.set(d, []).get(d)).push(m.id);
    const down = related(byID, n.id, (m) => children.get(m.id) || []);
    svg.classList.add("focused");
    for (const g of view.querySelectorAll("g.node")) {
      const id = g.dataset.id;
      g.classList.toggle("in-focus", id === n.id || up.has(id) || down.has(id));
      g.classList.toggle("focus-root", id === n.id);
    }
    for (const p of edges.querySelectorAll("path")) {
      const on = (p.dataset.to === n.id || up.has(p.dataset.to)) && (p.dataset.from === n.id || up.has(p.dataset.from)) ||
        (p.dataset.from === n.id || down.has(p.dataset.from)) && (p.dataset.to === n.id || down.has(p.dataset.to));
      p.classList.toggle("in-focus", on);
    }
    clear(focusBar).classList.remove("hidden");
    focusBar.append(h("b", null, n.name), ` ${up.size} upstream, ${down.size} downstream `,
      h("button", { type: "button", id: "lineage-open-file", onclick: () => open.file(n) }, "Open file"),
      open.hasTable(n) ? h("button", { type: "button", id: "lineage-open-table", onclick: () => open.table(n) }, "Open table") : null,
      h("button", { type: "button", id: "lineage-unfocus", onclick: unfocus }, "Show all"));
    svg.dataset.focus = n.name;
  };
  const unfocus = () => {
    svg.classList.remove("focused");
    for (const el of view.querySelectorAll(".in-focus, .focus-root")) el.classList.remove("in-focus", "focus-root");
    focusBar.classList.add("hidden");
    delete svg.dataset.focus;
  };
  for (const n of nodes) {
    const { x, y } = xy.get(n.id);
    const label = n.name.length > 26 ? n.name.slice(0, 25) + "…" : n.name;
    const g = s("g", {
      class: `node cat-${category(n)}${n.override ? " override" : ""}`,
      transform: `translate(${x},${y})`, tabindex: "0", role: "button",
      dataset: { name: n.name, id: n.id },
      onclick: () => { focus(n); open.file(n); },
      onkeydown: (e) => { if (e.key === "Enter") { focus(n); open.file(n); } },
      onmouseenter: () => highlight(svg, n.id, true),
      onmouseleave: () => highlight(svg, n.id, false),
    },
    s("title", null, `${n.name} (${n.kind}${n.pkg === PACKAGE ? ", package " + n.pkg : ""}${n.schema ? ", schema " + n.schema : ""}${n.override ? ", overridden" : ""})`),
    s("rect", { width: W, height: H, rx: 5 }),
    s("text", { x: 10, y: H / 2 + 4 }, label));
    view.appendChild(g);
  }
  const zoomAt = (f, cx, cy) => {
    const k = Math.min(4, Math.max(0.1, state.k * f));
    state.x = cx - ((cx - state.x) * k) / state.k;
    state.y = cy - ((cy - state.y) * k) / state.k;
    state.k = k;
    apply();
  };
  const fit = () => {
    const r = svg.getBoundingClientRect();
    if (!r.width || !r.height) return;
    state.k = Math.min(1.5, r.width / width, r.height / height);
    state.x = (r.width - width * state.k) / 2;
    state.y = (r.height - height * state.k) / 2;
    apply();
  };
  const center = () => {
    const r = svg.getBoundingClientRect();
    return [r.width / 2, r.height / 2];
  };
  bar.append(
    h("button", { type: "button", id: "lineage-zoom-in", title: "Zoom in (or the mouse wheel)", onclick: () => zoomAt(1.25, ...center()) }, "+"),
    h("button", { type: "button", id: "lineage-zoom-out", title: "Zoom out", onclick: () => zoomAt(0.8, ...center()) }, "−"),
    h("button", { type: "button", id: "lineage-fit", title: "Fit the whole graph in view", onclick: fit }, "Fit"),
    h("span", { class: "muted" }, "drag to pan · click a node to focus on its lineage"),
  );
  svg.addEventListener("wheel", (e) => {
    e.preventDefault();
    const r = svg.getBoundingClientRect();
    zoomAt(e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX - r.left, e.clientY - r.top);
  }, { passive: false });
  svg.addEventListener("pointerdown", (e) => {
    if (e.target.closest("g.node")) return;
    const x0 = e.clientX - state.x, y0 = e.clientY - state.y;
    let moved = false;
    const move = (ev) => {
      moved = true;
      state.x = ev.clientX - x0;
      state.y = ev.clientY - y0;
      apply();
    };
    const up = () => {
      removeEventListener("pointermove", move);
      removeEventListener("pointerup", up);
      if (!moved) unfocus();
    };
    addEventListener("pointermove", move);
    addEventListener("pointerup", up);
  });
  container.append(bar, focusBar, svg);
  apply();
  // Fit once the panel is shown and has a size.
  const ro = new ResizeObserver(() => {
    if (svg.getBoundingClientRect().width > 0 && !svg.dataset.fitted) {
      svg.dataset.fitted = "1";
      fit();
    }
  });
  ro.observe(svg);
}

// related collects every node reachable from id through next (parents or
// children), not id itself.
function related(byID, id, next) {
  const out = new Set();
  const walk = (x) => {
    const n = byID.get(x);
    if (!n) return;
    for (const y of next(n)) {
      if (!out.has(y)) {
        out.add(y);
        walk(y);
      }
    }
  };
  walk(id);
  return out;
}

function highlight(svg, name, on) {
  for (const p of svg.querySelectorAll("g.edges path")) {
    if (p.dataset.from === name || p.dataset.to === name) p.classList.toggle("hot", on);
  }
}
