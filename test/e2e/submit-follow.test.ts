// Without --wait, submit sends and returns; `feeds watch --state-dir` follows the ledger's feeds later.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import type { Emulator } from '../../src/emulator/index.js';
import { parseReport, runCli, tempDir, writeCatalog } from '../submit/helpers.js';

let emu: Emulator | undefined;
afterAll(async () => emu?.close());

describe('submit, then feeds watch from the ledger', () => {
  it('leaves records sent, and feeds watch records their verdicts', async () => {
    emu = await startEmulator({ processingMs: 100, rateLimits: false, catalog: 'empty' });
    const dir = tempDir();
    const { file } = writeCatalog(dir, 12, 0);
    const state = join(dir, 'state');
    const sent = await runCli(['submit', file, '--base-url', emu.url, '--state-dir', state, '--format', 'json']);
    expect(sent.code, sent.stderr).toBe(0);
    expect(parseReport(sent).submission.counts).toMatchObject({ sent: 12 });
    const watch = await runCli(['feeds', 'watch', '--state-dir', state, '--base-url', emu.url, '--interval-ms', '50']);
    expect(watch.code, watch.stderr).toBe(0);
    expect(watch.stdout).toMatch(/Every record of these feeds succeeded/);
    const status = await runCli(['feeds', 'status', '--state-dir', state]);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/PROCESSED\s+12\s+12\s+0\s+0/);
    const again = await runCli(['submit', file, '--base-url', emu.url, '--state-dir', state, '--format', 'json']);
    expect(parseReport(again).submission.counts).toMatchObject({ succeeded: 12 });
    expect(emu.state.feeds.size).toBe(1);
  }, 60_000);
});
