// exercise.js: trace-the-path exercises on the diagram.
//
// Without this module an exercise is a form: one select per step, posted
// to the server, which answers with the page and its verdict. With it, the
// diagram's components become buttons: click them (or Tab / the arrow keys
// and Enter or Space; Backspace takes the last one back), then Check sends
// the picks to the JSON check. The server stays the only checker, and it
// checks against the resolver. Any page can reuse enhanceExercise (the
// lab will); every box on the page is enhanced when the module loads.

import * as store from './progress.js';

const BOX = '[data-testid="exercise"]';
const NEXT = new Set(['ArrowRight', 'ArrowDown']);
const PREV = new Set(['ArrowLeft', 'ArrowUp']);

/** el builds an element with a class and text. */
function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  return e;
}

const fill = (s, n) => s.replace('{n}', String(n));

/**
 * enhanceExercise turns one exercise box into the diagram picker and
 * returns its controls ({pick, undo, reset, check}), or null when the box
 * lacks its parts. onSolved(id) runs after a right answer, which is also
 * kept in progress.
 */
export function enhanceExercise(box, { onSolved } = {}) {
  if (box.dataset.enhanced) return null;
  const svg = box.querySelector('svg');
  const list = box.querySelector('[data-testid="exercise-steps"]');
  const result = box.querySelector('[data-testid="exercise-result"]');
  const form = box.querySelector('[data-testid="exercise-form"]');
  if (!svg || !list || !result || !form) return null;
  box.dataset.enhanced = 'true';
  const msg = box.dataset;
  const id = msg.exercise;
  const limit = msg.kind === 'stop' ? 1 : Infinity;
  const names = new Map([...form.querySelector('select').options].filter((o) => o.value).map((o) => [o.value, o.textContent]));
  let picked = [];

  // The picture becomes a group of buttons: a role=img would hide them.
  svg.setAttribute('role', 'group');
  const comps = [...svg.querySelectorAll('g.comp[data-comp]')];
  const stops = []; // one tab stop per component; its other AZs' copies click alike
  for (const g of comps) {
    const c = g.dataset.comp;
    g.setAttribute('role', 'button');
    // The name is the words drawn in the box, so what a voice-control
    // user reads is what the button answers to.
    const drawn = [...g.querySelectorAll('text')].map((x) => x.textContent.trim()).join(' ');
    g.setAttribute('aria-label', drawn || names.get(c) || c);
    g.classList.add('is-pickable');
    const first = !stops.some((s) => s.dataset.comp === c);
    g.setAttribute('tabindex', first ? '0' : '-1');
    if (first) stops.push(g);
  }

  function render() {
    list.replaceChildren(...(picked.length ? picked.map((c) => el('li', 'exercise__step', names.get(c) || c)) : [el('li', 'exercise__empty', msg.msgEmpty)]));
    list.dataset.count = String(picked.length);
    for (const g of comps) {
      const on = picked.includes(g.dataset.comp);
      g.classList.toggle('is-picked', on);
      g.setAttribute('aria-pressed', String(on));
    }
  }

  function changed() {
    result.replaceChildren();
    render();
  }

  function pick(c) {
    if (picked.length >= limit) picked = picked.slice(0, limit - 1);
    picked.push(c);
    changed();
  }
  function undo() {
    picked.pop();
    changed();
  }
  function reset() {
    picked = [];
    changed();
  }

  function verdict(v) {
    const items = [...list.querySelectorAll('.exercise__step')];
    items.forEach((li, i) => {
      li.classList.toggle('is-right', v.correct || i < v.wrong_at);
      li.classList.toggle('is-wrong', !v.correct && i === v.wrong_at);
    });
    const wrap = el('div', 'exercise__verdict ' + (v.correct ? 'is-right' : 'is-wrong'));
    wrap.dataset.correct = String(v.correct);
    let head = '✓ ' + msg.msgRight;
    if (!v.correct) {
      head = '✗ ' + fill(v.wrong_at < picked.length ? msg.msgWrong : msg.msgMissing, v.wrong_at + 1);
    }
    const p = el('p', 'exercise__verdict-head', head);
    if (!v.correct) p.dataset.wrongAt = String(v.wrong_at);
    wrap.append(p);
    if (v.reason) {
      const r = el('p', 'exercise__reason', v.reason);
      r.dataset.testid = 'exercise-reason';
      wrap.append(r);
    }
    result.replaceChildren(wrap);
    result.focus();
  }

  async function check() {
    let v = null;
    try {
      const res = await fetch(msg.checkUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ path: picked }),
        credentials: 'same-origin',
      });
      if (res.ok) v = await res.json();
    } catch {
      v = null;
    }
    if (!v) {
      result.replaceChildren(el('p', 'exercise__error', msg.msgError));
      return;
    }
    verdict(v);
    if (v.correct) {
      store.recordExercise(id);
      onSolved?.(id);
    }
  }

  svg.addEventListener('click', (e) => {
    const g = e.target.closest?.('g.comp[data-comp]');
    if (g) pick(g.dataset.comp);
  });
  box.addEventListener('keydown', (e) => {
    const g = e.target.closest?.('g.comp[data-comp]');
    if (e.key === 'Backspace' && !e.target.closest('input, select, textarea')) {
      e.preventDefault();
      undo();
    } else if (g && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      pick(g.dataset.comp);
    } else if (g && (NEXT.has(e.key) || PREV.has(e.key))) {
      e.preventDefault();
      const at = stops.findIndex((s) => s.dataset.comp === g.dataset.comp);
      const step = NEXT.has(e.key) ? 1 : -1;
      stops[(at + step + stops.length) % stops.length].focus();
    }
  });
  box.querySelector('[data-action="check"]').addEventListener('click', check);
  box.querySelector('[data-action="undo"]').addEventListener('click', undo);
  box.querySelector('[data-action="reset"]').addEventListener('click', reset);

  for (const part of box.querySelectorAll('.exercise__js')) part.hidden = false;
  form.hidden = true;
  list.setAttribute('aria-live', 'polite');
  render();
  return { pick, undo, reset, check };
}

// A page answered by the form (the server's verdict) keeps a right answer too.
for (const box of document.querySelectorAll(BOX)) {
  if (box.dataset.solved === 'true') store.recordExercise(box.dataset.exercise);
  enhanceExercise(box);
}
