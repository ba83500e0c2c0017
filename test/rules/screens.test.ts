// Screens let the engine skip record rules on clean records, so each must never say "clean" where one of its rules
// would find something: checked here over many records, clean ones and near misses alike.
import { describe, expect, it } from 'vitest';
import { gs1CheckDigit } from '../../src/core/gtin.js';
import type { RecordRule, RecordScreen, RecordView } from '../../src/core/rule.js';
import { PACKS, SCREENS } from '../../rules/index.js';
import identifiersScreen from '../../rules/identifiers/screen.js';
import imagesScreen from '../../rules/images/screen.js';
import hazmatScreen from '../../rules/hazmat/screen.js';
import { fakeRecord } from '../helpers/record-view.js';
import { cleanGtin14, isCleanProductId } from '../../rules/identifiers/clean-id.js';
import { readProductId } from '../../rules/identifiers/product-id.js';
import type { FakeRecordOptions } from '../helpers/record-view.js';

function attaches(rule: RecordRule, record: RecordView): boolean {
  const anyOf = rule.needsAnyOf;
  return rule.needs.every((a) => record.defines(a)) && (anyOf === undefined || anyOf.some((a) => record.defines(a)));
}

/** What the screen says of the record, and the codes the rules it covers find in it. */
function judge(screen: RecordScreen, values: Record<string, unknown>, options: FakeRecordOptions = {}): { clean: boolean; codes: string[] } {
  const record = fakeRecord(values, options);
  const test = screen.prepare((a) => (record.defines(a) ? () => values[a] : undefined));
  const rules = Object.values(PACKS)
    .flat()
    .filter((r): r is RecordRule => r.scope === 'record' && screen.covers.includes(r.id));
  const codes = rules
    .filter((rule) => attaches(rule, record) && (rule.when?.(record) ?? true))
    .flatMap((rule) => rule.check(record).map((f) => f.code ?? rule.id));
  return { clean: test(undefined), codes };
}

function gtin(body: string): string {
  return `${body}${String(gs1CheckDigit(body))}`;
}

const GTIN14 = gtin('0081234510003');
const UPC = gtin('03600029145');
const EAN13 = gtin('400638133393');
const EAN8 = gtin('9638507');

/** Product IDs: valid and broken codes of every length, with spaces, letters, numbers and stray types. */
function productIds(): Array<Record<string, unknown>> {
  const ids: unknown[] = [
    GTIN14, UPC, EAN13, EAN8, ` ${GTIN14}`, `${UPC} `, GTIN14.slice(0, -1), `${GTIN14}0`, `${GTIN14.slice(0, -1)}${(Number(GTIN14.slice(-1)) + 1) % 10}`,
    `${UPC.slice(0, -1)}${(Number(UPC.slice(-1)) + 3) % 10}`, '0123456789X', '123456789X', '0306406152', '9780306406157', '9780306406158', '03778614',
    '01234565', '12345670', '0-12345-67890-5', '3.60003E+11', '', ' ', 'abc', '00000000000000', Number(UPC), 812345100037, -1, 1.5, null, true, [UPC], {},
  ];
  const types: unknown[] = ['GTIN', 'UPC', 'EAN', 'ISBN', 'ISSN', 'gtin', ' UPC', 'SKU', '', undefined, 7];
  const out: Array<Record<string, unknown>> = [];
  for (const productId of ids) for (const productIdType of types) out.push({ productIdType, productId });
  out.push({ productIdType: 'GTIN' }, {});
  return out;
}

/** Image URLs: plain .jpg links and every way a rule can object to one. */
const URLS: unknown[] = [
  'https://i5.walmartimages.com/asr/nt-tee-bla-m.jpg',
  'https://cdn.example.com/a/b/front.JPEG',
  'https://cdn.example.com/front.jpeg',
  'https://cdn.example.com/.jpg',
  'https://cdn.example.com/tee-xl.jpg',
  'https://cdn.example.com/tee_800x600.jpg',
  'https://cdn.example.com/tee-800X800.jpg',
  'https://cdn.example.com/tee-800×600.jpg',
  'https://cdn.example.com/tee.jpg?w=800&h=600',
  'https://cdn.example.com/tee.jpg#top',
  'https://cdn.example.com/tee%20front.jpg',
  'https://cdn.example.com/tee front.jpg',
  ' https://cdn.example.com/tee.jpg',
  'https://cdn.example.com/tee.jpg\t',
  'https://cdn.example.com/tee.jpg\u00a0',
  'https://cdn.example.com/tee.jpg\n',
  'https://cdn.example.com/tee.png',
  'https://cdn.example.com/tee.Jpg',
  'https://cdn.example.com/tee',
  'https://cdn.example.com/',
  'https://cdn.example.com',
  'https://cdn.example.jpg',
  'http://cdn.example.com/tee.jpg',
  'HTTPS://cdn.example.com/tee.jpg',
  'ftp://cdn.example.com/tee.jpg',
  'cdn.example.com/tee.jpg',
  '',
  '   ',
  42,
  null,
  undefined,
];

function imageRecords(): Array<Record<string, unknown>> {
  const plain = URLS[0];
  const out: Array<Record<string, unknown>> = [{}];
  for (const url of URLS) {
    out.push({ mainImageUrl: url });
    out.push({ mainImageUrl: plain, productSecondaryImageURL: [plain, url] });
    out.push({ mainImageUrl: plain, productSecondaryImageURL: url });
    out.push({ mainImageUrl: plain, swatchImages: [{ swatchVariantAttribute: 'color', swatchImageUrl: url }] });
    out.push({ mainImageUrl: plain, swatchImages: [url] });
  }
  return out;
}

describe('rule screens', () => {
  it('each cover the record rules of one pack', () => {
    expect(SCREENS).toEqual([identifiersScreen, imagesScreen, hazmatScreen]);
    expect(identifiersScreen.covers).toEqual(PACKS.identifiers?.map((r) => r.id));
    expect(imagesScreen.covers).toEqual(PACKS.images?.map((r) => r.id));
    expect(hazmatScreen.covers).toEqual(PACKS.hazmat?.map((r) => r.id));
  });

  it('identifiers: clean only where no identifier rule finds anything, and clean for plain valid codes', () => {
    let clean = 0;
    for (const value of productIds()) {
      const { clean: says, codes } = judge(identifiersScreen, { productIdentifiers: value });
      if (says) {
        clean++;
        expect({ value, codes }).toEqual({ value, codes: [] });
      }
    }
    for (const [productIdType, productId] of [['GTIN', GTIN14], ['UPC', UPC], ['EAN', EAN13], ['EAN', EAN8]]) {
      expect(judge(identifiersScreen, { productIdentifiers: { productIdType, productId } }).clean).toBe(true);
    }
    expect(clean).toBeLessThan(productIds().length / 4);
  });

  it('identifiers: a clean ID is what readProductId reads, valid, with its digits padded as GTIN-14 (duplicates keys by it)', () => {
    let clean = 0;
    // Twice over, so each value is also asked right after a clean one (the last clean ID is remembered).
    for (const value of [...productIds(), ...productIds().reverse()]) {
      const { productIdType, productId } = value;
      if (!isCleanProductId(productIdType, productId)) continue;
      clean++;
      const read = readProductId(fakeRecord({ productIdentifiers: value }));
      expect({ value, id: read?.id, check: read?.check.ok === true ? read.check.gtin14 : undefined }).toEqual({ value, id: productId, check: cleanGtin14(productId) });
    }
    expect(clean).toBeGreaterThan(0);
    // The remembered ID is clean for its type's lengths only, and a different text is checked afresh.
    expect(isCleanProductId('GTIN', GTIN14)).toBe(true);
    expect(isCleanProductId('UPC', GTIN14)).toBe(false);
    expect(isCleanProductId('GTIN', `${GTIN14.slice(0, -1)}${(Number(GTIN14.slice(-1)) + 1) % 10}`)).toBe(false);
    expect(cleanGtin14(EAN8)).toBe(`000000${EAN8}`);
  });

  it('identifiers: a record without the attribute, or a spec without it, is clean', () => {
    expect(judge(identifiersScreen, { productName: 'Tee' }).clean).toBe(true);
    expect(judge(identifiersScreen, { productIdentifiers: { productIdType: 'UPC', productId: '1' } }, { defines: [] }).clean).toBe(true);
  });

  it('images: clean only where no image rule finds anything, and clean for plain https .jpg links', () => {
    const specs: FakeRecordOptions[] = [
      { defines: ['mainImageUrl', 'productSecondaryImageURL', 'swatchImages'] },
      { defines: ['mainImageUrl', 'productSecondaryImageURL', 'swatchImages'], requires: ['mainImageUrl'] },
      { defines: ['productSecondaryImageURL', 'swatchImages'] },
    ];
    for (const options of specs) {
      for (const values of imageRecords()) {
        const { clean, codes } = judge(imagesScreen, values, options);
        if (clean) expect({ values, codes }).toEqual({ values, codes: [] });
      }
    }
    const plain = 'https://i5.walmartimages.com/asr/nt-tee-bla-m.jpg';
    const typical = { mainImageUrl: plain, productSecondaryImageURL: [plain], swatchImages: [{ swatchVariantAttribute: 'color', swatchImageUrl: plain }] };
    expect(judge(imagesScreen, typical, specs[0]).clean).toBe(true);
    expect(judge(imagesScreen, { mainImageUrl: 'https://cdn.example.com/a_800x600.jpg' }).clean).toBe(false);
    expect(judge(imagesScreen, { productName: 'Tee' }, specs[0]).clean).toBe(false);
  });

  it('hazmat: clean only where neither hazmat rule finds anything, and clean for an item without chemicals or batteries', () => {
    const chemicals: unknown[] = [undefined, 'Yes', 'yes', ' Yes ', 'No', '', 'Y', true, null, ['Yes']];
    const batteries: unknown[] = [
      undefined,
      'Lithium Ion',
      ['Lithium Metal'],
      'Lead Acid (Non-Spillable)',
      'Does Not Contain a Battery',
      'Alkaline',
      '',
      ' ',
      [],
      [''],
      null,
      42,
    ];
    const hasBatteries: unknown[] = [undefined, 'Yes', 'No', ''];
    const specs: FakeRecordOptions[] = [
      { defines: ['chemicalAerosolPesticide', 'batteryTechnologyType', 'hasBatteries', 'safetyDataSheet', 'batterySize', 'numberOfHazardousComponents'] },
      { defines: ['chemicalAerosolPesticide', 'safetyDataSheet', 'numberOfHazardousComponents'] },
      { defines: ['batteryTechnologyType', 'hasBatteries', 'batterySize'] },
      { defines: ['batteryTechnologyType', 'safetyDataSheet'] },
    ];
    let clean = 0;
    let all = 0;
    for (const options of specs) {
      for (const chemicalAerosolPesticide of chemicals) {
        for (const batteryTechnologyType of batteries) {
          for (const has of hasBatteries) {
            // As the engine reads a record: an attribute the spec does not define has no value.
            const given: Record<string, unknown> = { chemicalAerosolPesticide, batteryTechnologyType, hasBatteries: has };
            const values = Object.fromEntries(Object.entries(given).filter(([a]) => options.defines?.includes(a)));
            const { clean: says, codes } = judge(hazmatScreen, values, options);
            all++;
            if (!says) continue;
            clean++;
            expect({ values, options, codes }).toEqual({ values, options, codes: [] });
          }
        }
      }
    }
    expect(clean).toBeGreaterThan(0);
    expect(clean).toBeLessThan(all / 4);
    expect(judge(hazmatScreen, { productName: 'Tee' }, specs[0]).clean).toBe(true);
    expect(judge(hazmatScreen, { chemicalAerosolPesticide: 'No' }, specs[0]).clean).toBe(true);
    expect(judge(hazmatScreen, { batteryTechnologyType: 'Does Not Contain a Battery' }, specs[0]).clean).toBe(false);
  });
});
