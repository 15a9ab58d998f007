/*! gotrue-wasm: GoTrue for the browser, in Go. Classic script: window.GoTrue at once; gotrue.wasm, next to this script, when it is needed. */
(function () {
  'use strict';
  const script = typeof document !== 'undefined' ? document.currentScript : null;
  const overwrite = script ? script.hasAttribute('data-overwrite') : false;
  // The module is the content-hashed copy next to this script, or data-wasm,
  // resolved against this script's URL (a blob: worker fetches it, which
  // could not resolve a relative one).
  const base = script && script.src ? script.src : location.href;
  const wasmURL = new URL(script && script.dataset.wasm ? script.dataset.wasm : '__WASM_FILE__', base).href;
  /*GO*/
  /*GLUE*/
  /*LOADERS*/
  /*INSTALL*/
  const loader = streamed(wasmURL);
  loader.prefetchRequested = script ? script.hasAttribute('data-prefetch') : false;
  const GoTrue = createGoTrue(Go, loader);
  installGlobal(GoTrue, overwrite);
})();
