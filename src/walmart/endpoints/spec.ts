// Get Spec (POST /v3/items/spec): the JSON Schema for a feed type, version and product types. Walmart takes
// at most 20 product types per request, so larger lists are sent as sequential chunks (sequential to respect
// the API's low rate limit). A 207 keeps the good types and reports the bad ones listed in its `errors`.
import { UsageError } from '../../core/errors.js';
import type { CallOptions, WalmartClient } from '../client.js';
import { parseJsonBody } from '../client.js';
import { parseErrorEnvelope } from '../envelope.js';

export const SPEC_ROUTE = 'POST /v3/items/spec';
export const MAX_PRODUCT_TYPES_PER_SPEC_REQUEST = 20;

export interface GetSpecParams {
  feedType: string;
  version: string;
  productTypes: readonly string[];
}

export interface SpecPart {
  readonly productTypes: readonly string[];
  /** 200, or 207 when some product types were refused. */
  readonly status: number;
  /** The body as sent: parse it with the lossless parser, the specs hold numbers JSON.parse cannot. */
  readonly text: string;
  /** The body through JSON.parse, for convenience (huge numbers become Infinity). */
  readonly schema: unknown;
  /** The `errors` list of the body, as text. */
  readonly errors: readonly string[];
  readonly correlationId: string;
}

export interface RejectedProductType {
  readonly productType: string;
  readonly message: string;
}

export interface GetSpecResult {
  readonly parts: readonly SpecPart[];
  /** Requested product types Walmart did not complain about. */
  readonly accepted: readonly string[];
  readonly rejected: readonly RejectedProductType[];
  /** Errors naming none of the requested product types. */
  readonly otherErrors: readonly string[];
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The requested product type an error message is about: the longest one named as a whole word. */
export function productTypeNamedIn(message: string, productTypes: readonly string[]): string | undefined {
  const hits = productTypes.filter((pt) => new RegExp(`(^|[^\\w-])${escapeRegExp(pt)}($|[^\\w-])`).test(message));
  return hits.sort((a, b) => b.length - a.length)[0];
}

function errorTexts(data: unknown): string[] {
  if (typeof data !== 'object' || data === null || !('errors' in data)) return [];
  return parseErrorEnvelope({ errors: data.errors }).map((d) => [d.code, d.description ?? d.info].filter((s) => s !== undefined).join(': '));
}

export async function getSpec(client: WalmartClient, params: GetSpecParams, options: CallOptions = {}): Promise<GetSpecResult> {
  const productTypes = [...new Set(params.productTypes.map((p) => p.trim()).filter((p) => p !== ''))];
  if (productTypes.length === 0) throw new UsageError('Get Spec needs at least one product type (--product-type).');
  const parts: SpecPart[] = [];
  const rejected: RejectedProductType[] = [];
  const otherErrors: string[] = [];
  for (const group of chunk(productTypes, MAX_PRODUCT_TYPES_PER_SPEC_REQUEST)) {
    const response = await client.call(
      {
        method: 'POST',
        route: SPEC_ROUTE,
        path: '/v3/items/spec',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ feedType: params.feedType, version: params.version, productTypes: group }),
        // Reading a spec twice is harmless, so it retries like a GET.
        idempotent: true,
      },
      options,
    );
    const schema = parseJsonBody(response, SPEC_ROUTE);
    const errors = errorTexts(schema);
    for (const message of errors) {
      const productType = productTypeNamedIn(message, group);
      if (productType === undefined) otherErrors.push(message);
      else if (!rejected.some((r) => r.productType === productType)) rejected.push({ productType, message });
    }
    parts.push({ productTypes: group, status: response.status, text: response.body.toString('utf8'), schema, errors, correlationId: response.correlationId });
  }
  const bad = new Set(rejected.map((r) => r.productType));
  return { parts, accepted: productTypes.filter((p) => !bad.has(p)), rejected, otherErrors };
}
