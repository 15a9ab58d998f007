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

// workerSource compiles gotrue.wasm in a worker: even streamed, compiling
// a module of this size on the main thread blocks it for 100-300 ms
// (measured in Chromium), while a compiled Module posted back costs the
// page nothing, and instantiating it 10-20 ms.
const workerSource = `onmessage = async (e) => {
  const { url, gz } = e.data;
  let stage = 'fetched';
  try {
    let bytes;
    if (gz) {
      stage = 'compiled';
      bytes = await new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
    } else {
      const response = await fetch(url);
      if (!response.ok) throw new Error('HTTP ' + response.status);
      stage = 'compiled';
      if (typeof WebAssembly.compileStreaming === 'function' && /application\\/wasm/.test(response.headers.get('Content-Type') || '')) {
        postMessage({ module: await WebAssembly.compileStreaming(response) });
        return;
      }
      bytes = await response.arrayBuffer();
    }
    postMessage({ module: await WebAssembly.compile(bytes) });
  } catch (err) {
    postMessage({ stage, name: err && err.name, message: String(err && err.message || err) });
  }
};`;

// inWorker compiles in a worker: msg is {url} or {gz}. It rejects with
// null when no worker can be had (no Worker, a CSP that refuses blob:
// workers), so that the caller compiles on the main thread instead.
const inWorker = (msg, url) => new Promise((resolve, reject) => {
  let w;
  try {
    w = new Worker(URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' })));
  } catch {
    reject(null);
    return;
  }
  w.onmessage = (e) => {
    w.terminate();
    if (e.data.module) resolve(e.data.module);
    else reject(wasmError(e.data.stage, url, e.data));
  };
  w.onerror = (e) => {
    e.preventDefault();
    w.terminate();
    reject(null);
  };
  w.postMessage(msg, msg.gz ? [msg.gz.buffer] : []);
});

// onMainThread is the fallback: compile (streamed when it can) here.
const onMainThread = async (url, gz) => {
  let bytes = gz;
  try {
    if (gz) {
      bytes = await new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
    } else {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      if (typeof WebAssembly.compileStreaming === 'function' && /application\/wasm/.test(response.headers.get('Content-Type') || '')) {
        try {
          return await WebAssembly.compileStreaming(response);
        } catch (e) {
          throw wasmError('compiled', url, e);
        }
      }
      bytes = await response.arrayBuffer();
    }
  } catch (e) {
    throw e && /^gotrue-wasm:/.test(e.message) ? e : wasmError(gz ? 'compiled' : 'fetched', url, e);
  }
  try {
    return await WebAssembly.compile(bytes);
  } catch (e) {
    throw wasmError('compiled', url, e);
  }
};

// compiler fetches (or decodes) and compiles the module once, in a worker
// where the page allows one; prefetch starts it, instantiate waits for it.
const compiler = (compile) => {
  let compiled = null;
  const prefetch = () => {
    if (!compiled) {
      compiled = compile();
      compiled.catch(() => {}); // reported when Go starts
    }
    return compiled;
  };
  return { prefetch, instantiate: async (imports) => WebAssembly.instantiate(await prefetch(), imports) };
};

// streamed is gotrue.wasm at url.
const streamed = (url) => {
  const href = `${url}`;
  return compiler(() => (typeof Worker === 'function' ? inWorker({ url: href }, href) : Promise.reject(null))
    .catch((e) => (e === null ? onMainThread(href) : Promise.reject(e))));
};

// inline is the module carried in the script itself, gzipped and in
// base64, for bundles that cannot ship a separate file (IIFE, UMD).
const inline = (b64) => compiler(() => {
  const gz = () => (typeof Uint8Array.fromBase64 === 'function' ? Uint8Array.fromBase64(b64) : Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
  return (typeof Worker === 'function' ? inWorker({ gz: gz() }, '') : Promise.reject(null))
    .catch((e) => (e === null ? onMainThread('', gz()) : Promise.reject(e)));
});
