// catalog-gate alone over the benchmark's valid (or invalid) items, for `node --cpu-prof`: the per-record path
// of part a without the raw-Ajv side. Usage: node --cpu-prof dist/bench/profile-records.js [valid|invalid|alternate] [N] [ROUNDS] [PACKS]
// `alternate`: each round is the valid items, then the invalid ones, as part a runs them (two calls of
// process.cpuUsage() a round, so callgrind's files alternate: a valid round, then an invalid one).
// PACKS, a comma-separated list (e.g. variants,duplicates), turns every other rule pack off; "none" turns all off,
// "all" (the default) leaves them on.
// Each round calls process.cpuUsage() first (so does the end): under valgrind, `--dump-before='node::CPUUsage*'` makes
// callgrind write one file a round, so a round's instructions are counted alone (see BENCHMARKS.md, session 14).
import { PACKS } from '../src/index.js';
import { itemSets, validateFeed } from './throughput.js';

const [kind = 'valid', n = '10000', rounds = '10', packs] = process.argv.slice(2);
// Part a's items (itemSets: as a feed file gives them).
const both = itemSets(Number(n));
const valid = kind === 'invalid' ? [] : both.valid;
const invalid = kind === 'valid' ? [] : both.invalid;
const sets = kind === 'alternate' ? [valid, invalid] : kind === 'invalid' ? [invalid] : [valid];
const on = packs === undefined || packs === 'all' ? undefined : new Set(packs.split(','));
const rules = on === undefined ? undefined : { packs: Object.fromEntries(Object.keys(PACKS).map((p) => [p, on.has(p) ? ('error' as const) : ('off' as const)])) };
const t0 = performance.now();
const c0 = process.cpuUsage();
for (let r = 0; r < Number(rounds); r++) {
  for (const items of sets) {
    process.cpuUsage();
    await validateFeed(items, rules);
  }
}
const s = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(c0);
const cpuS = (cpu.user + cpu.system) / 1e6;
const total = sets.reduce((t, items) => t + items.length, 0) * Number(rounds);
console.log(`${kind}: ${String(total)} records in ${s.toFixed(2)} s, ${(total / s).toFixed(0)} records/s; CPU ${cpuS.toFixed(2)} s, ${((cpuS * 1e6) / total).toFixed(2)} CPU µs/record`);
