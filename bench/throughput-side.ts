// One side of part a alone, in a process of its own (bench/run.ts spawns it, alternating the two sides): its rounds
// over the valid and invalid sets, printed as JSON on stdout. Run alone, neither side's garbage or JIT state is
// collected or kept during the other's rounds, as it is when the rounds alternate in one process.
// Usage: node dist/bench/throughput-side.js catalog-gate|raw SPEC_FILE RECORDS WARMUP_ROUNDS TIMED_ROUNDS
import { sideRounds } from './throughput.js';

const [side, specFile, records, warmup, timed] = process.argv.slice(2);
if ((side !== 'catalog-gate' && side !== 'raw') || specFile === undefined || records === undefined || warmup === undefined || timed === undefined) {
  console.error('usage: throughput-side catalog-gate|raw SPEC_FILE RECORDS WARMUP_ROUNDS TIMED_ROUNDS');
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(await sideRounds(side, specFile, Number(records), Number(warmup), Number(timed)))}\n`);
