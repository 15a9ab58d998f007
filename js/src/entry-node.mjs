/*! gotrue-wasm: GoTrue in Go, for Node and Deno (ES module). Importing starts nothing; the first call that needs Go reads gotrue.wasm next to this file. */
import { readFile } from 'node:fs/promises';
import { TextEncoder, TextDecoder } from 'node:util';
import { webcrypto } from 'node:crypto';
const nodeGlobals = { TextEncoder, TextDecoder, crypto: webcrypto };
/*GO*/
/*GLUE*/
const GoTrue = createGoTrue(Go, {
  instantiate: async (imports) => WebAssembly.instantiate(await WebAssembly.compile(await readFile(new URL('./gotrue.wasm', import.meta.url))), imports),
});
const { User, Admin, HTTPError, TextHTTPError, JSONHTTPError } = GoTrue;
export { GoTrue as default, User, Admin, HTTPError, TextHTTPError, JSONHTTPError };
