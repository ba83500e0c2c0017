// The sheet as a table: every cell with an issue marked by its worst severity (colour, corner mark and text for
// screen readers), reachable with Tab, its messages in a tooltip on hover and focus. Rows are shown a page at a time
// so a 5,000-row sheet stays quick; revealing an issue turns to its page, scrolls its cell into view and focuses it.
import { cellId, columnIndex, columnLetters } from './cell-ref.js';
import { h, plural } from './dom.js';
import { SEVERITY_LABEL, SEVERITY_MARK, issueText } from './report.js';

/**
 * @typedef {import('./report.js').Issue} Issue
 * @typedef {import('./report.js').Sheet} Sheet
 * @typedef {import('./report.js').Severity} Severity
 */

/** Cells drawn at once: about what Chromium lays out in well under a second on a busy laptop. A page holds as many
 *  rows as fit this budget (200 rows of 50 columns), between 50 and 200. */
const PAGE_CELLS = 10_000;
const MIN_PAGE_ROWS = 50;
const MAX_PAGE_ROWS = 200;
const RANK = { info: 0, warning: 1, error: 2 };

/**
 * @param {ReadonlyArray<Issue>} issues
 * @returns {Severity}
 */
function worst(issues) {
  /** @type {Severity} */
  let w = 'info';
  for (const i of issues) if (RANK[i.severity] > RANK[w]) w = i.severity;
  return w;
}

export class SheetGrid {
  /**
   * @param {{ table: HTMLTableElement, scroll: HTMLElement, onlyIssueRows: HTMLInputElement, prev: HTMLButtonElement,
   *           next: HTMLButtonElement, pageLabel: HTMLElement, note: HTMLElement, tip: HTMLElement }} els
   * @param {() => void} onEscape
   */
  constructor(els, onEscape) {
    this.els = els;
    /** @type {Sheet | undefined} */
    this.sheet = undefined;
    /** @type {Map<string, Issue[]>} issues by the DOM id of the cell (or row header) they mark */
    this.marks = new Map();
    /** @type {Set<number>} */
    this.issueRows = new Set();
    this.columnCount = 0;
    this.page = 0;
    /** @type {number | undefined} the first spreadsheet row on screen */
    this.shownFirst = undefined;
    /** @type {number | undefined} the last spreadsheet row on screen */
    this.shownLast = undefined;
    /** @type {number | undefined} the row of the marked cell focused last */
    this.focusedRow = undefined;
    els.onlyIssueRows.addEventListener('change', () => {
      // Stay near the rows on screen: the page that holds the cell last focused there, else the first shown row
      // (or the next one still listed).
      const keep = this.focusedRow !== undefined && this.onScreen(this.focusedRow) ? this.focusedRow : this.shownFirst;
      const rows = this.rowNumbers();
      const at = keep === undefined ? 0 : rows.findIndex((r) => r >= keep);
      this.page = at < 0 ? 0 : Math.floor(at / this.pageRows());
      this.render();
    });
    els.prev.addEventListener('click', () => this.turn(-1));
    els.next.addEventListener('click', () => this.turn(1));
    const table = els.table;
    table.addEventListener('mouseover', (e) => this.showTip(e.target));
    table.addEventListener('mouseout', (e) => {
      if (!(e.relatedTarget instanceof Node) || !table.contains(e.relatedTarget)) this.showTip(null);
    });
    table.addEventListener('focusin', (e) => {
      const row = e.target instanceof Element ? /^(?:cell|row)-(\d+)/.exec(e.target.id)?.[1] : undefined;
      if (row !== undefined) this.focusedRow = Number(row);
      this.showTip(e.target);
    });
    table.addEventListener('focusout', () => this.hideTip());
    /** @type {Element | undefined} the marked cell the tooltip belongs to */
    this.tipAnchor = undefined;
    // Scrolling (also the smooth scroll that follows a reveal) moves the cell: the tooltip follows it.
    const follow = () => {
      if (this.tipAnchor !== undefined) this.showTip(this.tipAnchor);
    };
    els.scroll.addEventListener('scroll', follow, { passive: true });
    window.addEventListener('scroll', follow, { passive: true });
    window.addEventListener('resize', follow, { passive: true });
    table.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      this.hideTip();
      onEscape();
    });
  }

  /**
   * @param {Sheet | undefined} sheet
   * @param {ReadonlyArray<Issue>} issues
   */
  set(sheet, issues) {
    this.sheet = sheet;
    this.marks = new Map();
    this.issueRows = new Set();
    this.page = 0;
    this.focusedRow = undefined;
    this.els.onlyIssueRows.checked = false;
    this.columnCount = sheet === undefined ? 0 : Math.max(sheet.columns.length, ...sheet.rows.map((r) => r.length));
    for (const issue of issues) {
      const id = this.targetId(issue);
      if (id === undefined) continue;
      const list = this.marks.get(id);
      if (list === undefined) this.marks.set(id, [issue]);
      else list.push(issue);
      if (issue.row !== undefined) this.issueRows.add(issue.row);
    }
    this.render();
  }

  /**
   * The DOM id of the cell an issue marks, or undefined when the grid does not show it.
   * @param {Issue} issue
   * @returns {string | undefined}
   */
  targetId(issue) {
    const sheet = this.sheet;
    if (sheet === undefined || issue.row === undefined) return undefined;
    const r = issue.row;
    const header = sheet.firstRow - 1; // the header is the row above the first data row (row 1 unless the sheet has a title)
    if (r !== header && (r < sheet.firstRow || r >= sheet.firstRow + sheet.rows.length)) return undefined;
    const c = issue.column === undefined ? -1 : columnIndex(issue.column);
    if (r === header && (c < 0 || c >= this.columnCount)) return undefined;
    return cellId(r, c >= this.columnCount ? -1 : c);
  }

  /** Spreadsheet row numbers the grid can show, in order (header excluded). */
  rowNumbers() {
    const sheet = this.sheet;
    if (sheet === undefined) return [];
    const all = sheet.rows.map((_, i) => sheet.firstRow + i);
    return this.els.onlyIssueRows.checked ? all.filter((r) => this.issueRows.has(r)) : all;
  }

  /** @returns {number} */
  pageRows() {
    return Math.max(MIN_PAGE_ROWS, Math.min(MAX_PAGE_ROWS, Math.floor(PAGE_CELLS / Math.max(1, this.columnCount))));
  }

  /**
   * @param {number} row
   * @returns {boolean}
   */
  onScreen(row) {
    return this.shownFirst !== undefined && this.shownLast !== undefined && row >= this.shownFirst && row <= this.shownLast;
  }

  /** @param {number} delta */
  turn(delta) {
    const pages = Math.max(1, Math.ceil(this.rowNumbers().length / this.pageRows()));
    this.page = Math.min(pages - 1, Math.max(0, this.page + delta));
    this.render();
  }

  render() {
    this.hideTip();
    const sheet = this.sheet;
    const { table, note, pageLabel, prev, next } = this.els;
    if (sheet === undefined) {
      table.replaceChildren();
      note.hidden = false;
      note.textContent = 'The server sent no grid for this file; the issues are listed.';
      pageLabel.textContent = '';
      prev.disabled = true;
      next.disabled = true;
      return;
    }
    const rows = this.rowNumbers();
    const pages = Math.max(1, Math.ceil(rows.length / this.pageRows()));
    this.page = Math.min(this.page, pages - 1);
    const shown = rows.slice(this.page * this.pageRows(), (this.page + 1) * this.pageRows());

    const letters = h('tr', { class: 'letters' }, [h('td', { class: 'corner' })]);
    const headerRow = sheet.firstRow - 1;
    const header = h('tr', { class: 'header' }, [this.rowHeader(headerRow)]);
    for (let c = 0; c < this.columnCount; c++) {
      letters.append(h('th', { scope: 'col', class: 'letter' }, [columnLetters(c)]));
      header.append(this.cell('th', headerRow, c, sheet.columns[c] ?? ''));
    }
    const body = h('tbody');
    for (const r of shown) {
      const values = sheet.rows[r - sheet.firstRow] ?? [];
      const tr = h('tr', {}, [this.rowHeader(r)]);
      for (let c = 0; c < this.columnCount; c++) tr.append(this.cell('td', r, c, values[c] ?? ''));
      body.append(tr);
    }
    table.replaceChildren(h('caption', { class: 'sr-only' }, [`Sheet ${sheet.name}`]), h('thead', {}, [letters, header]), body);

    const first = shown[0];
    const last = shown[shown.length - 1];
    this.shownFirst = first;
    this.shownLast = last;
    pageLabel.textContent = first === undefined || last === undefined
      ? 'No rows'
      : `Rows ${first.toLocaleString('en-US')}–${last.toLocaleString('en-US')} (${plural(rows.length, 'row')}${this.els.onlyIssueRows.checked ? ' with issues' : ''})`;
    prev.disabled = this.page === 0;
    next.disabled = this.page >= pages - 1;
    note.hidden = !sheet.truncated;
    if (sheet.truncated) {
      note.textContent = `The grid shows the first ${plural(sheet.rows.length, 'row')} of the sheet; issues further down are in the list and in the downloads.`;
    }
  }

  /**
   * @param {number} r
   * @returns {HTMLTableCellElement}
   */
  rowHeader(r) {
    const th = h('th', { scope: 'row', class: 'rownum' }, [String(r)]);
    this.mark(th, cellId(r, -1));
    return th;
  }

  /**
   * @param {'td' | 'th'} tag
   * @param {number} r
   * @param {number} c
   * @param {string} value untrusted text from the sheet
   * @returns {HTMLTableCellElement}
   */
  cell(tag, r, c, value) {
    const el = h(tag, tag === 'th' ? { scope: 'col' } : {}, [h('span', { class: 'v' }, [value])]);
    this.mark(el, cellId(r, c));
    return el;
  }

  /**
   * Marks a cell when issues point at it: class by worst severity, focusable, its messages as screen-reader text.
   * @param {HTMLTableCellElement} el
   * @param {string} id
   */
  mark(el, id) {
    const issues = this.marks.get(id);
    if (issues === undefined) return;
    const sev = worst(issues);
    el.id = id;
    el.classList.add('mark', `mark-${sev}`);
    el.tabIndex = 0;
    el.append(h('span', { class: 'sr-only' }, [` ${issues.map(issueText).join(' ')}`]));
  }

  /**
   * Turns to the issue's page, scrolls its cell into view and focuses it.
   * @param {Issue} issue
   * @returns {HTMLElement | undefined} the cell, or undefined when the grid does not show it
   */
  reveal(issue) {
    const id = this.targetId(issue);
    if (id === undefined || issue.row === undefined) return undefined;
    if (issue.row !== (this.sheet?.firstRow ?? 2) - 1) {
      const at = this.rowNumbers().indexOf(issue.row);
      if (at < 0) {
        this.els.onlyIssueRows.checked = false;
        return this.reveal(issue);
      }
      const page = Math.floor(at / this.pageRows());
      if (page !== this.page) {
        this.page = page;
        this.render();
      }
    }
    const el = document.getElementById(id);
    if (el === null) return undefined;
    el.scrollIntoView({ block: 'center', inline: 'center' });
    el.focus({ preventScroll: true });
    el.classList.remove('flash');
    void el.offsetWidth; // restart the highlight animation
    el.classList.add('flash');
    return el;
  }

  /** @param {EventTarget | null} target */
  showTip(target) {
    // Off a marked cell, the tooltip goes back to the focused one, if any.
    const focused = document.activeElement !== null && this.els.table.contains(document.activeElement) ? document.activeElement : null;
    const el = (target instanceof Element ? target.closest('.mark') : null) ?? focused?.closest('.mark') ?? null;
    const issues = el === null ? undefined : this.marks.get(el.id);
    if (el === null || issues === undefined) {
      this.hideTip();
      return;
    }
    const tip = this.els.tip;
    const where = el.id.startsWith('row-') ? `Row ${el.id.slice(4)}` : this.address(el.id);
    tip.replaceChildren(
      h('strong', {}, [where]),
      ...issues.map((i) => h('p', { class: `tip-${i.severity}` }, [
        h('span', { class: 'sev' }, [`${SEVERITY_MARK[i.severity]} ${SEVERITY_LABEL[i.severity]}`]),
        ` ${i.message}`,
        ...(i.hint !== undefined ? [h('span', { class: 'hint' }, [`→ ${i.hint}`])] : []),
      ])),
    );
    const cell = el.getBoundingClientRect();
    const view = this.els.scroll.getBoundingClientRect();
    if (cell.bottom < view.top || cell.top > view.bottom || cell.right < view.left || cell.left > view.right) {
      this.hideTip(); // scrolled out of sight
      return;
    }
    this.tipAnchor = el;
    tip.hidden = false;
    const box = tip.getBoundingClientRect();
    const left = Math.min(Math.max(8, cell.left), window.innerWidth - box.width - 8);
    const below = cell.bottom + 6;
    const top = below + box.height > window.innerHeight - 8 ? Math.max(8, cell.top - box.height - 6) : below;
    tip.style.left = `${Math.round(left)}px`;
    tip.style.top = `${Math.round(top)}px`;
  }

  hideTip() {
    this.tipAnchor = undefined;
    this.els.tip.hidden = true;
  }

  /**
   * "cell-4-20" -> "U4".
   * @param {string} id
   */
  address(id) {
    const [, row, col] = id.split('-');
    return `${columnLetters(Number(col))}${row ?? ''}`;
  }
}
