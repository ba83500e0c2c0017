// Every issue code the engine can emit, with a title, help for people (what it means, how to fix it) and its
// default severity: the words SARIF rules, GitHub titles and docs share. Rule codes come from ALL_RULES.
import { ALL_RULES } from '../../rules/index.js';
import type { Severity } from '../core/issue.js';
import type { Rule } from '../core/rule.js';

export interface CodeEntry {
  code: string;
  /** A few words: "Value not in the allowed list". */
  title: string;
  /** What the issue means and how to fix it, in a sentence or three. */
  help: string;
  /** The severity the engine gives it unless the user's config says otherwise. */
  severity: Severity;
  /** For rule codes: the rule that emits it and its pack. */
  rule?: string;
  pack?: string;
  /** False for a code the catalogue does not know (describeCode's generic entry). */
  known: boolean;
}

type StaticEntry = Omit<CodeEntry, 'code' | 'known' | 'rule' | 'pack'>;

const ENGINE_CODES: Readonly<Record<string, StaticEntry>> = {
  'schema.required': {
    title: 'Required attribute missing',
    help: 'The spec requires this attribute and the item has no value for it. Fill it in (in a spreadsheet, the cell in its column) with a value the spec accepts.',
    severity: 'error',
  },
  'schema.conditional_required': {
    title: 'Attribute required by another answer',
    help: 'Another attribute\'s value, named in the message, makes this attribute required. Add it, or change the other attribute if it does not apply to this product.',
    severity: 'error',
  },
  'schema.type': {
    title: 'Wrong kind of value',
    help: 'The value is the wrong kind: text where the spec wants a number, one value where it wants a list, and so on. Enter it in the form the message names; number columns must hold plain numbers without currency symbols, units or thousands separators.',
    severity: 'error',
  },
  'schema.enum': {
    title: 'Value not in the allowed list',
    help: 'The attribute accepts only the values the spec lists. Use one of them exactly as spelled; the hint suggests the closest one where there is one.',
    severity: 'error',
  },
  'schema.const': {
    title: 'Value must be one fixed value',
    help: 'The spec allows exactly one value here. Enter the value the message names.',
    severity: 'error',
  },
  'schema.format': {
    title: 'Value not in the expected format',
    help: 'The value must be a full web address, a date, an email address or another format the message names. Rewrite it in that format, e.g. https://… for URLs and 2026-11-24 for dates.',
    severity: 'error',
  },
  'schema.too_long': {
    title: 'Text too long',
    help: 'The text has more characters than the spec allows. Shorten it to the limit the message gives.',
    severity: 'error',
  },
  'schema.too_short': {
    title: 'Text too short',
    help: 'The text has fewer characters than the spec requires. Complete it up to the length the message gives.',
    severity: 'error',
  },
  'schema.too_large': {
    title: 'Number too large',
    help: 'The number is above the largest value the spec allows. Check the unit and the value, and enter a number within the limit.',
    severity: 'error',
  },
  'schema.too_small': {
    title: 'Number too small',
    help: 'The number is below the smallest value the spec allows (often zero). Enter a number within the limit.',
    severity: 'error',
  },
  'schema.multiple_of': {
    title: 'Number has the wrong precision',
    help: 'The number must be a multiple of the step the spec sets, usually a limit on decimal places (0.01 for prices). Round it to that step.',
    severity: 'error',
  },
  'schema.unknown_attribute': {
    title: 'Attribute not in the spec',
    help: 'The item carries an attribute this product type\'s spec does not define, so Walmart rejects or ignores it. Check its spelling against the spec, or remove it.',
    severity: 'error',
  },
  'schema.too_few_items': {
    title: 'Too few values in the list',
    help: 'The list has fewer entries than the spec requires. Add entries up to the minimum the message gives.',
    severity: 'error',
  },
  'schema.too_many_items': {
    title: 'Too many values in the list',
    help: 'The list has more entries than the spec allows. Keep the most important ones, up to the maximum the message gives.',
    severity: 'error',
  },
  'schema.duplicate_items': {
    title: 'Same value listed twice',
    help: 'The list must not repeat a value. Remove the duplicate entries the message names.',
    severity: 'error',
  },
  'schema.pattern': {
    title: 'Value does not match the required pattern',
    help: 'The spec restricts which characters and layout the value may have. Rewrite it in the form the message describes.',
    severity: 'error',
  },
  'schema.no_match': {
    title: 'Value fits none of the allowed forms',
    help: 'The spec allows several forms for this attribute and the value fits none of them. The message names what the closest form is missing.',
    severity: 'error',
  },
  'schema.invalid': {
    title: 'Value rejected by the spec',
    help: 'The value breaks a rule of the spec that catalog-gate has no specific words for. Compare it with the attribute\'s definition in the spec.',
    severity: 'error',
  },
  'header.missing': {
    title: 'Feed header missing',
    help: 'A JSON feed starts with a header naming its spec version and other settings, and Walmart rejects a feed without one. Add the header the hint shows before the items.',
    severity: 'error',
  },
  'header.version_mismatch': {
    title: 'Feed header names another spec version',
    help: 'The header\'s spec version is not the one the feed is validated against, and Walmart reads the items by the header\'s version. Set the header\'s version to the one the message names, or validate against the version the header names.',
    severity: 'error',
  },
  'record.unknown_product_type': {
    title: 'Unknown product type',
    help: 'The item names a product type the spec version does not have. Use a product type from the spec (catalog-gate spec list shows them); the hint suggests the closest.',
    severity: 'error',
  },
  'record.product_type_missing': {
    title: 'Product type missing',
    help: 'The item does not say its product type, so it cannot be checked against a spec. Put its attributes under a Visible block named for the product type, or pass --product-type.',
    severity: 'error',
  },
  'record.product_type_ambiguous': {
    title: 'Several product types in one item',
    help: 'The item has more than one product-type block; an item has exactly one. Keep the block that describes the product and remove the others.',
    severity: 'error',
  },
  'source.ragged_row': {
    title: 'Row has more values than the header',
    help: 'The row has more values than the header has columns, usually because a value contains an unquoted delimiter, so values may sit under the wrong column. Put values that contain the delimiter in double quotes, or remove the extra values.',
    severity: 'error',
  },
  'source.cell_outside_header': {
    title: 'Values in columns without a header',
    help: 'The row has values to the right of the last named column; with no header they belong to no attribute and are ignored. Name those columns in the header row, or clear the cells.',
    severity: 'warning',
  },
  'source.unknown_column': {
    title: 'Column not in the spec',
    help: 'The header names a column that matches no attribute of the spec, so its values are not checked or sent. Rename it to the attribute\'s name or title as the spec spells it, or remove it.',
    severity: 'warning',
  },
  'source.ambiguous_column': {
    title: 'Column could be several attributes',
    help: 'The column\'s header matches more than one attribute of the product type, so it is not read. Name the column after one attribute (its dotted path works), or map it in the config\'s "columns".',
    severity: 'warning',
  },
  'source.not_applicable': {
    title: 'Value in a column this product type lacks',
    help: 'The column belongs to another product type in the sheet; this item\'s product type has no such attribute, so the value is not sent. Leave the cell empty for this product type.',
    severity: 'warning',
  },
  'source.duplicate_column': {
    title: 'Column header appears twice',
    help: 'Two columns have the same header, and only the first is read. Rename or remove the other one.',
    severity: 'error',
  },
  'source.duplicate_header': {
    title: 'Column header appears twice',
    help: 'Two columns have the same header, so it is unclear which value the item should get. Rename or remove one of them.',
    severity: 'error',
  },
  'source.leading_zeros_restored': {
    title: 'Leading zeros restored',
    help: 'The spreadsheet stored an identifier as a number and dropped its leading zeros; catalog-gate put them back where the check digit confirms them. Format the column as Text and enter the full value, so the file says what is sent.',
    severity: 'warning',
  },
  'source.scientific_notation': {
    title: 'Number in scientific notation',
    help: 'A long number such as a barcode was stored in scientific notation (1.23457E+11), which loses the digits after the sixth. Format the column as Text, type the full value again and export again.',
    severity: 'error',
  },
  'source.not_utf8': {
    title: 'File not saved as UTF-8',
    help: 'The CSV file is not UTF-8, so accented letters and symbols may read wrongly. Save it as "CSV UTF-8" and validate it again.',
    severity: 'warning',
  },
};

/**
 * Walmart's verdicts on items that were sent (src/submit/explain-ingestion.ts): one code per category of
 * ingestion error, `walmart.<category>`. The message says what Walmart saw and its hint what to do.
 */
const WALMART_CODES: Readonly<Record<string, StaticEntry>> = {
  'walmart.data': {
    title: 'Walmart rejected the item\'s data',
    help: 'Walmart accepted the feed but rejected this item\'s data: a required attribute missing, a value of the wrong kind or out of range, an attribute name Walmart does not know, details that do not match Walmart\'s catalog for the product ID, or content that breaks its standards. Fix the attribute the message names and send the item again.',
    severity: 'error',
  },
  'walmart.duplicate': {
    title: 'Walmart treats the item as a duplicate',
    help: 'Walmart found another item of yours that is the same product, or a SKU already tied to a different product ID, and did not process this one. Keep one SKU per product, or set the item up under a new SKU.',
    severity: 'error',
  },
  'walmart.review': {
    title: 'Held or blocked by a Walmart review',
    help: 'A compliance review, a policy decision (prohibited product, intellectual property claim) or a category that needs approval stops the item; changing its data alone does not help. Wait for the review, request approval, or appeal in Seller Center, as the message says.',
    severity: 'error',
  },
  'walmart.not_found': {
    title: 'Item not on Walmart',
    help: 'The update or retirement names a SKU Walmart has no item for, or one that was deleted or retired. Check the SKU; to sell the item, set it up again as a full item (MP_ITEM) before sending updates.',
    severity: 'error',
  },
  'walmart.stale': {
    title: 'Update already applied',
    help: 'Walmart had already applied this exact update, so it skipped the repeat. Nothing needs fixing; contact Walmart Partner Support only if the item on Walmart does not show the change.',
    severity: 'info',
  },
  'walmart.file': {
    title: 'Walmart could not read the feed',
    help: 'Walmart could not parse the feed data (malformed characters or structure), so it processed none of it. Remove broken characters, check the file against the current spec and send the feed again.',
    severity: 'error',
  },
  'walmart.system': {
    title: 'Walmart failed on its side',
    help: 'Walmart hit an internal error, a timeout or its rate limit while processing the item and reported nothing wrong with the data. Sending the item again unchanged later usually works; contact Walmart Partner Support with the feed ID if it keeps failing.',
    severity: 'error',
  },
  'walmart.unknown': {
    title: 'Error from Walmart',
    help: 'Walmart rejected the item with a code catalog-gate has no explanation for; the message is Walmart\'s own description. Fix what it names, or ask Walmart Partner Support, quoting the code and the feed ID.',
    severity: 'error',
  },
};

/**
 * What each rule emits, with a title per code. A rule that sets no `code:` in its findings emits its own id.
 * test/reports/code-catalog.test.ts scans the rule modules and fails when a rule emits a code missing here.
 */
const RULE_CODES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'identifiers.check_digit': { 'gtin.check_digit': 'Wrong check digit in GTIN, UPC or EAN' },
  'identifiers.isbn': {
    'isbn.not_numeric': 'ISBN has characters other than digits',
    'isbn.length': 'ISBN has the wrong length',
    'isbn.check_digit': 'Wrong check digit in ISBN',
  },
  'identifiers.issn': {
    'issn.not_numeric': 'ISSN has characters other than digits',
    'issn.length': 'ISSN has the wrong length',
    'issn.check_digit': 'Wrong check digit in ISSN',
  },
  'identifiers.length': { 'gtin.length': 'GTIN, UPC or EAN has the wrong number of digits' },
  'identifiers.not_gtin14': { 'gtin.not_gtin14': 'GTIN stored as 14 digits' },
  'identifiers.not_numeric': { 'gtin.not_numeric': 'GTIN, UPC or EAN has characters other than digits' },
  'identifiers.type_mismatch': { 'gtin.type_mismatch': 'Product ID Type does not match the product ID' },
  'identifiers.upc_e': { 'gtin.upc_e': 'UPC-E given instead of UPC-A' },
  'images.main_missing': { 'image.main_missing': 'No main image' },
  'images.no_extension': { 'image.no_extension': 'Image URL has no file type' },
  'images.not_https': { 'image.not_https': 'Image URL uses http' },
  'images.not_jpg': { 'image.not_jpg': 'Image is not a JPEG' },
  'images.not_square': { 'image.not_square': 'Image is not square' },
  'images.whitespace': { 'image.whitespace': 'Image URL contains spaces or control characters' },
  'warranty.url_required': { 'warranty.url_required': 'Warranty URL missing' },
  'warranty.text_required': { 'warranty.text_required': 'Warranty Text missing' },
  'prop65.warning_text_required': { 'prop65.warning_text_required': 'Prop 65 warning text missing' },
  'hazmat.required_attributes': { 'hazmat.required_attributes': 'Hazmat attributes missing' },
  'hazmat.has_batteries_contradiction': { 'hazmat.has_batteries_contradiction': 'Battery answers contradict each other' },
  'variants.names_missing': { 'variants.names_missing': 'Variant Attribute Names missing' },
  'variants.attribute_names_differ': { 'variants.attribute_names_differ': 'Variant group lists different attribute names' },
  'variants.missing_attribute_value': { 'variants.missing_attribute_value': 'Variant attribute has no value' },
  'variants.duplicate_combination': { 'variants.duplicate_combination': 'Two variants with the same values' },
  'variants.no_primary': { 'variants.no_primary': 'Variant group has no primary variant' },
  'variants.two_primaries': { 'variants.two_primaries': 'Variant group has several primary variants' },
  'variants.swatch_missing': { 'variants.swatch_missing': 'Variant swatch image missing' },
  'duplicates.sku': { 'duplicate.sku': 'SKU used by several records' },
  'duplicates.product_id': { 'duplicate.product_id': 'Product ID shared by different SKUs' },
};

/** The codes a rule emits: those listed for it above, else its id. */
export function ruleCodes(rule: Pick<Rule, 'id'>): string[] {
  const listed = RULE_CODES[rule.id];
  return listed === undefined ? [rule.id] : Object.keys(listed);
}

/** "variants.two_primaries" -> "Two primaries": a title for codes nobody wrote one for. */
function humanize(code: string): string {
  const name = code.slice(code.lastIndexOf('.') + 1).replace(/_/g, ' ');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function ruleEntries(rule: Rule): CodeEntry[] {
  const description = oneLine(rule.description);
  return ruleCodes(rule).map((code) => ({
    code,
    title: RULE_CODES[rule.id]?.[code] ?? humanize(code),
    help: `${description} The issue's message names the value seen and its hint the fix for this item. Rule ${rule.id} (pack ${rule.pack}); the config's rules settings can change its severity or turn it off.`,
    severity: rule.severity,
    rule: rule.id,
    pack: rule.pack,
    known: true,
  }));
}

function buildCatalog(): ReadonlyMap<string, CodeEntry> {
  const map = new Map<string, CodeEntry>();
  for (const [code, entry] of Object.entries(ENGINE_CODES)) map.set(code, { code, ...entry, known: true });
  for (const [code, entry] of Object.entries(WALMART_CODES)) map.set(code, { code, ...entry, known: true });
  // A rule's own codes win over nothing; two rules sharing a code keep the first (the pack order runs them).
  for (const rule of ALL_RULES) for (const entry of ruleEntries(rule)) if (!map.has(entry.code)) map.set(entry.code, entry);
  return map;
}

const CATALOG = buildCatalog();

/** Every known code: engine codes, Walmart's ingestion verdicts, then rule codes in pack order. */
export const CODE_CATALOG: readonly CodeEntry[] = [...CATALOG.values()];

/** The entry for a code; for one the catalogue does not know, a generic entry (`known: false`). */
export function describeCode(code: string): CodeEntry {
  const entry = CATALOG.get(code);
  if (entry !== undefined) return entry;
  return {
    code,
    title: humanize(code),
    help: 'The issue\'s message says what is wrong with the value and its hint, when there is one, how to fix it.',
    severity: 'warning',
    known: false,
  };
}
