// player.js: steps a packet through a flow on one endpoint diagram.
//
// The server already renders everything a reader needs without this
// module: the diagram with numbered hops, the event list and a GET form
// for mode and flow. A Player adds the moving packet, play/pause and step
// controls, keys, instant mode/flow switching and PNG download.
//
// A Player is an EventTarget: it fires "statechange" (a CustomEvent whose
// detail is {mode, flow, step}) on every change, whoever made it, and
// apply(state) moves it, so presenter mode and rooms can follow or drive
// it. Each Player owns one figure; several on a page are independent.

import { bindKeys } from '../keymap.js';
import { Packet } from './packet.js';
import { adoptFigure, fetchFigure, stateURL } from './fetch-figure.js';

const DWELL_MS = 700; // pause on each step while playing, at 1x
const SPEED_KEY = 'ekstutor.speed'; // sessionStorage: the reader's speed, for this tab

// The Player of each figure, for code that finds players in the DOM
// (presenter mode, rooms). Weak, so a removed figure is not kept alive.
const playerOf = new WeakMap();

/** @typedef {{mode: string, flow: string, step: number}} PlayerState */

export class Player extends EventTarget {
  /** of returns the Player made for figure, if any. */
  static of(figure) {
    return playerOf.get(figure);
  }

  #fig;
  #parts; // the figure's elements; replaced when a new mode or flow loads
  #packet;
  #step = 0;
  #speed;
  #playing = false;
  #timer = 0;
  #loads = 0; // numbers each load, so only the latest one lands
  #emitted; // the last state announced by statechange
  #abort = new AbortController();

  /** @param {HTMLElement} figure a player figure rendered by the server */
  constructor(figure) {
    super();
    if (playerOf.has(figure)) throw new Error(`#${figure.id} already has a Player`);
    this.#fig = figure;
    this.#speed = Number(sessionStorage.getItem(SPEED_KEY)) || 1;
    this.#listen();
    this.#adopt();
    playerOf.set(figure, this);
  }

  /** @returns {HTMLElement} */
  get figure() { return this.#fig; }

  /** @returns {PlayerState} */
  get state() {
    return { mode: this.#fig.dataset.mode, flow: this.#fig.dataset.flow, step: this.#step };
  }

  /** total is the number of steps of the flow shown. */
  get total() { return this.#parts.steps.length; }

  get playing() { return this.#playing; }

  /**
   * apply moves the player to state; missing fields keep their value. A
   * new step animates; a new mode or flow loads that diagram from the
   * server, opened at the step. It stops playback, and rejects when the
   * server cannot show the state (an unknown mode, a step out of range).
   *
   * @param {Partial<PlayerState>} state
   * @returns {Promise<void>}
   */
  async apply(state) {
    const next = { ...this.state };
    for (const k of ['mode', 'flow', 'step']) if (state[k] !== undefined) next[k] = state[k];
    next.step = Number(next.step);
    this.pause();
    if (next.mode !== this.state.mode || next.flow !== this.state.flow) {
      await this.#load(next);
    } else {
      this.go(next.step);
    }
  }

  toggle() { if (this.#playing) this.pause(); else this.play(); }

  play() {
    if (this.#step >= this.total) this.#show(0, { animate: false, announce: false });
    this.#playing = true;
    this.#updatePlayButton();
    this.#advance();
  }

  pause() {
    this.#playing = false;
    clearTimeout(this.#timer);
    this.#updatePlayButton();
  }

  /**
   * go shows step n (0 = the whole path, before the first step), clamped
   * to the flow, and returns how long its animation takes in ms.
   */
  go(n) {
    return this.#show(Math.max(0, Math.min(this.total, Math.trunc(n) || 0)), { animate: true, announce: true });
  }

  /** destroy stops the player and removes its listeners and keys. */
  destroy() {
    this.pause();
    this.#packet.stop();
    this.#abort.abort();
    playerOf.delete(this.#fig);
  }

  // #advance moves one step and, while playing, schedules the next.
  #advance() {
    if (!this.#playing) return;
    if (this.#step >= this.total) { this.pause(); return; }
    const travel = this.go(this.#step + 1);
    this.#timer = setTimeout(() => this.#advance(), travel + DWELL_MS / this.#speed);
  }

  // #listen wires the controls once, on the figure itself, so they keep
  // working when a new mode or flow replaces the figure's contents.
  #listen() {
    const fig = this.#fig;
    const opts = { signal: this.#abort.signal };
    fig.addEventListener('click', (e) => this.#onClick(e), opts);
    fig.addEventListener('change', (e) => this.#onChange(e), opts);
    // The submit button is for browsers without this script.
    fig.addEventListener('submit', (e) => { e.preventDefault(); this.#loadForm(); }, opts);
    const unbind = bindKeys(fig, {
      ' ': () => this.toggle(),
      ArrowRight: () => { this.pause(); this.go(this.#step + 1); },
      ArrowLeft: () => { this.pause(); this.go(this.#step - 1); },
      1: () => this.#pickMode(0),
      2: () => this.#pickMode(1),
      3: () => this.#pickMode(2),
    });
    this.#abort.signal.addEventListener('abort', unbind);
  }

  #onClick(e) {
    const link = e.target.closest('[data-step-link]');
    if (link) {
      e.preventDefault();
      this.pause();
      this.go(Number(link.dataset.stepLink));
      return;
    }
    switch (e.target.closest('[data-action]')?.dataset.action) {
      case 'play': this.toggle(); break;
      case 'back': this.pause(); this.go(this.#step - 1); break;
      case 'forward': this.pause(); this.go(this.#step + 1); break;
      case 'restart': this.pause(); this.go(0); break;
      case 'png': this.#downloadPNG(); break;
    }
  }

  #onChange(e) {
    if (e.target === this.#parts.speed) {
      this.#speed = Number(this.#parts.speed.value) || 1;
      sessionStorage.setItem(SPEED_KEY, String(this.#speed));
    } else if (this.#parts.form && e.target.closest('form') === this.#parts.form) {
      this.#loadForm(); // a mode or flow applies at once
    }
  }

  // #adopt finds the figure's parts after the server rendered them, at
  // start and after each load, and shows the figure's step.
  #adopt() {
    const fig = this.#fig;
    const q = (css) => fig.querySelector(css);
    const svg = q('svg');
    this.#parts = {
      form: q('form.player-form'),
      controls: q('.player-controls'),
      play: q('[data-action="play"]'),
      speed: q('[data-action="speed"]'),
      counter: q('.player-controls__step'),
      live: q('.event-live'),
      steps: [...svg.querySelectorAll('.step')],
      // Each step's number and DNS tag, drawn above every path.
      labels: [...svg.querySelectorAll('.step-label')],
      events: [...fig.querySelectorAll('.event')],
    };
    this.#packet?.stop();
    this.#packet = new Packet(svg);
    this.#parts.controls.hidden = false;
    this.#parts.speed.value = String(this.#speed);
    fig.classList.add('player--js');
    this.#updatePlayButton();
    this.#show(Number(fig.dataset.step) || 0, { animate: false, announce: false });
  }

  #show(n, { animate, announce }) {
    const { steps, labels, events, counter } = this.#parts;
    this.#step = n;
    this.#fig.dataset.current = String(n);
    for (const s of [...steps, ...labels]) {
      const k = Number(s.dataset.step);
      s.classList.toggle('is-past', n > 0 && k < n);
      s.classList.toggle('is-current', k === n);
      s.classList.toggle('is-future', n > 0 && k > n);
    }
    for (const e of events) {
      const current = Number(e.dataset.step) === n;
      e.classList.toggle('is-current', current);
      if (current) e.setAttribute('aria-current', 'step'); else e.removeAttribute('aria-current');
    }
    counter.textContent = `${n} / ${this.total}`;
    if (announce && n > 0) this.#announce(n);
    const travel = this.#packet.moveTo(steps.find((s) => Number(s.dataset.step) === n), { animate, speed: this.#speed });
    this.#emitChange();
    return travel;
  }

  #emitChange() {
    const s = this.state, last = this.#emitted;
    this.#emitted = s;
    if (!last) return; // the state the figure opened at is no change
    if (s.mode === last.mode && s.flow === last.flow && s.step === last.step) return;
    this.dispatchEvent(new CustomEvent('statechange', { detail: { ...s } }));
  }

  // #announce tells screen readers what the new step is.
  #announce(n) {
    const e = this.#parts.events[n - 1];
    if (!e || !this.#parts.live) return;
    const text = (css) => e.querySelector(css)?.textContent.trim() ?? '';
    this.#parts.live.textContent = `${n} / ${this.total}: ${text('.event__route')} (${text('.badge')}). ${text('.event__reason')}`;
  }

  #updatePlayButton() {
    const b = this.#parts?.play;
    if (!b) return;
    b.textContent = this.#playing ? '❚❚' : '▶';
    b.setAttribute('aria-label', this.#playing ? b.dataset.labelPause : b.dataset.labelPlay);
    b.setAttribute('aria-pressed', String(this.#playing));
  }

  #pickMode(i) {
    // A figure without its own form (the lab's) has no modes to pick.
    const radio = this.#parts.form?.querySelectorAll('input[name="mode"]')[i];
    if (!radio || radio.checked) return;
    radio.checked = true;
    this.#loadForm();
  }

  // #loadForm loads the form's mode and flow, as the reader picked them;
  // if that fails, it navigates there as the form would without script.
  #loadForm() {
    const data = new FormData(this.#parts.form);
    const state = { mode: data.get('mode'), flow: data.get('flow'), step: 0 };
    this.pause();
    this.#load(state).catch(() => location.assign(stateURL(this.#parts.form.action, this.#fig.id, state)));
  }

  // #load swaps in the figure the server renders for state.
  async #load(state) {
    const ticket = ++this.#loads;
    const fresh = await fetchFigure(this.#parts.form.action, this.#fig.id, state);
    if (ticket !== this.#loads) return; // a later load won
    const hadFocus = this.#fig.contains(document.activeElement);
    this.pause();
    adoptFigure(this.#fig, fresh);
    this.#adopt();
    if (hadFocus && !this.#fig.contains(document.activeElement)) this.#fig.focus({ preventScroll: true });
  }

  async #downloadPNG() {
    const { downloadPNG } = await import('./png.js');
    await downloadPNG(this.#fig.dataset.svgUrl, `${this.#fig.dataset.downloadName}.png`);
  }
}
