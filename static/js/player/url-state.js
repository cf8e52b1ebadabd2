// url-state.js: keeps a player's state in the address, so every moment
// of a flow is a link that opens at that step (the server reads the same
// mode, flow and step parameters).

/**
 * followInURL writes player's state into the URL now and on every
 * statechange, with history.replaceState: stepping through a flow should
 * not fill the back button's history. A new mode or flow also points the
 * fragment at the player, as the server's links do.
 *
 * @param {import('./player.js').Player} player
 */
export function followInURL(player) {
  let last = player.state;
  write(last, player.figure.id, false);
  player.addEventListener('statechange', (e) => {
    const moved = e.detail.mode !== last.mode || e.detail.flow !== last.flow;
    last = e.detail;
    write(last, player.figure.id, moved);
  });
}

function write({ mode, flow, step }, id, pointAtPlayer) {
  const url = new URL(location.href);
  url.searchParams.set('mode', mode);
  url.searchParams.set('flow', flow);
  url.searchParams.set('step', String(step));
  if (pointAtPlayer && id) url.hash = id;
  if (url.href !== location.href) history.replaceState(history.state, '', url);
}
