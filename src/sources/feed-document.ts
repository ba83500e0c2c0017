// A JSON feed as Walmart takes it: a header plus MPItem[] (marketplace) or SupplierItem[] (supplier);
// also the service's {"records": [...]} and a bare array of items.
import { InputError } from '../core/errors.js';

export interface FeedDocument {
  header: Record<string, unknown> | undefined;
  headerKey: string | undefined;
  itemsKey: string | undefined;
  items: unknown[];
}

/** The keys a feed header may have, first found first used. */
export const HEADER_KEYS: readonly string[] = ['MPItemFeedHeader', 'SupplierItemFeedHeader', 'ItemFeedHeader'];
/** The keys of the item list, first found first used. */
export const ITEM_KEYS: readonly string[] = ['MPItem', 'SupplierItem', 'records'];

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function splitFeedDocument(json: unknown): FeedDocument {
  if (Array.isArray(json)) return { header: undefined, headerKey: undefined, itemsKey: undefined, items: json };
  if (!isPlainObject(json)) throw new InputError('INPUT_INVALID', 'the feed is not a JSON object or array of items');
  const headerKey = HEADER_KEYS.find((k) => Object.hasOwn(json, k));
  const itemsKey = ITEM_KEYS.find((k) => Object.hasOwn(json, k));
  if (itemsKey === undefined) {
    throw new InputError('INPUT_INVALID', `the feed has no item list: expected ${ITEM_KEYS.slice(0, 2).join(' or ')} (an array of items) next to its header`);
  }
  const items = json[itemsKey];
  if (!Array.isArray(items)) throw new InputError('INPUT_INVALID', `${itemsKey} must be an array of items`);
  const header = headerKey === undefined ? undefined : json[headerKey];
  if (header !== undefined && !isPlainObject(header)) throw new InputError('INPUT_INVALID', `${String(headerKey)} must be an object`);
  return { header, headerKey, itemsKey, items };
}
