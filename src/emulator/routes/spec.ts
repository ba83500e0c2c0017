// POST /v3/items/spec (Get Spec: up to 20 product types; 207 with `errors` when some are unknown) and
// GET /v3/items/taxonomy (the emulated category -> group -> product type tree), both from the cache.
import type { RequestContext } from '../context.js';
import { errorReply, missingParam, notFound } from '../envelope.js';
import { isPlainObject } from '../../sources/feed-document.js';
import type { Reply } from '../reply.js';
import type { Route } from '../router.js';

/** Walmart's cap on product types per Get Spec call. */
export const MAX_SPEC_PRODUCT_TYPES = 20;

function contentError(field: string, description: string): Reply {
  return errorReply('INVALID_REQUEST_CONTENT', 'GMP_ITEM_SPEC_API', { field, description });
}

async function getSpec(ctx: RequestContext): Promise<Reply> {
  let body: unknown;
  try {
    body = JSON.parse(ctx.body.toString('utf8'));
  } catch {
    return errorReply('MALFORMED_REQUEST_CONTENT', 'GMP_ITEM_SPEC_API', { field: 'body', description: 'The request body is not JSON; send {"feedType", "version", "productTypes"}.' });
  }
  if (!isPlainObject(body)) return contentError('body', 'The request body must be a JSON object with feedType, version and productTypes.');
  const { feedType, version, productTypes } = body;
  if (typeof feedType !== 'string' || feedType === '') return contentError('feedType', 'feedType is required, e.g. "MP_ITEM".');
  if (typeof version !== 'string' || version === '') return contentError('version', 'version is required, e.g. "4.3" or "5.0.20250828-17_32_59-api".');
  if (!Array.isArray(productTypes) || productTypes.length === 0 || !productTypes.every((p): p is string => typeof p === 'string' && p !== '')) {
    return contentError('productTypes', 'productTypes must be a non-empty list of product type names.');
  }
  if (productTypes.length > MAX_SPEC_PRODUCT_TYPES) {
    return contentError('productTypes', `productTypes has ${productTypes.length} entries; ask for at most ${MAX_SPEC_PRODUCT_TYPES} per request.`);
  }
  const answer = await ctx.state.specs.spec(feedType, version, productTypes);
  if (answer.kind === 'no-spec') return notFound('GMP_ITEM_SPEC_API', `No spec is available for ${feedType}/${version}.`);
  if (answer.kind === 'no-types') return errorReply('INVALID_REQUEST_CONTENT', 'GMP_ITEM_SPEC_API', ...answer.errors.map((description) => ({ field: 'productTypes', description })));
  return { status: answer.status, text: answer.text };
}

async function taxonomy(ctx: RequestContext): Promise<Reply> {
  const version = ctx.query.get('version');
  if (version === null || version === '') return missingParam('GMP_ITEM_QUERY_API', 'version');
  const tree = await ctx.state.specs.taxonomy(version);
  if (tree === undefined) return notFound('GMP_ITEM_QUERY_API', `No taxonomy for version ${version}.`);
  return { status: 200, body: { itemTaxonomy: tree, status: 'SUCCESS' } };
}

export const specRoutes: readonly Route[] = [
  { method: 'POST', pattern: '/v3/items/spec', api: 'itemsSpec', auth: true, requiredHeaders: ['WM_SVC.NAME'], body: 'small', handler: getSpec },
  { method: 'GET', pattern: '/v3/items/taxonomy', api: 'taxonomy', auth: true, body: 'small', handler: taxonomy },
];
