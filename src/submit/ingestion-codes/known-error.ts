// What catalog-gate knows about one kind of ingestion error: how to recognise it (by a stable code, by the
// template of its description, or by its error type) and how to say it to a merchandiser.
import type { IngestionErrorCategory } from '../explain-ingestion.js';
import type { IngestionError } from '../../walmart/ingestion-errors.js';
import { plainDescription, shorten } from './description-text.js';

/** One error as the explainer sees it. */
export interface Situation {
  error: IngestionError;
  /** Walmart's description as plain text, cut to the length templates are matched on. */
  text: string;
  /** The template's match on `text`, when a template recognised it. */
  match: RegExpExecArray | null;
  /** The spec's title of the attribute in `field`, when the caller knows it. */
  title?: string;
  /** The attribute in `field` in words, when `field` is an attribute. */
  fieldName?: string;
  /** The feed type the item was sent in, when the caller knows it (MP_ITEM, RETIRE_ITEM…). */
  feedType?: string;
}

export interface Explanation {
  message: string;
  action: string;
}

export interface KnownIngestionError {
  /** Stable name of the situation: required_attribute, compliance_review… */
  kind: string;
  category: Exclude<IngestionErrorCategory, 'unknown'>;
  /** Whether sending the same record again later may succeed without changing it. */
  retryable: boolean;
  /** Codes Walmart documents with one meaning. */
  codes?: readonly string[];
  /** A description template; linear patterns only (bounded classes, no nested quantifiers). */
  test?: RegExp;
  /** Error types (SYSTEM_ERROR…) that settle the meaning when neither code nor description does. */
  types?: readonly string[];
  explain(s: Situation): Explanation;
}

/** The attribute's name: the spec's title, else what Walmart's text calls it, else the field in words. */
export function nameOf(s: Situation, fromText?: string): string | undefined {
  return s.title ?? (fromText !== undefined && fromText.trim().length > 0 ? fromText.trim() : undefined) ?? s.fieldName;
}

/** ` Walmart said: "…".` for errors whose description carries details the plain words do not. */
export function said(s: Situation, max = 240): string {
  const text = plainDescription(s.error.description);
  return text.length === 0 ? '' : ` Walmart said: "${shorten(text, max)}"`;
}

/** Capture group `i` of the match, or of `re` run on the text. */
export function group(s: Situation, i: number, re?: RegExp): string | undefined {
  const m = re === undefined ? s.match : re.exec(s.text);
  const v = m?.[i];
  return v === undefined || v.trim().length === 0 ? undefined : v.trim();
}
