// `spec pull`: fetch Walmart's item specs for some product types into the schemas-cache. Get Spec is
// rate-limited hard at Walmart, so types already cached (hash intact) are never asked for again, and the
// rest go out in as few requests as Walmart allows (up to 20 types each). A 207 keeps the good types;
// a 400 naming every type of a request is treated the same way: those types are rejected, not the pull.
import { ANY_PRODUCT_TYPE } from '../core/spec-key.js';
import type { WalmartClient } from '../walmart/client.js';
import { MAX_PRODUCT_TYPES_PER_SPEC_REQUEST, chunk, getSpec, productTypeNamedIn } from '../walmart/endpoints/spec.js';
import type { RejectedProductType } from '../walmart/endpoints/spec.js';
import { WalmartError } from '../walmart/errors.js';
import { specEntries } from './import.js';
import type { LockEntry } from './lockfile.js';
import { parseSpecJson, stringifySpecJson } from './lossless-json.js';
import { isSchemaObject } from './schema-walk.js';
import { sha256 } from './store.js';
import type { NewEntry, SpecStore } from './store.js';

export interface PullOptions {
  feedType: string;
  version: string;
  productTypes: readonly string[];
}

export interface PullResult {
  /** Product types fetched and stored by this pull. */
  pulled: string[];
  /** Product types the cache already held (not requested). */
  cached: string[];
  /** Product types Walmart refused, with its reason. */
  rejected: RejectedProductType[];
  /** Walmart errors that named none of the requested types. */
  otherErrors: string[];
  /** Entries written to the cache. */
  entries: LockEntry[];
  /** Get Spec requests made. */
  requests: number;
  /** Recorded as the entries' source. */
  source: string;
}

/** Requested types the cache can already validate (own entry or an any-product-type one, hash intact). */
async function cachedTypes(store: SpecStore, feedType: string, version: string, types: readonly string[]): Promise<Set<string>> {
  const have = new Set<string>();
  for (const productType of types) {
    const entry = await store.resolve({ feedType, version, productType });
    if (entry !== undefined && (await store.status(entry)) === 'ok') have.add(productType);
  }
  return have;
}

/** A Get Spec body minus its 207 `errors` list, so the stored spec is only a schema. */
function schemaText(text: string): string {
  const parsed = parseSpecJson(text);
  if (!isSchemaObject(parsed) || !('errors' in parsed)) return text;
  const { errors: _errors, ...rest } = parsed;
  return stringifySpecJson(rest);
}

export async function pullSpecs(client: WalmartClient, store: SpecStore, options: PullOptions): Promise<PullResult> {
  const wanted = [...new Set(options.productTypes.map((p) => p.trim()).filter((p) => p !== ''))];
  const have = await cachedTypes(store, options.feedType, options.version, wanted);
  const missing = wanted.filter((p) => !have.has(p));
  const source = `${client.config.baseUrl}/v3/items/spec`;
  const result: PullResult = { pulled: [], cached: wanted.filter((p) => have.has(p)), rejected: [], otherErrors: [], entries: [], requests: 0, source };
  const fresh: NewEntry[] = [];
  for (const group of chunk(missing, MAX_PRODUCT_TYPES_PER_SPEC_REQUEST)) {
    result.requests++;
    let answer: Awaited<ReturnType<typeof getSpec>>;
    try {
      answer = await getSpec(client, { feedType: options.feedType, version: options.version, productTypes: group });
    } catch (e) {
      // Walmart answers 400 (not 207) when no requested type is valid: each type it names is rejected.
      if (!(e instanceof WalmartError) || e.status !== 400) throw e;
      const messages = e.details.map((d) => d.description ?? d.info ?? d.code ?? '').filter((m) => m !== '');
      const named = group.map((pt) => ({ pt, message: messages.find((m) => productTypeNamedIn(m, [pt]) === pt) }));
      if (named.every((n) => n.message === undefined)) throw e;
      for (const n of named) result.rejected.push({ productType: n.pt, message: n.message ?? e.message });
      continue;
    }
    result.rejected.push(...answer.rejected);
    result.otherErrors.push(...answer.otherErrors);
    for (const part of answer.parts) {
      const entries = specEntries(schemaText(part.text), { feedType: options.feedType, version: options.version, source });
      // The hash of the body as Walmart sent it, errors list and all: that is what came over the wire.
      fresh.push(...entries.map((e) => ({ ...e, sourceSha256: sha256(part.text) })));
    }
    const got = new Set(fresh.map((e) => e.key.productType));
    for (const pt of answer.accepted) {
      if (got.has(pt) || got.has(ANY_PRODUCT_TYPE)) result.pulled.push(pt);
      else result.rejected.push({ productType: pt, message: `Walmart's answer had no spec for ${pt}` });
    }
  }
  if (fresh.length > 0) result.entries = await store.put(fresh);
  return result;
}
