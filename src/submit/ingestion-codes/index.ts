// Every ingestion error catalog-gate can explain, in the order they are tried: description templates first
// (the most specific), then stable codes, then error types.
import { CATALOG_MISMATCH, DUPLICATE_ITEM, PRODUCT_ID_MISMATCH, SKU_TIED_TO_OTHER_ID } from './catalog-match.js';
import { INVALID_VALUE, OUT_OF_RANGE, REQUIRED_ATTRIBUTE, UNKNOWN_ATTRIBUTE, WRONG_DATA_TYPE } from './attribute-values.js';
import type { KnownIngestionError } from './known-error.js';
import { CATEGORY_APPROVAL, COMPLIANCE_REVIEW, CONTENT_STANDARDS, IP_CLAIM, PROHIBITED_PRODUCT } from './policy.js';
import { SKU_NOT_FOUND, SKU_RETIRED, STALE_UPDATE } from './sku-state.js';
import { INVALID_DATA, MALFORMED_DATA, SYSTEM_BUSY, SYSTEM_EXCEPTION, SYSTEM_TIMEOUT } from './system-and-file.js';

export type { KnownIngestionError, Situation, Explanation } from './known-error.js';

export const KNOWN_INGESTION_ERRORS: readonly KnownIngestionError[] = [
  STALE_UPDATE,
  COMPLIANCE_REVIEW,
  PROHIBITED_PRODUCT,
  IP_CLAIM,
  CONTENT_STANDARDS,
  CATEGORY_APPROVAL,
  SKU_NOT_FOUND,
  SKU_RETIRED,
  REQUIRED_ATTRIBUTE,
  UNKNOWN_ATTRIBUTE,
  WRONG_DATA_TYPE,
  OUT_OF_RANGE,
  INVALID_VALUE,
  CATALOG_MISMATCH,
  PRODUCT_ID_MISMATCH,
  SKU_TIED_TO_OTHER_ID,
  DUPLICATE_ITEM,
  SYSTEM_EXCEPTION,
  SYSTEM_TIMEOUT,
  SYSTEM_BUSY,
  MALFORMED_DATA,
  INVALID_DATA,
];

const BY_CODE: ReadonlyMap<string, KnownIngestionError> = new Map(KNOWN_INGESTION_ERRORS.flatMap((k) => (k.codes ?? []).map((c) => [c, k] as const)));

export interface Recognised {
  known: KnownIngestionError;
  match: RegExpExecArray | null;
}

/** What `code`, the plain `text` of its description and its `type` say the error is, if anything. */
export function recognise(code: string, text: string, type: string | undefined): Recognised | undefined {
  if (text.length > 0) {
    for (const known of KNOWN_INGESTION_ERRORS) {
      const match = known.test?.exec(text) ?? null;
      if (match !== null) return { known, match };
    }
  }
  const byCode = BY_CODE.get(code.toUpperCase());
  if (byCode !== undefined) return { known: byCode, match: null };
  if (type === undefined) return undefined;
  const upper = type.toUpperCase();
  const byType = KNOWN_INGESTION_ERRORS.find((k) => k.types?.includes(upper) === true);
  return byType === undefined ? undefined : { known: byType, match: null };
}
