// End to end: the real CLI on the bundled samples and Walmart's examples, exit codes and reports.
import { spawn } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { CLI, EXAMPLES, REPO } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp-cache.js';

const CLEAN = 'samples/feeds/clothing-4.3-clean.json';
const ERRORS = 'samples/feeds/clothing-4.3-errors.json';

describe('catalog-gate validate', () => {
  it('exits 0 on the clean sample and says so', () => {
    const r = cli(['validate', CLEAN]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('6 records: 6 valid, 0 with errors');
  });

  it('exits 1 on the errors sample, grouped by record with a summary by code', () => {
    const r = cli(['validate', ERRORS]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Record 2 · SKU NT-TEE-BLA-L · Clothing\n {2}✖ error {3}Visible\.Clothing\.gender \[schema\.enum\]\n {12}Gender is "Mle"; it must be one of Unisex, Male, Female\.\n {12}→ Did you mean "Male"\?/);
    expect(r.stdout).toContain('by code: ');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('writes the JSON report of CONTRACT.md', () => {
    const out = join(tempDir(), 'r.json');
    const r = cli(['validate', ERRORS, '--format', 'json', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const report = JSON.parse(readFileSync(out, 'utf8')) as { summary: Record<string, number>; issues: Array<Record<string, unknown>> };
    expect(report.summary).toMatchObject({ records: 7, valid: 1, invalid: 6, errors: 6, warnings: 1 });
    expect(report.issues[0]).toMatchObject({
      code: 'schema.enum', severity: 'error', record: 2, sku: 'NT-TEE-BLA-L', path: 'Visible.Clothing.gender', field: 'gender',
      message: 'Gender is "Mle"; it must be one of Unisex, Male, Female.', hint: 'Did you mean "Male"?',
    });
    for (const issue of report.issues) expect(issue).not.toHaveProperty('row');
  });

  it('--fail-on warning turns a warning into exit 1', () => {
    const dir = tempDir();
    const feed = JSON.parse(readFileSync(join(REPO, CLEAN), 'utf8')) as { MPItem: Array<{ Visible: { Clothing: { mainImageUrl: string } } }> };
    feed.MPItem[0]!.Visible.Clothing.mainImageUrl = feed.MPItem[0]!.Visible.Clothing.mainImageUrl.replace('https:', 'http:');
    writeFileSync(join(dir, 'f.json'), JSON.stringify(feed));
    expect(cli(['validate', join(dir, 'f.json')]).code).toBe(0);
    expect(cli(['validate', join(dir, 'f.json'), '--fail-on', 'warning']).code).toBe(1);
  });

  it('validates JSONL, with a header line or with the spec named on the command line', () => {
    const dir = tempDir();
    const feed = JSON.parse(readFileSync(join(REPO, ERRORS), 'utf8')) as { MPItemFeedHeader: unknown; MPItem: unknown[] };
    writeFileSync(join(dir, 'with-header.jsonl'), [JSON.stringify({ MPItemFeedHeader: feed.MPItemFeedHeader }), ...feed.MPItem.map((i) => JSON.stringify(i))].join('\n') + '\n');
    writeFileSync(join(dir, 'bare.jsonl'), feed.MPItem.map((i) => JSON.stringify(i)).join('\n'));
    const a = cli(['validate', join(dir, 'with-header.jsonl'), '--format', 'json']);
    const b = cli(['validate', join(dir, 'bare.jsonl'), '--feed-type', 'MP_ITEM', '--spec-version', '4.3', '--format', 'json']);
    expect(a.code).toBe(1);
    expect(b.code).toBe(1);
    expect((JSON.parse(a.stdout) as { summary: unknown }).summary).toEqual((JSON.parse(b.stdout) as { summary: unknown }).summary);
  });

  it('validates several files in one run, each issue naming its file', () => {
    const r = cli(['validate', CLEAN, ERRORS, '--format', 'json']);
    const report = JSON.parse(r.stdout) as { summary: { records: number }; issues: Array<{ file: string }> };
    expect(r.code).toBe(1);
    expect(report.summary.records).toBe(13);
    expect(new Set(report.issues.map((i) => i.file))).toEqual(new Set([ERRORS]));
  });

  it('validates the synthetic v5 feeds, naming the trigger of each conditional', () => {
    expect(cli(['validate', 'samples/feeds/v5-synthetic-clean.json']).code).toBe(0);
    const r = cli(['validate', 'samples/feeds/v5-synthetic-errors.json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Safety Data Sheet is missing; it is required because Battery Technology Type is "Lithium Ion".');
    expect(r.stdout).not.toMatch(/must match "then" schema/);
  });
});

describe('Ajv\'s compiler, which the built CLI loads only when a spec has no compiled code on disk', () => {
  it('a cold cache compiles both validators; a cache without the full validator compiles it at the first rejected record; the reports are the warm run\'s', () => {
    const warm = cli(['validate', ERRORS, '--format', 'json']);
    expect(warm.code).toBe(1);
    const dir = tempDir();
    cpSync(join(REPO, 'schemas-cache'), dir, { recursive: true, filter: (s) => !s.includes('.compiled') });
    const cold = cli(['validate', ERRORS, '--format', 'json', '--cache-dir', dir]);
    expect([cold.code, cold.stderr, cold.stdout]).toEqual([1, '', warm.stdout]);
    const compiled = readdirSync(join(dir, '.compiled'));
    expect(compiled.filter((f) => f.endsWith('-full.cjs'))).toHaveLength(1);
    for (const f of compiled) if (f.endsWith('-full.cjs')) rmSync(join(dir, '.compiled', f));
    const startOnly = cli(['validate', ERRORS, '--format', 'json', '--cache-dir', dir]);
    expect([startOnly.code, startOnly.stderr, startOnly.stdout]).toEqual([1, '', warm.stdout]);
    expect(readdirSync(join(dir, '.compiled')).filter((f) => f.endsWith('-full.cjs'))).toHaveLength(1);
  });
});

describe('failures a user can hit: exit 2 with one line on stderr', () => {
  const oneLine = (s: string) => {
    expect(s.trim().split('\n')).toHaveLength(1);
    expect(s).toMatch(/^catalog-gate: /);
    expect(s).not.toMatch(/\n\s+at /);
  };

  it.each([
    ['a missing file', ['validate', 'no/such/file.json'], /no such file/],
    ['an unknown spec version', ['validate', CLEAN, '--feed-type', 'MP_ITEM', '--spec-version', '4.4'], /no cached spec for MP_ITEM 4\.4 .*did you mean 4\.3\?/],
    ['an unknown feed type', ['validate', CLEAN, '--feed-type', 'MP_NOPE', '--spec-version', '4.3'], /no cached spec for MP_NOPE 4\.3/],
    ['a header that settles no spec', ['validate', `${EXAMPLES}mp_item_4.8_feed.example.json`], /cannot tell which spec .*"4\.8".*--spec-version/],
  ])('%s', (_name, args, pattern) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    oneLine(r.stderr);
    expect(r.stderr).toMatch(pattern);
  });

  it.each([
    ['empty', ''],
    ['not JSON', '{"MPItem": [ {'],
    ['JSON without items', '{"hello": 1}'],
    ['a feed with no items', '{"MPItemFeedHeader": {"version": "1.3"}, "MPItem": []}'],
  ])('an input file that is %s', (_name, text) => {
    const f = join(tempDir(), 'feed.json');
    writeFileSync(f, text);
    const r = cli(['validate', f, '--feed-type', 'MP_ITEM', '--spec-version', '4.3']);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
  });

  it('a JSONL line that is not JSON names the line', () => {
    const f = join(tempDir(), 'feed.jsonl');
    writeFileSync(f, '{"Orderable": {}}\n{oops\n');
    const r = cli(['validate', f, '--feed-type', 'MP_ITEM', '--spec-version', '4.3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line 2 is not valid JSON/);
  });

  it('an unknown option or format is a usage error', () => {
    expect(cli(['validate', CLEAN, '--frobnicate']).code).toBe(2);
    const r = cli(['validate', CLEAN, '--format', 'yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/yaml/);
  });

  it('a tampered cache entry is reported, never used', () => {
    const dir = tempDir();
    cpSync(join(REPO, 'schemas-cache'), dir, { recursive: true, filter: (s) => !s.includes('.compiled') });
    const file = join(dir, 'MP_ITEM/4.3/clothing.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"Gender"', '"Gendre"'));
    const r = cli(['validate', CLEAN, '--cache-dir', dir]);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(/MP_ITEM 4\.3 \/ Clothing .*does not match its lockfile hash/);
    const v = cli(['spec', 'verify', '--cache-dir', dir]);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain('MP_ITEM 4.3 / Clothing: modified');
  });

  it('a reader that closes stdout early (`| head`) gets exit 2 and one line saying the report was cut short, no "internal error"', async () => {
    const child = spawn(process.execPath, [CLI, 'validate', ERRORS, '--format', 'json'], { cwd: REPO, env: { ...process.env, NO_COLOR: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    // The read end is gone before the report is written: every write to stdout meets EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    oneLine(stderr);
    expect(stderr).toBe('catalog-gate: the output was closed before the report was complete (the program reading it stopped, e.g. `| head`)\n');
    expect(code).toBe(2);
  });
});

describe('help and colour', () => {
  it('--help shows examples', () => {
    for (const args of [['--help'], ['validate', '--help'], ['spec', 'import', '--help']]) {
      const r = cli(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Examples?:\n\s+\$ catalog-gate /);
    }
  });

  it('colours only when asked and never with NO_COLOR', () => {
    expect(cli(['validate', ERRORS], { FORCE_COLOR: '1' }).stdout).toContain('\u001b[31m');
    expect(cli(['validate', ERRORS], { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toContain('\u001b[');
  });
});

describe('catalog-gate spec', () => {
  it('imports into a cache, lists it and validates offline from it', () => {
    const dir = tempDir();
    const imp = cli(['spec', 'import', `${EXAMPLES}../item-spec/v4/MP_ITEM_SPEC_4.3.json`, '--feed-type', 'MP_ITEM', '--spec-version', '4.3', '--cache-dir', dir]);
    expect(imp.code).toBe(0);
    expect(imp.stdout).toContain('Imported 77 product types of MP_ITEM 4.3 (draft-04)');
    const list = cli(['spec', 'list', '--cache-dir', dir]);
    expect(list.stdout).toMatch(/MP_ITEM 4\.3 {2}77 product types {2}\(draft-04; header version 1\.3\)/);
    const json = JSON.parse(cli(['spec', 'list', '--json', '--cache-dir', dir]).stdout) as Array<{ status: string }>;
    expect(json.every((e) => e.status === 'ok')).toBe(true);
    expect(cli(['validate', CLEAN, '--cache-dir', dir]).code).toBe(0);
  });

  it('the bundled cache holds the real specs and the synthetic one, marked as such', () => {
    const r = cli(['spec', 'list']);
    expect(r.code).toBe(0);
    for (const s of ['MP_ITEM 4.3  77 product types', 'MP_WFS_ITEM 4.2  74 product types', 'MP_ITEM_MATCH 4  all product types', 'MP_ITEM_MATCH 5.0.20260607-22_38_54-api  all product types']) expect(r.stdout).toContain(s);
    expect(r.stdout).toMatch(/MP_ITEM 5\.0\.20261124-00_00_00-synthetic {2}3 product types {2}\(draft-07, SYNTHETIC/);
    expect(cli(['spec', 'verify']).code).toBe(0);
  });
});
