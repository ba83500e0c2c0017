// Maps spreadsheet header cells to attributes of a product type: by name (case and spacing ignored),
// by the spec's title ("Selling Price"), by dotted path (productIdentifiers.productId), by a leaf name
// inside an object when it is unambiguous (productId), and numbered columns (Key Features 2) into arrays.
import type { AttributeIndex, AttributeInfo } from '../compile/attributes.js';
import { isSchemaObject } from '../spec/schema-walk.js';
import type { SchemaObject } from '../spec/schema-walk.js';

export interface ColumnTarget {
  attribute: AttributeInfo;
  /** Below the attribute: property names and 0-based array indexes, e.g. ['productId'] or [1, 'swatchImageUrl']. */
  sub: Array<string | number>;
  /** Schema of the value the cell fills. */
  schema: SchemaObject;
  /** The cell may hold several values of an array, separated by `|`. */
  split: boolean;
  /** For split leaves of an array of objects: the index position is the split position. */
  splitIntoObjects: boolean;
}

export type ColumnResolution =
  | { kind: 'attribute'; target: ColumnTarget }
  | { kind: 'productType' }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'unknown' };

/** Case, spacing and punctuation ignored: "Selling Price", "selling_price" and "sellingPrice" fold alike. */
export function foldHeader(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const PRODUCT_TYPE_HEADERS = new Set(['producttype', 'producttypename', 'pt']);

interface Candidate {
  key: string;
  make: (index: number | undefined) => ColumnTarget | undefined;
}

type Tier = Map<string, Candidate[]>;

export class ColumnMatcher {
  readonly #tiers: Tier[];
  readonly #attrs: AttributeIndex;
  readonly #explicit: ReadonlyMap<string, string>;

  /** `explicit` maps header text (folded on lookup) to an attribute name or dotted path, from the config file. */
  constructor(attrs: AttributeIndex, explicit: Readonly<Record<string, string>> = {}) {
    this.#attrs = attrs;
    this.#explicit = new Map(Object.entries(explicit).map(([h, p]) => [foldHeader(h), p]));
    const byName: Tier = new Map();
    const byTitle: Tier = new Map();
    const byLeafName: Tier = new Map();
    const byLeafTitle: Tier = new Map();
    for (const info of attrs.byName.values()) {
      const whole: Candidate = { key: info.name, make: (i) => wholeTarget(info, i) };
      add(byName, info.name, whole);
      add(byTitle, info.title, whole);
      for (const leaf of leavesOf(info)) {
        const c: Candidate = { key: `${info.name}.${leaf.name}`, make: (i) => leafTarget(info, leaf, i) };
        add(byLeafName, leaf.name, c);
        if (leaf.title !== undefined) add(byLeafTitle, leaf.title, c);
      }
    }
    this.#tiers = [byName, byTitle, byLeafName, byLeafTitle];
  }

  resolve(header: string): ColumnResolution {
    const text = header.trim();
    const explicit = this.#explicit.get(foldHeader(text));
    if (explicit !== undefined) {
      const t = this.#byPath(explicit);
      return t ? { kind: 'attribute', target: t } : { kind: 'unknown' };
    }
    if (PRODUCT_TYPE_HEADERS.has(foldHeader(text)) && !this.#attrs.byName.has('productType')) return { kind: 'productType' };
    if (text.includes('.')) {
      const t = this.#byPath(text);
      if (t) return { kind: 'attribute', target: t };
    }
    const direct = this.#lookup(foldHeader(text), undefined);
    if (direct.kind !== 'unknown') return direct;
    // "Key Features 2", "keyFeatures_2", "Swatch Image URL (1)": a numbered column of an array.
    const numbered = /^(.*?\S)[\s_#(-]*(\d{1,4})\)?$/.exec(text);
    if (numbered) {
      const n = Number(numbered[2]);
      if (n >= 1) return this.#lookup(foldHeader(numbered[1] as string), n - 1);
    }
    return { kind: 'unknown' };
  }

  /** Attribute names and titles, for "did you mean" on unknown columns. */
  names(): string[] {
    return [...this.#attrs.byName.values()].flatMap((a) => [a.name, a.title]);
  }

  #lookup(folded: string, index: number | undefined): ColumnResolution {
    for (const tier of this.#tiers) {
      const found = tier.get(folded);
      if (found === undefined) continue;
      const targets = found.map((c) => ({ c, t: c.make(index) })).filter((x) => x.t !== undefined);
      if (targets.length === 1) return { kind: 'attribute', target: targets[0]!.t! };
      if (targets.length > 1) return { kind: 'ambiguous', candidates: targets.map((x) => x.c.key) };
    }
    return { kind: 'unknown' };
  }

  /** "productIdentifiers.productId", "Orderable.sku", "swatchImages.2.swatchImageUrl", "Visible.Clothing.color". */
  #byPath(path: string): ColumnTarget | undefined {
    const parts = path.split('.').map((p) => p.trim()).filter((p) => p !== '');
    // A full path from the item root names its block first; find where the attribute name starts.
    let start = parts.findIndex((p, i) => {
      const info = this.#attrs.byName.get(p);
      return info !== undefined && info.segments.length - 1 <= i && parts.slice(0, i).every((q, j) => info.segments[j] === q);
    });
    if (start < 0) start = parts.findIndex((p) => this.#attrs.byName.has(p));
    if (start < 0) return undefined;
    const info = this.#attrs.byName.get(parts[start] as string) as AttributeInfo;
    const rest = parts.slice(start + 1);
    let schema: SchemaObject = info.schema;
    const sub: Array<string | number> = [];
    for (const part of rest) {
      if (/^\d+$/.test(part) && isSchemaObject(schema.items)) {
        sub.push(Number(part));
        schema = schema.items;
      } else if (isSchemaObject(schema.properties) && isSchemaObject(schema.properties[part])) {
        sub.push(part);
        schema = schema.properties[part];
      } else if (isSchemaObject(schema.items) && isSchemaObject(schema.items.properties) && isSchemaObject(schema.items.properties[part])) {
        sub.push(0, part);
        schema = schema.items.properties[part];
      } else return undefined;
    }
    return { attribute: info, sub, schema, split: sub.length === 0 && schema.type === 'array', splitIntoObjects: false };
  }
}

function add(tier: Tier, label: string, c: Candidate): void {
  const k = foldHeader(label);
  if (k === '') return;
  const list = tier.get(k) ?? [];
  if (!list.some((x) => x.key === c.key)) list.push(c);
  tier.set(k, list);
}

function wholeTarget(info: AttributeInfo, index: number | undefined): ColumnTarget | undefined {
  const s = info.schema;
  if (index === undefined) return { attribute: info, sub: [], schema: s, split: s.type === 'array', splitIntoObjects: false };
  if (s.type !== 'array' || !isSchemaObject(s.items) || s.items.type === 'object') return undefined;
  return { attribute: info, sub: [index], schema: s.items, split: false, splitIntoObjects: false };
}

interface Leaf {
  name: string;
  title: string | undefined;
  schema: SchemaObject;
  inArray: boolean;
}

/** Properties of an object attribute, or of the objects in an array attribute (swatchImages). */
function leavesOf(info: AttributeInfo): Leaf[] {
  const s = info.schema;
  const obj = isSchemaObject(s.properties) ? s : isSchemaObject(s.items) && isSchemaObject(s.items.properties) ? s.items : undefined;
  if (obj === undefined) return [];
  const inArray = obj !== s;
  return Object.entries(obj.properties as SchemaObject)
    .filter((e): e is [string, SchemaObject] => isSchemaObject(e[1]))
    .map(([name, schema]) => ({ name, title: typeof schema.title === 'string' ? schema.title : undefined, schema, inArray }));
}

function leafTarget(info: AttributeInfo, leaf: Leaf, index: number | undefined): ColumnTarget | undefined {
  if (!leaf.inArray) return index === undefined ? { attribute: info, sub: [leaf.name], schema: leaf.schema, split: false, splitIntoObjects: false } : undefined;
  if (index === undefined) return { attribute: info, sub: [0, leaf.name], schema: leaf.schema, split: false, splitIntoObjects: true };
  return { attribute: info, sub: [index, leaf.name], schema: leaf.schema, split: false, splitIntoObjects: false };
}
