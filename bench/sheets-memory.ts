// What holds memory while a spreadsheet is validated (`node --expose-gc dist/bench/sheets-memory.js FILE [options]`):
// the CLI's sheet path in-process, printing process.memoryUsage() and the heap left after gc() every --every rows.
import { writeHeapSnapshot } from 'node:v8';
import { basename, dirname, join } from 'node:path';
import { PACKS } from '../rules/index.js';
import type { Issue } from '../src/core/issue.js';
import { validateWith } from '../src/engine/validate.js';
import type { ValidateOptions } from '../src/engine/options.js';
import { Validator } from '../src/engine/validator.js';
import { peekProductTypes, specForProductTypes } from '../src/sources/infer-spec.js';
import { openTable } from '../src/sources/open-table.js';
import { SheetMapper } from '../src/sources/sheet-items.js';
import { SpecStore } from '../src/spec/store.js';

const USAGE = `usage: node --expose-gc dist/bench/sheets-memory.js FILE [--stage read|map|validate] [--packs all|off|<pack>] [--no-collect] [--every N] [--snapshot-at N,N]
  --stage read       openTable and iterate the rows (the reader alone)
  --stage map        also turn rows into items (SheetMapper), no validation
  --stage validate   validateWith over the items, as \`catalog-gate validate\` does (default)
  --packs off        every rule pack off; <pack>: that pack only; all (default): every pack
  --no-collect       drop each record's issues instead of keeping them, as collect() does for the report
  --snapshot-at      write sheets-heap-…-<rows>.heapsnapshot beside FILE at those row counts (for sheets-heap-diff.js)`;

interface Args {
  file: string;
  stage: 'read' | 'map' | 'validate';
  packs: string;
  collect: boolean;
  every: number;
  snapshotAt: Set<number>;
}

function args(argv: readonly string[]): Args {
  const withValue = new Set(['--stage', '--packs', '--every', '--snapshot-at']);
  const file = argv.find((a, i) => !a.startsWith('--') && !withValue.has(argv[i - 1] ?? ''));
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const stage = value('--stage') ?? 'validate';
  if (file === undefined || (stage !== 'read' && stage !== 'map' && stage !== 'validate')) {
    console.error(USAGE);
    process.exit(2);
  }
  return {
    file,
    stage,
    packs: value('--packs') ?? 'all',
    collect: !argv.includes('--no-collect'),
    every: Number((value('--every') ?? '100000').replace(/_/g, '')),
    snapshotAt: new Set((value('--snapshot-at') ?? '').split(',').filter((s) => s !== '').map((s) => Number(s.replace(/_/g, '')))),
  };
}

const gc = (globalThis as { gc?: () => void }).gc;

const MiB = (n: number): string => (n / 2 ** 20).toFixed(1).padStart(7);

interface Point {
  rows: number;
  heapAfterGc: number;
  /** A checkpoint while rows stream (not the ones after the last row). */
  streaming: boolean;
}

const points: Point[] = [];
const t0 = performance.now();

function checkpoint(rows: number, label = ''): void {
  const before = process.memoryUsage();
  gc?.();
  const after = process.memoryUsage();
  points.push({ rows, heapAfterGc: after.heapUsed, streaming: label === '' });
  const s = ((performance.now() - t0) / 1000).toFixed(1).padStart(6);
  console.log(
    `${String(rows).padStart(9)} ${s} | rss ${MiB(before.rss)} heapUsed ${MiB(before.heapUsed)} heapTotal ${MiB(before.heapTotal)} external ${MiB(before.external)} arrayBuffers ${MiB(before.arrayBuffers)} | after gc: heapUsed ${MiB(after.heapUsed)} rss ${MiB(after.rss)}${label}`,
  );
}

function maybeSnapshot(a: Args, rows: number): void {
  if (!a.snapshotAt.has(rows)) return;
  const path = join(dirname(a.file), `sheets-heap-${basename(a.file)}-${a.stage}-${a.packs}-${String(rows)}.heapsnapshot`);
  writeHeapSnapshot(path);
  console.log(`          heap snapshot: ${path}`);
}

function engineOptions(packs: string): ValidateOptions {
  const names = Object.keys(PACKS);
  if (packs === 'all') return {};
  if (packs !== 'off' && !names.includes(packs)) throw new Error(`--packs: one of all, off, ${names.join(', ')}`);
  return { rules: { packs: Object.fromEntries(names.map((n) => [n, n === packs ? 'error' : 'off'])) } };
}

async function main(a: Args): Promise<void> {
  if (gc === undefined) console.error('(run with node --expose-gc for the after-gc figures)');
  console.log(`${a.file}: stage ${a.stage}, packs ${a.packs}, ${a.collect ? 'issues kept (as collect() does)' : 'issues dropped'}`);
  console.log(`     rows      s | process.memoryUsage() in MiB`);
  let table = await openTable(a.file);
  checkpoint(0, ' (opened)');
  let rows = 0;
  if (a.stage === 'read') {
    for await (const _row of table.rows) {
      if (++rows % a.every === 0) checkpoint(rows);
      maybeSnapshot(a, rows);
    }
  } else {
    const peeked = await peekProductTypes(table);
    table = peeked.source;
    const spec = await specForProductTypes(new SpecStore(), peeked.productTypes);
    const validator = await Validator.create({ ...spec, ...engineOptions(a.packs) });
    const mapper = new SheetMapper(table, validator);
    if (a.stage === 'map') {
      for await (const _item of mapper.items()) {
        if (++rows % a.every === 0) checkpoint(rows);
        maybeSnapshot(a, rows);
      }
    } else {
      const issues: Issue[] = [];
      let kept = 0;
      for await (const ev of validateWith(validator, mapper.items(), { checkHeader: false, feedIssues: () => mapper.feedIssues() })) {
        if (ev.type !== 'record') {
          if (ev.type === 'end') {
            kept += ev.issues.length;
            if (a.collect) issues.push(...ev.issues);
            checkpoint(rows, ` (after finish(): ${String(ev.issues.length)} feed-rule issues, ${String(a.collect ? issues.length : kept)} issues in all)`);
          }
          continue;
        }
        kept += ev.result.issues.length;
        if (a.collect) issues.push(...ev.result.issues);
        if (++rows % a.every === 0) checkpoint(rows);
        maybeSnapshot(a, rows);
      }
      console.log(`summary: ${JSON.stringify(validator.summary())}`);
    }
  }
  checkpoint(rows, ' (end)');
  // From the first checkpoint to the last one while rows still stream: state that outlives finish() is not counted.
  const streaming = points.filter((p) => p.streaming);
  const first = streaming[0];
  const last = streaming.at(-1);
  if (first !== undefined && last !== undefined && last.rows > first.rows) {
    console.log(`heap retained after gc grew ${((last.heapAfterGc - first.heapAfterGc) / (last.rows - first.rows)).toFixed(0)} bytes/row from row ${String(first.rows)} to row ${String(last.rows)}`);
  }
}

await main(args(process.argv.slice(2)));
