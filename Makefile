# gotrue-wasm: `make demo` runs the playground, `make test` runs every test.
SHELL := bash
GO ?= go

.PHONY: all test test-go vet
all: test

vet:
	$(GO) vet ./...

test-go:
	$(GO) test -race -count=1 ./...

test: vet test-go
