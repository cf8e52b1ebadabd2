// presenter.js: presenter mode's keys on the view the server rendered.
//
// Without this module presenter mode is a large static view of the step
// in the address, with step links in a slim bar. With it, the keys work
// (→/Space, ←, Home/End, 1/2/3, F, B, Esc), the bar hides until the
// pointer moves or a link takes focus, and stepping animates. Stepping is
// the endpoint player's own (player/player.js): the caption is the
// player's event list showing only its current event, so whatever moves
// the player moves the caption too.
//
// startPresenter returns a controller that other code (rooms) can drive
// and follow: apply(state) moves it, onState hears every change.

import { bindKeys } from './keymap.js';
import { Player } from './player/player.js';
import { followInURL } from './player/url-state.js';

const AWAKE_MS = 2500; // how long the bar stays after the pointer moves

/** @typedef {{view: string, mode?: string, flow?: string, step?: number}} PresentState */

/**
 * startPresenter wires the keys, the bar and the blackout of a presenter
 * view ([data-testid="presenter"]) and focuses it, so the keys work at
 * once.
 *
 * @param {HTMLElement} root
 * @param {{onState?: (state: PresentState) => void}} [options] onState is
 *   called after every change of mode, flow or step, whoever made it
 */
export function startPresenter(root, { onState } = {}) {
  const abort = new AbortController();
  const opts = { signal: abort.signal };
  const figure = root.querySelector('figure.player');
  const player = figure ? (Player.of(figure) ?? new Player(figure)) : null;
  const blackout = root.querySelector('[data-testid="presenter-blackout"]');
  const view = figure?.querySelector('svg')?.dataset.view ?? root.querySelector('svg')?.dataset.view ?? '';

  const state = () => (player ? { view, ...player.state } : { view });
  const modes = () => [...root.querySelectorAll('[data-present-mode]')].map((a) => a.dataset.presentMode);

  const step = (n) => {
    if (!player) return;
    player.pause();
    player.go(n);
  };
  const pickMode = (mode) => {
    if (!player || !mode || mode === player.state.mode) return Promise.resolve();
    // The player fetches the new mode's figure; should that fail, the
    // server renders the presenter at that mode instead.
    return player.apply({ mode, step: 0 }).catch(() => location.assign(urlFor({ mode, step: 0 })));
  };
  const setBlackout = (on = blackout.hidden) => {
    blackout.hidden = !on;
    root.classList.toggle('is-blackout', on);
    for (const el of root.children) if (el !== blackout) el.inert = on;
    root.focus({ preventScroll: true });
    return on;
  };
  const toggleFullscreen = async () => {
    try {
      if (document.fullscreenElement) await document.exitFullscreen();
      else await document.documentElement.requestFullscreen({ navigationUI: 'hide' });
    } catch {
      // Refused (no user gesture, or a browser without it): nothing to undo.
    }
  };
  const leave = () => location.assign(root.querySelector('[data-testid="present-leave"]').href);

  const toggleBlackout = () => setBlackout();
  // by(f) steps to f(current step, steps in the flow).
  const by = (f) => () => { if (player) step(f(player.state.step, player.total)); };
  const unbind = bindKeys(root, {
    ArrowRight: by((s) => s + 1),
    ' ': by((s) => s + 1),
    ArrowLeft: by((s) => s - 1),
    Home: by(() => 0),
    End: by((_, total) => total),
    1: () => pickMode(modes()[0]),
    2: () => pickMode(modes()[1]),
    3: () => pickMode(modes()[2]),
    f: toggleFullscreen,
    F: toggleFullscreen,
    b: toggleBlackout,
    B: toggleBlackout,
    // In full screen the first Esc only leaves full screen, as the
    // browser's own Esc does.
    Escape: () => (document.fullscreenElement ? toggleFullscreen() : leave()),
  }, { capture: true });
  abort.signal.addEventListener('abort', unbind);

  // The bar's links stand in for the keys without this module; with it
  // they step in place.
  root.addEventListener('click', (e) => {
    const nav = e.target.closest('[data-present-nav]');
    const mode = e.target.closest('[data-present-mode]');
    if (!player || (!nav && !mode) || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    if (mode) { pickMode(mode.dataset.presentMode); return; }
    if (!nav.hasAttribute('href')) return;
    const s = player.state.step;
    step({ first: 0, prev: s - 1, next: s + 1, last: player.total }[nav.dataset.presentNav]);
  }, opts);

  // The bar stays out of the way until the pointer moves or a link in it
  // takes focus (CSS shows it then too).
  let sleep = 0;
  const wake = () => {
    root.classList.add('is-awake');
    clearTimeout(sleep);
    sleep = setTimeout(() => root.classList.remove('is-awake'), AWAKE_MS);
  };
  root.addEventListener('pointermove', wake, opts);
  root.addEventListener('pointerdown', wake, opts); // a tap, on a touch screen

  if (player) {
    followInURL(player);
    updateBar(root, player);
    player.addEventListener('statechange', () => {
      updateBar(root, player);
      onState?.(state());
    }, opts);
  }
  root.classList.add('presenter--js');
  root.focus({ preventScroll: true });

  return {
    player,
    get state() { return state(); },
    /**
     * apply moves the presenter to state (missing fields keep theirs); a
     * different view is another page, which it opens.
     * @param {Partial<PresentState>} s
     */
    async apply(s) {
      if (s.view && s.view !== view) { location.assign(urlFor({ ...s })); return; }
      if (player) await player.apply(s);
    },
    blackout: setBlackout,
    fullscreen: toggleFullscreen,
    destroy() {
      abort.abort();
      clearTimeout(sleep);
      root.classList.remove('presenter--js', 'is-awake');
    },
  };
}

// urlFor is this page's presenter address with some fields changed.
function urlFor(fields) {
  const url = new URL(location.href);
  for (const [k, v] of Object.entries(fields)) url.searchParams.set(k, String(v));
  url.hash = '';
  return url.href;
}

// updateBar makes the bar and the leave link say what the player shows:
// the counter, where each step link leads (none at an edge), the current
// mode, and the page to go back to at the same moment.
function updateBar(root, player) {
  const { mode, flow, step } = player.state;
  const total = player.total;
  const counter = root.querySelector('[data-testid="presenter-counter"]');
  const hidden = counter?.querySelector('.visually-hidden');
  if (counter) counter.replaceChildren(...(hidden ? [hidden] : []), `${step} / ${total}`);
  const target = { first: 0, prev: step - 1, next: step + 1, last: total };
  for (const a of root.querySelectorAll('[data-present-nav]')) {
    const n = target[a.dataset.presentNav];
    if (n < 0 || n > total || n === step) {
      a.removeAttribute('href');
      a.setAttribute('aria-disabled', 'true');
    } else {
      a.href = urlFor({ mode, flow, step: n });
      a.removeAttribute('aria-disabled');
    }
  }
  for (const a of root.querySelectorAll('[data-present-mode]')) {
    a.href = urlFor({ mode: a.dataset.presentMode, flow, step: 0 });
    if (a.dataset.presentMode === mode) a.setAttribute('aria-current', 'true');
    else a.removeAttribute('aria-current');
  }
  const leave = root.querySelector('[data-testid="present-leave"]');
  if (leave) {
    // The player's page takes the moment along; a figure's anchor stays.
    const url = new URL(leave.href);
    if (url.searchParams.has('mode')) {
      url.searchParams.set('mode', mode);
      url.searchParams.set('flow', flow);
      url.searchParams.set('step', String(step));
      leave.href = url.href;
    }
  }
  const other = root.querySelector('[data-testid="lang-switch-present"]');
  if (other) {
    const url = new URL(other.href);
    url.search = location.search; // the same moment, in the other language
    other.href = url.href;
  }
  root.dataset.steps = String(total);
}
