// progress-page.js: shows the progress kept in this browser, on the
// course home (a summary, and a status on each chapter card) and on
// /{lang}/progress (every chapter, review, export/import and reset).
// The server sends the words and the quizzes as JSON (#progress-data);
// everything else comes from progress.js.

import * as store from './progress.js';

const data = JSON.parse(document.getElementById('progress-data')?.textContent || 'null');
const byTestID = (id, root = document) => root.querySelector(`[data-testid="${id}"]`);

/** msg is a word of the catalog with its {placeholders} filled in. */
function msg(key, vars = {}) {
  return (data.msg[key] ?? key).replace(/\{(\w+)\}/g, (_, v) => String(vars[v] ?? ''));
}

/** el builds an element: el('p', {class: 'x'}, 'text', child). */
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v == null) continue;
    if (k === 'dataset') Object.assign(e.dataset, v);
    else if (v === true) e.setAttribute(k, '');
    else e.setAttribute(k, v);
  }
  e.append(...children.filter((c) => c != null));
  return e;
}

const chapterOf = (slug) => data.chapters.find((c) => c.slug === slug);
const base = () => `/${data.lang}/`;

// The chapters: a count, "continue", and a status for each one listed.
function renderChapters(p, root) {
  const read = data.chapters.filter((c) => p.read[c.slug]).length;
  const count = byTestID('progress-count', root);
  if (count) count.textContent = msg('count', { read, total: data.chapters.length });
  const solved = Object.keys(p.ex).length;
  const exCount = byTestID('exercises-count', root);
  if (exCount) exCount.textContent = msg('exercisesSolved', { n: solved });
  const cont = byTestID('continue', root);
  const last = p.last && chapterOf(p.last.slug);
  if (cont) {
    cont.hidden = !last;
    if (last) {
      const a = cont.querySelector('a');
      a.href = base() + last.slug + (p.last.section ? '#' + p.last.section : '');
      a.querySelector('span').textContent = last.title;
    }
  }
  for (const li of document.querySelectorAll('[data-slug]')) {
    const status = li.querySelector('[data-status]');
    if (!status) continue;
    const slug = li.dataset.slug;
    const parts = [p.read[slug] ? msg('read') : msg('notStarted')];
    const q = p.quiz[slug];
    if (q) parts.push(msg('quizScore', { right: q.right, total: q.total }));
    status.textContent = parts.join(' · ');
    li.classList.toggle('is-read', Boolean(p.read[slug]));
  }
  return read > 0 || last || solved > 0;
}

// Review: a few of the questions answered wrongly, checked here.
function findQuestion(id) {
  for (const c of data.chapters) {
    const q = (c.questions || []).find((x) => x.id === id);
    if (q) return { chapter: c, q };
  }
  return null;
}

function reviewQuestion({ chapter, q }) {
  const type = q.multiple ? 'checkbox' : 'radio';
  return el('fieldset', { class: 'quiz__q', 'data-testid': 'review-question', dataset: { question: q.id, slug: chapter.slug } },
    el('legend', {}, el('span', { class: 'quiz__n' }, chapter.title), ' ', q.prompt),
    ...q.choices.map((c) => el('label', { class: 'quiz__choice', dataset: { key: c.key } },
      el('input', { type, name: 'r-' + q.id, value: c.key }), ' ', el('span', {}, c.text))),
  );
}

function showVerdict(fs, q, correct, outcome) {
  fs.dataset.result = correct ? 'right' : 'wrong';
  for (const label of fs.querySelectorAll('label')) {
    const key = label.dataset.key;
    const chosen = label.querySelector('input').checked;
    label.querySelector('input').disabled = true;
    if (q.answer.includes(key)) {
      label.classList.add('is-right');
      label.append(' ', el('span', { class: 'quiz__mark' }, msg('rightChoice')));
    } else if (chosen) {
      label.classList.add('is-wrong');
      label.append(' ', el('span', { class: 'quiz__mark' }, msg('yourChoice')));
    }
  }
  const note = { once: msg('reviewOnceMore'), done: msg('reviewDone') }[outcome];
  fs.append(el('div', { class: 'quiz__feedback', 'data-testid': 'review-feedback' },
    el('p', { class: 'quiz__verdict' }, correct ? '✓ ' + msg('reviewRight') : '✗ ' + msg('reviewWrong'), note ? ' ' + note : null),
    el('p', {}, q.explain),
    el('p', {}, el('a', { href: q.see }, msg('readAgain') + ': ' + q.seeTitle)),
  ));
}

function renderReview(root) {
  root.replaceChildren();
  const p = store.load();
  const items = store.due(p).map((it) => findQuestion(it.id)).filter(Boolean);
  if (items.length === 0) {
    root.append(el('p', { 'data-testid': 'review-empty' }, msg('reviewEmpty')));
    return;
  }
  const left = Object.keys(p.review).length;
  const form = el('form', { class: 'review__round', 'data-testid': 'review-round' },
    ...items.map(reviewQuestion),
    el('p', {}, el('button', { type: 'submit', class: 'button', 'data-testid': 'review-check' }, msg('reviewCheck'))));
  root.append(el('p', { 'data-testid': 'review-left' }, msg('reviewLeft', { n: left })), form);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    for (const fs of form.querySelectorAll('fieldset')) {
      const { q } = findQuestion(fs.dataset.question);
      const chosen = [...fs.querySelectorAll('input:checked')].map((i) => i.value).sort();
      const correct = chosen.join() === [...q.answer].sort().join();
      showVerdict(fs, q, correct, store.recordReview(fs.dataset.slug, q.id, correct));
    }
    const next = el('button', { type: 'button', class: 'button', 'data-testid': 'review-next' }, msg('reviewNext'));
    next.addEventListener('click', () => {
      renderReview(root);
      root.querySelector('legend')?.scrollIntoView({ block: 'nearest' });
      (root.querySelector('input') || root.querySelector('p'))?.focus();
    });
    form.querySelector('[data-testid="review-check"]').replaceWith(next);
    next.focus();
    renderChapters(store.load(), document);
  });
}

// Export, import and reset.
function initTransfer(app) {
  const status = byTestID('transfer-status', app);
  const code = byTestID('export-code', app);
  const download = byTestID('download', app);
  const rerender = () => {
    renderChapters(store.load(), document);
    renderReview(byTestID('review', app));
  };
  byTestID('export', app).addEventListener('click', () => {
    const p = store.load();
    code.value = store.encode(p);
    code.select();
    if (download.href) URL.revokeObjectURL(download.href);
    download.href = URL.createObjectURL(new Blob([store.fileJSON(p)], { type: 'application/json' }));
    download.hidden = false;
    status.textContent = msg('exported');
  });
  const importText = (text) => {
    const p = store.decode(text);
    if (!p) {
      status.textContent = msg('importBad');
      return;
    }
    store.save(p);
    rerender();
    status.textContent = msg('imported');
  };
  byTestID('import', app).addEventListener('click', async () => {
    const file = byTestID('import-file', app).files?.[0];
    const text = byTestID('import-code', app).value;
    importText(text.trim() ? text : file ? await file.text() : '');
  });
  const dialog = byTestID('reset-dialog', app);
  byTestID('reset', app).addEventListener('click', () => dialog.showModal());
  dialog.addEventListener('close', () => {
    if (dialog.returnValue !== 'reset') return;
    store.reset();
    code.value = '';
    download.hidden = true;
    rerender();
    status.textContent = msg('resetDone');
  });
}

if (data) {
  const p = store.load();
  const app = byTestID('progress-app');
  if (app) {
    byTestID('progress-nojs').hidden = true;
    app.hidden = false;
    renderChapters(p, app);
    renderReview(byTestID('review', app));
    initTransfer(app);
  } else {
    const summary = byTestID('progress-summary');
    const any = renderChapters(p, summary || document);
    if (summary) summary.hidden = !any;
  }
}
