// The ways to get gotrue.wasm's instance. Each is called once, when Go
// starts (on the first call that needs it, or when the page is idle), with
// the Go runtime's import object, and returns a Promise of the instance.
// Fetching and compiling can start earlier, off the main thread (prefetch):
// only instantiating and running Go happen on it.

// wasmError is the one Error every waiting call rejects with when the
// module cannot be had: what failed, and what to do.
const wasmError = (what, url, e) => {
  const msg = e && e.message ? e.message : String(e);
  if (/unsafe-eval|Content Security Policy|CompileError|Refused to compile/i.test(msg) || (e && e.name === 'CompileError')) {
    return new Error(`gotrue-wasm: gotrue.wasm could not be compiled (${msg}). If the page has a Content-Security-Policy, add 'wasm-unsafe-eval' to its script-src.`);
  }
  return new Error(`gotrue-wasm: gotrue.wasm could not be ${what}${url ? ` from ${url}` : ''} (${msg}). Serve it next to the script with Content-Type: application/wasm, or point data-wasm at it.`);
};

// streamed fetches url and compiles it while it downloads, off the main
// thread; a server that does not send application/wasm gets the bytes
// compiled instead.
const streamed = (url) => {
  let compiled = null;
  const compile = () => {
    if (!compiled) {
      compiled = (async () => {
        let response;
        try {
          response = await fetch(url);
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
        } catch (e) {
          throw wasmError('fetched', url, e);
        }
        try {
          if (typeof WebAssembly.compileStreaming === 'function' && /application\/wasm/.test(response.headers.get('Content-Type') || '')) {
            return await WebAssembly.compileStreaming(response);
          }
          return await WebAssembly.compile(await response.arrayBuffer());
        } catch (e) {
          throw wasmError('compiled', url, e);
        }
      })();
      compiled.catch(() => {}); // reported when Go starts
    }
    return compiled;
  };
  return { prefetch: compile, instantiate: async (imports) => WebAssembly.instantiate(await compile(), imports) };
};

// inline is the module carried in the script itself, gzipped and in
// base64, for bundles that cannot ship a separate file (IIFE, UMD): it is
// decoded and compiled off the main thread once prefetched.
const inline = (b64) => {
  let compiled = null;
  const compile = () => {
    if (!compiled) {
      compiled = (async () => {
        try {
          const gz = typeof Uint8Array.fromBase64 === 'function' ? Uint8Array.fromBase64(b64) : Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
          const bytes = await new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
          return await WebAssembly.compile(bytes);
        } catch (e) {
          throw wasmError('compiled', '', e);
        }
      })();
      compiled.catch(() => {});
    }
    return compiled;
  };
  return { prefetch: compile, instantiate: async (imports) => WebAssembly.instantiate(await compile(), imports) };
};
