// The RecordView a rule sees, over one item and its product type's attribute readers; and the readers themselves,
// resolved once per product type so that reading an attribute is a few property reads, not a walk over its path.
import type { AttributeIndex } from '../compile/attributes.js';
import { valueAt } from '../compile/attributes.js';
import { isPresent } from '../core/rule.js';
import type { AttributeReader, RecordView } from '../core/rule.js';

function child(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

/** Reads the value at `segments` as valueAt does, unrolled for the usual depths (Orderable.x, Visible.PT.x). */
export function readerAt(segments: readonly string[]): AttributeReader {
  const [a, b, c] = segments;
  if (segments.length === 2 && a !== undefined && b !== undefined) return (item) => child(child(item, a), b);
  if (segments.length === 3 && a !== undefined && b !== undefined && c !== undefined) return (item) => child(child(child(item, a), b), c);
  return (item) => valueAt(item, segments);
}

/** A product type's attributes with a reader for each, built once per compiled spec. */
export class AttributeReaders {
  readonly attrs: AttributeIndex;
  readonly #readers = new Map<string, AttributeReader>();

  constructor(attrs: AttributeIndex) {
    this.attrs = attrs;
    for (const [name, info] of attrs.byName) this.#readers.set(name, readerAt(info.segments));
  }

  /** The attribute's reader, or undefined when the spec does not define it. */
  readerOf(attribute: string): AttributeReader | undefined {
    return this.#readers.get(attribute);
  }
}

const readersByAttrs = new WeakMap<AttributeIndex, AttributeReaders>();

/**
 * The readers of a compiled spec's attributes, made once per compiled spec rather than once per feed: the service
 * starts a feed per request, and a product type has a couple of hundred attributes.
 */
export function readersFor(attrs: AttributeIndex): AttributeReaders {
  let readers = readersByAttrs.get(attrs);
  if (readers === undefined) {
    readers = new AttributeReaders(attrs);
    readersByAttrs.set(attrs, readers);
  }
  return readers;
}

class EngineRecordView implements RecordView {
  readonly index: number;
  readonly sku: string | undefined;
  readonly productType: string;
  readonly #item: unknown;
  readonly #readers: AttributeReaders;

  constructor(index: number, item: unknown, productType: string, readers: AttributeReaders, sku: string | undefined) {
    this.index = index;
    this.sku = sku;
    this.productType = productType;
    this.#item = item;
    this.#readers = readers;
  }

  get(attribute: string): unknown {
    const read = this.#readers.readerOf(attribute);
    return read === undefined ? undefined : read(this.#item);
  }

  has(attribute: string): boolean {
    return isPresent(this.get(attribute));
  }

  defines(attribute: string): boolean {
    return this.#readers.attrs.byName.has(attribute);
  }

  requires(attribute: string): boolean {
    return this.#readers.attrs.byName.get(attribute)?.required ?? false;
  }

  title(attribute: string): string {
    return this.#readers.attrs.byName.get(attribute)?.title ?? attribute;
  }
}

export function recordView(index: number, item: unknown, productType: string, readers: AttributeReaders, sku: string | undefined): RecordView {
  return new EngineRecordView(index, item, productType, readers, sku);
}
