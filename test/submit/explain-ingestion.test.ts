// Walmart's ingestion errors in a merchandiser's words: every real production error of the corpus, every
// code Walmart's docs explain, the emulator's own codes, unknown codes passed through, and titles from the spec.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestionCodeFor } from '../../src/emulator/feeds/ingestion-errors.js';
import { CODE_CATALOG, describeCode } from '../../src/reports/code-catalog.js';
import { explainIngestionError } from '../../src/submit/explain-ingestion.js';
import type { ExplainContext, ExplainedIngestionError } from '../../src/submit/explain-ingestion.js';
import { KNOWN_INGESTION_ERRORS } from '../../src/submit/ingestion-codes/index.js';
import type { IngestionError } from '../../src/walmart/ingestion-errors.js';
import { EXAMPLES } from '../helpers/paths.js';

interface CorpusLine {
  feed_type: string;
  code: string;
  field: string;
  status: string;
  description: string;
}

const CORPUS: CorpusLine[] = readFileSync(`${EXAMPLES}feed_ingestion_errors.prod-corpus.jsonl`, 'utf8')
  .split('\n')
  .filter((l) => l.trim().length > 0)
  .map((l) => JSON.parse(l) as CorpusLine);

const PSEUDO_FIELDS = ['QARTH', 'ISO', 'PDI', 'RNA', 'PCF', 'Defects Platform', 'Item'];

const TITLES: Readonly<Record<string, string>> = {
  materialName: 'Fabric Material Name',
  fabricContent: 'Fabric Content',
  price: 'Selling Price',
  productName: 'Product Name',
  pieceCount: 'Piece Count',
  grams_per_square_meter_gsm: 'Fabric Weight (GSM)',
};
const withTitles: ExplainContext = { titleOf: (a) => TITLES[a] };

function fromLine(line: CorpusLine): IngestionError {
  return { code: line.code, field: line.field, description: line.description };
}

/** What the corpus line must become: its kind, category, and words the message and action must contain. */
const EXPECTED: Readonly<Record<string, { kind: string; category: string; message: RegExp; action: RegExp; attribute?: string }>> = {
  EXT_DATA_ERROR_56026862530206: { kind: 'compliance_review', category: 'review', message: /still reviewing/, action: /Wait for the compliance review.*48 hours/ },
  EXT_DATA_ERROR_60745664660159: { kind: 'sku_not_found', category: 'not_found', message: /no item with this SKU/, action: /SKU/ },
  ERR_PDI_0004: { kind: 'system_exception', category: 'system', message: /internal error/, action: /again unchanged later/ },
  ERR_EXT_DATA_0101198: { kind: 'stale_update', category: 'stale', message: /^Nothing to fix/, action: /^No action needed/, attribute: 'sku' },
  EXT_DATA_ERROR_72600149546850: { kind: 'required_attribute', category: 'data', message: /^Fabric Material Name is missing/, action: /^Fill in Fabric Material Name and send the item again\.$/, attribute: 'materialName' },
  EXT_DATA_ERROR_60670554076755: { kind: 'unknown_attribute', category: 'data', message: /"Fabri".*Fabric Content/, action: /Fabric Content instead of "Fabri"/, attribute: 'fabricContent' },
  EXT_DATA_ERROR_07705958490105: { kind: 'content_standards', category: 'data', message: /content review.*image note/, action: /title, description/, attribute: 'gtin' },
  EXT_DATA_ERROR_49706650504905: { kind: 'prohibited_product', category: 'review', message: /Prohibited Product Policy \(Offensive Content\)/, action: /appeal on the Unpublished Items page/ },
  EXT_DATA_ERROR_59537459586473: { kind: 'prohibited_product', category: 'review', message: /Prohibited Product Policy;/, action: /appeal/ },
  EXT_DATA_ERROR_63716472050452: { kind: 'prohibited_product', category: 'review', message: /\(Toys\)/, action: /appeal/ },
  EXT_DATA_ERROR_69726455095455: { kind: 'prohibited_product', category: 'review', message: /\(Firearms\)/, action: /appeal/ },
  EXT_DATA_ERROR_55495557595853: { kind: 'ip_claim', category: 'review', message: /intellectual property claim/, action: /Pending Review page/ },
  EXT_DATA_ERROR_49575865587350: { kind: 'prohibited_product', category: 'review', message: /\(Offensive Content\)/, action: /appeal/ },
  ERR_EXT_DATA_0101119: { kind: 'product_id_mismatch', category: 'data', message: /already has a product with this Product ID/, action: /Product ID/ },
  ERR_EXT_DATA_0101211: { kind: 'sku_tied_to_other_id', category: 'duplicate', message: /used before with a different Product ID/, action: /new SKU/ },
  EXT_DATA_ERROR_72544900040162: { kind: 'duplicate_item', category: 'duplicate', message: /SKU B01B6XGV2A\) as a duplicate of SKU B01B6XEQQS/, action: /keep one/ },
  EXT_DATA_ERROR_58727254515858: { kind: 'category_approval', category: 'review', message: /not approved to sell in this category/, action: /Health & Compliance/, attribute: 'specProductType' },
  EXT_DATA_ERROR_56516760015174: { kind: 'sku_retired', category: 'not_found', message: /deleted or retired/, action: /full item \(MP_ITEM/ },
  'IB.VALIDATION.DATA.001': { kind: 'out_of_range', category: 'data', message: /^Fabric Weight \(GSM\) is 1000; Walmart accepts at most 999\.$/, action: /999 or less/, attribute: 'grams_per_square_meter_gsm' },
};

function expectPlainWords(x: ExplainedIngestionError, walmart: string): void {
  expect(x.known).toBe(true);
  expect(x.action?.length ?? 0).toBeGreaterThan(20);
  expect(x.message.length).toBeGreaterThan(20);
  expect(x.message).not.toBe(walmart);
  expect(walmart.includes(x.message)).toBe(false);
  expect(x.message).not.toMatch(/<\/?p>|&nbsp;|\bQARTH\b|\bPCF\b|\bRNA\b|\bDefects Platform\b/);
  expect(x.issueCode).toBe(`walmart.${x.category}`);
  expect(x.walmartDescription).toBe(walmart);
}

describe('the 19 real production errors', () => {
  it('has the corpus the tests are written for', () => {
    expect(CORPUS).toHaveLength(19);
    expect(new Set(CORPUS.map((l) => l.code))).toEqual(new Set(Object.keys(EXPECTED)));
  });

  for (const line of CORPUS) {
    it(`${line.code} (${line.field}, ${line.feed_type}) reads as plain words with an action`, () => {
      const want = EXPECTED[line.code];
      expect(want, `no expectation for ${line.code}`).toBeDefined();
      if (want === undefined) return;
      const x = explainIngestionError(fromLine(line), { ...withTitles, feedType: line.feed_type });
      expectPlainWords(x, line.description);
      expect(x).toMatchObject({ code: line.code, kind: want.kind, category: want.category });
      expect(x.message).toMatch(want.message);
      expect(x.action).toMatch(want.action);
      expect(x.attribute).toBe(want.attribute);
      expect(x.retryable).toBe(want.category === 'system');
    });
  }

  it('recognises every line without the spec titles or the feed type too', () => {
    for (const line of CORPUS) {
      const x = explainIngestionError(fromLine(line));
      expectPlainWords(x, line.description);
      expect(x.kind).toBe(EXPECTED[line.code]?.kind);
    }
  });

  it('never treats Walmart pseudo-fields as attributes', () => {
    for (const line of CORPUS.filter((l) => PSEUDO_FIELDS.includes(l.field))) {
      const x = explainIngestionError(fromLine(line), { titleOf: () => 'Should Not Be Asked' });
      expect(x.attribute, line.field).toBeUndefined();
      expect(x.message).not.toContain('Should Not Be Asked');
    }
  });
});

describe('names the attribute by its title', () => {
  const required = CORPUS.find((l) => l.code === 'EXT_DATA_ERROR_72600149546850');

  it('uses the title the spec gives over the words in Walmart\'s text', () => {
    if (required === undefined) throw new Error('corpus line missing');
    const x = explainIngestionError(fromLine(required), { titleOf: (a) => (a === 'materialName' ? 'Fabric Material' : undefined) });
    expect(x.message).toBe('Fabric Material is missing; Walmart requires a value for it on this item.');
    expect(x.action).toBe('Fill in Fabric Material and send the item again.');
  });

  it('falls back to the field in words when neither the spec nor the text names it', () => {
    const x = explainIngestionError({ code: 'IB.VALIDATION.DATA.001', field: 'grams_per_square_meter_gsm', description: '1000 is not less or equal to 999 for grams_per_square_meter_gsm' });
    expect(x.message).toBe('Grams per Square Meter GSM is 1000; Walmart accepts at most 999.');
    const y = explainIngestionError({ code: 'EXT_DATA_ERROR_1', field: 'productIdentifiers.productId', description: "'Productid' is not a valid field." });
    expect(y.message).toContain('(reported on Product ID)');
  });

  it('reads the data-type error of doc 003 with the expected type', () => {
    const e = { type: 'DATA_ERROR', code: 'EXT_DATA_ERROR_50716566635066', field: 'pieceCount', description: "value provided is not valid data type for 'pieceCount' field. Enter a valid value in the required data type 'Number'." };
    expect(explainIngestionError(e, withTitles)).toMatchObject({
      kind: 'wrong_data_type',
      category: 'data',
      attribute: 'pieceCount',
      message: 'Piece Count has the wrong kind of value; Walmart expects a Number.',
      action: 'Enter Piece Count as a Number (digits only, without units, currency symbols or thousands separators) and send the item again.',
    });
    expect(explainIngestionError(e).message).toBe('Piece Count has the wrong kind of value; Walmart expects a Number.');
  });

  it('reads a minimum the same way as a maximum', () => {
    const x = explainIngestionError({ code: 'IB.VALIDATION.DATA.001', field: 'pieceCount', description: '0 is not greater or equal to 1 for pieceCount' }, withTitles);
    expect(x.message).toBe('Piece Count is 0; Walmart accepts at least 1.');
    expect(x.action).toContain('1 or more');
  });
});

describe('codes Walmart documents (doc 002 and doc 003)', () => {
  it('ERR_PDI_0001: the file could not be parsed', () => {
    const x = explainIngestionError({ type: 'DATA_ERROR', code: 'ERR_PDI_0001', field: 'file', description: 'Malformed data: unexpected token at byte 12.' });
    expect(x).toMatchObject({ kind: 'malformed_data', category: 'file', issueCode: 'walmart.file', retryable: false, known: true });
    expect(x.attribute).toBeUndefined();
    expect(x.message).toContain('could not read');
    expect(x.message).toContain('unexpected token at byte 12');
    expect(x.action).toMatch(/special or broken characters.*send the feed again/);
  });

  it('ERR_PDI_0034: required fields missing or invalid values', () => {
    const x = explainIngestionError({ type: 'DATA_ERROR', code: 'ERR_PDI_0034', description: 'Invalid data' });
    expect(x).toMatchObject({ kind: 'invalid_data', category: 'data', retryable: false, known: true });
    expect(x.message).toMatch(/required fields missing/);
    expect(x.action).toMatch(/every required field/);
    const onField = explainIngestionError({ code: 'ERR_PDI_0034', field: 'shippingWeight' }, { titleOf: (a) => (a === 'shippingWeight' ? 'Shipping Weight (lbs)' : undefined) });
    expect(onField.message).toContain('in Shipping Weight (lbs)');
    expect(onField.attribute).toBe('shippingWeight');
  });

  it('ERR_EXT_DATA_0101116: title or price far from the listing for the product ID', () => {
    const x = explainIngestionError({ type: 'DATA_ERROR', code: 'ERR_EXT_DATA_0101116', field: 'price', description: 'Title or price mismatch' }, withTitles);
    expect(x).toMatchObject({ kind: 'catalog_mismatch', category: 'data', attribute: 'price', retryable: false, known: true });
    expect(x.message).toMatch(/^Selling Price is far from what Walmart's existing listing for this Product ID shows/);
    expect(x.action).toMatch(/Product ID belongs to this product.*contact Walmart Partner Support/);
    const noField = explainIngestionError({ code: 'ERR_EXT_DATA_0101116' });
    expect(noField.message).toMatch(/^The title or price is far/);
  });

  it('system and timeout errors are retryable; data errors are not', () => {
    for (const code of ['SYSTEM_ERROR', 'INVALID_SYSTEM_STATE', 'DOWNSTREAM_SYSTEM_TIME_OUT', 'RESOURCE_IS_LOCKED.GMP_RECEIVER_API', 'REQUEST_THRESHOLD_VIOLATED']) {
      expect(explainIngestionError({ code }), code).toMatchObject({ category: 'system', retryable: true, known: true });
    }
    expect(explainIngestionError({ type: 'TIMEOUT_ERROR', code: 'EXT_SYS_9' })).toMatchObject({ kind: 'system_timeout', retryable: true, known: true });
    expect(explainIngestionError({ type: 'SYSTEM_ERROR', code: 'EXT_SYS_9' })).toMatchObject({ kind: 'system_exception', retryable: true, known: true });
    for (const k of KNOWN_INGESTION_ERRORS) expect(k.retryable, k.kind).toBe(k.category === 'system');
  });

  it('a stale update says there is nothing to fix', () => {
    const x = explainIngestionError({ code: 'ERR_EXT_DATA_0101198', field: 'sku' });
    expect(x).toMatchObject({ category: 'stale', retryable: false });
    expect(x.message).toMatch(/^Nothing to fix/);
    expect(describeCode(x.issueCode).severity).toBe('info');
  });

  it('a SKU missing on Walmart: an update is told to set the item up first, a retirement that nothing is left to do', () => {
    const e = { code: 'EXT_DATA_ERROR_60745664660159', field: 'QARTH', description: 'No matching record found for the SKU provide, for further assistance click Help to file a ticket' };
    expect(explainIngestionError(e, { feedType: 'MP_MAINTENANCE' }).action).toMatch(/send it as a full item \(MP_ITEM\) first/);
    expect(explainIngestionError(e, { feedType: 'RETIRE_ITEM' }).action).toMatch(/nothing left to do/);
  });
});

describe("the emulator's codes", () => {
  it('explains every code the emulator sends with its own descriptions', () => {
    const cases: Array<[IngestionError, string]> = [
      [{ type: 'DATA_ERROR', code: 'ERR_EXT_DATA_0101116', field: 'price', description: 'The price 5 is significantly different from the existing listing for product ID 00812345100037 (49.5). Confirm the product ID and price; if the data is right, contact Walmart Partner Support to review the listing.' }, 'catalog_mismatch'],
      [{ type: 'DATA_ERROR', code: 'ERR_EXT_DATA_0101116', field: 'productName', description: 'The title "Blue Mug" is significantly different from the existing listing for product ID 00812345100037 ("Garden Hose"). Confirm the product ID and title.' }, 'catalog_mismatch'],
      [{ type: 'DATA_ERROR', code: 'EXT_DATA_ERROR_60745664660159', field: 'sku', description: 'No matching record found for SKU "NT-1"; a maintenance feed can only update items already in your catalog. Set the item up with an item feed first.' }, 'sku_not_found'],
      [{ type: 'DATA_ERROR', code: 'ERR_PDI_0001', field: 'file', description: 'Malformed data: Unexpected end of JSON input. The feed file could not be parsed; fix its structure and resubmit.' }, 'malformed_data'],
      [{ type: 'DATA_ERROR', code: 'ERR_PDI_0001', field: 'sku', description: 'The item names neither a SKU nor a product ID.' }, 'malformed_data'],
      [{ type: 'DATA_ERROR', code: 'ERR_PDI_0034', field: 'MPItemFeedHeader.version', description: 'The feed header names version 1.2, but the spec is 1.3.' }, 'invalid_data'],
      [{ type: 'SYSTEM_ERROR', code: 'ERR_PDI_0004', field: 'feed', description: 'An exception occurred while processing the feed: boom' }, 'system_exception'],
    ];
    for (const [e, kind] of cases) {
      const x = explainIngestionError(e, withTitles);
      expect(x.kind, e.description).toBe(kind);
      expectPlainWords(x, e.description ?? '');
    }
    const price = explainIngestionError(cases[0]![0], withTitles);
    expect(price.message).toContain('Selling Price is far');
    expect(price.message).toContain('The price 5 is significantly different');
    const title = explainIngestionError(cases[1]![0], withTitles);
    expect(title.message).toMatch(/^Product Name is far/);
    expect(title.attribute).toBe('productName');
  });

  it('passes the hashed ERR_EXT_DATA_0xxxxxx codes through with catalog-gate\'s own message', () => {
    const description = 'Gender is "Mle"; it must be one of Unisex, Male, Female. Did you mean "Male"?';
    const x = explainIngestionError({ type: 'DATA_ERROR', code: ingestionCodeFor('schema.enum'), field: 'gender', description });
    expect(x).toMatchObject({ category: 'data', issueCode: 'walmart.data', known: false, retryable: false, message: description, attribute: 'gender', walmartDescription: description });
    expect(x.action).toBeUndefined();
  });

  it('no hashed code of a catalog-gate issue collides with a code catalog-gate explains', () => {
    const explained = new Set(KNOWN_INGESTION_ERRORS.flatMap((k) => k.codes ?? []));
    const issueCodes = [...CODE_CATALOG.map((e) => e.code), 'gtin.check_digit', 'gtin.length', 'gtin.not_numeric'];
    for (const code of issueCodes) expect(explained.has(ingestionCodeFor(code)), code).toBe(false);
  });
});

describe('unknown codes', () => {
  it("pass through with Walmart's description and known: false", () => {
    const x = explainIngestionError({ code: 'ZZ_NEW_CODE_7', field: 'QARTH', description: '<p>Something&nbsp;new   happened.</p>' });
    expect(x).toMatchObject({ code: 'ZZ_NEW_CODE_7', category: 'unknown', issueCode: 'walmart.unknown', known: false, retryable: false, message: 'Something new happened.' });
    expect(x.walmartDescription).toBe('<p>Something&nbsp;new   happened.</p>');
    expect(x.attribute).toBeUndefined();
    expect(x.kind).toBeUndefined();
  });

  it('file unknown EXT_DATA codes and DATA_ERRORs under data', () => {
    expect(explainIngestionError({ code: 'EXT_DATA_ERROR_11111111111111', description: 'Brand is inconsistent with the image.' })).toMatchObject({ category: 'data', known: false });
    expect(explainIngestionError({ type: 'DATA_ERROR', code: 'X1', description: 'Odd.' })).toMatchObject({ category: 'data', known: false });
  });

  it('say what little there is when Walmart gives no description', () => {
    const x = explainIngestionError({ code: 'ZZ_9', field: 'color' });
    expect(x.message).toBe('Walmart reported error ZZ_9 on color without saying more.');
    expect(x.attribute).toBe('color');
    expect(x.walmartDescription).toBeUndefined();
  });

  it('keep a long description whole in the message (up to the parsed limit)', () => {
    const long = `${'word '.repeat(800)}end`;
    expect(explainIngestionError({ code: 'ZZ', description: long }).message).toBe(long.trim());
  });
});

describe('hostile descriptions', () => {
  it('explain pathological descriptions without backtracking blow-ups', () => {
    const nasty = [
      `'${"'".repeat(100_000)}`,
      `${'a'.repeat(100_000)} is a required`,
      `${'1'.repeat(100_000)} is not less or equal to`,
      `Item with SKU='${"x'".repeat(50_000)}`,
      `<${'<'.repeat(100_000)}`,
      `${' '.repeat(100_000)}x`,
      `To sell items in ${'{'.repeat(100_000)}`,
      `content standards because ${'.'.repeat(100_000)}`,
    ];
    for (const d of nasty) {
      const x = explainIngestionError({ code: 'EXT_DATA_ERROR_1', field: 'a'.repeat(10_000), description: d });
      expect(typeof x.message).toBe('string');
    }
  });

  it('reads templates only from the start of a long description', () => {
    const x = explainIngestionError({ code: 'ZZ', description: `${'x '.repeat(2000)}This is a stale update request.` });
    expect(x.known).toBe(false);
  });
});

describe('code catalogue', () => {
  it('describes every issue code the explainer emits', () => {
    const categories = ['data', 'duplicate', 'review', 'not_found', 'stale', 'file', 'system', 'unknown'];
    for (const c of categories) {
      const entry = describeCode(`walmart.${c}`);
      expect(entry.known, c).toBe(true);
      expect(entry.help.length).toBeGreaterThan(40);
    }
    for (const k of KNOWN_INGESTION_ERRORS) expect(describeCode(`walmart.${k.category}`).known, k.kind).toBe(true);
  });

  it('gives every known situation a distinct kind, and a code or a template or a type to be found by', () => {
    const kinds = KNOWN_INGESTION_ERRORS.map((k) => k.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    for (const k of KNOWN_INGESTION_ERRORS) expect((k.codes?.length ?? 0) + (k.test === undefined ? 0 : 1) + (k.types?.length ?? 0), k.kind).toBeGreaterThan(0);
  });
});
