// Settles which feed type and spec version a feed is validated against: from the options, or from
// the feed header (its sellingChannel and version), among the specs in the cache.
import { SpecError, UsageError } from '../core/errors.js';
import { ANY_PRODUCT_TYPE } from '../core/spec-key.js';
import type { LockEntry } from '../spec/lockfile.js';
import type { SpecStore } from '../spec/store.js';
import { nearest } from './suggest.js';

export interface SpecContext {
  feedType: string;
  version: string;
  /** Product types cached for this feed type and version (empty for a spec not split by product type). */
  productTypes: string[];
  /** The feed type's any-product-type entry (MP_ITEM_MATCH), if it has one. */
  anyEntry: LockEntry | undefined;
}

const CHANNEL_FEED_TYPES: Readonly<Record<string, string>> = {
  marketplace: 'MP_ITEM',
  marketplacewfs: 'MP_WFS_ITEM',
  mpsetupbymatch: 'MP_ITEM_MATCH',
};

/** Settled contexts per store, by what settled them; only successes, so at most one per cached spec and way of naming it. */
const settled = new WeakMap<SpecStore, Map<string, SpecContext>>();
const MAX_SETTLED = 256;

/**
 * resolveSpecContext, remembered per store for the feed type and version (or header version) that settled it: a
 * service validating many feeds against the same spec settles it once. The store's entries are read once per store
 * anyway (SpecStore.lockfile), so the answer cannot change under it. Failures are not remembered.
 */
export async function resolveSpecContextOnce(
  store: SpecStore,
  wanted: { feedType?: string | undefined; specVersion?: string | undefined },
  header: Record<string, unknown> | undefined,
): Promise<SpecContext> {
  const channel = typeof header?.sellingChannel === 'string' ? header.sellingChannel : undefined;
  const headerVersion = typeof header?.version === 'string' ? header.version : undefined;
  // Only what resolveSpecContext reads: the header's channel when no feed type is given, its version when no spec version is.
  // A channel that names no feed type of its own (not even an inherited property's name) is resolved afresh.
  if (wanted.feedType === undefined && channel !== undefined && !Object.hasOwn(CHANNEL_FEED_TYPES, channel)) return resolveSpecContext(store, wanted, header);
  const feedType = wanted.feedType ?? (channel === undefined ? undefined : CHANNEL_FEED_TYPES[channel]);
  const key = `${feedType ?? ''}\u0000${wanted.specVersion === undefined ? `h${headerVersion ?? ''}` : `v${wanted.specVersion}`}`;
  let known = settled.get(store);
  const hit = known?.get(key);
  if (hit !== undefined) return hit;
  const context = await resolveSpecContext(store, wanted, header);
  if (known === undefined) settled.set(store, (known = new Map<string, SpecContext>()));
  if (known.size < MAX_SETTLED) known.set(key, context);
  return context;
}

export async function resolveSpecContext(
  store: SpecStore,
  wanted: { feedType?: string | undefined; specVersion?: string | undefined },
  header: Record<string, unknown> | undefined,
): Promise<SpecContext> {
  const entries = await store.list();
  const headerVersion = typeof header?.version === 'string' ? header.version : undefined;
  const channel = typeof header?.sellingChannel === 'string' ? header.sellingChannel : undefined;
  let candidates = entries;
  const feedType = wanted.feedType ?? (channel === undefined ? undefined : CHANNEL_FEED_TYPES[channel]);
  if (feedType !== undefined) candidates = candidates.filter((e) => e.feedType === feedType);
  if (wanted.specVersion !== undefined) candidates = candidates.filter((e) => e.version === wanted.specVersion);
  else if (headerVersion !== undefined) {
    candidates = candidates.filter((e) => e.version === headerVersion || e.headerVersions.includes(headerVersion));
  }
  const pairs = [...new Set(candidates.map((e) => `${e.feedType}\u0000${e.version}`))];
  if (pairs.length === 1) {
    const [ft, v] = (pairs[0] as string).split('\u0000') as [string, string];
    const mine = candidates.filter((e) => e.feedType === ft && e.version === v);
    return {
      feedType: ft,
      version: v,
      productTypes: mine.map((e) => e.productType).filter((p) => p !== ANY_PRODUCT_TYPE),
      anyEntry: mine.find((e) => e.productType === ANY_PRODUCT_TYPE),
    };
  }
  const cached = [...new Set(entries.map((e) => `${e.feedType} ${e.version}`))].sort();
  if (pairs.length > 1) {
    throw new UsageError(`several cached specs fit this feed (${pairs.map((p) => p.replace('\u0000', ' ')).join(', ')}); pass --feed-type and --spec-version`);
  }
  if (feedType !== undefined && wanted.specVersion !== undefined) {
    const versions = [...new Set(entries.filter((e) => e.feedType === feedType).map((e) => e.version))];
    const guess = nearest(wanted.specVersion, versions);
    throw new SpecError(
      'SPEC_NOT_FOUND',
      `no cached spec for ${feedType} ${wanted.specVersion}` +
        (versions.length > 0 ? ` (cached versions of ${feedType}: ${versions.join(', ')}${guess ? `; did you mean ${guess}?` : ''})` : ` (cached: ${cached.join(', ') || 'nothing'})`) +
        '; add it with `catalog-gate spec import` or `catalog-gate spec pull`',
    );
  }
  if (feedType !== undefined && !entries.some((e) => e.feedType === feedType)) {
    throw new SpecError('SPEC_NOT_FOUND', `no cached spec for feed type ${feedType} (cached: ${cached.join(', ') || 'nothing'})`);
  }
  throw new UsageError(
    `cannot tell which spec to validate against${headerVersion ? ` (the feed header says version ${JSON.stringify(headerVersion)})` : ''}; pass --feed-type and --spec-version (cached: ${cached.join(', ') || 'nothing'})`,
  );
}
