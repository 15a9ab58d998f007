//go:build js && wasm

package main

import (
	"os"
	"testing"

	"github.com/hack-pad/safejs"
)

// jsEval runs JavaScript source in tests (the Node runner has no CSP).
func jsEval(src string) safejs.Value {
	fn, err := safejs.Global().Get("Function")
	if err != nil {
		panic(err)
	}
	f, err := fn.New(src)
	if err != nil {
		panic(err)
	}
	v, err := f.Invoke()
	if err != nil {
		panic(err)
	}
	return v
}

// TestMain runs the real glue (js/src/glue.js) over this test binary's
// bridge, as a page runs it over gotrue.wasm: its Go class's run boots the
// bridge in this process. Node 20 has no window or localStorage: the page
// gets a window that is globalThis and a localStorage over a Map.
func TestMain(m *testing.M) {
	if err := lookupGlobals(); err != nil {
		panic(err)
	}
	src, err := os.ReadFile("../js/src/glue.js")
	if err != nil {
		panic(err)
	}
	booted := make(chan error, 1)
	bootFunc, err := funcOf(func(_ safejs.Value, args []safejs.Value) any {
		booted <- boot(jsString(arg(args, 0)))
		return nil
	})
	if err == nil {
		err = safejs.Global().Set("__testBoot", bootFunc)
	}
	if err != nil {
		panic(err)
	}
	jsEval(`
		const m = new Map();
		globalThis.localStorage = { getItem: (k) => m.has(k) ? m.get(k) : null, setItem: (k, v) => { m.set(k, String(v)); }, removeItem: (k) => { m.delete(k); } };
		globalThis.window = globalThis;
		globalThis.addEventListener = () => {};
		globalThis.__logged = [];
		console.error = (e) => { __logged.push(String(e && e.message)); };
		console.warn = (w) => { __logged.push(String(w)); };
		return null;`)
	jsEval(string(src) + `
		class TestGo { constructor() { this.importObject = {}; } run() { __testBoot(this.argv[1]); return new Promise(() => {}); } }
		globalThis.lib = createGoTrue(TestGo, { instantiate: async () => ({ exports: {} }) });
		lib.ready; // starts Go: here, boots this binary's bridge
		return null;`)
	if err := <-booted; err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}
