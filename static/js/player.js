// player.js: steps a packet through a flow on the endpoint diagram.
//
// The server already renders everything a reader needs without this file:
// the diagram with numbered hops, the event list, and a GET form to pick
// the mode and flow. This module adds the moving packet, play/pause and
// step controls, keyboard shortcuts, instant mode/flow switching and PNG
// download. The state (mode, flow, step) is kept in the URL, so every
// moment is a link that opens at that step.

const HOP_MS = 1100; // travel time of one hop at 1x
const DWELL_MS = 700; // pause on each step while playing, at 1x
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

class Player {
  constructor(fig) {
    this.fig = fig;
    this.svg = fig.querySelector('svg');
    this.steps = [...this.svg.querySelectorAll('.step')];
    this.events = [...fig.querySelectorAll('.event')];
    this.packet = this.svg.querySelector('.packet');
    this.live = fig.querySelector('[data-testid="event-live"]');
    this.counter = fig.querySelector('[data-testid="step-counter"]');
    this.playButton = fig.querySelector('[data-action="play"]');
    this.step = Number(fig.dataset.step) || 0;
    this.speed = Number(sessionStorage.getItem('ekstutor.speed')) || 1;
    this.playing = false;
    this.timer = 0;
    this.frame = 0;
    this.wire();
    this.show(this.step, { animate: false, announce: false });
  }

  get total() { return this.steps.length; }

  wire() {
    const controls = this.fig.querySelector('[data-testid="player-controls"]');
    controls.hidden = false;
    this.fig.classList.add('player--js');
    controls.addEventListener('click', (e) => {
      const action = e.target.closest('[data-action]')?.dataset.action;
      if (action === 'play') this.toggle();
      else if (action === 'back') this.go(this.step - 1);
      else if (action === 'forward') this.go(this.step + 1);
      else if (action === 'restart') { this.pause(); this.go(0); }
      else if (action === 'png') downloadPNG(this.fig);
    });
    const speed = controls.querySelector('[data-action="speed"]');
    speed.value = String(this.speed);
    speed.addEventListener('change', () => {
      this.speed = Number(speed.value) || 1;
      sessionStorage.setItem('ekstutor.speed', String(this.speed));
    });
    // Picking a mode or flow applies at once; the submit button is for
    // browsers without this script.
    const form = this.fig.querySelector('[data-testid="player-form"]');
    form.addEventListener('change', () => this.load(new FormData(form)));
    form.addEventListener('submit', (e) => { e.preventDefault(); this.load(new FormData(form)); });
    for (const a of this.fig.querySelectorAll('[data-step-link]')) {
      a.addEventListener('click', (e) => { e.preventDefault(); this.pause(); this.go(Number(a.dataset.stepLink)); });
    }
  }

  toggle() { if (this.playing) this.pause(); else this.play(); }

  play() {
    if (this.step >= this.total) this.step = 0;
    this.playing = true;
    this.updateButton();
    this.advance();
  }

  pause() {
    this.playing = false;
    clearTimeout(this.timer);
    this.updateButton();
  }

  // advance moves one step and, while playing, schedules the next.
  advance() {
    if (!this.playing) return;
    if (this.step >= this.total) { this.pause(); return; }
    const travel = this.go(this.step + 1);
    this.timer = setTimeout(() => this.advance(), travel + DWELL_MS / this.speed);
  }

  // go shows step n (0 = the whole path, before the first step) and
  // returns how long its animation takes.
  go(n) {
    n = Math.max(0, Math.min(this.total, n));
    return this.show(n, { animate: true, announce: true });
  }

  show(n, { animate, announce }) {
    this.step = n;
    this.fig.dataset.current = String(n);
    for (const s of this.steps) {
      const k = Number(s.dataset.step);
      s.classList.toggle('is-past', n > 0 && k < n);
      s.classList.toggle('is-current', k === n);
      s.classList.toggle('is-future', n > 0 && k > n);
    }
    for (const e of this.events) {
      const current = Number(e.dataset.step) === n;
      e.classList.toggle('is-current', current);
      if (current) e.setAttribute('aria-current', 'step'); else e.removeAttribute('aria-current');
    }
    this.counter.textContent = `${n} / ${this.total}`;
    this.syncURL();
    if (announce && n > 0) this.announce(n);
    return this.movePacket(n, animate);
  }

  announce(n) {
    const e = this.events[n - 1];
    if (!e || !this.live) return;
    const route = e.querySelector('.event__route')?.textContent.trim() ?? '';
    const badge = e.querySelector('.badge')?.textContent.trim() ?? '';
    const reason = e.querySelector('.event__reason')?.textContent.trim() ?? '';
    this.live.textContent = `${n} / ${this.total}: ${route} (${badge}). ${reason}`;
  }

  // movePacket puts the packet on step n's path. It travels along the path
  // (a DNS query goes to the resolver and back); with reduced motion it
  // jumps straight to where the step ends.
  movePacket(n, animate) {
    cancelAnimationFrame(this.frame);
    if (!this.packet) return 0;
    const step = this.steps.find((s) => Number(s.dataset.step) === n);
    const path = step?.querySelector('.step-path');
    if (!path) { this.packet.classList.add('packet--hidden'); return 0; }
    const dns = step.dataset.kind === 'dns';
    this.packet.classList.remove('packet--hidden');
    this.labelPacket(dns ? this.packet.dataset.labelDns : this.packet.dataset.labelHop);
    const length = path.getTotalLength();
    const place = (t) => {
      const along = dns ? (t < 0.5 ? t * 2 : 2 - t * 2) : t;
      const p = path.getPointAtLength(length * along);
      this.packet.setAttribute('transform', `translate(${p.x.toFixed(1)} ${p.y.toFixed(1)})`);
    };
    if (!animate || reducedMotion.matches) {
      place(dns ? 0.5 : 1);
      return 0;
    }
    const duration = (dns ? HOP_MS * 1.4 : HOP_MS) / this.speed;
    const start = performance.now();
    const tick = (now) => {
      const t = Math.min(1, (now - start) / duration);
      place(t < 0.5 ? 2 * t * t : 1 - ((-2 * t + 2) ** 2) / 2); // ease in-out
      if (t < 1) this.frame = requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
    return duration;
  }

  // labelPacket sets the token's text and fits its pill around it (the
  // server sized the pill for the first step's label).
  labelPacket(text) {
    const label = this.packet.querySelector('.packet-label');
    const box = this.packet.querySelector('.packet-box');
    if (!label || !box || label.textContent === text) return;
    label.textContent = text;
    const width = Math.ceil(label.getComputedTextLength()) + 20;
    box.setAttribute('width', String(width));
    box.setAttribute('x', String(-width / 2));
  }

  updateButton() {
    const b = this.playButton;
    b.textContent = this.playing ? '❚❚' : '▶';
    const label = this.playing ? b.dataset.labelPause : b.dataset.labelPlay;
    b.setAttribute('aria-label', label);
    b.setAttribute('aria-pressed', String(this.playing));
  }

  syncURL() {
    const url = new URL(location.href);
    url.searchParams.set('mode', this.fig.dataset.mode);
    url.searchParams.set('flow', this.fig.dataset.flow);
    url.searchParams.set('step', String(this.step));
    if (url.href !== location.href) history.replaceState(null, '', url);
  }

  // load swaps in the player for another mode or flow, rendered by the
  // server at the new URL; if that fails, it simply navigates there.
  async load(data) {
    this.pause();
    const url = new URL(location.href);
    url.searchParams.set('mode', data.get('mode'));
    url.searchParams.set('flow', data.get('flow'));
    url.searchParams.set('step', '0');
    url.hash = this.fig.id;
    try {
      const res = await fetch(url, { headers: { Accept: 'text/html' } });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
      const fresh = doc.getElementById(this.fig.id);
      if (!fresh) throw new Error('no player in the response');
      history.replaceState(null, '', url);
      const hadFocus = this.fig.contains(document.activeElement);
      this.fig.replaceWith(fresh);
      current = new Player(fresh);
      if (hadFocus) fresh.focus({ preventScroll: true });
    } catch {
      location.assign(url);
    }
  }

  setMode(i) {
    const radio = this.fig.querySelectorAll('input[name="mode"]')[i];
    if (!radio || radio.checked) return;
    radio.checked = true;
    this.load(new FormData(this.fig.querySelector('[data-testid="player-form"]')));
  }
}

// downloadPNG draws the standalone SVG onto a canvas at twice its size.
async function downloadPNG(fig) {
  const res = await fetch(fig.dataset.svgUrl);
  const blobURL = URL.createObjectURL(new Blob([await res.text()], { type: 'image/svg+xml' }));
  try {
    // onload rather than img.decode(): Chromium's decode() of an SVG image
    // sometimes rejects although the image loads.
    const img = await new Promise((resolve, reject) => {
      const i = new Image();
      i.onload = () => resolve(i);
      i.onerror = () => reject(new Error('the SVG could not be loaded as an image'));
      i.src = blobURL;
    });
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth * 2;
    canvas.height = img.naturalHeight * 2;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const png = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
    const a = document.createElement('a');
    a.href = URL.createObjectURL(png);
    a.download = `${fig.dataset.downloadName}.png`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  } finally {
    URL.revokeObjectURL(blobURL);
  }
}

let current = null;
const fig = document.querySelector('[data-testid="player"]');
if (fig) current = new Player(fig);

// Keyboard: Space play/pause, ←/→ step, 1/2/3 mode, while focus is in the
// player (click it or tab into it), so Space still scrolls the rest of the
// chapter. Keys typed into form fields, or with a modifier, are left alone.
document.addEventListener('keydown', (e) => {
  if (!current || e.altKey || e.ctrlKey || e.metaKey) return;
  if (!current.fig.contains(document.activeElement)) return;
  if (e.target.closest('input, select, textarea, [contenteditable]')) return;
  if (e.key === ' ' && e.target.closest('button, a')) return; // Space activates the focused control
  if (e.key === ' ') { e.preventDefault(); current.toggle(); }
  else if (e.key === 'ArrowRight') { e.preventDefault(); current.pause(); current.go(current.step + 1); }
  else if (e.key === 'ArrowLeft') { e.preventDefault(); current.pause(); current.go(current.step - 1); }
  else if (['1', '2', '3'].includes(e.key)) current.setMode(Number(e.key) - 1);
});
