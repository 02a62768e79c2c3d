// "Why are these one person?": pick two identifiers of a person and see the
// shortest chain of edges that joined them, with the source row behind each
// edge (pipeline/explain, through the worker). For a person the bound left
// split, the other halves' identifiers are offered too, and the chain that
// is longer than nexus_max_recursion is shown as such.

import { h, clear } from "./dom.js";

// renderExplain fills box with the two pickers and the answer. ids are
// {type, value, entity} of the person (entity === id) and, for a split
// person, of the other persons of its component.
export function renderExplain(app, box, id, ids, flagged) {
  clear(box);
  if (ids.length < 2) {
    box.appendChild(h("div", { class: "empty" }, "This person has a single identifier: nothing joined it to another."));
    return;
  }
  const option = (x, i) => h("option", { value: String(i) }, `${x.type}:${x.value}${x.entity !== id ? `  (person ${String(x.entity).slice(0, 8)})` : ""}`);
  const pickA = h("select", { class: "xa", "aria-label": "First identifier" }, ids.map(option));
  const pickB = h("select", { class: "xb", "aria-label": "Second identifier" }, ids.map(option));
  // The default pair: across the split when there is one, else the first
  // and the last identifier.
  const other = ids.findIndex((x) => x.entity !== id);
  pickB.value = String(other >= 0 ? other : ids.length - 1);
  const out = h("div", { class: "x-out" });
  const go = h("button", { type: "button", class: "x-go", onclick: () => explain() }, "Explain");
  box.appendChild(h("div", { class: "x-bar" }, pickA, h("span", { class: "muted" }, "and"), pickB, go));
  if (flagged) box.appendChild(h("div", { class: "note" }, "The bound (nexus_max_recursion) left this person split: exact resolution joins it with another person. The second list holds that person's identifiers."));
  box.appendChild(out);

  async function explain() {
    const a = ids[Number(pickA.value)];
    const b = ids[Number(pickB.value)];
    clear(out);
    if (a === b) {
      out.appendChild(h("div", { class: "empty" }, "Pick two different identifiers."));
      return;
    }
    go.disabled = true;
    const resp = await app.engine.call({
      op: "identity.explain", files: app.project.asObject(), vars: app.runVars,
      identity: { a: `${a.type}:${a.value}`, b: `${b.type}:${b.value}` },
    });
    go.disabled = false;
    if (!resp.ok) {
      out.appendChild(h("div", { class: "error-box" }, resp.error ? resp.error.message : "explain failed"));
      return;
    }
    renderChain(out, resp.result);
  }
  explain();
}

// renderChain shows an explanation: the identifiers of the chain, and
// between each two the edge's source row.
export function renderChain(out, ex) {
  const chain = ex.chain || [];
  out.dataset.edges = String(chain.length);
  out.dataset.longer = String(!!ex.longer_than_bound);
  out.appendChild(h("p", null, `${ex.a.type}:${ex.a.value} and ${ex.b.type}:${ex.b.value} are joined by a chain of ${chain.length} edge${chain.length === 1 ? "" : "s"} in ${ex.edges}.`));
  const ol = h("ol", { class: "x-chain" });
  const node = (idf, entity) => h("li", { class: "x-node" }, h("code", null, `${idf.type}:${idf.value}`), h("span", { class: "muted mono" }, ` person ${entity || "(none)"}`));
  if (chain.length) ol.appendChild(node(chain[0].from, chain[0].from_entity));
  chain.forEach((l, k) => {
    ol.appendChild(h("li", { class: "x-edge" + (k >= ex.max_recursion ? " beyond" : "") },
      `edge ${k + 1}: row `, h("code", null, l.row_id || "?"), ` of ${l.source || "?"}${l.occurred_at ? " at " + l.occurred_at : ""}${l.rows > 1 ? ` (${l.rows} rows join them)` : ""}`));
    ol.appendChild(node(l.to, l.to_entity));
  });
  out.appendChild(ol);
  const verdict = ex.entity_a === ex.entity_b
    ? `Built: one person, ${ex.entity_a}.`
    : `Built: two persons, ${ex.entity_a} and ${ex.entity_b}.`;
  out.appendChild(h("p", null, verdict));
  if (ex.longer_than_bound && ex.bounded_splits) {
    out.appendChild(h("p", { class: "note x-bound" }, `bounded at nexus_max_recursion ${ex.max_recursion} splits them: the chain has ${chain.length} edges, more than the bound; exact resolution, or nexus_max_recursion ${chain.length}, keeps them one person.`));
  } else if (ex.bounded_splits) {
    out.appendChild(h("p", { class: "note x-bound" }, `bounded at nexus_max_recursion ${ex.max_recursion} splits them although the shortest chain fits: the walk from each side did not meet within the bound.`));
  } else {
    out.appendChild(h("p", { class: "muted" }, `bounded at nexus_max_recursion ${ex.max_recursion} keeps them one person: the chain of ${chain.length} edge${chain.length === 1 ? "" : "s"} fits within the bound.`));
  }
}
