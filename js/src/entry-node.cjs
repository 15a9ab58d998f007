/*! gotrue-wasm: GoTrue in Go, for Node (CommonJS: require). Requiring starts nothing; the first call that needs Go reads gotrue.wasm next to this file. */
'use strict';
const { readFile } = require('node:fs/promises');
const { join } = require('node:path');
const { TextEncoder, TextDecoder } = require('node:util');
const nodeGlobals = { TextEncoder, TextDecoder, crypto: require('node:crypto').webcrypto };
/*GO*/
/*GLUE*/
const GoTrue = createGoTrue(Go, {
  instantiate: async (imports) => WebAssembly.instantiate(await WebAssembly.compile(await readFile(join(__dirname, 'gotrue.wasm'))), imports),
});
module.exports = GoTrue;
module.exports.default = GoTrue;
