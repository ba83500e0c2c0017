// duplicates.sku (duplicate.sku): a SKU that an earlier record in the feed already used. Walmart treats the later
// record as an update of the same item, so one of the two silently wins; every later occurrence is flagged.
import type { RuleFinding } from '../../src/core/rule.js';
import { byRecord, defineFeedRule, recordPlace, tuplesOf } from '../../src/core/rule.js';
import { REPEATS, type KeyedTuples, type TupleField } from '../../src/core/keyed-tuples.js';
import { FeedTypes } from '../feed-types.js';

const SKU = 'sku';

/**
 * Each record with a SKU, keyed by the SKU trimmed: its SKU as given when trimming changed it, and its product type
 * when it is not the feed's first (see FeedTypes). The usual tuple has no field at all, only its key and record.
 */
interface SkuState {
  tuples: KeyedTuples;
  types: FeedTypes;
}

/** The usual tuple's fields: none. */
const NO_FIELDS: readonly TupleField[] = Object.freeze([]);

const GIVEN_FIELD = 0;
const TYPE_FIELD = 1;

export default defineFeedRule<SkuState>({
  id: 'duplicates.sku',
  pack: 'duplicates',
  severity: 'error',
  description: 'Each record in a feed must have its own SKU.',
  needs: [SKU],
  start: (feed) => ({ tuples: tuplesOf(feed), types: new FeedTypes() }),
  visit(state, record) {
    const sku = record.sku?.trim();
    if (sku === undefined || sku === '') return;
    // The SKU as given only when trimming changed it (rare): the key is the rest of the time.
    const given = record.sku === sku ? undefined : record.sku;
    const type = state.types.pack(record.productType);
    state.tuples.append(sku, record.index, given === undefined && type === undefined ? NO_FIELDS : [given, type]);
  },
  finish(state) {
    const findings: RuleFinding[] = [];
    // Only repeated keys: the feed's many keys of one tuple make no call.
    state.tuples.forEachGroup((group) => {
      const firstRecord = group.record(0);
      for (let m = 1; m < group.size; m++) {
        findings.push({
          code: 'duplicate.sku',
          attribute: SKU,
          record: group.record(m),
          sku: group.text(m, GIVEN_FIELD) ?? group.key,
          productType: state.types.unpack(group.field(m, TYPE_FIELD)),
          params: { sku: group.key, firstRecord },
        });
      }
    }, REPEATS);
    return byRecord(findings);
  },
  message(finding, titleOf, placeOf = recordPlace) {
    const { sku, firstRecord } = finding.params;
    return `${titleOf(SKU)} "${String(sku)}" is already used by ${placeOf(Number(firstRecord))}; each item needs its own SKU.`;
  },
  hint(finding, titleOf, placeOf = recordPlace) {
    return `Give this item a different ${titleOf(SKU)}, or delete this record if it repeats ${placeOf(Number(finding.params.firstRecord))}.`;
  },
});
