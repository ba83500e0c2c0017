// identifiers.upc_e (gtin.upc_e): an 8-digit UPC-E is a compressed UPC-A. Walmart expects the 12-digit UPC, and
// 8 digits can be read as an EAN-8, a different product, so the full code is asked for.
import { expandUpcE } from '../../src/core/gtin.js';
import { defineRecordRule } from '../../src/core/rule.js';
import { NO_FINDINGS } from '../no-findings.js';
import { PRODUCT_IDENTIFIERS, productIdFinding, readProductId, seen, text } from './product-id.js';

export default defineRecordRule({
  id: 'identifiers.upc_e',
  pack: 'identifiers',
  severity: 'warning',
  description: 'An 8-digit UPC-E should be given as the 12-digit UPC-A it stands for.',
  needs: [PRODUCT_IDENTIFIERS],
  check(record) {
    const identifier = readProductId(record);
    if (identifier === undefined || !identifier.check.ok || identifier.check.format !== 'UPC-E') return NO_FINDINGS;
    const upcA = expandUpcE(identifier.id);
    return [productIdFinding('gtin.upc_e', identifier, { upcA, gtin14: identifier.check.gtin14 })];
  },
  message(finding, titleOf) {
    return `${seen(finding, titleOf)} is a compressed 8-digit UPC-E; Walmart expects the full 12-digit UPC.`;
  },
  hint(finding) {
    const { upcA, gtin14 } = finding.params;
    return `Use the UPC-A ${text(upcA)} (GTIN-14 ${text(gtin14)}), with Product ID Type UPC.`;
  },
});
