// Item taxonomy (GET /v3/items/taxonomy): category -> product type group -> product type for a spec version.
import type { CallOptions, WalmartClient } from '../client.js';

export const TAXONOMY_ROUTE = 'GET /v3/items/taxonomy';

export interface GetTaxonomyParams {
  /** e.g. `5.0.20250828-17_32_59`; required by the supplier API, absent on older marketplace versions. */
  version?: string;
}

export async function getTaxonomy(client: WalmartClient, params: GetTaxonomyParams = {}, options: CallOptions = {}): Promise<unknown> {
  const { data } = await client.callJson(
    { method: 'GET', route: TAXONOMY_ROUTE, path: '/v3/items/taxonomy', query: { version: params.version } },
    options,
  );
  return data;
}
