// How the ledger recognises a record across runs: by feed type and SKU (the item Walmart keeps), and
// whether it changed: by the sha256 of its JSON text as sent.
import { createHash } from 'node:crypto';

export function recordKey(feedType: string, sku: string | undefined, index: number): string {
  // A record without a SKU is invalid for every item spec, so it never reaches a feed; the position only
  // keeps keys distinct.
  return sku === undefined ? `${feedType}|#${index}` : `${feedType}|${sku}`;
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
