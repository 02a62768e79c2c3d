//go:build js && wasm

package jinja

// MaxWork in the page: a busy render holds the one thread the page's Stop
// needs to reach Go, so the cap itself must end a runaway render soon
// (100,000 calls take a few seconds there).
const MaxWork = 100_000
