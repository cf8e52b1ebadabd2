// room-present.js: the presenter's side of room.js. The controls are a
// plain form (POST /{lang}/r/{code}/state, the presenter cookie proves
// who sends it); here they are sent without a reload, and the preview
// player's own moves are sent the same way.

/**
 * claimFromFragment: a presenter link carries the token in its fragment
 * (never sent to a server, so never logged). On the page's claim form it
 * is posted at once, which sets the presenter cookie; true means the page
 * is leaving.
 */
export function claimFromFragment(root) {
  const form = root.querySelector('[data-testid="room-claim"]');
  const m = location.hash.match(/^#token=([\w-]+)$/);
  if (!form || !m) return false;
  history.replaceState(null, '', location.pathname);
  form.querySelector('input[name="token"]').value = m[1];
  form.submit();
  return true;
}

const controls = (root) => root.querySelector('[data-testid="room-controls"]');

/** sendState sends the form with the given fields replaced. */
export async function sendState(root, fields = {}, submitter = null) {
  const form = controls(root);
  if (!form) return;
  const data = new FormData(form, submitter);
  for (const [k, v] of Object.entries(fields)) data.set(k, String(v));
  if (!submitter) data.set('move', '');
  const status = form.querySelector('[data-testid="room-status"]');
  try {
    const res = await fetch(form.action, {
      method: 'POST', body: new URLSearchParams(data), headers: { Accept: 'application/json' },
    });
    const body = await res.json();
    if (!res.ok) throw new Error(body.detail || String(res.status));
    syncControls(root, body.state);
    status.textContent = root.dataset.msgSent;
  } catch (err) {
    status.textContent = (root.dataset.msgSendFailed || '%s').replace('%s', err.message);
  }
}

/** syncControls shows the room's state in the controls. */
export function syncControls(root, state) {
  const form = controls(root);
  if (!form) return;
  form.elements.where.value = state.section ? `${state.chapter}/${state.section}` : state.chapter;
  form.elements.view.value = state.view;
  if (state.mode) form.elements.mode.value = state.mode;
  if (state.flow) form.elements.flow.value = state.flow;
  form.elements.step.value = String(state.step);
}

const root = document.querySelector('[data-role="presenter"][data-code]');
const form = root && controls(root);
form?.addEventListener('submit', (e) => {
  e.preventDefault();
  sendState(root, {}, e.submitter);
});
