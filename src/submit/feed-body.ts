// The feed file as Walmart takes it, built from the records as validated (their JSON text, never
// re-derived): MP_* feeds are {MPItemFeedHeader, MPItem[]}; supplier item feeds (OMNI_*) are
// {SupplierItemFeedHeader, SupplierItem[]}. Sizes are computed from the same pieces, so a plan's byte
// count is the body's byte count.

export interface FeedShape {
  headerKey: 'MPItemFeedHeader' | 'SupplierItemFeedHeader';
  itemsKey: 'MPItem' | 'SupplierItem';
}

export function feedShape(feedType: string): FeedShape {
  return /^OMNI_/i.test(feedType) ? { headerKey: 'SupplierItemFeedHeader', itemsKey: 'SupplierItem' } : { headerKey: 'MPItemFeedHeader', itemsKey: 'MPItem' };
}

/** The text before the items and after them; the items go between, comma-separated. */
export function feedFrame(feedType: string, header: Record<string, unknown> | undefined): { open: string; close: string } {
  const { headerKey, itemsKey } = feedShape(feedType);
  const head = header === undefined ? '' : `${JSON.stringify(headerKey)}:${JSON.stringify(header)},`;
  return { open: `{${head}${JSON.stringify(itemsKey)}:[`, close: ']}' };
}

/** Bytes of a feed holding items of these sizes (UTF-8), frame included. */
export function feedBytes(frameBytes: number, itemBytes: readonly number[]): number {
  let total = frameBytes;
  for (const b of itemBytes) total += b;
  return total + Math.max(0, itemBytes.length - 1);
}

export function buildFeedBody(feedType: string, header: Record<string, unknown> | undefined, itemTexts: readonly string[]): string {
  const { open, close } = feedFrame(feedType, header);
  return `${open}${itemTexts.join(',')}${close}`;
}
