/*! gotrue-wasm: GoTrue for the browser, in Go. ES module: GoTrue at once; gotrue.wasm, next to this file, when it is needed. */
/*GO*/
/*GLUE*/
/*LOADERS*/
/*INSTALL*/
const GoTrue = createGoTrue(Go, streamed(new URL('./__WASM_FILE__', import.meta.url)));
installGlobal(GoTrue, false);
const { User, Admin, HTTPError, TextHTTPError, JSONHTTPError } = GoTrue;
export { GoTrue as default, User, Admin, HTTPError, TextHTTPError, JSONHTTPError };
