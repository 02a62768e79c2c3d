// Package share puts a whole project into a URL fragment and back, and reads
// and writes projects as zip archives, refusing hostile archives on the way
// in.
//
// It has no browser code: the playground's wasm bridge and the nexus command
// both call it.
//
// # Share links
//
// A fragment is a version prefix followed by base64url (no padding) of a raw
// DEFLATE stream of a txtar archive:
//
//	p1.<data>          a full project
//	s1.<sample>.<data> the named sample plus edits
//
// The archive's comment is empty. Project files come first, sorted by path,
// each as a "-- path --" section. After them come reserved sections, whose
// names start with "." and so can never be project files:
//
//	-- .vars --     the vars text (YAML or JSON), when there is one
//	-- .dialect --  the warehouse chosen in the page (bigquery, snowflake,
//	                duckdb, sqlite), when one was: it overrides profiles.yml
//	-- .deleted --  s1 only: sample files the project removed, one per line
//	-- .nonl --     sections whose content does not end in a newline: the
//	                newline txtar adds is dropped on decoding
//	-- .quoted --   sections holding a line that starts with "-- ", which
//	                txtar would read as a file marker: each of their lines is
//	                stored behind a ">" that decoding removes
//
// An s1 link holds only files that differ from the sample or are new. Decoding
// applies the edits to the sample's files and checks the result like any
// other archive, so a link reproduces the project byte for byte or is refused
// with an [ArchiveError].
package share
