// Kill-safety: the real CLI is SIGKILLed at named points of a submit against the real emulator, then the
// same command is run again. Every valid record must end up in exactly one feed Walmart took, none in two,
// none lost, and no invalid record in any.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import type { Emulator } from '../../src/emulator/index.js';
import { feedsPerSku, parseReport, runCli, skuOf, tempDir, writeCatalog } from '../submit/helpers.js';

const running: Emulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

async function emulator(): Promise<Emulator> {
  const emu = await startEmulator({ processingMs: 60, rateLimits: false, catalog: 'empty' });
  running.push(emu);
  return emu;
}

/**
 * 40 records (4 spoilt) in variant groups of 4, in feeds of at most 9 items: whole groups, so five feeds of
 * 8 or fewer (fourteen for 120 records).
 */
function setup(records = 40): { dir: string; file: string; valid: string[]; invalid: string[] } {
  const dir = tempDir();
  const { file, items } = writeCatalog(dir, records, 0.1);
  const skus = items.map(skuOf);
  const invalid = skus.filter((_, i) => (i + 1) % 10 === 0);
  return { dir, file, valid: skus.filter((s) => !invalid.includes(s)), invalid };
}

function args(emu: Emulator, file: string, dir: string, ...more: string[]): string[] {
  return ['submit', file, '--base-url', emu.url, '--state-dir', join(dir, 'state'), '--max-feed-items', '9', '--poll', '40ms', '--format', 'json', ...more];
}

async function expectExactlyOnce(emu: Emulator, valid: readonly string[], invalid: readonly string[]): Promise<void> {
  const counts = await feedsPerSku(emu);
  for (const sku of valid) expect(counts.get(sku), sku).toBe(1);
  for (const sku of invalid) expect(counts.get(sku), sku).toBeUndefined();
  expect(counts.size).toBe(valid.length);
}

describe('submit killed and run again', () => {
  it.each([
    ['before-send:2', 'the intent of feed 2 is on disk, the POST not made'],
    ['after-send:2', 'Walmart took feed 2, the ledger does not know its feedId'],
    ['between-feeds:3', 'three feeds sent and recorded, the rest in flight or to go'],
    ['after-send:5', 'the last feed taken but not recorded'],
    ['polling:2', 'a status poll answered, its verdicts not recorded'],
  ])('at %s (%s): every valid record in exactly one feed', async (pauseAt) => {
    const emu = await emulator();
    const { dir, file, valid, invalid } = setup();
    const killed = await runCli([...args(emu, file, dir), '--wait'], { pauseAt });
    expect(killed.killedAt, killed.stderr).toBe(pauseAt.replace(':', ' '));
    expect(killed.signal).toBe('SIGKILL');

    const again = await runCli([...args(emu, file, dir), '--wait']);
    expect(again.code, again.stderr).toBe(1); // 4 records rejected before sending
    const report = parseReport(again);
    expect(report.submission.counts).toMatchObject({ succeeded: valid.length, rejected: invalid.length, failed: 0, sent: 0, not_sent: 0 });
    await expectExactlyOnce(emu, valid, invalid);
    if (pauseAt.startsWith('after-send')) expect(again.stderr).toMatch(/sent by an interrupted run; it is not sent again/);

    // A third run of the same command sends nothing.
    const feedsBefore = emu.state.feeds.size;
    const third = await runCli([...args(emu, file, dir), '--wait']);
    expect(parseReport(third).submission.counts.succeeded).toBe(valid.length);
    expect(emu.state.feeds.size).toBe(feedsBefore);
  });

  it('killed at each of several points in turn, the same command still sends each record once', async () => {
    const emu = await emulator();
    // Feeds go several at a time, so a killed run may have sent several: enough feeds for every kill to land.
    const { dir, file, valid, invalid } = setup(120);
    for (const pauseAt of ['after-send:1', 'before-send:1', 'after-send:2', 'polling:1']) {
      const r = await runCli([...args(emu, file, dir), '--wait'], { pauseAt });
      expect(r.killedAt, `${pauseAt}: ${r.stderr}`).toBeDefined();
    }
    const last = await runCli([...args(emu, file, dir), '--wait']);
    expect(parseReport(last).submission.counts).toMatchObject({ succeeded: valid.length, rejected: invalid.length });
    await expectExactlyOnce(emu, valid, invalid);
  });
});
