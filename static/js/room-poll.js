// room-poll.js: a room's live poll on the presenter's and the followers'
// pages (web/view/polls.templ). Without this module the poll is plain
// forms and the page shows it as it was when loaded. With it:
//   - a poll event with the same poll updates the counts in place (the
//     count as text, the bar as a width class: no style attributes);
//   - a new poll, a reveal or a close fetches the page again and takes its
//     poll part, which the server drew in this page's language (a quiz
//     question's words) with typed text escaped — never innerHTML here;
//   - the forms are sent with fetch and the status line says what happened.

const part = (root) => root.querySelector('[data-testid="poll-follower"], [data-testid="poll-panel"]');
const drawn = (root) => root.querySelector('[data-testid="poll"]');

function msg(root, key, n) {
  const k = 'msg' + key.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  return (root.dataset[k] ?? key).replace('%d', String(n));
}

/** keyOf is the server's PollView.Key for a poll of an event ("" for none). */
export function keyOf(poll) {
  return poll ? `${poll.opened}|${poll.revealed}` : '';
}

let fetching = null; // the redraw in flight; a newer event waits for it

/** update brings the page's poll to the room's (from a state or poll event). */
export function update(root, poll) {
  const here = drawn(root);
  if (!here) return;
  if (here.dataset.poll === keyOf(poll)) {
    if (poll) counts(root, poll);
    return;
  }
  const want = keyOf(poll);
  fetching = (fetching ?? Promise.resolve()).then(() => redraw(root, want, poll)).catch(() => {}).finally(() => { fetching = null; });
}

function counts(root, poll) {
  const total = poll.counts.reduce((a, b) => a + b, 0);
  poll.keys.forEach((k, i) => {
    const c = root.querySelector(`[data-testid="poll-count-${k}"]`);
    if (c) c.textContent = msg(root, 'poll-count', poll.counts[i]);
    const bar = root.querySelector(`[data-testid="poll-row-${k}"] .poll__bar`);
    if (bar) {
      for (const cl of [...bar.classList]) if (cl.startsWith('poll__bar--p')) bar.classList.remove(cl);
      const pct = total ? Math.floor((poll.counts[i] * 100 / total + 2) / 5) * 5 : 0;
      bar.classList.add(`poll__bar--p${pct}`);
    }
  });
  const t = root.querySelector('[data-testid="poll-total"]');
  if (t) t.textContent = msg(root, 'poll-total', total);
}

async function redraw(root, want, poll) {
  if (drawn(root)?.dataset.poll === want) return;
  const res = await fetch(location.pathname, { headers: { Accept: 'text/html' } });
  if (!res.ok) return;
  const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
  const fresh = doc.querySelector('[data-testid="poll-follower"], [data-testid="poll-panel"]');
  const old = part(root);
  if (!fresh || !old) return;
  const opened = (el) => (el?.querySelector('[data-testid="poll"]')?.dataset.poll ?? '').split('|')[0];
  const status = old.querySelector('[data-testid="poll-status"]')?.textContent ?? '';
  const same = opened(old) !== '' && opened(old) === opened(fresh);
  old.replaceWith(document.adoptNode(fresh));
  // The same poll, now revealed: keep what the status line said.
  const kept = part(root).querySelector('[data-testid="poll-status"]');
  if (same && kept && !kept.textContent) kept.textContent = status;
  if (poll && drawn(root)?.dataset.poll === want) counts(root, poll);
}

/** wire sends the poll's forms with fetch; the stream brings the result. */
export function wire(root) {
  root.addEventListener('submit', async (e) => {
    const form = e.target;
    const id = form.dataset.testid;
    if (!['poll-form', 'poll-open', 'poll-actions'].includes(id)) return;
    e.preventDefault();
    const status = part(root)?.querySelector('[data-testid="poll-status"]');
    const data = new FormData(form, e.submitter);
    try {
      // getAttribute: the buttons named "action" shadow form.action.
      const res = await fetch(form.getAttribute('action'), {
        method: 'POST', body: new URLSearchParams(data), headers: { Accept: 'application/json' },
      });
      const body = await res.json();
      if (!res.ok) throw new Error(body.detail || String(res.status));
      if (id === 'poll-form') {
        for (const el of form.elements) el.disabled = true;
        if (status) status.textContent = root.dataset.msgPollCounted ?? '';
      } else if (id === 'poll-open') {
        form.reset();
        if (status) status.textContent = root.dataset.msgSent ?? '';
      }
      update(root, body.poll ?? null);
    } catch (err) {
      if (status) status.textContent = (root.dataset.msgSendFailed || '%s').replace('%s', err.message);
    }
  });
}
