// The byte form of a feed rule's store (tuple-bytes.ts, grouped by tuple-byte-groups.ts) must read back what the
// values form does: the same random tuples through values, bytes in memory and spilled partitions give the same
// groups, members, fields and field comparisons.
import { describe, expect, it } from 'vitest';
import { KeyedTuples, REPEATS, TupleBudget, hashKey } from '../../src/core/keyed-tuples.js';
import type { SpillFile, SpillFiles, TupleField, TupleGroup } from '../../src/core/keyed-tuples.js';
import { Chunks, concat } from '../../src/core/tuple-bytes.js';
import { reduceBuffers } from '../../src/core/tuple-byte-groups.js';
import { TupleColumns } from '../../src/core/tuple-columns.js';

/** Spill files in memory. */
class MemoryFiles implements SpillFiles {
  readonly removed: SpillFile[] = [];
  made = 0;

  get live(): number {
    return this.made - this.removed.length;
  }

  create(): SpillFile {
    const chunks: Uint8Array[] = [];
    let size = 0;
    this.made++;
    const removed = this.removed;
    const file: SpillFile = {
      append(bytes) {
        chunks.push(bytes.slice());
        size += bytes.length;
      },
      readAll: () => concat(chunks),
      get size() {
        return size;
      },
      remove() {
        removed.push(file);
      },
    };
    return file;
  }
}

/** A small deterministic generator (mulberry32), so a failure can be run again. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['A', 'sku-', '0', '9', '-', ' ', 'é', 'Ω', '👕', '\u0000', '=', '\ud800', '\udfff', 'x'.repeat(40)];

function text(next: () => number): string {
  const kind = next();
  // Lengths around the short ASCII form's limit of 255, on both sides.
  if (kind < 0.05) return 'L'.repeat(250 + Math.floor(next() * 10));
  if (kind < 0.07) return 'é'.repeat(250 + Math.floor(next() * 10));
  let out = '';
  const parts = Math.floor(next() * 6);
  for (let i = 0; i < parts; i++) out += PIECES[Math.floor(next() * (kind < 0.6 ? 5 : PIECES.length))] as string;
  return out;
}

function field(next: () => number): TupleField {
  const kind = next();
  if (kind < 0.15) return undefined;
  if (kind < 0.4) return [0, 1, -1, 2 ** 31 - 1, -(2 ** 31), Math.floor(next() * 1000)][Math.floor(next() * 6)];
  // Few distinct texts, so members of a group often have the same value.
  if (kind < 0.7) return ['Yes', 'No', 'Olive', 'XXL', ''][Math.floor(next() * 5)];
  return text(next);
}

interface Tuple {
  key: string;
  record: number;
  fields: TupleField[];
}

/** Tuples over few keys (some sharing a 32-bit hash), of different widths. */
function tuples(seed: number, count: number): Tuple[] {
  const next = random(seed);
  const keys = Array.from({ length: 1 + Math.floor(next() * 60) }, () => text(next));
  keys.push('SKU-20PK', 'SKU-NC40');
  const all: Tuple[] = [];
  for (let i = 0; i < count; i++) {
    const width = Math.floor(next() * 9);
    all.push({ key: keys[Math.floor(next() * keys.length)] as string, record: i + 1, fields: Array.from({ length: width }, () => field(next)) });
  }
  return all;
}

const WIDTH = 10;

/** What a group shows: its key, and each member's record and fields, and how each field compares with member 0's. */
function seen(group: TupleGroup): unknown[] {
  const members: unknown[] = [group.key];
  for (let m = 0; m < group.size; m++) {
    const fields: unknown[] = [group.record(m)];
    for (let f = -1; f <= WIDTH; f++) fields.push(group.field(m, f), group.text(m, f), group.sameField(0, m, f), group.sameField(m, m, f));
    members.push(fields);
  }
  return members;
}

function groupsOf(forEachGroup: (reduce: (group: TupleGroup) => void) => void): unknown[][] {
  const groups: unknown[][] = [];
  forEachGroup((group) => groups.push(seen(group)));
  return groups;
}

function byKey(groups: unknown[][]): unknown[][] {
  return [...groups].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : String(a[0]) > String(b[0]) ? 1 : 0));
}

describe('tuples as bytes', () => {
  it('share a hash in the keys the tests use', () => {
    expect(hashKey('SKU-20PK')).toBe(hashKey('SKU-NC40'));
  });

  it.each([1, 2, 3, 4, 5])('group random tuples as values do, in the same order (seed %i)', (seed) => {
    const all = tuples(seed, 1000);
    const columns = new TupleColumns();
    const chunks = new Chunks();
    for (const t of all) {
      columns.append(t.key, t.record, t.fields);
      chunks.append(t.key, t.record, t.fields);
    }
    const expected = groupsOf((reduce) => columns.forEachGroup(reduce));
    expect(groupsOf((reduce) => reduceBuffers(chunks.filled(), reduce))).toEqual(expected);
    // The fields read back are the ones appended (values keep whole numbers as 32-bit integers too).
    const members = new Map<string, Tuple[]>();
    for (const t of all) members.set(t.key, [...(members.get(t.key) ?? []), t]);
    for (const group of expected) {
      const [key, ...rest] = group as [string, ...unknown[][]];
      const appended = members.get(key) as Tuple[];
      expect(rest.map((m) => m[0])).toEqual(appended.map((t) => t.record));
      rest.forEach((m, i) => {
        const fields = (appended[i] as Tuple).fields;
        for (let f = 0; f < WIDTH; f++) expect(m[1 + (f + 1) * 4]).toBe(fields[f]);
      });
    }
  });

  it.each([
    ['values', () => new TupleBudget(Number.POSITIVE_INFINITY)],
    ['bytes from the first tuple', () => new TupleBudget(Number.POSITIVE_INFINITY, undefined, 0)],
    ['values, then bytes', () => new TupleBudget(Number.POSITIVE_INFINITY, undefined, 16 * 1024)],
    ['values, then bytes, then spilled', () => new TupleBudget(96 * 1024, new MemoryFiles(), 16 * 1024)],
    ['spilled from the first tuple, split again', () => new TupleBudget(1, new MemoryFiles())],
  ])('give the same groups through a store (%s)', (_name, makeBudget) => {
    for (const seed of [11, 12, 13]) {
      const all = tuples(seed, 2000);
      const reference = new TupleColumns();
      for (const t of all) reference.append(t.key, t.record, t.fields);
      const expected = groupsOf((reduce) => reference.forEachGroup(reduce));
      const budget = makeBudget();
      const store = new KeyedTuples(budget);
      for (const t of all) store.append(t.key, t.record, t.fields);
      const got = groupsOf((reduce) => store.forEachGroup(reduce));
      // In memory, groups come in order of first appearance; spilled, partition by partition.
      if (store.spilled || budget.files !== undefined) expect(byKey(got)).toEqual(byKey(expected));
      else expect(got).toEqual(expected);
      expect(budget.used).toBe(0);
      if (budget.files instanceof MemoryFiles) expect(budget.files.live).toBe(0);
      // Asked only for repeated keys: the same groups less those of one tuple, whichever form the store is in.
      const repeats = makeBudget();
      const again = new KeyedTuples(repeats);
      for (const t of all) again.append(t.key, t.record, t.fields);
      again.append('a key of one tuple', all.length + 1, []);
      const gotRepeats: unknown[][] = [];
      again.forEachGroup((group) => gotRepeats.push(seen(group)), REPEATS);
      const expectedRepeats = expected.filter((g) => g.length - 1 >= REPEATS);
      if (again.spilled || repeats.files !== undefined) expect(byKey(gotRepeats)).toEqual(byKey(expectedRepeats));
      else expect(gotRepeats).toEqual(expectedRepeats);
      expect(repeats.used).toBe(0);
    }
  });

  it('keep a text of 255 ASCII characters, one of 256 and ones around them apart and whole', () => {
    const chunks = new Chunks();
    const texts = ['a'.repeat(254), 'a'.repeat(255), 'a'.repeat(256), `${'a'.repeat(254)}é`, `${'a'.repeat(255)}é`, '\u007f', '\u0080'];
    texts.forEach((t, i) => chunks.append('k', i, [t, t]));
    reduceBuffers(chunks.filled(), (group) => {
      expect(group.size).toBe(texts.length);
      texts.forEach((t, m) => {
        expect([group.text(m, 0), group.field(m, 1), group.sameField(m, m, 0)]).toEqual([t, t, true]);
        for (let o = 0; o < texts.length; o++) expect(group.sameField(m, o, 0)).toBe(m === o);
      });
    });
  });
});
