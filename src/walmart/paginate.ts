// Walking Walmart's paged lists: nextCursor when the response offers one (preferred), offset/limit when
// that is all there is (feed lists, feed item details). Stops on an empty page, on the last offset page,
// and fails rather than loop forever on a cursor that repeats.
import { WalmartResponseError } from './errors.js';

export type PageRequest = { readonly cursor: string } | { readonly offset: number } | undefined;

export interface PageInfo {
  /** Records on this page. */
  readonly count: number;
  readonly nextCursor?: string | undefined;
  /** Total records, when the response says. */
  readonly total?: number | undefined;
}

export interface PaginateOptions {
  /** Page size asked for: a shorter offset page is the last one when no total is given. */
  readonly limit: number;
  /** Whether offset/limit may be used when there is no cursor. */
  readonly offsets: boolean;
  /** For the error message on a cursor loop. */
  readonly route: string;
}

/**
 * The request for the page after `request`, whose answer `info` describes, or 'end'. Pure (the cursors
 * seen so far are the only state, and the caller keeps them), so a walk can stop on a failed page and
 * resume there later.
 */
export function nextPageRequest(request: PageRequest, info: PageInfo, seen: Set<string>, options: PaginateOptions): PageRequest | 'end' {
  if (info.count === 0) return 'end';
  const cursor = info.nextCursor;
  if (cursor !== undefined && cursor !== '') {
    if (seen.has(cursor)) {
      throw new WalmartResponseError(`Walmart returned the same nextCursor twice for ${options.route}; stopped paging to avoid a loop.`, { route: options.route });
    }
    seen.add(cursor);
    return { cursor };
  }
  // Once paging by cursor, a page without one is the last: never fall back to offsets mid-walk.
  if (!options.offsets || (request !== undefined && 'cursor' in request)) return 'end';
  const offset = (request?.offset ?? 0) + info.count;
  if (info.total !== undefined ? offset >= info.total : info.count < options.limit) return 'end';
  return { offset };
}

export async function* paginate<P>(
  fetchPage: (request: PageRequest) => Promise<P>,
  infoOf: (page: P) => PageInfo,
  options: PaginateOptions,
): AsyncGenerator<P, void, undefined> {
  const seen = new Set<string>();
  let request: PageRequest | 'end' = undefined;
  while (request !== 'end') {
    const page: P = await fetchPage(request);
    yield page;
    request = nextPageRequest(request, infoOf(page), seen, options);
  }
}
