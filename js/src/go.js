// Go's wasm_exec.js, from the toolchain that built gotrue.wasm, kept out of
// the page's globals: its polyfills (fs, process, path) and its Go class
// stay in this scope, and fs and process are lent to globalThis only while
// the Go runtime initialises (its syscall package reads them once). Where
// the runtime lacks TextEncoder/TextDecoder (Jest's jsdom environment) or
// crypto (Node 18), the Node entries hand over Node's as nodeGlobals, for
// this scope only.
const Go = ((node) => {
  let fs = globalThis.fs;
  let process = globalThis.process;
  let path = globalThis.path;
  let TextEncoder = globalThis.TextEncoder || node.TextEncoder;
  let TextDecoder = globalThis.TextDecoder || node.TextDecoder;
  let crypto = globalThis.crypto || node.crypto;
  let Go;
  /*WASM_EXEC*/
  const lent = { fs, process };
  return class extends Go {
    run(instance) {
      const added = Object.keys(lent).filter((k) => !(k in globalThis));
      for (const k of added) globalThis[k] = lent[k];
      try {
        return super.run(instance);
      } finally {
        for (const k of added) delete globalThis[k];
      }
    }
  };
})(typeof nodeGlobals === 'undefined' ? {} : nodeGlobals);
