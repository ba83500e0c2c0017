// Compiles one cached spec entry (one product type) into validators, lazily, once: an in-process LRU
// holds compiled specs, and the compiled-code cache on disk makes a warm start compile nothing. A start loads (or
// compiles) only the valid-only item validator and the header's; the full item validator, about as big again, is
// loaded (or compiled) when the first record is rejected, and most feeds of a warm cache then never load it.
import type { ValidateFunction } from 'ajv';
import { LRUCache } from 'lru-cache';
import { createRequire } from 'node:module';
import type { LockEntry } from '../spec/lockfile.js';
import { normaliseSpec } from '../spec/normalise.js';
import type { NormaliseNote } from '../spec/normalise.js';
import { isSchemaObject } from '../spec/schema-walk.js';
import type { SchemaObject } from '../spec/schema-walk.js';
import { feedSpecShape } from '../spec/split.js';
import type { SpecStore } from '../spec/store.js';
import { indexAttributes } from './attributes.js';
import type { AttributeIndex } from './attributes.js';
import type * as Codegen from './codegen.js';
import { compiledPath, loadStandalone, pruneCompiled, readCompiled, readCompiledSync, writeCompiled, writeCompiledSync } from './compiled-cache.js';
import { splitAttributes } from './split-refs.js';
import type { SplitSchema } from './split-refs.js';

export interface CompiledSpec {
  entry: LockEntry;
  /**
   * Validates one item (an element of MPItem[]). Errors are Ajv's, with verbose data. Its code is loaded from disk, or
   * compiled, on the first call.
   */
  validateItem: ValidateFunction;
  /** Where validateItem's code came from, once it has been called: undefined before. */
  fullOrigin: () => CompiledSpec['origin'] | undefined;
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
  /** Where the start's code (isValidItem, validateHeader) came from: 'compiled' on a cold start, 'disk' from the cache. */
  origin: 'compiled' | 'disk';
}

export interface CompilerOptions {
  /** Compiled specs kept in memory. */
  maxEntries?: number;
  /** Keep compiled code under `<cache>/.compiled` (default true). */
  diskCache?: boolean;
}

/**
 * Ajv's compiler, loaded synchronously: a record is waiting for the full validator. In the CLI bundle, esbuild links
 * this `require` to the bundled module, which it initialises on the first call; from tsc's output (ES modules, no
 * `require`), Node 20.19+ requires the ES module. Undefined when run from the TypeScript sources (tests), where
 * neither works: the compiler then loads codegen.js before it is needed.
 */
const requireCodegen: (() => typeof Codegen) | undefined = import.meta.url.endsWith('.ts')
  ? undefined
  : typeof require === 'function'
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports -- esbuild's link to a bundled module, see above
      () => require('./codegen.js') as typeof Codegen
    : () => createRequire(import.meta.url)('./codegen.js') as typeof Codegen;

/** A validator whose code is loaded on its first call; its errors are those of its last call, as Ajv's are. */
function loadedOnFirstCall(load: () => ValidateFunction): ValidateFunction {
  let full: ValidateFunction | undefined;
  const validate = ((data: unknown): boolean => {
    full ??= load();
    const ok = full(data);
    validate.errors = full.errors ?? null;
    return ok;
  }) as ValidateFunction;
  validate.errors = null;
  return validate;
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
    const dir = this.#store.dir;
    const path = compiledPath(dir, entry.sha256);
    let origin: CompiledSpec['origin'] = 'disk';
    let body = this.#disk ? await readCompiled(path) : undefined;
    // Ajv's compiler: loaded now on a cold start, and otherwise later, synchronously, if a record needs the full
    // validator and its code is not on disk. Run from the TypeScript sources (tests), it cannot be required then: it
    // is loaded now.
    let codegen: typeof Codegen | undefined;
    if (body === undefined) {
      origin = 'compiled';
      codegen = await import('./codegen.js');
      body = codegen.generateFast(entry, split.schema, headerSchema);
      if (this.#disk && (await writeCompiled(path, body))) await pruneCompiled(dir, entry.sha256);
    } else if (requireCodegen === undefined) codegen = await import('./codegen.js');
    const mod = loadStandalone(body);
    const disk = this.#disk;
    let fullOrigin: CompiledSpec['origin'] | undefined;
    const loadFull = (): ValidateFunction => {
      const fullPath = compiledPath(dir, entry.sha256, 'full');
      let code = disk ? readCompiledSync(fullPath) : undefined;
      fullOrigin = 'disk';
      if (code === undefined) {
        fullOrigin = 'compiled';
        codegen ??= (requireCodegen as () => typeof Codegen)();
        code = codegen.generateFull(entry, split.schema);
        if (disk) writeCompiledSync(fullPath, code);
      }
      return loadStandalone(code).item as ValidateFunction;
    };
    return {
      entry,
      validateItem: loadedOnFirstCall(loadFull),
      fullOrigin: () => fullOrigin,
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
