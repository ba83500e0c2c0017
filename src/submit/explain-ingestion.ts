// Walmart's item-level ingestion errors in a merchandiser's words: what went wrong and what to do.
// Codes whose meaning is known get plain words and an action; unknown codes pass through with
// Walmart's own description.
import type { IngestionError } from '../walmart/ingestion-errors.js';

export type IngestionErrorCategory = 'data' | 'duplicate' | 'review' | 'not_found' | 'stale' | 'file' | 'system' | 'unknown';

export interface ExplainedIngestionError {
  /** Walmart's code, unchanged. */
  code: string;
  /** Stable catalog-gate issue code for reports: `walmart.<category>`. */
  issueCode: string;
  category: IngestionErrorCategory;
  /** The spec attribute the error is about, when `field` names one (not QARTH, ISO…). */
  attribute?: string;
  /** Plain words for a merchandiser. */
  message: string;
  /** What to do about it, when known. */
  action?: string;
  /** Walmart's own description, kept for support tickets. */
  walmartDescription?: string;
  /** Whether sending the same record again later may succeed without changing it. */
  retryable: boolean;
  /** Whether the code's meaning is known to catalog-gate. */
  known: boolean;
}

export interface ExplainContext {
  /** The attribute's title in the spec ("Fabric Material Name"), if known. */
  titleOf?: (attribute: string) => string | undefined;
}

/** Placeholder: passes Walmart's description through. A fuller catalog replaces this. */
export function explainIngestionError(e: IngestionError, _ctx: ExplainContext = {}): ExplainedIngestionError {
  const out: ExplainedIngestionError = {
    code: e.code,
    issueCode: 'walmart.unknown',
    category: 'unknown',
    message: e.description ?? `Walmart reported ${e.code}.`,
    retryable: e.type === 'SYSTEM_ERROR' || e.type === 'TIMEOUT_ERROR',
    known: false,
  };
  if (e.description !== undefined) out.walmartDescription = e.description;
  return out;
}
