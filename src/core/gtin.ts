// Product ID arithmetic: GS1 check digits, UPC-E expansion, ISBN/ISSN mod 11, GTIN-14 form, and one verdict per ID.
// Pure string functions with no imports, so rules, sources and the engine can all share them.

/** The Product ID Type values Walmart specs list; anything else is `other`. */
export type ProductIdType = 'GTIN' | 'UPC' | 'EAN' | 'ISBN' | 'ISSN' | 'other';

/** What a product ID reads as once checked. */
export type IdFormat = 'GTIN-8' | 'GTIN-12' | 'GTIN-13' | 'GTIN-14' | 'UPC-E' | 'ISBN-10' | 'ISBN-13' | 'ISSN' | 'other';

const DIGITS = /^\d+$/;
const KNOWN_TYPES: readonly ProductIdType[] = ['GTIN', 'UPC', 'EAN', 'ISBN', 'ISSN'];

export function toProductIdType(value: string): ProductIdType {
  // Nearly every record spells its type as Walmart lists it: no trimming, upper-casing or search for those.
  switch (value) {
    case 'GTIN':
    case 'UPC':
    case 'EAN':
    case 'ISBN':
    case 'ISSN':
      return value;
  }
  const upper = value.trim().toUpperCase();
  return KNOWN_TYPES.find((t) => t === upper) ?? 'other';
}

// ---- GS1 (GTIN-8/12/13/14, UPC, EAN) ----

/** GS1 mod-10 check digit for the digits that precede it, weighting 3,1,3… from the right. */
export function gs1CheckDigit(payload: string): number {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    const digit = payload.charCodeAt(payload.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Digits only (at least two), the last being the GS1 check digit of the others: one pass over the character codes,
 * without the slices and regular expression a step-by-step test would need, since every record's ID goes through it.
 */
export function hasGs1CheckDigit(code: string): boolean {
  const last = code.length - 1;
  if (last < 1) return false;
  let sum = 0;
  for (let i = 0; i < last; i++) {
    const digit = code.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return false;
    // Weights 3,1,3… from the right of the payload: the digit just before the check digit weighs 3.
    sum += (last - 1 - i) % 2 === 0 ? digit * 3 : digit;
  }
  const check = code.charCodeAt(last) - 48;
  return check >= 0 && check <= 9 && check === (10 - (sum % 10)) % 10;
}

/** A GTIN-8, -12, -13 or -14 with a correct check digit. */
export function isValidGtin(code: string): boolean {
  const n = code.length;
  return (n === 8 || n === 12 || n === 13 || n === 14) && hasGs1CheckDigit(code);
}

export function isValidUpcA(code: string): boolean {
  return code.length === 12 && hasGs1CheckDigit(code);
}

export function isValidEan13(code: string): boolean {
  return code.length === 13 && hasGs1CheckDigit(code);
}

export function isValidEan8(code: string): boolean {
  return code.length === 8 && hasGs1CheckDigit(code);
}

/**
 * The UPC-A a UPC-E stands for (number system, six digits, check digit), or undefined when it is not one.
 * The check digit is carried over unchecked; isValidUpcE checks it.
 */
export function expandUpcE(code: string): string | undefined {
  if (!/^[01]\d{7}$/.test(code)) return undefined;
  const ns = code.slice(0, 1);
  const d = code.slice(1, 7);
  const check = code.slice(7);
  const last = Number(d.slice(5));
  let body: string;
  if (last <= 2) body = `${d.slice(0, 2)}${d.slice(5)}0000${d.slice(2, 5)}`;
  else if (last === 3) body = `${d.slice(0, 3)}00000${d.slice(3, 5)}`;
  else if (last === 4) body = `${d.slice(0, 4)}00000${d.slice(4, 5)}`;
  else body = `${d.slice(0, 5)}0000${d.slice(5)}`;
  return `${ns}${body}${check}`;
}

/** A UPC-E whose check digit is right for the UPC-A it expands to. */
export function isValidUpcE(code: string): boolean {
  const upcA = expandUpcE(code);
  return upcA !== undefined && isValidUpcA(upcA);
}

/** Any valid GTIN as GTIN-14, the form Walmart stores; undefined when it is not a valid GTIN. */
export function toGtin14(code: string): string | undefined {
  return isValidGtin(code) ? code.padStart(14, '0') : undefined;
}

// ---- ISBN and ISSN ----

function mod11Check(payload: string): string {
  // Weights run down to 2 at the last payload digit: 10..2 for ISBN-10, 8..2 for ISSN.
  let sum = 0;
  for (let i = 0; i < payload.length; i++) sum += (payload.charCodeAt(i) - 48) * (payload.length + 1 - i);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

/** ISBN-10 check character (0-9 or X) for its first nine digits. */
export function isbn10CheckDigit(first9: string): string {
  return mod11Check(first9);
}

export function isValidIsbn10(code: string): boolean {
  const upper = code.toUpperCase();
  return /^\d{9}[\dX]$/.test(upper) && upper.slice(9) === isbn10CheckDigit(upper.slice(0, 9));
}

/** An ISBN-13: a GTIN-13 in the 978/979 "Bookland" range. */
export function isValidIsbn13(code: string): boolean {
  return /^97[89]\d{10}$/.test(code) && hasGs1CheckDigit(code);
}

/** The ISBN-13 for a valid ISBN-10 (978 prefix, new GS1 check digit), or undefined. */
export function isbn10ToIsbn13(code: string): string | undefined {
  if (!isValidIsbn10(code)) return undefined;
  const payload = `978${code.slice(0, 9)}`;
  return `${payload}${gs1CheckDigit(payload)}`;
}

/** ISSN check character (0-9 or X) for its first seven digits. */
export function issnCheckDigit(first7: string): string {
  return mod11Check(first7);
}

export function isValidIssn(code: string): boolean {
  const upper = code.toUpperCase();
  return /^\d{7}[\dX]$/.test(upper) && upper.slice(7) === issnCheckDigit(upper.slice(0, 7));
}

// ---- One verdict per product ID ----

export interface ProductIdOk {
  ok: true;
  format: IdFormat;
  /** The GTIN-14 Walmart stores, when the ID has one (ISSN-8 and `other` IDs may not). */
  gtin14?: string;
}

export type NotNumericParams = {
  /** The characters that do not belong, each once, in order of appearance. */
  invalid: string;
  /** The value without spaces, hyphens and dots, when that leaves only valid characters. */
  stripped?: string;
};
export type BadLengthParams = { length: number; expected: readonly number[] };
export type CheckDigitParams = {
  format: IdFormat;
  /** The check character given. */
  seen: string;
  /** The check character the other digits call for. */
  expected: string;
  /** The value with the expected check character. */
  corrected: string;
  gtin14?: string;
};
export type TypeMismatchParams = {
  /** The type the value actually is. */
  actual: Exclude<ProductIdType, 'other'>;
  format: IdFormat;
  gtin14?: string;
};

export type ProductIdProblem =
  | { ok: false; problem: 'not_numeric'; params: NotNumericParams }
  | { ok: false; problem: 'bad_length'; params: BadLengthParams }
  | { ok: false; problem: 'check_digit'; params: CheckDigitParams }
  | { ok: false; problem: 'type_mismatch'; params: TypeMismatchParams };

export type ProductIdCheck = ProductIdOk | ProductIdProblem;

/** The lengths each type comes in, the usual one first. A UPC-E is tolerated as a UPC but not asked for. */
export const EXPECTED_LENGTHS: Readonly<Record<Exclude<ProductIdType, 'other'>, readonly number[]>> = {
  GTIN: [14, 13, 12, 8],
  UPC: [12],
  EAN: [13, 8],
  ISBN: [13, 10],
  ISSN: [8, 13],
};

function ok(format: IdFormat, gtin14?: string): ProductIdOk {
  return gtin14 === undefined ? { ok: true, format } : { ok: true, format, gtin14 };
}

function gs1Format(code: string): IdFormat {
  return `GTIN-${code.length}` as IdFormat;
}

function gs1CheckProblem(code: string, format: IdFormat = gs1Format(code)): ProductIdProblem {
  const expected = String(gs1CheckDigit(code.slice(0, -1)));
  const corrected = `${code.slice(0, -1)}${expected}`;
  return checkDigitProblem(code, format, expected, corrected, corrected.padStart(14, '0'));
}

function checkDigitProblem(
  code: string,
  format: IdFormat,
  expected: string,
  corrected: string,
  gtin14: string | undefined,
): ProductIdProblem {
  const params: CheckDigitParams = { format, seen: code.slice(-1), expected, corrected };
  if (gtin14 !== undefined) params.gtin14 = gtin14;
  return { ok: false, problem: 'check_digit', params };
}

function mismatch(actual: TypeMismatchParams['actual'], format: IdFormat, gtin14?: string): ProductIdProblem {
  const params: TypeMismatchParams = { actual, format };
  if (gtin14 !== undefined) params.gtin14 = gtin14;
  return { ok: false, problem: 'type_mismatch', params };
}

/** What a valid ID of another type this value is, judged by length and check digit alone. */
function readAsAnyType(code: string): ProductIdProblem | undefined {
  if (isValidIsbn10(code)) {
    const isbn13 = isbn10ToIsbn13(code) ?? '';
    return mismatch('ISBN', 'ISBN-10', isbn13.padStart(14, '0'));
  }
  const gtin14 = toGtin14(code);
  if (gtin14 === undefined) return undefined;
  if (code.length === 8) return mismatch('EAN', 'GTIN-8', gtin14);
  if (code.length === 12) return mismatch('UPC', 'GTIN-12', gtin14);
  if (code.length === 14) return mismatch('GTIN', 'GTIN-14', gtin14);
  return isValidIsbn13(code) ? mismatch('ISBN', 'ISBN-13', gtin14) : mismatch('EAN', 'GTIN-13', gtin14);
}

function badLength(code: string, type: Exclude<ProductIdType, 'other'>): ProductIdProblem {
  return readAsAnyType(code) ?? { ok: false, problem: 'bad_length', params: { length: code.length, expected: EXPECTED_LENGTHS[type] } };
}

/** Only ISBN-10 and ISSN may end in X; every other ID is digits only. */
function allowedCharacters(code: string, type: ProductIdType): boolean {
  if (DIGITS.test(code)) return true;
  if (type === 'ISBN') return /^\d{9}[xX]$/.test(code);
  if (type === 'ISSN') return /^\d{7}[xX]$/.test(code);
  return false;
}

function notNumeric(code: string, type: ProductIdType): ProductIdProblem {
  const finalX = type === 'ISBN' || type === 'ISSN';
  const chars = [...code];
  const stray = chars.filter((c, i) => !/\d/.test(c) && !(finalX && i === chars.length - 1 && /x/i.test(c)));
  const invalid = [...new Set(stray)].join('');
  const stripped = code.replace(/[\s.\u2010-\u2015-]/g, '');
  const params: NotNumericParams = { invalid };
  if (stripped !== '' && stripped !== code && allowedCharacters(stripped, type)) params.stripped = stripped;
  return { ok: false, problem: 'not_numeric', params };
}

function checkGs1(code: string, type: 'GTIN' | 'UPC' | 'EAN'): ProductIdCheck {
  const lengths = EXPECTED_LENGTHS[type];
  if (type === 'UPC' && code.length === 8) {
    const upcA = expandUpcE(code);
    if (upcA !== undefined && isValidUpcA(upcA)) return ok('UPC-E', upcA.padStart(14, '0'));
    if (isValidGtin(code)) return mismatch('EAN', 'GTIN-8', toGtin14(code));
    if (upcA === undefined) return badLength(code, type);
    const expected = String(gs1CheckDigit(upcA.slice(0, -1)));
    const fixedUpcA = `${upcA.slice(0, -1)}${expected}`;
    return checkDigitProblem(code, 'UPC-E', expected, `${code.slice(0, 7)}${expected}`, fixedUpcA.padStart(14, '0'));
  }
  if (!lengths.includes(code.length)) return badLength(code, type);
  const gtin14 = toGtin14(code);
  if (gtin14 !== undefined) return ok(gs1Format(code), gtin14);
  // An 8-digit GTIN that fails as GTIN-8 may still be a UPC-E someone typed as GTIN.
  if (type === 'GTIN' && isValidUpcE(code)) return ok('UPC-E', (expandUpcE(code) ?? '').padStart(14, '0'));
  return gs1CheckProblem(code);
}

function checkIsbn(code: string): ProductIdCheck {
  if (code.length === 10) {
    const upper = code.toUpperCase();
    const isbn13 = isbn10ToIsbn13(upper);
    if (isbn13 !== undefined) return ok('ISBN-10', isbn13.padStart(14, '0'));
    const expected = isbn10CheckDigit(upper.slice(0, 9));
    const corrected = `${upper.slice(0, 9)}${expected}`;
    return checkDigitProblem(upper, 'ISBN-10', expected, corrected, isbn10ToIsbn13(corrected)?.padStart(14, '0'));
  }
  if (code.length === 13 && /^97[89]/.test(code)) {
    return isValidIsbn13(code) ? ok('ISBN-13', code.padStart(14, '0')) : gs1CheckProblem(code, 'ISBN-13');
  }
  if (code.length === 13) return readAsAnyType(code) ?? gs1CheckProblem(code);
  return badLength(code, 'ISBN');
}

function checkIssn(code: string): ProductIdCheck {
  if (code.length === 8) {
    const upper = code.toUpperCase();
    if (isValidIssn(upper)) return ok('ISSN');
    if (isValidGtin(upper)) return mismatch('EAN', 'GTIN-8', toGtin14(upper));
    const expected = issnCheckDigit(upper.slice(0, 7));
    return checkDigitProblem(upper, 'ISSN', expected, `${upper.slice(0, 7)}${expected}`, undefined);
  }
  // A serial's barcode is a GTIN-13 in the 977 range.
  if (code.length === 13 && code.startsWith('977')) {
    return isValidEan13(code) ? ok('GTIN-13', code.padStart(14, '0')) : gs1CheckProblem(code);
  }
  return badLength(code, 'ISSN');
}

/**
 * Checks a product ID against its Product ID Type: characters, length, check digit, and whether it is really
 * another type. Leading and trailing spaces are ignored; types are matched case-insensitively. An unknown type
 * cannot be checked, so it is ok, with a GTIN-14 when the value happens to be a valid GTIN.
 */
export function checkProductId(productIdType: string, productId: string): ProductIdCheck {
  const type = toProductIdType(productIdType);
  const code = productId.trim();
  if (type === 'other') return ok('other', toGtin14(code));
  if (code === '') return { ok: false, problem: 'bad_length', params: { length: 0, expected: EXPECTED_LENGTHS[type] } };
  if (!allowedCharacters(code, type)) return notNumeric(code, type);
  switch (type) {
    case 'ISBN':
      return checkIsbn(code);
    case 'ISSN':
      return checkIssn(code);
    default:
      return checkGs1(code, type);
  }
}

const RESTORE_TARGETS: Readonly<Record<ProductIdType, ReadonlyArray<readonly [number, (code: string) => boolean]>>> = {
  // A 7-digit UPC is most likely a UPC-E that lost its number system 0.
  UPC: [
    [8, isValidUpcE],
    [12, isValidUpcA],
  ],
  EAN: [[13, isValidEan13]],
  // Walmart's own form; an 8-, 12- or 13-digit GTIN padded to 14 is the same GTIN.
  GTIN: [[14, isValidGtin]],
  ISBN: [[10, isValidIsbn10]],
  ISSN: [[8, isValidIssn]],
  other: [],
};

/**
 * Restores the leading zeros a spreadsheet dropped when it read an ID as a number, when the check digit confirms
 * the padded value; undefined otherwise. Zeros on the left never change a GS1 or mod-11 check, so a passing check
 * says nothing about how many were lost: the target is the type's usual length.
 */
export function restoreLeadingZeros(digits: string, productIdType: string): string | undefined {
  const code = digits.trim();
  if (!DIGITS.test(code) || /^0+$/.test(code)) return undefined;
  for (const [length, valid] of RESTORE_TARGETS[toProductIdType(productIdType)]) {
    // With under half the digits left, a passing check is more likely chance than a mangled ID.
    if (code.length >= length || code.length * 2 <= length) continue;
    const padded = code.padStart(length, '0');
    if (valid(padded)) return padded;
  }
  return undefined;
}
