// The ways to get gotrue.wasm's instance. prefetch(priority) fetches (or
// decodes) and compiles the module off the main thread, once, and returns
// the Promise of the compiled module; instantiate(importObject) waits for
// it, fetching first if nothing has, and instantiates it: only that and
// running Go happen on the main thread. A fetch that fails (the network, a
// 503) is tried again by the next prefetch; a module that cannot be
// compiled (a Content-Security-Policy without 'wasm-unsafe-eval') is not.

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

// workerSource fetches and compiles gotrue.wasm in a worker: even streamed,
// compiling a module of this size on the main thread blocks it for 100-300
// ms (measured in Chromium), while a compiled Module posted back costs the
// page nothing, and instantiating it 10-20 ms. A response that is not
// WebAssembly (an HTML page, say) is reported as such, not as a failed
// compile.
const workerSource = `onmessage = async (e) => {
  const { url, gz, priority } = e.data;
  let stage = 'fetched';
  const notWasm = (type, bytes) => {
    const head = new TextDecoder().decode(bytes.slice(0, 16)).replace(/\\s+/g, ' ').trim();
    return new Error('received ' + (type || 'no Content-Type') + (head ? ', starting "' + head + '"' : '') + ', not WebAssembly');
  };
  try {
    let bytes;
    if (gz) {
      stage = 'compiled';
      bytes = await new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
    } else {
      const response = await fetch(url, priority ? { priority } : {});
      if (!response.ok) throw new Error('HTTP ' + response.status + ' ' + response.statusText);
      const type = response.headers.get('Content-Type') || '';
      if (typeof WebAssembly.compileStreaming === 'function' && /application\\/wasm/.test(type)) {
        stage = 'compiled';
        postMessage({ module: await WebAssembly.compileStreaming(response) });
        return;
      }
      bytes = await response.arrayBuffer();
      const magic = new Uint8Array(bytes.slice(0, 4));
      if (magic[0] !== 0 || magic[1] !== 0x61 || magic[2] !== 0x73 || magic[3] !== 0x6d) {
        stage = 'read';
        throw notWasm(type, new Uint8Array(bytes));
      }
      stage = 'compiled';
    }
    postMessage({ module: await WebAssembly.compile(bytes) });
  } catch (err) {
    postMessage({ stage, name: err && err.name, message: String(err && err.message || err) });
  }
};`;

// inWorker compiles in a worker: msg is {url, priority} or {gz}. It rejects
// with null when no worker can be had (no Worker, a CSP that refuses blob:
// workers), so that the caller compiles on the main thread instead.
const inWorker = (msg, url) => new Promise((resolve, reject) => {
  let w;
  const source = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
  try {
    w = new Worker(source);
  } catch {
    URL.revokeObjectURL(source);
    reject(null);
    return;
  }
  const done = () => {
    w.terminate();
    URL.revokeObjectURL(source);
  };
  w.onmessage = (e) => {
    done();
    if (e.data.module) resolve(e.data.module);
    else reject(wasmError(e.data.stage, url, e.data));
  };
  w.onerror = (e) => {
    e.preventDefault();
    done();
    reject(null);
  };
  w.postMessage(msg, msg.gz ? [msg.gz.buffer] : []);
});

// onMainThread is the fallback: fetch and compile (streamed when it can)
// here.
const onMainThread = async (url, gz, priority) => {
  let bytes = gz;
  try {
    if (gz) {
      bytes = await new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
    } else {
      const response = await fetch(url, priority ? { priority } : {});
      if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
      const type = response.headers.get('Content-Type') || '';
      if (typeof WebAssembly.compileStreaming === 'function' && /application\/wasm/.test(type)) {
        try {
          return await WebAssembly.compileStreaming(response);
        } catch (e) {
          throw wasmError('compiled', url, e);
        }
      }
      bytes = await response.arrayBuffer();
      const magic = new Uint8Array(bytes.slice(0, 4));
      if (magic[0] !== 0 || magic[1] !== 0x61 || magic[2] !== 0x73 || magic[3] !== 0x6d) {
        const head = new TextDecoder().decode(new Uint8Array(bytes.slice(0, 16))).replace(/\s+/g, ' ').trim();
        throw wasmError('read', url, new Error(`received ${type || 'no Content-Type'}${head ? `, starting "${head}"` : ''}, not WebAssembly`));
      }
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
// A failure that trying again can mend is forgotten, so that the next call
// tries again.
const compiler = (compile) => {
  let compiled = null;
  const prefetch = (priority) => {
    if (!compiled) {
      const attempt = compile(priority);
      compiled = attempt;
      attempt.catch((e) => {
        if (!lasting.has(e) && compiled === attempt) compiled = null;
      });
    }
    return compiled;
  };
  return { prefetch, instantiate: async (imports) => WebAssembly.instantiate(await prefetch('high'), imports) };
};

// streamed is gotrue.wasm at url.
const streamed = (url) => {
  const href = `${url}`;
  return compiler((priority) => (typeof Worker === 'function' ? inWorker({ url: href, priority }, href) : Promise.reject(null))
    .catch((e) => (e === null ? onMainThread(href, null, priority) : Promise.reject(e))));
};

// inline is the module carried in the script itself, gzipped and in
// base64, for bundles that cannot ship a separate file (IIFE, UMD).
const inline = (b64) => compiler(() => {
  const gz = () => (typeof Uint8Array.fromBase64 === 'function' ? Uint8Array.fromBase64(b64) : Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
  return (typeof Worker === 'function' ? inWorker({ gz: gz() }, '') : Promise.reject(null))
    .catch((e) => (e === null ? onMainThread('', gz()) : Promise.reject(e)));
});
