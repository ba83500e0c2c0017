// duplicates.sku (duplicate.sku): a SKU that an earlier record in the feed already used. Walmart treats the later
// record as an update of the same item, so one of the two silently wins; every later occurrence is flagged.
import type { RuleFinding } from '../../src/core/rule.js';
import { byRecord, defineFeedRule, recordPlace, tuplesOf } from '../../src/core/rule.js';
import type { KeyedTuples, TupleField } from '../../src/core/keyed-tuples.js';
import { TextCodes } from '../text-codes.js';

const SKU = 'sku';

/** Each record with a SKU, keyed by the SKU trimmed: its SKU as given (when trimming changed it) and product type. */
interface SkuState {
  tuples: KeyedTuples;
  /** Product types (and lists of names) as numbers. */
  codes: TextCodes;
  /** A tuple's fields, one array for every record: the store copies them. */
  fields: TupleField[];
}

export default defineFeedRule<SkuState>({
  id: 'duplicates.sku',
  pack: 'duplicates',
  severity: 'error',
  description: 'Each record in a feed must have its own SKU.',
  needs: [SKU],
  start: (feed) => ({ tuples: tuplesOf(feed), codes: new TextCodes(), fields: [undefined, 0] }),
  visit(state, record) {
    const sku = record.sku?.trim();
    if (sku === undefined || sku === '') return;
    // The SKU as given only when trimming changed it (rare): the key is the rest of the time.
    const fields = state.fields;
    fields[0] = record.sku === sku ? undefined : record.sku;
    fields[1] = state.codes.pack(record.productType);
    state.tuples.append(sku, record.index, fields);
  },
  finish(state) {
    const findings: RuleFinding[] = [];
    state.tuples.forEachGroup((group) => {
      if (group.size < 2) return;
      const firstRecord = group.record(0);
      for (let m = 1; m < group.size; m++) {
        findings.push({
          code: 'duplicate.sku',
          attribute: SKU,
          record: group.record(m),
          sku: group.text(m, 0) ?? group.key,
          productType: state.codes.unpack(group.field(m, 1)),
          params: { sku: group.key, firstRecord },
        });
      }
    });
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
