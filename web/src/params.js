// The page's URL parameters, read in one place. A docs author writes these
// by hand in an iframe's src, so each has one spelling and a checked value;
// a value outside its set is ignored rather than guessed at. A parameter
// given twice counts once, by its first pair, the rule the server follows
// (web/serve/params.go) so that both read an address the same way.
//
//   embed=1            results only, for an iframe (nothing saved)
//   sample=NAME        open a sample project; it runs once loaded unless
//                      run=0 (or the sample opened is the visitor's edited copy)
//   run=1 / 0          run the project once it has loaded (a share link's
//                      "run when opened") / never run by itself; embeds and
//                      sample= links run unless run=0
//   file=PATH          the file open in the editor (models/x.sql)
//   tab=NAME           the results tab: log, tables, person, sql, lineage,
//                      walkthroughs, guards
//   table=NAME         the table shown in the Tables tab (schema.table or table)
//   editor=1 / 0       show or hide the editor (an embed hides it by default)
//   height=PX          the editor's height in an embed with editor=1
//   walkthrough=NAME, step=N   open a walkthrough

export const TABS = { log: "log", tables: "tables", person: "person", sql: "console", console: "console", lineage: "lineage", walkthroughs: "learn", learn: "learn", guards: "guards" };

export function readParams(search = location.search) {
  const q = new URLSearchParams(search);
  const one = (k) => q.get(k);
  const flag = (k) => ({ 1: true, 0: false })[one(k)] ?? null;
  const name = (k, re) => {
    const v = one(k);
    return v !== null && re.test(v) ? v : null;
  };
  const height = Number(one("height"));
  return {
    embed: flag("embed") === true,
    sample: name("sample", /^[A-Za-z0-9_-]{1,64}$/),
    run: flag("run"),
    file: name("file", /^[^\0]{1,256}$/),
    tab: TABS[(one("tab") || "").toLowerCase()] || null,
    table: name("table", /^[A-Za-z0-9_]{1,128}(\.[A-Za-z0-9_]{1,128})?$/),
    editor: flag("editor"),
    height: Number.isInteger(height) && height >= 80 && height <= 2000 ? height : null,
    walkthrough: name("walkthrough", /^[A-Za-z0-9_-]{1,64}$/),
    step: name("step", /^[0-9]{1,3}$/),
  };
}

// params is the parsed address of this page, read once.
export const params = readParams();
