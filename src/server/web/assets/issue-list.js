// The list of issues with its filters (severity, code, column, words); picking an issue asks the grid to show its cell.
import { columnIndex } from './cell-ref.js';
import { h, plural, setOptions } from './dom.js';
import { SEVERITIES, SEVERITY_LABEL, SEVERITY_MARK, placeOf } from './report.js';

/** @typedef {import('./report.js').Issue} Issue */

/** Rendering more than this many list items helps nobody; the filters narrow the rest. */
const MAX_SHOWN = 500;
const NO_COLUMN = '-';

/**
 * @template T
 * @param {Iterable<T>} items
 * @returns {Map<T, number>}
 */
function countBy(items) {
  /** @type {Map<T, number>} */
  const m = new Map();
  for (const i of items) m.set(i, (m.get(i) ?? 0) + 1);
  return m;
}

export class IssueList {
  /**
   * @param {{ severity: HTMLSelectElement, code: HTMLSelectElement, column: HTMLSelectElement, text: HTMLInputElement,
   *           count: HTMLElement, list: HTMLElement }} els
   * @param {(issue: Issue, from: HTMLElement) => void} onPick
   */
  constructor(els, onPick) {
    this.els = els;
    this.onPick = onPick;
    /** @type {Issue[]} */
    this.issues = [];
    /** @type {HTMLElement | undefined} */
    this.lastPicked = undefined;
    for (const el of [els.severity, els.code, els.column]) el.addEventListener('change', () => this.render());
    els.text.addEventListener('input', () => this.render());
  }

  /**
   * @param {Issue[]} issues
   * @param {ReadonlyArray<string>} headers the sheet's header row, to name columns
   */
  set(issues, headers) {
    this.issues = issues;
    this.lastPicked = undefined;
    for (const el of [this.els.severity, this.els.code, this.els.column]) el.value = '';
    this.els.text.value = '';
    const bySeverity = countBy(issues.map((i) => i.severity));
    setOptions(this.els.severity, SEVERITIES.filter((s) => bySeverity.has(s)).map((s) => ({
      value: s, label: `${SEVERITY_LABEL[s]} (${bySeverity.get(s) ?? 0})`,
    })));
    const byCode = countBy(issues.map((i) => i.code));
    setOptions(this.els.code, [...byCode].sort(([a], [b]) => a.localeCompare(b)).map(([code, n]) => ({ value: code, label: `${code} (${n})` })));
    const byColumn = countBy(issues.map((i) => i.column ?? NO_COLUMN));
    const letterOrder = (/** @type {string} */ c) => (c === NO_COLUMN ? '~' : c.padStart(3, ' '));
    setOptions(this.els.column, [...byColumn].sort(([a], [b]) => letterOrder(a).localeCompare(letterOrder(b))).map(([col, n]) => {
      if (col === NO_COLUMN) return { value: col, label: `No column (${n})` };
      const name = headers[columnIndex(col)] ?? '';
      return { value: col, label: `${col}${name === '' ? '' : ` · ${name}`} (${n})` };
    }));
    this.render();
  }

  /** @returns {Issue[]} */
  filtered() {
    const sev = this.els.severity.value;
    const code = this.els.code.value;
    const col = this.els.column.value;
    const words = this.els.text.value.trim().toLowerCase();
    return this.issues.filter((i) =>
      (sev === '' || i.severity === sev) &&
      (code === '' || i.code === code) &&
      (col === '' || (i.column ?? NO_COLUMN) === col) &&
      (words === '' || [i.message, i.hint, i.sku, i.field, i.code, i.cell].some((t) => t?.toLowerCase().includes(words) === true)));
  }

  render() {
    const shown = this.filtered();
    const items = shown.slice(0, MAX_SHOWN).map((issue) => this.item(issue));
    this.els.list.replaceChildren(...items);
    const total = this.issues.length;
    let text = shown.length === total ? `${plural(total, 'issue')}.` : `Showing ${shown.length.toLocaleString('en-US')} of ${plural(total, 'issue')}.`;
    if (shown.length > MAX_SHOWN) text += ` The first ${MAX_SHOWN} are listed; use the filters to find the others.`;
    if (total === 0) text = 'No issues: this sheet is ready to send.';
    this.els.count.textContent = text;
  }

  /**
   * @param {Issue} issue
   * @returns {HTMLLIElement}
   */
  item(issue) {
    const body = [
      h('span', { class: `sev sev-${issue.severity}` }, [h('span', { 'aria-hidden': 'true' }, [SEVERITY_MARK[issue.severity]]), ` ${SEVERITY_LABEL[issue.severity]}`]),
      h('span', { class: 'where' }, [placeOf(issue)]),
      ...(issue.sku !== undefined ? [h('span', { class: 'sku' }, [`SKU ${issue.sku}`])] : []),
      h('span', { class: 'code' }, [issue.code]),
      h('span', { class: 'msg' }, [issue.message]),
      ...(issue.hint !== undefined ? [h('span', { class: 'hint' }, [`→ ${issue.hint}`])] : []),
    ];
    if (issue.row === undefined) return h('li', {}, [h('div', { class: `issue issue-${issue.severity}` }, body)]);
    const button = h('button', { type: 'button', class: `issue issue-${issue.severity}`}, body);
    button.addEventListener('click', () => {
      this.lastPicked = button;
      this.onPick(issue, button);
    });
    return h('li', {}, [button]);
  }

  /** Puts focus back on the issue last picked (Escape in the grid), or the list's first one. */
  focusBack() {
    const target = this.lastPicked?.isConnected === true ? this.lastPicked : this.els.list.querySelector('button');
    target?.focus();
  }
}
