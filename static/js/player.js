// player.js: the page entry for the endpoint player. Every player figure
// the server rendered becomes its own Player (player/player.js); the
// first follows the address bar, since the URL's mode, flow and step are
// the state the server renders a page's player at.

import { Player } from './player/player.js';
import { followInURL } from './player/url-state.js';
import { followInPresentLink } from './player/present-link.js';

[...document.querySelectorAll('figure.player')].forEach((figure, i) => {
  const player = new Player(figure);
  followInPresentLink(player);
  if (i === 0) followInURL(player);
});
