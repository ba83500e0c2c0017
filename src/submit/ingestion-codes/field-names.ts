// Which `field`s of an ingestion error are attributes, and what to call them: the spec's title when the
// caller knows it, else the field name in words. Walmart's pseudo-fields (QARTH, ISO, PDI, RNA, PCF,
// "Defects Platform", Item) name Walmart's own systems, not something a merchandiser can fill in.
import { humanize } from '../../compile/attributes.js';
import type { ExplainContext } from '../explain-ingestion.js';

const PSEUDO_FIELDS = new Set(['item', 'feed', 'file', 'defects platform', 'unknown']);

/** Field names whose words would read wrongly: the spec calls it a product type. */
const ALIASES: Readonly<Record<string, string>> = { specProductType: 'Product Type' };

const ACRONYMS = new Set(['sku', 'gtin', 'upc', 'ean', 'isbn', 'issn', 'id', 'url', 'gsm', 'msrp', 'mpn', 'ppu']);
const SMALL_WORDS = new Set(['a', 'an', 'and', 'or', 'of', 'per', 'the', 'to', 'in', 'for', 'on', 'with']);

/** Whether `field` names an attribute of the item rather than one of Walmart's systems. */
export function isAttributeField(field: string | undefined, ctx: ExplainContext): field is string {
  if (field === undefined) return false;
  // QARTH, ISO, PDI, RNA, PCF, SYSTEM_ERROR: upper-case codes are Walmart's systems, never attributes.
  if (/^[A-Z0-9_]+$/.test(field) || PSEUDO_FIELDS.has(field.toLowerCase())) return false;
  if (ctx.titleOf?.(field) !== undefined) return true;
  return /^[A-Za-z][A-Za-z0-9_.]{0,199}$/.test(field);
}

/** "grams_per_square_meter_gsm" -> "Grams per Square Meter GSM"; "productIdentifiers.productId" -> "Product ID". */
export function fieldInWords(field: string): string {
  const leaf = field.slice(field.lastIndexOf('.') + 1);
  const alias = ALIASES[leaf];
  if (alias !== undefined) return alias;
  return humanize(leaf)
    .split(' ')
    .filter((w) => w.length > 0)
    .map((w, i) => {
      const lower = w.toLowerCase();
      if (ACRONYMS.has(lower)) return lower === 'id' ? 'ID' : lower.toUpperCase();
      if (i > 0 && SMALL_WORDS.has(lower)) return lower;
      return w.charAt(0).toUpperCase() + w.slice(1);
    })
    .join(' ');
}

/** The spec's title for `field`, when the caller knows it. */
export function specTitle(field: string, ctx: ExplainContext): string | undefined {
  const title = ctx.titleOf?.(field);
  return title !== undefined && title.trim().length > 0 ? title.trim() : undefined;
}
