// Benchmark entry (`npm run bench`, `node dist/bench/run.js [--quick] [--only a,b,c,d]`): catalog-gate against
// a hand-written raw-Ajv baseline on the same generated data, in one run, printed as tables of figures.
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLED_CACHE_DIR, SpecStore } from '../src/index.js';
import { breakdown } from './breakdown.js';
import { REPO, fmt, machine, median, rssMethod, run, table, timedNode } from './harness.js';
import type { TimedRun } from './harness.js';
import type { BreakdownRow } from './breakdown.js';
import { BENCH_DATA_DIR, asParsed, validItems, writeFeedFiles } from './data.js';
import { compileRawAjv } from './raw-ajv.js';
import { SET_NAMES, catalogGateRound, itemSets, rawRound } from './throughput.js';
import type { RoundResult, SetName } from './throughput.js';
import type { StartupResult } from './startup.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const CLI = join(REPO, 'dist/cli/main.js');
const PRODUCT_TYPES = ['Clothing', 'Cell Phones', 'Home Decor, Kitchen, & Other'] as const;

interface Config {
  quick: boolean;
  parts: Set<string>;
  /** Part a: items per set (valid, invalid). */
  records: number;
  warmupRounds: number;
  timedRounds: number;
  /** Part a: pairs of processes, one per side, each running the rounds alone (both held to one CPU, see sideCpu). */
  sidePairs: number;
  /** Part b: fresh-process repetitions per product type. */
  startupReps: number;
  /** Part c: records in the JSONL feed, and timed runs per side. */
  feedRecords: number;
  feedRuns: number;
}

function config(argv: readonly string[]): Config {
  const quick = argv.includes('--quick');
  const onlyAt = argv.indexOf('--only');
  const only = onlyAt >= 0 ? argv[onlyAt + 1] : argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const parts = new Set((only ?? 'a,b,c,d').split(',').map((p) => p.trim()));
  return quick
    ? { quick, parts, records: 400, warmupRounds: 1, timedRounds: 5, sidePairs: 1, startupReps: 1, feedRecords: 2000, feedRuns: 1 }
    : { quick, parts, records: 10000, warmupRounds: 3, timedRounds: 7, sidePairs: 5, startupReps: 5, feedRecords: 50000, feedRuns: 5 };
}

// ---- helpers ----

function ratio(a: number, b: number): string {
  return times(a / b);
}

function times(r: number): string {
  return `${r.toFixed(2)}×`;
}

// ---- a. records/s ----

interface SetFigures {
  cg: RoundResult[];
  raw: RoundResult[];
  cgPerSec: number;
  rawPerSec: number;
  cgPerCpuSec: number;
  rawPerCpuSec: number;
  /** catalog-gate's rate over raw Ajv's: the median of the rounds' pairs (see figures). */
  ratio: number;
  cpuRatio: number;
}

interface ThroughputFigures {
  records: number;
  rounds: number;
  /** The two sides' rounds alternating in this process. */
  sets: Record<SetName, SetFigures>;
  /** Each side alone in processes of its own, `pairs` of them alternating, all held to `cpu` (see sideCpu). */
  alone: { pairs: number; cpu: string | undefined; sets: Record<SetName, SetFigures> };
}

/**
 * Each side's median rate, and the ratio as the median of the rounds' own ratios (catalog-gate's round i against raw
 * Ajv's round i, run right before or after it): a change of the host's speed between rounds, which moves both sides'
 * rates by up to 1.7x here (BENCHMARKS.md, session 19), then moves no ratio, where the ratio of the two medians can
 * pair one side's fast rounds with the other's slow ones. `pairRatios`, when given, are the ratios instead (the alone
 * table's: the median of its pairs of processes').
 */
function figures(records: number, cg: RoundResult[], raw: RoundResult[], pairRatios?: { ratio: number; cpuRatio: number }): SetFigures {
  const perSec = (rounds: RoundResult[], key: 'ms' | 'cpuMs'): number => records / (median(rounds.map((x) => x[key])) / 1000);
  const pairs = (key: 'ms' | 'cpuMs'): number => median(cg.map((c, i) => (raw[i] as RoundResult)[key] / c[key]));
  return { cg, raw, cgPerSec: perSec(cg, 'ms'), rawPerSec: perSec(raw, 'ms'), cgPerCpuSec: perSec(cg, 'cpuMs'), rawPerCpuSec: perSec(raw, 'cpuMs'), ...(pairRatios ?? { ratio: pairs('ms'), cpuRatio: pairs('cpuMs') }) };
}

/**
 * The CPU the side processes are held to (`taskset`), so that both sides run on the same one: on this host the two
 * vCPUs' speeds change independently, by up to 1.7x, and a process left free keeps to one of them for seconds, so two
 * processes could each sit on a different one (BENCHMARKS.md, session 19). CATALOG_GATE_BENCH_CPU chooses it (default
 * 0; "none" leaves the processes free); undefined without `taskset`.
 */
function sideCpu(): string | undefined {
  const cpu = process.env.CATALOG_GATE_BENCH_CPU ?? '0';
  if (cpu === 'none') return undefined;
  return spawnSync('taskset', ['-V'], { stdio: 'ignore' }).error === undefined ? cpu : undefined;
}

async function partA(cfg: Config, specFile: string): Promise<ThroughputFigures> {
  const sets = itemSets(cfg.records);
  const { validate } = compileRawAjv(specFile);
  const rounds: Record<SetName, { cg: RoundResult[]; raw: RoundResult[] }> = { valid: { cg: [], raw: [] }, invalid: { cg: [], raw: [] } };
  // Interleaved, so drift on a shared machine hits both sides alike.
  for (let round = 0; round < cfg.warmupRounds + cfg.timedRounds; round++) {
    const timed = round >= cfg.warmupRounds;
    for (const name of SET_NAMES) {
      const items = sets[name];
      const cg = await catalogGateRound(items);
      const raw = rawRound(validate, items);
      if (timed) {
        rounds[name].cg.push(cg);
        rounds[name].raw.push(raw);
      }
    }
    process.stderr.write(`  a: round ${String(round + 1)}/${String(cfg.warmupRounds + cfg.timedRounds)}${timed ? '' : ' (warm-up)'}\n`);
  }
  // The same rounds, each side alone in a process of its own running all its rounds in a row, the two alternating, all
  // on one CPU. (Session 19 had the two processes take turns round by round: each then did its V8 background work,
  // GC and compiling, while the other's round was timed, which gained catalog-gate, with more of it, about 17% and raw
  // Ajv 5%.) A pair's ratio is of its two processes' medians; the table gives the median of the pairs' ratios.
  const alone: Record<SetName, { cg: RoundResult[]; raw: RoundResult[] }> = { valid: { cg: [], raw: [] }, invalid: { cg: [], raw: [] } };
  const pairRatios: Record<SetName, { ms: number[]; cpuMs: number[] }> = { valid: { ms: [], cpuMs: [] }, invalid: { ms: [], cpuMs: [] } };
  const cpu = sideCpu();
  const side = async (name: 'catalog-gate' | 'raw'): Promise<Record<SetName, RoundResult[]>> => {
    const args = [join(HERE, 'throughput-side.js'), name, specFile, String(cfg.records), String(cfg.warmupRounds), String(cfg.timedRounds)];
    const r = cpu === undefined ? await run(process.execPath, args) : await run('taskset', ['-c', cpu, process.execPath, ...args]);
    if (r.code !== 0) throw new Error(`throughput-side ${name} exited with ${String(r.code)}: ${r.stderr}`);
    return JSON.parse(r.stdout) as Record<SetName, RoundResult[]>;
  };
  for (let pair = 0; pair < cfg.sidePairs; pair++) {
    const cg = await side('catalog-gate');
    const raw = await side('raw');
    for (const name of SET_NAMES) {
      alone[name].cg.push(...cg[name]);
      alone[name].raw.push(...raw[name]);
      for (const key of ['ms', 'cpuMs'] as const) pairRatios[name][key].push(median(raw[name].map((r) => r[key])) / median(cg[name].map((r) => r[key])));
    }
    process.stderr.write(`  a: each side alone, pair ${String(pair + 1)}/${String(cfg.sidePairs)}\n`);
  }
  const all = (from: typeof rounds): Record<SetName, SetFigures> => ({
    valid: figures(cfg.records, from.valid.cg, from.valid.raw),
    invalid: figures(cfg.records, from.invalid.cg, from.invalid.raw),
  });
  const paired = (name: SetName): { ratio: number; cpuRatio: number } => ({ ratio: median(pairRatios[name].ms), cpuRatio: median(pairRatios[name].cpuMs) });
  const aloneSets: Record<SetName, SetFigures> = {
    valid: figures(cfg.records, alone.valid.cg, alone.valid.raw, paired('valid')),
    invalid: figures(cfg.records, alone.invalid.cg, alone.invalid.raw, paired('invalid')),
  };
  return { records: cfg.records, rounds: cfg.timedRounds, sets: all(rounds), alone: { pairs: cfg.sidePairs, cpu, sets: aloneSets } };
}

function throughputTable(sets: Record<SetName, SetFigures>): string {
  const rows = SET_NAMES.map((name) => {
    const r = sets[name];
    return [name, fmt(r.cgPerSec), fmt(r.rawPerSec), times(r.ratio), fmt(r.cgPerCpuSec), fmt(r.rawPerCpuSec), times(r.cpuRatio)];
  });
  return table(['items', 'catalog-gate rec/s', 'raw Ajv rec/s', 'catalog-gate / raw', 'cg rec/CPU-s', 'raw rec/CPU-s', 'cg / raw by CPU'], rows);
}

function printA(a: ThroughputFigures): void {
  console.log(`\n## a. Records/s, in-process (${fmt(a.records)} items per set, median of ${String(a.rounds)} timed rounds)\n`);
  console.log("The two sides alternating round by round in one process (each side's median rate; the ratio is the median of the rounds' pairs):\n");
  console.log(throughputTable(a.sets));
  console.log(`\nEach side alone in a process of its own running all its rounds, ${String(a.alone.pairs)} alternating pairs of processes${a.alone.cpu === undefined ? '' : `, all held to CPU ${a.alone.cpu}`} (each side's median rate over all its timed rounds; the ratio is the median of the pairs' ratios):\n`);
  console.log(throughputTable(a.alone.sets));
  console.log('\nWhat each side found (last timed round):');
  for (const name of SET_NAMES) {
    const cg = a.sets[name].cg.at(-1);
    const raw = a.sets[name].raw.at(-1);
    if (cg === undefined || raw === undefined) continue;
    console.log(`  ${name}: catalog-gate ${fmt(cg.invalid)} invalid records, ${fmt(cg.issues)} issues; raw Ajv ${fmt(raw.invalid)} invalid, ${fmt(raw.issues)} Ajv errors`);
  }
}

// ---- b. start-up ----

interface StartupFigures {
  reps: number;
  rows: Array<{ productType: string; coldMs: number; warmMs: number; rawMs: number; rawCompileMs: number; origins: string[] }>;
}

async function startupChild(side: 'catalog-gate' | 'raw', cacheDir: string, productType: string): Promise<StartupResult> {
  const r = await run(process.execPath, [join(HERE, 'startup.js'), side, cacheDir, productType]);
  if (r.code !== 0) throw new Error(`startup ${side} ${productType} failed (${String(r.code)}): ${r.stderr}`);
  return JSON.parse(r.stdout) as StartupResult;
}

async function partB(cfg: Config): Promise<StartupFigures> {
  const tmp = await mkdtemp(join(os.tmpdir(), 'catalog-gate-bench-'));
  try {
    const cache = join(tmp, 'schemas-cache');
    await cp(BUNDLED_CACHE_DIR, cache, { recursive: true, filter: (src) => !src.includes('.compiled') });
    const rows: StartupFigures['rows'] = [];
    for (const productType of PRODUCT_TYPES) {
      const cold: number[] = [];
      const warm: number[] = [];
      const raw: number[] = [];
      const rawCompile: number[] = [];
      const origins = new Set<string>();
      for (let rep = 0; rep < cfg.startupReps; rep++) {
        await rm(join(cache, '.compiled'), { recursive: true, force: true });
        const c = await startupChild('catalog-gate', cache, productType);
        const w = await startupChild('catalog-gate', cache, productType);
        const r = await startupChild('raw', cache, productType);
        origins.add(`${String(c.origin)}→${String(w.origin)}`);
        cold.push(c.ms);
        warm.push(w.ms);
        raw.push(r.ms);
        rawCompile.push(r.compileMs ?? Number.NaN);
      }
      rows.push({ productType, coldMs: median(cold), warmMs: median(warm), rawMs: median(raw), rawCompileMs: median(rawCompile), origins: [...origins] });
      process.stderr.write(`  b: ${productType} done\n`);
    }
    return { reps: cfg.startupReps, rows };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

function printB(b: StartupFigures): void {
  console.log(`\n## b. Start-up per product type (each figure a fresh process; median of ${String(b.reps)})\n`);
  console.log(
    table(
      ['product type', 'cold get ms', 'warm get ms', 'raw Ajv read+compile ms', 'cold / raw', 'warm / raw', 'origin cold→warm'],
      b.rows.map((r) => [r.productType, fmt(r.coldMs), fmt(r.warmMs, 1), `${fmt(r.rawMs)} (compile ${fmt(r.rawCompileMs)})`, ratio(r.coldMs, r.rawMs), ratio(r.warmMs, r.rawMs), r.origins.join(', ')]),
    ),
  );
}

// ---- c. whole feed ----

/** One form of the feed (JSONL, or the JSON document with its header), both sides timed on it. */
interface FeedForm {
  file: string;
  bytes: number;
  cg: TimedRun[];
  raw: TimedRun[];
  cgSummary: unknown;
  rawSummary: unknown;
}

interface FeedFigures extends FeedForm {
  records: number;
  invalidRecords: number;
  runs: number;
  rssVia: string;
  /** The same items as a JSON feed document (header + MPItem[]): the CLI's and the raw script's whole-document reading. */
  json: FeedForm;
}

function cliArgs(file: string, out: string): string[] {
  return [CLI, 'validate', file, '--feed-type', 'MP_ITEM', '--spec-version', '4.3', '--format', 'json', '--out', out];
}

async function partC(cfg: Config, specFile: string): Promise<FeedFigures> {
  const { jsonl, json, invalid } = await writeFeedFiles(cfg.feedRecords);
  const rawScript = join(HERE, 'raw-ajv-feed.js');
  const forms = [jsonl, json].map((file) => ({ file, cg: [] as TimedRun[], raw: [] as TimedRun[] }));
  // Warm-up runs write their reports, to check both sides read the same file the same way; the CLI's warm-up
  // also leaves compiled code in its cache (schemas-cache/.compiled), as any earlier run would.
  const reports = forms.map((_, f) => ({ cg: join(BENCH_DATA_DIR, `feed-report-catalog-gate${f === 0 ? '' : '-json'}.json`), raw: join(BENCH_DATA_DIR, `feed-report-raw-ajv${f === 0 ? '' : '-json'}.json`) }));
  for (const [f, form] of forms.entries()) {
    await timedNode(cliArgs(form.file, (reports[f] as { cg: string }).cg), [0, 1]);
    await timedNode([rawScript, specFile, form.file, '--out', (reports[f] as { raw: string }).raw], [0, 1]);
  }
  // Interleaved: JSONL then JSON, catalog-gate then raw, in every run.
  for (let i = 0; i < cfg.feedRuns; i++) {
    for (const form of forms) {
      form.cg.push(await timedNode(cliArgs(form.file, '/dev/null'), [0, 1]));
      form.raw.push(await timedNode([rawScript, specFile, form.file, '--out', '/dev/null'], [0, 1]));
    }
    process.stderr.write(`  c: run ${String(i + 1)}/${String(cfg.feedRuns)}\n`);
  }
  const summaryOf = async (file: string): Promise<unknown> => (JSON.parse(await readFile(file, 'utf8')) as { summary: unknown }).summary;
  const [a, b] = await Promise.all(
    forms.map(async (form, f) => ({
      ...form,
      bytes: (await readFile(form.file)).length,
      cgSummary: await summaryOf((reports[f] as { cg: string }).cg),
      rawSummary: await summaryOf((reports[f] as { raw: string }).raw),
    })),
  );
  return { ...(a as FeedForm), records: cfg.feedRecords, invalidRecords: invalid, runs: cfg.feedRuns, rssVia: rssMethod(), json: b as FeedForm };
}

function printC(c: FeedFigures): void {
  console.log(`\n## c. Whole feed: ${fmt(c.records)}-record JSONL (${fmt(c.invalidRecords)} spoilt), ${fmt(c.bytes / 2 ** 20, 1)} MiB, child processes, median of ${String(c.runs)}\n`);
  printForm(c, c.records, c.rssVia);
  console.log(`\n### The same items as a JSON feed (header + MPItem[]), ${fmt(c.json.bytes / 2 ** 20, 1)} MiB: the raw script parses the whole document\n`);
  printForm(c.json, c.records, c.rssVia);
}

function printForm(c: FeedForm, records: number, rssVia: string): void {
  const cgWall = median(c.cg.map((r) => r.wallMs));
  const rawWall = median(c.raw.map((r) => r.wallMs));
  const cgCpu = median(c.cg.map((r) => r.cpuS));
  const rawCpu = median(c.raw.map((r) => r.cpuS));
  const cgRss = median(c.cg.map((r) => r.maxRssKiB));
  const rawRss = median(c.raw.map((r) => r.maxRssKiB));
  console.log(
    table(
      ['side', 'wall s', 'records/s', 'CPU s (user+sys)', 'peak RSS MiB'],
      [
        ['catalog-gate CLI validate', fmt(cgWall / 1000, 2), fmt(records / (cgWall / 1000)), fmt(cgCpu, 2), fmt(cgRss / 1024)],
        ['raw-Ajv script', fmt(rawWall / 1000, 2), fmt(records / (rawWall / 1000)), fmt(rawCpu, 2), fmt(rawRss / 1024)],
        ['catalog-gate / raw', ratio(cgWall, rawWall), ratio(rawWall, cgWall), ratio(cgCpu, rawCpu), ratio(cgRss, rawRss)],
      ],
    ),
  );
  console.log(`\nPeak RSS via ${rssVia}. Wall times of each run: catalog-gate ${c.cg.map((r) => fmt(r.wallMs / 1000, 2)).join(', ')} s; raw ${c.raw.map((r) => fmt(r.wallMs / 1000, 2)).join(', ')} s. CPU s: catalog-gate ${c.cg.map((r) => fmt(r.cpuS, 2)).join(', ')}; raw ${c.raw.map((r) => fmt(r.cpuS, 2)).join(', ')}.`);
  console.log(`Summaries: catalog-gate ${JSON.stringify(c.cgSummary)}; raw ${JSON.stringify(c.rawSummary)}`);
}

// ---- d. where catalog-gate's per-record time goes ----

interface BreakdownFigures {
  records: number;
  rawPerSec: number;
  rows: BreakdownRow[];
}

async function partD(cfg: Config, specFile: string): Promise<BreakdownFigures> {
  const items = asParsed(validItems(cfg.records, 11));
  const rows = await breakdown(items, 'packs', cfg.quick ? 1 : 2, cfg.quick ? 3 : 5);
  const { validate } = compileRawAjv(specFile);
  const raw: number[] = [];
  for (let i = 0; i < 7; i++) raw.push(rawRound(validate, items).ms);
  return { records: cfg.records, rawPerSec: cfg.records / (median(raw.slice(2)) / 1000), rows };
}

function printD(d: BreakdownFigures): void {
  console.log(`\n## d. catalog-gate records/s on valid items by rule pack (${fmt(d.records)} items, in-process)\n`);
  console.log(
    table(
      ['configuration', 'rec/s', 'µs/record over schema only', 'vs raw Ajv'],
      [...d.rows.map((r) => [r.config, fmt(r.recordsPerSec), `${r.extraUsPerRecord >= 0 ? '+' : ''}${fmt(r.extraUsPerRecord, 1)}`, ratio(r.recordsPerSec, d.rawPerSec)]), ['raw Ajv (same items)', fmt(d.rawPerSec), '', '1.00×']],
    ),
  );
}

// ---- main ----

async function main(argv: readonly string[]): Promise<void> {
  const cfg = config(argv);
  const store = new SpecStore();
  const entry = await store.resolve({ feedType: 'MP_ITEM', version: '4.3', productType: 'Clothing' });
  if (entry === undefined) throw new Error('the bundled cache has no MP_ITEM 4.3 Clothing entry');
  const specFile = join(store.dir, entry.file);

  console.log(`# catalog-gate benchmark${cfg.quick ? ' (--quick: smoke run, figures not meaningful)' : ''}\n`);
  const before = machine();
  console.log(table(['machine', ''], Object.entries(before)));
  console.log(`\nSpec: MP_ITEM 4.3 Clothing, ${entry.file} (sha256 ${entry.sha256.slice(0, 12)}…). Baseline: ajv-draft-04 + ajv-formats, allErrors.`);

  const results: Record<string, unknown> = { date: new Date().toISOString(), quick: cfg.quick, machine: before };
  if (cfg.parts.has('a')) {
    const a = await partA(cfg, specFile);
    printA(a);
    results.a = a;
  }
  if (cfg.parts.has('b')) {
    const b = await partB(cfg);
    printB(b);
    results.b = b;
  }
  if (cfg.parts.has('c')) {
    const c = await partC(cfg, specFile);
    printC(c);
    results.c = c;
  }
  if (cfg.parts.has('d')) {
    const d = await partD(cfg, specFile);
    printD(d);
    results.d = d;
  }
  const after = os.loadavg().map((l) => l.toFixed(2)).join(' / ');
  console.log(`\nLoad average at the end: ${after}`);
  results.loadAfter = after;
  await mkdir(BENCH_DATA_DIR, { recursive: true });
  const out = join(BENCH_DATA_DIR, cfg.quick ? 'results-quick.json' : 'results.json');
  await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`Raw figures: ${out}`);
}

await main(process.argv.slice(2));
