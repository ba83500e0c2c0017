// Compiles one cached spec entry (one product type) into validators, lazily, once: an in-process LRU
// holds compiled specs, and the compiled-code cache on disk makes a warm start compile nothing.
import type { ValidateFunction } from 'ajv';
import { LRUCache } from 'lru-cache';
import { SpecError } from '../core/errors.js';
import { formatSpecKey } from '../core/spec-key.js';
import type { LockEntry } from '../spec/lockfile.js';
import { normaliseSpec } from '../spec/normalise.js';
import type { NormaliseNote } from '../spec/normalise.js';
import { isSchemaObject } from '../spec/schema-walk.js';
import type { SchemaObject } from '../spec/schema-walk.js';
import { feedSpecShape } from '../spec/split.js';
import type { SpecStore } from '../spec/store.js';
import { indexAttributes } from './attributes.js';
import type { AttributeIndex } from './attributes.js';
import { compiledPath, loadStandalone, readCompiled, writeCompiled } from './compiled-cache.js';
import { splitAttributes } from './split-refs.js';
import type { SplitSchema } from './split-refs.js';

export interface CompiledSpec {
  entry: LockEntry;
  /** Validates one item (an element of MPItem[]). Errors are Ajv's, with verbose data. */
  validateItem: ValidateFunction;
  /**
   * Whether validateItem would accept the item, without its errors: about a tenth cheaper, and it leaves far less
   * garbage. Valid records need nothing more; validateItem explains the others.
   */
  isValidItem: (item: unknown) => boolean;
  /** Validates the feed header, where the spec has one. */
  validateHeader: ValidateFunction | undefined;
  headerKey: string | undefined;
  itemsKey: string;
  /** The item schema as compiled (normalised), for explaining errors by their schemaPath. */
  itemSchema: SchemaObject;
  headerSchema: SchemaObject | undefined;
  attributes: AttributeIndex;
  /** How the compiled item schema was split into per-attribute functions, to map error paths back. */
  split: Pick<SplitSchema, 'attributePointers' | 'blocks'>;
  notes: NormaliseNote[];
  /** 'compiled' on a cold start, 'disk' when loaded from the compiled-code cache. */
  origin: 'compiled' | 'disk';
}

export interface CompilerOptions {
  /** Compiled specs kept in memory. */
  maxEntries?: number;
  /** Keep compiled code under `<cache>/.compiled` (default true). */
  diskCache?: boolean;
}

export class Compiler {
  readonly #store: SpecStore;
  readonly #disk: boolean;
  readonly #lru: LRUCache<string, Promise<CompiledSpec>>;

  constructor(store: SpecStore, options: CompilerOptions = {}) {
    this.#store = store;
    this.#disk = options.diskCache ?? true;
    this.#lru = new LRUCache({ max: options.maxEntries ?? 64 });
  }

  get(entry: LockEntry): Promise<CompiledSpec> {
    let p = this.#lru.get(entry.sha256);
    if (p === undefined) {
      p = this.#compile(entry);
      this.#lru.set(entry.sha256, p);
      // A failed compile is not cached: the next call reports it again (or succeeds after a re-import).
      p.catch(() => this.#lru.delete(entry.sha256));
    }
    return p;
  }

  async #compile(entry: LockEntry): Promise<CompiledSpec> {
    const { schema } = await this.#store.load(entry);
    const { schema: spec, notes } = normaliseSpec(schema, entry.draft);
    const shape = feedSpecShape(spec);
    const header = shape.headerKey === undefined ? undefined : (spec.properties as SchemaObject)[shape.headerKey];
    const headerSchema = isSchemaObject(header) ? header : undefined;
    const split = splitAttributes(shape.item);
    const path = compiledPath(this.#store.dir, entry.sha256);
    let origin: CompiledSpec['origin'] = 'disk';
    let body = this.#disk ? await readCompiled(path) : undefined;
    if (body === undefined) {
      origin = 'compiled';
      body = await generate(entry, split.schema, headerSchema);
      if (this.#disk) await writeCompiled(path, body);
    }
    const mod = loadStandalone(body);
    return {
      entry,
      validateItem: mod.item as ValidateFunction,
      isValidItem: validOnly(mod.itemIsValid as (item: unknown, context: object) => boolean),
      validateHeader: mod.header as ValidateFunction | undefined,
      headerKey: shape.headerKey,
      itemsKey: shape.itemsKey,
      itemSchema: shape.item,
      headerSchema,
      attributes: indexAttributes(shape.item),
      split,
      notes,
      origin,
    };
  }
}

/** What the valid-only validator's context destructures from: nothing (see fast-ref.ts). */
const NO_CONTEXT = Object.freeze({});

/** The valid-only validator, called with one shared empty context: without it, each call made an empty object. */
function validOnly(validate: (item: unknown, context: object) => boolean): (item: unknown) => boolean {
  return (item) => validate(item, NO_CONTEXT);
}

/** Compiles to standalone code. Ajv's compiler loads here, on a cold start only: a warm start reads code from disk. */
async function generate(entry: LockEntry, item: SchemaObject, header: SchemaObject | undefined): Promise<string> {
  const [{ createAjv }, standaloneModule] = await Promise.all([import('./ajv.js'), import('ajv/dist/standalone/index.js')]);
  const standaloneCode = standaloneModule.default.default;
  const ajv = createAjv();
  try {
    ajv.addSchema(item, 'item');
    if (header) ajv.addSchema(header, 'header');
    const full = standaloneCode(ajv, header ? { item: 'item', header: 'header' } : { item: 'item' });
    const validOnly = createAjv('valid-only');
    validOnly.addSchema(item, 'item');
    // The second validator's code in a scope of its own (both name their functions validate1, validate2…).
    const fast = standaloneCode(validOnly, { item: 'item' });
    return `${full}\nexports.itemIsValid = (function () {\nconst exports = {};\n${fast}\nreturn exports.item;\n})();\n`;
  } catch (e) {
    const message = (e as Error).message;
    const keyword = /unknown keyword: "([^"]+)"/.exec(message)?.[1];
    if (keyword !== undefined) {
      throw new SpecError(
        'SPEC_UNSUPPORTED_KEYWORD',
        `the spec ${formatSpecKey(entry)} uses the keyword "${keyword}", which catalog-gate does not know; it will not guess what it means (Ajv strict mode)`,
        { cause: e },
      );
    }
    throw new SpecError('SPEC_INVALID', `the spec ${formatSpecKey(entry)} does not compile: ${message}`, { cause: e });
  }
}
