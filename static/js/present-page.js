// present-page.js: the page entry of presenter mode. The help overlay
// (the keys, on ?) and the presenter's keys on the server's view.

import { initHelp } from './help.js';
import { startPresenter } from './presenter.js';

const root = document.querySelector('[data-testid="presenter"]');
const dialog = document.querySelector('[data-testid="help"]');
const button = root?.querySelector('[data-testid="presenter-help"]');
if (root) {
  if (dialog && button) {
    initHelp(dialog, button);
    button.hidden = false;
  }
  startPresenter(root);
}
