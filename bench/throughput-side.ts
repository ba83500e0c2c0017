// One side of part a alone, in a process of its own (bench/run.ts spawns one per side): its rounds over the valid and
// invalid sets. Run alone, neither side's garbage or JIT state is collected or kept during the other's rounds, as it is
// when the rounds alternate in one process.
// Usage: node dist/bench/throughput-side.js catalog-gate|raw SPEC_FILE RECORDS WARMUP_ROUNDS TIMED_ROUNDS
//          (the rounds one after another, printed as JSON on stdout)
//        node dist/bench/throughput-side.js catalog-gate|raw SPEC_FILE RECORDS --serve
//          (one round a line of stdin, "valid" or "invalid", each answered by a line of JSON: run.ts interleaves the two
//           sides' processes round by round, so both meet the same phase of a shared host)
import { createInterface } from 'node:readline';
import { sideRounds, sideRunner } from './throughput.js';
import type { SetName } from './throughput.js';

const [side, specFile, records, warmup, timed] = process.argv.slice(2);
const serve = warmup === '--serve';
if ((side !== 'catalog-gate' && side !== 'raw') || specFile === undefined || records === undefined || warmup === undefined || (!serve && timed === undefined)) {
  console.error('usage: throughput-side catalog-gate|raw SPEC_FILE RECORDS WARMUP_ROUNDS TIMED_ROUNDS | --serve');
  process.exit(2);
}
if (serve) {
  const round = sideRunner(side, specFile, Number(records));
  process.stdout.write('ready\n');
  for await (const line of createInterface({ input: process.stdin })) {
    if (line !== 'valid' && line !== 'invalid') continue;
    process.stdout.write(`${JSON.stringify(await round(line satisfies SetName))}\n`);
  }
} else {
  process.stdout.write(`${JSON.stringify(await sideRounds(side, specFile, Number(records), Number(warmup), Number(timed)))}\n`);
}
