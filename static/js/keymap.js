// keymap.js: keyboard shortcuts scoped to one element.
//
// A shortcut bound here acts only while focus is inside its element: the
// listener sits on the element, not the document, so the same key keeps
// its usual meaning elsewhere (Space scrolls the page) and several
// widgets on one page can bind the same keys without stepping on each
// other.

// A key typed into a form field belongs to the field.
const FIELDS = 'input, select, textarea, [contenteditable]:not([contenteditable="false"])';
// Space and Enter on a focused control activate that control.
const CONTROLS = 'button, a[href], summary';

/**
 * bindKeys runs bindings[keyOf(event)] for a keydown inside element (focus on
 * the element itself or on anything in it). Keys with Alt, Ctrl or Meta,
 * keys typed into form fields and Space/Enter on a button or link are
 * left alone. A handled key's default action is prevented.
 *
 * @param {Element} element the scope
 * @param {Record<string, (e: KeyboardEvent) => void>} bindings keyed by
 *   KeyboardEvent.key: ' ' for Space, 'ArrowLeft', '1', ...
 * @param {{capture?: boolean}} [options] capture: run before the bindings
 *   of elements inside (presenter mode's keys outrank its player's)
 * @returns {() => void} a function that removes the bindings
 */
export function bindKeys(element, bindings, { capture = false } = {}) {
  const onKeydown = (e) => {
    const key = keyOf(e);
    const action = Object.hasOwn(bindings, key) ? bindings[key] : null;
    if (!action || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target instanceof Element ? e.target : element;
    if (target.closest(FIELDS)) return;
    if ((e.key === ' ' || e.key === 'Enter') && target.closest(CONTROLS)) return;
    e.preventDefault();
    action(e);
  };
  element.addEventListener('keydown', onKeydown, { capture });
  return () => element.removeEventListener('keydown', onKeydown, { capture });
}

/**
 * keyOf is the key a binding answers to: KeyboardEvent.key, except for a
 * letter key that types a letter of another script. Under a Korean input
 * source F types ㄹ and B types ㅠ; such a key (or one the input method
 * holds, "Process") is the Latin letter at its place on the keyboard, so
 * presenter mode's F and B work whatever the input source.
 *
 * @param {KeyboardEvent} e
 */
function keyOf(e) {
  const foreign = e.key === 'Process' || (e.key.length === 1 && e.key > '~');
  const letter = /^Key([A-Z])$/.exec(e.code ?? '');
  if (!foreign || !letter) return e.key;
  return e.shiftKey ? letter[1] : letter[1].toLowerCase();
}
