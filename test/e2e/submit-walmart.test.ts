// What Walmart does after validation passes: a rejection mapped back to the spreadsheet's row and cell,
// --only-failed after the fix, a changed record sent again, a lost answer resolved by the feed list, a 413
// split, and the hourly feed quota.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import type { Emulator, EmulatorOptions } from '../../src/emulator/index.js';
import { SAMPLES } from '../helpers/paths.js';
import { feedsPerSku, parseReport, runCli, skuOf, tempDir, writeCatalog } from '../submit/helpers.js';

const running: Emulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

async function emulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const emu = await startEmulator({ processingMs: 60, rateLimits: false, catalog: 'empty', ...options });
  running.push(emu);
  return emu;
}

const WRONG_TITLE = 'Heavy Duty Garden Hose Reel 100 ft';
const RIGHT_TITLE = "Northtrail Men's Short Sleeve Crew Neck Cotton T-Shirt, Black, L";

describe('Walmart verdicts on a spreadsheet', () => {
  it('maps a rejection to its row and cell, and --only-failed resends just that record once fixed', async () => {
    // The emulator's catalog holds the sample items: a title far from the listed one is ERR_EXT_DATA_0101116.
    const emu = await emulator({ catalog: 'samples' });
    const dir = tempDir();
    const csv = join(dir, 'catalog.csv');
    writeFileSync(csv, readFileSync(join(SAMPLES, 'sheets/catalog-v5-clean.csv'), 'utf8').replace(`"${RIGHT_TITLE}"`, `"${WRONG_TITLE}"`));
    const base = ['submit', csv, '--base-url', emu.url, '--poll', '40ms', '--wait'];

    const first = await runCli([...base, '--format', 'json']);
    expect(first.code, first.stderr).toBe(1);
    const report = parseReport(first);
    expect(report.submission.counts).toMatchObject({ succeeded: 7, failed: 1, rejected: 0 });
    const failure = report.issues.find((i) => i.walmartCode === 'ERR_EXT_DATA_0101116');
    expect(failure).toMatchObject({ record: 2, row: 3, column: 'E', cell: 'E3', severity: 'error' });
    expect(failure?.message).toMatch(/title/i);

    const text = await runCli(base);
    expect(text.stdout).toMatch(/Row 3 · SKU NT-CREW-BLACK-L/);
    expect(text.stdout).toMatch(/E3 /);

    // Unchanged, the failed record is not resent; fixed, --only-failed sends it alone.
    const feeds = emu.state.feeds.size;
    expect(parseReport(await runCli([...base, '--only-failed', '--format', 'json'])).submission.counts.failed).toBe(1);
    expect(emu.state.feeds.size).toBe(feeds);
    writeFileSync(csv, readFileSync(csv, 'utf8').replace(`"${WRONG_TITLE}"`, `"${RIGHT_TITLE}"`));
    const fixed = await runCli([...base, '--only-failed', '--format', 'json']);
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(parseReport(fixed).submission.counts).toMatchObject({ succeeded: 8, failed: 0 });
    expect(emu.state.feeds.size).toBe(feeds + 1);
    expect(emu.state.feeds.list({})[0]?.items.map((i) => i.sku)).toEqual(['NT-CREW-BLACK-L']);
  }, 90_000);
});

describe('submit against what Walmart does on the wire', () => {
  it('sends a changed record again, and nothing else', async () => {
    const emu = await emulator();
    const dir = tempDir();
    const { file, items } = writeCatalog(dir, 8, 0);
    const args = ['submit', file, '--base-url', emu.url, '--poll', '40ms', '--wait', '--format', 'json'];
    expect((await runCli(args)).code).toBe(0);
    // A new description; a price far from the listing's would be Walmart's ERR_EXT_DATA_0101116 instead.
    const changed = items[5] as { Visible: { Clothing: { shortDescription: string } } };
    changed.Visible.Clothing.shortDescription += ' Now in a softer cotton.';
    writeFileSync(file, JSON.stringify({ ...(JSON.parse(readFileSync(file, 'utf8')) as object), MPItem: items }));
    const again = await runCli(args);
    expect(again.code, again.stderr).toBe(0);
    expect(emu.state.feeds.size).toBe(2);
    expect(emu.state.feeds.list({})[0]?.items.map((i) => i.sku)).toEqual([skuOf(items[5])]);
  }, 60_000);

  it('finds a feed whose answer was lost (connection reset after Walmart took it) instead of sending it twice', async () => {
    const emu = await emulator();
    emu.state.faults.inject('reset', { path: '/v3/feeds' });
    const dir = tempDir();
    const { file, items } = writeCatalog(dir, 8, 0);
    const run = await runCli(['submit', file, '--base-url', emu.url, '--poll', '40ms', '--wait', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/answer was lost and the feed found by name/);
    expect(emu.state.feeds.size).toBe(1);
    const counts = await feedsPerSku(emu);
    for (const item of items) expect(counts.get(skuOf(item))).toBe(1);
  }, 60_000);

  it('splits a feed Walmart finds too large (413) until the halves fit', async () => {
    const emu = await emulator({ maxFeedBytes: 12_000 });
    const dir = tempDir();
    const { file, items } = writeCatalog(dir, 24, 0);
    const run = await runCli(['submit', file, '--base-url', emu.url, '--poll', '40ms', '--wait', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/too large \(413\)/);
    const counts = await feedsPerSku(emu);
    for (const item of items) expect(counts.get(skuOf(item))).toBe(1);
    expect(parseReport(run).submission.counts.succeeded).toBe(24);
  }, 60_000);

  it('stops at the hourly feed quota and says when to run again; the rerun sends only the rest', async () => {
    const emu = await emulator({ rateLimits: {}, feedsPerHour: 2 });
    const dir = tempDir();
    const { file } = writeCatalog(dir, 12, 0);
    const args = ['submit', file, '--base-url', emu.url, '--max-feed-items', '4', '--feeds-per-hour', '2', '--format', 'json'];
    const dry = await runCli([...args, '--dry-run']);
    expect((JSON.parse(dry.stdout) as { plan: { feeds: Array<{ quotaHour: number }> } }).plan.feeds.map((f) => f.quotaHour)).toEqual([0, 0, 1]);
    const run = await runCli(args);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/hourly feed quota is used up until/);
    expect(parseReport(run).submission.counts).toMatchObject({ sent: 8, not_sent: 4 });
    expect(emu.state.feeds.size).toBe(2);
    // The quota comes back (here: the emulator's buckets refilled); the same command sends the rest only.
    emu.state.limits.reset();
    const rest = await runCli([...args.filter((a) => a !== '2' && a !== '--feeds-per-hour'), '--feeds-per-hour', '10']);
    expect(parseReport(rest).submission.counts).toMatchObject({ sent: 12, not_sent: 0 });
    expect(emu.state.feeds.size).toBe(3);
  }, 60_000);
});
