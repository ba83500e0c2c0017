// JSON and CSV reports written in pieces: joined, the pieces are the renderer's text byte for byte, and no piece
// holds more than a chunk's worth of issues.
import { describe, expect, it } from 'vitest';
import type { Issue, Report } from '../../src/core/issue.js';
import { renderCsv, renderCsvChunks } from '../../src/reports/csv.js';
import { renderJson, renderJsonChunks } from '../../src/reports/json.js';
import { renderReport, reportChunks } from '../../src/reports/render.js';
import { FEED, ISSUES, REPORT, singleFeedReport } from './fixture.js';

const SPEC = { feedType: 'MP_ITEM', specVersion: '4.3' };

/** The fixture's issues repeated `n` times, each copy on its own records. */
function longReport(n: number): Report & { spec: typeof SPEC } {
  const issues: Issue[] = [];
  for (let k = 0; k < n; k++) for (const i of ISSUES) issues.push({ ...i, record: i.record + k * 25 });
  return { summary: REPORT.summary, issues, spec: SPEC };
}

const REPORTS: Array<[string, Report]> = [
  ['the fixture', REPORT],
  ['a single feed', singleFeedReport()],
  ['with a spec', { ...REPORT, spec: SPEC } as Report],
  ['no issues', { summary: REPORT.summary, issues: [] }],
  ['no issues, with a spec', { summary: REPORT.summary, issues: [], spec: SPEC } as Report],
  ['1,000 copies of the issues', longReport(1000)],
];

describe('renderJsonChunks', () => {
  it.each(REPORTS)('joins to renderJson byte for byte: %s', (_name, report) => {
    for (const size of [1, 7, 500]) expect([...renderJsonChunks(report, size)].join('')).toBe(renderJson(report));
  });

  it.each(REPORTS)('writes what JSON.stringify(report, null, 2) writes: %s', (_name, report) => {
    const want = JSON.stringify(report, null, 2) + '\n';
    expect(renderJson(report)).toBe(want);
    expect([...renderJsonChunks(report, 7)].join('')).toBe(want);
  });

  it('takes the issues from any iterable (a spill on disk) with the same bytes', () => {
    for (const [, report] of REPORTS) {
      const streamed = { ...report, issues: (function* () { yield* report.issues; })() };
      expect([...renderJsonChunks(streamed, 7)].join('')).toBe(renderJson(report));
      const again = { ...report, issues: new Set(report.issues) };
      expect([...renderCsvChunks(again, { source: FEED }, 7)].join('')).toBe(renderCsv(report, { source: FEED }));
    }
  });

  it('keeps a chunk to its issues', () => {
    const report = longReport(100);
    const chunks = [...renderJsonChunks(report, 10)];
    expect(chunks.length).toBeGreaterThan(report.issues.length / 10);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(renderJson(report).length / 50);
  });

  it('leaves out what JSON.stringify leaves out', () => {
    const report = { ...REPORT, extra: undefined, fn: () => 1 } as unknown as Report;
    expect([...renderJsonChunks(report)].join('')).toBe(renderJson(report));
  });
});

describe('renderCsvChunks', () => {
  it.each(REPORTS)('joins to renderCsv byte for byte: %s', (_name, report) => {
    for (const options of [{}, { source: FEED }, { bom: true }]) {
      for (const size of [1, 7, 500]) expect([...renderCsvChunks(report, options, size)].join('')).toBe(renderCsv(report, options));
    }
  });
});

describe('reportChunks', () => {
  it.each(['text', 'json', 'junit', 'sarif', 'github', 'csv'] as const)('gives renderReport\'s bytes for %s', async (format) => {
    const report = longReport(20);
    const options = { source: FEED, toolVersion: '1.2.3', baseDir: '/repo' };
    expect([...(await reportChunks(report, format, options))].join('')).toBe(await renderReport(report, format, options));
  });
});
