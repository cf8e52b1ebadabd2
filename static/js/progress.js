// progress.js: the learner's progress, kept in this browser only
// (localStorage); the server stores nothing. No DOM here: the pages'
// scripts (chapter.js, progress-page.js) read and write through it.
//
// The record, version 1:
//   read:   {slug: time}                 chapters read to the end (or quizzed)
//   last:   {slug, section, at} | null   where the reader was, to continue
//   quiz:   {slug: {right, total, best, at}}  the latest and best score
//   review: {questionID: {slug, streak, seq}} wrong answers to come back
//   seq:    a counter that orders review (lowest first)
//   ex:     {exerciseID: time}           trace-the-path exercises solved
// Times are seconds since 1970. A question leaves review once it is
// answered right twice in a row (streak 2); a wrong answer resets it.

const KEY = 'ekstutor.progress';
const CODE_PREFIX = 'EKS1.';
const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** @returns a record with nothing in it */
export function empty() {
  return { v: 1, read: {}, last: null, quiz: {}, review: {}, seq: 0, ex: {} };
}

/** load returns the saved record, or an empty one. */
export function load() {
  try {
    const raw = localStorage.getItem(KEY);
    return (raw && sanitize(JSON.parse(raw))) || empty();
  } catch {
    return empty();
  }
}

/** save keeps p; storage that is full or blocked loses it quietly. */
export function save(p) {
  try {
    localStorage.setItem(KEY, JSON.stringify(p));
  } catch {
    // Nothing to do: progress is a convenience, the course works without it.
  }
}

/** update loads, changes and saves the record in one step. */
export function update(change) {
  const p = load();
  const result = change(p);
  save(p);
  return result;
}

/** reset forgets everything. */
export function reset() {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Blocked storage held nothing.
  }
}

const now = () => Math.floor(Date.now() / 1000);

/** visit records where the reader is, for "continue where you left off". */
export function visit(slug, section) {
  update((p) => {
    p.last = { slug, section: section || '', at: now() };
  });
}

/** markRead records a chapter as read. */
export function markRead(slug) {
  update((p) => {
    if (!p.read[slug]) p.read[slug] = now();
  });
}

// answer moves one question through review and says what happened:
// 'wrong' (in review now), 'right' (was not in review), 'once' (right
// once in a row) or 'done' (right twice in a row: out of review).
function answer(p, slug, id, correct) {
  const item = p.review[id];
  p.seq += 1;
  if (!correct) {
    p.review[id] = { slug, streak: 0, seq: p.seq };
    return 'wrong';
  }
  if (!item) return 'right';
  item.streak += 1;
  item.seq = p.seq; // to the back of the queue
  if (item.streak >= 2) {
    delete p.review[id];
    return 'done';
  }
  return 'once';
}

/**
 * recordQuiz keeps a graded chapter quiz: its score, and each question's
 * result for review. The chapter counts as read.
 *
 * @param {string} slug
 * @param {{id: string, correct: boolean}[]} results
 */
export function recordQuiz(slug, results) {
  update((p) => {
    const right = results.filter((r) => r.correct).length;
    const best = Math.max(right, p.quiz[slug]?.best ?? 0);
    p.quiz[slug] = { right, total: results.length, best, at: now() };
    if (!p.read[slug]) p.read[slug] = now();
    for (const r of results) answer(p, slug, r.id, r.correct);
  });
}

/** recordExercise keeps a trace-the-path exercise as solved (first time). */
export function recordExercise(id) {
  if (!SLUG.test(id)) return;
  update((p) => {
    if (!p.ex[id]) p.ex[id] = now();
  });
}

/** recordReview keeps one answer given on the review page. */
export function recordReview(slug, id, correct) {
  return update((p) => answer(p, slug, id, correct));
}

/** due lists up to n questions to review, the longest waiting first. */
export function due(p, n = 3) {
  return Object.entries(p.review)
    .sort((a, b) => a[1].seq - b[1].seq)
    .slice(0, n)
    .map(([id, item]) => ({ id, ...item }));
}

/** encode turns p into a short code to copy to another browser. */
export function encode(p) {
  const b64 = btoa(JSON.stringify(sanitize(p) || empty()));
  return CODE_PREFIX + b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * decode reads a code from encode, or the JSON of an exported file, and
 * returns the record, or null when text is neither.
 */
export function decode(text) {
  let s = String(text).trim();
  try {
    if (s.startsWith(CODE_PREFIX)) {
      s = atob(s.slice(CODE_PREFIX.length).replace(/-/g, '+').replace(/_/g, '/'));
    }
    return sanitize(JSON.parse(s));
  } catch {
    return null;
  }
}

/** fileJSON is the content of an exported progress file. */
export function fileJSON(p) {
  return JSON.stringify(sanitize(p) || empty(), null, 1) + '\n';
}

const isTime = (n) => Number.isInteger(n) && n >= 0;
const isObject = (x) => x !== null && typeof x === 'object' && !Array.isArray(x);

/**
 * sanitize checks a record from storage or an import and copies only what
 * it knows; anything malformed makes the whole record null, so a broken
 * import never half-replaces good progress.
 */
export function sanitize(x) {
  if (!isObject(x) || x.v !== 1) return null;
  const out = empty();
  for (const [k, t] of Object.entries(x.read ?? {})) {
    if (!SLUG.test(k) || !isTime(t)) return null;
    out.read[k] = t;
  }
  if (x.last != null) {
    const l = x.last;
    if (!isObject(l) || !SLUG.test(l.slug) || !isTime(l.at)) return null;
    if (l.section && !SLUG.test(l.section)) return null;
    out.last = { slug: l.slug, section: l.section || '', at: l.at };
  }
  for (const [k, q] of Object.entries(x.quiz ?? {})) {
    if (!SLUG.test(k) || !isObject(q)) return null;
    const { right, total, best, at } = q;
    if (![right, total, best, at].every(isTime) || right > total || best > total) return null;
    out.quiz[k] = { right, total, best, at };
  }
  let seq = isTime(x.seq) ? x.seq : 0;
  for (const [id, r] of Object.entries(x.review ?? {})) {
    if (!SLUG.test(id) || !isObject(r) || !SLUG.test(r.slug) || ![r.streak, r.seq].every(isTime) || r.streak > 1) return null;
    out.review[id] = { slug: r.slug, streak: r.streak, seq: r.seq };
    seq = Math.max(seq, r.seq);
  }
  out.seq = seq;
  for (const [id, t] of Object.entries(x.ex ?? {})) {
    if (!SLUG.test(id) || !isTime(t)) return null;
    out.ex[id] = t;
  }
  return out;
}
