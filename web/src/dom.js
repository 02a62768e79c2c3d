// DOM helpers. Every piece of project data reaches the page as text through
// these (textContent, attributes, SVG text nodes), never as HTML.

const SVG_NS = "http://www.w3.org/2000/svg";

// h builds an element: h("td", {class: "num", title: t}, "text", child, ...).
// Attributes starting with "on" take functions; others are set as
// attributes; children are nodes or strings (set as text).
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  return fill(el, attrs, children);
}

// s builds an SVG element the same way.
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  return fill(el, attrs, children);
}

function fill(el, attrs, children) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

// toasts is the corner where messages stack, newest at the bottom, so a
// second message never hides the first.
export function toasts() {
  let box = document.getElementById("toasts");
  if (!box) {
    box = h("div", { id: "toasts", class: "toasts" });
    document.body.appendChild(box);
  }
  return box;
}

export function $(id) {
  return document.getElementById(id);
}

export function fmtInt(n) {
  return typeof n === "number" ? n.toLocaleString("en-US") : String(n);
}

export function fmtSec(s) {
  if (typeof s !== "number") return "";
  return s < 1 ? `${Math.round(s * 1000)} ms` : `${s.toFixed(2)} s`;
}

// quoteIdent and quoteLit make SQL identifiers and literals from values.
export function quoteIdent(name) {
  return '"' + String(name).replace(/"/g, '""') + '"';
}

export function quoteLit(v) {
  return "'" + String(v).replace(/'/g, "''") + "'";
}
