// The RecordView a rule sees, over one item and its product type's attribute readers; and the readers themselves,
// resolved once per product type so that reading an attribute is a few property reads, not a walk over its path.
import type { AttributeIndex } from '../compile/attributes.js';
import { isPresent } from '../core/rule.js';
import type { AttributeReader, RecordView } from '../core/rule.js';

// eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call() in the generated readers
const hasOwn = Object.prototype.hasOwnProperty;
const OBJECT_PROTOTYPE = Object.prototype;
const ARRAY_PROTOTYPE = Array.prototype;
const protoOf = Object.getPrototypeOf;

/**
 * Reads the value at `segments` as valueAt does (own properties only, undefined where a step is not an object). Each
 * attribute gets its own small function with the property names written into it: one shared function reading
 * `value[key]` for every attribute sees hundreds of keys at one site and looks each up the slow, megamorphic way,
 * and each own-property test is a call: a Visible.Clothing.gender read took 43 ns that way and 15 ns generated
 * (scratch microbenchmark, 2026-11-24). The names go in as JSON string literals, so a name is only ever a string.
 *
 * A step reads the property first and calls the own-property test only when the value could be inherited: a plain
 * object (prototype Object.prototype, as JSON.parse and the sources make) can inherit a name only if Object.prototype
 * has it, which is a check the optimising compiler settles from the prototype's hidden class; any other object (an
 * array, a class instance, a null-prototype object) takes the test as before, and so does a name Object.prototype
 * has (`constructor`, `__proto__`, …) or gets later. An absent property and one that holds undefined read alike, as
 * before. The test was about 3k of the ~36k instructions a valid record took in later rounds (callgrind, 2026-11-25).
 *
 * `plain`: every object the reader meets is plain data, as JSON.parse and this package's sources make it (see
 * Validator.plainItems). Then nothing asks for the prototype: an object's is Object.prototype (or null), an array's
 * Array.prototype, so a value can be inherited only under a name one of those two has, which the optimising compiler
 * settles from their hidden classes whatever the item's shape. The general reader's `Object.getPrototypeOf` is
 * settled the same way only while a step has met few hidden classes; items of many shapes (a real feed's, or the
 * valid and invalid items of part a in turn) make it a call into the runtime at every step (~14.5 M of the 258 M
 * instructions of such a 10,000-item valid round, callgrind, 2026-11-25).
 */
export function readerAt(segments: readonly string[], plain = false): AttributeReader {
  let body = '';
  let at = 'item';
  segments.forEach((segment, i) => {
    const key = JSON.stringify(segment);
    const v = `v${String(i)}`;
    const inheritable = plain ? `(${key} in OP || ${key} in AP)` : `(protoOf(${at}) !== OP || ${key} in OP)`;
    body += `if (typeof ${at} !== 'object' || ${at} === null) return undefined;\n`;
    body += `const ${v} = ${at}[${key}];\n`;
    body += `if (${v} === undefined || (${inheritable} && !hasOwn.call(${at}, ${key}))) return undefined;\n`;
    at = v;
  });
  // The code is built from the spec's attribute names, each written as a JSON string literal (see above).
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const make = new Function('hasOwn', 'OP', 'AP', 'protoOf', `return function read(item) {\n${body}return ${at};\n};`) as (h: typeof hasOwn, op: object, ap: object, p: typeof protoOf) => AttributeReader;
  return make(hasOwn, OBJECT_PROTOTYPE, ARRAY_PROTOTYPE, protoOf);
}

/** A product type's attributes with a reader for each, built once per compiled spec. */
export class AttributeReaders {
  readonly attrs: AttributeIndex;
  /**
   * Made on first use: a feed reads a few dozen of a product type's couple of hundred attributes; null for a name the
   * spec does not define. A null-prototype object, not a Map: RecordView.get asks it for every attribute a rule reads
   * (7 a valid benchmark record), and a keyed load of an interned name costs less than Map.get's hash-table walk
   * (FindOrderedHashMapEntry was ~550 instructions a record, callgrind 2026-11-25). A null prototype has no
   * `__proto__` accessor or inherited names: every attribute name is an ordinary key.
   */
  readonly #readers: Record<string, AttributeReader | null | undefined> = Object.create(null) as Record<string, AttributeReader | null | undefined>;

  /** Whether its readers are readerAt's `plain` ones: for items of plain data only (see readerAt). */
  readonly plain: boolean;

  constructor(attrs: AttributeIndex, plain = false) {
    this.attrs = attrs;
    this.plain = plain;
  }

  /** The attribute's reader, or undefined when the spec does not define it. */
  readerOf(attribute: string): AttributeReader | undefined {
    const read = this.#readers[attribute];
    if (read !== undefined) return read ?? undefined;
    const info = this.attrs.byName.get(attribute);
    const made = info === undefined ? null : readerAt(info.segments, this.plain);
    this.#readers[attribute] = made;
    return made ?? undefined;
  }
}

/** By compiled spec's attributes: the general readers, and the plain ones. */
const readersByAttrs = new WeakMap<AttributeIndex, [AttributeReaders | undefined, AttributeReaders | undefined]>();

/**
 * The readers of a compiled spec's attributes (`plain`: readerAt's readers for plain data), made once per compiled
 * spec rather than once per feed: the service starts a feed per request, and a product type has a couple of hundred
 * attributes.
 */
export function readersFor(attrs: AttributeIndex, plain = false): AttributeReaders {
  let both = readersByAttrs.get(attrs);
  if (both === undefined) {
    both = [undefined, undefined];
    readersByAttrs.set(attrs, both);
  }
  const at = plain ? 1 : 0;
  let readers = both[at];
  if (readers === undefined) {
    readers = new AttributeReaders(attrs, plain);
    both[at] = readers;
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
