# Nexus Playground. `make run` serves the playground, `make test` runs every test.
GO        ?= go
WASM_EXEC := $(shell $(GO) env GOROOT)/lib/wasm/go_js_wasm_exec

# The real dbt projects the tests build (shared/realdata) sit beside the repository, or
# beside the one a fresh clone was made from (its origin): found once here, the tests read
# NEXUS_REALDATA; without them those tests skip and say so.
NEXUS_REALDATA ?= $(shell for r in . "$$(git config --get remote.origin.url 2>/dev/null)"; do \
  d=$$(cd "$$r" 2>/dev/null && pwd) || continue; \
  while [ "$$d" != / ]; do [ -d "$$d/shared/realdata" ] && { echo "$$d/shared/realdata"; exit 0; }; d=$$(dirname "$$d"); done; \
done)
export NEXUS_REALDATA

.PHONY: run dist dist-fast web-deps test test-readme test-fmt test-go test-wasm test-oracle test-browser fuzz bench bench-wasm bench-browser generate clean

# run: build the static site into dist/ (fast compression) and serve exactly that folder
# on http://localhost:$(PORT)/ (make run PORT=9000).
PORT ?= 8080
run: dist-fast
	$(GO) run ./web/cmd/serve -addr :$(PORT) -dir dist

# dist: the static site (HTML, wasm, JS, CSS, pre-compressed copies) for any static host,
# with full compression (gzip -9, brotli 11: the files you deploy). The build prints each step.
dist: web-deps
	$(GO) run ./web/cmd/build -out dist

# dist-fast: the same site with fast compression, for a local server and the browser tests.
dist-fast: web-deps
	$(GO) run ./web/cmd/build -out dist -fast

# web-deps: the editor's npm packages, pinned by web/package-lock.json.
web-deps:
	cd web && npm ci --no-audit --no-fund

# test: formatting, vet, native tests, the same tests as js/wasm under node, then the browser tests.
test: test-fmt test-go test-wasm test-oracle test-browser fuzz

# test-readme: every command of README.md in order on a fresh copy of the tracked files
# (make run is started on a free port and probed; make test is this suite and is left out).
test-readme:
	$(GO) test ./readme/ -v -timeout 60m

test-fmt:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

test-go:
	$(GO) test ./pipeline/... ./wasm/... 

# test-wasm: the pipeline's tests compiled to js/wasm and run by node (same goldens, same tables).
# js/wasm runs several times slower than native: a package may need more than go test's default
# 10 minutes on a busy machine.
test-wasm:
	GOOS=js GOARCH=wasm $(GO) test -timeout 30m -exec="$(WASM_EXEC)" ./pipeline/... ./wasm/...

# test-oracle: the DuckDB conformance table run on DuckDB itself as well as on our
# SQLite. A nested module (cgo, ~730 MB of DuckDB in the module cache) that neither
# the main module's tests nor its js/wasm build see.
test-oracle:
	cd pipeline/internal/sqlfunc/oracle && $(GO) vet ./... && CGO_ENABLED=1 $(GO) test -count=1 ./...

# test-browser: end-to-end tests in headless Chromium against the served dist/.
test-browser: dist-fast
	$(GO) test -timeout 40m ./web/...

# fuzz: a short run of every fuzz target (seeds are committed under testdata/fuzz). The
# budget is a count of inputs, not a duration: with a duration, Go 1.26's fuzzing
# coordinator can report its own deadline as a failure (go.dev/issue/75804).
FUZZTIME ?= 200000x
fuzz:
	$(GO) test ./pipeline/internal/dialect -run '^$$' -fuzz '^FuzzTranslate$$' -fuzztime $(FUZZTIME)
	$(GO) test ./pipeline/share -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME)
	$(GO) test ./pipeline/share -run '^$$' -fuzz '^FuzzReadZip$$' -fuzztime $(FUZZTIME)
	$(GO) test ./pipeline/internal/seed -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME)
	$(GO) test ./pipeline/internal/yamlx -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME)

# bench: native benchmarks (identity resolution, seeds, pipeline stages).
bench:
	$(GO) test ./pipeline/... -run '^$$' -bench . -benchmem

# bench-wasm: generated projects built natively and as js/wasm under node, and the
# recursive-CTE peer on sql.js, with wasm/native ratios and the budgets checked. It
# includes the 100,000-person project (most of half an hour on 2 cores); BENCH_WASM_FLAGS=
# leaves it out.
BENCH_WASM_FLAGS ?= --large
bench-wasm:
	cd bench && npm ci --no-audit --no-fund
	node bench/bench.mjs $(BENCH_WASM_FLAGS)

# bench-browser: the demo in headless Chromium (first run from navigation, runs after it,
# a returning visitor), and generated projects built there and natively, in one run
# (NEXUS_BENCH_PERSONS=1000,4000 sets the sizes).
bench-browser: dist
	$(GO) test ./web/e2e -run '^$$' -bench 'Browser(Demo|Build)' -benchtime 1x

# generate: templ components to Go (the generated *_templ.go files are committed).
generate:
	$(GO) run github.com/a-h/templ/cmd/templ@v0.3.1100 generate ./web/components

clean:
	rm -rf dist target samples/*/target demo.db* quickstart.db*
