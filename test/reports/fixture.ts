// One fixed report for every format's tests: a spreadsheet with cell issues (and one without a column, a header
// cell issue, hostile text), a JSON feed with a header issue and issues without cells, and an unknown code.
import type { Issue, Report } from '../../src/core/issue.js';

export const XLSX = 'items/My Items.xlsx';
export const FEED = 'feeds/clothing.json';

/** Records per file: the spreadsheet has 20 items, the feed 5. */
export const RECORDS: Readonly<Record<string, number>> = { [XLSX]: 20, [FEED]: 5 };

export const ISSUES: Issue[] = [
  { code: 'source.unknown_column', severity: 'warning', file: XLSX, record: 0, row: 1, column: 'Q', cell: 'Q1', sheet: 'Items', path: '', field: 'Colour', message: 'Column "Colour" is not in the spec.', hint: 'Did you mean "color"?' },
  { code: 'schema.required', severity: 'error', file: XLSX, record: 2, row: 3, sheet: 'Items', sku: '=HYPERLINK("http://x.test","click")', path: 'Visible.Clothing.brand', field: 'brand', message: 'Brand is missing; it is required.', hint: 'Add a value for Brand.', productType: 'Clothing' },
  { code: 'gtin.check_digit', severity: 'error', file: XLSX, record: 5, row: 6, column: 'C', cell: 'C6', sheet: 'Items', sku: '-TS-105', path: 'Orderable.productIdentifiers.productId', field: 'productIdentifiers', message: 'Product ID "0360002914 <&> \u0007" ends in check digit 3, but "it" must end in 2.', hint: '50% sure: use 036000291452,\r\nor copy it again.', rule: 'identifiers.check_digit' },
  { code: 'schema.enum', severity: 'error', file: XLSX, record: 13, row: 14, column: 'K', cell: 'K14', sheet: 'Items', sku: 'TS-104', path: 'Visible.Clothing.gender', field: 'gender', message: 'Gender is "Mle"; it must be one of Unisex, Male, Female.', hint: 'Did you mean "Male"?', productType: 'Clothing' },
  { code: 'image.not_https', severity: 'warning', file: XLSX, record: 13, row: 14, column: 'AA', cell: 'AA14', sheet: 'Items', sku: 'TS-104', path: 'Visible.Clothing.mainImageUrl', field: 'mainImageUrl', message: 'Main Image URL "http://img.test/a.jpg" uses http.', hint: 'Use https://img.test/a.jpg.', rule: 'images.not_https' },
  { code: 'header.version_mismatch', severity: 'error', file: FEED, record: 0, path: 'MPItemFeedHeader.version', field: 'version', message: 'The feed header\'s Spec Version is "4.2", but MP_ITEM 4.3 feeds must say "4.3".', hint: 'Set MPItemFeedHeader.version to "4.3".' },
  { code: 'schema.type', severity: 'error', file: FEED, record: 3, sku: 'A-3', path: 'Visible.Clothing.price', field: 'price', message: 'Price is "$12"; it must be a number.', hint: 'Write it as the number 12.' },
  { code: 'image.not_jpg', severity: 'info', file: FEED, record: 3, sku: 'A-3', path: 'Visible.Clothing.mainImageUrl', field: 'mainImageUrl', message: 'Main Image URL is a PNG.', rule: 'images.not_jpg' },
  { code: 'future.unknown_check', severity: 'warning', file: FEED, record: 4, sku: '@A-4', path: 'Visible.Clothing.color', field: 'color', message: 'Something new.' },
];

export const REPORT: Report = {
  summary: { records: 25, valid: 21, invalid: 4, errors: 5, warnings: 3, infos: 1 },
  issues: ISSUES,
};

/** The same report as a single JSON input: issues without `file`. */
export function singleFeedReport(): Report {
  const issues = ISSUES.filter((i) => i.file === FEED).map(({ file: _file, ...rest }) => rest);
  return { summary: { records: 5, valid: 4, invalid: 1, errors: 2, warnings: 1, infos: 1 }, issues };
}
