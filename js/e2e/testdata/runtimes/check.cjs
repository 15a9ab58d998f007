// Requires gotrue-wasm by its package name (the exports map picks the
// entry), logs in against the emulator at GOTRUE_API and prints what it saw.
const GoTrue = require('gotrue-wasm');

import('./report.mjs').then(({ report }) => report(GoTrue.default, GoTrue));
