//go:build !js

// Package e2e drives gotrue-wasm in headless Chromium exactly as page code
// does: scripts and modules from js/dist, new GoTrue(…), await, instanceof,
// localStorage, against the emulator on the same origin. Its tests build
// js/dist first, and need Debian's chromium (make test installs it).
package e2e
