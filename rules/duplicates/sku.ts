// duplicates.sku (duplicate.sku): a SKU that an earlier record in the feed already used. Walmart treats the later
// record as an update of the same item, so one of the two silently wins; every later occurrence is flagged.
import type { RuleFinding } from '../../src/core/rule.js';
import { defineFeedRule, recordPlace } from '../../src/core/rule.js';
import { KeyMap } from './key-map.js';

const SKU = 'sku';

interface SkuState {
  /** Trimmed SKU -> the record that used it first. */
  first: KeyMap<number>;
  findings: RuleFinding[];
}

export default defineFeedRule<SkuState>({
  id: 'duplicates.sku',
  pack: 'duplicates',
  severity: 'error',
  description: 'Each record in a feed must have its own SKU.',
  needs: [SKU],
  start: () => ({ first: new KeyMap(), findings: [] }),
  visit(state, record) {
    const sku = record.sku?.trim();
    if (sku === undefined || sku === '') return;
    const firstRecord = state.first.get(sku);
    if (firstRecord === undefined) {
      state.first.set(sku, record.index);
      return;
    }
    state.findings.push({
      code: 'duplicate.sku',
      attribute: SKU,
      record: record.index,
      sku: record.sku,
      productType: record.productType,
      params: { sku, firstRecord },
    });
  },
  finish: (state) => state.findings,
  message(finding, titleOf, placeOf = recordPlace) {
    const { sku, firstRecord } = finding.params;
    return `${titleOf(SKU)} "${String(sku)}" is already used by ${placeOf(Number(firstRecord))}; each item needs its own SKU.`;
  },
  hint(finding, titleOf, placeOf = recordPlace) {
    return `Give this item a different ${titleOf(SKU)}, or delete this record if it repeats ${placeOf(Number(finding.params.firstRecord))}.`;
  },
});
