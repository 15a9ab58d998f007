// installGlobal defines window.GoTrue (D1): the constructor, which also
// carries default, User, Admin, the error classes and ready, so both
// `new GoTrue()` and `new GoTrue.default()` work. A GoTrue the page already
// has (such as the widget's) is kept unless overwrite is set.
const installGlobal = (GoTrue, overwrite) => {
  if (typeof window === 'undefined') return;
  if (window.GoTrue === undefined || overwrite) window.GoTrue = GoTrue;
};

// decodeBase64 turns the inlined module back into bytes.
const decodeBase64 = (b64) => {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(b64);
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
};

// The synchronous entries inline gotrue.wasm: it is the only form that also
// works inside any bundle (UMD, IIFE), and compiling 3 MB on the main
// thread takes 7-18 ms in Chromium, so new GoTrue() and currentUser() work
// right after the script or import, as with gotrue-js (D2). A synchronous
// XHR for the .wasm would be smaller on the wire but freezes the page for
// the whole download, and cannot work from a bundle.
const instantiateInline = (b64) => (imports) => new WebAssembly.Instance(new WebAssembly.Module(decodeBase64(b64)), imports);

// The non-blocking entries stream gotrue.wasm next to the script.
const instantiateStreaming = (url) => async (imports) => {
  const response = fetch(url);
  if (typeof WebAssembly.instantiateStreaming === 'function') {
    try {
      return (await WebAssembly.instantiateStreaming(response, imports)).instance;
    } catch (e) {
      if (!(e instanceof TypeError)) throw e; // a server without application/wasm: fall back
    }
  }
  const bytes = await (await fetch(url)).arrayBuffer();
  return (await WebAssembly.instantiate(bytes, imports)).instance;
};
