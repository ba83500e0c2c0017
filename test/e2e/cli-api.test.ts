// End to end: the built CLI's API commands (spec pull, feeds, orders, taxonomy, spec diff) against the
// emulator started in this process on a loopback port. The CLI runs asynchronously (spawnSync would block
// the emulator's event loop). The client secret must never show in any output, --debug failures included.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import type { Emulator } from '../../src/emulator/index.js';
import { parseSpecJson } from '../../src/spec/lossless-json.js';
import { specEntries } from '../../src/spec/import.js';
import { SpecStore } from '../../src/spec/store.js';
import { WalmartClient, resolveConfig, submitFeed } from '../../src/walmart/index.js';
import type { CliResult } from '../helpers/cli.js';
import { CLI, REPO, SAMPLES } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp-cache.js';

const CLIENT_ID = 'cli-api-client';
const SECRET = 'Zq9-SECRET-never-printed-7781';
const WRONG = 'Wr0ng-SECRET-also-never-printed';

let emu: Emulator;
let env: NodeJS.ProcessEnv;
const outputs: CliResult[] = [];

function run(args: readonly string[], extra: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: REPO, env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env, ...extra }, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      const r = { code, stdout, stderr };
      outputs.push(r);
      resolve(r);
    });
  });
}

async function submit(file: string): Promise<string> {
  const client = new WalmartClient(resolveConfig({ baseUrl: emu.url, clientId: CLIENT_ID, clientSecret: SECRET }));
  try {
    return (await submitFeed(client, { feedType: 'MP_ITEM', body: readFileSync(file, 'utf8') })).feedId;
  } finally {
    await client.close();
  }
}

beforeAll(async () => {
  emu = await startEmulator({ port: 0, processingMs: 100, credentials: { clientId: CLIENT_ID, clientSecret: SECRET } });
  env = { WALMART_CLIENT_ID: CLIENT_ID, WALMART_CLIENT_SECRET: SECRET, WALMART_BASE_URL: emu.url };
});
afterAll(async () => {
  await emu.close();
  // Every command run here, passing or failing: the secrets appear in none of them.
  expect(outputs.length).toBeGreaterThan(10);
  for (const o of outputs) {
    for (const s of [SECRET, WRONG]) {
      expect(o.stdout).not.toContain(s);
      expect(o.stderr).not.toContain(s);
    }
  }
});

describe('catalog-gate spec pull', () => {
  it('pulls into a temp cache, then validate uses it offline; a second pull asks for nothing', async () => {
    const cache = tempDir();
    const r = await run(['spec', 'pull', '--feed-type', 'MP_ITEM', '--spec-version', '4.3', '--product-type', 'Clothing', '--product-type', 'Toys', '--cache-dir', cache]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Pulled 2 product types of MP_ITEM 4.3 in 1 request');
    const v = await run(['validate', 'samples/feeds/clothing-4.3-clean.json', '--cache-dir', cache], { WALMART_BASE_URL: 'http://127.0.0.1:9' });
    expect(v.code).toBe(0);
    const again = await run(['spec', 'pull', '--feed-type', 'MP_ITEM', '--spec-version', '4.3', '--product-type', 'Clothing', '--cache-dir', cache, '--format', 'json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ requests: 0, cached: ['Clothing'], pulled: [] });
  });

  it('exits 1 and names the rejected product type', async () => {
    const r = await run(['spec', 'pull', '--feed-type', 'MP_ITEM', '--spec-version', '4.3', '--product-type', 'Clothing', '--product-type', 'Bogus', '--cache-dir', tempDir()]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Rejected: Bogus: .*Bogus/);
  });

  it('exits 2 with one line naming the env vars when credentials are missing', async () => {
    const r = await run(['spec', 'pull', '--feed-type', 'MP_ITEM', '--spec-version', '4.3', '--product-type', 'Clothing', '--cache-dir', tempDir()], {
      WALMART_CLIENT_ID: '',
      WALMART_CLIENT_SECRET: '',
    });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('WALMART_CLIENT_ID');
    expect(r.stderr).toContain('WALMART_CLIENT_SECRET');
    expect(r.stdout).toBe('');
  });

  it('keeps the secret out of a --debug auth failure', async () => {
    const r = await run(['orders', 'list', '--debug'], { WALMART_CLIENT_SECRET: WRONG });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^catalog-gate: /);
  });
});

describe('catalog-gate feeds', () => {
  it('lists a submitted feed, shows its status and watches it to the end', async () => {
    const feedId = await submit(`${SAMPLES}feeds/clothing-4.3-clean.json`);
    const list = await run(['feeds', 'list', '--limit', '10']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(feedId);
    const watch = await run(['feeds', 'watch', feedId, '--interval-ms', '50', '--timeout-ms', '20000']);
    expect(watch.code).toBe(0);
    expect(watch.stdout).toContain('Every item succeeded');
    const status = await run(['feeds', 'status', feedId, '--format', 'json']);
    expect(status.code).toBe(0);
    const s = JSON.parse(status.stdout) as { feedId: string; feedStatus: string; items: unknown[] };
    expect(s).toMatchObject({ feedId, feedStatus: 'PROCESSED' });
    expect(s.items).toHaveLength(6);
  });

  it('watch exits 1 when items failed and lists them', async () => {
    const feedId = await submit(`${SAMPLES}feeds/clothing-4.3-errors.json`);
    const watch = await run(['feeds', 'watch', feedId, '--interval-ms', '50', '--timeout-ms', '20000']);
    expect(watch.code).toBe(1);
    expect(watch.stdout).toMatch(/failed/);
  });

  it('status of an unknown feed is exit 2 on one line, even with --debug adding a stack', async () => {
    const r = await run(['feeds', 'status', 'NO-SUCH-FEED']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const d = await run(['feeds', 'status', 'NO-SUCH-FEED', '--debug']);
    expect(d.code).toBe(2);
  });
});

describe('catalog-gate orders', () => {
  it('lists orders as CSV and gets one', async () => {
    const r = await run(['orders', 'list', '--format', 'csv', '--limit', '5']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split(/\r?\n/);
    expect(lines[0]).toBe('purchaseOrderId,createDate,status,supplyChainStatus,mustArriveByDate,lines,total,currency');
    expect(lines).toHaveLength(6);
    const po = lines[1]?.split(',')[0] ?? '';
    const g = await run(['orders', 'get', po]);
    expect(g.code).toBe(0);
    expect(JSON.parse(g.stdout)).toMatchObject({ purchaseOrderId: po });
  });
});

describe('catalog-gate taxonomy', () => {
  it('browses offline and suggests the nearest product type', async () => {
    const r = await run(['taxonomy', '--feed-type', 'MP_ITEM', '--spec-version', '4.3', '--search', 'Animal']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Animal Food');
    const miss = await run(['taxonomy', '--spec-version', '4.3', '--search', 'Clothng']);
    expect(miss.code).toBe(1);
    expect(miss.stdout).toContain('Did you mean "Clothing"?');
  });

  it('asks the API with --online', async () => {
    const r = await run(['taxonomy', '--online', '--spec-version', '4.3', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Animal Food');
  });
});

describe('catalog-gate spec diff', () => {
  it('diffs two cached versions and lists the records the newer one rejects', async () => {
    const bundled = new SpecStore();
    const entry = await bundled.resolve({ feedType: 'MP_ITEM', version: '4.3', productType: 'Clothing' });
    const text = await bundled.readVerified(entry!);
    const changed = text.replace(/("enum": \[\s*"Unisex",)\s*"Male",/, '$1');
    expect(changed).not.toBe(text);
    expect(parseSpecJson(changed)).toBeTypeOf('object');
    const store = new SpecStore(tempDir());
    await store.put(specEntries(text, { feedType: 'MP_ITEM', version: '4.3', source: 'file:test' }));
    await store.put(specEntries(changed, { feedType: 'MP_ITEM', version: '4.4', source: 'file:test' }));
    const r = await run(['spec', 'diff', 'MP_ITEM', '4.3', '4.4', '--product-type', 'Clothing', 'samples/feeds/clothing-4.3-clean.json', '--cache-dir', store.dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('! Visible.Clothing.gender: values removed "Male"');
    expect(r.stdout).toContain('6 records rejected');
    expect(r.stdout).toMatch(/record 1 · SKU \S+: schema\.enum/);
  });
});
