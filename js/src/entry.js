/*! gotrue-wasm: GoTrue for the browser, in Go. Classic script: window.GoTrue at once; gotrue.wasm, next to this script, runs when needed. */
(function () {
  'use strict';
  const script = typeof document !== 'undefined' ? document.currentScript : null;
  const overwrite = script ? script.hasAttribute('data-overwrite') : false;
  const wasmURL = script && script.dataset.wasm ? script.dataset.wasm
    : new URL('gotrue.wasm', script ? script.src : location.href).href;
  /*GO*/
  /*GLUE*/
  /*LOADERS*/
  /*INSTALL*/
  const GoTrue = createGoTrue(Go, streamed(wasmURL));
  installGlobal(GoTrue, overwrite);
})();
