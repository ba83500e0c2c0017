// The code catalogue covers every code the engine, the spreadsheet readers and the rule packs can emit. The rule
// check reads the rule modules' source: a code literal there that the catalogue lacks fails it.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../rules/index.js';
import { CODE_CATALOG, describeCode, ruleCodes } from '../../src/reports/code-catalog.js';
import { REPO } from '../helpers/paths.js';

/** A literal shaped like an issue code or rule id: `gtin.check_digit`, `images.not_https`. */
const CODE_LITERAL = /(['"`])([a-z][a-z0-9]*\.[a-z][a-z0-9_]*)\1/g;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** File names (`schema.json`) share the shape; no code ends in an extension. */
const FILE_NAME = /\.(json|jsonl|js|ts|csv|xlsx|md|txt|lock)$/;

function literals(text: string): string[] {
  return [...text.matchAll(CODE_LITERAL)].map((m) => m[2] ?? '').filter((l) => !FILE_NAME.test(l));
}

const RULE_IDS = new Set(ALL_RULES.map((r) => r.id));

describe('code catalogue', () => {
  it('has one entry per code, each with a title, help and severity', () => {
    const codes = CODE_CATALOG.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const e of CODE_CATALOG) {
      expect(e.known).toBe(true);
      expect(e.title.length, e.code).toBeGreaterThan(3);
      expect(e.help.length, e.code).toBeGreaterThan(20);
      expect(['error', 'warning', 'info']).toContain(e.severity);
    }
  });

  it('covers every code each rule emits, with the rule, its pack and its severity', () => {
    for (const rule of ALL_RULES) {
      const codes = ruleCodes(rule);
      expect(codes.length, rule.id).toBeGreaterThan(0);
      for (const code of codes) {
        expect(describeCode(code), code).toMatchObject({ known: true, rule: rule.id, pack: rule.pack, severity: rule.severity });
        expect(describeCode(code).help).toContain(rule.description.replace(/\s+/g, ' ').trim());
      }
    }
  });

  it('knows every code literal in the rule modules, under the rule the module defines', () => {
    const files = tsFiles(join(REPO, 'rules'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const name = relative(REPO, file);
      const ids = [...text.matchAll(/\bid:\s*(['"])([^'"]+)\1/g)].map((m) => m[2] ?? '').filter((id) => RULE_IDS.has(id));
      const codes = literals(text).filter((l) => !RULE_IDS.has(l));
      for (const code of codes) {
        const entry = describeCode(code);
        expect(entry.known, `${name} emits ${code}, which the catalogue lacks: add it to RULE_CODES`).toBe(true);
        if (ids.length === 1) expect(entry.rule, `${name}: ${code}`).toBe(ids[0]);
      }
      // A rule module without code literals emits its id.
      if (ids.length === 1 && codes.length === 0) expect(ruleCodes({ id: ids[0] ?? '' }), name).toEqual(ids);
    }
  });

  it('knows the codes the engine and the readers emit', () => {
    // Everything outside reports/ (which only renders codes) that spells an engine or reader code.
    const reports = join(REPO, 'src/reports');
    const files = tsFiles(join(REPO, 'src')).filter((f) => !f.startsWith(reports));
    const codes = [...new Set(files.flatMap((f) => literals(readFileSync(f, 'utf8'))))].filter((l) => /^(schema|header|record|source)\./.test(l));
    expect(codes).toEqual(expect.arrayContaining(['schema.enum', 'schema.invalid', 'header.missing', 'header.version_mismatch', 'record.unknown_product_type']));
    for (const code of codes) expect(describeCode(code).known, `${code} is missing from the catalogue`).toBe(true);
    for (const code of ['source.ragged_row', 'source.unknown_column', 'source.duplicate_header', 'source.duplicate_column', 'source.leading_zeros_restored', 'source.scientific_notation']) {
      expect(describeCode(code).known, code).toBe(true);
    }
  });

  it('describes codes it does not know with a generic entry', () => {
    expect(describeCode('future.some_check')).toMatchObject({ code: 'future.some_check', title: 'Some check', known: false, severity: 'warning' });
    expect(describeCode('gtin.check_digit')).toMatchObject({ title: 'Wrong check digit in GTIN, UPC or EAN', rule: 'identifiers.check_digit', severity: 'error' });
    expect(describeCode('schema.enum')).toMatchObject({ title: 'Value not in the allowed list', severity: 'error', known: true });
    expect(describeCode('schema.enum').rule).toBeUndefined();
  });
});
