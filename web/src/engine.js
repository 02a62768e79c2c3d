// Engine runs the pipeline in a Web Worker and keeps the page responsive.
// Calls are served one at a time in order. stop() asks Go to cancel the
// running call (which interrupts SQLite); if the worker does not answer
// within STOP_GRACE_MS it is terminated and a fresh one started, which
// loses the built tables but never the editor's text (that lives here, on
// the page's thread).

const STOP_GRACE_MS = 800;
const WATCHDOG_GRACE_MS = 2000;

const DEFAULT_LIMIT_S = 30;

// limitMs is the time limit in the page's Limit box, in milliseconds.
function limitMs() {
  const box = typeof document !== "undefined" && document.getElementById("timeout");
  return (Number(box && box.value) || DEFAULT_LIMIT_S) * 1000;
}

export class Engine {
  constructor(module, workerURL, events) {
    this.module = module;
    this.workerURL = workerURL;
    this.events = events; // {onRestart(reason), onExit(message)}
    this.nextID = 1;
    this.queue = [];
    this.current = null;
    this.worker = null;
  }

  // start creates the worker and resolves when Go is ready.
  start() {
    const w = new Worker(this.workerURL);
    this.worker = w;
    this.ready = new Promise((resolve, reject) => {
      w.onmessage = (e) => {
        const m = e.data;
        if (m.type === "ready") resolve();
        else this.onMessage(m);
      };
      w.onerror = (e) => {
        reject(new Error(e.message || "the worker failed to start"));
        this.onMessage({ type: "exit", message: e.message || "worker error" });
      };
    });
    w.postMessage({ type: "init", module: this.module });
    return this.ready;
  }

  // call sends one request; onStep receives build steps as they finish.
  // It resolves with the bridge's response {ok, result, error, seconds}.
  // Every call runs under the time limit (the page's Limit box), not only
  // builds and queries: lineage, tables, compile, identity and share calls
  // render a stranger's templates and read their views too.
  call(req, onStep) {
    return new Promise((resolve) => {
      const timeout_ms = req.timeout_ms > 0 ? req.timeout_ms : limitMs();
      this.queue.push({ req: { ...req, timeout_ms, id: this.nextID++ }, onStep, resolve, created: performance.now() });
      this.pump();
    });
  }

  get busy() {
    return this.current !== null;
  }

  async pump() {
    if (this.current || this.queue.length === 0) return;
    const job = this.queue.shift();
    this.current = job;
    try {
      await this.ready;
    } catch (err) {
      this.finish(job, { ok: false, error: { message: String(err.message || err) } });
      return;
    }
    if (this.current !== job) return;
    job.posted = performance.now();
    // The files go beside the JSON: Go reads them string by string, which
    // costs less in js/wasm than decoding them from JSON.
    const { files, ...rest } = job.req;
    this.worker.postMessage({ type: "call", id: job.req.id, json: JSON.stringify(rest), files });
    // Go checks the time limit itself, between statements and inside
    // SQLite; the watchdog covers work that never looks at the clock.
    if (job.req.timeout_ms > 0) {
      job.watchdog = setTimeout(() => {
        if (this.current === job) this.restart("time limit reached: the engine did not answer, so it was restarted and the built tables are gone");
      }, job.req.timeout_ms + WATCHDOG_GRACE_MS);
    }
  }

  onMessage(m) {
    const job = this.current;
    if (m.type === "steps") {
      if (job && job.req.id === m.id && job.onStep) for (const step of JSON.parse(m.steps)) job.onStep(step);
    } else if (m.type === "result") {
      if (job && job.req.id === m.id) {
        const t = performance.now();
        const resp = JSON.parse(m.json);
        // Where a call's time went, in ms: waiting behind other calls,
        // posted until answered (the worker's whole turn), the Go call in
        // the worker (the rest of the turn waited for this thread) and
        // parsing the answer here (the benchmarks print it).
        resp.timing = { queued: job.posted - job.created, worker: t - job.posted, call: m.call, parse: performance.now() - t, bytes: m.json.length };
        this.finish(job, resp);
      }
    } else if (m.type === "exit") {
      // Go ended (a panic the bridge could not catch): start over.
      this.restart(m.message || "the engine stopped");
    }
  }

  finish(job, resp) {
    clearTimeout(this.stopTimer);
    clearTimeout(job.watchdog);
    if (this.current === job) this.current = null;
    job.resolve(resp);
    this.pump();
  }

  // stop cancels the running call and drops queued ones.
  stop() {
    const job = this.current;
    for (const q of this.queue.splice(0)) q.resolve({ ok: false, error: { message: "stopped" }, stopped: true });
    if (!job) return;
    this.worker.postMessage({ type: "cancel", id: job.req.id });
    clearTimeout(this.stopTimer);
    this.stopTimer = setTimeout(() => {
      if (this.current === job) this.restart("stopped: the engine did not answer, so it was restarted and the built tables are gone");
    }, STOP_GRACE_MS);
  }

  restart(reason) {
    // A worker that dies as it starts (a broken build of the site) would
    // restart for ever: give up after a few quick failures.
    const now = Date.now();
    this.restarts = (this.restarts || []).filter((t) => now - t < 10000);
    this.restarts.push(now);
    if (this.restarts.length > 3) {
      if (this.worker) this.worker.terminate();
      const job = this.current;
      this.current = null;
      if (job) job.resolve({ ok: false, error: { message: reason }, stopped: true });
      for (const q of this.queue.splice(0)) q.resolve({ ok: false, error: { message: reason } });
      this.ready = Promise.reject(new Error("the engine keeps failing: " + reason));
      this.ready.catch(() => {});
      if (this.events.onRestart) this.events.onRestart("the engine keeps failing: " + reason);
      return;
    }
    const job = this.current;
    this.current = null;
    clearTimeout(this.stopTimer);
    if (job) clearTimeout(job.watchdog);
    if (this.worker) this.worker.terminate();
    if (job) job.resolve({ ok: false, error: { message: reason }, stopped: true, restarted: true });
    this.start().catch(() => {});
    if (this.events.onRestart) this.events.onRestart(reason);
    this.pump();
  }
}

// loadModule fetches and compiles nexus.wasm, reporting progress as a
// fraction. rawBytes is the uncompressed size written into the page by the
// build, since a compressed response's Content-Length is not what the
// stream yields. Compiling from the fetch's own Response (streaming) lets
// the browser compile while the bytes arrive and cache the optimised code
// for the next visit; a clone of the response is read only to count bytes.
export async function loadModule(url, rawBytes, onProgress) {
  const resp = await fetch(url);
  if (!resp.ok) throw new Error(`${url}: ${resp.status} ${resp.statusText}`);
  if (WebAssembly.compileStreaming && resp.headers.get("Content-Type") === "application/wasm") {
    const counting = count(resp.clone(), rawBytes, onProgress);
    const module = await WebAssembly.compileStreaming(resp);
    await counting;
    return module;
  }
  // A host that serves .wasm with another type: compile from the bytes.
  const bytes = await resp.arrayBuffer();
  onProgress(1);
  return WebAssembly.compile(bytes);
}

async function count(resp, rawBytes, onProgress) {
  if (!resp.body || !rawBytes) return;
  const reader = resp.body.getReader();
  let got = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    got += value.length;
    onProgress(Math.min(got / rawBytes, 1));
  }
}
