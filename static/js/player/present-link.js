// present-link.js: keeps a player figure's "Present" link at the moment
// the player shows, so presenter mode opens where the reader is.

/**
 * followInPresentLink points the figure's present link at player's mode,
 * flow and step now and on every statechange. The link is looked up each
 * time: a new mode or flow replaces the figure's contents.
 *
 * @param {import('./player.js').Player} player
 */
export function followInPresentLink(player) {
  const update = () => {
    const link = player.figure.querySelector('[data-testid="present-link"]');
    if (!link) return;
    const url = new URL(link.href);
    const { mode, flow, step } = player.state;
    url.searchParams.set('mode', mode);
    url.searchParams.set('flow', flow);
    url.searchParams.set('step', String(step));
    link.href = url.href;
  };
  update();
  player.addEventListener('statechange', update);
}
