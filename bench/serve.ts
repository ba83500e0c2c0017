// Validation service (issue 6): latency and throughput of POST /v1/validate with a 100-record JSON feed from
// N concurrent keep-alive clients (autocannon) over loopback, unloaded and while 50k-row xlsx uploads run;
// GET /healthz under the same load as the HTTP-only baseline; and one 50k-row upload timed through the
// service against `catalog-gate validate` on the same file (what the pool worker + nested xlsx worker cost).
// The server is the built CLI in its own process; the load tool runs in this one, so on a 2-core machine
// client and server share the cores and the figures are a floor.
// Usage: npm run build && node dist/bench/serve.js [seconds=20] [connections=50]
//        node dist/bench/serve.js upload [runs=3]   (the 50k-row upload vs the CLI only, interleaved, medians)
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { loadavg as osLoadavg } from 'node:os';
import { basename, join } from 'node:path';
import autocannon from 'autocannon';
import type { Result } from 'autocannon';
import { FEED_HEADER, mixedItems } from './data.js';
import { REPO, fmt, machine, median, table, timedNode } from './harness.js';
import { writeSheetFile } from './sheets-data.js';

const uploadOnly = process.argv[2] === 'upload';
const seconds = uploadOnly ? 0 : Number(process.argv[2] ?? 20);
const connections = Number(process.argv[3] ?? 50);
const CLI = join(REPO, 'dist/src/cli/main.js');
const QUERY = '/v1/validate?feedType=MP_ITEM&specVersion=4.3';

interface Server {
  child: ChildProcess;
  url: string;
}

function startServer(): Promise<Server> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0'], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, CATALOG_GATE_TOKEN: '' } });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString('utf8');
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m !== null) resolve({ child, url: m[1] as string });
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${String(code)}: ${out}`)));
  });
}

function load(url: string, options: { path: string; method?: 'GET' | 'POST'; body?: string; duration: number; connections?: number }): Promise<Result> {
  return autocannon({
    url: `${url}${options.path}`,
    connections: options.connections ?? connections,
    duration: options.duration,
    method: options.method ?? 'GET',
    ...(options.body === undefined ? {} : { body: options.body, headers: { 'content-type': 'application/json' } }),
  });
}

async function upload(url: string, file: string): Promise<{ ms: number; records: number }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(await readFile(file))]), basename(file));
  const t0 = performance.now();
  const res = await fetch(`${url}/v1/validate/file`, { method: 'POST', body: form });
  const body = (await res.json()) as { summary?: { records: number }; error?: { message: string } };
  if (res.status !== 200 || body.summary === undefined) throw new Error(`upload failed: ${res.status} ${body.error?.message ?? ''}`);
  return { ms: performance.now() - t0, records: body.summary.records };
}

const loadavg = (): string => osLoadavg().map((x) => x.toFixed(2)).join(' / ');

interface Row {
  scenario: string;
  result: Result;
  load: string;
  note?: string;
}

function row(r: Row): string[] {
  const l = r.result.latency;
  const bad = r.result.non2xx + r.result.errors + r.result.timeouts;
  return [r.scenario, fmt(r.result.requests.average), fmt(l.p50), fmt(l.p90), fmt(l.p99), fmt(l.max), `${fmt(r.result.requests.total)} / ${fmt(bad)}`, r.load, r.note ?? ''];
}



const feed = JSON.stringify({ MPItemFeedHeader: FEED_HEADER, MPItem: mixedItems(100).items });
const sheet = await writeSheetFile('xlsx', 50_000);
console.log('machine', machine());
console.log(`body: ${fmt(feed.length / 1024, 1)} KiB, 100 records; sheet: ${sheet.path} (${fmt(sheet.bytes / 2 ** 20, 1)} MiB, ${fmt(sheet.rows)} rows)`);

const server = await startServer();
const rows: Row[] = [];
try {
  if (uploadOnly) await compareUploads(server, Number(process.argv[3] ?? 3));
  else await loadRuns(server);
} finally {
  server.child.kill('SIGTERM');
}

/** The same 50k-row xlsx through the service and through `catalog-gate validate`, interleaved. */
async function compareUploads(server: Server, runs: number): Promise<void> {
  await upload(server.url, sheet.path);
  await timedNode([CLI, 'validate', sheet.path, '--format', 'json'], [0, 1]);
  const service: number[] = [];
  const cli: number[] = [];
  for (let i = 0; i < runs; i++) {
    service.push((await upload(server.url, sheet.path)).ms);
    cli.push((await timedNode([CLI, 'validate', sheet.path, '--format', 'json'], [0, 1])).wallMs);
    console.log(`run ${i + 1}: service ${fmt(service[i] as number / 1000, 2)} s, CLI ${fmt(cli[i] as number / 1000, 2)} s, load ${loadavg()}`);
  }
  console.log(`50k-row xlsx, median of ${runs}: service ${fmt(median(service) / 1000, 2)} s, CLI ${fmt(median(cli) / 1000, 2)} s: ${fmt(median(service) / median(cli), 2)}x`);
}

async function loadRuns(server: Server): Promise<void> {
  const check = await fetch(`${server.url}${QUERY}`, { method: 'POST', body: feed, headers: { 'content-type': 'application/json' } });
  const report = (await check.json()) as { summary: { records: number; invalid: number } };
  console.log(`one request: ${check.status}, ${report.summary.records} records, ${report.summary.invalid} invalid`);
  // Warm-up: every worker has compiled the spec and the JIT has settled.
  await load(server.url, { path: QUERY, method: 'POST', body: feed, duration: 5 });

  const validate = (conns: number): Promise<Result> => load(server.url, { path: QUERY, method: 'POST', body: feed, duration: seconds, connections: conns });
  rows.push({ scenario: `GET /healthz, ${connections} clients (HTTP only, baseline)`, load: loadavg(), result: await load(server.url, { path: '/healthz', duration: seconds }) });
  rows.push({ scenario: `POST /v1/validate, 100 records, ${connections} clients`, load: loadavg(), result: await validate(connections) });
  rows.push({ scenario: 'POST /v1/validate, 100 records, 1 client', load: loadavg(), result: await validate(1) });

  const alone = await upload(server.url, sheet.path);
  // Uploads one after another for the whole run, so one is always being validated.
  let running = true;
  const uploads: number[] = [];
  const uploader = (async () => {
    while (running) uploads.push((await upload(server.url, sheet.path)).ms);
  })();
  await new Promise((r) => setTimeout(r, 1500));
  const during = await validate(connections);
  const duringOne = await validate(1);
  running = false;
  await uploader;
  const note = `${uploads.length} uploads in both runs, median ${fmt(median(uploads) / 1000, 2)} s each`;
  rows.push({ scenario: `POST /v1/validate, 100 records, ${connections} clients, while 50k-row xlsx uploads run`, load: loadavg(), result: during, note });
  rows.push({ scenario: 'POST /v1/validate, 100 records, 1 client, while 50k-row xlsx uploads run', load: loadavg(), result: duringOne });

  const cliRun = await timedNode([CLI, 'validate', sheet.path, '--format', 'json'], [0, 1]);
  console.log('');
  console.log(table(['scenario', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'requests / failed', 'load avg (1/5/15)', 'note'], rows.map(row)));
  console.log('');
  const [health, unloaded, one, busy, busyOne] = rows.map((r) => r.result) as [Result, Result, Result, Result, Result];
  console.log(`p99 unloaded: ${fmt(unloaded.latency.p99)} ms (goal < 50 ms); ${fmt(unloaded.latency.p99 / Math.max(1, health.latency.p99), 2)}x the /healthz baseline's p99`);
  console.log(`p99 during uploads: ${fmt(busy.latency.p99)} ms, ${fmt(busy.latency.p99 / Math.max(1, unloaded.latency.p99), 2)}x unloaded; throughput ${fmt(busy.requests.average / Math.max(1, unloaded.requests.average), 2)}x unloaded`);
  console.log(`1 client: p50 ${fmt(one.latency.p50)} ms unloaded, ${fmt(busyOne.latency.p50)} ms during uploads (${fmt(busyOne.latency.p50 / Math.max(1, one.latency.p50), 2)}x); p99 ${fmt(one.latency.p99)} vs ${fmt(busyOne.latency.p99)} ms`);
  console.log(`50k-row xlsx: service ${fmt(alone.ms / 1000, 2)} s (upload, pool worker + xlsx worker, JSON report) vs CLI validate ${fmt(cliRun.wallMs / 1000, 2)} s (process start included): ${fmt(alone.ms / cliRun.wallMs, 2)}x; ${fmt(alone.records)} records`);
}
