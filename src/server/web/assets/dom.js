// DOM helpers for the page. Text from a spreadsheet or the server is untrusted: it only ever becomes a text node
// (textContent / createTextNode), never HTML.

/**
 * Creates an element with attributes (names from this code, values may be untrusted) and children (text as text).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string | undefined>} [attrs]
 * @param {ReadonlyArray<Node | string>} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs = {}, children = []) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) el.setAttribute(name, value);
  for (const child of children) el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return el;
}

/**
 * The element with this id, of the expected type; a missing one is a bug in the page, so it throws.
 * @template {HTMLElement} T
 * @param {string} id
 * @param {new (...args: never[]) => T} type
 * @returns {T}
 */
export function byId(id, type) {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`page element #${id} is missing`);
  return el;
}

/**
 * Replaces a select's options after its first ("All"/"Auto") one.
 * @param {HTMLSelectElement} select
 * @param {ReadonlyArray<{ value: string, label: string }>} options
 */
export function setOptions(select, options) {
  const keep = select.value;
  while (select.options.length > 1) select.remove(1);
  for (const o of options) select.add(new Option(o.label, o.value));
  select.value = options.some((o) => o.value === keep) ? keep : '';
}

/**
 * "1 issue", "2 issues".
 * @param {number} n
 * @param {string} one
 * @param {string} [many]
 */
export function plural(n, one, many = `${one}s`) {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
