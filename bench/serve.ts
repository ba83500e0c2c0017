// Validation service (issue 6): latency and throughput of POST /v1/validate with a 100-record JSON feed from
// N concurrent keep-alive clients over loopback, unloaded and while 50k-row xlsx uploads run; GET /healthz
// under the same load as the HTTP-only baseline; the server process's CPU time per request in each; and one
// 50k-row upload timed through the service against `catalog-gate validate` on the same file (what the pool
// worker + nested xlsx worker cost). The server is the built CLI in its own process; the load tool is wrk when
// installed (bench/serve-load.ts), else autocannon in this process. On a 2-core machine client and server
// share the cores.
// Usage: npm run build && node dist/bench/serve.js [seconds=20] [connections=50]
//        (CATALOG_GATE_BENCH_CLI=OTHER/dist/cli/main.js: the same bench against another build's server;
//         CATALOG_GATE_BENCH_NODE_FLAGS="--single-threaded-gc": node/V8 flags for the server under test, not the
//         other one of `compare`, so `compare $PWD/dist/cli/main.js` measures a flag against this build without it)
//        node dist/bench/serve.js upload [runs=3]   (the 50k-row upload vs the CLI only, interleaved, medians)
//        node dist/bench/serve.js compare OTHER/dist/cli/main.js [seconds=10] [rounds=3] [connections=50]
//          (this build against another one, e.g. a checkout of an older commit, alternating: CPU per request)
// Warm-up: 5 s runs of the 100-record scenario until the server has answered CATALOG_GATE_BENCH_WARM (default
// 10,000) requests, at most 12 runs: the workers' JIT takes some thousands of jobs to settle (each run's CPU per
// request is printed). CATALOG_GATE_BENCH_WARM=0 gives the one 5 s run of sessions 9-10.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { loadavg as osLoadavg } from 'node:os';
import { basename, join } from 'node:path';
import { FEED_HEADER, mixedItems } from './data.js';
import { REPO, fmt, machine, median, table, timedNode } from './harness.js';
import { load, loadTool, processCpuMs } from './serve-load.js';
import type { LoadResult } from './serve-load.js';
import { writeSheetFile } from './sheets-data.js';

const mode = process.argv[2] === 'upload' || process.argv[2] === 'compare' ? process.argv[2] : 'load';
const seconds = mode === 'upload' ? 0 : Number(process.argv[mode === 'compare' ? 4 : 2] ?? (mode === 'compare' ? 10 : 20));
const connections = Number(process.argv[mode === 'compare' ? 6 : 3] ?? 50);
/** The server (and `validate`) under test: this build, or CATALOG_GATE_BENCH_CLI (another build's dist/cli/main.js). */
const CLI = process.env.CATALOG_GATE_BENCH_CLI ?? join(REPO, 'dist/cli/main.js');
/** Node/V8 flags for the server under test only (not `compare`'s other one), e.g. "--single-threaded-gc". */
const NODE_FLAGS = (process.env.CATALOG_GATE_BENCH_NODE_FLAGS ?? '').split(' ').filter((f) => f !== '');
const QUERY = '/v1/validate?feedType=MP_ITEM&specVersion=4.3';

interface Server {
  child: ChildProcess;
  url: string;
}

function startServer(cli = CLI, flags = NODE_FLAGS): Promise<Server> {
  const child = spawn(process.execPath, [...flags, cli, 'serve', '--port', '0'], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, CATALOG_GATE_TOKEN: '' } });
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

const tool = loadTool();
const WARM_REQUESTS = Number(process.env.CATALOG_GATE_BENCH_WARM ?? 10_000);

interface Measured {
  result: LoadResult;
  /** The server process's CPU time (all its threads) per request answered, ms. */
  cpuPerRequest: number | undefined;
  /** Of which its request thread (HTTP, the hop to the pool; not the workers nor V8's helper threads). */
  mainPerRequest: number | undefined;
}

/** `path` under load for `duration` seconds, with the server's CPU time over the run. */
async function measure(server: Server, path: string, duration: number, conns = connections, body?: string): Promise<Measured> {
  const pid = server.child.pid;
  const before = await processCpuMs(pid);
  const mainBefore = await processCpuMs(pid, pid);
  const result = await load({ url: `${server.url}${path}`, seconds: duration, connections: conns, ...(body === undefined ? {} : { method: 'POST' as const, body }) }, tool);
  const after = await processCpuMs(pid);
  const mainAfter = await processCpuMs(pid, pid);
  const per = (a: number | undefined, b: number | undefined): number | undefined => (a === undefined || b === undefined ? undefined : (b - a) / Math.max(1, result.requests));
  return { result, cpuPerRequest: per(before, after), mainPerRequest: per(mainBefore, mainAfter) };
}

/** 5 s runs until `server` has answered WARM_REQUESTS requests (at least one run, at most 12): its JIT settled. */
async function warmUp(server: Server, label: string): Promise<void> {
  const steps: string[] = [];
  let answered = 0;
  for (let run = 0; run === 0 || (answered < WARM_REQUESTS && run < 12); run++) {
    const m = await measure(server, QUERY, 5, connections, feed);
    answered += m.result.requests;
    steps.push(`${fmt(answered)}: ${m.cpuPerRequest === undefined ? 'n/a' : fmt(m.cpuPerRequest, 2)}`);
  }
  console.log(`warm-up ${label} (requests answered: server CPU ms/req of the last 5 s): ${steps.join(', ')}`);
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

interface Row extends Measured {
  scenario: string;
  load: string;
  note?: string;
}

const cpu = (m: Measured): string => (m.cpuPerRequest === undefined ? 'n/a' : `${fmt(m.cpuPerRequest, 2)} (${m.mainPerRequest === undefined ? 'n/a' : fmt(m.mainPerRequest, 2)})`);

function row(r: Row): string[] {
  const l = r.result;
  return [r.scenario, fmt(l.rps), fmt(l.p50), fmt(l.p90), fmt(l.p99), fmt(l.max), `${fmt(l.requests)} / ${fmt(l.failed)}`, cpu(r), r.load, r.note ?? ''];
}

const feed = JSON.stringify({ MPItemFeedHeader: FEED_HEADER, MPItem: mixedItems(100).items });
const sheet = await writeSheetFile('xlsx', 50_000);
console.log('machine', machine());
console.log(`server: ${CLI}${NODE_FLAGS.length === 0 ? '' : ` with node ${NODE_FLAGS.join(' ')}`}`);
console.log(`load tool: ${tool}${tool === 'autocannon' ? ' (in this process: install wrk for a cheaper client)' : ''}`);
console.log(`body: ${fmt(feed.length / 1024, 1)} KiB, 100 records; sheet: ${sheet.path} (${fmt(sheet.bytes / 2 ** 20, 1)} MiB, ${fmt(sheet.rows)} rows)`);

const server = await startServer();
const rows: Row[] = [];
try {
  if (mode === 'upload') await compareUploads(server, Number(process.argv[3] ?? 3));
  else if (mode === 'compare') await compareBuilds(server, process.argv[3], Number(process.argv[5] ?? 3));
  else await loadRuns(server);
} finally {
  server.child.kill('SIGTERM');
}

/** This build's server against another build's, the 100-record scenario alternating between them. */
async function compareBuilds(mine: Server, otherCli: string | undefined, rounds: number): Promise<void> {
  if (otherCli === undefined) throw new Error('usage: node dist/bench/serve.js compare OTHER/dist/cli/main.js [seconds] [rounds] [connections]');
  const other = await startServer(otherCli, []);
  try {
    const servers: Array<[string, Server]> = [
      ['other', other],
      ['this', mine],
    ];
    for (const [name, s] of servers) await warmUp(s, name);
    const cpus: Record<string, number[]> = { other: [], this: [] };
    const out: string[][] = [];
    for (let i = 0; i < rounds; i++) {
      for (const [name, s] of servers) {
        const m = await measure(s, QUERY, seconds, connections, feed);
        if (m.cpuPerRequest !== undefined) cpus[name]?.push(m.cpuPerRequest);
        out.push([`${name} (round ${i + 1})`, fmt(m.result.rps), fmt(m.result.p50), fmt(m.result.p90), fmt(m.result.p99), fmt(m.result.max), `${fmt(m.result.requests)} / ${fmt(m.result.failed)}`, cpu(m), loadavg()]);
      }
    }
    console.log(`\nPOST /v1/validate, 100 records, ${connections} clients, ${seconds} s a run; other = ${otherCli}`);
    console.log(table(['server', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'requests / failed', 'server CPU ms/req (request thread)', 'load avg (1/5/15)'], out));
    const mOther = median(cpus.other ?? []);
    const mThis = median(cpus.this ?? []);
    console.log(`server CPU per request, median of ${rounds}: other ${fmt(mOther, 2)} ms, this ${fmt(mThis, 2)} ms: ${fmt(mThis / mOther, 2)}x`);
  } finally {
    other.child.kill('SIGTERM');
  }
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
  await warmUp(server, 'this');

  const validate = (conns: number): Promise<Measured> => measure(server, QUERY, seconds, conns, feed);
  rows.push({ scenario: `GET /healthz, ${connections} clients (HTTP only, baseline)`, load: loadavg(), ...(await measure(server, '/healthz', seconds)) });
  rows.push({ scenario: `POST /v1/validate, 100 records, ${connections} clients`, load: loadavg(), ...(await validate(connections)) });
  rows.push({ scenario: 'POST /v1/validate, 100 records, 1 client', load: loadavg(), ...(await validate(1)) });

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
  const note = `${uploads.length} uploads in both runs, median ${fmt(median(uploads) / 1000, 2)} s each (server CPU includes them)`;
  rows.push({ scenario: `POST /v1/validate, 100 records, ${connections} clients, while 50k-row xlsx uploads run`, load: loadavg(), ...during, note });
  rows.push({ scenario: 'POST /v1/validate, 100 records, 1 client, while 50k-row xlsx uploads run', load: loadavg(), ...duringOne });

  const cliRun = await timedNode([CLI, 'validate', sheet.path, '--format', 'json'], [0, 1]);
  console.log('');
  console.log(`load tool: ${tool}`);
  console.log(table(['scenario', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'requests / failed', 'server CPU ms/req (request thread)', 'load avg (1/5/15)', 'note'], rows.map(row)));
  console.log('');
  const [health, unloaded, one, busy, busyOne] = rows.map((r) => r.result) as [LoadResult, LoadResult, LoadResult, LoadResult, LoadResult];
  console.log(`p99 unloaded: ${fmt(unloaded.p99)} ms (goal < 50 ms); ${fmt(unloaded.p99 / Math.max(1, health.p99), 2)}x the /healthz baseline's p99`);
  console.log(`p99 during uploads: ${fmt(busy.p99)} ms, ${fmt(busy.p99 / Math.max(1, unloaded.p99), 2)}x unloaded; throughput ${fmt(busy.rps / Math.max(1, unloaded.rps), 2)}x unloaded`);
  console.log(`1 client: p50 ${fmt(one.p50, 1)} ms unloaded, ${fmt(busyOne.p50, 1)} ms during uploads (${fmt(busyOne.p50 / Math.max(0.001, one.p50), 2)}x); p99 ${fmt(one.p99, 1)} vs ${fmt(busyOne.p99, 1)} ms`);
  console.log(`50k-row xlsx: service ${fmt(alone.ms / 1000, 2)} s (upload, pool worker + xlsx worker, JSON report) vs CLI validate ${fmt(cliRun.wallMs / 1000, 2)} s (process start included): ${fmt(alone.ms / cliRun.wallMs, 2)}x; ${fmt(alone.records)} records`);
}
