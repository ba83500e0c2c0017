// The load tool for bench/serve.ts: wrk when it is installed (C, one thread: it takes far less of the shared
// CPU than a Node client), else autocannon in this process; the same figures either way. And the CPU time a
// server process has used, from /proc, to give the server's CPU per request.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

export interface LoadResult {
  tool: 'wrk' | 'autocannon';
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  requests: number;
  /** Non-2xx answers, socket errors and timeouts. */
  failed: number;
}

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  /** Sent as application/json. */
  body?: string;
  seconds: number;
  connections: number;
}

/** wrk unless CATALOG_GATE_BENCH_LOAD=autocannon, or wrk is not installed (`apt-get install -y wrk`). */
export function loadTool(): LoadResult['tool'] {
  if (process.env.CATALOG_GATE_BENCH_LOAD === 'autocannon') return 'autocannon';
  return spawnSync('wrk', ['-v'], { stdio: 'ignore' }).error === undefined ? 'wrk' : 'autocannon';
}

export function load(options: LoadOptions, tool = loadTool()): Promise<LoadResult> {
  return tool === 'wrk' ? wrk(options) : cannon(options);
}

async function cannon(o: LoadOptions): Promise<LoadResult> {
  const r = await autocannon({
    url: o.url,
    connections: o.connections,
    duration: o.seconds,
    method: o.method ?? 'GET',
    ...(o.body === undefined ? {} : { body: o.body, headers: { 'content-type': 'application/json' } }),
  });
  const l = r.latency;
  return { tool: 'autocannon', rps: r.requests.average, p50: l.p50, p90: l.p90, p99: l.p99, max: l.max, requests: r.requests.total, failed: r.non2xx + r.errors + r.timeouts };
}

/** wrk's "2.20ms", "850.00us", "1.02s" as milliseconds. */
function ms(text: string | undefined): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(text ?? '');
  if (m === null) return NaN;
  const n = Number(m[1]);
  return m[2] === 'us' ? n / 1000 : m[2] === 'ms' ? n : m[2] === 's' ? n * 1000 : n * 60_000;
}

export function parseWrk(out: string): Omit<LoadResult, 'tool'> {
  const pct = (p: string): number => ms(new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(out)?.[1]);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const failed = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0) + (socket === null ? 0 : socket.slice(1).reduce((a, b) => a + Number(b), 0));
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN),
    p50: pct('50'),
    p90: pct('90'),
    p99: pct('99'),
    max: ms(/^\s+Latency\s+\S+\s+\S+\s+(\S+)/m.exec(out)?.[1]),
    requests: Number(/(\d+) requests in/.exec(out)?.[1] ?? NaN),
    failed,
  };
}

async function wrk(o: LoadOptions): Promise<LoadResult> {
  const dir = await mkdtemp(join(tmpdir(), 'catalog-gate-wrk-'));
  try {
    const args = ['-t1', `-c${o.connections}`, `-d${o.seconds}s`, '--timeout', '60s', '--latency'];
    if (o.body !== undefined || o.method === 'POST') {
      const body = join(dir, 'body.json');
      await writeFile(body, o.body ?? '');
      const script = join(dir, 'post.lua');
      await writeFile(script, `local f = io.open(${JSON.stringify(body)}, "rb")\nwrk.method = "POST"\nwrk.body = f:read("*a")\nf:close()\nwrk.headers["Content-Type"] = "application/json"\n`);
      args.push('-s', script);
    }
    args.push(o.url);
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] });
      let text = '';
      child.stdout.on('data', (b: Buffer) => (text += b.toString('utf8')));
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited with ${String(code)}: ${text}`))));
    });
    return { tool: 'wrk', ...parseWrk(out) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * CPU time (user + system) a process has used, in ms: all its threads, exited ones too, or with `thread` one
 * thread (the process's own id: its main thread); undefined without /proc.
 */
export async function processCpuMs(pid: number | undefined, thread?: number): Promise<number | undefined> {
  if (pid === undefined) return undefined;
  try {
    const stat = await readFile(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are the 14th and 15th fields.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Clock ticks: 100 a second on Linux (USER_HZ).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}
