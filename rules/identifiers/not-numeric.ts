// identifiers.not_numeric (gtin.not_numeric): GTINs, UPCs and EANs are digits only. Most stray characters are the
// spaces and hyphens of a printed barcode, or a spreadsheet's scientific notation, so the hint names the fix for each.
import { checkProductId } from '../../src/core/gtin.js';
import { defineRecordRule } from '../../src/core/rule.js';
import { NO_FINDINGS } from '../no-findings.js';
import { PRODUCT_IDENTIFIERS, describe, either, isGs1Type, problemParams, productIdFinding, readProductId, seen, text } from './product-id.js';

/** How a spreadsheet shows a long number it has rounded: 3.60003E+11. */
export const SCIENTIFIC = /^\d(?:[.,]\d+)?e\+?\d+$/i;

/** The stray characters for a message: `"-"`, `a space`. */
export function describeCharacters(invalid: string): string {
  const names = [...invalid].map((c) => (c === ' ' ? 'a space' : /\s/.test(c) ? 'a tab or line break' : `"${c}"`));
  return either([...new Set(names)], 'and');
}

export default defineRecordRule({
  id: 'identifiers.not_numeric',
  pack: 'identifiers',
  severity: 'error',
  description: 'A GTIN, UPC or EAN is digits only.',
  needs: [PRODUCT_IDENTIFIERS],
  check(record) {
    const identifier = readProductId(record);
    if (identifier === undefined || !isGs1Type(identifier.type)) return NO_FINDINGS;
    const params = problemParams(identifier, 'not_numeric');
    if (params === undefined) return NO_FINDINGS;
    // Offer the stripped value only when it is a valid code, not merely digits.
    const stripped = params.stripped;
    const fix = stripped !== undefined && checkProductId(identifier.declared, stripped).ok ? { fix: stripped } : {};
    return [productIdFinding('gtin.not_numeric', identifier, { invalid: params.invalid, ...fix })];
  },
  message(finding, titleOf) {
    const { invalid, productIdType } = finding.params;
    return `${seen(finding, titleOf)} contains ${describeCharacters(text(invalid))}, but ${describe(text(productIdType))} is digits only.`;
  },
  hint(finding) {
    const { fix, productId } = finding.params;
    if (typeof fix === 'string') return `Remove the spaces and punctuation: ${fix}.`;
    if (SCIENTIFIC.test(text(productId))) {
      return 'A spreadsheet turned the code into a rounded number: format the column as text and enter the full code again.';
    }
    return 'Enter the digits under the barcode, with nothing else.';
  },
});
