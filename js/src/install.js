// installGlobal defines window.GoTrue (D1): the constructor, which also
// carries default, User, Admin, the error classes and ready, so both
// `new GoTrue()` and `new GoTrue.default()` work. A GoTrue the page already
// has (such as the widget's) is kept unless overwrite is set.
const installGlobal = (GoTrue, overwrite) => {
  if (typeof window === 'undefined') return;
  if (window.GoTrue === undefined || overwrite) window.GoTrue = GoTrue;
};
