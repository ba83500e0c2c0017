// Validation runs in the worker pool: a small JSON request is answered while a large upload is being
// validated, and a client that leaves stops its work. (Orderings only; timings are in BENCHMARKS.md.)
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/index.js';
import { SAMPLES } from '../helpers/paths.js';
import { bigCsv, fileForm, postFile, postJson, serve } from './helpers.js';

const FEED = `${SAMPLES}feeds/clothing-4.3-errors.json`;

let server: RunningServer;
beforeAll(async () => {
  server = await serve({ workers: 2 });
  // Warm both workers, so the small requests below do not pay for loading the engine.
  await Promise.all([1, 2].map(async () => expect((await postJson(`${server.url}/v1/validate`, await readFile(FEED, 'utf8'))).status).toBe(200)));
}, 120_000);
afterAll(async () => {
  await server.close();
});

describe('worker pool', () => {
  it('answers small requests while a large upload is validated', async () => {
    let largeDone = false;
    const large = postFile(`${server.url}/v1/validate/file`, fileForm(await bigCsv(30_000), 'large.csv')).then((res) => {
      largeDone = true;
      return res;
    });
    await expect.poll(() => server.stats().busy, { timeout: 30_000 }).toBe(1);
    const feed = await readFile(FEED, 'utf8');
    for (let i = 0; i < 5; i++) {
      const res = await postJson(`${server.url}/v1/validate`, feed);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { summary: { records: number } }).summary.records).toBe(7);
    }
    expect(largeDone).toBe(false);
    const res = await large;
    expect(res.status).toBe(200);
    expect(((await res.json()) as { summary: { records: number } }).summary.records).toBe(30_000);
  });

  it('answers each of many concurrent small requests with its own report', async () => {
    const feed = JSON.parse(await readFile(FEED, 'utf8')) as { MPItemFeedHeader: unknown; MPItem: unknown[] };
    // Request n carries n copies of the first item: its report must count n records.
    const sizes = Array.from({ length: 24 }, (_, i) => i + 1);
    const answers = await Promise.all(
      sizes.map(async (n) => {
        const res = await postJson(`${server.url}/v1/validate`, JSON.stringify({ ...feed, MPItem: Array.from({ length: n }, () => feed.MPItem[0]) }));
        expect(res.status).toBe(200);
        return ((await res.json()) as { summary: { records: number } }).summary.records;
      }),
    );
    expect(answers).toEqual(sizes);
    expect(server.stats()).toMatchObject({ busy: 0, queued: 0, started: 2, abandoned: 0 });
  });

  it('keeps one worker for small requests when uploads fill the rest', async () => {
    const uploads = [1, 2].map(async (n) => postFile(`${server.url}/v1/validate/file`, fileForm(await bigCsv(15_000), `large-${n}.csv`)));
    // Both uploads are in; only one may run, the other waits.
    await expect.poll(() => server.stats(), { timeout: 30_000 }).toMatchObject({ size: 2, busy: 1, queued: 1 });
    const res = await postJson(`${server.url}/v1/validate`, await readFile(FEED, 'utf8'));
    expect(res.status).toBe(200);
    expect(server.stats().queued).toBe(1);
    for (const r of await Promise.all(uploads)) expect(r.status).toBe(200);
  });

  it('stops the work of a client that leaves, and replaces its worker', async () => {
    const controller = new AbortController();
    const kept = postFile(`${server.url}/v1/validate/file`, fileForm(await bigCsv(30_000), 'kept.csv'));
    const abandoned = fetch(`${server.url}/v1/validate/file`, { method: 'POST', body: fileForm(await bigCsv(30_000), 'abandoned.csv'), signal: controller.signal }).catch((e: unknown) => e);
    await expect.poll(() => server.stats().busy + server.stats().queued, { timeout: 30_000 }).toBe(2);
    controller.abort();
    expect(await abandoned).toBeInstanceOf(Error);
    // Whichever of the two was running or waiting, only one job is left.
    await expect.poll(() => server.stats().busy + server.stats().queued, { timeout: 30_000 }).toBe(1);
    expect((await kept).status).toBe(200);
    await expect.poll(() => server.stats(), { timeout: 30_000 }).toMatchObject({ size: 2, busy: 0, queued: 0 });
  });
});
