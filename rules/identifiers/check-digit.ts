// identifiers.check_digit (gtin.check_digit): Walmart rejects a GTIN, UPC or EAN whose last digit disagrees with the
// others. The right digit is computable, but the hint hedges: a typo elsewhere in the code looks exactly the same.
import { defineRecordRule } from '../../src/core/rule.js';
import { NO_FINDINGS } from '../no-findings.js';
import { PRODUCT_IDENTIFIERS, describe, isGs1Type, problemParams, productIdFinding, readProductId, seen, text } from './product-id.js';

export default defineRecordRule({
  id: 'identifiers.check_digit',
  pack: 'identifiers',
  severity: 'error',
  description: 'A GTIN, UPC or EAN must end in the check digit its other digits call for.',
  needs: [PRODUCT_IDENTIFIERS],
  check(record) {
    const identifier = readProductId(record);
    if (identifier === undefined || !isGs1Type(identifier.type)) return NO_FINDINGS;
    const params = problemParams(identifier, 'check_digit');
    return params ? [productIdFinding('gtin.check_digit', identifier, params)] : NO_FINDINGS;
  },
  message(finding, titleOf) {
    const { format, productIdType, expected } = finding.params;
    const kind = format === 'UPC-E' ? 'UPC-E' : text(productIdType);
    return `${seen(finding, titleOf)} ends in check digit ${text(finding.params.seen)}, but ${describe(kind)} with these digits must end in ${text(expected)}.`;
  },
  hint(finding) {
    const { corrected, gtin14 } = finding.params;
    const asGtin14 = gtin14 === undefined || gtin14 === corrected ? '' : ` (GTIN-14 ${text(gtin14)})`;
    return `If only the last digit is wrong, use ${text(corrected)}${asGtin14}; otherwise copy the code again from the barcode or your GS1 record.`;
  },
});
