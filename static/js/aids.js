// aids.js: the page entry for what every page has: the theme switch and
// the help overlay. Both need JavaScript, so they stay hidden without it.

import { initThemeSwitch } from './theme.js';
import { initHelp } from './help.js';

const tools = document.querySelector('[data-testid="site-tools"]');
const select = document.querySelector('[data-testid="theme-switch"]');
const dialog = document.querySelector('[data-testid="help"]');
const button = document.querySelector('[data-testid="help-button"]');
if (tools && select && dialog && button) {
  initThemeSwitch(select);
  initHelp(dialog, button);
  tools.hidden = false;
}
