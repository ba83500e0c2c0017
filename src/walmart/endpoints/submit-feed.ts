// Feed submission: POST /v3/feeds?feedType= (marketplace, and supplier feeds other than item setup) or
// POST /v3/feeds/items?feedType=OMNI_DSV_ITEM|OMNI_ONLINE_ITEM|OMNI_OWNED_ITEM (supplier item setup).
// Not idempotent: a retry happens only where Walmart provably did not take the feed (see retry-policy.ts);
// a connection lost after sending raises WALMART_OUTCOME_UNKNOWN so the caller looks the feed up first.
import * as z from 'zod';
import type { CallOptions, WalmartClient } from '../client.js';
import { parseJsonBody } from '../client.js';
import { multipartFile } from '../multipart.js';
import { feedSubmitPath } from '../profiles.js';
import { parseShape } from '../response-shape.js';

export interface SubmitFeedParams {
  feedType: string;
  /** The feed file: bytes or text as is, anything else through JSON.stringify. */
  body: string | Uint8Array | object;
  /** Name of the multipart file part; default `feed.json`. */
  fileName?: string;
  /** multipart/form-data with a `file` part (default, as Walmart documents) or the JSON body itself. */
  multipart?: boolean;
}

export interface SubmitFeedResult {
  readonly feedId: string;
  readonly route: string;
  readonly correlationId: string;
}

const submitResponse = z.looseObject({ feedId: z.string().min(1) });

/** The rate-limit key (method + path) a feed of this type is submitted under. */
export function feedSubmitRoute(feedType: string): string {
  return `POST ${feedSubmitPath(feedType)}`;
}

export async function submitFeed(client: WalmartClient, params: SubmitFeedParams, options: CallOptions = {}): Promise<SubmitFeedResult> {
  const path = feedSubmitPath(params.feedType);
  const route = feedSubmitRoute(params.feedType);
  const content = typeof params.body === 'string' || params.body instanceof Uint8Array ? params.body : JSON.stringify(params.body);
  const payload =
    params.multipart === false
      ? { contentType: 'application/json', body: content }
      : multipartFile(content, { fileName: params.fileName ?? 'feed.json', contentType: 'application/json' });
  const response = await client.call(
    {
      method: 'POST',
      route,
      path,
      query: { feedType: params.feedType },
      headers: { 'Content-Type': payload.contentType },
      body: payload.body,
      idempotent: false,
    },
    options,
  );
  const { feedId } = parseShape(submitResponse, parseJsonBody(response, route), response, route, 'feed receipt');
  return { feedId, route, correlationId: response.correlationId };
}
