// The spec controls: feed type and version from the service's spec cache (GET /v1/specs), product type searched in
// the cached taxonomy (GET /v1/product-types?search=). Every control defaults to "auto": the server infers it.
import { h, plural, setOptions } from './dom.js';

/**
 * @typedef {{ feedType: string, specVersion: string, synthetic?: boolean, productTypes?: string[] }} SpecEntry
 * @typedef {(path: string) => Promise<unknown>} GetJson
 */

/**
 * @param {unknown} body
 * @returns {SpecEntry[]}
 */
function specsOf(body) {
  const specs = typeof body === 'object' && body !== null && 'specs' in body ? body.specs : undefined;
  if (!Array.isArray(specs)) return [];
  return specs.filter(
    /** @returns {s is SpecEntry} */ (/** @type {unknown} */ s) =>
      typeof s === 'object' && s !== null && 'feedType' in s && typeof s.feedType === 'string' &&
      'specVersion' in s && typeof s.specVersion === 'string',
  );
}

/**
 * @param {unknown} body
 * @param {string} key
 * @returns {string[]}
 */
function stringsAt(body, key) {
  if (typeof body !== 'object' || body === null) return [];
  const list = /** @type {Record<string, unknown>} */ (body)[key];
  return Array.isArray(list) ? list.filter((x) => typeof x === 'string') : [];
}

const MAX_OPTIONS = 100;
const SEARCH_DELAY_MS = 200;

export class SpecPicker {
  /**
   * @param {{ feedType: HTMLSelectElement, specVersion: HTMLSelectElement, versionHelp: HTMLElement,
   *           productType: HTMLInputElement, productTypeOptions: HTMLDataListElement, productTypeHelp: HTMLElement,
   *           sheet: HTMLInputElement }} els
   * @param {GetJson} getJson
   */
  constructor(els, getJson) {
    this.els = els;
    this.getJson = getJson;
    /** @type {SpecEntry[]} */
    this.specs = [];
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
    this.searchSeq = 0;
    this.defaultHelp = els.productTypeHelp.textContent ?? '';
    els.feedType.addEventListener('change', () => this.showVersions());
    els.specVersion.addEventListener('change', () => this.scheduleSearch());
    els.productType.addEventListener('input', () => this.scheduleSearch());
  }

  /** Loads the cached specs; the controls stay on "auto" when there are none. */
  async load() {
    this.specs = specsOf(await this.getJson('/v1/specs'));
    const feedTypes = [...new Set(this.specs.map((s) => s.feedType))].sort();
    setOptions(this.els.feedType, feedTypes.map((f) => ({ value: f, label: f })));
    this.showVersions();
  }

  showVersions() {
    const feedType = this.els.feedType.value;
    const versions = this.specs.filter((s) => s.feedType === feedType);
    setOptions(
      this.els.specVersion,
      versions.map((s) => ({ value: s.specVersion, label: s.synthetic === true ? `${s.specVersion} (synthetic)` : s.specVersion })),
    );
    // One version: nothing to choose. Several: the newest-listed is not assumed; "auto" lets the sheet decide.
    const only = versions.length === 1 ? versions[0] : undefined;
    if (only !== undefined) this.els.specVersion.value = only.specVersion;
    this.els.specVersion.disabled = feedType === '';
    this.els.versionHelp.textContent =
      feedType === '' ? 'Choose a feed type to pick a version.' : `${plural(versions.length, 'version')} of ${feedType} cached.`;
    this.scheduleSearch();
  }

  scheduleSearch() {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.search(), SEARCH_DELAY_MS);
  }

  /** Fills the product type suggestions for what is typed; "did you mean" buttons when nothing matches. */
  async search() {
    const word = this.els.productType.value.trim();
    const seq = ++this.searchSeq;
    if (word === '') {
      this.els.productTypeOptions.replaceChildren();
      this.els.productTypeHelp.textContent = this.defaultHelp;
      return;
    }
    const q = new URLSearchParams();
    if (this.els.feedType.value !== '') q.set('feedType', this.els.feedType.value);
    if (this.els.specVersion.value !== '') q.set('specVersion', this.els.specVersion.value);
    q.set('search', word);
    let body;
    try {
      body = await this.getJson(`/v1/product-types?${q.toString()}`);
    } catch {
      // A failed search leaves the field as typed; the check itself reports a product type it cannot use.
      return;
    }
    if (seq !== this.searchSeq) return; // a later keystroke's answer wins
    const found = stringsAt(body, 'productTypes');
    const suggestions = stringsAt(body, 'suggestions');
    this.els.productTypeOptions.replaceChildren(...found.slice(0, MAX_OPTIONS).map((pt) => h('option', { value: pt })));
    if (found.some((pt) => pt === word)) {
      this.els.productTypeHelp.textContent = `"${word}" is a cached product type.`;
    } else if (found.length > 0) {
      this.els.productTypeHelp.textContent = `${plural(found.length, 'product type')} ${found.length === 1 ? 'matches' : 'match'} "${word}"; pick one from the list.`;
    } else if (suggestions.length > 0) {
      const buttons = suggestions.slice(0, 5).map((s) => {
        const b = h('button', { type: 'button', class: 'link' }, [s]);
        b.addEventListener('click', () => {
          this.els.productType.value = s;
          this.els.productType.focus();
          this.scheduleSearch();
        });
        return b;
      });
      this.els.productTypeHelp.replaceChildren(`No product type matches "${word}". Did you mean `, ...joinWith(buttons, ', '), '?');
    } else {
      this.els.productTypeHelp.textContent = `No cached product type matches "${word}".`;
    }
  }

  /** The query parameters for the chosen spec; "auto" controls add none. */
  params() {
    const q = new URLSearchParams();
    if (this.els.feedType.value !== '') q.set('feedType', this.els.feedType.value);
    if (this.els.specVersion.value !== '') q.set('specVersion', this.els.specVersion.value);
    const pt = this.els.productType.value.trim();
    if (pt !== '') q.set('productType', pt);
    const sheet = this.els.sheet.value.trim();
    if (sheet !== '') q.set('sheet', sheet);
    return q;
  }
}

/**
 * @param {ReadonlyArray<Node>} nodes
 * @param {string} sep
 * @returns {Array<Node | string>}
 */
function joinWith(nodes, sep) {
  /** @type {Array<Node | string>} */
  const out = [];
  nodes.forEach((n, i) => {
    if (i > 0) out.push(sep);
    out.push(n);
  });
  return out;
}
