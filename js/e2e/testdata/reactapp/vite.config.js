// GOTRUE_JS is what the bare specifier gotrue-js resolves to: gotrue-js
// 1.0.1 for the reference build, the gotrue-wasm package for ours (the
// bundler alias of the README's "Swapping gotrue-js in an app").
export default {
  resolve: { alias: { 'gotrue-js': process.env.GOTRUE_JS } },
  build: { outDir: process.env.OUT_DIR, emptyOutDir: true },
  logLevel: 'error',
};
