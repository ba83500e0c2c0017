// Spreadsheet rows through column mapping, coercion and validation: every issue lands on its cell.
import { describe, expect, it } from 'vitest';
import { collect, validateWith } from '../../src/engine/validate.js';
import { Validator } from '../../src/engine/validator.js';
import type { ValidateOptions } from '../../src/engine/options.js';
import { SheetMapper } from '../../src/sources/sheet-items.js';
import type { SheetMapOptions } from '../../src/sources/sheet-items.js';
import type { Cell, SourceProblem } from '../../src/sources/table.js';
import { table } from '../helpers/table.js';

const HEADER = ['Product Type', 'SKU', 'Product Name', 'Brand', 'Selling Price', 'Shipping Weight (lbs)', 'Product ID Type', 'Product ID', 'Site Description', 'Main Image URL', 'Gender', 'Color', 'Key Features 1', 'Key Features 2'];
const ROW: Cell[] = ['Clothing', 'TS-1', "North Trail Men's Tee", 'North Trail', '14.99', '0.45', 'GTIN', '00812345100013', 'Soft tee', 'https://i5.walmartimages.com/asr/ts-1.jpg', 'Male', 'Black|Navy', 'Cotton', 'Tagless'];

async function run(header: string[], rows: Cell[][], opts: SheetMapOptions = {}, problems: SourceProblem[] = [], vopts: ValidateOptions = { feedType: 'MP_ITEM', specVersion: '4.3' }) {
  const v = await Validator.create(vopts);
  const mapper = new SheetMapper(table(header, rows, { problems }), v, opts);
  return collect(validateWith(v, mapper.items(), { checkHeader: false, feedIssues: () => mapper.feedIssues() }));
}

const withCell = (i: number, value: Cell) => ROW.map((c, k) => (k === i ? value : c));

describe('SheetMapper', () => {
  it('a good row validates clean', async () => {
    const report = await run(HEADER, [ROW]);
    expect(report.issues).toEqual([]);
    expect(report.summary).toMatchObject({ records: 1, valid: 1 });
  });

  it('puts every issue on its sheet, row, column and cell', async () => {
    const second = withCell(10, 'Mle').map((c, i) => (i === 1 ? 'TS-2' : i === 7 ? '00812345100020' : c));
    const report = await run(HEADER, [ROW, second]);
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({ code: 'schema.enum', record: 2, row: 3, column: 'K', cell: 'K3', sheet: 'Items', sku: 'TS-2', hint: 'Did you mean "Male"?' });
  });

  it('a missing attribute with no column is on the row', async () => {
    const header = HEADER.filter((h) => h !== 'Site Description');
    const report = await run(header, [ROW.filter((_, i) => i !== 8)]);
    expect(report.issues.map((i) => [i.code, i.row, i.cell])).toEqual([['schema.required', 2, undefined]]);
  });

  it('an empty cell is an absent attribute: a required one is reported missing, on its cell', async () => {
    const report = await run(HEADER, [withCell(8, '')]);
    expect(report.issues.map((i) => [i.code, i.field, i.cell])).toEqual([['schema.required', 'shortDescription', 'I2']]);
  });

  it('restores the leading zeros of an ID stored as a number when the check digit agrees, with a warning', async () => {
    const report = await run(HEADER, [withCell(7, 812345100013)]);
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({ code: 'source.leading_zeros_restored', severity: 'warning', cell: 'H2' });
    expect(report.issues[0]?.message).toContain('00812345100013');
    expect(report.summary.valid).toBe(1);
  });

  it('an ID in scientific notation is an error that says to format the column as text, once', async () => {
    const report = await run(HEADER, [withCell(7, '8.12345E+11')]);
    expect(report.issues.map((i) => [i.code, i.cell])).toEqual([['source.scientific_notation', 'H2']]);
    expect(report.issues[0]?.hint).toMatch(/Format column H as Text/);
  });

  it('reports an unknown column once, with the nearest attribute', async () => {
    const report = await run([...HEADER, 'Colour Famly'], [ROW.concat('x'), ROW.concat('y').map((c, i) => (i === 1 ? 'TS-2' : i === 7 ? '00812345100020' : c))]);
    const unknown = report.issues.filter((i) => i.code === 'source.unknown_column');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ record: 0, row: 1, column: 'O', cell: 'O1', severity: 'warning' });
  });

  it('reports a duplicate header once and reads the first column', async () => {
    const report = await run([...HEADER, 'Gender'], [ROW.concat('Female')]);
    expect(report.issues.map((i) => [i.code, i.column])).toEqual([['source.duplicate_column', 'O']]);
  });

  it('hostile headers are unknown columns, and nothing is polluted', async () => {
    const report = await run([...HEADER, '__proto__', 'constructor'], [ROW.concat('{"polluted": true}', 'x')]);
    expect(report.issues.map((i) => i.code)).toEqual(['source.unknown_column', 'source.unknown_column']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an unknown product type gets "did you mean"', async () => {
    const report = await run(HEADER, [withCell(0, 'Clothng')]);
    expect(report.issues[0]).toMatchObject({ code: 'record.unknown_product_type', row: 2, hint: 'Did you mean "Clothing"?' });
  });

  it('takes the product type from --product-type when the sheet has no column for it', async () => {
    const report = await run(HEADER.slice(1), [ROW.slice(1)], { productType: 'Clothing' });
    expect(report.issues).toEqual([]);
  });

  it('attaches a reader problem (ragged row) to its record', async () => {
    const report = await run(HEADER, [ROW], {}, [{ code: 'source.ragged_row', severity: 'error', row: 2, message: 'Row 2 has 15 cells; the header has 14.' }]);
    expect(report.issues.map((i) => [i.code, i.record, i.row])).toEqual([['source.ragged_row', 1, 2]]);
    expect(report.summary.invalid).toBe(1);
  });

  it('config column mappings apply', async () => {
    const header = HEADER.map((h) => (h === 'Gender' ? 'Sex' : h));
    const report = await run(header, [ROW], { columns: { Sex: 'gender' } });
    expect(report.issues).toEqual([]);
  });

  it('builds each item from its cells: nested objects, numbered and split columns, an object column beside its leaves', async () => {
    const header = ['Product Type', 'SKU', 'Product ID', 'Product Identifiers', 'Product ID Type', 'Key Features 2', 'Key Features 1', 'Swatch Image URL', 'Swatch Variant Attribute', 'Selling Price', 'Color'];
    const rows: Cell[][] = [
      ['Clothing', 'A-1', '00812345100013', null, 'GTIN', 'Tagless', 'Cotton', 'https://x/a.jpg|https://x/b.jpg', 'color|color', '14.99', 'Black|Navy'],
      // The object column's text replaces what the ID column put there, and the ID type column starts it again.
      ['Clothing', 'A-2', '00812345100013', 'whole', 'GTIN', null, 'Cotton', 'https://x/a.jpg', 'color', 12, 'Red'],
      ['Clothing', 'A-3', null, 'whole', 'GTIN', '  ', ' Soft ', null, null, '1e3', ' | Blue |'],
    ];
    const v = await Validator.create({ feedType: 'MP_ITEM', specVersion: '4.3' });
    const mapper = new SheetMapper(table(header, rows), v);
    const data: unknown[] = [];
    for await (const item of mapper.items()) data.push(item.data);
    expect(data).toEqual([
      {
        Visible: { Clothing: { keyFeatures: ['Cotton', 'Tagless'], swatchImages: [{ swatchImageUrl: 'https://x/a.jpg', swatchVariantAttribute: 'color' }, { swatchImageUrl: 'https://x/b.jpg', swatchVariantAttribute: 'color' }], color: ['Black', 'Navy'] } },
        Orderable: { sku: 'A-1', productIdentifiers: { productId: '00812345100013', productIdType: 'GTIN' }, price: 14.99 },
      },
      {
        Visible: { Clothing: { keyFeatures: ['Cotton'], swatchImages: [{ swatchImageUrl: 'https://x/a.jpg', swatchVariantAttribute: 'color' }], color: ['Red'] } },
        Orderable: { sku: 'A-2', productIdentifiers: { productIdType: 'GTIN' }, price: 12 },
      },
      { Visible: { Clothing: { keyFeatures: [' Soft '], color: ['Blue'] } }, Orderable: { sku: 'A-3', productIdentifiers: { productIdType: 'GTIN' }, price: 1000 } },
    ]);
  });
});
