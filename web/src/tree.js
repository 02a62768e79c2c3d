// The file tree: folders from the paths, files clickable.

import { h, clear } from "./dom.js";

// renderTree draws paths as nested folders. opts: {selected, onOpen(path),
// marks: Map path -> "error"|"override"}.
export function renderTree(ul, paths, opts) {
  clear(ul);
  const root = { dirs: new Map(), files: [] };
  for (const p of paths) {
    const parts = p.split("/");
    let node = root;
    for (const d of parts.slice(0, -1)) {
      if (!node.dirs.has(d)) node.dirs.set(d, { dirs: new Map(), files: [] });
      node = node.dirs.get(d);
    }
    node.files.push(p);
  }
  draw(ul, root, 0, opts);
}

function draw(ul, node, depth, opts) {
  for (const [name, child] of [...node.dirs].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const li = h("li", { class: "dir", role: "treeitem" },
      h("span", { class: "twisty", "aria-hidden": "true" }, "▾"), h("span", null, name));
    indent(li, depth);
    ul.appendChild(li);
    draw(ul, child, depth + 1, opts);
  }
  for (const p of node.files) {
    const base = p.slice(p.lastIndexOf("/") + 1);
    const mark = opts.marks && opts.marks.get(p);
    const li = h("li", {
      class: "file" + (p === opts.selected ? " selected" : "") + (mark ? " " + mark : ""),
      role: "treeitem",
      tabindex: "0",
      title: p,
      dataset: { path: p, depth: String(depth) },
      onclick: () => opts.onOpen(p),
      onkeydown: (e) => { if (e.key === "Enter") opts.onOpen(p); },
    }, h("span", { class: "icon " + kind(base), "aria-hidden": "true" }), h("span", { class: "name" }, base));
    indent(li, depth);
    ul.appendChild(li);
  }
}

// indent sets the depth through the CSS object model, which the page's
// style-src policy allows (a style attribute in markup it would not).
function indent(li, depth) {
  li.style.paddingLeft = `${8 + depth * 12}px`;
}

function kind(name) {
  const m = /\.([a-z]+)$/i.exec(name);
  return m ? "ext-" + m[1].toLowerCase() : "ext-none";
}
