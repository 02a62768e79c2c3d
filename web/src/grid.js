// A data grid with paging, sorting, column types and NULL shown as NULL.
// The data comes from a provider: fetch({offset, limit, sort}) resolves to
// {columns, types, rows, total, truncated} or {error}.

import { h, clear, fmtInt } from "./dom.js";
import { downloadCSV } from "./importexport.js";

const PAGE = 100;

export class Grid {
  constructor(container, provider, opts = {}) {
    this.el = container;
    this.provider = provider;
    this.opts = opts; // {onCell(column, value, row), caption, pageSize}
    this.offset = 0;
    this.sort = null; // {col: index, desc: bool}
    this.limit = opts.pageSize || PAGE;
    this.seq = 0;
  }

  async load() {
    const seq = ++this.seq;
    const page = await this.provider.fetch({ offset: this.offset, limit: this.limit, sort: this.sort });
    if (seq !== this.seq) return;
    this.render(page);
  }

  render(page) {
    clear(this.el);
    if (page.error) {
      this.el.appendChild(h("div", { class: "error-box" }, page.error));
      return;
    }
    const total = page.total;
    const from = page.rows.length ? this.offset + 1 : 0;
    const to = this.offset + page.rows.length;
    const bar = h("div", { class: "gridbar" },
      this.opts.caption ? h("span", { class: "caption" }, this.opts.caption) : null,
      h("span", { class: "range" }, total === undefined ? `${fmtInt(from)}–${fmtInt(to)}` : `${fmtInt(from)}–${fmtInt(to)} of ${fmtInt(total)}`),
      page.truncated ? h("span", { class: "warn" }, "result truncated") : null,
      h("span", { class: "spacer" }),
      h("button", { type: "button", class: "pager", disabled: this.offset === 0, title: "Previous page", onclick: () => this.go(-1) }, "‹ Prev"),
      h("button", { type: "button", class: "pager", disabled: total !== undefined ? to >= total : page.rows.length < this.limit, title: "Next page", onclick: () => this.go(1) }, "Next ›"),
      this.csvButton(),
    );
    // Readable columns first: hash ids (kept, narrower, one click selects
    // the whole id to copy) go after them. Sorting keeps the column's index.
    const hashes = hashColumns(page);
    const order = page.columns.map((_, i) => i).sort((a, b) => hashes.has(a) - hashes.has(b) || a - b);
    const head = h("tr", null, order.map((i) => {
      const c = page.columns[i];
      const sorted = this.sort && this.sort.col === i;
      const type = page.types && page.types[i] ? page.types[i].toLowerCase() : "";
      return h("th", {
        title: `${c}${type ? " (" + type + ")" : ""}: click to sort`,
        class: [sorted ? (this.sort.desc ? "sorted desc" : "sorted asc") : "", hashes.has(i) ? "hashid" : ""].join(" ").trim() || null,
        dataset: { col: c },
        onclick: (e) => { if (!e.target.classList.contains("resizer")) this.toggleSort(i); },
      },
      h("span", { class: "colname" }, c),
      type ? h("span", { class: "coltype" }, type) : null,
      sorted ? h("span", { class: "arrow" }, this.sort.desc ? "▼" : "▲") : null,
      h("span", { class: "resizer", title: "Drag to resize the column", onpointerdown: (e) => this.resize(e) }));
    }));
    const body = h("tbody", null, page.rows.map((row) => h("tr", null, order.map((i) => {
      const td = this.cell(page.columns[i], row[i], row, page.columns);
      if (hashes.has(i)) td.classList.add("hashid");
      return td;
    }))));
    const table = h("table", { class: "grid" }, h("thead", null, head), body);
    // A result that fits on one page needs no pager.
    const onePage = this.offset === 0 && total !== undefined && total <= this.limit && !page.truncated;
    if (onePage && !this.opts.caption) this.el.append(h("div", { class: "gridbar slim" }, h("span", { class: "spacer" }), this.csvButton()), h("div", { class: "gridscroll" }, table));
    else this.el.append(bar, h("div", { class: "gridscroll" }, table));
    if (page.rows.length === 0) this.el.appendChild(h("div", { class: "empty" }, "No rows"));
  }

  cell(col, v, row, cols) {
    if (v === null || v === undefined) return h("td", { class: "null" }, "NULL");
    const num = typeof v === "number";
    let text = num ? String(v) : typeof v === "object" ? JSON.stringify(v) : String(v);
    const full = text;
    if (text.length > 200) text = text.slice(0, 200) + "…";
    const td = h("td", { class: num ? "num" : null, title: full.length > 16 ? full.slice(0, 2000) : null }, text);
    if (this.opts.onCell && this.opts.linkable && this.opts.linkable(col)) {
      td.classList.add("link");
      td.addEventListener("click", () => this.opts.onCell(col, v, row, cols));
    }
    return td;
  }

  // csvButton downloads the whole result (up to the engine's row cap), in
  // the grid's current order, as CSV.
  csvButton() {
    return h("button", { type: "button", class: "csv", title: "Download the result as CSV", onclick: async () => {
      const page = await this.provider.fetch({ offset: 0, limit: 5000, sort: this.sort });
      if (!page.error) downloadCSV(this.opts.csvName || this.opts.caption || "result", page);
    } }, "CSV");
  }

  // resize drags a column's right edge: the header cell and the column's
  // cells take the new width.
  resize(e) {
    e.preventDefault();
    e.stopPropagation();
    const th = e.target.closest("th");
    const col = [...th.parentNode.children].indexOf(th);
    const table = th.closest("table");
    const start = e.clientX, w0 = th.getBoundingClientRect().width;
    const move = (ev) => {
      const w = `${Math.max(40, Math.round(w0 + ev.clientX - start))}px`;
      for (const row of table.rows) {
        const c = row.cells[col];
        if (c) c.style.width = c.style.minWidth = c.style.maxWidth = w;
      }
    };
    const up = () => {
      removeEventListener("pointermove", move);
      removeEventListener("pointerup", up);
    };
    addEventListener("pointermove", move);
    addEventListener("pointerup", up);
  }

  go(dir) {
    this.offset = Math.max(0, this.offset + dir * this.limit);
    this.load();
  }

  toggleSort(i) {
    if (!this.sort || this.sort.col !== i) this.sort = { col: i, desc: false };
    else if (!this.sort.desc) this.sort = { col: i, desc: true };
    else this.sort = null;
    this.offset = 0;
    this.load();
  }
}

// arrayProvider pages and sorts a result already held on the page (a
// console query's rows).
export function arrayProvider(result) {
  return {
    async fetch({ offset, limit, sort }) {
      let rows = result.rows || [];
      if (sort) {
        const i = sort.col;
        rows = rows.slice().sort((a, b) => compare(a[i], b[i]) * (sort.desc ? -1 : 1));
      }
      return { columns: result.columns || [], types: result.types, rows: rows.slice(offset, offset + limit), total: (result.rows || []).length, truncated: result.truncated };
    },
  };
}

// hashColumns are the columns whose values on this page are all long hex
// ids (an md5 surrogate key is 32 hex digits).
function hashColumns(page) {
  const out = new Set();
  if (!page.rows.length) return out;
  page.columns.forEach((_, i) => {
    if (page.rows.every((r) => r[i] === null || (typeof r[i] === "string" && /^[0-9a-f]{16,}$/i.test(r[i])))) {
      if (page.rows.some((r) => r[i] !== null)) out.add(i);
    }
  });
  return out;
}

// compare orders like SQLite: NULL first, numbers before text.
function compare(a, b) {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "number") return -1;
  if (typeof b === "number") return 1;
  return String(a) < String(b) ? -1 : 1;
}
