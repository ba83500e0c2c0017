// spec pull against the emulator: one Get Spec request for up to 20 product types, entries stored with
// hashes that check out, nothing requested for types already cached, unknown types reported as rejected.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import type { AccessLogEntry, Emulator } from '../../src/emulator/index.js';
import { validate } from '../../src/engine/validate.js';
import { pullSpecs } from '../../src/spec/pull.js';
import { SpecStore, sha256 } from '../../src/spec/store.js';
import { WalmartClient, resolveConfig } from '../../src/walmart/index.js';
import { SAMPLES, readJson } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp-cache.js';

let emu: Emulator;
let client: WalmartClient;
const log: AccessLogEntry[] = [];
const specRequests = (): number => log.filter((e) => e.path === '/v3/items/spec').length;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, onAccessLog: (e) => log.push(e) });
  client = new WalmartClient(resolveConfig({ baseUrl: emu.url, clientId: 'test-client', clientSecret: 'test-secret' }));
});
afterAll(async () => {
  await client.close();
  await emu.close();
});
beforeEach(() => {
  log.length = 0;
});

const PTS = ['Clothing', 'Footwear', 'Toys'];

describe('spec pull', () => {
  it('pulls three product types in one request and stores entries whose hashes check out', async () => {
    const store = new SpecStore(tempDir());
    const r = await pullSpecs(client, store, { feedType: 'MP_ITEM', version: '4.3', productTypes: PTS });
    expect(specRequests()).toBe(1);
    expect(r.requests).toBe(1);
    expect(r.pulled.sort()).toEqual(PTS);
    expect(r.rejected).toEqual([]);
    expect(r.entries.map((e) => e.productType).sort()).toEqual(PTS);
    for (const e of r.entries) {
      expect(e.source).toBe(`${emu.url}/v3/items/spec`);
      expect(sha256(readFileSync(join(store.dir, e.file)))).toBe(e.sha256);
      expect(await store.status(e)).toBe('ok');
    }
    // Pulled specs validate the sample feed as the bundled ones do, with no network.
    const report = await validate(readJson(`${SAMPLES}feeds/clothing-4.3-clean.json`), { cacheDir: store.dir });
    expect(report.summary.invalid).toBe(0);

    log.length = 0;
    const again = await pullSpecs(client, new SpecStore(store.dir), { feedType: 'MP_ITEM', version: '4.3', productTypes: PTS });
    expect(specRequests()).toBe(0);
    expect(again.requests).toBe(0);
    expect(again.cached.sort()).toEqual(PTS);
    expect(again.pulled).toEqual([]);
  });

  it('asks only for the types not cached yet', async () => {
    const store = new SpecStore(tempDir());
    await pullSpecs(client, store, { feedType: 'MP_ITEM', version: '4.3', productTypes: ['Clothing'] });
    log.length = 0;
    const r = await pullSpecs(client, store, { feedType: 'MP_ITEM', version: '4.3', productTypes: ['Clothing', 'Toys'] });
    expect(specRequests()).toBe(1);
    expect(r.cached).toEqual(['Clothing']);
    expect(r.pulled).toEqual(['Toys']);
  });

  it('reports an unknown type as rejected with Walmart\'s reason and keeps the good ones', async () => {
    const store = new SpecStore(tempDir());
    const r = await pullSpecs(client, store, { feedType: 'MP_ITEM', version: '4.3', productTypes: ['Clothing', 'Not A Type'] });
    expect(r.pulled).toEqual(['Clothing']);
    expect(r.rejected).toEqual([{ productType: 'Not A Type', message: expect.stringContaining('Not A Type') as unknown }]);
    expect((await store.list()).map((e) => e.productType)).toEqual(['Clothing']);
  });

  it('reports types as rejected when Walmart refuses every one of them (400)', async () => {
    const store = new SpecStore(tempDir());
    const r = await pullSpecs(client, store, { feedType: 'MP_ITEM', version: '4.3', productTypes: ['Nope'] });
    expect(r.rejected.map((x) => x.productType)).toEqual(['Nope']);
    expect(await store.list()).toEqual([]);
  });

  it('splits more than 20 types into requests of at most 20', async () => {
    const store = new SpecStore(tempDir());
    const all = (await new SpecStore().list()).filter((e) => e.feedType === 'MP_ITEM' && e.version === '4.3').map((e) => e.productType).slice(0, 25);
    const r = await pullSpecs(client, store, { feedType: 'MP_ITEM', version: '4.3', productTypes: all });
    expect(specRequests()).toBe(2);
    expect(r.pulled).toHaveLength(25);
  });
});
