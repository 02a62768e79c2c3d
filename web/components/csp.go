// Package components holds the playground page's HTML as templ components.
// Everything dynamic on the page is built by the bundled JavaScript with
// DOM calls, never from HTML strings, so project data cannot become markup.
package components

// CSP is the page's Content-Security-Policy. The build writes it as a
// <meta> so static hosts apply it; the dev server also sends it as a header
// (with frame-ancestors, which a <meta> cannot carry). 'wasm-unsafe-eval'
// is the one exception Go's WebAssembly runtime needs; there is no inline
// script and no eval.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; " +
	"style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
	"object-src 'none'; base-uri 'none'; form-action 'none'"

// HeaderCSP is CSP plus the directives only a response header can carry.
const HeaderCSP = CSP + "; frame-ancestors 'self'"

// EmbedHeaderCSP is the header for the page in embed mode (?embed=1), the
// compact view documentation pages put in an iframe: any page may frame it.
// Everything else about the policy is unchanged.
const EmbedHeaderCSP = CSP + "; frame-ancestors *"

// PageProps are the facts of one build the page needs.
type PageProps struct {
	// WasmBytes is the size of nexus.wasm before compression, for the
	// progress bar (a compressed response's length says nothing useful).
	WasmBytes int64
	// Version tags asset URLs so a new build is not served from cache.
	Version string
}
