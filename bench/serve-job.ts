// Validation service (issue 6): where one 100-record JSON job's CPU goes inside a pool worker, phase by phase,
// in one thread with no HTTP and no pool (the worker's part of a request): the body's decoding, JSON.parse, the
// feed's split, the engine's set-up (options, spec context, Validator), the records, finish, the JSON report and
// its UTF-8 bytes; then runJob whole, as the worker runs it. And the GCs the jobs cause (count, pause) from a
// PerformanceObserver. Warm: the first `warm` jobs are not measured (the JIT takes thousands to settle).
// Usage: npm run build && node dist/bench/serve-job.js [jobs=3000] [warm=8000]
import { PerformanceObserver, constants } from 'node:perf_hooks';
import type { PerformanceEntry } from 'node:perf_hooks';
import { FEED_HEADER, mixedItems } from './data.js';
import { fmt, machine, table } from './harness.js';
import { validateAll } from '../src/engine/validate.js';
import { Validator } from '../src/engine/validator.js';
import { mergeValidateOptions } from '../src/engine/options.js';
import { renderJson } from '../src/reports/json.js';
import { feedFromJson } from '../src/sources/json-file.js';
import { bodyText, runJob } from '../src/server/jobs.js';
import type { JsonJob } from '../src/server/jobs.js';

const jobs = Number(process.argv[2] ?? 3000);
const warm = Number(process.argv[3] ?? 8000);
const body = Buffer.from(JSON.stringify({ MPItemFeedHeader: FEED_HEADER, MPItem: mixedItems(100).items }));
/** The body as the request thread hands it over: in the 64 KiB chunks Node's HTTP parser gives. */
const chunks = (): Uint8Array[] => {
  const out: Uint8Array[] = [];
  for (let i = 0; i < body.length; i += 65536) out.push(new Uint8Array(body.subarray(i, i + 65536)));
  return out;
};
const query = { feedType: 'MP_ITEM', specVersion: '4.3' };
const PHASES = ['decode', 'JSON.parse', 'feedFromJson', 'Validator.create', 'records + finish', 'renderJson', 'encode'] as const;
const encoder = new TextEncoder();

async function phased(sums: number[] | undefined): Promise<void> {
  const parts = chunks();
  const t: number[] = [performance.now()];
  const text = bodyText(parts);
  t.push(performance.now());
  const json: unknown = JSON.parse(text);
  t.push(performance.now());
  const source = feedFromJson(json);
  t.push(performance.now());
  const validator = await Validator.create({ ...mergeValidateOptions(query, {}), ...(source.header ? { header: source.header } : {}) });
  t.push(performance.now());
  const report = await validateAll(validator, source.items, { checkHeader: source.hasHeader });
  t.push(performance.now());
  const out = renderJson(report);
  t.push(performance.now());
  encoder.encode(out);
  t.push(performance.now());
  if (sums !== undefined) for (let i = 0; i < PHASES.length; i++) sums[i] = (sums[i] ?? 0) + ((t[i + 1] as number) - (t[i] as number));
}

const job = (): JsonJob => ({ kind: 'json', chunks: chunks(), query, maxRows: 100_000 });

let gcs = { minor: 0, major: 0, pauseMs: 0, maxMs: 0 };
const observer = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const kind = (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
    if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) gcs.major++;
    else gcs.minor++;
    gcs.pauseMs += e.duration;
    gcs.maxMs = Math.max(gcs.maxMs, e.duration);
  }
});
observer.observe({ entryTypes: ['gc'] });

console.log('machine', machine());
console.log(`body ${fmt(body.length / 1024, 1)} KiB, 100 records; ${fmt(warm)} warm-up jobs, then ${fmt(jobs)} measured`);
for (let i = 0; i < warm; i++) await runJob(job(), {});
const sums: number[] = [];
const cpu0 = process.cpuUsage();
for (let i = 0; i < jobs; i++) await phased(sums);
const cpuPhased = process.cpuUsage(cpu0);
gcs = { minor: 0, major: 0, pauseMs: 0, maxMs: 0 };
const cpu1 = process.cpuUsage();
const t0 = performance.now();
for (let i = 0; i < jobs; i++) await runJob(job(), {});
const wall = performance.now() - t0;
const cpuWhole = process.cpuUsage(cpu1);
await new Promise((r) => setTimeout(r, 50));
const total = sums.reduce((a, b) => a + b, 0);
console.log(table(['phase', 'ms a job (wall)', 'share'], PHASES.map((p, i) => [p, fmt((sums[i] ?? 0) / jobs, 3), `${fmt((100 * (sums[i] ?? 0)) / total, 1)}%`])));
console.log(`phases: ${fmt(total / jobs, 3)} ms a job wall, ${fmt((cpuPhased.user + cpuPhased.system) / 1000 / jobs, 3)} ms CPU (process, V8 helpers included)`);
console.log(`runJob whole: ${fmt(wall / jobs, 3)} ms a job wall, ${fmt((cpuWhole.user + cpuWhole.system) / 1000 / jobs, 3)} ms CPU; GCs: ${fmt(gcs.minor)} minor, ${fmt(gcs.major)} major (${fmt(jobs / Math.max(1, gcs.minor), 1)} jobs a minor GC), pauses ${fmt(gcs.pauseMs / jobs, 3)} ms a job, max ${fmt(gcs.maxMs, 1)} ms`);
observer.disconnect();
