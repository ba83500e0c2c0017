// The identifiers pack over one record at a time: each bad product ID gets exactly one finding, with the fix in its hint.
import { describe, expect, it } from 'vitest';
import type { RecordRule, Rule } from '../../src/core/rule.js';
import identifiers from '../../rules/identifiers/index.js';
import { fakeRecord } from '../helpers/record-view.js';

const TITLES = { productIdentifiers: 'Product Identifiers' };

function recordRules(rules: readonly Rule[]): RecordRule[] {
  return rules.filter((r): r is RecordRule => r.scope === 'record');
}

/** Runs the whole pack, as the engine would, and renders each finding's words. */
function run(productIdentifiers: unknown) {
  const record = fakeRecord({ productIdentifiers }, { titles: TITLES });
  const titleOf = (a: string) => record.title(a);
  return recordRules(identifiers).flatMap((rule) =>
    (rule.when?.(record) ?? true)
      ? rule.check(record).map((f) => ({
          rule: rule.id,
          code: f.code ?? rule.id,
          severity: f.severity ?? rule.severity,
          attribute: f.attribute,
          subPath: f.subPath,
          message: rule.message(f, titleOf),
          hint: rule.hint?.(f, titleOf) ?? '',
        }))
      : [],
  );
}

describe('identifiers pack', () => {
  it('is record rules on Product Identifiers, with ids in the pack', () => {
    expect(identifiers.length).toBeGreaterThan(0);
    for (const rule of identifiers) {
      expect(rule.scope).toBe('record');
      expect(rule.pack).toBe('identifiers');
      expect(rule.id).toMatch(/^identifiers\.[a-z0-9_]+$/);
      expect(rule.needs).toEqual(['productIdentifiers']);
    }
    expect(new Set(identifiers.map((r) => r.id)).size).toBe(identifiers.length);
  });

  it.each([
    ['UPC', '036000291452'],
    ['UPC', ' 036000291452 '],
    ['EAN', '4006381333931'],
    ['EAN', '96385074'],
    ['GTIN', '00012345678905'],
    ['GTIN', '10012345678902'],
    ['ISBN', '0306406152'],
    ['ISBN', '080442957X'],
    ['ISBN', '9780306406157'],
    ['ISSN', '03178471'],
    ['ISSN', '9770317847001'],
    ['ASIN', 'B000123ABC'],
  ])('passes %s %j', (productIdType, productId) => {
    expect(run({ productIdType, productId })).toEqual([]);
  });

  it.each([
    ['no Product Identifiers', undefined],
    ['no Product ID', { productIdType: 'UPC' }],
    ['an empty Product ID', { productIdType: 'UPC', productId: '  ' }],
    ['Product Identifiers of the wrong shape', '036000291453'],
    ['a list of identifiers', [{ productIdType: 'UPC', productId: '036000291453' }]],
    ['no Product ID Type', { productId: '036000291453' }],
  ])('leaves %s to the schema', (_case, value) => {
    expect(run(value)).toEqual([]);
  });

  it.each([
    // code, severity, type, id, message must contain, hint must contain
    ['gtin.check_digit', 'error', 'UPC', '036000291453', ['"036000291453"', 'check digit 3', 'end in 2'], ['036000291452', '00036000291452']],
    ['gtin.check_digit', 'error', 'GTIN', '00012345678900', ['"00012345678900"', 'end in 5'], ['00012345678905']],
    ['gtin.check_digit', 'error', 'EAN', '4006381333932', ['"4006381333932"', 'an EAN'], ['4006381333931', '04006381333931']],
    ['gtin.check_digit', 'error', 'UPC', '04252615', ['"04252615"', 'a UPC-E', 'end in 4'], ['04252614', '00042100005264']],
    ['gtin.length', 'error', 'UPC', '36000291452', ['"36000291452"', '11 digits', 'a UPC has 12 digits.'], ['036000291452', 'as text']],
    ['gtin.length', 'error', 'GTIN', '12345', ['"12345"', '5 digits', 'a GTIN has 14 digits (or 13, 12 or 8)'], ['Copy the full GTIN']],
    ['gtin.length', 'error', 'EAN', '40063813339312', ['14 digits', 'an EAN has 13 digits (or 8)'], ['Copy the full EAN']],
    ['gtin.not_numeric', 'error', 'UPC', '0360 0029 1452', ['"0360 0029 1452"', 'a space', 'digits only'], ['036000291452']],
    ['gtin.not_numeric', 'error', 'GTIN', '0001-2345-6789-05', ['"-"'], ['00012345678905']],
    ['gtin.not_numeric', 'error', 'UPC', '3.60003E+11', ['"3.60003E+11"', '"E"'], ['format the column as text']],
    ['gtin.not_numeric', 'error', 'EAN', 'N/A', ['"N/A"', '"N"', '"/"'], ['digits under the barcode']],
    ['gtin.type_mismatch', 'warning', 'UPC', '4006381333931', ['"4006381333931"', 'an EAN', '"UPC"'], ['Set Product ID Type to EAN', '04006381333931']],
    ['gtin.type_mismatch', 'warning', 'UPC', '0036000291452', ['"0036000291452"', '"UPC"'], ['036000291452', 'EAN']],
    ['gtin.type_mismatch', 'warning', 'UPC', '00012345678905', ['a GTIN-14'], ['Set Product ID Type to GTIN']],
    ['gtin.type_mismatch', 'warning', 'EAN', '036000291452', ['"036000291452"', 'a UPC', '"EAN"'], ['Set Product ID Type to UPC', '00036000291452']],
    ['gtin.type_mismatch', 'warning', 'ISBN', '4006381333931', ['an EAN', '"ISBN"'], ['Set Product ID Type to EAN']],
    ['gtin.type_mismatch', 'warning', 'GTIN', '0306406152', ['an ISBN-10', '"GTIN"'], ['Set Product ID Type to ISBN', '09780306406157']],
    ['gtin.upc_e', 'warning', 'UPC', '04252614', ['"04252614"', 'UPC-E', '12-digit'], ['042100005264', '00042100005264']],
    ['gtin.upc_e', 'warning', 'GTIN', '04252614', ['"04252614"', 'UPC-E'], ['042100005264', '00042100005264']],
    ['gtin.not_gtin14', 'info', 'GTIN', '036000291452', ['"036000291452"', '12-digit GTIN', '14 digits'], ['Walmart stores it as GTIN-14: 00036000291452', 'UPC']],
    ['gtin.not_gtin14', 'info', 'GTIN', '4006381333931', ['13-digit GTIN'], ['Walmart stores it as GTIN-14: 04006381333931', 'EAN']],
    ['gtin.not_gtin14', 'info', 'gtin', '96385074', ['8-digit GTIN'], ['Walmart stores it as GTIN-14: 00000096385074']],
    ['isbn.check_digit', 'error', 'ISBN', '0306406153', ['"0306406153"', 'check digit 3', 'end in 2'], ['0306406152', '09780306406157']],
    ['isbn.check_digit', 'error', 'ISBN', '0804429570', ['check character 0', 'end in X'], ['080442957X']],
    ['isbn.check_digit', 'error', 'ISBN', '9780306406158', ['"9780306406158"', 'end in 7'], ['9780306406157']],
    ['isbn.not_numeric', 'error', 'ISBN', '978-0-306-40615-7', ['"978-0-306-40615-7"', '"-"'], ['9780306406157']],
    ['isbn.not_numeric', 'error', 'ISBN', '0306X06152', ['"X"'], ['digits only']],
    ['isbn.length', 'error', 'ISBN', '306406152', ['"306406152"', '9 characters', '10 or 13'], ['0306406152', 'as text']],
    ['isbn.length', 'error', 'ISBN', '97803064061', ['11 characters'], ['978 or 979']],
    ['issn.not_numeric', 'error', 'ISSN', '0317-8471', ['"0317-8471"', '"-"'], ['03178471']],
    ['issn.check_digit', 'error', 'ISSN', '03178472', ['"03178472"', 'end in 1'], ['03178471']],
    ['issn.length', 'error', 'ISSN', '3178471', ['"3178471"', '7 characters'], ['03178471']],
  ])('%s (%s) for %s %j', (code, severity, productIdType, productId, inMessage, inHint) => {
    const findings = run({ productIdType, productId });
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding).toMatchObject({ code, severity, attribute: 'productIdentifiers', subPath: 'productId' });
    expect(finding?.message.startsWith('Product Identifiers: Product ID ')).toBe(true);
    for (const words of inMessage) expect(finding?.message).toContain(words);
    for (const words of inHint) expect(finding?.hint).toContain(words);
  });

  it('reads a product ID that arrived as a number, leading zeros lost, and offers them back', () => {
    const [finding, ...rest] = run({ productIdType: 'UPC', productId: 36000291452 });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ code: 'gtin.length', subPath: 'productId' });
    expect(finding?.message).toContain('"36000291452"');
    expect(finding?.hint).toContain('036000291452');
  });

  it('names the rule that raised each code', () => {
    const byCode = (type: string, id: string) => run({ productIdType: type, productId: id })[0]?.rule;
    expect(byCode('UPC', '036000291453')).toBe('identifiers.check_digit');
    expect(byCode('UPC', '36000291452')).toBe('identifiers.length');
    expect(byCode('UPC', 'N/A')).toBe('identifiers.not_numeric');
    expect(byCode('UPC', '4006381333931')).toBe('identifiers.type_mismatch');
    expect(byCode('UPC', '04252614')).toBe('identifiers.upc_e');
    expect(byCode('GTIN', '036000291452')).toBe('identifiers.not_gtin14');
    expect(byCode('ISBN', '0306406153')).toBe('identifiers.isbn');
    expect(byCode('ISSN', '03178472')).toBe('identifiers.issn');
  });
});
