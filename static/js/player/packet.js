// packet.js: the token that travels along one hop of a flow.
//
// The server draws the packet (a pill with a label) in the SVG; this
// moves it along the current step's path. A DNS query goes to the
// resolver and back; other hops go from start to end. Each step says
// where the packet rests (data-rest: a fraction of the path's length,
// and an offset where the path has no room), a place the server keeps
// clear of every label. With reduced motion it jumps straight there.

const HOP_MS = 1100; // travel time of one hop at 1x
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

export class Packet {
  #el;
  #frame = 0;

  /** @param {SVGSVGElement} svg the diagram that holds a .packet */
  constructor(svg) {
    this.#el = svg.querySelector('.packet');
  }

  /**
   * moveTo puts the packet on step's path and returns how long its travel
   * takes in milliseconds (0 when it jumps or hides).
   *
   * @param {Element | undefined} step the diagram's .step, or none to hide
   * @param {{animate: boolean, speed: number}} how
   */
  moveTo(step, { animate, speed }) {
    this.stop();
    const el = this.#el;
    if (!el) return 0;
    const path = step?.querySelector('.step-path');
    if (!path) {
      el.classList.add('packet--hidden');
      return 0;
    }
    const dns = step.dataset.kind === 'dns';
    el.classList.remove('packet--hidden');
    this.#label(dns ? el.dataset.labelDns : el.dataset.labelHop);
    const length = path.getTotalLength();
    const [rest = dns ? 0 : 1, dx = 0, dy = 0] = (step.dataset.rest ?? '').split(' ').filter(Boolean).map(Number);
    // t runs from 0 to 1: a hop travels to its rest, a lookup out to the
    // resolver and back to its rest; the offset eases in on the way.
    const place = (t) => {
      const along = dns ? (t < 0.5 ? t * 2 : 1 - (t * 2 - 1) * (1 - rest)) : t * rest;
      const p = path.getPointAtLength(length * along);
      el.setAttribute('transform', `translate(${(p.x + dx * t).toFixed(1)} ${(p.y + dy * t).toFixed(1)})`);
    };
    if (!animate || reducedMotion.matches) {
      place(1);
      return 0;
    }
    const duration = (dns ? HOP_MS * 1.4 : HOP_MS) / speed;
    const start = performance.now();
    const tick = (now) => {
      const t = Math.min(1, (now - start) / duration);
      place(t < 0.5 ? 2 * t * t : 1 - ((-2 * t + 2) ** 2) / 2); // ease in-out
      if (t < 1) this.#frame = requestAnimationFrame(tick);
    };
    this.#frame = requestAnimationFrame(tick);
    return duration;
  }

  /** stop ends a travel in progress where it is. */
  stop() {
    cancelAnimationFrame(this.#frame);
  }

  // #label sets the token's text and fits its pill around it (the server
  // sized the pill for the first step's label).
  #label(text) {
    const label = this.#el.querySelector('.packet-label');
    const box = this.#el.querySelector('.packet-box');
    if (!label || !box || label.textContent === text) return;
    label.textContent = text;
    const width = Math.ceil(label.getComputedTextLength()) + 20;
    box.setAttribute('width', String(width));
    box.setAttribute('x', String(-width / 2));
  }
}
