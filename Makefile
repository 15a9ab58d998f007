# gotrue-wasm. `make demo` runs the playground; `make test` runs every test.
# Both install what they need: Chromium from Debian when it is missing.
SHELL := bash
GO ?= go
CHROMIUM ?= /usr/bin/chromium
GOROOT := $(shell $(GO) env GOROOT)
WASM_ENV := GOOS=js GOARCH=wasm PATH="$$PATH:$(GOROOT)/lib/wasm"

.PHONY: all build demo test vet test-go test-wasm chromium tools fuzz bench clean

all: build

## build: js/dist (gotrue.wasm, .br, .gz, the four entries, wasm_exec.js)
build:
	$(GO) run ./js/build

## bench: sizes, start-up, calls, network (loopback and through a shaped link) and memory, against the floor and gotrue-js, in one run
bench: chromium tools
	CHROMIUM=$(CHROMIUM) $(GO) run ./js/bench

## demo: build, then serve the playground on the embedded emulator
demo: build
	$(GO) run ./example

## chromium: install Debian's Chromium for the browser tests, if missing
chromium:
	@if [ ! -x "$(CHROMIUM)" ]; then \
		echo "installing chromium (apt-get)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

## tools: the reference libraries and clients (gotrue-js, the widget, @netlify/identity, react-netlify-identity),
## TypeScript, vite, jest, pnpm, yarn and the Node 18/22 and Deno binaries, pinned in js/tools/package-lock.json
tools: js/tools/node_modules/.package-lock.json

js/tools/node_modules/.package-lock.json: js/tools/package-lock.json js/tools/package.json
	cd js/tools && npm ci --no-audit --no-fund --loglevel=error

vet:
	@unformatted="$$(gofmt -l .)"; if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(WASM_ENV) $(GO) vet ./wasm/...

## test-go: the core, the emulator and the browser suites, with the race detector
test-go: chromium tools
	rm -f artifacts/robustness.txt
	CHROMIUM=$(CHROMIUM) $(GO) test -race -count=1 -timeout=30m ./...
	@cat artifacts/conformance.txt 2>/dev/null || true
	@cat artifacts/robustness.txt 2>/dev/null || true

## test-wasm: the bindings' unit tests under Node (go_js_wasm_exec); the core's
## differential tests against Node's own JSON.parse, atob, Number, String and JSON.stringify;
## and its pair tests: the core against gotrue-js 1.0.1 itself, and the glue's synchronous rules against the core
test-wasm: tools
	$(WASM_ENV) $(GO) test -count=1 ./wasm/...
	$(WASM_ENV) $(GO) test -count=1 -run 'Differential|Pair' ./gotrue/internal/core/

FUZZTIME ?= 3s
FUZZ_TARGETS := FuzzTokenClaims FuzzStoredSession FuzzErrorBody FuzzJSONScanner FuzzFormatJSNumber

## fuzz: run each fuzz target of the core for FUZZTIME (make fuzz FUZZTIME=5m for a long run)
fuzz:
	@for f in $(FUZZ_TARGETS); do $(GO) test -run='^$$' -fuzz="^$$f$$" -fuzztime=$(FUZZTIME) ./gotrue/internal/core/ || exit 1; done

test: vet test-wasm test-go fuzz

clean:
	rm -rf js/dist artifacts
