// fetch-figure.js: gets a player figure for another state from the server.
//
// The server is the one place that draws diagrams and event lists, so a
// new mode or flow is fetched as the page the no-JavaScript form would
// open, and its figure is taken out of it.

/**
 * stateURL is the page that shows the figure with this id at state.
 * @param {string} action the player form's action (the page's address)
 * @param {string} id the figure's id
 * @param {{mode: string, flow: string, step: number}} state
 */
export function stateURL(action, id, { mode, flow, step }) {
  const url = new URL(action, location.href);
  url.search = new URLSearchParams({ mode, flow, step: String(step) }).toString();
  url.hash = id;
  return url;
}

/**
 * fetchFigure returns the figure with id from the page at state, or
 * rejects (an HTTP error, or a page without that figure).
 */
export async function fetchFigure(action, id, state) {
  const url = stateURL(action, id, state);
  const res = await fetch(url, { headers: { Accept: 'text/html' } });
  if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
  const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
  const fresh = doc.getElementById(id);
  if (!fresh) throw new Error(`no #${id} in ${url}`);
  return fresh;
}

/**
 * adoptFigure turns figure into fresh while keeping the element itself,
 * so listeners on it, references to it and focus inside it survive.
 */
export function adoptFigure(figure, fresh) {
  for (const { name } of [...figure.attributes]) {
    if (!fresh.hasAttribute(name)) figure.removeAttribute(name);
  }
  for (const { name, value } of fresh.attributes) figure.setAttribute(name, value);
  figure.replaceChildren(...document.adoptNode(fresh).childNodes);
}
