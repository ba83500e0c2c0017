// The values form of a feed rule's store: columns must read back every tuple as appended, over thousands of tuples
// and for fields that first appear late in the feed.
import { describe, expect, it } from 'vitest';
import type { TupleField } from '../../src/core/keyed-tuples.js';
import { TupleColumns } from '../../src/core/tuple-columns.js';

interface Appended {
  key: string;
  record: number;
  fields: TupleField[];
}

/** 5,000 tuples over 700 keys; from tuple 2,500 on, every third has two more fields (a new column mid-chunk). */
function appendMany(columns: TupleColumns): Appended[] {
  const all: Appended[] = [];
  for (let t = 0; t < 5000; t++) {
    const key = `K${String((t * 7919) % 700)}`;
    const fields: TupleField[] = [`sku-${String(t)}`, t % 3, t % 5 === 0 ? undefined : `v${String(t % 11)}`];
    if (t >= 2500 && t % 3 === 0) fields.push(t, `late-${String(t)}`);
    columns.append(key, t + 1, fields);
    all.push({ key, record: t + 1, fields });
  }
  return all;
}

describe('TupleColumns', () => {
  it('reads back every tuple as appended', () => {
    const columns = new TupleColumns();
    const all = appendMany(columns);
    expect(columns.size).toBe(all.length);
    const into: TupleField[] = [];
    for (let t = 0; t < all.length; t += 37) {
      const a = all[t]!;
      expect(columns.key(t)).toBe(a.key);
      expect(columns.record(t)).toBe(a.record);
      expect(columns.fieldsOf(t, into)).toEqual(a.fields);
    }
  });

  it('groups by key in append order, keys in order of first appearance, fields as appended', () => {
    const columns = new TupleColumns();
    const all = appendMany(columns);
    const expected = new Map<string, Appended[]>();
    for (const a of all) expected.set(a.key, [...(expected.get(a.key) ?? []), a]);
    const seenKeys: string[] = [];
    columns.forEachGroup((group) => {
      seenKeys.push(group.key);
      const members = expected.get(group.key)!;
      expect(group.size).toBe(members.length);
      for (let m = 0; m < group.size; m++) {
        const a = members[m]!;
        expect(group.record(m)).toBe(a.record);
        for (let f = 0; f < 5; f++) expect(group.field(m, f)).toEqual(a.fields[f]);
        if (m > 0) expect(group.sameField(m - 1, m, 3)).toBe(members[m - 1]!.fields.length === a.fields.length && members[m - 1]!.fields[3] === a.fields[3]);
      }
      // A field no tuple has: every two members are alike without it.
      if (group.size > 1) expect(group.sameField(0, 1, 9)).toBe(true);
    });
    expect(seenKeys).toEqual([...expected.keys()]);
  });

  it('reads back tuples across column blocks, with a column first made past two blocks', () => {
    // Columns are kept in blocks of 4,096 slots: 10,000 tuples fill two and start a third; the third field first
    // appears at tuple 8,500, so its column is made with two whole blocks and part of a third ABSENT.
    const columns = new TupleColumns();
    const all: Appended[] = [];
    for (let t = 0; t < 10_000; t++) {
      const fields: TupleField[] = t >= 8500 && t % 2 === 0 ? [`s${String(t)}`, t, `late-${String(t)}`] : [`s${String(t)}`, t];
      const a = { key: `K${String(t % 1234)}`, record: t + 1, fields };
      columns.append(a.key, a.record, a.fields);
      all.push(a);
    }
    const into: TupleField[] = [];
    for (const t of [0, 4095, 4096, 8191, 8192, 8499, 8500, 8501, 9999]) {
      const a = all[t]!;
      expect(columns.key(t)).toBe(a.key);
      expect(columns.record(t)).toBe(a.record);
      expect(columns.fieldsOf(t, into)).toEqual(a.fields);
    }
    let members = 0;
    columns.forEachGroup((group) => {
      for (let m = 0; m < group.size; m++) {
        const a = all[group.record(m) - 1]!;
        expect(a.key).toBe(group.key);
        for (let f = 0; f < 3; f++) expect(group.field(m, f)).toEqual(a.fields[f]);
        members++;
      }
    });
    expect(members).toBe(all.length);
  });

  it('groups keys an object would not hold as its own (__proto__, constructor, the empty key) like any other', () => {
    const columns = new TupleColumns();
    const keys = ['__proto__', 'constructor', '', 'toString', '__proto__', 'hasOwnProperty', '', 'constructor', '__proto__'];
    keys.forEach((key, t) => columns.append(key, t + 1, [key]));
    const groups: Array<[string, number[]]> = [];
    columns.forEachGroup((group) => {
      const records: number[] = [];
      for (let m = 0; m < group.size; m++) {
        records.push(group.record(m));
        expect(group.text(m, 0)).toBe(group.key);
      }
      groups.push([group.key, records]);
    });
    expect(groups).toEqual([
      ['__proto__', [1, 5, 9]],
      ['constructor', [2, 8]],
      ['', [3, 7]],
      ['toString', [4]],
      ['hasOwnProperty', [6]],
    ]);
  });

  it('keeps apart neighbours whose keys share a hash, and joins a run of one key to its earlier tuples', () => {
    const columns = new TupleColumns();
    // SKU-20PK and SKU-NC40 share a 32-bit hash (tuple-bytes.test.ts checks it).
    const keys = ['SKU-20PK', 'SKU-20PK', 'SKU-NC40', 'SKU-NC40', 'SKU-20PK', 'A', 'A', 'SKU-NC40', 'SKU-20PK', 'SKU-20PK'];
    keys.forEach((key, t) => columns.append(key, t + 1, []));
    const groups: Array<[string, number[]]> = [];
    columns.forEachGroup((group) => {
      const records: number[] = [];
      for (let m = 0; m < group.size; m++) records.push(group.record(m));
      groups.push([group.key, records]);
    });
    expect(groups).toEqual([
      ['SKU-20PK', [1, 2, 5, 9, 10]],
      ['SKU-NC40', [3, 4, 8]],
      ['A', [6, 7]],
    ]);
  });

  it.each([1, 2, 3])('reduces only the keys of at least minSize tuples (%i), as the whole grouping has them', (minSize) => {
    const full = new TupleColumns();
    const part = new TupleColumns();
    // Keys of one tuple besides: most keys in a feed of unique SKUs.
    for (const columns of [full, part]) {
      appendMany(columns);
      for (let t = 0; t < 300; t++) columns.append(`single-${String(t)}`, 9000 + t, [t]);
    }
    const groupsOf = (columns: TupleColumns, size: number): unknown[] => {
      const out: unknown[] = [];
      columns.forEachGroup((group) => {
        const members: unknown[] = [];
        for (let m = 0; m < group.size; m++) members.push([group.record(m), group.field(m, 0), group.field(m, 3)]);
        out.push([group.key, group.size, members]);
      }, size);
      return out;
    };
    const expected = groupsOf(full, 1).filter((g) => ((g as unknown[])[1] as number) >= minSize);
    expect(groupsOf(part, minSize)).toEqual(expected);
    if (minSize > 1) expect(expected.some((g) => ((g as unknown[])[0] as string).startsWith('single-'))).toBe(false);
  });
});
