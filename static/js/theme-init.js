// theme-init.js: the one classic (non-module) script. The layout loads it
// in <head>, before the stylesheets, without async or defer, so it runs
// before the first paint: a module is deferred and would run after it,
// and the page would flash in the system's theme first. It only sets
// data-theme on <html> from the reader's saved choice; the stylesheets
// (rewritten at start, web/theme_css.go) do the rest. No saved choice, or
// no storage: the system's preference applies, through CSS alone.
(function () {
  var root = document.documentElement;
  var theme = null;
  try {
    theme = localStorage.getItem('ekstutor.theme');
  } catch (e) {
    // Storage is blocked: keep the system theme.
  }
  if (theme === 'light' || theme === 'dark') {
    root.setAttribute('data-theme', theme);
    var meta = document.querySelector('meta[name="color-scheme"]');
    if (meta) meta.setAttribute('content', theme);
  }
})();
