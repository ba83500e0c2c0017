// duplicates.sku (duplicate.sku): a SKU that an earlier record in the feed already used. Walmart treats the later
// record as an update of the same item, so one of the two silently wins; every later occurrence is flagged.
import type { RuleFinding } from '../../src/core/rule.js';
import { defineFeedRule, recordPlace } from '../../src/core/rule.js';
import type { RecordLog } from '../record-log.js';
import { recordLogOf } from '../record-log.js';
import { NumberTable, int32Keys } from './number-table.js';
import { hashText } from './hash-text.js';

const SKU = 'sku';

interface SkuState {
  /** A hash of each trimmed SKU -> the record that used it first; the SKU itself is read back from the log. */
  first: NumberTable;
  log: RecordLog;
  findings: RuleFinding[];
}

export default defineFeedRule<SkuState>({
  id: 'duplicates.sku',
  pack: 'duplicates',
  severity: 'error',
  description: 'Each record in a feed must have its own SKU.',
  needs: [SKU],
  start: (feed) => ({ first: new NumberTable(int32Keys), log: recordLogOf(feed), findings: [] }),
  visit(state, record) {
    const sku = record.sku?.trim();
    if (sku === undefined || sku === '') return;
    const { log } = state;
    log.note(record);
    const hash = hashText(sku);
    // Two SKUs may share a hash: a match counts only when the earlier record's SKU is this one.
    const firstRecord = state.first.find(hash, (earlier) => log.skuOf(earlier)?.trim() === sku);
    if (firstRecord === undefined) {
      state.first.add(hash, record.index);
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
