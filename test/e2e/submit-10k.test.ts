// The proof of issue 5: 10,000 records across several feeds against the emulator with 429/503/reset faults
// and a 2-second token (renewed ahead of expiry, and replaced on a 401): every valid record lands in exactly one feed, no invalid one in any, and every
// record ends with a known final state.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import type { Emulator } from '../../src/emulator/index.js';
import { feedsPerSku, parseReport, runCli, skuOf, tempDir, writeCatalog } from '../submit/helpers.js';

let emu: Emulator | undefined;
afterAll(async () => emu?.close());

describe('submit 10,000 records under faults', () => {
  it('sends each valid record once and knows how every record ended', async () => {
    emu = await startEmulator({ processingMs: 200, faults: '429=0.2,503=0.1,reset=0.05', seed: 7, tokenTtlSeconds: 2, catalog: 'empty' });
    const dir = tempDir();
    const { file, items } = writeCatalog(dir, 10_000, 0.05);
    const skus = items.map(skuOf);
    const invalid = new Set(skus.filter((_, i) => (i + 1) % 20 === 0));
    const run = await runCli(['submit', file, '--base-url', emu.url, '--state-dir', join(dir, 'state'), '--max-feed-items', '2500', '--poll', '100ms', '--wait', '--format', 'json'], { timeoutMs: 240_000 });
    const report = parseReport(run);
    expect(run.code, run.stderr).toBe(1); // the spoilt records are rejected before sending
    expect(report.submission.counts).toEqual({ rejected: invalid.size, succeeded: 10_000 - invalid.size, failed: 0, in_review: 0, sent: 0, not_sent: 0 });
    expect(report.submission.records).toHaveLength(10_000);
    expect(report.submission.feeds.length).toBeGreaterThanOrEqual(4);
    for (const r of report.submission.records) expect(r.state).toBe(invalid.has(r.sku ?? '') ? 'rejected' : 'succeeded');

    const counts = await feedsPerSku(emu);
    for (const sku of skus) expect(counts.get(sku) ?? 0, sku).toBe(invalid.has(sku) ? 0 : 1);
    // The faults did happen: the run got through them, not around them.
    const faults = emu.state.faults.counts();
    expect(faults['429'] ?? 0).toBeGreaterThan(0);
    expect(faults['503'] ?? 0).toBeGreaterThan(0);
    expect(faults.reset ?? 0).toBeGreaterThan(0);
  }, 300_000);
});
