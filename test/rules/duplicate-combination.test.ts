// variants.duplicate_combination against its definition, over random feeds: an item repeats an earlier one of its group
// when the set of "name=value" pairs of its lower-case names and normalised values is the same. The rule compares the
// usual group's plain values one by one and keys the rest; both ways, in memory and spilled, must flag the same items.
import { describe, expect, it } from 'vitest';
import type { FeedScope, RecordView } from '../../src/core/rule.js';
import duplicateCombination, { sameNormalised } from '../../rules/variants/duplicate-combination.js';
import missingAttributeValue from '../../rules/variants/missing-attribute-value.js';
import { namesOf } from '../../rules/variants/members.js';
import { setKey } from '../../rules/variants/set-key.js';
import { hasValue, normaliseText, normaliseValue } from '../../rules/variants/values.js';
import { SpillingFeedScope } from '../../src/engine/feed-scope.js';
import { fakeRecord } from '../helpers/record-view.js';

/** A small seeded generator (mulberry32), so a failure repeats. */
function rng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const NAME_LISTS: unknown[] = [
  ['color', 'size'],
  ['color', 'size'],
  ['size', 'color'],
  ['Color', 'SIZE'],
  ['color'],
  ['color', 'size', 'pattern'],
  ['color', 'Color'],
  ['a', 'a=b'],
  ['co\u0000lor', 'size'],
  'color|size',
  [' color ', 'size'],
];
/** Values that are the same once normalised, a few sets of them, and values that make keys of pairs read alike. */
const ALIKE: unknown[][] = [
  ['Red', 'red', ' RED ', ['Red'], ['red ']],
  ['Navy  Blue', 'navy blue', 'Navy\tBlue', ['NAVY BLUE']],
  ['M', 'm', [' m ']],
  ['r\u0000b=s', 'r', 's\u0000b=t', 't', 'b=z', 'b=y', 'y', 'z'],
  ['İ', 'i̇', 'I'],
  [['red', 'blue'], ['Blue', 'Red'], { measure: 10, unit: 'in' }, 10, '10', true],
  ['', '   ', undefined, [], [''], null],
];
const NAMES_POOL = ['color', 'size', 'pattern', 'Color', 'SIZE', 'a', 'a=b', 'co\u0000lor'];

function randomFeed(pick: (n: number) => number, count: number): RecordView[] {
  const records: RecordView[] = [];
  const groups = 1 + pick(8);
  // Each feed draws its values from two of the sets, so the same combination comes back often, spelt differently.
  const pool = [...(ALIKE[pick(ALIKE.length)] as unknown[]), ...(ALIKE[pick(ALIKE.length - 1)] as unknown[])];
  for (let index = 1; index <= count; index++) {
    const values: Record<string, unknown> = {
      variantGroupId: `G${String(pick(groups))}`,
      variantAttributeNames: NAME_LISTS[pick(NAME_LISTS.length)],
    };
    for (const name of NAMES_POOL) values[name] = pool[pick(pool.length)];
    records.push(fakeRecord(values, { index, sku: `S-${String(index)}`, defines: ['variantGroupId', 'variantAttributeNames', 'isPrimaryVariant', ...NAMES_POOL] }));
  }
  return records;
}

/** The key by its definition: every pair made, then the set sorted and joined; undefined when a value is blank. */
function keyByDefinition(record: RecordView): string | undefined {
  const names = namesOf(record);
  if (names.length === 0) return undefined;
  const pairs: string[] = [];
  for (const name of names) {
    const value = normaliseValue(record.get(name));
    if (value === undefined) return undefined;
    pairs.push(`${name.toLowerCase()}=${value}`);
  }
  return setKey(pairs, '\u0000');
}

/** [record, earlier record] for every item that repeats an earlier one of its group, by the definition. */
function expected(records: readonly RecordView[]): Array<[number, number]> {
  const earliest = new Map<string, number>();
  const out: Array<[number, number]> = [];
  for (const record of records) {
    const key = keyByDefinition(record);
    if (key === undefined) continue;
    const groupKey = `${String(record.get('variantGroupId'))}\u0001${key}`;
    const earlier = earliest.get(groupKey);
    if (earlier === undefined) earliest.set(groupKey, record.index);
    else out.push([record.index, earlier]);
  }
  return out;
}

function found(records: readonly RecordView[], scope?: FeedScope): Array<[number, number]> {
  const state = duplicateCombination.start(scope);
  for (const r of records) duplicateCombination.visit(state, r);
  return duplicateCombination.finish(state).map((f) => [f.record ?? 0, Number(f.params.earlierRecord)]);
}

describe('variants.duplicate_combination by its definition', () => {
  it('flags the same items as the combination key does, over random feeds, in memory and spilled', () => {
    const pick = rng(12);
    let flagged = 0;
    for (let feed = 0; feed < 300; feed++) {
      // Sizes on both sides of the largest group compared item by item (16).
      const records = randomFeed(pick, 1 + pick(feed % 3 === 0 ? 80 : 30));
      const want = expected(records);
      flagged += want.length;
      expect(found(records)).toEqual(want);
      const scope = new SpillingFeedScope(1024);
      try {
        expect(found(records, scope)).toEqual(want);
      } finally {
        scope.close();
      }
    }
    expect(flagged).toBeGreaterThan(300);
  });

  it.each([
    ['names alike in lower case, values swapped', ['color', 'Color'], { color: 'r', Color: 'b' }, { color: 'b', Color: 'r' }],
    ['"=" in a name', ['a', 'a=b'], { a: 'b=z', 'a=b': 'y' }, { a: 'b=y', 'a=b': 'z' }],
    ['NUL in a value', ['a', 'b'], { a: 'r\u0000b=s', b: 't' }, { a: 'r', b: 's\u0000b=t' }],
  ])('keys items whose pairs read alike though their values differ one by one (%s), as the key always did', (_case, names, first, second) => {
    const records = [first, second].map((values, i) =>
      fakeRecord({ variantGroupId: 'G', variantAttributeNames: names, ...values }, { index: i + 1, sku: `S-${String(i + 1)}` }),
    );
    expect(expected(records)).toEqual([[2, 1]]);
    expect(found(records)).toEqual([[2, 1]]);
  });

  it('compares two plain values as normaliseText would, over random texts', () => {
    const pick = rng(7);
    const alphabet = ['a', 'A', 'b', 'B', 'z', 'Z', '1', '-', ' ', '  ', '\t', '\u00a0', 'İ', 'i̇', 'ß', 'é', 'É', '\u0001', '~', '@', '[', '`', '{'];
    const text = (): string => {
      let t = '';
      for (let k = 1 + pick(4); k > 0; k--) t += alphabet[pick(alphabet.length)] as string;
      return t.trim() === '' ? 'x' : t.trim();
    };
    let same = 0;
    for (let k = 0; k < 20_000; k++) {
      const a = text();
      const b = pick(3) === 0 ? a.toUpperCase() : text();
      const want = normaliseText(a) === normaliseText(b);
      if (want) same++;
      expect(sameNormalised(a, b), JSON.stringify([a, b])).toBe(want);
    }
    expect(same).toBeGreaterThan(1000);
  });

  it('missing_attribute_value finds a value blank exactly when it has no normalised form', () => {
    for (const value of ALIKE.flat()) {
      expect(hasValue(value), JSON.stringify(value)).toBe(normaliseValue(value) !== undefined);
      expect(hasValue([value, value])).toBe(normaliseValue([value, value]) !== undefined);
      expect(hasValue({ a: value })).toBe(normaliseValue({ a: value }) !== undefined);
    }
    const record = fakeRecord({ variantGroupId: 'G', variantAttributeNames: ['color', 'size'], color: [' ', []], size: [[''], 'm'] });
    expect(missingAttributeValue.check(record).map((f) => f.attribute)).toEqual(['color']);
  });
});
