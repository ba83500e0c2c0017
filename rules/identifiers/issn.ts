// identifiers.issn (issn.not_numeric, issn.length, issn.check_digit): a Product ID typed ISSN must be an 8-character
// ISSN (mod 11, may end in X) or the 13-digit 977 barcode of a serial.
import { restoreLeadingZeros } from '../../src/core/gtin.js';
import type { RuleFinding } from '../../src/core/rule.js';
import { defineRecordRule } from '../../src/core/rule.js';
import { NO_FINDINGS } from '../no-findings.js';
import { PRODUCT_IDENTIFIERS, problemParams, productIdFinding, readProductId, seen, text } from './product-id.js';
import { describeCharacters } from './not-numeric.js';

export default defineRecordRule({
  id: 'identifiers.issn',
  pack: 'identifiers',
  severity: 'error',
  description: 'An ISSN has 8 characters (the last may be X), or 13 digits starting 977, with a correct check digit.',
  needs: [PRODUCT_IDENTIFIERS],
  check(record): RuleFinding[] {
    const identifier = readProductId(record);
    if (identifier?.type !== 'ISSN') return NO_FINDINGS;
    const notNumeric = problemParams(identifier, 'not_numeric');
    if (notNumeric) {
      const fix = notNumeric.stripped === undefined ? {} : { fix: notNumeric.stripped };
      return [productIdFinding('issn.not_numeric', identifier, { invalid: notNumeric.invalid, ...fix })];
    }
    const badLength = problemParams(identifier, 'bad_length');
    if (badLength) {
      const restored = restoreLeadingZeros(identifier.id, 'ISSN');
      return [productIdFinding('issn.length', identifier, restored === undefined ? badLength : { ...badLength, restored })];
    }
    const checkDigit = problemParams(identifier, 'check_digit');
    return checkDigit ? [productIdFinding('issn.check_digit', identifier, checkDigit)] : NO_FINDINGS;
  },
  message(finding, titleOf) {
    const { invalid, length, expected } = finding.params;
    const at = seen(finding, titleOf);
    switch (finding.code) {
      case 'issn.not_numeric':
        return `${at} contains ${describeCharacters(text(invalid))}, but an ISSN is digits only (the last may be X).`;
      case 'issn.length':
        return `${at} has ${text(length)} characters, but an ISSN has 8 (or 13 in its 977 barcode form).`;
      default:
        return `${at} ends in check character ${text(finding.params.seen)}, but an ISSN with these digits must end in ${text(expected)}.`;
    }
  },
  hint(finding) {
    const { fix, restored, corrected } = finding.params;
    switch (finding.code) {
      case 'issn.not_numeric':
        return typeof fix === 'string' ? `Remove the hyphen: ${fix}.` : 'Enter the 8-character ISSN printed on the cover, without the hyphen.';
      case 'issn.length':
        return typeof restored === 'string'
          ? `The leading zeros look lost, as happens when a spreadsheet reads the ISSN as a number: enter ${restored} and format the column as text.`
          : 'Copy the ISSN again from the cover or the ISSN portal.';
      default:
        return `If only the last character is wrong, use ${text(corrected)}; otherwise copy the ISSN again from the cover.`;
    }
  },
});
