// lab.js: the endpoint lab answers as the learner changes a field.
//
// Without this module the lab is a GET form: every change is a submit and
// the server draws the page for the new address. With it, a change
// fetches that same page and swaps in its result — the verdict, the
// diagram (a Player, as in the chapter) and the sentence that says what
// the change did — keeping focus and the learner's typing in the form.
// The sentence comes from the server, which compares the resolver's two
// results (the form carries the configuration shown as was=), so both
// languages and the no-JavaScript page say the same thing.
//
// The address stays the configuration (history.replaceState): the
// canonical query of what is shown, without was=.

import { Player } from './player/player.js';

const TYPING_MS = 500; // how long a text field waits for the next key

const lab = document.querySelector('[data-testid="lab"]');
if (lab) enhance(lab);

function enhance(lab) {
  let form = lab.querySelector('[data-testid="lab-form"]');
  const result = lab.querySelector('[data-testid="lab-result"]');
  const live = lab.querySelector('[data-testid="lab-change"]');
  let player = startPlayer(lab);
  let loads = 0; // numbers each load, so only the latest one lands
  let typing = 0;

  // formURL is where the form would go without this script.
  const formURL = () => {
    const url = new URL(form.action, location.href);
    url.search = new URLSearchParams(new FormData(form)).toString();
    return url;
  };

  const load = async (url, { fromLink = false } = {}) => {
    const ticket = ++loads;
    result.setAttribute('aria-busy', 'true');
    let doc;
    try {
      const res = await fetch(url, { headers: { Accept: 'text/html' } });
      // A 400 is the same page with the problems beside their fields.
      if (!res.ok && res.status !== 400) throw new Error(`HTTP ${res.status} for ${url}`);
      doc = new DOMParser().parseFromString(await res.text(), 'text/html');
    } catch {
      location.assign(url); // the page the form or link leads to anyway
      return;
    }
    if (ticket !== loads) return; // a later change won
    const fresh = doc.querySelector('[data-testid="lab"]');
    if (!fresh) { location.assign(url); return; }
    const address = addressOf(url, fresh); // before its parts move into this page
    const hadFocus = document.activeElement;
    player?.destroy();
    if (fromLink) {
      form = replaceForm(form, fresh);
    } else {
      syncForm(form, fresh);
    }
    swapResult(result, live, fresh, lab.dataset.query);
    lab.querySelector('[data-testid="lab-presets"]').replaceWith(document.adoptNode(fresh.querySelector('[data-testid="lab-presets"]')));
    for (const part of ['[data-testid="lab-export"]']) {
      const mine = lab.querySelector(part), theirs = fresh.querySelector(part);
      if (mine && theirs) mine.replaceWith(document.adoptNode(theirs));
    }
    lab.dataset.query = fresh.dataset.query;
    player = startPlayer(lab);
    enableCopy(lab);
    result.setAttribute('aria-busy', 'false');
    history.replaceState(history.state, '', address);
    if (hadFocus && !document.contains(hadFocus)) {
      // A clicked link was replaced: focus its twin (same preset or flow).
      const key = hadFocus.dataset?.preset ? `[data-preset="${hadFocus.dataset.preset}"]`
        : hadFocus.dataset?.showFlow ? '[data-testid="player"]' : null;
      (key && lab.querySelector(key))?.focus({ preventScroll: true });
    }
  };

  lab.addEventListener('change', (e) => {
    if (!form.contains(e.target)) return;
    clearTimeout(typing);
    load(formURL());
  });
  lab.addEventListener('input', (e) => {
    if (!form.contains(e.target) || e.target.type !== 'text') return;
    clearTimeout(typing);
    typing = setTimeout(() => load(formURL()), TYPING_MS);
  });
  lab.addEventListener('submit', (e) => {
    if (e.target !== form) return;
    e.preventDefault();
    clearTimeout(typing);
    load(formURL());
  });
  lab.addEventListener('click', (e) => {
    const a = e.target.closest('a[data-preset], a[data-show-flow]');
    if (!a || e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    const url = new URL(a.href);
    if (a.dataset.preset) url.searchParams.set('was', lab.dataset.query ?? '');
    load(url, { fromLink: true });
  });
  enableCopy(lab);
}

// startPlayer makes the lab's figure a Player: the packet, the step
// controls and keys, as in the chapter.
function startPlayer(lab) {
  const fig = lab.querySelector('figure.player');
  return fig ? new Player(fig) : null;
}

// swapResult puts the fresh verdict and diagram in place. The live region
// stays the same element, so screen readers announce its new text; it
// changes only when the configuration did (a new flow shown keeps the
// last sentence).
function swapResult(result, live, fresh, query) {
  const theirs = fresh.querySelector('[data-testid="lab-result"]');
  const theirLive = theirs.querySelector('[data-testid="lab-change"]');
  if (fresh.dataset.query !== query || theirLive.textContent.trim() !== '') {
    live.replaceChildren(...[...theirLive.childNodes].map((n) => document.adoptNode(n)));
  }
  theirLive.remove();
  result.replaceChildren(live, ...[...theirs.childNodes].map((n) => document.adoptNode(n)));
}

// syncForm takes the fresh page's verdict on each field — its errors,
// aria-invalid and aria-describedby — and leaves the values, focus and
// caret as the learner has them.
function syncForm(form, fresh) {
  const theirs = fresh.querySelector('[data-testid="lab-form"]');
  const problems = form.querySelector('.lab-problems');
  const theirProblems = theirs.querySelector('.lab-problems');
  if (theirProblems) {
    const adopted = document.adoptNode(theirProblems);
    if (problems) problems.replaceWith(adopted); else form.querySelector('h2').after(adopted);
  } else {
    problems?.remove();
  }
  // The configuration shown (was=) and the flow picked change only with
  // a valid answer: after a 400 the next change still starts from the
  // last configuration shown.
  if (!theirProblems) {
    for (const h of form.querySelectorAll('input[type="hidden"]')) h.remove();
    const anchor = form.querySelector('.lab-field');
    for (const h of theirs.querySelectorAll('input[type="hidden"]')) anchor.before(document.adoptNode(h));
  }
  for (const field of form.querySelectorAll('[data-field]')) {
    const twin = theirs.querySelector(`[data-field="${field.dataset.field}"]`);
    if (!twin) continue;
    field.className = twin.className;
    for (const e of field.querySelectorAll('.lab-field__error')) e.remove();
    const help = field.querySelector('.lab-field__help');
    let at = help;
    for (const e of twin.querySelectorAll('.lab-field__error')) {
      const adopted = document.adoptNode(e);
      at.after(adopted);
      at = adopted;
    }
    for (const el of field.querySelectorAll('[aria-invalid]')) {
      const other = el.id && twin.querySelector(`#${CSS.escape(el.id)}`);
      if (!other) continue;
      el.setAttribute('aria-invalid', other.getAttribute('aria-invalid') ?? 'false');
      if (other.hasAttribute('aria-describedby')) el.setAttribute('aria-describedby', other.getAttribute('aria-describedby'));
    }
  }
}

// replaceForm swaps in the fresh form whole: a preset or flow link sets
// every field.
function replaceForm(form, fresh) {
  const theirs = document.adoptNode(fresh.querySelector('[data-testid="lab-form"]'));
  form.replaceWith(theirs);
  return theirs;
}

// addressOf is the address to show: the canonical configuration when the
// page drew one, else what the learner sent; never was=.
function addressOf(url, fresh) {
  const out = new URL(url);
  out.hash = '';
  if (!fresh.querySelector('.lab-problems')) {
    const keep = new URLSearchParams(fresh.dataset.query ?? '');
    const flow = fresh.querySelector('[data-testid="lab-form"] input[type="hidden"][name="flow"]');
    if (flow) keep.set('flow', flow.value);
    out.search = keep.toString().replaceAll('%2C', ',').replaceAll('%2F', '/');
  } else {
    out.searchParams.delete('was');
  }
  return out;
}

// enableCopy shows the export panel's copy buttons, which need the
// clipboard API; without it the text is there to select.
function enableCopy(lab) {
  if (!navigator.clipboard) return;
  for (const b of lab.querySelectorAll('button[data-copy]')) {
    if (!b.hidden) continue;
    b.hidden = false;
    const label = b.firstChild.textContent;
    b.addEventListener('click', async () => {
      const pre = document.getElementById(b.dataset.copy);
      try {
        await navigator.clipboard.writeText(pre.textContent);
        b.firstChild.textContent = b.dataset.labelCopied;
        setTimeout(() => { b.firstChild.textContent = label; }, 2000);
      } catch {
        // Refused (no permission): select the text instead, for Ctrl+C.
        getSelection().selectAllChildren(pre);
      }
    });
  }
}
