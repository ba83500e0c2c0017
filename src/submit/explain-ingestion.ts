// Walmart's item-level ingestion errors in a merchandiser's words: what went wrong and what to do.
// Codes whose meaning is known get plain words and an action; unknown codes pass through with
// Walmart's own description.
import type { IngestionError } from '../walmart/ingestion-errors.js';
import { plainDescription } from './ingestion-codes/description-text.js';
import { fieldInWords, isAttributeField, specTitle } from './ingestion-codes/field-names.js';
import { recognise } from './ingestion-codes/index.js';
import type { Situation } from './ingestion-codes/index.js';

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
  /** For a known error, the situation's stable name (required_attribute, compliance_review, stale_update…). */
  kind?: string;
}

export interface ExplainContext {
  /** The attribute's title in the spec ("Fabric Material Name"), if known. */
  titleOf?: (attribute: string) => string | undefined;
  /** The feed type the item was sent in (MP_ITEM, RETIRE_ITEM…), which changes some actions. */
  feedType?: string;
}

/** The issue code reports use for a category. */
export function ingestionIssueCode(category: IngestionErrorCategory): string {
  return `walmart.${category}`;
}

/** Codes Walmart files under item data (EXT_DATA_ERROR_…, ERR_EXT_DATA_…), including the emulator's hashed ones. */
const DATA_CODE = /^(?:ERR_)?EXT_DATA/i;

function situation(e: IngestionError, ctx: ExplainContext, attribute: string | undefined, text: string): Situation {
  const s: Situation = { error: e, text, match: null };
  if (attribute !== undefined) {
    const title = specTitle(attribute, ctx);
    if (title !== undefined) s.title = title;
    s.fieldName = fieldInWords(attribute);
  }
  if (ctx.feedType !== undefined) s.feedType = ctx.feedType;
  return s;
}

/** Unknown codes: Walmart's words as they are; the category from the error's type or code family. */
function passThrough(e: IngestionError, text: string): Pick<ExplainedIngestionError, 'category' | 'message'> {
  const category: IngestionErrorCategory = e.type?.toUpperCase() === 'DATA_ERROR' || DATA_CODE.test(e.code) ? 'data' : 'unknown';
  const field = e.field === undefined ? '' : ` on ${e.field}`;
  const message = text.length > 0 ? text : `Walmart reported error ${e.code}${field} without saying more.`;
  return { category, message };
}

/** Plain words, an action and a category for one of Walmart's ingestion errors. */
export function explainIngestionError(e: IngestionError, ctx: ExplainContext = {}): ExplainedIngestionError {
  const text = plainDescription(e.description);
  const attribute = isAttributeField(e.field, ctx) ? e.field : undefined;
  const found = recognise(e.code, text, e.type);
  let out: ExplainedIngestionError;
  if (found === undefined) {
    const { category, message } = passThrough(e, plainDescription(e.description, Number.MAX_SAFE_INTEGER));
    out = { code: e.code, issueCode: ingestionIssueCode(category), category, message, retryable: false, known: false };
  } else {
    const s = situation(e, ctx, attribute, text);
    s.match = found.match;
    const { message, action } = found.known.explain(s);
    const { category, retryable, kind } = found.known;
    out = { code: e.code, issueCode: ingestionIssueCode(category), category, message, action, retryable, known: true, kind };
  }
  if (attribute !== undefined) out.attribute = attribute;
  if (e.description !== undefined) out.walmartDescription = e.description;
  return out;
}
