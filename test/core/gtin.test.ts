// Check-digit arithmetic and the product ID verdict, against codes printed on real packages and books.
import { describe, expect, it } from 'vitest';
import {
  checkProductId,
  expandUpcE,
  gs1CheckDigit,
  isbn10CheckDigit,
  isbn10ToIsbn13,
  issnCheckDigit,
  isValidEan13,
  isValidEan8,
  isValidGtin,
  isValidIsbn10,
  isValidIsbn13,
  isValidIssn,
  isValidUpcA,
  isValidUpcE,
  restoreLeadingZeros,
  toGtin14,
  toProductIdType,
} from '../../src/core/gtin.js';

describe('gs1CheckDigit', () => {
  it.each([
    ['03600029145', 2],
    ['400638133393', 1],
    ['0001234567890', 5],
    ['9638507', 4],
    ['978030640615', 7],
    ['1001234567890', 2],
  ])('%s -> %i', (payload, digit) => {
    expect(gs1CheckDigit(payload)).toBe(digit);
  });
});

describe('GTIN validity', () => {
  it.each(['036000291452', '4006381333931', '00012345678905', '10012345678902', '96385074', '9780306406157'])(
    '%s is a valid GTIN',
    (code) => {
      expect(isValidGtin(code)).toBe(true);
    },
  );

  it.each([
    ['036000291453', 'wrong check digit'],
    ['4006381333932', 'wrong check digit'],
    ['3600029145', '10 digits'],
    ['0036000291452123', '16 digits'],
    ['03600029145X', 'not digits'],
    ['', 'empty'],
  ])('%s is not a valid GTIN (%s)', (code) => {
    expect(isValidGtin(code)).toBe(false);
  });

  it('tells UPC-A, EAN-13 and EAN-8 apart by length', () => {
    expect(isValidUpcA('036000291452')).toBe(true);
    expect(isValidUpcA('4006381333931')).toBe(false);
    expect(isValidEan13('4006381333931')).toBe(true);
    expect(isValidEan13('036000291452')).toBe(false);
    expect(isValidEan8('96385074')).toBe(true);
    expect(isValidEan8('96385075')).toBe(false);
  });
});

describe('UPC-E', () => {
  it.each([
    ['04252614', '042100005264'],
    ['01234505', '012000003455'],
    ['01234531', '012300000451'],
    ['01234543', '012340000053'],
    ['01234565', '012345000065'],
  ])('%s expands to the UPC-A %s', (upcE, upcA) => {
    expect(expandUpcE(upcE)).toBe(upcA);
    expect(isValidUpcE(upcE)).toBe(true);
    expect(isValidUpcA(upcA)).toBe(true);
  });

  it.each([
    ['04252615', 'check digit of the expansion is 4'],
    ['24252614', 'number system 2'],
    ['0425261', 'seven digits'],
  ])('%s is not a valid UPC-E (%s)', (code) => {
    expect(isValidUpcE(code)).toBe(false);
  });

  it('expands only number systems 0 and 1', () => {
    expect(expandUpcE('24252614')).toBeUndefined();
    expect(expandUpcE('14252614')).toBe('142100005264');
  });
});

describe('ISBN and ISSN', () => {
  it.each([
    ['0306406152', '9780306406157'],
    ['080442957X', '9780804429573'],
    ['080442957x', '9780804429573'],
  ])('ISBN-10 %s is valid and converts to ISBN-13 %s', (isbn10, isbn13) => {
    expect(isValidIsbn10(isbn10)).toBe(true);
    expect(isbn10ToIsbn13(isbn10)).toBe(isbn13);
    expect(isValidIsbn13(isbn13)).toBe(true);
  });

  it.each(['0306406153', '030640615', '03064061520', '03064X6152'])('%s is not a valid ISBN-10', (code) => {
    expect(isValidIsbn10(code)).toBe(false);
    expect(isbn10ToIsbn13(code)).toBeUndefined();
  });

  it.each([
    ['9780306406158', 'wrong check digit'],
    ['4006381333931', 'an EAN outside 978/979'],
    ['978030640615', '12 digits'],
  ])('%s is not a valid ISBN-13 (%s)', (code) => {
    expect(isValidIsbn13(code)).toBe(false);
  });

  it('computes mod-11 check characters, X for ten', () => {
    expect(isbn10CheckDigit('030640615')).toBe('2');
    expect(isbn10CheckDigit('080442957')).toBe('X');
    expect(issnCheckDigit('0317847')).toBe('1');
    expect(issnCheckDigit('0028083')).toBe('6');
  });

  it.each(['03178471', '00280836', '2434561X'])('ISSN %s is valid', (code) => {
    expect(isValidIssn(code)).toBe(true);
  });

  it.each(['03178472', '0317847', '0317-847'])('%s is not a valid ISSN', (code) => {
    expect(isValidIssn(code)).toBe(false);
  });
});

describe('toGtin14', () => {
  it.each([
    ['036000291452', '00036000291452'],
    ['4006381333931', '04006381333931'],
    ['96385074', '00000096385074'],
    ['00012345678905', '00012345678905'],
  ])('%s -> %s', (code, gtin14) => {
    expect(toGtin14(code)).toBe(gtin14);
  });

  it.each(['036000291453', '3600029145', 'abc'])('%s has no GTIN-14', (code) => {
    expect(toGtin14(code)).toBeUndefined();
  });
});

describe('toProductIdType', () => {
  it.each([
    ['GTIN', 'GTIN'],
    ['upc', 'UPC'],
    [' Ean ', 'EAN'],
    ['ISBN', 'ISBN'],
    ['ISSN', 'ISSN'],
    ['ASIN', 'other'],
    ['', 'other'],
  ])('%j -> %s', (raw, type) => {
    expect(toProductIdType(raw)).toBe(type);
  });
});

describe('checkProductId: valid IDs', () => {
  it.each([
    ['GTIN', '00012345678905', 'GTIN-14', '00012345678905'],
    ['GTIN', '036000291452', 'GTIN-12', '00036000291452'],
    ['GTIN', '4006381333931', 'GTIN-13', '04006381333931'],
    ['GTIN', '96385074', 'GTIN-8', '00000096385074'],
    ['GTIN', '04252614', 'UPC-E', '00042100005264'],
    ['UPC', '036000291452', 'GTIN-12', '00036000291452'],
    ['UPC', ' 036000291452 ', 'GTIN-12', '00036000291452'],
    ['upc', '036000291452', 'GTIN-12', '00036000291452'],
    ['UPC', '04252614', 'UPC-E', '00042100005264'],
    ['EAN', '4006381333931', 'GTIN-13', '04006381333931'],
    ['EAN', '96385074', 'GTIN-8', '00000096385074'],
    ['EAN', '9780306406157', 'GTIN-13', '09780306406157'],
    ['ISBN', '0306406152', 'ISBN-10', '09780306406157'],
    ['ISBN', '080442957X', 'ISBN-10', '09780804429573'],
    ['ISBN', '9780306406157', 'ISBN-13', '09780306406157'],
    ['ISSN', '9770317847001', 'GTIN-13', '09770317847001'],
    ['ASIN', '036000291452', 'other', '00036000291452'],
  ])('%s %j is ok as %s (GTIN-14 %s)', (type, id, format, gtin14) => {
    expect(checkProductId(type, id)).toEqual({ ok: true, format, gtin14 });
  });

  it.each([
    ['ISSN', '03178471', 'ISSN'],
    ['ASIN', 'B000123ABC', 'other'],
  ])('%s %s is ok as %s with no GTIN-14', (type, id, format) => {
    expect(checkProductId(type, id)).toEqual({ ok: true, format });
  });
});

describe('checkProductId: problems', () => {
  it.each([
    ['UPC', '0360-0029-1452', '-', '036000291452'],
    ['EAN', '4006381 333931', ' ', '4006381333931'],
    ['ISBN', '978-0-306-40615-7', '-', '9780306406157'],
    ['ISSN', '0317-8471', '-', '03178471'],
    ['UPC', '3.60003E+11', '.E+', undefined],
    ['GTIN', 'ABC123', 'ABC', undefined],
    ['ISBN', '0306X06152', 'X', undefined],
  ])('%s %j is not_numeric (bad %j, stripped %j)', (type, id, invalid, stripped) => {
    const params = stripped === undefined ? { invalid } : { invalid, stripped };
    expect(checkProductId(type, id)).toEqual({ ok: false, problem: 'not_numeric', params });
  });

  it.each([
    ['UPC', '36000291452', 11, [12]],
    ['UPC', '0036000291452123', 16, [12]],
    ['GTIN', '12345', 5, [14, 13, 12, 8]],
    ['EAN', '400638133393', 12, [13, 8]],
    ['ISBN', '030640615', 9, [13, 10]],
    ['ISSN', '0317847', 7, [8, 13]],
    ['EAN', '  ', 0, [13, 8]],
    ['UPC', '24252615', 8, [12]],
  ])('%s %s is bad_length (%i digits)', (type, id, length, expected) => {
    expect(checkProductId(type, id)).toEqual({ ok: false, problem: 'bad_length', params: { length, expected } });
  });

  it.each([
    ['UPC', '036000291453', 'GTIN-12', '3', '2', '036000291452', '00036000291452'],
    ['GTIN', '00012345678900', 'GTIN-14', '0', '5', '00012345678905', '00012345678905'],
    ['EAN', '4006381333932', 'GTIN-13', '2', '1', '4006381333931', '04006381333931'],
    ['EAN', '96385075', 'GTIN-8', '5', '4', '96385074', '00000096385074'],
    ['UPC', '04252615', 'UPC-E', '5', '4', '04252614', '00042100005264'],
    ['ISBN', '0306406153', 'ISBN-10', '3', '2', '0306406152', '09780306406157'],
    ['ISBN', '0804429570', 'ISBN-10', '0', 'X', '080442957X', '09780804429573'],
    ['ISBN', '9780306406158', 'ISBN-13', '8', '7', '9780306406157', '09780306406157'],
    ['ISSN', '9770317847002', 'GTIN-13', '2', '1', '9770317847001', '09770317847001'],
  ])('%s %s fails its %s check digit (%s, expected %s)', (type, id, format, seen, expected, corrected, gtin14) => {
    expect(checkProductId(type, id)).toEqual({
      ok: false,
      problem: 'check_digit',
      params: { format, seen, expected, corrected, gtin14 },
    });
  });

  it('gives an ISSN check-digit problem no GTIN-14', () => {
    expect(checkProductId('ISSN', '03178472')).toEqual({
      ok: false,
      problem: 'check_digit',
      params: { format: 'ISSN', seen: '2', expected: '1', corrected: '03178471' },
    });
  });

  it.each([
    ['UPC', '4006381333931', 'EAN', 'GTIN-13', '04006381333931'],
    ['UPC', '0036000291452', 'EAN', 'GTIN-13', '00036000291452'],
    ['UPC', '00012345678905', 'GTIN', 'GTIN-14', '00012345678905'],
    ['UPC', '96385074', 'EAN', 'GTIN-8', '00000096385074'],
    ['UPC', '9780306406157', 'ISBN', 'ISBN-13', '09780306406157'],
    ['EAN', '036000291452', 'UPC', 'GTIN-12', '00036000291452'],
    ['EAN', '00012345678905', 'GTIN', 'GTIN-14', '00012345678905'],
    ['GTIN', '0306406152', 'ISBN', 'ISBN-10', '09780306406157'],
    ['ISBN', '4006381333931', 'EAN', 'GTIN-13', '04006381333931'],
    ['ISBN', '036000291452', 'UPC', 'GTIN-12', '00036000291452'],
    ['ISSN', '4006381333931', 'EAN', 'GTIN-13', '04006381333931'],
  ])('%s %s is type_mismatch: really %s (%s)', (type, id, actual, format, gtin14) => {
    expect(checkProductId(type, id)).toEqual({ ok: false, problem: 'type_mismatch', params: { actual, format, gtin14 } });
  });
});

describe('restoreLeadingZeros', () => {
  it.each([
    ['36000291452', 'UPC', '036000291452'],
    ['4252614', 'UPC', '04252614'],
    ['36000291452', 'GTIN', '00036000291452'],
    ['12345678905', 'GTIN', '00012345678905'],
    ['96385074', 'GTIN', '00000096385074'],
    ['12345678905', 'EAN', '0012345678905'],
    ['306406152', 'ISBN', '0306406152'],
    ['280836', 'ISSN', '00280836'],
    ['3178471', 'issn', '03178471'],
  ])('%s as %s -> %s', (digits, type, restored) => {
    expect(restoreLeadingZeros(digits, type)).toBe(restored);
  });

  it.each([
    ['36000291453', 'UPC', 'the check digit does not confirm it'],
    ['036000291452', 'UPC', 'already full length'],
    ['4006381333931', 'UPC', 'longer than a UPC'],
    ['3600029145X', 'UPC', 'not digits'],
    ['0000000', 'GTIN', 'all zeros'],
    ['505', 'GTIN', 'too few digits left to trust the check'],
    ['36000291452', 'ASIN', 'no known length for the type'],
    ['306406153', 'ISBN', 'the ISBN check does not confirm it'],
  ])('%s as %s -> undefined (%s)', (digits, type) => {
    expect(restoreLeadingZeros(digits, type)).toBeUndefined();
  });
});
