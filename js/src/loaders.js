// The ways to get gotrue.wasm's instance. prefetch(priority) fetches (or
// decodes) and compiles the module, once, and returns the Promise of the
// compiled module; instantiate(importObject) waits for it, fetching first
// if nothing has, and instantiates it. A fetch that fails (the network, a
// 503) is tried again by the next prefetch; a module that cannot be
// compiled (a Content-Security-Policy without 'wasm-unsafe-eval') is not.
//
// Compiling is streamed: the engine compiles the module as it downloads,
// on its own threads, and lazily (a function when it first runs), so the
// page's main thread pays no long task for it (measured in Chromium 156,
// make bench: 0 ms of long tasks at load). An earlier build compiled in a
// worker, when compiling cost the main thread 100-300 ms; with lazy
// compilation, starting the worker only delayed a repeat visit by 20 ms.

// lasting holds the errors that trying again cannot mend.
const lasting = new WeakSet();

// wasmError is the one Error every waiting call rejects with when the
// module cannot be had: what failed, and what to do.
const wasmError = (what, url, e) => {
  const msg = e && e.message ? e.message : String(e);
  const from = url ? ` from ${url}` : '';
  let error;
  if (/unsafe-eval|Content.Security.Policy|Refused to compile/i.test(msg)) {
    error = new Error(`gotrue-wasm: gotrue.wasm could not be compiled (${msg}). If the page has a Content-Security-Policy, add 'wasm-unsafe-eval' to its script-src.`);
  } else if (what === 'compiled') {
    error = new Error(`gotrue-wasm: gotrue.wasm${from} is not a WebAssembly module this entry can run (${msg}). Serve the gotrue.wasm of the same build as the script.`);
  } else if (what === 'read') {
    error = new Error(`gotrue-wasm: what was received${from} is not gotrue.wasm (${msg}). Check the path (data-wasm, or the file next to the script): a site that answers unknown paths with its index.html sends a page instead.`);
  } else {
    error = new Error(`gotrue-wasm: gotrue.wasm could not be fetched${from} (${msg}). Serve it next to the script with Content-Type: application/wasm, or point data-wasm at it.`);
  }
  if (what === 'compiled') lasting.add(error);
  return error;
};

// mark puts a moment of the loading on the page's timeline, for make bench.
const mark = (name) => {
  if (typeof performance !== 'undefined' && performance.mark) performance.mark(`gotrue-wasm:${name}`);
};

// compiled compiles bytes, or a response it streams from.
const compiled = async (what, url) => {
  try {
    const module = await what();
    mark('compiled');
    return module;
  } catch (e) {
    throw wasmError('compiled', url, e);
  }
};

// notWasm is the error for a response that is not WebAssembly (an HTML
// page, say), reported as such, not as a failed compile.
const notWasm = (url, type, bytes) => {
  const head = new TextDecoder().decode(bytes.slice(0, 16)).replace(/\s+/g, ' ').trim();
  return wasmError('read', url, new Error(`received ${type || 'no Content-Type'}${head ? `, starting "${head}"` : ''}, not WebAssembly`));
};

// fetchCompile fetches url (at priority, where fetch takes one) and
// compiles what it receives, streamed when it is served as application/wasm.
const fetchCompile = async (url, priority) => {
  mark('asked');
  let response;
  try {
    response = await fetch(url, priority ? { priority } : {});
  } catch (e) {
    throw wasmError('fetched', url, e);
  }
  if (!response.ok) throw wasmError('fetched', url, new Error(`HTTP ${response.status} ${response.statusText}`));
  mark('responded');
  const type = response.headers.get('Content-Type') || '';
  if (typeof WebAssembly.compileStreaming === 'function' && /application\/wasm/.test(type)) {
    return compiled(() => WebAssembly.compileStreaming(response), url);
  }
  let bytes;
  try {
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (e) {
    throw wasmError('fetched', url, e);
  }
  if (bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) throw notWasm(url, type, bytes);
  return compiled(() => WebAssembly.compile(bytes), url);
};

// compiler fetches (or decodes) and compiles the module once; prefetch
// starts it, instantiate waits for it. A failure that trying again can
// mend is forgotten, so that the next call tries again.
const compiler = (compile) => {
  let module = null;
  const prefetch = (priority) => {
    if (!module) {
      const attempt = compile(priority);
      module = attempt;
      attempt.catch((e) => {
        if (!lasting.has(e) && module === attempt) module = null;
      });
    }
    return module;
  };
  const instantiate = async (imports) => {
    const m = await prefetch('high');
    mark('instantiate');
    return WebAssembly.instantiate(m, imports);
  };
  return { prefetch, instantiate };
};

// streamed is gotrue.wasm at url.
const streamed = (url) => {
  const href = `${url}`;
  return compiler((priority) => fetchCompile(href, priority));
};

// inline is the module carried in the script itself, gzipped and in
// base64, for bundles that cannot ship a separate file (IIFE, UMD): the
// browser's DecompressionStream inflates it off the main thread.
const inline = (b64) => compiler(() => compiled(async () => {
  const gz = typeof Uint8Array.fromBase64 === 'function' ? Uint8Array.fromBase64(b64) : Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const bytes = await new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
  return WebAssembly.compile(bytes);
}, ''));
