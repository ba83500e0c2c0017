// Finds feeds by the file name they were sent under (GET /v3/feeds lists it): how a feed that was sent
// but whose feedId never reached the ledger is found again before anything is resent.
import type { WalmartClient } from '../walmart/client.js';
import { iterateFeeds } from '../walmart/endpoints/feeds-list.js';

/** Feeds listed before this long before the oldest intent cannot be ours (allowing for clock skew). */
const SKEW_MS = 15 * 60_000;

function feedDateMs(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : typeof v === 'string' ? Date.parse(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** feedId by file name, for the names Walmart lists (newest first, stopping once past `since`). */
export async function findFeedsByFileName(client: WalmartClient, feedType: string, names: ReadonlySet<string>, since: number): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (names.size === 0) return found;
  for await (const feed of iterateFeeds(client, { feedType, limit: 50 })) {
    if (feed.fileName !== undefined && names.has(feed.fileName) && !found.has(feed.fileName)) found.set(feed.fileName, feed.feedId);
    if (found.size === names.size) break;
    const date = feedDateMs((feed as Record<string, unknown>).feedDate);
    if (date !== undefined && date < since - SKEW_MS) break;
  }
  return found;
}
