// Spreadsheet benchmark entry (`node dist/bench/sheets.js [--quick] [--runs N] [--xlsx N,…] [--csv N,…] [--config FILE]`): per file,
// the reader alone against `catalog-gate validate` end to end (with --config FILE: its config), both as child processes, wall time and peak RSS.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { basename, join, resolve } from 'node:path';
import { BENCH_DATA_DIR } from './data.js';
import { REPO, fmt, machine, median, rssMethod, table, timedNode } from './harness.js';
import type { TimedRun } from './harness.js';

const mb = (kib: number): number => (kib * 1024) / 1e6;
import { writeSheetFile } from './sheets-data.js';
import type { SheetFileInfo } from './sheets-data.js';
import type { ReadResult } from './sheets-read.js';

/**
 * Children run from a frozen copy of dist/ (same build, copied at the start): others rebuild dist/ while a run takes
 * 20 minutes, which would mix two builds. From .bench-data/sheets-dist/, the CLI still finds the repo's package.json,
 * schemas-cache/ and node_modules/ by walking up. `--live-dist` runs dist/ itself.
 */
const FROZEN = join(BENCH_DATA_DIR, 'sheets-dist');
let DIST = join(REPO, 'dist');
const cliPath = (): string => join(DIST, 'src/cli/main.js');
const readerPath = (): string => join(DIST, 'bench/sheets-read.js');
/** Goals from the issue, in MB (10^6 bytes). */
const XLSX_RSS_GOAL_MB = 300;
const XLSX_RATIO_GOAL = 1.2;
const CSV_RSS_GOAL_MB = 200;

interface Config {
  quick: boolean;
  liveDist: boolean;
  runs: number;
  xlsx: number[];
  csv: number[];
  /** `--config FILE` for every validate run (e.g. rule packs off), absolute. */
  validateConfig: string | undefined;
}

function sizes(argv: readonly string[], flag: string, fallback: number[]): number[] {
  const at = argv.indexOf(flag);
  const value = at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
  if (value === undefined) return fallback;
  return value === '' || value === 'none' ? [] : value.split(',').map((s) => Number(s.replace(/_/g, '')));
}

function config(argv: readonly string[]): Config {
  const quick = argv.includes('--quick');
  const liveDist = argv.includes('--live-dist');
  const runs = sizes(argv, '--runs', [quick ? 1 : 3])[0] ?? 3;
  const at = argv.indexOf('--config');
  const given = at >= 0 ? argv[at + 1] : undefined;
  const validateConfig = given === undefined ? undefined : resolve(given);
  return quick
    ? { quick, liveDist, runs, validateConfig, xlsx: sizes(argv, '--xlsx', [2000]), csv: sizes(argv, '--csv', [2000, 5000, 10000]) }
    : { quick, liveDist, runs, validateConfig, xlsx: sizes(argv, '--xlsx', [50_000, 100_000]), csv: sizes(argv, '--csv', [100_000, 250_000, 500_000, 1_000_000]) };
}

// ---- helpers ----

interface FileFigures {
  source: 'xlsx' | 'csv';
  file: string;
  rows: number;
  bytes: number;
  spoilt: number;
  reader: Array<TimedRun & { inProcessMs: number }>;
  validate: TimedRun[];
  summary: { records: number; valid: number; invalid: number; errors: number; warnings: number; infos: number };
  /** Median figures. */
  readerS: number;
  validateS: number;
  /** Median of validate / reader over the interleaved pairs (run i of each). */
  ratio: number;
  readerRssKiB: number;
  validateRssKiB: number;
  readerCpuS: number;
  validateCpuS: number;
}

/** Extra arguments for every validate run (`--config FILE`). */
let validateExtra: string[] = [];

function validateArgs(file: string, out: string): string[] {
  return [cliPath(), 'validate', file, '--format', 'json', '--out', out, ...validateExtra];
}

async function measure(info: SheetFileInfo, runs: number): Promise<FileFigures> {
  const reader: FileFigures['reader'] = [];
  const validate: TimedRun[] = [];
  const reportPath = join(BENCH_DATA_DIR, `sheets-report-${basename(info.path)}.json`);
  // Interleaved, so drift on a shared machine hits both sides alike. The first validate run writes its
  // report to check what it found; the others write to /dev/null.
  for (let i = 0; i < runs; i++) {
    const r = await timedNode([readerPath(), info.path]);
    const read = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as ReadResult;
    if (read.rows !== info.rows) throw new Error(`${info.path}: the reader gave ${String(read.rows)} rows, expected ${String(info.rows)}`);
    reader.push({ ...r, inProcessMs: read.ms });
    validate.push(await timedNode(validateArgs(info.path, i === 0 ? reportPath : '/dev/null'), [0, 1]));
    process.stderr.write(`  ${basename(info.path)}: run ${String(i + 1)}/${String(runs)}: reader ${fmt(r.wallMs / 1000, 2)} s, validate ${fmt((validate.at(-1)?.wallMs ?? 0) / 1000, 2)} s\n`);
  }
  const summary = (JSON.parse(await readFile(reportPath, 'utf8')) as { summary: FileFigures['summary'] }).summary;
  if (summary.records !== info.rows || summary.invalid !== info.spoilt) {
    process.stderr.write(`  WARNING ${basename(info.path)}: validate saw ${String(summary.records)} records, ${String(summary.invalid)} invalid; the file has ${String(info.rows)} rows, ${String(info.spoilt)} spoilt\n`);
  }
  return {
    source: info.kind,
    file: info.path,
    rows: info.rows,
    bytes: info.bytes,
    spoilt: info.spoilt,
    reader,
    validate,
    summary,
    readerS: median(reader.map((r) => r.wallMs)) / 1000,
    validateS: median(validate.map((r) => r.wallMs)) / 1000,
    ratio: median(validate.map((v, i) => v.wallMs / (reader[i]?.wallMs ?? Number.NaN))),
    readerRssKiB: median(reader.map((r) => r.maxRssKiB)),
    validateRssKiB: median(validate.map((r) => r.maxRssKiB)),
    readerCpuS: median(reader.map((r) => r.cpuS)),
    validateCpuS: median(validate.map((r) => r.cpuS)),
  };
}

function printTable(figures: readonly FileFigures[]): void {
  console.log(
    table(
      ['source', 'rows', 'file MiB', 'reader s', 'reader rows/s', 'validate s', 'validate rows/s', 'validate / reader', 'reader RSS MB', 'validate RSS MB'],
      figures.map((f) => [
        f.source,
        fmt(f.rows),
        fmt(f.bytes / 2 ** 20, 1),
        fmt(f.readerS, 2),
        fmt(f.rows / f.readerS),
        fmt(f.validateS, 2),
        fmt(f.rows / f.validateS),
        `${f.ratio.toFixed(2)}×`,
        fmt(mb(f.readerRssKiB)),
        fmt(mb(f.validateRssKiB)),
      ]),
    ),
  );
}

/** CPU time does not depend on whether a second core was free, which wall time on a shared machine does. */
function printCpu(figures: readonly FileFigures[]): void {
  console.log(
    table(
      ['source', 'rows', 'reader CPU s', 'validate CPU s', 'validate / reader CPU', 'validate CPU µs/row over reader'],
      figures.map((f) => [f.source, fmt(f.rows), fmt(f.readerCpuS, 2), fmt(f.validateCpuS, 2), `${(f.validateCpuS / f.readerCpuS).toFixed(2)}×`, fmt(((f.validateCpuS - f.readerCpuS) * 1e6) / f.rows)]),
    ),
  );
}

function verdicts(figures: readonly FileFigures[]): string[] {
  const out: string[] = [];
  for (const f of figures.filter((x) => x.source === 'xlsx')) {
    const rss = mb(f.validateRssKiB);
    const ratio = f.ratio;
    out.push(`xlsx ${fmt(f.rows)} rows: validate peak RSS ${fmt(rss)} MB (goal ≤ ${String(XLSX_RSS_GOAL_MB)}): ${rss <= XLSX_RSS_GOAL_MB ? 'met' : 'NOT met'}; validate / reader ${ratio.toFixed(2)}× (goal ≤ ${String(XLSX_RATIO_GOAL)}×): ${ratio <= XLSX_RATIO_GOAL ? 'met' : 'NOT met'}`);
  }
  const csv = figures.filter((x) => x.source === 'csv');
  for (const f of csv) {
    const rss = mb(f.validateRssKiB);
    out.push(`csv ${fmt(f.rows)} rows: validate peak RSS ${fmt(rss)} MB (goal ≤ ${String(CSV_RSS_GOAL_MB)}): ${rss <= CSV_RSS_GOAL_MB ? 'met' : 'NOT met'}`);
  }
  for (const source of ['xlsx', 'csv'] as const) {
    const of = figures.filter((x) => x.source === source);
    const first = of[0];
    const last = of.at(-1);
    if (first === undefined || last === undefined || last.rows <= first.rows) continue;
    const perRow = (kib: (f: FileFigures) => number): string => fmt(((kib(last) - kib(first)) * 1024) / (last.rows - first.rows));
    out.push(`${source} growth of peak RSS from ${fmt(first.rows)} to ${fmt(last.rows)} rows: validate ${perRow((f) => f.validateRssKiB)} bytes/row, reader alone ${perRow((f) => f.readerRssKiB)} bytes/row`);
  }
  return out;
}

/** Hashes of the built code the children run (src/, rules/ under `dist`) by file, to check nothing changed it mid-run. */
async function distHashes(dist: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const dir of ['src', 'rules']) {
    const files = (await readdir(join(dist, dir), { recursive: true })).filter((f) => f.endsWith('.js')).sort();
    for (const f of files) out.set(`${dir}/${f}`, createHash('sha256').update(await readFile(join(dist, dir, f))).digest('hex'));
  }
  return out;
}

function digestOf(hashes: ReadonlyMap<string, string>): string {
  const h = createHash('sha256');
  for (const [f, x] of hashes) h.update(f).update(x);
  return h.digest('hex').slice(0, 12);
}

function changedFiles(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((f) => a.get(f) !== b.get(f)).sort();
}

/** HEAD and the number of uncommitted changes, read-only. */
function sourceTree(): string {
  const git = (...args: string[]): string => spawnSync('git', args, { cwd: REPO, encoding: 'utf8' }).stdout.trim();
  const changed = git('status', '--porcelain', '--', 'src', 'rules').split('\n').filter((l) => l !== '').length;
  return `${git('rev-parse', '--short', 'HEAD')} + ${String(changed)} uncommitted changes under src/ and rules/`;
}

async function main(argv: readonly string[]): Promise<void> {
  const cfg = config(argv);
  if (cfg.validateConfig !== undefined) validateExtra = ['--config', cfg.validateConfig];
  console.log(`# catalog-gate spreadsheet benchmark${cfg.quick ? ' (--quick: smoke run, figures not meaningful)' : ''}\n`);
  const before = machine();
  if (!cfg.liveDist) {
    await rm(FROZEN, { recursive: true, force: true });
    await cp(join(REPO, 'dist'), FROZEN, { recursive: true, filter: (src) => !src.endsWith('.map') });
    DIST = FROZEN;
  }
  const hashes = await distHashes(DIST);
  before['source tree'] = sourceTree();
  before['dist digest'] = `${digestOf(hashes)}${cfg.liveDist ? ' (dist/ itself)' : ' (frozen copy in .bench-data/sheets-dist/)'}`;
  console.log(table(['machine', ''], Object.entries(before)));
  console.log(`\nPeak RSS via ${rssMethod()}; wall time measured by the parent; median of ${String(cfg.runs)}.`);

  const files: SheetFileInfo[] = [];
  for (const [kind, ns] of [['xlsx', cfg.xlsx], ['csv', cfg.csv]] as const) {
    for (const n of ns) {
      const t0 = performance.now();
      const info = await writeSheetFile(kind, n);
      process.stderr.write(`  data: ${basename(info.path)} ready (${fmt(info.bytes / 2 ** 20, 1)} MiB, ${fmt((performance.now() - t0) / 1000, 1)} s)\n`);
      files.push(info);
    }
  }
  // Leaves the compiled synthetic-v5 code in schemas-cache/.compiled, as any earlier run would: timed runs are warm starts.
  await timedNode(validateArgs(join(REPO, 'samples/sheets/catalog-v5-clean.xlsx'), '/dev/null'), [0, 1]);

  const figures: FileFigures[] = [];
  for (const info of files) figures.push(await measure(info, cfg.runs));

  console.log(`\n## Reader alone vs validate end to end (${cfg.xlsx.length > 0 ? 'xlsx with shared strings, ' : ''}30 columns, 5% of rows spoilt)\n`);
  console.log('validate / reader is the median of the ratios of the interleaved pairs; the other times are medians.\n');
  printTable(figures);
  console.log('\nCPU time (user + system, all threads; medians):\n');
  printCpu(figures);
  console.log('');
  for (const v of verdicts(figures)) console.log(`- ${v}`);
  console.log('\nWhat validate reported (first run):');
  for (const f of figures) console.log(`  ${basename(f.file)}: ${JSON.stringify(f.summary)}; spoilt rows in the file: ${fmt(f.spoilt)}`);
  console.log('\nEach run (wall s / peak RSS MB / CPU s):');
  for (const f of figures) {
    const each = (rs: readonly TimedRun[]): string => rs.map((r) => `${fmt(r.wallMs / 1000, 2)} s/${fmt(mb(r.maxRssKiB))}/${fmt(r.cpuS, 1)}`).join(', ');
    console.log(`  ${basename(f.file)}: reader ${each(f.reader)} (in-process ${f.reader.map((r) => fmt(r.inProcessMs / 1000, 2)).join(', ')} s); validate ${each(f.validate)}`);
  }
  const after = os.loadavg().map((l) => l.toFixed(2)).join(' / ');
  console.log(`\nLoad average at the end: ${after}`);
  const changed = changedFiles(hashes, await distHashes(DIST));
  if (changed.length > 0) console.log(`WARNING: the built code changed during the run (someone rebuilt dist/); ${String(changed.length)} files: ${changed.join(', ')}`);
  await mkdir(BENCH_DATA_DIR, { recursive: true });
  const out = join(BENCH_DATA_DIR, cfg.quick ? 'sheets-results-quick.json' : 'sheets-results.json');
  await writeFile(out, `${JSON.stringify({ date: new Date().toISOString(), quick: cfg.quick, machine: before, loadAfter: after, figures: figures.map(({ reader, validate, ...rest }) => ({ ...rest, reader: reader.map(({ stdout: _s, ...r }) => r), validate: validate.map(({ stdout: _s, ...r }) => r) })) }, null, 2)}\n`);
  console.log(`Raw figures: ${out}`);
}

await main(process.argv.slice(2));
