// The variant feed rules keep a tuple per item under its Variant Group ID, in memory or spilled past a budget: findings
// about items long gone (groups that turn bad late, huge groups, groups across product types) name the right item,
// and spilling changes nothing.
import { describe, expect, it } from 'vitest';
import type { FeedRule, FeedScope, RecordView, RuleFinding } from '../../src/core/rule.js';
import noPrimary from '../../rules/variants/no-primary.js';
import twoPrimaries from '../../rules/variants/two-primaries.js';
import attributeNamesDiffer from '../../rules/variants/attribute-names-differ.js';
import duplicateCombination from '../../rules/variants/duplicate-combination.js';
import { fakeRecord } from '../helpers/record-view.js';
import { SpillingFeedScope } from '../../src/engine/feed-scope.js';

type Values = Record<string, unknown>;
const DEFINES = ['variantGroupId', 'variantAttributeNames', 'isPrimaryVariant', 'color', 'size'];
const FEED_RULES: ReadonlyArray<FeedRule<unknown>> = [noPrimary, twoPrimaries, attributeNamesDiffer, duplicateCombination];

function feed(values: readonly Values[], productTypeOf: (index: number) => string = () => 'Shirts'): RecordView[] {
  return values.map((v, i) => fakeRecord(v, { index: i + 1, sku: `V-${String(i + 1)}`, productType: productTypeOf(i + 1), defines: DEFINES }));
}

interface Seen extends RuleFinding {
  message: string;
}

function runIn(rule: FeedRule<unknown>, records: readonly RecordView[], scope?: FeedScope): Seen[] {
  const state = rule.start(scope);
  for (const r of records) rule.visit(state, r);
  return rule.finish(state).map((f) => ({ ...f, message: rule.message(f, (a) => a) }));
}

/** A scope that spills from its first kilobyte, closed after `run`. */
function spilling<T>(run: (scope: FeedScope) => T): T {
  const scope = new SpillingFeedScope(1024);
  try {
    return run(scope);
  } finally {
    scope.close();
  }
}

/** The rule alone, with a store of its own; a spilled run must find exactly the same. */
function runFeed(rule: FeedRule<unknown>, records: readonly RecordView[]): Seen[] {
  const found = runIn(rule, records);
  expect(spilling((scope) => runIn(rule, records, scope))).toEqual(found);
  return found;
}

function together(records: readonly RecordView[], scope: FeedScope): Map<string, Seen[]> {
  const states = FEED_RULES.map((rule) => rule.start(scope));
  for (const r of records) FEED_RULES.forEach((rule, i) => rule.visit(states[i], r));
  return new Map(FEED_RULES.map((rule, i) => [rule.id, rule.finish(states[i]).map((f) => ({ ...f, message: rule.message(f, (a) => a) }))]));
}

/** Every feed rule over the feed with one scope, record by record, as the engine runs them, spilled and not. */
function runTogether(records: readonly RecordView[]): Map<string, Seen[]> {
  const found = together(records, new SpillingFeedScope(64 * 1024 * 1024));
  expect(spilling((scope) => together(records, scope))).toEqual(found);
  return found;
}

const member = (group: string, extra: Values): Values => ({ variantGroupId: group, variantAttributeNames: ['color', 'size'], isPrimaryVariant: 'No', ...extra });

describe('variant groups that turn bad late', () => {
  it('reports the early members once later ones outnumber them, each with its own SKU and product type', () => {
    const records = feed(
      [
        ...Array.from({ length: 5 }, (_, i) => member('G1', { color: `c${String(i)}`, size: 'M' })),
        ...Array.from({ length: 6 }, (_, i) => ({ ...member('G1', { color: `d${String(i)}` }), variantAttributeNames: ['color'] })),
      ],
      (i) => (i % 2 === 0 ? 'Pants' : 'Shirts'),
    );
    const findings = runFeed(attributeNamesDiffer, records);
    expect(findings.map((f) => [f.record, f.sku, f.productType])).toEqual([
      [1, 'V-1', 'Shirts'],
      [2, 'V-2', 'Pants'],
      [3, 'V-3', 'Shirts'],
      [4, 'V-4', 'Pants'],
      [5, 'V-5', 'Shirts'],
    ]);
    for (const f of findings) {
      expect(f.params).toMatchObject({ groupId: 'G1', value: ['color', 'size'], expected: ['color'], refRecord: 6, refSku: 'V-6' });
      expect(f.message).toContain('record 6 (SKU V-6)');
    }
  });

  it('names a member its own names when they differ from the first only in order', () => {
    const records = feed([
      member('G1', {}),
      { ...member('G1', {}), variantAttributeNames: ['size', 'color'] },
      ...Array.from({ length: 3 }, () => ({ ...member('G1', {}), variantAttributeNames: ['color'] })),
    ]);
    const findings = runFeed(attributeNamesDiffer, records);
    expect(findings.map((f) => [f.record, f.params.value])).toEqual([
      [1, ['color', 'size']],
      [2, ['size', 'color']],
    ]);
  });

  it('lists findings in record order, whatever the order of their groups', () => {
    const records = feed([
      { variantGroupId: 'G1' },
      { ...member('G2', {}), variantAttributeNames: ['color'] },
      { ...member('G1', {}), variantAttributeNames: ['color'] },
      { ...member('G1', {}), variantAttributeNames: ['size'] },
      { ...member('G2', {}), variantAttributeNames: ['size'] },
    ]);
    expect(runFeed(attributeNamesDiffer, records).map((f) => f.record)).toEqual([4, 5]);
  });

  it('finds no primary in a group whose items are far apart, on its first item with its answer', () => {
    const records = feed(
      [member('G1', { isPrimaryVariant: 'N' }), ...Array.from({ length: 3000 }, (_, i) => member(`H${String(i)}`, { isPrimaryVariant: 'Yes' })), member('G1', {})],
      (i) => (i === 1 ? 'Pants' : 'Shirts'),
    );
    const findings = runFeed(noPrimary, records);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ record: 1, sku: 'V-1', productType: 'Pants', params: { groupId: 'G1', value: 'N', size: 2 } });
  });

  it('forgets the first answer once a primary arrives late', () => {
    const records = feed([member('G1', { isPrimaryVariant: 'No' }), member('G1', {}), member('G1', { isPrimaryVariant: 'Yes' })]);
    expect(runFeed(noPrimary, records)).toEqual([]);
  });
});

describe('huge variant groups', () => {
  const SIZE = 30_000;
  const big = (): Values[] => Array.from({ length: SIZE }, (_, i) => member('BIG', { color: `c${String(i)}`, size: 'M', isPrimaryVariant: i === 0 ? 'Yes' : 'No' }));

  it('finds repeats of combinations made at the start and in the middle, naming the earliest with its SKU', () => {
    const records = feed([...big(), member('BIG', { color: 'C0', size: 'm' }), member('BIG', { color: 'c20000', size: 'M' })]);
    const findings = runFeed(duplicateCombination, records);
    expect(findings.map((f) => [f.record, f.sku, f.params.earlierRecord, f.params.earlierSku])).toEqual([
      [SIZE + 1, `V-${String(SIZE + 1)}`, 1, 'V-1'],
      [SIZE + 2, `V-${String(SIZE + 2)}`, 20_001, 'V-20001'],
    ]);
  });

  it('flags one odd member and the second primary, and nothing else', () => {
    const records = feed([...big(), { ...member('BIG', { color: 'x', isPrimaryVariant: 'Yes' }), variantAttributeNames: ['color'] }]);
    const together = runTogether(records);
    expect(together.get(attributeNamesDiffer.id)?.map((f) => [f.record, f.params.refRecord, f.params.refSku])).toEqual([[SIZE + 1, 1, 'V-1']]);
    expect(together.get(twoPrimaries.id)?.map((f) => [f.record, f.params.firstRecord, f.params.firstSku])).toEqual([[SIZE + 1, 1, 'V-1']]);
    expect(together.get(noPrimary.id)).toEqual([]);
    expect(together.get(duplicateCombination.id)).toEqual([]);
  });
});

describe('variant rules sharing one feed scope', () => {
  it('find exactly what each finds alone, on interleaved groups across product types', () => {
    const colors = ['Red', 'Blue', ' red', 'BLUE'];
    const values: Values[] = [];
    for (let i = 0; i < 400; i++) {
      const group = `G${String(i % 7)}`;
      const v: Values = member(group, { color: colors[i % 4], size: i % 3 === 0 ? 'M' : 'L', isPrimaryVariant: i % 11 === 0 ? 'Yes' : 'No' });
      if (i % 13 === 0) v.variantAttributeNames = ['color'];
      if (i % 17 === 0) delete v.variantAttributeNames;
      if (i % 19 === 0) v.variantGroupId = undefined;
      if (i % 50 === 3) Object.assign(v, { variantGroupId: 'NP', isPrimaryVariant: 'No' });
      values.push(v);
    }
    const records = feed(values, (i) => (i % 5 === 0 ? 'Pants' : 'Shirts'));
    const together = runTogether(records);
    for (const rule of FEED_RULES) {
      const alone = runFeed(rule, records);
      expect(together.get(rule.id)).toEqual(alone);
    }
    expect([...together.values()].every((f) => f.length > 0)).toBe(true);
  });
});

describe('variant rules attached to some product types only', () => {
  it('count only the items of the product types each rule visited, though the items are kept once for all', () => {
    // The Pants spec has no Is Primary Variant: the engine runs the primary rules on Shirts only.
    const records = feed(
      [member('G1', { color: 'a', size: 'M', isPrimaryVariant: 'Yes' }), member('G1', { color: 'b', size: 'M', isPrimaryVariant: 'Yes' }), member('G2', { color: 'a', size: 'M' }), member('G2', { color: 'a', size: 'M' })],
      (i) => (i % 2 === 0 ? 'Pants' : 'Shirts'),
    );
    const primaryRules = new Set<FeedRule<unknown>>([noPrimary, twoPrimaries]);
    const seen = spilling((scope) => {
      const states = FEED_RULES.map((rule) => rule.start(scope));
      for (const r of records) FEED_RULES.forEach((rule, i) => (r.productType === 'Pants' && primaryRules.has(rule) ? undefined : rule.visit(states[i], r)));
      return new Map(FEED_RULES.map((rule, i) => [rule.id, rule.finish(states[i]).map((f) => [f.record, f.severity ?? 'error'])]));
    });
    // G1: only record 1 (Shirts) counts for the primary rules, so no second primary; G2: record 3 alone, no primary.
    expect(seen.get(twoPrimaries.id)).toEqual([]);
    expect(seen.get(noPrimary.id)).toEqual([[3, 'warning']]);
    expect(seen.get(duplicateCombination.id)).toEqual([[4, 'error']]);
  });
});
