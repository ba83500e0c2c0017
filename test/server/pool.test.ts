// The worker pool on its own: what happens to a running job when its client leaves or its time runs out, and
// the bytes that cross to and from a worker. (The HTTP side of the same is in concurrency.test.ts.)
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobOutput, JsonJob } from '../../src/server/jobs.js';
import { WorkerPool } from '../../src/server/pool.js';
import type { PoolOptions } from '../../src/server/pool.js';
import { ServiceError, clientGone } from '../../src/server/service-error.js';
import { SAMPLES } from '../helpers/paths.js';

const FEED = `${SAMPLES}feeds/clothing-4.3-errors.json`;

let pool: WorkerPool | undefined;
let tmpRoot: string | undefined;
afterEach(async () => {
  await pool?.close();
  if (tmpRoot !== undefined) await rm(tmpRoot, { recursive: true, force: true });
  pool = undefined;
});

async function start(options: Partial<PoolOptions> = {}): Promise<WorkerPool> {
  tmpRoot = await mkdtemp(join(tmpdir(), 'catalog-gate-pool-test-'));
  pool = await WorkerPool.start({ size: 1, maxQueue: 10, heapMb: 512, abandonedMs: 60_000, tmpRoot, settings: {}, debug: false, ...options });
  return pool;
}

/** A JSON job of the sample feed (its records `times` over) whose bytes are handed to the worker, as the server does. */
async function feedJob(times = 1): Promise<{ job: JsonJob; transfer: ArrayBuffer[] }> {
  const feed = JSON.parse(await readFile(FEED, 'utf8')) as { MPItem: unknown[] };
  feed.MPItem = Array.from({ length: times }, () => feed.MPItem).flat();
  const body = new TextEncoder().encode(JSON.stringify(feed));
  // In two chunks, as a body of some size arrives.
  const half = Math.floor(body.byteLength / 2);
  const chunks = [body.slice(0, half), body.slice(half)];
  return { job: { kind: 'json', chunks, query: {}, maxRows: 100_000 }, transfer: chunks.map((c) => c.buffer) };
}

function report(bytes: Uint8Array): { summary: { records: number } } {
  return JSON.parse(Buffer.from(bytes).toString('utf8')) as { summary: { records: number } };
}

async function records(output: Promise<JobOutput>): Promise<number> {
  const o = await output;
  if (o.kind !== 'bytes') throw new Error(`expected bytes, got ${o.kind}`);
  return report(o.bytes).summary.records;
}

async function runFeed(p: WorkerPool): Promise<number> {
  const { job, transfer } = await feedJob();
  return records(p.run(job, 'small', undefined, transfer));
}

/** Starts a job of the sample's records `times` over; it is running (handed to the free worker) on return. */
async function startFeed(p: WorkerPool, signal: AbortSignal, times = 1): Promise<{ running: Promise<number> }> {
  const { job, transfer } = await feedJob(times);
  const running = records(p.run(job, 'small', signal, transfer));
  expect(p.stats.busy).toBe(1);
  return { running };
}

// Each test starts a pool, whose worker loads the TypeScript sources: slow on a busy machine.
describe('worker pool', { timeout: 120_000 }, () => {
  it('takes the body over and hands the report back as bytes', async () => {
    const p = await start();
    const { job, transfer } = await feedJob();
    const output = await p.run(job, 'small', undefined, transfer);
    // The body's chunks went to the worker (transferred, not copied).
    expect(job.chunks.map((c) => c.byteLength)).toEqual([0, 0]);
    expect(output).toMatchObject({ kind: 'bytes', contentType: 'application/json; charset=utf-8' });
    if (output.kind === 'bytes') expect(report(output.bytes).summary.records).toBe(7);
  });

  it('answers bad JSON with 400 from the worker', async () => {
    const p = await start();
    const body = new TextEncoder().encode('{"records": [1,');
    await expect(p.run({ kind: 'json', chunks: [body], query: {}, maxRows: 10 }, 'small', undefined, [body.buffer])).rejects.toMatchObject({ status: 400, code: 'BAD_JSON' });
    expect(await runFeed(p)).toBe(7);
  });

  it('lets a small job whose client left run to its end, on the same worker', async () => {
    const p = await start();
    await runFeed(p);
    const controller = new AbortController();
    const { running: abandoned } = await startFeed(p, controller.signal);
    controller.abort(clientGone());
    await expect(abandoned).rejects.toMatchObject({ code: 'CLIENT_GONE' });
    await expect.poll(() => p.stats.abandoned, { timeout: 30_000 }).toBe(1);
    expect(p.stats).toMatchObject({ size: 1, busy: 0, queued: 0, started: 1 });
    expect(await runFeed(p)).toBe(7);
  });

  it('stops an abandoned small job that runs past abandonedMs, and replaces its worker', async () => {
    const p = await start({ abandonedMs: 1 });
    await runFeed(p);
    const controller = new AbortController();
    // 7,000 records: far more than 1 ms of work.
    const { running: abandoned } = await startFeed(p, controller.signal, 1000);
    controller.abort(clientGone());
    await expect(abandoned).rejects.toMatchObject({ code: 'CLIENT_GONE' });
    await expect.poll(() => p.stats.started, { timeout: 30_000 }).toBe(2);
    await expect.poll(() => p.stats.size, { timeout: 30_000 }).toBe(1);
    expect(p.stats.abandoned).toBe(0);
    expect(await runFeed(p)).toBe(7);
  });

  it('stops a running job past its time limit at once, and replaces its worker', async () => {
    const p = await start();
    await runFeed(p);
    const controller = new AbortController();
    const { running: stopped } = await startFeed(p, controller.signal, 1000);
    controller.abort(new ServiceError(503, 'TIMEOUT', 'too long'));
    await expect(stopped).rejects.toMatchObject({ code: 'TIMEOUT' });
    await expect.poll(() => p.stats.started, { timeout: 30_000 }).toBe(2);
    expect(await runFeed(p)).toBe(7);
    expect(p.stats.abandoned).toBe(0);
  });
});
