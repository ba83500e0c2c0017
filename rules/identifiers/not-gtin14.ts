// identifiers.not_gtin14 (gtin.not_gtin14): a valid 8-, 12- or 13-digit code typed GTIN. Walmart pads it to the
// 14 digits it stores, so this is only information: the merchandiser sees the form Walmart will show.
import { defineRecordRule } from '../../src/core/rule.js';
import { NO_FINDINGS } from '../no-findings.js';
import { PRODUCT_IDENTIFIERS, isFormat, productIdFinding, readProductId, seen, text } from './product-id.js';

const NATIVE_TYPE: Readonly<Record<string, string>> = { 'GTIN-8': 'EAN', 'GTIN-12': 'UPC', 'GTIN-13': 'EAN' };

export default defineRecordRule({
  id: 'identifiers.not_gtin14',
  pack: 'identifiers',
  severity: 'info',
  description: 'A product ID of type GTIN is stored by Walmart as 14 digits.',
  needs: [PRODUCT_IDENTIFIERS],
  check(record) {
    const identifier = readProductId(record);
    if (identifier?.type !== 'GTIN' || !identifier.check.ok) return NO_FINDINGS;
    const { format, gtin14 } = identifier.check;
    if (!isFormat(format, 'GTIN-8', 'GTIN-12', 'GTIN-13')) return NO_FINDINGS;
    return [productIdFinding('gtin.not_gtin14', identifier, { format, gtin14, nativeType: NATIVE_TYPE[format] })];
  },
  message(finding, titleOf) {
    return `${seen(finding, titleOf)} is a valid ${text(finding.params.productId).length}-digit GTIN; Walmart expects a GTIN as 14 digits.`;
  },
  hint(finding) {
    const { gtin14, nativeType } = finding.params;
    return `Walmart stores it as GTIN-14: ${text(gtin14)}. Enter that, or keep this code and set Product ID Type to ${text(nativeType)}.`;
  },
});
