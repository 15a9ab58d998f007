/*! gotrue-wasm: GoTrue for the browser, in Go. ES module that carries gotrue.wasm (gzip, base64), for bundles that cannot ship a separate file. */
/*GO*/
/*GLUE*/
/*LOADERS*/
/*INSTALL*/
const GoTrue = createGoTrue(Go, inline(/*WASM_GZIP_BASE64*/));
installGlobal(GoTrue, false);
const { User, Admin, HTTPError, TextHTTPError, JSONHTTPError } = GoTrue;
export { GoTrue as default, User, Admin, HTTPError, TextHTTPError, JSONHTTPError };
