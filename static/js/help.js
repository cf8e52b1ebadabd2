// help.js: the keyboard-shortcut overlay. The server lists the page's
// shortcuts in a <dialog>; "?" (or the header's ? button) opens it as a
// modal, which keeps focus inside, closes on Esc and gives focus back.

const FIELDS = 'input, select, textarea, [contenteditable]:not([contenteditable="false"])';

/**
 * initHelp opens dialog on "?" anywhere on the page, except while typing
 * in a field, and on a click of button.
 */
export function initHelp(dialog, button) {
  const open = () => {
    if (!dialog.open) dialog.showModal();
  };
  button.addEventListener('click', open);
  document.addEventListener('keydown', (e) => {
    if (e.key !== '?' || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.target instanceof Element && e.target.closest(FIELDS)) return;
    e.preventDefault();
    open();
  });
  // A click on the backdrop (outside the dialog's box) closes it too.
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) dialog.close();
  });
}
