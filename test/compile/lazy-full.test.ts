// The full item validator (with errors) is loaded, or compiled, only when a record is first rejected; a start loads
// the valid-only validator and the header's. Both are cached on disk, and files of other compiler revisions are pruned.
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPILER_FINGERPRINT } from '../../src/compile/compiled-cache.js';
import { Compiler } from '../../src/compile/compiler.js';
import { cli } from '../helpers/cli.js';
import { REPO } from '../helpers/paths.js';
import { feedSpec, tempCacheWith, tempDir } from '../helpers/temp-cache.js';

const obj = (props: object) => ({ type: 'object', properties: props });
const spec = () => feedSpec(obj({ a: { type: 'string', maxLength: 3 }, n: { type: 'number', minimum: 1 } }));

function compiledFiles(dir: string): string[] {
  return readdirSync(join(dir, '.compiled')).sort();
}

describe('the full validator, loaded when a record is rejected', () => {
  it('a cold start compiles only the start code; the first rejected record compiles the full validator, once', async () => {
    const { store, entries } = await tempCacheWith(spec());
    const cold = await new Compiler(store).get(entries[0]!);
    expect(cold.origin).toBe('compiled');
    expect(compiledFiles(store.dir)).toEqual([`${entries[0]!.sha256.slice(0, 32)}-${COMPILER_FINGERPRINT}.cjs`]);
    expect(cold.isValidItem({ a: 'abc' })).toBe(true);
    expect(cold.fullOrigin()).toBeUndefined();
    expect(cold.validateItem({ a: 'abcd', n: 0 })).toBe(false);
    expect(cold.fullOrigin()).toBe('compiled');
    expect(cold.validateItem.errors?.map((e) => e.keyword).sort()).toEqual(['maxLength', 'minimum']);
    expect(cold.validateItem({ a: 'ab' })).toBe(true);
    expect(cold.validateItem.errors).toBeNull();
    expect(compiledFiles(store.dir)).toHaveLength(2);
    expect(compiledFiles(store.dir).filter((f) => f.endsWith('-full.cjs'))).toHaveLength(1);
  });

  it('a warm start loads both from disk and compiles nothing', async () => {
    const { store, entries } = await tempCacheWith(spec());
    expect((await new Compiler(store).get(entries[0]!)).validateItem({ a: 'abcd' })).toBe(false);
    const before = compiledFiles(store.dir).map((f) => readFileSync(join(store.dir, '.compiled', f), 'utf8'));
    const warm = await new Compiler(store).get(entries[0]!);
    expect(warm.origin).toBe('disk');
    expect(warm.validateItem({ a: 'abcd' })).toBe(false);
    expect(warm.fullOrigin()).toBe('disk');
    expect(warm.validateItem.errors?.[0]).toMatchObject({ keyword: 'maxLength', instancePath: '/a', data: 'abcd' });
    expect(compiledFiles(store.dir).map((f) => readFileSync(join(store.dir, '.compiled', f), 'utf8'))).toEqual(before);
  });

  it('a warm start without the full validator on disk compiles it when a record needs it', async () => {
    const { store, entries } = await tempCacheWith(spec());
    expect((await new Compiler(store).get(entries[0]!)).isValidItem({ a: 'abc' })).toBe(true);
    const warm = await new Compiler(store).get(entries[0]!);
    expect(warm.origin).toBe('disk');
    expect(warm.validateItem({ n: 0 })).toBe(false);
    expect(warm.fullOrigin()).toBe('compiled');
    expect(compiledFiles(store.dir).filter((f) => f.endsWith('-full.cjs'))).toHaveLength(1);
  });

  it('a tampered full validator is ignored and compiled again, never run', async () => {
    const { store, entries } = await tempCacheWith(spec());
    expect((await new Compiler(store).get(entries[0]!)).validateItem({ a: 'abcd' })).toBe(false);
    const full = join(store.dir, '.compiled', compiledFiles(store.dir).find((f) => f.endsWith('-full.cjs'))!);
    writeFileSync(full, readFileSync(full, 'utf8').replace('return', 'throw new Error("tampered");return'));
    const again = await new Compiler(store).get(entries[0]!);
    expect(again.validateItem({ a: 'abcd' })).toBe(false);
    expect(again.fullOrigin()).toBe('compiled');
  });

  it('without the disk cache, nothing is written', async () => {
    const { store, entries } = await tempCacheWith(spec());
    const s = await new Compiler(store, { diskCache: false }).get(entries[0]!);
    expect(s.validateItem({ a: 'abcd' })).toBe(false);
    expect(s.fullOrigin()).toBe('compiled');
    expect(() => readdirSync(join(store.dir, '.compiled'))).toThrow();
  });
});

describe('pruning compiled files of other revisions', () => {
  it("removes the entry's files of other fingerprints, and keeps other entries' files and files being written", async () => {
    const { store, entries } = await tempCacheWith(spec());
    const prefix = entries[0]!.sha256.slice(0, 32);
    const other = 'f'.repeat(32);
    const stale = [`${prefix}-000000000000.cjs`, `${prefix}-000000000000-full.cjs`];
    const kept = [`${other}-000000000000.cjs`, `${prefix}-${COMPILER_FINGERPRINT}-full.cjs.123.abcd1234.tmp`, `${prefix}-000000000000.cjs.99.ffff0000.tmp`, 'notes.txt'];
    await new Compiler(store).get(entries[0]!).then(() => undefined);
    for (const f of [...stale, ...kept]) writeFileSync(join(store.dir, '.compiled', f), '');
    // A start that finds its code on disk writes nothing, and prunes nothing.
    await new Compiler(store).get(entries[0]!);
    expect(compiledFiles(store.dir)).toEqual(expect.arrayContaining(stale));
    // Writing this revision's start code prunes.
    for (const f of compiledFiles(store.dir)) if (f === `${prefix}-${COMPILER_FINGERPRINT}.cjs`) writeFileSync(join(store.dir, '.compiled', f), 'stale');
    const s = await new Compiler(store).get(entries[0]!);
    expect(s.origin).toBe('compiled');
    expect(compiledFiles(store.dir)).toEqual([...kept, `${prefix}-${COMPILER_FINGERPRINT}.cjs`].sort());
  });
});

describe('the built CLI', () => {
  it('compiles the full validator in the middle of a feed, then loads it from disk, with the same report', () => {
    const dir = tempDir();
    cpSync(join(REPO, 'schemas-cache'), dir, { recursive: true, filter: (s) => !s.includes('.compiled') });
    const feed = join(REPO, 'samples/feeds/clothing-4.3-errors.json');
    const clean = join(REPO, 'samples/feeds/clothing-4.3-clean.json');
    // A clean feed needs no full validator: only the start code is written.
    expect(cli(['validate', clean, '--cache-dir', dir, '--format', 'json']).code).toBe(0);
    expect(compiledFiles(dir).filter((f) => f.endsWith('-full.cjs'))).toEqual([]);
    const first = cli(['validate', feed, '--cache-dir', dir, '--format', 'json']);
    expect(first.code).toBe(1);
    expect(first.stderr).toBe('');
    expect(compiledFiles(dir).filter((f) => f.endsWith('-full.cjs'))).toHaveLength(1);
    const warm = cli(['validate', feed, '--cache-dir', dir, '--format', 'json']);
    expect(warm).toEqual(first);
    const report = JSON.parse(first.stdout) as { issues: Array<{ code: string }> };
    expect(report.issues.map((i) => i.code)).toContain('schema.enum');
  });
});
