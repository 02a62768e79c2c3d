// Package jsoniter stands in for github.com/json-iterator/go (see the
// replace in the repository's go.mod). Its one user in the build is gonja's
// pprint filter, which the playground's Jinja replaces with Python's repr
// (pipeline/internal/jinja/pyfilters.go), so it never runs; the real module
// and the reflect2 package it pulls in were some 1 MB of the wasm module.
package jsoniter

import "encoding/json"

// MarshalIndent is encoding/json's.
func MarshalIndent(v any, prefix, indent string) ([]byte, error) {
	return json.MarshalIndent(v, prefix, indent)
}
