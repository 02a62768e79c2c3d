// The project being edited: a map from path to text, kept on the page's
// thread and saved in localStorage per sample, so a worker restart or a
// reload never loses what was typed.

const PREFIX = "nexus-playground:project:";

export class Project {
  constructor(sample) {
    this.sample = sample; // {name, title, files}
    this.files = new Map();
    this.edited = false;
    const saved = load(sample.name);
    const src = saved || sample.files;
    this.edited = !!saved;
    for (const p of Object.keys(src).sort()) this.files.set(p, src[p]);
  }

  paths() {
    return [...this.files.keys()].sort(comparePaths);
  }

  get(path) {
    return this.files.get(path);
  }

  set(path, text) {
    this.files.set(path, text);
    this.touch();
  }

  remove(path) {
    this.files.delete(path);
    this.touch();
  }

  rename(from, to) {
    const text = this.files.get(from);
    this.files.delete(from);
    this.files.set(to, text);
    this.touch();
  }

  reset() {
    localStorage.removeItem(PREFIX + this.sample.name);
    this.files = new Map(Object.entries(this.sample.files));
    this.edited = false;
  }

  asObject() {
    return Object.fromEntries(this.files);
  }

  touch() {
    this.edited = true;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      try {
        localStorage.setItem(PREFIX + this.sample.name, JSON.stringify(this.asObject()));
      } catch (e) {
        // Storage full or disabled: the project still lives in memory.
      }
    }, 300);
  }
}

function load(name) {
  try {
    const raw = localStorage.getItem(PREFIX + name);
    if (!raw) return null;
    const v = JSON.parse(raw);
    if (v && typeof v === "object" && !Array.isArray(v)) {
      for (const [k, t] of Object.entries(v)) if (typeof t !== "string" || typeof k !== "string") return null;
      return v;
    }
  } catch (e) {
    // A corrupt entry is ignored; the sample loads as shipped.
  }
  return null;
}

// validPath checks a name typed by the user: relative, "/" separated, no
// empty, "." or ".." parts.
export function validPath(p) {
  if (!p || p.length > 200 || p.startsWith("/") || p.includes("\\")) return false;
  return p.split("/").every((part) => part !== "" && part !== "." && part !== ".." && !/[\u0000-\u001f]/.test(part));
}

// comparePaths lists dbt_project.yml first, then folders before files.
export function comparePaths(a, b) {
  const rank = (p) => (p === "dbt_project.yml" ? 0 : p.includes("/") ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  return a < b ? -1 : a > b ? 1 : 0;
}
