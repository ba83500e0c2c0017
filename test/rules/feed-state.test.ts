// What the feed rules keep of each record: tuples under a group key (core/keyed-tuples.ts), in memory up to a budget
// and in hash partitions on disk past it (engine/spill-files.ts). Spilling must not change a group or its order.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeyedTuples, TupleBudget, hashKey } from '../../src/core/keyed-tuples.js';
import type { SpillFile, SpillFiles, TupleField, TupleGroup } from '../../src/core/keyed-tuples.js';
import { concat } from '../../src/core/tuple-bytes.js';
import { SpillingFeedScope, feedStateBytes, DEFAULT_FEED_STATE_BYTES, LARGE_INPUT_BYTES } from '../../src/engine/feed-scope.js';
import { collect as collectEvents, validateAll, validateWith } from '../../src/engine/validate.js';
import { Validator } from '../../src/engine/validator.js';
import { SAMPLES, readJson } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp-cache.js';

/** Spill files in memory, counting what is made and what is left. */
class MemoryFiles implements SpillFiles {
  made = 0;
  readonly live = new Set<SpillFile>();

  create(): SpillFile {
    this.made++;
    const chunks: Uint8Array[] = [];
    let size = 0;
    const live = this.live;
    const file: SpillFile = {
      append(bytes) {
        chunks.push(bytes.slice());
        size += bytes.length;
      },
      readAll() {
        return concat(chunks);
      },
      get size() {
        return size;
      },
      remove() {
        live.delete(file);
      },
    };
    live.add(file);
    return file;
  }
}

interface Seen {
  key: string;
  members: Array<[number, ...TupleField[]]>;
}

function collect(store: KeyedTuples, fields: number): Seen[] {
  const groups: Seen[] = [];
  store.forEachGroup((g: TupleGroup) => {
    const members: Seen['members'] = [];
    for (let m = 0; m < g.size; m++) members.push([g.record(m), ...Array.from({ length: fields }, (_, f) => g.field(m, f))]);
    groups.push({ key: g.key, members });
  });
  return groups.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

// Found by search: two SKUs with one 32-bit hash.
const SAME_HASH = ['SKU-20PK', 'SKU-NC40'] as const;

describe('KeyedTuples', () => {
  it.each([
    ['ASCII', 'TS-104-BLK-M'],
    ['accented', 'Café-Crème-42'],
    ['outside the BMP', 'TEE-👕-RED'],
    ['empty', ''],
    ['padded', '  TS-1  '],
    ['a lone surrogate (kept as given)', 'TS-\ud800-1'],
    ['long', 'S'.repeat(30_000)],
  ])('gives back texts and numbers as they were appended: %s', (_name, text) => {
    const store = new KeyedTuples();
    store.append(text, 7, [text, -5, undefined, 2 ** 31 - 1, 'after']);
    store.append('other', 8, []);
    const [group] = collect(store, 5).filter((g) => g.key === text);
    expect(group?.members).toEqual([[7, text, -5, undefined, 2 ** 31 - 1, 'after']]);
  });

  it('keeps keys that share a hash apart, each in append order', () => {
    expect(hashKey(SAME_HASH[0])).toBe(hashKey(SAME_HASH[1]));
    const store = new KeyedTuples();
    [SAME_HASH[0], SAME_HASH[1], SAME_HASH[1], SAME_HASH[0], SAME_HASH[0]].forEach((k, i) => store.append(k, i + 1, []));
    expect(collect(store, 0)).toEqual([
      { key: SAME_HASH[0], members: [[1], [4], [5]] },
      { key: SAME_HASH[1], members: [[2], [3]] },
    ]);
  });

  it.each([
    ['in memory', () => new KeyedTuples()],
    ['spilled', () => new KeyedTuples(new TupleBudget(1, new MemoryFiles()))],
  ])('compares a field as stored (%s)', (_name, make) => {
    const store = make();
    store.append('G', 1, ['a\u0000b']);
    store.append('G', 2, ['a\u0000b']);
    store.append('G', 3, ['a\u0000c']);
    store.append('G', 4, []);
    store.append('G', 5, [undefined]);
    store.append('G', 6, [undefined, 7]);
    let groups = 0;
    store.forEachGroup((g) => {
      groups++;
      expect([g.sameField(0, 1, 0), g.sameField(0, 2, 0), g.sameField(0, 3, 0), g.sameField(3, 3, 0)]).toEqual([true, false, false, true]);
      // A tuple without the field is not one that holds undefined in it; two that hold undefined are the same.
      expect([g.sameField(3, 4, 0), g.sameField(4, 5, 0), g.sameField(3, 4, 1), g.sameField(4, 5, 1)]).toEqual([false, true, true, false]);
      expect([g.text(3, 0), g.field(4, 0), g.field(5, 1), g.field(3, 9)]).toEqual([undefined, undefined, 7, undefined]);
    });
    expect(groups).toBe(1);
  });

  /** A feed's worth of tuples: 3,000 keys, some repeated far apart, some sharing a hash. */
  function fill(store: KeyedTuples, other?: KeyedTuples): void {
    for (let i = 1; i <= 6_000; i++) {
      const key = i % 997 === 0 ? (i % 2 === 0 ? SAME_HASH[0] : SAME_HASH[1]) : `K-${String(i % 3_000)}`;
      store.append(key, i, [`sku-${String(i)}`, i % 5, i % 7 === 0 ? 'é👕' : undefined]);
      other?.append(String(i % 40), i, [i]);
    }
  }

  it('groups the same way past its budget, spilled to partitions and split again, and removes every file', () => {
    const inMemory = new KeyedTuples();
    fill(inMemory);
    const expected = collect(inMemory, 3);

    const files = new MemoryFiles();
    // 1 byte: every store spills at once, and every partition is split again at reading.
    const budget = new TupleBudget(1, files);
    const spilled = new KeyedTuples(budget);
    const other = new KeyedTuples(budget);
    fill(spilled, other);
    expect(spilled.spilled && other.spilled).toBe(true);
    expect(collect(spilled, 3)).toEqual(expected);
    expect(collect(other, 1).map((g) => g.members.length)).toEqual(Array.from({ length: 40 }, () => 150));
    expect(files.made).toBeGreaterThan(64);
    expect(files.live.size).toBe(0);
    expect(budget.used).toBe(0);
  });

  it.each([
    // 64 KiB: the first few hundred tuples stay in memory as values, then move to partitions as bytes.
    ['values, then files', 64 * 1024, undefined, false],
    // Values up to 8 KiB, then bytes in memory, then files past 64 KiB.
    ['values, then bytes in memory, then files', 64 * 1024, 8 * 1024, true],
    // Values up to 8 KiB, then bytes in memory to the end.
    ['values, then bytes in memory', 16 * 1024 * 1024, 8 * 1024, true],
  ])('groups the same way when its tuples move part way through (%s), with tuples of different widths', (_name, bytes, columnBytes, asBytes) => {
    const inMemory = new KeyedTuples();
    fill(inMemory);
    const expected = collect(inMemory, 3);
    const files = new MemoryFiles();
    const budget = new TupleBudget(bytes, files, columnBytes);
    const store = new KeyedTuples(budget);
    let bytesAt = 0;
    let spilledAt = 0;
    for (let i = 1; i <= 6_000; i++) {
      const key = i % 997 === 0 ? (i % 2 === 0 ? SAME_HASH[0] : SAME_HASH[1]) : `K-${String(i % 3_000)}`;
      store.append(key, i, [`sku-${String(i)}`, i % 5, i % 7 === 0 ? 'é👕' : undefined]);
      if (bytesAt === 0 && !store.asValues && !store.spilled) bytesAt = i;
      if (spilledAt === 0 && store.spilled) spilledAt = i;
    }
    expect(bytesAt > 0).toBe(asBytes);
    expect(spilledAt > 0).toBe(bytes < 1024 * 1024);
    if (spilledAt > 0) expect(spilledAt).toBeGreaterThan(Math.max(100, bytesAt));
    expect(collect(store, 3)).toEqual(expected);
    expect(files.live.size).toBe(0);
    expect(budget.used).toBe(0);
  });

  it('counts what a store holds in memory against its budget, and gives it back at the end', () => {
    const budget = new TupleBudget(1024 * 1024 * 1024, new MemoryFiles());
    const store = new KeyedTuples(budget);
    for (let i = 0; i < 10_000; i++) store.append(`key-${String(i)}`, i, [`sku-${String(i)}`, i % 3, undefined]);
    // Ten thousand keys, texts and numbers: several hundred KiB of heap, estimated.
    expect(budget.used).toBeGreaterThan(10_000 * 64);
    expect(store.inMemory).toBeGreaterThanOrEqual(budget.used);
    store.forEachGroup(() => undefined);
    expect(budget.used).toBe(0);
  });

  it('spills the store holding the most once the budget is passed, and keeps small ones in memory', () => {
    const files = new MemoryFiles();
    const budget = new TupleBudget(1.5 * 1024 * 1024, files);
    const big = new KeyedTuples(budget);
    const small = new KeyedTuples(budget);
    small.append('s', 1, ['x']);
    for (let i = 0; i < 60_000; i++) big.append(`key-${String(i)}`, i, ['0123456789012345678901234567890123456789']);
    expect([big.spilled, small.spilled]).toEqual([true, false]);
    expect(budget.used).toBeLessThanOrEqual(1.5 * 1024 * 1024);
    expect(collect(small, 1)).toEqual([{ key: 's', members: [[1, 'x']] }]);
    let groups = 0;
    big.forEachGroup(() => groups++);
    expect(groups).toBe(60_000);
  });
});

describe('the engine feed scope', () => {
  it('spills to a private directory under the temp directory and removes it on close', () => {
    const scope = new SpillingFeedScope(1);
    const store = scope.tuples();
    for (let i = 0; i < 100; i++) store.append(`k${String(i % 10)}`, i, ['v']);
    const dir = scope.spillDir;
    expect(dir).toBeDefined();
    expect(readdirSync(dir as string).every((f) => /^part-\d+$/.test(f))).toBe(true);
    let members = 0;
    store.forEachGroup((g) => (members += g.size));
    expect(members).toBe(100);
    scope.close();
    expect(existsSync(dir as string)).toBe(false);
  });

  it('keeps tuples as values at first by default, and as bytes from the first one when told no values', () => {
    const byDefault = new SpillingFeedScope().tuples();
    const asBytes = new SpillingFeedScope(undefined, 0).tuples();
    for (const store of [byDefault, asBytes]) store.append('k', 1, ['v', 2]);
    expect(byDefault.asValues).toBe(true);
    expect(asBytes.asValues).toBe(false);
    for (const store of [byDefault, asBytes]) {
      const seen: TupleField[][] = [];
      store.forEachGroup((g) => seen.push([g.key, g.record(0), g.field(0, 0), g.field(0, 1)]));
      expect(seen).toEqual([['k', 1, 'v', 2]]);
    }
  });

  it('takes its budget from CATALOG_GATE_FEED_STATE_BYTES when it is a whole number', () => {
    expect(feedStateBytes({ CATALOG_GATE_FEED_STATE_BYTES: '4096' })).toBe(4096);
    for (const raw of [undefined, '', '0', '-1', '1e9', 'lots']) expect(feedStateBytes({ CATALOG_GATE_FEED_STATE_BYTES: raw })).toBe(DEFAULT_FEED_STATE_BYTES);
  });
});

describe('a large input', () => {
  const feed = readJson<{ MPItem: unknown[] }>(join(SAMPLES, 'feeds', 'clothing-4.3-errors.json'));

  async function issuesOf(inputBytes: number | undefined): Promise<unknown[]> {
    const validator = await Validator.create({ feedType: 'MP_ITEM', specVersion: '4.3' });
    if (inputBytes !== undefined) validator.inputSize(inputBytes);
    // Twice: the second feed (after finish) must be kept the same way as the first.
    const first = await validateAll(validator, feed.MPItem.map((data) => ({ data })));
    const second = await validateAll(validator, feed.MPItem.map((data) => ({ data })));
    expect(second.issues).toEqual(first.issues);
    return first.issues;
  }

  it('finds the same issues with the feed rules keeping their state as bytes from the first record', async () => {
    const usual = await issuesOf(undefined);
    expect(usual.some((i) => /^(duplicate|variants)\./.test((i as { code: string }).code))).toBe(true);
    expect(await issuesOf(LARGE_INPUT_BYTES)).toEqual(usual);
    expect(await issuesOf(LARGE_INPUT_BYTES - 1)).toEqual(usual);
  });
});

describe('a feed given up part way', () => {
  const items = readJson<{ MPItem: unknown[] }>(join(SAMPLES, 'feeds', 'clothing-4.3-errors.json')).MPItem;

  function* failingAfter(n: number): Generator<{ data: unknown }> {
    for (let i = 0; i < n; i++) yield { data: items[i % items.length] };
    throw new Error('the source broke');
  }

  it.each([
    ['validateAll', async (v: Validator) => validateAll(v, failingAfter(5))],
    ['validateWith', async (v: Validator) => collectEvents(validateWith(v, failingAfter(5)))],
  ])('leaves no spill file behind (%s)', async (_name, run) => {
    const root = tempDir();
    const saved = { bytes: process.env.CATALOG_GATE_FEED_STATE_BYTES, tmp: process.env.TMPDIR };
    process.env.CATALOG_GATE_FEED_STATE_BYTES = '1';
    process.env.TMPDIR = root;
    try {
      const validator = await Validator.create({ feedType: 'MP_ITEM', specVersion: '4.3' });
      await expect(run(validator)).rejects.toThrow('the source broke');
      expect(readdirSync(root)).toEqual([]);
    } finally {
      for (const [name, value] of [['CATALOG_GATE_FEED_STATE_BYTES', saved.bytes], ['TMPDIR', saved.tmp]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});
