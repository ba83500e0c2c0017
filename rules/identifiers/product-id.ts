// What the identifier rules share: reading Product Identifiers off a record, and the words for IDs in messages.
// The duplicates pack reads product IDs through here too, so both packs agree on what a record's ID is.
import type { RecordView, RuleFinding, TitleOf } from '../../src/core/rule.js';
import type { IdFormat, ProductIdCheck, ProductIdProblem, ProductIdType } from '../../src/core/gtin.js';
import { checkProductId, toProductIdType } from '../../src/core/gtin.js';
import { perRecord } from '../per-record.js';

export const PRODUCT_IDENTIFIERS = 'productIdentifiers';
export const PRODUCT_ID = 'productId';

export interface ProductIdentifier {
  /** Product ID Type as given, for messages. */
  declared: string;
  type: ProductIdType;
  /** Product ID, trimmed. */
  id: string;
  check: ProductIdCheck;
}

/**
 * The record's product ID and its check, or undefined when there is none to check (the schema reports missing
 * fields). A number is read back as digits: JSON feeds and coerced spreadsheets carry IDs that way, leading zeros lost.
 * Checked once per record: every identifier rule and duplicates.product_id read it, and the result is read-only.
 */
export const readProductId: (record: RecordView) => ProductIdentifier | undefined = perRecord(productIdOf);

function productIdOf(record: RecordView): ProductIdentifier | undefined {
  const value = record.get(PRODUCT_IDENTIFIERS);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { productIdType, productId } = value as Record<string, unknown>;
  const id =
    typeof productId === 'string'
      ? productId.trim()
      : typeof productId === 'number' && Number.isSafeInteger(productId) && productId >= 0
        ? String(productId)
        : '';
  if (id === '') return undefined;
  const declared = typeof productIdType === 'string' ? productIdType.trim() : '';
  return { declared, type: toProductIdType(declared), id, check: checkProductId(declared, id) };
}

/** The types checked by GS1 arithmetic; ISBN and ISSN have rules of their own. */
export function isGs1Type(type: ProductIdType): type is 'GTIN' | 'UPC' | 'EAN' {
  return type === 'GTIN' || type === 'UPC' || type === 'EAN';
}

/** A finding on Product Identifiers › Product ID; params always carry the value seen and its declared type. */
export function productIdFinding(
  code: string,
  identifier: ProductIdentifier,
  params: Record<string, unknown> = {},
): RuleFinding {
  return {
    code,
    attribute: PRODUCT_IDENTIFIERS,
    subPath: PRODUCT_ID,
    params: { productId: identifier.id, productIdType: identifier.declared, ...params },
  };
}

/** `Product Identifiers: Product ID "036000291452"`, the opening of every identifier message. */
export function seen(finding: RuleFinding, titleOf: TitleOf): string {
  return `${titleOf(PRODUCT_IDENTIFIERS)}: Product ID "${text(finding.params.productId)}"`;
}

/** A param as text for a message; absent params read as ''. */
export function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** Article and name for a type or format in prose: "a UPC", "an EAN", "an ISBN-10". */
export function describe(typeOrFormat: string): string {
  const names: Readonly<Record<string, string>> = {
    'GTIN-8': 'EAN-8 (GTIN-8)',
    'GTIN-12': 'UPC (GTIN-12)',
    'GTIN-13': 'EAN (GTIN-13)',
    'GTIN-14': 'GTIN-14',
    'UPC-E': 'UPC-E',
  };
  const name = names[typeOrFormat] ?? typeOrFormat;
  // By sound, not spelling: "a UPC", "an EAN".
  return `${/^[AEIO]/.test(name) ? 'an' : 'a'} ${name}`;
}

/** "12", "12 or 8", "14, 13, 12 or 8"; with `and` for lists of things all present. */
export function either(values: readonly unknown[], conjunction: 'or' | 'and' = 'or'): string {
  const words = values.map(text);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} ${conjunction} ${words.at(-1) ?? ''}`;
}

export function isFormat(value: unknown, ...formats: IdFormat[]): boolean {
  return formats.some((f) => f === value);
}

type ParamsByProblem = { [K in ProductIdProblem as K['problem']]: K['params'] };

/** The check's params when it found this problem, else undefined. */
export function problemParams<P extends keyof ParamsByProblem>(
  identifier: ProductIdentifier,
  problem: P,
): ParamsByProblem[P] | undefined {
  const { check } = identifier;
  if (check.ok || check.problem !== problem) return undefined;
  // The cast restates what the test above proved; TypeScript does not narrow a union through a generic key.
  return check.params as ParamsByProblem[P];
}
