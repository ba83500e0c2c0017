// Feed Management: POST /v3/feeds (marketplace) and POST /v3/feeds/items (supplier) accept a feed file
// and answer {feedId}; GET /v3/feeds/{feedId} reports its status with item details paged by
// offset/limit (at most 50, as Walmart caps it) or nextCursor; GET /v3/feeds lists feeds, newest first.
import { header } from '../context.js';
import type { RequestContext } from '../context.js';
import { badParam, errorReply, missingParam, notFound } from '../envelope.js';
import { extractUpload, parseFeed } from '../feeds/upload.js';
import { boolParam, decodeCursor, encodeCursor, intParam, stringParam } from '../query.js';
import type { Reply } from '../reply.js';
import type { Route } from '../router.js';
import type { FeedRecord, FeedSource, ItemStatus } from '../stores/feeds.js';

/** Item feed types each endpoint takes (besides any feed type with a cached spec). */
const FEED_TYPES: Readonly<Record<FeedSource, readonly string[]>> = {
  marketplace: ['MP_ITEM', 'MP_WFS_ITEM', 'MP_ITEM_MATCH', 'MP_MAINTENANCE', 'OMNI_WFS'],
  supplier: ['OMNI_DSV_ITEM', 'OMNI_ONLINE_ITEM', 'OMNI_OWNED_ITEM', 'OMNI_MAINTENANCE', 'OMNI_MAINTAINANCE'],
};

/** Walmart's cap on item details per status page. */
export const MAX_DETAIL_LIMIT = 50;
export const MAX_LIST_LIMIT = 50;

async function submit(ctx: RequestContext, source: FeedSource): Promise<Reply> {
  const feedType = ctx.query.get('feedType');
  if (feedType === null || feedType === '') return missingParam('GMP_FEED_API', 'feedType');
  const known = FEED_TYPES[source].includes(feedType) || (await ctx.state.specs.hasFeedType(feedType));
  if (!known) {
    const other = source === 'marketplace' ? 'POST /v3/feeds/items' : 'POST /v3/feeds';
    return badParam('GMP_FEED_API', 'feedType', `feedType ${feedType} is not taken here; use one of ${FEED_TYPES[source].join(', ')} (or ${other}).`);
  }
  const extracted = extractUpload(ctx.body, header(ctx, 'content-type'), ctx.options.maxFeedBytes);
  if ('reply' in extracted) return extracted.reply;
  const { upload } = extracted;
  const parsed = parseFeed(upload.text);
  if (parsed.ok && parsed.doc.items.length > ctx.options.maxFeedItems) {
    return errorReply('REQUEST_ENTITY_TOO_LARGE', 'GMP_FEED_API', {
      field: 'file',
      description: `The feed has ${parsed.doc.items.length} items; this API takes at most ${ctx.options.maxFeedItems} per feed. Split it.`,
    });
  }
  const { state, options } = ctx;
  const now = options.clock.now();
  const feed: FeedRecord = {
    feedId: state.ids.feedId(),
    feedType,
    source,
    partnerId: options.partnerId,
    channelType: header(ctx, 'WM_CONSUMER.CHANNEL.TYPE'),
    fileName: upload.fileName,
    activityId: state.ids.activityId(),
    status: 'RECEIVED',
    submittedAt: now,
    modifiedAt: now,
    bytes: upload.bytes,
    itemsReceived: 0,
    itemsSucceeded: 0,
    itemsFailed: 0,
    itemsProcessing: 0,
    itemDataErrorCount: 0,
    itemSystemErrorCount: 0,
    itemTimeoutErrorCount: 0,
    items: [],
    feedErrors: [],
    spec: undefined,
  };
  state.feeds.add(feed);
  state.processor.submit(feed, parsed);
  return { status: 200, body: { feedId: feed.feedId } };
}

function itemDetail(i: ItemStatus): Record<string, unknown> {
  return {
    martId: 0,
    sku: i.sku,
    wpid: i.wpid,
    index: i.index,
    itemid: i.itemId,
    productIdentifiers: { productIdentifier: i.productIdentifiers.map((p) => ({ productIdType: p.productIdType, productId: p.productId })) },
    ingestionStatus: i.ingestionStatus,
    ...(i.ingestionErrors.length > 0 ? { ingestionErrors: { ingestionError: i.ingestionErrors } } : {}),
  };
}

function feedStatus(ctx: RequestContext): Reply {
  const feed = ctx.state.feeds.get(ctx.params.feedId ?? '');
  if (feed === undefined) return notFound('GMP_FEED_API', `No feed found for feedId ${ctx.params.feedId ?? ''}; check the ID (feeds are kept only as long as the emulator runs).`, 'feedId');
  const details = boolParam(ctx.query, 'includeDetails', 'GMP_FEED_API', true);
  if ('reply' in details) return details.reply;
  const limit = intParam(ctx.query, 'limit', 'GMP_FEED_API', MAX_DETAIL_LIMIT, 1, MAX_DETAIL_LIMIT);
  if ('reply' in limit) return limit.reply;
  let offset = intParam(ctx.query, 'offset', 'GMP_FEED_API', 0, 0, Number.MAX_SAFE_INTEGER);
  if ('reply' in offset) return offset.reply;
  const cursor = ctx.query.get('nextCursor');
  if (cursor !== null && cursor !== '') {
    const c = decodeCursor(cursor) as { o?: unknown } | undefined;
    if (typeof c?.o !== 'number') return badParam('GMP_FEED_API', 'nextCursor', 'nextCursor is not one this API returned; pass the value from the previous response.');
    offset = { value: c.o };
  }
  const body: Record<string, unknown> = {
    feedId: feed.feedId,
    activityId: feed.activityId,
    feedStatus: feed.status,
    feedSubmissionDate: feed.submittedAt,
    itemsReceived: feed.itemsReceived,
    itemsSucceeded: feed.itemsSucceeded,
    itemsFailed: feed.itemsFailed,
    itemsProcessing: feed.itemsProcessing,
    offset: offset.value,
    limit: limit.value,
  };
  if (feed.status === 'ERROR' && feed.feedErrors.length > 0) body.ingestionErrors = { ingestionError: feed.feedErrors };
  // Item details exist once processing has started (Walmart: INPROGRESS or PROCESSED).
  if (details.value && (feed.status === 'INPROGRESS' || feed.status === 'PROCESSED')) {
    const page = feed.items.slice(offset.value, offset.value + limit.value);
    body.itemDetails = { itemIngestionStatus: page.map(itemDetail) };
    if (offset.value + limit.value < feed.items.length) body.nextCursor = encodeCursor({ o: offset.value + limit.value });
  }
  return { status: 200, body };
}

function feedSummary(f: FeedRecord): Record<string, unknown> {
  return {
    feedId: f.feedId,
    feedSource: f.source === 'marketplace' ? 'MARKETPLACE_PARTNER' : 'SUPPLIER',
    feedType: f.feedType,
    partnerId: f.partnerId,
    itemsReceived: f.itemsReceived,
    itemsSucceeded: f.itemsSucceeded,
    itemsFailed: f.itemsFailed,
    itemsProcessing: f.itemsProcessing,
    feedStatus: f.status,
    feedDate: f.submittedAt,
    modifiedDtm: f.modifiedAt,
    fileName: f.fileName,
    itemDataErrorCount: f.itemDataErrorCount,
    itemSystemErrorCount: f.itemSystemErrorCount,
    itemTimeoutErrorCount: f.itemTimeoutErrorCount,
    channelType: f.channelType,
    activityId: f.activityId,
  };
}

function listFeeds(ctx: RequestContext): Reply {
  const limit = intParam(ctx.query, 'limit', 'GMP_FEED_API', MAX_LIST_LIMIT, 1, MAX_LIST_LIMIT);
  if ('reply' in limit) return limit.reply;
  const offset = intParam(ctx.query, 'offset', 'GMP_FEED_API', 0, 0, Number.MAX_SAFE_INTEGER);
  if ('reply' in offset) return offset.reply;
  const status = stringParam(ctx.query, 'feedStatus');
  if (status !== undefined && !['RECEIVED', 'INPROGRESS', 'PROCESSED', 'ERROR'].includes(status.toUpperCase())) {
    return badParam('GMP_FEED_API', 'feedStatus', `feedStatus must be RECEIVED, INPROGRESS, PROCESSED or ERROR, not "${status}".`);
  }
  const all = ctx.state.feeds.list({ feedId: stringParam(ctx.query, 'feedId'), feedType: stringParam(ctx.query, 'feedType'), feedStatus: status });
  const page = all.slice(offset.value, offset.value + limit.value);
  return { status: 200, body: { totalResults: all.length, offset: offset.value, limit: limit.value, results: { feed: page.map(feedSummary) } } };
}

export const feedRoutes: readonly Route[] = [
  { method: 'POST', pattern: '/v3/feeds', api: 'feedSubmit', auth: true, body: 'feed', submitsFeed: true, handler: (ctx) => submit(ctx, 'marketplace') },
  { method: 'POST', pattern: '/v3/feeds/items', api: 'feedSubmit', auth: true, body: 'feed', submitsFeed: true, handler: (ctx) => submit(ctx, 'supplier') },
  { method: 'GET', pattern: '/v3/feeds', api: 'feedList', auth: true, body: 'small', handler: listFeeds },
  { method: 'GET', pattern: '/v3/feeds/{feedId}', api: 'feedStatus', auth: true, body: 'small', handler: feedStatus },
];
