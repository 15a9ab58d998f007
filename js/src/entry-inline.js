/*! gotrue-wasm: GoTrue for the browser, in Go. Classic script that carries gotrue.wasm (gzip, base64), for bundles that cannot ship a separate file. */
(function () {
  'use strict';
  const overwrite = typeof document !== 'undefined' && document.currentScript
    ? document.currentScript.hasAttribute('data-overwrite') : false;
  /*GO*/
  /*GLUE*/
  /*LOADERS*/
  /*INSTALL*/
  const GoTrue = createGoTrue(Go, inline(/*WASM_GZIP_BASE64*/));
  installGlobal(GoTrue, overwrite);
})();
