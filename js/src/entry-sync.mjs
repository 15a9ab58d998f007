/*! gotrue-wasm: GoTrue for the browser, in Go. Synchronous ES module. */
/*GO*/
/*GLUE*/
/*INSTALL*/
const GoTrue = createGoTrue(Go, instantiateInline(/*WASM_BASE64*/));
installGlobal(GoTrue, false);
const { User, Admin, HTTPError, TextHTTPError, JSONHTTPError, ready } = GoTrue;
export { GoTrue as default, User, Admin, HTTPError, TextHTTPError, JSONHTTPError, ready };
