// The CLI's JSON and CSV reports of a spreadsheet are written from issues kept on disk: the same report as the
// renderer makes from the issues in memory, the same exit codes, and no file left behind.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/issue.js';
import { renderCsv } from '../../src/reports/csv.js';
import { cli } from '../helpers/cli.js';
import { REPO } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp-cache.js';

const ERRORS = 'samples/sheets/catalog-v5-errors.xlsx';

describe('validate a spreadsheet --format json|csv', () => {
  it('writes the report from the spilled issues, in record order, to --out and to stdout, and cleans up', () => {
    const tmp = tempDir();
    const out = join(tmp, 'report.json');
    const env = { TMPDIR: tmp };
    const r = cli(['validate', ERRORS, '--format', 'json', '--out', out], env);
    expect(r.code).toBe(1);
    const text = readFileSync(out, 'utf8');
    const report = JSON.parse(text) as Report;
    expect(text).toBe(`${JSON.stringify(report, null, 2)}\n`);
    expect(report.issues.length).toBe(report.summary.errors + report.summary.warnings + report.summary.infos);
    const records = report.issues.map((i) => i.record);
    expect(records).toEqual([...records].sort((a, b) => a - b));
    // The unknown column (record 0) comes first though it is found at the end.
    expect(report.issues[0]?.code).toBe('source.unknown_column');
    expect(cli(['validate', ERRORS, '--format', 'json'], env).stdout).toBe(text);

    const csv = cli(['validate', ERRORS, '--format', 'csv'], env);
    expect(csv.code).toBe(1);
    expect(csv.stdout).toBe(renderCsv(report, { source: ERRORS }));
    expect(readdirSync(tmp).sort()).toEqual(['report.json']);
  });

  it('exits by --fail-on as the in-memory path does', () => {
    const dir = tempDir();
    const f = join(dir, 'one.csv');
    const [head, , , , row5] = readFileSync(join(REPO, 'samples/sheets/catalog-v5-errors.csv'), 'utf8').split('\n');
    writeFileSync(f, `${head}\n${row5}\n`);
    for (const format of ['json', 'csv']) {
      expect(cli(['validate', f, '--format', format]).code).toBe(0);
      expect(cli(['validate', f, '--format', format, '--fail-on', 'warning']).code).toBe(1);
    }
    expect(cli(['validate', 'samples/sheets/catalog-v5-clean.csv', '--format', 'json']).code).toBe(0);
  });

  it('fails with one line when --out cannot be written', () => {
    const r = cli(['validate', ERRORS, '--format', 'json', '--out', join(tempDir(), 'no', 'such', 'dir', 'r.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
