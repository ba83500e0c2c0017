// Submit benchmark (issue 5): the wall time of `catalog-gate submit --wait` for 10,000 records (5% spoilt,
// feeds of 2,500) against the emulator with 429/503/reset faults and 5 s tokens, against the same run with
// no faults, which the emulator's rate limits never slow (4 feeds fit its 10-an-hour bucket): the fastest
// its limits allow. Also the cost of one fsynced ledger append.
// Usage: npm run build && node dist/bench/submit.js [runs]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../src/emulator/index.js';
import { JournalWriter } from '../src/submit/journal.js';
import { FEED_HEADER, mixedItems } from './data.js';
import { REPO, fmt, machine, median, table, timedNode } from './harness.js';

const runs = Number(process.argv[2] ?? 1);
const CLI = join(REPO, 'dist/src/cli/main.js');
process.env.WALMART_CLIENT_ID = 'bench';
process.env.WALMART_CLIENT_SECRET = 'bench-secret';
process.env.NO_COLOR = '1';

const dir = mkdtempSync(join(tmpdir(), 'cg-bench-submit-'));
const file = join(dir, 'catalog.json');
writeFileSync(file, JSON.stringify({ MPItemFeedHeader: FEED_HEADER, MPItem: mixedItems(10_000, 0.05).items }));

async function submitOnce(faults: string | undefined): Promise<number> {
  const emu = await startEmulator({ processingMs: 200, tokenTtlSeconds: 5, seed: 7, catalog: 'empty', ...(faults === undefined ? {} : { faults }) });
  try {
    const state = mkdtempSync(join(dir, 'state-'));
    const r = await timedNode([CLI, 'submit', file, '--base-url', emu.url, '--state-dir', state, '--max-feed-items', '2500', '--poll', '100ms', '--wait', '--format', 'json'], [1]);
    const counts = (JSON.parse(r.stdout) as { submission: { counts: Record<string, number> } }).submission.counts;
    if (counts.succeeded !== 9500 || counts.rejected !== 500) throw new Error(`unexpected outcome ${JSON.stringify(counts)}`);
    return r.wallMs;
  } finally {
    await emu.close();
  }
}

function fsyncCost(n: number): { perAppendMs: number } {
  const f = join(dir, 'journal.jsonl');
  const w = new JournalWriter(f, 0);
  const entry = { t: 'sent', feed: 'catalog-gate-0123456789abcdef0123-1.json', feedId: 'D668B1F7134813E19262B1ABEB96C7C5@ArYpT5A', at: Date.now() };
  const t0 = performance.now();
  for (let i = 0; i < n; i++) w.append([entry]);
  const ms = performance.now() - t0;
  w.close();
  return { perAppendMs: ms / n };
}

const validateMs: number[] = [];
const clean: number[] = [];
const faulty: number[] = [];
for (let i = 0; i < runs; i++) {
  validateMs.push((await timedNode([CLI, 'validate', file, '--format', 'json'], [1])).wallMs);
  clean.push(await submitOnce(undefined));
  faulty.push(await submitOnce('429=0.2,503=0.1,reset=0.05'));
}
const fsync = fsyncCost(200);
rmSync(dir, { recursive: true, force: true });

const m = { validate: median(validateMs), clean: median(clean), faulty: median(faulty) };
console.log(JSON.stringify(machine()));
console.log(
  table(
    ['10,000 records (9,500 valid), feeds of 2,500', `median of ${runs} (s)`, 'vs no faults'],
    [
      ['validate only (no network)', fmt(m.validate / 1000, 1), '-'],
      ['submit --wait, no faults (fastest the limits allow)', fmt(m.clean / 1000, 1), '1.00×'],
      ['submit --wait, 429=0.2,503=0.1,reset=0.05, 5 s tokens', fmt(m.faulty / 1000, 1), `${(m.faulty / m.clean).toFixed(2)}×`],
    ],
  ),
);
console.log(`ledger append (one entry, write + fsync): ${fsync.perAppendMs.toFixed(2)} ms each over 200 appends`);
