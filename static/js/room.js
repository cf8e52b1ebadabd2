// room.js: the page entry for a room, follower or presenter.
//
// Without this module a follower's page shows the room as it was when it
// loaded, and the presenter's controls are plain forms. With it, the page
// listens to the room's server-sent events (/r/{code}/events) and follows
// within a second: the chapter and section line, the diagram, and the
// endpoint player through its apply()/statechange API. A follower who
// moves the player themselves is detached until they follow again; the
// presenter's own player moves drive the room.

import { Player } from './player/player.js';
import { sendState, syncControls, claimFromFragment } from './room-present.js';
import * as poll from './room-poll.js';

const root = document.querySelector('[data-role][data-code]');
if (root && !claimFromFragment(root)) start(root);

function start(root) {
  const code = root.dataset.code;
  const presenter = root.dataset.role === 'presenter';
  const msg = (key) => root.dataset['msg' + key[0].toUpperCase() + key.slice(1)] ?? key;
  const $ = (id) => root.querySelector(`[data-testid="${id}"]`);
  const content = $('room-content');
  const followURL = `/${document.documentElement.lang}/r/${code}`;
  let player = adopt();
  let latest = null; // the room's last state event
  let applying = 0; // our own apply() calls, whose statechange is no detach
  let following = presenter || $('room-banner')?.dataset.state !== 'detached';
  let rendering = Promise.resolve();

  function adopt() {
    const fig = content.querySelector('figure.player');
    return fig ? (Player.of(fig) ?? new Player(fig)) : null;
  }

  function banner(key) {
    const b = $('room-banner');
    if (!b) return;
    b.dataset.state = key;
    $('room-status').textContent = msg(key);
    $('room-rejoin').hidden = key !== 'detached';
    $('room-detach').hidden = key !== 'following';
  }

  function counts(n) {
    for (const el of root.querySelectorAll('[data-testid="room-followers"]')) {
      el.textContent = msg('followers').replace('%d', String(n));
    }
  }

  // render brings the page to state: the player in place when only the
  // moment of the flow changed, otherwise the room's view fetched anew
  // (the server draws it in this page's language).
  async function render(state) {
    const view = content.querySelector('[data-testid="room-view"]');
    const d = view.dataset;
    applying++;
    try {
      if (player && state.view === 'endpoints' && d.view === 'endpoints' &&
          d.chapter === state.chapter && d.section === state.section) {
        await player.apply({ mode: state.mode, flow: state.flow, step: state.step });
        Object.assign(d, { mode: state.mode, flow: state.flow, step: String(state.step) });
        return;
      }
      const res = await fetch(followURL, { headers: { Accept: 'text/html' } });
      if (!res.ok) return;
      const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
      const fresh = doc.querySelector('[data-testid="room-view"]');
      if (!fresh) return;
      player?.destroy();
      view.replaceWith(document.adoptNode(fresh));
      player = adopt();
      watch(player);
    } finally {
      applying--;
    }
  }

  function follow(state) {
    // Renders queue, so a burst of steps lands in order on the last one.
    rendering = rendering.then(() => (following && latest?.state === state ? render(state) : null)).catch(() => {});
  }

  // watch tells a follower's own moves from the room's: a follower who
  // steps is detached; the presenter who steps drives the room.
  function watch(p) {
    p?.addEventListener('statechange', (e) => {
      if (applying) return;
      const s = latest?.state;
      const now = e.detail;
      if (s && s.mode === now.mode && s.flow === now.flow && s.step === now.step) return;
      if (presenter) {
        sendState(root, { mode: now.mode, flow: now.flow, step: now.step, view: 'endpoints' });
      } else {
        following = false;
        banner('detached');
      }
    });
  }
  watch(player);

  $('room-detach')?.addEventListener('click', () => { following = false; banner('detached'); });
  $('room-rejoin')?.addEventListener('click', (e) => {
    e.preventDefault();
    following = true;
    history.replaceState(null, '', followURL);
    banner('following');
    if (latest) follow(latest.state);
  });

  const q = new URLSearchParams();
  if (presenter) q.set('presenter', '1');
  const name = nameFromFragment(code);
  if (name) q.set('name', name);
  const es = new EventSource(`/r/${code}/events?${q}`);
  es.addEventListener('open', () => banner(following ? 'following' : 'detached'));
  poll.wire(root);
  // A poll event carries the whole room like a state event; only the
  // poll part of the page changes (latest keeps the state being drawn).
  es.addEventListener('poll', (e) => {
    const d = JSON.parse(e.data);
    counts(d.followers);
    poll.update(root, d.poll ?? null);
  });
  es.addEventListener('state', (e) => {
    latest = JSON.parse(e.data);
    counts(latest.followers);
    poll.update(root, latest.poll ?? null);
    if (presenter) syncControls(root, latest.state);
    if (following) banner('following');
    follow(latest.state);
  });
  es.addEventListener('trouble', () => banner('trouble'));
  es.addEventListener('end', () => { es.close(); banner('ended'); });
  es.addEventListener('full', () => { es.close(); banner('full'); });
  es.addEventListener('error', () => { if (es.readyState !== EventSource.CLOSED) banner('reconnecting'); });
  window.addEventListener('pagehide', () => es.close());
}

// nameFromFragment takes the display name the join form put in the
// fragment, keeps it for this tab and clears it from the address bar.
function nameFromFragment(code) {
  const key = `ekstutor.room.${code}.name`;
  const m = location.hash.match(/^#name=(.*)$/);
  if (m) {
    sessionStorage.setItem(key, decodeURIComponent(m[1].replace(/\+/g, ' ')));
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(key) ?? '';
}
