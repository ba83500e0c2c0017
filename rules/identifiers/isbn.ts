// identifiers.isbn (isbn.not_numeric, isbn.length, isbn.check_digit): a Product ID typed ISBN must be an ISBN-10
// (mod 11, may end in X) or an ISBN-13 (978/979 and a GS1 check digit). An ISBN that is really an EAN or UPC is
// identifiers.type_mismatch's finding.
import { restoreLeadingZeros } from '../../src/core/gtin.js';
import type { RuleFinding } from '../../src/core/rule.js';
import { defineRecordRule } from '../../src/core/rule.js';
import { NO_FINDINGS } from '../no-findings.js';
import { PRODUCT_IDENTIFIERS, problemParams, productIdFinding, readProductId, seen, text } from './product-id.js';
import { SCIENTIFIC, describeCharacters } from './not-numeric.js';

export default defineRecordRule({
  id: 'identifiers.isbn',
  pack: 'identifiers',
  severity: 'error',
  description: 'An ISBN has 10 characters (the last may be X) or 13 digits starting 978 or 979, with a correct check digit.',
  needs: [PRODUCT_IDENTIFIERS],
  check(record): RuleFinding[] {
    const identifier = readProductId(record);
    if (identifier?.type !== 'ISBN') return NO_FINDINGS;
    const notNumeric = problemParams(identifier, 'not_numeric');
    if (notNumeric) {
      const fix = notNumeric.stripped === undefined ? {} : { fix: notNumeric.stripped };
      return [productIdFinding('isbn.not_numeric', identifier, { invalid: notNumeric.invalid, ...fix })];
    }
    const badLength = problemParams(identifier, 'bad_length');
    if (badLength) {
      const restored = restoreLeadingZeros(identifier.id, 'ISBN');
      return [productIdFinding('isbn.length', identifier, restored === undefined ? badLength : { ...badLength, restored })];
    }
    const checkDigit = problemParams(identifier, 'check_digit');
    return checkDigit ? [productIdFinding('isbn.check_digit', identifier, checkDigit)] : NO_FINDINGS;
  },
  message(finding, titleOf) {
    const { invalid, length, expected } = finding.params;
    const at = seen(finding, titleOf);
    switch (finding.code) {
      case 'isbn.not_numeric':
        return `${at} contains ${describeCharacters(text(invalid))}, but an ISBN is digits only (an ISBN-10 may end in X).`;
      case 'isbn.length':
        return `${at} has ${text(length)} characters, but an ISBN has 10 or 13.`;
      default:
        return `${at} ends in check ${expected === 'X' || finding.params.seen === 'X' ? 'character' : 'digit'} ${text(finding.params.seen)}, but an ISBN with these digits must end in ${text(expected)}.`;
    }
  },
  hint(finding) {
    const { fix, restored, productId, corrected, gtin14 } = finding.params;
    switch (finding.code) {
      case 'isbn.not_numeric':
        if (typeof fix === 'string') return `Remove the hyphens and spaces: ${fix}.`;
        return SCIENTIFIC.test(text(productId))
          ? 'A spreadsheet turned the ISBN into a rounded number: format the column as text and enter it again.'
          : 'Enter the ISBN from the copyright page or the barcode, digits only.';
      case 'isbn.length':
        return typeof restored === 'string'
          ? `The leading zero looks lost, as happens when a spreadsheet reads the ISBN as a number: enter ${restored} and format the column as text.`
          : 'Copy the ISBN again from the copyright page or the barcode; an ISBN-13 starts with 978 or 979.';
      default: {
        const stored = typeof gtin14 === 'string' ? ` (GTIN-14 ${gtin14})` : '';
        return `If only the last character is wrong, use ${text(corrected)}${stored}; otherwise copy the ISBN again from the book.`;
      }
    }
  },
});
