/*! gotrue-wasm: GoTrue for the browser, in Go. Non-blocking ES module: streams gotrue.wasm. */
/*GO*/
/*GLUE*/
/*INSTALL*/
const GoTrue = createGoTrue(Go, instantiateStreaming(new URL('./gotrue.wasm', import.meta.url)));
installGlobal(GoTrue, false);
await GoTrue.ready;
const { User, Admin, HTTPError, TextHTTPError, JSONHTTPError, ready } = GoTrue;
export { GoTrue as default, User, Admin, HTTPError, TextHTTPError, JSONHTTPError, ready };
