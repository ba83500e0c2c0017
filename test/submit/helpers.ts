// Helpers for submit's end-to-end tests: the real built CLI spawned asynchronously (the emulator runs in
// this process, so a blocking spawnSync would starve it), stopped with SIGKILL at a named pause point,
// and what the emulator received, SKU by SKU.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FEED_HEADER, mixedItems } from '../../bench/data.js';
import type { JsonObject } from '../../bench/data.js';
import type { Emulator } from '../../src/emulator/index.js';
import { CLI, REPO } from '../helpers/paths.js';

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The pause point reached, when the run was killed at one. */
  killedAt?: string;
}

const CREDENTIALS = { WALMART_CLIENT_ID: 'submit-test', WALMART_CLIENT_SECRET: 'submit-test-secret' };

/** Runs `catalog-gate ARGS`; with `pauseAt` ("after-send:2"), SIGKILLs it once it reports reaching that point. */
export function runCli(args: readonly string[], options: { env?: NodeJS.ProcessEnv; pauseAt?: string; timeoutMs?: number } = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...CREDENTIALS, ...options.env };
  delete env.CATALOG_GATE_SUBMIT_PAUSE;
  if (options.pauseAt !== undefined) env.CATALOG_GATE_SUBMIT_PAUSE = options.pauseAt;
  const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let killedAt: string | undefined;
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => {
    stderr += s;
    const m = /catalog-gate-pause (\S+ \d+)/.exec(stderr);
    if (m !== null && killedAt === undefined) {
      killedAt = m[1];
      child.kill('SIGKILL');
    }
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ...(killedAt === undefined ? {} : { killedAt }) });
    });
  });
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'cg-submit-'));
}

/** A JSON feed of `n` Clothing items, every `1/invalidShare`-th spoilt; the path and the items. */
export function writeCatalog(dir: string, n: number, invalidShare = 0.1, seed = 3): { file: string; items: JsonObject[] } {
  const { items } = mixedItems(n, invalidShare, seed);
  const file = join(dir, 'catalog.json');
  writeFileSync(file, JSON.stringify({ MPItemFeedHeader: FEED_HEADER, MPItem: items }));
  return { file, items };
}

export function skuOf(item: unknown): string {
  return ((item as { Orderable: { sku: string } }).Orderable).sku;
}

/** How many feeds each SKU arrived in at the emulator, once every feed it took has settled. */
export async function feedsPerSku(emu: Emulator): Promise<Map<string, number>> {
  const feeds = emu.state.feeds.list({});
  await Promise.all(feeds.map((f) => emu.state.feeds.settled(f.feedId)));
  const counts = new Map<string, number>();
  for (const f of feeds) for (const i of f.items) if (i.sku !== undefined) counts.set(i.sku, (counts.get(i.sku) ?? 0) + 1);
  return counts;
}

export interface SubmitJson {
  summary: { records: number; valid: number; invalid: number };
  issues: Array<{ record: number; code: string; severity: string; row?: number; cell?: string; column?: string; message: string; hint?: string; walmartCode?: string }>;
  submission: { counts: Record<string, number>; records: Array<{ record: number; sku?: string; state: string; feedId?: string }>; feeds: unknown[] };
}

export function parseReport(run: Run): SubmitJson {
  try {
    return JSON.parse(run.stdout) as SubmitJson;
  } catch {
    throw new Error(`not a JSON report (exit ${String(run.code)}): ${run.stdout.slice(0, 300)}\n${run.stderr.slice(0, 2000)}`);
  }
}
