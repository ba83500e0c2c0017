// SARIF 2.1.0: valid against the OASIS schema, one rule per code with the code as its stable id, results located by
// cell in spreadsheets and by record and path in JSON feeds.
import { readFileSync } from 'node:fs';
import AjvDraft04Module from 'ajv-draft-04';
import type { ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { columnNumber, posixPath, renderSarif } from '../../src/reports/sarif.js';
import { SHARED } from '../helpers/paths.js';
import { REPORT, singleFeedReport } from './fixture.js';

// The SARIF schema declares draft-04 ("$schema": "http://json-schema.org/draft-04/schema#"), so Ajv's draft-04 class.
const Ajv04 = AjvDraft04Module.default;
const addFormats = formatsModule.default;
const SCHEMA_PATH = `${SHARED}reference-schemas/sarif-schema-2.1.0.json`;

interface SarifLog {
  runs: Array<{
    tool: { driver: { name: string; version: string; rules: Array<{ id: string; name: string; defaultConfiguration: { level: string }; shortDescription: { text: string } }> } };
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: Array<{
        physicalLocation?: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn?: number } };
        logicalLocations?: Array<{ fullyQualifiedName: string }>;
      }>;
      partialFingerprints: Record<string, string>;
    }>;
  }>;
}

function compileSchema(): ValidateFunction {
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  expect(schema.$schema).toBe('http://json-schema.org/draft-04/schema#');
  const ajv = new Ajv04({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('renderSarif', () => {
  const text = renderSarif(REPORT, { toolVersion: '0.1.0' });
  const log = JSON.parse(text) as SarifLog;
  const run = log.runs[0] as SarifLog['runs'][number];
  const validateQuietly = compileSchema();
  const validate = (data: unknown): boolean => {
    const ok = validateQuietly(data);
    // Ajv's errors name the broken path, which a bare `false` would not.
    if (!ok) expect(validateQuietly.errors).toBeNull();
    return ok;
  };

  it('validates against the SARIF 2.1.0 schema', () => {
    expect(validate(log)).toBe(true);
    expect(validate(JSON.parse(renderSarif(singleFeedReport(), { toolVersion: '1.2.3', source: 'C:\\feeds\\my feed.json' })))).toBe(true);
    expect(validate(JSON.parse(renderSarif({ summary: REPORT.summary, issues: [] }, { toolVersion: '0.1.0' })))).toBe(true);
    // The check has teeth: a level SARIF does not know is rejected.
    const broken = JSON.parse(text) as SarifLog;
    (broken.runs[0]?.results[0] as { level: string }).level = 'fatal';
    expect(validateQuietly(broken)).toBe(false);
  });

  it('names the tool and its version, and the schema and version of the log', () => {
    expect(JSON.parse(text)).toMatchObject({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0' });
    expect(run.tool.driver).toMatchObject({ name: 'catalog-gate', version: '0.1.0' });
  });

  it('has one rule per code, its id the code, and every result pointing at its rule', () => {
    const ids = run.tool.driver.rules.map((r) => r.id);
    expect(ids).toEqual([...new Set(REPORT.issues.map((i) => i.code))].sort());
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
    expect(run.tool.driver.rules.find((r) => r.id === 'gtin.check_digit')).toMatchObject({
      name: 'GtinCheckDigit',
      shortDescription: { text: 'Wrong check digit in GTIN, UPC or EAN' },
      defaultConfiguration: { level: 'error' },
    });
    expect(run.tool.driver.rules.find((r) => r.id === 'image.not_jpg')?.defaultConfiguration.level).toBe('note');
  });

  it('keeps rule ids and indexes stable whatever order the issues come in', () => {
    const shuffled = JSON.parse(renderSarif({ ...REPORT, issues: [...REPORT.issues].reverse() }, { toolVersion: '0.1.0' })) as SarifLog;
    expect(shuffled.runs[0]?.tool.driver.rules).toEqual(run.tool.driver.rules);
    const again = JSON.parse(renderSarif(REPORT, { toolVersion: '0.1.0' })) as SarifLog;
    expect(again.runs[0]?.results.map((r) => r.partialFingerprints)).toEqual(run.results.map((r) => r.partialFingerprints));
  });

  it('locates spreadsheet issues by row and column number, with a relative, encoded URI', () => {
    const enumResult = run.results.find((r) => r.ruleId === 'schema.enum');
    expect(enumResult?.level).toBe('error');
    expect(enumResult?.message.text).toBe('Gender is "Mle"; it must be one of Unisex, Male, Female.\nDid you mean "Male"?');
    expect(enumResult?.locations[0]?.physicalLocation).toEqual({ artifactLocation: { uri: 'items/My%20Items.xlsx' }, region: { startLine: 14, startColumn: 11 } });
    const aa = run.results.find((r) => r.ruleId === 'image.not_https');
    expect(aa?.locations[0]?.physicalLocation?.region).toEqual({ startLine: 14, startColumn: 27 });
    // A missing attribute with no column of its own: the row alone.
    const required = run.results.find((r) => r.ruleId === 'schema.required');
    expect(required?.locations[0]?.physicalLocation?.region).toEqual({ startLine: 3 });
  });

  it('locates JSON-feed issues by file and logical path, without a region', () => {
    const typeResult = run.results.find((r) => r.ruleId === 'schema.type');
    expect(typeResult?.locations[0]).toEqual({
      physicalLocation: { artifactLocation: { uri: 'feeds/clothing.json' } },
      logicalLocations: [{ fullyQualifiedName: 'record 3/Visible.Clothing.price' }],
    });
    const header = run.results.find((r) => r.ruleId === 'header.version_mismatch');
    expect(header?.locations[0]?.logicalLocations).toEqual([{ fullyQualifiedName: 'header/MPItemFeedHeader.version' }]);
    expect(run.results.find((r) => r.ruleId === 'image.not_jpg')?.level).toBe('note');
  });

  it('fingerprints by code, file, SKU and path', () => {
    const prints = run.results.map((r) => Object.values(r.partialFingerprints)[0]);
    expect(new Set(prints).size).toBe(prints.length);
    const moved = renderSarif({ ...REPORT, issues: REPORT.issues.map((i) => ({ ...i, row: (i.row ?? 0) + 5, record: i.record + 5 })) }, { toolVersion: '0.1.0' });
    const movedPrints = (JSON.parse(moved) as SarifLog).runs[0]?.results.map((r) => Object.values(r.partialFingerprints)[0]);
    // Issues with a SKU keep their fingerprint when rows move; record-only ones (no SKU) cannot.
    const withSku = REPORT.issues.map((i, n) => (i.sku !== undefined ? n : -1)).filter((n) => n >= 0);
    for (const n of withSku) expect(movedPrints?.[n]).toBe(prints[n]);
  });

  it('uses the source for issues without a file, and file URIs for absolute paths', () => {
    const single = JSON.parse(renderSarif(singleFeedReport(), { toolVersion: '0.1.0', source: './feeds\\clothing.json' })) as SarifLog;
    expect(single.runs[0]?.results[0]?.locations[0]?.physicalLocation?.artifactLocation.uri).toBe('feeds/clothing.json');
    const abs = JSON.parse(renderSarif(singleFeedReport(), { toolVersion: '0.1.0', source: '/repo/feeds/a#1.json' })) as SarifLog;
    expect(abs.runs[0]?.results[0]?.locations[0]?.physicalLocation?.artifactLocation.uri).toBe('file:///repo/feeds/a%231.json');
    const rel = JSON.parse(renderSarif(singleFeedReport(), { toolVersion: '0.1.0', source: '/repo/feeds/a.json', baseDir: '/repo' })) as SarifLog;
    expect(rel.runs[0]?.results[0]?.locations[0]?.physicalLocation?.artifactLocation.uri).toBe('feeds/a.json');
  });

  it('turns column letters into numbers and paths into forward-slash paths', () => {
    expect([columnNumber('A'), columnNumber('Z'), columnNumber('AA'), columnNumber('az'), columnNumber('XFD'), columnNumber('1')]).toEqual([1, 26, 27, 52, 16384, undefined]);
    expect(posixPath('.\\sheets\\a.xlsx')).toBe('sheets/a.xlsx');
  });
});
