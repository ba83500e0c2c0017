// What every benchmark entry needs: child processes timed with their peak RSS and CPU, medians, and
// the machine description and tables the figures are printed in.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
export const REPO = fileURLToPath(new URL('../../', import.meta.url));
const TIME = '/usr/bin/time';

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A Markdown table: first column left-aligned, the rest right-aligned. */
export function table(head: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  return [line(head), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

export interface Spawned {
  code: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
}

export function run(cmd: string, args: readonly string[]): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), wallMs: performance.now() - t0 });
    });
  });
}

export interface TimedRun {
  wallMs: number;
  maxRssKiB: number;
  /** User + system CPU seconds of the child (all its threads); NaN without /usr/bin/time. */
  cpuS: number;
  code: number | null;
  stdout: string;
}

/** A node child under `/usr/bin/time -v` (peak RSS from its report), or with bench/rss-probe.ts preloaded where time is missing. */
export async function timedNode(args: readonly string[], okCodes: readonly number[] = [0]): Promise<TimedRun> {
  const useTime = existsSync(TIME);
  const r = useTime ? await run(TIME, ['-v', process.execPath, ...args]) : await run(process.execPath, ['--import', join(HERE, 'rss-probe.js'), ...args]);
  const rss = useTime ? /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] : /catalog-gate-bench maxRSS=(\d+)/.exec(r.stderr)?.[1];
  if (r.code === null || !okCodes.includes(r.code)) throw new Error(`node ${args.join(' ')} failed (${String(r.code)}): ${r.stderr.slice(0, 2000)}`);
  const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1];
  const sys = /System time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1];
  const cpuS = user === undefined || sys === undefined ? Number.NaN : Number(user) + Number(sys);
  return { wallMs: r.wallMs, maxRssKiB: Number(rss ?? Number.NaN), cpuS, code: r.code, stdout: r.stdout };
}

/** How peak RSS is measured on this machine. */
export function rssMethod(): string {
  return existsSync(TIME) ? '/usr/bin/time -v' : 'bench/rss-probe.ts (process.resourceUsage().maxRSS)';
}

export function machine(): Record<string, string> {
  const cpus = os.cpus();
  return {
    node: process.version,
    cpus: String(cpus.length),
    'cpu model': cpus[0]?.model ?? '?',
    memory: `${fmt(os.totalmem() / 2 ** 30, 1)} GiB`,
    'load average (1/5/15 min)': os.loadavg().map((l) => l.toFixed(2)).join(' / '),
    platform: `${os.platform()} ${os.release()}`,
  };
}
