// identifiers.length (gtin.length): a GTIN, UPC or EAN with a digit count no such code has. Spreadsheets that read
// the code as a number drop its leading zeros, so the hint offers the restored code when its check digit agrees.
import { restoreLeadingZeros } from '../../src/core/gtin.js';
import { defineRecordRule } from '../../src/core/rule.js';
import { NO_FINDINGS } from '../no-findings.js';
import { PRODUCT_IDENTIFIERS, describe, either, isGs1Type, problemParams, productIdFinding, readProductId, seen, text } from './product-id.js';

export default defineRecordRule({
  id: 'identifiers.length',
  pack: 'identifiers',
  severity: 'error',
  description: 'A GTIN has 8, 12, 13 or 14 digits, a UPC 12 and an EAN 13 (or 8).',
  needs: [PRODUCT_IDENTIFIERS],
  check(record) {
    const identifier = readProductId(record);
    if (identifier === undefined || !isGs1Type(identifier.type)) return NO_FINDINGS;
    const params = problemParams(identifier, 'bad_length');
    if (params === undefined) return NO_FINDINGS;
    const restored = restoreLeadingZeros(identifier.id, identifier.type);
    return [productIdFinding('gtin.length', identifier, restored === undefined ? params : { ...params, restored })];
  },
  message(finding, titleOf) {
    const { length, expected, productIdType } = finding.params;
    const [usual, ...others] = Array.isArray(expected) ? (expected as unknown[]) : [];
    const alternatives = others.length > 0 ? ` (or ${either(others)})` : '';
    return `${seen(finding, titleOf)} has ${text(length)} digits, but ${describe(text(productIdType))} has ${text(usual)} digits${alternatives}.`;
  },
  hint(finding) {
    const { restored, productIdType } = finding.params;
    if (typeof restored === 'string') {
      return `The leading zeros look lost, as happens when a spreadsheet reads the code as a number: enter ${restored} and format the column as text.`;
    }
    return `Copy the full ${text(productIdType)} again from the barcode or your GS1 record; a digit is missing or extra.`;
  },
});
