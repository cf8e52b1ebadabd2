// present-camera.js: presenter mode frames the part of the endpoint
// diagram the current step is about.
//
// The whole endpoint view (1280×956 units, labels 13–14 units) fitted
// into a 1280×720 projector under a caption draws its labels at about
// 7–8 px: unreadable from the back of a room. The diagram's geometry is
// shared with the chapters and stays as it is; instead the camera narrows
// the SVG's viewBox to the current hop (its link, hop number and DNS tag,
// and the two components it joins) and, before the first step, to the
// whole route of the flow. It zooms at most so far that a window of
// MIN_SHARE of the diagram stays in view, and never out past the whole
// diagram. Nothing changes without this module: the server's page shows
// the whole diagram.

const MIN_SHARE = 0.4; // the smallest part of the diagram's width and height kept in view
const PAD = 18; // units of margin round what is framed
const MOVE_MS = 450;
const PACKET_HALF_W = 55, PACKET_HALF_H = 11; // the packet's pill round its resting point, at most
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

/**
 * followWithCamera frames player's current step now, on every change of
 * step, mode or flow, and when the canvas changes size.
 *
 * @param {import('./player/player.js').Player} player
 * @param {{signal: AbortSignal}} options the camera stops on abort
 */
export function followWithCamera(player, { signal }) {
  let stop = () => {};
  let watched = null; // the SVG whose size is watched: a new flow brings a new one
  let framedFor = ''; // the size the current frame was made for
  const sizeOf = (r) => `${Math.round(r.width)}×${Math.round(r.height)}`;
  // A new size reframes at once; the first report of a newly watched SVG
  // (the size just framed for) leaves a glide under way alone.
  const resize = new ResizeObserver(([e]) => { if (sizeOf(e.contentRect) !== framedFor) aim(false); });
  const aim = (animate) => {
    const svg = player.figure.querySelector('.diagram-canvas svg');
    if (!svg?.getAttribute('viewBox')) return;
    if (svg !== watched) {
      resize.disconnect();
      resize.observe(svg);
      watched = svg;
    }
    svg.dataset.fullViewBox ??= svg.getAttribute('viewBox');
    framedFor = sizeOf(svg.getBoundingClientRect());
    stop();
    stop = move(svg, windowFor(svg, player.state.step), animate && !reducedMotion.matches);
  };
  aim(false);
  player.addEventListener('statechange', () => aim(true), { signal });
  signal.addEventListener('abort', () => {
    resize.disconnect();
    stop();
    const svg = player.figure.querySelector('.diagram-canvas svg');
    if (svg?.dataset.fullViewBox) svg.setAttribute('viewBox', svg.dataset.fullViewBox);
  });
}

// windowFor is the viewBox [x, y, w, h] that frames step n of svg (0: the
// whole route) at the canvas's aspect ratio.
function windowFor(svg, n) {
  const [fx, fy, fw, fh] = svg.dataset.fullViewBox.split(/[\s,]+/).map(Number);
  const { width: cw, height: ch } = svg.getBoundingClientRect();
  const steps = [...svg.querySelectorAll('.step')];
  const framed = steps.filter((s) => n === 0 || Number(s.dataset.step) === n).map((s) => stepBox(svg, s));
  if (!cw || !ch || framed.length === 0) return [fx, fy, fw, fh];
  const box = framed.reduce(union);
  const bw = box.w + 2 * PAD, bh = box.h + 2 * PAD;
  const whole = Math.min(cw / fw, ch / fh); // px per unit with everything in view
  const closest = Math.min(cw / (MIN_SHARE * fw), ch / (MIN_SHARE * fh));
  const scale = Math.max(whole, Math.min(closest, cw / bw, ch / bh));
  const w = cw / scale, h = ch / scale;
  const place = (centre, size, start, full) =>
    (size >= full ? start + (full - size) / 2 : Math.min(Math.max(centre - size / 2, start), start + full - size));
  return [place(box.x + box.w / 2, w, fx, fw), place(box.y + box.h / 2, h, fy, fh), w, h];
}

// stepBox is what a step is about: its link, its number and DNS tag
// (.step-label, drawn apart, above every link), where the packet rests
// after it (data-rest) and the components at either end of its link (of
// several with the same name, such as the API server in each zone, the
// one nearest that end).
function stepBox(svg, step) {
  let box = rect(step.getBBox());
  const label = svg.querySelector(`.step-label[data-step="${CSS.escape(step.dataset.step ?? '')}"]`);
  if (label) box = union(box, rect(label.getBBox()));
  const path = step.querySelector('.step-path');
  if (!path) return box;
  const length = path.getTotalLength();
  const ends = [path.getPointAtLength(0), path.getPointAtLength(length)];
  const [f, dx = 0, dy = 0] = (step.dataset.rest ?? '').split(' ').filter(Boolean).map(Number);
  if (Number.isFinite(f)) {
    const p = path.getPointAtLength(length * f);
    box = union(box, { x: p.x + dx - PACKET_HALF_W, y: p.y + dy - PACKET_HALF_H, w: 2 * PACKET_HALF_W, h: 2 * PACKET_HALF_H });
  }
  [step.dataset.from, step.dataset.to].forEach((id, i) => {
    const comps = [...svg.querySelectorAll(`.comp[data-comp="${CSS.escape(id ?? '')}"]`)].map((c) => rect(c.getBBox()));
    const near = comps.sort((a, b) => distance(a, ends[i]) - distance(b, ends[i]))[0];
    if (near) box = union(box, near);
  });
  return box;
}

const rect = ({ x, y, width, height }) => ({ x, y, w: width, h: height });

function union(a, b) {
  const x = Math.min(a.x, b.x), y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}

function distance(r, p) {
  const dx = Math.max(r.x - p.x, 0, p.x - (r.x + r.w));
  const dy = Math.max(r.y - p.y, 0, p.y - (r.y + r.h));
  return Math.hypot(dx, dy);
}

// move takes svg's viewBox to target, gliding unless animate is false,
// and returns a function that stops it where it is. The canvas carries
// is-moving while it glides.
function move(svg, target, animate) {
  const canvas = svg.closest('.diagram-canvas');
  const set = (v) => svg.setAttribute('viewBox', v.map((n) => n.toFixed(1)).join(' '));
  const from = svg.getAttribute('viewBox').split(/[\s,]+/).map(Number);
  const done = () => canvas?.classList.remove('is-moving');
  if (!animate) {
    set(target);
    done();
    return () => {};
  }
  canvas?.classList.add('is-moving');
  let start = 0, frame = 0;
  const tick = (now) => {
    start ||= now;
    const t = Math.min(1, (now - start) / MOVE_MS);
    const e = t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2; // ease in and out
    set(from.map((f, i) => f + (target[i] - f) * e));
    if (t < 1) frame = requestAnimationFrame(tick);
    else done();
  };
  frame = requestAnimationFrame(tick);
  return () => { cancelAnimationFrame(frame); done(); };
}
