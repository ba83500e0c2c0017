// The schemas-cache: splitting real specs per product type, the lockfile, integrity and atomic writes.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpecError } from '../../src/core/errors.js';
import { importSpecFile } from '../../src/spec/import.js';
import { LOCKFILE_NAME } from '../../src/spec/lockfile.js';
import { parseSpecJson } from '../../src/spec/lossless-json.js';
import { SpecStore } from '../../src/spec/store.js';
import { ITEM_SPECS } from '../helpers/paths.js';
import { feedSpec, tempCacheWith, tempDir } from '../helpers/temp-cache.js';

type Obj = Record<string, Record<string, unknown>>;
const itemOf = (schema: unknown) => ((schema as Obj).properties!.MPItem as Obj).items as unknown as Obj;

describe('spec import', () => {
  it('splits MP_ITEM 4.3 into one entry per product type: header + Orderable + that Visible block', async () => {
    const store = new SpecStore(tempDir());
    const entries = await importSpecFile(store, `${ITEM_SPECS}v4/MP_ITEM_SPEC_4.3.json`, { feedType: 'MP_ITEM', version: '4.3' });
    expect(entries).toHaveLength(77);
    const clothing = entries.find((e) => e.productType === 'Clothing')!;
    expect(clothing).toMatchObject({ feedType: 'MP_ITEM', version: '4.3', draft: 'draft-04', headerVersions: ['1.3'] });
    expect(clothing.source).toMatch(/^file:.*MP_ITEM_SPEC_4\.3\.json$/);
    expect(clothing.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Date.parse(clothing.obtainedAt)).not.toBeNaN();
    const { schema } = await store.load(clothing);
    const item = itemOf(schema);
    expect(Object.keys(item.properties!)).toEqual(['Orderable', 'Visible']);
    const visible = item.properties!.Visible as Obj;
    expect(Object.keys(visible.properties!)).toEqual(['Clothing']);
    expect(visible.required).toEqual(['Clothing']);
    expect(visible.anyOf).toBeUndefined();
    expect(Object.keys((schema as Obj).properties!)).toEqual(['MPItemFeedHeader', 'MPItem']);
  });

  it('keeps TradeItem in every MP_WFS_ITEM 4.2 part', async () => {
    const store = new SpecStore(tempDir());
    const entries = await importSpecFile(store, `${ITEM_SPECS}v4/MP_WFS_ITEM_SPEC_4.2.json`, { feedType: 'MP_WFS_ITEM', version: '4.2' });
    expect(entries).toHaveLength(74);
    const { schema } = await store.load(entries[0]!);
    expect(Object.keys(itemOf(schema).properties!)).toEqual(['Orderable', 'Visible', 'TradeItem']);
    expect((itemOf(schema).properties!.Visible as Obj).oneOf).toBeUndefined();
  });

  it('stores a spec with no product types (MP_ITEM_MATCH) as it is, for every product type', async () => {
    const store = new SpecStore(tempDir());
    const file = `${ITEM_SPECS}v5/MP_ITEM_MATCH_5.0.20260607-22_38_54-api.json`;
    const entries = await importSpecFile(store, file, { feedType: 'MP_ITEM_MATCH', version: '5.0.20260607-22_38_54-api' });
    expect(entries.map((e) => [e.productType, e.draft])).toEqual([['*', 'draft-07']]);
    expect((await store.load(entries[0]!)).schema).toEqual(parseSpecJson(readFileSync(file, 'utf8')));
  });

  it('marks synthetic specs in the lockfile', async () => {
    const store = new SpecStore(tempDir());
    const [e] = await importSpecFile(store, `${ITEM_SPECS}v4/MP_ITEM_MATCH_v4.json`, { feedType: 'X', version: '1', synthetic: true });
    const lock = JSON.parse(readFileSync(join(store.dir, LOCKFILE_NAME), 'utf8')) as { entries: Record<string, { synthetic?: boolean }> };
    expect(e?.synthetic).toBe(true);
    expect(lock.entries['X|1|*']?.synthetic).toBe(true);
  });

  it('rejects a spec in a draft it cannot read, and text that is not JSON', async () => {
    await expect(tempCacheWith('{"$schema":"https://json-schema.org/draft/2020-12/schema","properties":{}}')).rejects.toThrow(/draft-04, draft-06 and draft-07/);
    await expect(tempCacheWith('{"MPItem": [')).rejects.toThrow(/not valid JSON/);
    await expect(tempCacheWith('{"$schema":"http://json-schema.org/draft-07/schema#","properties":{}}')).rejects.toThrow(/no item array/);
  });
});

describe('integrity', () => {
  it('reports an entry whose hash does not match and never uses it', async () => {
    const { store, entries } = await tempCacheWith(feedSpec({ type: 'object' }));
    const file = join(store.dir, entries[0]!.file);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"object"', '"string"'));
    const err = await store.load(entries[0]!).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SpecError);
    expect(err).toMatchObject({ code: 'SPEC_INTEGRITY' });
    expect((err as Error).message).toMatch(/does not match its lockfile hash/);
    expect(await store.status(entries[0]!)).toBe('modified');
  });

  it('reports a missing entry file', async () => {
    const { store, entries } = await tempCacheWith(feedSpec({ type: 'object' }));
    const { rmSync } = await import('node:fs');
    rmSync(join(store.dir, entries[0]!.file));
    expect(await store.status(entries[0]!)).toBe('missing');
  });

  it('refuses a lockfile that is not valid', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCKFILE_NAME), JSON.stringify({ lockfileVersion: 1, entries: { 'A|1|*': { feedType: 'A' } } }));
    await expect(new SpecStore(dir).list()).rejects.toMatchObject({ code: 'SPEC_INTEGRITY' });
    writeFileSync(join(dir, LOCKFILE_NAME), '{ nope');
    await expect(new SpecStore(dir).list()).rejects.toThrow(/not valid JSON/);
  });
});

describe('writes', () => {
  it('concurrent imports into one cache lose no entry and leave no temp files', async () => {
    const dir = tempDir();
    await Promise.all(
      ['A', 'B', 'C', 'D', 'E', 'F'].map((ft) => new SpecStore(dir).put([{ key: { feedType: ft, version: '1', productType: '*' }, text: feedSpec({}), source: 'file:x', draft: 'draft-07', headerVersions: ['1'] }])),
    );
    const entries = await new SpecStore(dir).list();
    expect(entries.map((e) => e.feedType).sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    const all = readdirSync(dir, { recursive: true }).map(String);
    expect(all.filter((f) => f.endsWith('.tmp') || f.includes('write-lock'))).toEqual([]);
  });

  it('gives product types whose names slug alike their own files', async () => {
    const dir = tempDir();
    const store = new SpecStore(dir);
    const put = (pt: string) => ({ key: { feedType: 'T', version: '1', productType: pt }, text: feedSpec({ title: pt }), source: 'file:x', draft: 'draft-07' as const, headerVersions: [] });
    const [a, b] = await store.put([put('Cases & Bags'), put('Cases and Bags')]);
    expect(a!.file).not.toBe(b!.file);
    expect(await store.status(a!)).toBe('ok');
    expect(await store.status(b!)).toBe('ok');
  });
});
