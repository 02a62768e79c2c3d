// The lineage graph: the project's nodes in columns by depth (sources, the
// event log, identity resolution, final tables, states), drawn as SVG.
// Clicking a node opens its file.

import { s, h, clear, $ } from "./dom.js";

const W = 190, H = 26, GAPX = 70, GAPY = 8, PAD = 16;

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

export function renderLineage(container, rawNodes, onOpen) {
  clear(container);
  const legend = $("lineage-legend");
  clear(legend);
  for (const c of CATEGORIES) legend.appendChild(h("span", { class: "lg cat-" + c.id }, c.label));
  const nodes = rawNodes.map(normalize).filter((n) => n.kind !== "test");
  if (!nodes.length) {
    container.appendChild(h("div", { class: "empty" }, "No models found."));
    return;
  }
  const byID = new Map(nodes.map((n) => [n.id, n]));
  // depth = longest path from a root, so every edge points right.
  const depth = new Map();
  const visiting = new Set();
  const depthOf = (n) => {
    if (depth.has(n.id)) return depth.get(n.id);
    if (visiting.has(n.id)) return 0; // a cycle; the build reports it
    visiting.add(n.id);
    let d = 0;
    for (const dep of n.deps) {
      const m = byID.get(dep);
      if (m) d = Math.max(d, depthOf(m) + 1);
    }
    visiting.delete(n.id);
    depth.set(n.id, d);
    return d;
  };
  nodes.forEach(depthOf);
  const cols = [];
  for (const n of nodes) {
    const d = depth.get(n.id);
    (cols[d] = cols[d] || []).push(n);
  }
  const order = new Map(CATEGORIES.map((c, i) => [c.id, i]));
  cols.forEach((col) => col.sort((a, b) => order.get(category(a)) - order.get(category(b)) || (a.name < b.name ? -1 : 1)));
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
  const height = PAD * 2 + maxRows * (H + GAPY);
  const xy = new Map();
  cols.forEach((col, c) => {
    const off = ((maxRows - col.length) * (H + GAPY)) / 2;
    col.forEach((n, i) => xy.set(n.id, { x: PAD + c * (W + GAPX), y: PAD + off + i * (H + GAPY) }));
  });
  const svg = s("svg", { width, height, viewBox: `0 0 ${width} ${height}`, class: "lineage", role: "img", "aria-label": "Model lineage" });
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
  svg.appendChild(edges);
  for (const n of nodes) {
    const { x, y } = xy.get(n.id);
    const label = n.name.length > 26 ? n.name.slice(0, 25) + "…" : n.name;
    const g = s("g", {
      class: `node cat-${category(n)}${n.override ? " override" : ""}`,
      transform: `translate(${x},${y})`, tabindex: "0", role: "button",
      dataset: { name: n.name, id: n.id },
      onclick: () => onOpen(n),
      onkeydown: (e) => { if (e.key === "Enter") onOpen(n); },
      onmouseenter: () => highlight(svg, n.id, true),
      onmouseleave: () => highlight(svg, n.id, false),
    },
    s("title", null, `${n.name} (${n.kind}${n.pkg === PACKAGE ? ", package " + n.pkg : ""}${n.schema ? ", schema " + n.schema : ""}${n.override ? ", overridden" : ""})`),
    s("rect", { width: W, height: H, rx: 5 }),
    s("text", { x: 10, y: H / 2 + 4 }, label));
    svg.appendChild(g);
  }
  container.appendChild(svg);
}

function highlight(svg, name, on) {
  for (const p of svg.querySelectorAll("g.edges path")) {
    if (p.dataset.from === name || p.dataset.to === name) p.classList.toggle("hot", on);
  }
}
