// Where catalog-gate's per-record time goes: records/s on the same items with no rule packs, with each pack
// alone, or with each rule alone. Usage: node dist/bench/breakdown.js [packs|rules] [N]
import { fileURLToPath } from 'node:url';
import { ALL_RULES, PACKS } from '../src/index.js';
import type { ValidateOptions } from '../src/index.js';
import { asParsed, validItems } from './data.js';
import type { JsonObject } from './data.js';
import { median } from './harness.js';
import { cpuMs, validateFeed } from './throughput.js';

type Rules = NonNullable<ValidateOptions['rules']>;

export interface BreakdownRow {
  config: string;
  recordsPerSec: number;
  /** Microseconds per record above the no-rules configuration. */
  extraUsPerRecord: number;
  /** CPU microseconds per record (user + system, all threads), median: steadier than wall time on a busy machine. */
  cpuUsPerRecord: number;
}

/** Wall and CPU milliseconds of one round. */
async function roundMs(items: readonly JsonObject[], rules: Rules | undefined): Promise<[number, number]> {
  const c0 = cpuMs();
  const t0 = performance.now();
  await validateFeed(items, rules);
  return [performance.now() - t0, cpuMs() - c0];
}

/** The configurations: none, then each pack (or rule) alone, then everything (the default). */
export function configs(by: 'packs' | 'rules'): Array<[string, Rules | undefined]> {
  const packsOff = Object.fromEntries(Object.keys(PACKS).map((p) => [p, 'off' as const]));
  const rulesOff = Object.fromEntries(ALL_RULES.map((r) => [r.id, 'off' as const]));
  const alone: Array<[string, Rules]> =
    by === 'packs'
      ? Object.keys(PACKS).map((p) => [`pack ${p} only`, { packs: { ...packsOff, [p]: 'error' } }])
      : ALL_RULES.map((r) => {
          const { [r.id]: _self, ...others } = rulesOff;
          return [`rule ${r.id} only (${r.scope})`, { rules: others }];
        });
  return [['no rule packs (schema only)', { packs: packsOff }], ...alone, ['all rule packs (default)', undefined]];
}

/** Interleaves the configurations round by round, so drift hits them alike; medians per configuration. */
export async function breakdown(items: readonly JsonObject[], by: 'packs' | 'rules', warmup: number, timed: number): Promise<BreakdownRow[]> {
  const list = configs(by);
  const times = list.map(() => [] as number[]);
  const cpu = list.map(() => [] as number[]);
  for (let round = 0; round < warmup + timed; round++) {
    for (let c = 0; c < list.length; c++) {
      const [ms, cpuOfRound] = await roundMs(items, (list[c] as [string, Rules | undefined])[1]);
      if (round >= warmup) {
        times[c]?.push(ms);
        cpu[c]?.push(cpuOfRound);
      }
    }
  }
  const us = times.map((t) => (median(t) * 1000) / items.length);
  const cpuUs = cpu.map((t) => (median(t) * 1000) / items.length);
  const base = us[0] ?? 0;
  return list.map(([config], i) => ({ config, recordsPerSec: 1e6 / (us[i] ?? 1), extraUsPerRecord: (us[i] ?? 0) - base, cpuUsPerRecord: cpuUs[i] ?? 0 }));
}

async function main(argv: readonly string[]): Promise<void> {
  const by = argv[0] === 'rules' ? 'rules' : 'packs';
  const items = asParsed(validItems(Number(argv[1] ?? 10000), 11));
  for (const row of await breakdown(items, by, 2, 5)) {
    console.log(`${row.config.padEnd(56)} ${row.recordsPerSec.toFixed(0).padStart(8)} rec/s  ${row.extraUsPerRecord >= 0 ? '+' : ''}${row.extraUsPerRecord.toFixed(1)} µs/record  ${row.cpuUsPerRecord.toFixed(2)} CPU µs/record`);
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main(process.argv.slice(2));
