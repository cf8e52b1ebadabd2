// site.js: small enhancements for every page. Everything here is optional:
// without JavaScript every page still reads and every link still works.

// The language switch keeps the reader's place: both languages use the
// same section IDs, so the current #fragment is valid on the other side.
function keepPlaceOnLanguageSwitch() {
  const link = document.querySelector('[data-testid="lang-switch"]');
  if (!link) return;
  link.addEventListener('click', () => {
    const url = new URL(link.href, location.href);
    url.search = location.search;
    url.hash = location.hash;
    link.href = url.toString();
  });
}

keepPlaceOnLanguageSwitch();
