/*! gotrue-wasm: GoTrue for the browser, in Go. Synchronous classic script. */
(function () {
  'use strict';
  const overwrite = typeof document !== 'undefined' && document.currentScript
    ? document.currentScript.hasAttribute('data-overwrite') : false;
  /*GO*/
  /*GLUE*/
  /*INSTALL*/
  const GoTrue = createGoTrue(Go, instantiateInline(/*WASM_BASE64*/));
  installGlobal(GoTrue, overwrite);
})();
