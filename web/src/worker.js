// The Web Worker that hosts the Go pipeline. The page compiles nexus.wasm
// once and hands the module over, so a restart after Stop costs only an
// instantiation. Messages in: init {module}, call {id, json, files} (the
// request's files beside its JSON, which Go reads string by string),
// cancel {id}. Messages out: ready, steps {id, steps} (a JSON array of the
// build steps that finished since the last), result {id, json}, exit
// {message}.

/* global Go, nexusBridge */
self.importScripts("wasm_exec.js");

self.onmessage = async (e) => {
  const m = e.data;
  try {
    switch (m.type) {
      case "init": {
        const go = new Go();
        self.nexusReady = () => self.postMessage({ type: "ready" });
        const inst = await WebAssembly.instantiate(m.module, go.importObject);
        go.run(inst).then(
          () => self.postMessage({ type: "exit", message: "the engine stopped" }),
          (err) => self.postMessage({ type: "exit", message: String(err) }),
        );
        break;
      }
      case "call": {
        const onSteps = (steps) => self.postMessage({ type: "steps", id: m.id, steps });
        const t0 = performance.now();
        const json = await nexusBridge.call(m.json, onSteps, m.id, m.files);
        self.postMessage({ type: "result", id: m.id, json, call: performance.now() - t0 });
        break;
      }
      case "cancel":
        // A cancel can arrive before Go is up; there is nothing to cancel.
        if (self.nexusBridge) nexusBridge.cancel(m.id);
        break;
    }
  } catch (err) {
    self.postMessage({ type: "exit", id: m.id, message: String(err && err.message ? err.message : err) });
  }
};
