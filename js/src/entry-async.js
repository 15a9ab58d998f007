/*! gotrue-wasm: GoTrue for the browser, in Go. Non-blocking classic script: await GoTrue.ready. */
(function () {
  'use strict';
  const script = typeof document !== 'undefined' ? document.currentScript : null;
  const overwrite = script ? script.hasAttribute('data-overwrite') : false;
  const wasmURL = script && script.dataset.wasm ? script.dataset.wasm
    : new URL('gotrue.wasm', script ? script.src : location.href).href;
  /*GO*/
  /*GLUE*/
  /*INSTALL*/
  const GoTrue = createGoTrue(Go, instantiateStreaming(wasmURL));
  installGlobal(GoTrue, overwrite);
})();
