// Embed mode (?embed=1): a compact, read-mostly view for an iframe in
// documentation. The results take the room, the editor is hidden, nothing
// is saved in the browser (an embed must never change the reader's own
// projects), and a link opens the same project in the full playground.

import { h, $ } from "./dom.js";

export function isEmbed() {
  return new URLSearchParams(location.search).get("embed") === "1";
}

export function setupEmbed() {
  document.body.classList.add("embed");
  const u = new URL(location.href);
  u.searchParams.delete("embed");
  u.searchParams.delete("run");
  // The link is this page's own address (http or https), opened in a new
  // tab; the share fragment, if any, goes along.
  if (u.protocol !== "http:" && u.protocol !== "https:") return;
  const a = h("a", { id: "open-full", class: "openfull", href: u.toString(), target: "_blank", rel: "noopener noreferrer" }, "Open in the playground ↗");
  $("topbar").appendChild(a);
}
