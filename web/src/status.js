// The status line, the Run and Stop buttons, and the body's data-* figures
// of the last run (which the browser tests and benchmarks read). They
// follow the run controller's events.

import { $, fmtSec } from "./dom.js";
import { describe } from "./runlog.js";

export function setStatus(state, text) {
  const el = $("status");
  el.dataset.state = state;
  el.textContent = text;
}

export function followRuns(ctl) {
  ctl.on("busy", ({ on, label }) => {
    $("run").disabled = on;
    $("console-run").disabled = on;
    $("stop").disabled = !on;
    if (on) setStatus("running", label || "Running…");
    else if ($("status").dataset.state === "running") setStatus("ready", "Ready");
  });
  ctl.on("step", ({ step }) => setStatus("running", `Running ${step.index}/${step.total} ${step.name}`));
  ctl.on("stopping", () => setStatus("stopping", "Stopping…"));
  ctl.on("restarted", ({ reason }) => {
    setStatus("stopped", reason.startsWith("stopped") ? "Stopped (engine restarted)" : "Engine restarted: " + reason);
    document.body.dataset.lastRun = "stopped";
  });
  // From Run to the frame that shows the run's log and tables.
  ctl.on("run-shown", ({ wall }) => {
    document.body.dataset.lastRunShownSeconds = String(wall);
    document.body.dataset.shownRuns = String(Number(document.body.dataset.shownRuns || 0) + 1);
  });
  ctl.on("run-end", ({ resp, wall, ok, stopped, first }) => {
    const data = document.body.dataset;
    data.lastRun = ok ? "ok" : stopped ? "stopped" : "error";
    data.lastRunSeconds = String(wall);
    data.lastRunEngineSeconds = resp.ok && resp.result ? String(resp.result.seconds) : "";
    // The run's time by part, in ms: queued, worker (posted to answered),
    // call (the worker's Go call), bridge (the request served, without
    // its JSON), build, changes (the tables compared
    // with the previous run's), plan and sql (the build's planning and its
    // statements, how many), parse (the answer's JSON on the page).
    const t = resp.timing || {};
    const prof = resp.ok && resp.result ? resp.result.profile : undefined;
    const ms = (s) => (s === undefined ? undefined : Math.round(s * 1000));
    data.lastRunTiming = JSON.stringify({
      queued: Math.round(t.queued), worker: Math.round(t.worker), call: Math.round(t.call), bridge: ms(resp.seconds),
      build: resp.ok && resp.result ? ms(resp.result.seconds) : undefined,
      changes: resp.ok && resp.result && resp.result.changes ? ms(resp.result.changes.seconds) : undefined,
      plan: prof ? ms(prof.plan_seconds) : undefined, sql: prof ? ms(prof.sql_seconds) : undefined, statements: prof ? prof.statements : undefined,
      parse: Math.round(t.parse), bytes: t.bytes,
    });
    data.runs = String(Number(data.runs || 0) + 1);
    setStatus(ok ? "done" : stopped ? "stopped" : "error",
      ok ? `Done in ${fmtSec(wall)}` : stopped ? "Stopped" : `Failed: ${describe(resp.ok ? (resp.result.diagnostics || [])[0] : resp.error)}`);
    if (first) {
      performance.mark("nexus-first-run-done");
      data.firstRunMs = String(Math.round(performance.now()));
      data.firstRunSeconds = String(wall);
    }
  });
}
