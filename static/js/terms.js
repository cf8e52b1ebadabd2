// terms.js: the inline glossary's definitions. CSS already shows one on
// hover and on focus, and the link leads to the glossary, so nothing here
// is needed to read a definition. This adds what CSS cannot do:
// - Escape hides the definition that is showing (WCAG 1.4.13: content on
//   hover or focus can be dismissed without moving the pointer or focus);
// - on a touch screen, the first tap on a term shows its definition
//   instead of leaving the page; a second tap follows the link.

const OPEN = 'term--open';
const DISMISSED = 'term--dismissed';

function closeOpen(except) {
  for (const t of document.querySelectorAll(`.term.${OPEN}`)) {
    if (t !== except) t.classList.remove(OPEN);
  }
}

function onClick(event) {
  const link = event.target instanceof Element ? event.target.closest('.term__link') : null;
  if (!link) {
    closeOpen(null);
    return;
  }
  const term = link.parentElement;
  if (event.pointerType === 'touch' && !term.classList.contains(OPEN)) {
    event.preventDefault();
    closeOpen(term);
    term.classList.remove(DISMISSED);
    term.classList.add(OPEN);
  }
}

function onKeydown(event) {
  if (event.key !== 'Escape') return;
  for (const t of document.querySelectorAll(`.term:hover, .term:focus-within, .term.${OPEN}`)) {
    t.classList.remove(OPEN);
    t.classList.add(DISMISSED);
  }
}

// A dismissed definition comes back the next time its term is reached.
function forget(event) {
  const term = event.target instanceof Element ? event.target.closest('.term') : null;
  if (term && !term.contains(event.relatedTarget)) term.classList.remove(DISMISSED);
}

document.addEventListener('click', onClick);
document.addEventListener('keydown', onKeydown);
document.addEventListener('focusout', forget);
document.addEventListener('mouseout', forget);
