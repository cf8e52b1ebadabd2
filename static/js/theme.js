// theme.js: the light / dark / system switch in the header.
//
// The choice is saved in localStorage; theme-init.js applies it before
// the first paint on every later page. "System" removes the choice, so
// the operating system's preference rules again (and follows it live).

const KEY = 'ekstutor.theme';
const THEMES = ['system', 'light', 'dark'];

/** @returns {'system'|'light'|'dark'} the saved choice */
export function savedTheme() {
  try {
    const t = localStorage.getItem(KEY);
    return t === 'light' || t === 'dark' ? t : 'system';
  } catch {
    return 'system';
  }
}

/** applyTheme shows theme now and remembers it. */
export function applyTheme(theme) {
  if (!THEMES.includes(theme)) theme = 'system';
  const root = document.documentElement;
  const meta = document.querySelector('meta[name="color-scheme"]');
  if (theme === 'system') {
    root.removeAttribute('data-theme');
    meta?.setAttribute('content', 'light dark');
  } else {
    root.setAttribute('data-theme', theme);
    meta?.setAttribute('content', theme);
  }
  try {
    if (theme === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, theme);
  } catch {
    // Storage is blocked: the choice lasts for this page only.
  }
}

/** initThemeSwitch wires the header's select; other tabs follow along. */
export function initThemeSwitch(select) {
  select.value = savedTheme();
  select.addEventListener('change', () => applyTheme(select.value));
  window.addEventListener('storage', (e) => {
    if (e.key !== KEY && e.key !== null) return;
    select.value = savedTheme();
    applyTheme(select.value);
  });
}
