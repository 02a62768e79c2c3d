// Embed mode (?embed=1): a compact, read-mostly view for an iframe in
// documentation. The results take the room, the editor is hidden unless
// editor=1, nothing is saved in the browser (an embed must never change the
// reader's own projects), and a link opens the same project in the full
// playground.

import { h, $ } from "./dom.js";
import { params } from "./params.js";

export function isEmbed() {
  return params.embed;
}

export function setupEmbed() {
  document.body.classList.add("embed");
  if (params.editor === true) {
    document.body.classList.add("embed-editor");
    if (params.height) document.body.style.setProperty("--embed-editor-h", `${params.height}px`);
  }
  const u = new URL(location.href);
  for (const k of ["embed", "run", "editor", "height"]) u.searchParams.delete(k);
  // The link is this page's own address (http or https), opened in a new
  // tab; the share fragment, if any, goes along.
  if (u.protocol !== "http:" && u.protocol !== "https:") return;
  const a = h("a", { id: "open-full", class: "openfull", href: u.toString(), target: "_blank", rel: "noopener noreferrer", title: "Open this project in the full playground, in a new tab" }, "Open in the playground ↗");
  $("topbar").appendChild(a);
}
