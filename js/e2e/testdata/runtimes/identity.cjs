// @netlify/identity's CommonJS build, as a server-side function requires
// it: it does require("gotrue-js"), which this app maps to the library
// under test.
const id = require('@netlify/identity');

import('./identity-report.mjs').then(({ report }) => report(id));
