// Where each record is, kept for findings that arrive after the record (cross-record rules): its
// product type's attributes and source location. It grows with the input, so it is packed into
// typed arrays (6 bytes a record), not an object each. SKUs are not kept: a cross-record rule's finding names its
// record's SKU itself (see FeedRule), from what the rules remember anyway.
import type { AttributeIndex } from '../compile/attributes.js';
import type { SourceLocation } from '../core/record.js';
import { taggedArray } from '../core/tagged-array.js';

export interface RecordPlace {
  attrs: AttributeIndex;
  productType: string;
  sku: string | undefined;
  location: SourceLocation | undefined;
}

interface Kind {
  attrs: AttributeIndex;
  productType: string;
  sheet: string | undefined;
  columns: SourceLocation['columns'];
}

export class RecordPlaces {
  #kind = new Uint16Array(1024);
  #row = new Int32Array(1024);
  readonly #kinds: Kind[] = taggedArray<Kind>();
  #lastKind = 0;
  /** Kinds by attrs, then columns object, then sheet: rows of one sheet and product type share one. */
  readonly #kindIndex = new Map<AttributeIndex, Map<unknown, Map<string | undefined, number>>>();

  set(index: number, attrs: AttributeIndex, productType: string, location: SourceLocation | undefined): void {
    this.#grow(index);
    this.#kind[index] = this.#kindOf(attrs, productType, location) + 1;
    this.#row[index] = location?.row ?? 0;
  }

  /** The record's place; its `sku` is always undefined (see above). */
  get(index: number): RecordPlace | undefined {
    const k = index < this.#kind.length ? this.#kind[index] : 0;
    if (k === undefined || k === 0) return undefined;
    const kind = this.#kinds[k - 1] as Kind;
    const row = this.#row[index] ?? 0;
    const location: SourceLocation | undefined =
      kind.sheet === undefined && kind.columns === undefined && row === 0
        ? undefined
        : { ...(kind.sheet === undefined ? {} : { sheet: kind.sheet }), ...(row === 0 ? {} : { row }), ...(kind.columns === undefined ? {} : { columns: kind.columns }) };
    return { attrs: kind.attrs, productType: kind.productType, sku: undefined, location };
  }

  #kindOf(attrs: AttributeIndex, productType: string, location: SourceLocation | undefined): number {
    // Records come in runs of one product type, sheet and column layout: the last kind usually answers.
    const last = this.#kinds[this.#lastKind];
    if (last !== undefined && last.attrs === attrs && last.columns === location?.columns && last.sheet === location?.sheet) return this.#lastKind;
    this.#lastKind = this.#findKind(attrs, productType, location);
    return this.#lastKind;
  }

  #findKind(attrs: AttributeIndex, productType: string, location: SourceLocation | undefined): number {
    let byColumns = this.#kindIndex.get(attrs);
    if (byColumns === undefined) this.#kindIndex.set(attrs, (byColumns = new Map<unknown, Map<string | undefined, number>>()));
    let bySheet = byColumns.get(location?.columns);
    if (bySheet === undefined) byColumns.set(location?.columns, (bySheet = new Map<string | undefined, number>()));
    const sheet = location?.sheet;
    let k = bySheet.get(sheet);
    if (k === undefined) {
      k = this.#kinds.length;
      if (k >= 0xffff) throw new RangeError('too many kinds of record location');
      this.#kinds.push({ attrs, productType, sheet, columns: location?.columns });
      bySheet.set(sheet, k);
    }
    return k;
  }

  #grow(index: number): void {
    if (index < this.#kind.length) return;
    let size = this.#kind.length;
    while (size <= index) size *= 2;
    const kind = new Uint16Array(size);
    kind.set(this.#kind);
    const row = new Int32Array(size);
    row.set(this.#row);
    this.#kind = kind;
    this.#row = row;
  }
}
