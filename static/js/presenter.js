// presenter.js: presenter mode's keys on the view the server rendered.
//
// Without this module presenter mode is a large static view of the step
// in the address, with step links in a slim bar. With it, the keys work
// (→/Space, ←, Home/End, 1/2/3, [/], F, B, Esc), the bar hides until the
// pointer moves or a link takes focus, and stepping animates. Stepping is
// the endpoint player's own (player/player.js): the caption is the
// player's event list showing only its current event, so whatever moves
// the player moves the caption too.
//
// startPresenter returns a controller that other code (rooms) can drive
// and follow: apply(state) moves it, onState hears every change.

import { bindKeys } from './keymap.js';
import { followWithCamera } from './present-camera.js';
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
  // The mode and flow asked for while their figure loads, so that keys
  // pressed in quick succession (] then 2) add up instead of the last
  // one undoing the others.
  let pending = null;
  const wanted = () => ({ ...player.state, ...pending });
  // load opens a mode and flow at its first step. The player fetches the new figure; should
  // that fail, the server renders the presenter at that state instead.
  const load = (to) => {
    const at = pending = { mode: to.mode, flow: to.flow, step: 0 };
    return player.apply(at).catch(() => location.assign(urlFor(at))).finally(() => { if (pending === at) pending = null; });
  };
  const pickMode = (mode) => {
    if (!player || !mode || mode === wanted().mode) return Promise.resolve();
    return load({ ...wanted(), mode });
  };
  // pickFlow moves d flows on (±1), from the first step.
  const pickFlow = (d) => {
    const flow = player && flowAfter(player.figure, wanted().flow, d)?.value;
    if (!flow) return Promise.resolve();
    return load({ ...wanted(), flow });
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
    // [ and ]: the same key on a Korean keyboard as on a US one, where a
    // letter would type a jamo under a Korean input source.
    '[': () => pickFlow(-1),
    ']': () => pickFlow(+1),
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
    const flow = e.target.closest('[data-present-flow]');
    if (!player || (!nav && !mode && !flow) || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    if (mode) { pickMode(mode.dataset.presentMode); return; }
    if (flow) { pickFlow(flow.dataset.presentFlow === 'prev' ? -1 : +1); return; }
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
    followWithCamera(player, opts);
    updateBar(root, player);
    let shown = player.state;
    player.addEventListener('statechange', () => {
      updateBar(root, player);
      const now = player.state;
      if (now.mode !== shown.mode || now.flow !== shown.flow) announceFlow(root, figure);
      shown = now;
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

// flowAfter is the option of the flow d (±1) away from flow, round the
// list, in the server's order: the player form's (hidden) choice.
function flowAfter(figure, flow, d) {
  const list = [...figure.querySelectorAll('select[name="flow"] option')];
  const i = list.findIndex((o) => o.value === flow);
  return i < 0 ? null : list[(i + d + list.length) % list.length];
}

// announceFlow tells screen readers which mode and flow are now on: the
// figure's title, which the caption shows too.
function announceFlow(root, figure) {
  const live = root.querySelector('[data-testid="presenter-live"]');
  const title = figure.querySelector('.diagram-caption__title')?.textContent.trim();
  if (live && title) live.textContent = title;
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
  for (const a of root.querySelectorAll('[data-present-flow]')) {
    const o = flowAfter(player.figure, flow, a.dataset.presentFlow === 'prev' ? -1 : 1);
    if (!o) continue;
    a.href = urlFor({ mode, flow: o.value, step: 0 });
    a.title = o.textContent.trim();
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
