// Spreadsheet rows -> items: each row's product type picks its spec, its cells are mapped to
// attributes and coerced by the schema, and what spreadsheets do to data (lost leading zeros,
// scientific notation) is caught here, on the cell where it happened.
import type { AttributeIndex } from '../compile/attributes.js';
import { dottedPath } from '../core/dotted-path.js';
import type { Issue } from '../core/issue.js';
import type { InputItem, SourceIssue } from '../core/record.js';
import { restoreLeadingZeros } from '../core/gtin.js';
import { ANY_PRODUCT_TYPE } from '../core/spec-key.js';
import { nearest } from '../engine/suggest.js';
import type { Validator } from '../engine/validator.js';
import { ColumnMatcher, foldHeader } from './columns.js';
import type { ColumnResolution, ColumnTarget } from './columns.js';
import { coerceList, coerceScalar, isScientificNotation } from './coerce.js';
import { columnLetters } from './table.js';
import type { TableRow, TableSource } from './table.js';

export interface SheetMapOptions {
  /** For rows without a Product Type column or value. */
  productType?: string | undefined;
  /** Header text -> attribute name or dotted path, from the config file. */
  columns?: Readonly<Record<string, string>> | undefined;
}

/** What every cell of a column mapped to an attribute needs, worked out once per product type. */
interface ColumnPlan {
  target: ColumnTarget;
  path: ReadonlyArray<string | number>;
  letter: string;
  /** Whether the attribute takes text, so a number in scientific notation lost digits. */
  takesText: boolean;
  /** Whether it is a product ID, whose leading zeros a number cell drops. */
  isId: boolean;
  /** The object the value goes in (an index into Plan.parents) and its key there, for a value set whole. */
  parent: number;
  key: string | number;
  /** Whether other columns' values go inside this one's (an object column beside its leaves' columns). */
  holdsOthers: boolean;
}

/**
 * An object (or array) on the way from the item's root to a cell's value: its parent's index and its key there.
 * Index 0 is the root. Each row makes only those its cells reach, in the order they first reach them.
 */
interface ParentPlan {
  parent: number;
  key: string | number;
  array: boolean;
}

interface Plan {
  attrs: AttributeIndex | undefined;
  resolutions: ColumnResolution[];
  /** By column: its plan when it maps to an attribute (never for a duplicate column, which is not read). */
  cells: Array<ColumnPlan | undefined>;
  parents: ParentPlan[];
  /** Attribute path (and name) -> column letter, shared by every row of this product type. */
  columns: Record<string, string>;
}

const ID_LEAVES = new Set(['productId', 'restoredProductId']);

export class SheetMapper {
  readonly #source: TableSource;
  readonly #validator: Validator;
  readonly #options: SheetMapOptions;
  readonly #plans = new Map<string, Promise<Plan>>();
  readonly #ptColumn: number;
  /** Columns some product type understood; the rest are reported once as unknown. */
  readonly #usedColumns = new Set<number>();
  readonly #notApplicable = new Set<string>();
  /** Second and later columns with the same header: reported once, never read. */
  readonly #duplicateColumns = new Set<number>();
  readonly #feed: Issue[] = [];
  #problemsSeen = 0;

  constructor(source: TableSource, validator: Validator, options: SheetMapOptions = {}) {
    this.#source = source;
    this.#validator = validator;
    this.#options = options;
    this.#ptColumn = source.header.findIndex((h) => ['producttype', 'producttypename'].includes(foldHeader(h)));
    this.#checkHeader();
  }

  async *items(): AsyncGenerator<InputItem, void, undefined> {
    for await (const row of this.#source.rows) {
      const problems = this.#problemsSeen < this.#source.problems.length ? this.#drainProblems(row.row) : undefined;
      yield this.#item(row, problems);
    }
    this.#drainProblems(Infinity);
  }

  /** Issues about the sheet as a whole (not yet counted); complete once items() has been consumed. */
  feedIssues(): Issue[] {
    const unknown: Issue[] = [];
    const names = [...this.#plans.keys()];
    // With no product type known, every column is unknown: the product type issues say why, once each.
    if (this.#knownNames.length === 0) return this.#feed;
    this.#source.header.forEach((h, i) => {
      if (i === this.#ptColumn || this.#usedColumns.has(i) || this.#duplicateColumns.has(i) || h.trim() === '') return;
      const letter = columnLetters(i);
      unknown.push(this.#sheetIssue('source.unknown_column', 'warning', letter, `Column ${letter} "${h}" matches no attribute of ${names.join(', ')}; its values are not sent.`, this.#guess(h)));
    });
    return [...this.#feed, ...unknown];
  }

  #checkHeader(): void {
    const seen = new Map<string, number>();
    this.#source.header.forEach((h, i) => {
      const k = foldHeader(h);
      if (k === '') return;
      const first = seen.get(k);
      if (first === undefined) seen.set(k, i);
      else {
        const letter = columnLetters(i);
        this.#duplicateColumns.add(i);
        this.#feed.push(this.#sheetIssue('source.duplicate_column', 'error', letter, `Columns ${columnLetters(first)} and ${letter} are both "${h}"; only column ${columnLetters(first)} is read.`, `Rename or remove column ${letter}.`));
      }
    });
  }

  #sheetIssue(code: string, severity: Issue['severity'], column: string, message: string, hint?: string): Issue {
    const row = this.#source.headerRow;
    return { code, severity, record: 0, sheet: this.#source.sheet, row, column, cell: `${column}${row}`, path: '', field: '', message, ...(hint === undefined ? {} : { hint }) };
  }

  #guess(header: string): string | undefined {
    const candidates = new Set<string>();
    for (const names of this.#knownNames) for (const n of names) candidates.add(n);
    const g = nearest(header, [...candidates]);
    return g === undefined ? 'Remove the column, or map it to an attribute in catalog-gate.config.json ("columns").' : `Did you mean "${g}"?`;
  }

  readonly #knownNames: string[][] = [];

  #drainProblems(upToRow: number): SourceIssue[] {
    const out: SourceIssue[] = [];
    const all = this.#source.problems;
    for (; this.#problemsSeen < all.length; this.#problemsSeen++) {
      const p = all[this.#problemsSeen]!;
      const issue: SourceIssue = { code: p.code, severity: p.severity, path: '', field: '', message: p.message, ...(p.hint === undefined ? {} : { hint: p.hint }), ...(p.column === undefined ? {} : { column: p.column }) };
      if (p.row === upToRow) out.push(issue);
      else this.#feed.push({ ...issue, record: 0, sheet: this.#source.sheet, row: p.row });
    }
    return out;
  }

  /** The plan for a product type: at once when it is made (every row after the type's first), else a promise. */
  #plan(productType: string): Plan | Promise<Plan> {
    const made = this.#madePlans.get(productType);
    if (made !== undefined) return made;
    let p = this.#plans.get(productType);
    if (p === undefined) {
      p = (async () => {
        const attrs = await this.#validator.attributesFor(productType);
        if (attrs === undefined) return { attrs, resolutions: [], cells: [], parents: [], columns: {} };
        const matcher = new ColumnMatcher(attrs, this.#options.columns);
        this.#knownNames.push(matcher.names());
        const columns: Record<string, string> = Object.create(null) as Record<string, string>;
        const taken = new Set<string>();
        const resolutions = this.#source.header.map((h, i): ColumnResolution => {
          if (i === this.#ptColumn) return { kind: 'productType' };
          const r = matcher.resolve(h);
          if (r.kind !== 'attribute') return r;
          const letter = columnLetters(i);
          const path = dottedPath([...r.target.attribute.segments, ...r.target.sub]);
          if (taken.has(path)) return { kind: 'unknown' };
          taken.add(path);
          this.#usedColumns.add(i);
          columns[path] ??= letter;
          columns[r.target.attribute.path] ??= letter;
          columns[r.target.attribute.name] ??= letter;
          return r;
        });
        resolutions.forEach((r, i) => {
          if (r.kind === 'ambiguous') {
            const letter = columnLetters(i);
            this.#feed.push(this.#sheetIssue('source.ambiguous_column', 'warning', letter, `Column ${letter} "${this.#source.header[i] ?? ''}" could be any of ${r.candidates.join(', ')} in ${productType}; it is not read.`, 'Name the column after one attribute, e.g. with its dotted path, or map it in catalog-gate.config.json ("columns").'));
            this.#usedColumns.add(i);
          }
        });
        const parents: ParentPlan[] = [{ parent: -1, key: '', array: false }];
        const parentIndex = new Map<string, number>([['', 0]]);
        const cells = resolutions.map((r, i): ColumnPlan | undefined => {
          if (r.kind !== 'attribute' || this.#duplicateColumns.has(i)) return undefined;
          const t = r.target;
          const path = [...t.attribute.segments, ...t.sub];
          let parent = 0;
          for (let k = 0; k < path.length - 1; k++) {
            const prefix = JSON.stringify(path.slice(0, k + 1));
            let at = parentIndex.get(prefix);
            if (at === undefined) {
              at = parents.push({ parent, key: path[k] as string | number, array: typeof path[k + 1] === 'number' }) - 1;
              parentIndex.set(prefix, at);
            }
            parent = at;
          }
          const key = path[path.length - 1] as string | number;
          return { target: t, path, letter: columnLetters(i), takesText: typesOf(t.schema).includes('string'), isId: ID_LEAVES.has(String(t.sub.at(-1))), parent, key, holdsOthers: false };
        });
        for (const c of cells) if (c !== undefined) c.holdsOthers = parentIndex.has(JSON.stringify(c.path));
        const plan: Plan = { attrs, resolutions, cells, parents, columns };
        this.#madePlans.set(productType, plan);
        return plan;
      })();
      this.#plans.set(productType, p);
    }
    return p;
  }

  readonly #madePlans = new Map<string, Plan>();

  /** A row as an item; at once, except for the first row of a product type, whose plan is made first. */
  #item(row: TableRow, problems: SourceIssue[] | undefined): InputItem | Promise<InputItem> {
    const ptCell = this.#ptColumn >= 0 ? row.cells[this.#ptColumn] : null;
    const pt = (typeof ptCell === 'string' && ptCell.trim() !== '' ? ptCell.trim() : undefined) ?? this.#options.productType ?? this.#defaultProductType();
    if (pt === undefined) {
      return { data: {}, location: { sheet: this.#source.sheet, row: row.row }, issues: problems ?? [] };
    }
    const plan = this.#plan(pt);
    return plan instanceof Promise ? plan.then((p) => this.#itemWith(p, pt, row, problems)) : this.#itemWith(plan, pt, row, problems);
  }

  #itemWith(plan: Plan, pt: string, row: TableRow, problems: SourceIssue[] | undefined): InputItem {
    const sheet = this.#source.sheet;
    if (plan.attrs === undefined) return { data: { Visible: { [pt]: {} } }, location: { sheet, row: row.row }, issues: problems ?? [] };
    const item: Record<string, unknown> = {};
    if (plan.attrs.productType !== undefined) setPath(item, ['Visible', plan.attrs.productType], {});
    // The objects on the way to this row's values, made as its cells first reach them (0: the item).
    const made: Array<Record<string | number, unknown> | undefined> = [item];
    const issues = problems ?? [];
    let numericIds: Array<{ target: ColumnTarget; column: string; cell: number }> | undefined;
    const cells = row.cells;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i] ?? null;
      if (cell === null || (typeof cell === 'string' && isBlank(cell))) continue;
      const c = plan.cells[i];
      if (c === undefined) {
        if (!this.#duplicateColumns.has(i)) this.#notApplicableCell(plan, pt, i, issues);
        continue;
      }
      const t = c.target;
      if (c.takesText && isScientificNotation(cell)) {
        issues.push({
          code: 'source.scientific_notation',
          severity: 'error',
          path: dottedPath(c.path),
          field: String(t.sub.at(-1) ?? t.attribute.name),
          message: `${titleOf(t)} is ${JSON.stringify(cell)}: the spreadsheet stored it as a number in scientific notation, and the digits after the sixth are lost.`,
          hint: `Format column ${c.letter} as Text, type the full value again, and export again.`,
        });
      }
      if (c.isId && typeof cell === 'number' && Number.isInteger(cell)) (numericIds ??= []).push({ target: t, column: c.letter, cell });
      if (t.split) {
        const list = coerceList(cell, t.schema);
        if (list !== undefined) define(parentOf(plan.parents, made, c.parent), c.key, list);
      } else if (t.splitIntoObjects && typeof cell === 'string' && cell.includes('|')) {
        cell.split('|').forEach((part, k) => {
          const v = coerceScalar(part.trim(), t.schema);
          if (v !== undefined) setPath(item, [...t.attribute.segments, k, ...t.sub.slice(1)], v);
        });
        // It may have replaced an object made for this row: find them again.
        made.length = 1;
      } else {
        const v = coerceScalar(cell, t.schema);
        if (v !== undefined) define(parentOf(plan.parents, made, c.parent), c.key, v);
      }
      // A value set over an object other cells fill: those cells make a new one, as setPath would.
      if (c.holdsOthers) made.length = 1;
    }
    if (numericIds !== undefined) for (const id of numericIds) this.#restoreZeros(item, id, issues);
    return { data: item, location: { sheet, row: row.row, columns: plan.columns }, issues };
  }

  /** A value in a column another product type reads, but this one has no attribute for: told once per type and column. */
  #notApplicableCell(plan: Plan, pt: string, i: number, issues: SourceIssue[]): void {
    const r = plan.resolutions[i];
    if (r?.kind !== 'unknown' || !this.#usedColumns.has(i) || this.#notApplicable.has(`${pt}|${i}`)) return;
    this.#notApplicable.add(`${pt}|${i}`);
    const letter = columnLetters(i);
    issues.push({ code: 'source.not_applicable', severity: 'warning', path: '', field: this.#source.header[i] ?? '', column: letter, message: `Column ${letter} "${this.#source.header[i] ?? ''}" has a value, but ${pt} has no such attribute; it is not sent for ${pt} items.`, hint: 'Leave the cell empty for this product type.' });
  }

  /** An ID typed into a number cell lost its leading zeros: restore them when the check digit agrees. */
  #restoreZeros(item: Record<string, unknown>, id: { target: ColumnTarget; column: string; cell: number }, issues: SourceIssue[]): void {
    const parentPath = [...id.target.attribute.segments, ...id.target.sub.slice(0, -1)];
    const parent = getPath(item, parentPath);
    if (typeof parent !== 'object' || parent === null) return;
    const leaf = String(id.target.sub.at(-1));
    const typeKey = leaf === 'productId' ? 'productIdType' : 'restoredProductIdType';
    const type = (parent as Record<string, unknown>)[typeKey];
    const digits = String(id.cell);
    const restored = typeof type === 'string' ? restoreLeadingZeros(digits, type) : undefined;
    if (restored === undefined || restored === digits) return;
    setPath(item, [...parentPath, leaf], restored);
    issues.push({
      code: 'source.leading_zeros_restored',
      severity: 'warning',
      path: dottedPath([...parentPath, leaf]),
      field: leaf,
      message: `${titleOf(id.target)} was stored as the number ${digits}, which drops leading zeros; catalog-gate restored it to ${restored} because its check digit confirms that.`,
      hint: `Format column ${id.column} as Text and enter ${restored}, so the file says what is sent.`,
    });
  }

  #defaultProductType(): string | undefined {
    const ctx = this.#validator.context;
    if (ctx.anyEntry !== undefined) return ANY_PRODUCT_TYPE;
    return ctx.productTypes.length === 1 ? ctx.productTypes[0] : undefined;
  }
}

function typesOf(schema: Record<string, unknown>): string[] {
  const t = schema.type;
  return Array.isArray(t) ? t.map(String) : typeof t === 'string' ? [t] : [];
}

function titleOf(t: ColumnTarget): string {
  return typeof t.schema.title === 'string' ? t.schema.title : t.attribute.title;
}

/**
 * The object at `at` for this row, made (and put in its own parent, made too if need be) the first time a cell
 * reaches it. What a cell set by setPath already made is taken as it is, so the two kinds of cell share objects.
 */
function parentOf(parents: readonly ParentPlan[], made: Array<Record<string | number, unknown> | undefined>, at: number): Record<string | number, unknown> {
  const have = made[at];
  if (have !== undefined) return have;
  const p = parents[at] as ParentPlan;
  const up = parentOf(parents, made, p.parent);
  let next = Object.hasOwn(up, p.key) ? up[p.key] : undefined;
  if (typeof next !== 'object' || next === null) {
    next = p.array ? [] : {};
    define(up, p.key, next);
  }
  made[at] = next as Record<string | number, unknown>;
  return next as Record<string | number, unknown>;
}

/** Whether a cell's text is only whitespace (as `trim() === ''`), without making the trimmed string. */
function isBlank(text: string): boolean {
  const n = text.length;
  // Most cells start with a visible character.
  if (n > 0 && text.charCodeAt(0) > 0x20 && text.charCodeAt(0) < 0x7f) return false;
  return text.trim() === '';
}

/** Sets a value at a path, creating objects and arrays on the way; keys come from the spec, never from the sheet. */
function setPath(root: Record<string, unknown>, path: ReadonlyArray<string | number>, value: unknown): void {
  let cur: Record<string | number, unknown> = root;
  const last = path.length - 1;
  for (let i = 0; i < last; i++) {
    const key = path[i] as string | number;
    let next = Object.hasOwn(cur, key) ? cur[key] : undefined;
    if (typeof next !== 'object' || next === null) {
      next = typeof path[i + 1] === 'number' ? [] : {};
      define(cur, key, next);
    }
    cur = next as Record<string | number, unknown>;
  }
  define(cur, path[last] as string | number, value);
}

/**
 * An own property, so even a spec naming an attribute "__proto__" cannot reach a prototype. "__proto__" is the one
 * key whose assignment does something else (Object.prototype's accessor); any other key assigned makes an own
 * property, and assignment is much cheaper than defineProperty.
 */
function define(obj: Record<string | number, unknown>, key: string | number, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value;
}

function getPath(root: unknown, path: ReadonlyArray<string | number>): unknown {
  let cur = root;
  for (const k of path) {
    if (typeof cur !== 'object' || cur === null || !Object.hasOwn(cur, k)) return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}
