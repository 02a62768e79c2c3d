// Share links (issue 5): the Share button puts the project into the URL
// fragment through the engine (package share: s1.<sample>.<data> for a
// sample plus edits, p1.<data> for a whole project), and a link's fragment
// is decoded by the engine on load. A link that cannot be read shows the
// engine's message and changes nothing that is saved.

import { h, $ } from "./dom.js";
import { describe } from "./runlog.js";

export class Share {
  constructor(app) {
    this.app = app;
    $("share").addEventListener("click", () => this.share());
  }

  // request is what the engine needs to encode the current project.
  request() {
    const p = this.app.project;
    const sample = p.sample && p.sample.name ? this.app.samples.find((s) => s.name === p.sample.name) : null;
    return {
      op: "share.encode",
      files: p.asObject(),
      share: sample ? { sample: sample.name, sample_files: sample.files, vars: p.vars || "", dialect: p.dialect || "" } : { vars: p.vars || "", dialect: p.dialect || "" },
    };
  }

  async share() {
    const app = this.app;
    if (!app.engine) return app.flash("The engine is still loading.");
    const resp = await app.engine.call(this.request());
    if (!resp.ok) return this.panel("error", describe(resp.error));
    const r = resp.result || {};
    if (r.too_large) {
      return this.panel("error", r.message, h("button", { type: "button", class: "primary", onclick: () => app.exports.projectZip() }, "Download .zip"));
    }
    const u = new URL(location.href);
    u.searchParams.delete("run");
    u.hash = r.fragment;
    const input = h("input", { id: "share-link", type: "text", readonly: true, value: "", "aria-label": "Share link", onfocus: (e) => e.target.select() });
    // "Run when opened" adds run=1: the recipient sees the results, not
    // a project waiting for Run.
    const runBox = h("input", { id: "share-run", type: "checkbox", onchange: () => offer() });
    const panel = this.panel("ok", "", input, h("label", { class: "share-run", title: "Add run=1: the project builds as soon as the link opens" }, runBox, " Run when opened"));
    const offer = async () => {
      if (runBox.checked) u.searchParams.set("run", "1");
      else u.searchParams.delete("run");
      const link = u.toString();
      input.value = link;
      document.body.dataset.shareLink = link;
      let copied = false;
      try {
        await navigator.clipboard.writeText(link);
        copied = true;
      } catch (e) {
        // No clipboard (permissions, plain http): the link is shown to copy.
      }
      panel.querySelector(".msg").textContent = copied ? `Link copied (${link.length.toLocaleString("en-US")} characters).` : "Copy this link:";
    };
    await offer();
  }

  // panel shows the outcome of Share (or of opening a link) until closed.
  panel(kind, text, ...extra) {
    const old = document.getElementById("share-panel");
    if (old) old.remove();
    const el = h("div", { id: "share-panel", class: `sharepanel ${kind}`, role: kind === "error" ? "alert" : "status" },
      h("div", { class: "msg" }, text), ...extra,
      h("button", { type: "button", class: "close", title: "Close", onclick: () => el.remove() }, "×"));
    document.body.appendChild(el);
    return el;
  }

  // openFromURL decodes the fragment of the address, if it holds a share
  // link, and opens the project as a new named project. It returns null when
  // there is no link, true when the project opened, false when it was
  // refused (the message is shown; saved work is untouched).
  async openFromURL() {
    const frag = location.hash.replace(/^#/, "");
    if (!/^[ps]\d+\./.test(frag)) return null;
    const app = this.app;
    const m = /^s1\.([A-Za-z0-9_-]{1,64})\./.exec(frag);
    const share = { fragment: frag };
    if (m) {
      const sample = app.samples.find((s) => s.name === m[1]);
      share.sample = m[1];
      share.sample_files = sample ? sample.files : {};
    }
    const resp = await app.engine.call({ op: "share.decode", share });
    // The fragment is read once: a reload opens the saved copy instead.
    const u = new URL(location.href);
    u.hash = "";
    history.replaceState(null, "", u.toString().replace(/#$/, ""));
    if (!resp.ok) {
      document.body.dataset.shareError = describe(resp.error);
      this.panel("error", "This share link cannot be opened: " + describe(resp.error) + " Your saved projects are unchanged.");
      return false;
    }
    const r = resp.result || {};
    const files = r.files || {};
    const projects = app.projects;
    let id = projects.findShared(frag, files);
    if (!id) id = projects.create(r.sample ? `Shared: ${r.sample}` : sharedName(files), files, { sample: r.sample || "", vars: r.vars || "", dialect: r.dialect || "", fragment: frag });
    projects.open(id, true);
    document.body.dataset.shared = "1";
    return true;
  }
}

// sharedName names a shared project after dbt_project.yml's name:, as the
// picker lists it; the name is text, shown as text.
function sharedName(files) {
  const m = /^name:[ \t]*["']?([^"'\s#]{1,60})/m.exec(files["dbt_project.yml"] || "");
  return m ? `Shared: ${m[1]}` : "Shared project";
}

// toBase64 and fromBase64 carry bytes through the engine's JSON.
export function toBase64(bytes) {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(b64) {
  const s = atob(b64 || "");
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
