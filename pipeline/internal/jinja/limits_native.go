//go:build !(js && wasm)

package jinja

// MaxWork natively: packages that render the whole project's graph into
// one statement (an artifacts upload) make over 100,000 macro calls in a
// project of a thousand nodes; the run's time limit bounds the rest.
const MaxWork = 1_000_000
