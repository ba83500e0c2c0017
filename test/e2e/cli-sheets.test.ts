// End to end: spreadsheets through the real CLI: the samples, every report format, the annotated
// workbook, the config file, and broken input.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { REPO } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp-cache.js';

const XLSX = 'samples/sheets/catalog-v5-errors.xlsx';
const CSV = 'samples/sheets/catalog-v5-errors.csv';

type JsonReport = { summary: Record<string, number>; issues: Array<Record<string, unknown>> };
const json = (args: string[]) => {
  const r = cli([...args, '--format', 'json']);
  return { code: r.code, report: JSON.parse(r.stdout) as JsonReport, stderr: r.stderr };
};

describe('the spreadsheet samples', () => {
  it.each(['samples/sheets/catalog-v5-clean.xlsx', 'samples/sheets/catalog-v5-clean.csv'])('%s validates clean with no config', (file) => {
    const r = cli(['validate', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('8 records: 8 valid');
  });

  it('the xlsx reports exactly its documented issues, each on its cell', () => {
    const { code, report } = json(['validate', XLSX]);
    expect(code).toBe(1);
    expect(report.issues.map((i) => [i.cell, i.code])).toEqual([
      ['AX1', 'source.unknown_column'],
      ['AB3', 'variants.two_primaries'],
      ['U4', 'schema.enum'],
      ['N5', 'image.not_https'],
      ['AN6', 'schema.conditional_required'],
      ['D7', 'source.leading_zeros_restored'],
      ['AW8', 'schema.conditional_required'],
      ['G9', 'schema.type'],
    ]);
    for (const i of report.issues) expect(i).toMatchObject({ sheet: 'Items' });
    expect(report.issues[2]).toMatchObject({ record: 3, row: 4, column: 'U', sku: 'NT-CREW-NAVY-M', hint: 'Did you mean "Male"?' });
    // Rules name other records by the row a person sees.
    expect(report.issues[1]?.message).toContain('row 2 (SKU NT-CREW-BLACK-M)');
  });

  it('the csv reports the same, with the ID in scientific notation as an error', () => {
    const { report } = json(['validate', CSV]);
    const byCell = new Map(report.issues.map((i) => [i.cell, i.code]));
    expect(byCell.get('D7')).toBe('source.scientific_notation');
    expect(report.summary).toMatchObject({ records: 8, errors: 6, warnings: 2 });
  });
});

describe('report formats', () => {
  it('junit: one test case per record', () => {
    const r = cli(['validate', XLSX, '--format', 'junit']);
    expect(r.code).toBe(1);
    expect(r.stdout.match(/<testcase /g)?.length).toBe(9);
    expect(r.stdout).toContain('Row 4 · SKU NT-CREW-NAVY-M');
  });

  it('sarif: results located at the file, row and column', () => {
    const r = cli(['validate', XLSX, '--format', 'sarif']);
    const sarif = JSON.parse(r.stdout) as { version: string; runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }> }> }> };
    expect(sarif.version).toBe('2.1.0');
    const enumResult = sarif.runs[0]!.results.find((x) => x.ruleId === 'schema.enum')!;
    expect(enumResult.locations[0]!.physicalLocation).toMatchObject({ artifactLocation: { uri: XLSX }, region: { startLine: 4, startColumn: 21 } });
  });

  it('github: workflow commands', () => {
    const r = cli(['validate', XLSX, '--format', 'github']);
    expect(r.stdout).toMatch(/^::error file=samples\/sheets\/catalog-v5-errors\.xlsx,line=4,col=21,title=[^:]*::Row 4 · SKU NT-CREW-NAVY-M · Items!U4: Gender is "Mle"/m);
    expect(r.stdout).toMatch(/^::warning file=/m);
  });

  it('csv: one row per issue', () => {
    const r = cli(['validate', XLSX, '--format', 'csv']);
    const lines = r.stdout.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines).toHaveLength(9);
    expect(lines[0]).toMatch(/^file,sheet,row,column,cell/);
  });
});

describe('--annotate', () => {
  it('writes the sheet with issue cells filled and noted, plus an Issues sheet', async () => {
    const out = join(tempDir(), 'checked.xlsx');
    const r = cli(['validate', XLSX, '--annotate', out]);
    expect(r.code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const items = wb.worksheets[0]!;
    const u4 = items.getCell('U4');
    expect(u4.value).toBe('Mle');
    expect(JSON.stringify(u4.fill)).toMatch(/FF/);
    expect(JSON.stringify(u4.note)).toContain('Did you mean');
    expect(wb.getWorksheet('Issues')?.rowCount).toBe(9);
  });

  it('is refused for a JSON feed', () => {
    const r = cli(['validate', 'samples/feeds/clothing-4.3-errors.json', '--annotate', join(tempDir(), 'x.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/spreadsheet/);
  });
});

describe('config and flags', () => {
  it('catalog-gate init writes a starter that validate then reads', () => {
    const dir = tempDir();
    const r = cli(['init'], {}, dir);
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, 'catalog-gate.config.json'), 'utf8');
    expect(text).toContain('//');
    expect(cli(['init'], {}, dir).code).toBe(2);
  });

  it('a config file maps columns, sets severities and settles the spec', () => {
    const dir = tempDir();
    const sheet = join(dir, 'renamed.csv');
    writeFileSync(sheet, readFileSync(join(REPO, CSV), 'utf8').replace(',Gender,', ',Sex,'));
    const cfg = join(dir, 'c.json');
    writeFileSync(cfg, JSON.stringify({ feedType: 'MP_ITEM', specVersion: '5.0.20261124-00_00_00-synthetic', columns: { sex: 'gender' }, rules: { packs: { images: 'off' } } }));
    const { report } = json(['validate', sheet, '--config', cfg]);
    expect(report.issues.find((i) => i.code === 'schema.enum')).toMatchObject({ field: 'gender', cell: 'U4' });
    expect(report.issues.map((i) => i.code)).not.toContain('image.not_https');
    expect(report.issues.filter((i) => i.code === 'source.unknown_column').map((i) => i.cell)).toEqual(['AX1']);
  });

  it('an unknown sheet is a usage failure naming the sheets', () => {
    const r = cli(['validate', XLSX, '--sheet', 'Nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Items');
  });

  it('--fail-on warning counts warnings', () => {
    const dir = tempDir();
    const f = join(dir, 'one.csv');
    const [head, , , , row5] = readFileSync(join(REPO, CSV), 'utf8').split('\n');
    writeFileSync(f, `${head}\n${row5}\n`);
    expect(cli(['validate', f]).code).toBe(0);
    expect(cli(['validate', f, '--fail-on', 'warning']).code).toBe(1);
  });
});
