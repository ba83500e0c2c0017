// Item-level errors in Walmart's words: {type, code, field, description}. Engine issues get a stable
// ERR_EXT_DATA_ code per issue code (Walmart's numbering is not public, so the number is a hash of the
// catalog-gate code: the same issue always maps to the same code); the checks only a server can make use
// the codes Walmart documents for them.
import type { Issue } from '../../core/issue.js';
import type { IngestionError } from '../stores/feeds.js';

/** Title or price far from the existing listing for the product ID (Walmart's error docs). */
export const CATALOG_MISMATCH_CODE = 'ERR_EXT_DATA_0101116';
/** No item with this SKU to maintain (as Walmart reports it for SKUs it cannot find). */
export const UNKNOWN_SKU_CODE = 'EXT_DATA_ERROR_60745664660159';
/** The file could not be parsed at all. */
export const MALFORMED_FILE_CODE = 'ERR_PDI_0001';
/** The file parsed but its header or structure is invalid. */
export const INVALID_FILE_CODE = 'ERR_PDI_0034';
/** Anything the emulator itself failed at (Walmart's "An exception occurred"). */
export const SYSTEM_EXCEPTION_CODE = 'ERR_PDI_0004';

/** The Walmart-style code a catalog-gate issue code is reported under, e.g. schema.enum -> ERR_EXT_DATA_0xxxxxx. */
export function ingestionCodeFor(issueCode: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < issueCode.length; i++) h = Math.imul(h ^ issueCode.charCodeAt(i), 0x01000193) >>> 0;
  return `ERR_EXT_DATA_0${String(h % 1_000_000).padStart(6, '0')}`;
}

export function dataError(code: string, field: string, description: string): IngestionError {
  return { type: 'DATA_ERROR', code, field, description };
}

/** An engine issue as Walmart would report it: the message, then how to fix it. */
export function fromIssue(issue: Issue): IngestionError {
  const description = issue.hint === undefined ? issue.message : `${issue.message} ${issue.hint}`;
  return dataError(ingestionCodeFor(issue.code), issue.field, description);
}
