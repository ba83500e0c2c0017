// The JSON report's own serializer against JSON.stringify(…, null, 2), byte for byte: every sample's report as the
// CLI writes it, thousands of generated issues with hostile strings, and shapes it must leave to JSON.stringify.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../bench/data.js';
import type { Issue, Report } from '../../src/core/issue.js';
import { renderJson, renderJsonChunks } from '../../src/reports/json.js';
import { listItemsText } from '../../src/reports/pretty-json.js';
import { cli } from '../helpers/cli.js';
import { REPO } from '../helpers/paths.js';
import { REPORT, singleFeedReport } from './fixture.js';

/** What renderJson must write for a report. */
function expected(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** Pieces of hostile text: JSON's escapes, every control character, lone and paired surrogates, U+2028/2029. */
const PIECES: readonly string[] = [
  '"', '\\', '\\"', '/', "'", '\b', '\f', '\n', '\r', '\t', '\u007f', '\u0085', '\u00a0', '\u2028', '\u2029', '\ufeff', '\uffff',
  '\ud800', '\udbff', '\udc00', '\udfff', '\ud83d\ude00', '\udc00\ud800', '\ud83d', 'é', '€', '𝄞', '=HYPERLINK("x")', '<&>', '{"a":1}',
  'plain text', ' ', '', '0', 'null', 'true',
  ...Array.from({ length: 32 }, (_, c) => String.fromCharCode(c)),
];

function hostileText(next: () => number): string {
  const roll = next();
  if (roll < 0.3) return `Gender is "Mle"; it must be one of Unisex, Male, Female. ${Math.floor(next() * 1e6)}`;
  if (roll < 0.32) return (PIECES[Math.floor(next() * PIECES.length)] ?? '').repeat(2_000 + Math.floor(next() * 20_000));
  let text = '';
  const n = Math.floor(next() * 12);
  for (let i = 0; i < n; i++) text += PIECES[Math.floor(next() * PIECES.length)] ?? '';
  return text;
}

const NUMBERS: readonly number[] = [0, -0, 1, -1, 7, 50_000, 2 ** 53, 2 ** 53 + 2, -(2 ** 31), 0.1, 1e21, 1e-7, 123.456, 5e-324, Number.MAX_VALUE, NaN, Infinity, -Infinity];

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)] as T;
}

/** An issue as the engine makes one, its optional fields absent, undefined or present, its text hostile. */
function generatedIssue(next: () => number): Issue {
  const maybe = (): string | undefined => (next() < 0.5 ? hostileText(next) : undefined);
  const issue: Record<string, unknown> = {
    code: next() < 0.9 ? 'schema.enum' : hostileText(next),
    severity: pick(next, ['error', 'warning', 'info'] as const),
  };
  if (next() < 0.3) issue['file'] = hostileText(next);
  issue['record'] = next() < 0.8 ? Math.floor(next() * 50_000) : pick(next, NUMBERS);
  if (next() < 0.3) issue['row'] = pick(next, NUMBERS);
  for (const key of ['column', 'cell', 'sheet', 'sku']) {
    const value = maybe();
    if (value !== undefined || next() < 0.3) issue[key] = value;
  }
  issue['path'] = hostileText(next);
  issue['field'] = hostileText(next);
  issue['message'] = hostileText(next);
  for (const key of ['hint', 'rule', 'productType']) {
    const value = maybe();
    if (value !== undefined || next() < 0.3) issue[key] = value;
  }
  return issue as unknown as Issue;
}

function generatedIssues(seed: number, count: number): Issue[] {
  const rng = createRng(seed);
  const next = (): number => rng.next();
  return Array.from({ length: count }, () => generatedIssue(next));
}

function reportOf(issues: readonly unknown[]): Report {
  return { summary: REPORT.summary, issues, spec: { feedType: 'MP_ITEM', specVersion: '4.3' } } as unknown as Report;
}

describe('renderJson against JSON.stringify(report, null, 2)', () => {
  it('writes every sample\'s report as JSON.stringify would (the CLI, each sample feed and sheet)', () => {
    const samples = ['feeds', 'sheets'].flatMap((dir) =>
      readdirSync(join(REPO, 'samples', dir)).filter((f) => /\.(json|csv|xlsx)$/.test(f)).map((f) => join(REPO, 'samples', dir, f)),
    );
    expect(samples.length).toBeGreaterThanOrEqual(8);
    for (const sample of samples) {
      const run = cli(['validate', sample, '--format', 'json']);
      expect(run.stderr).toBe('');
      const report = JSON.parse(run.stdout) as Report;
      expect(run.stdout, sample).toBe(expected(report));
      expect(renderJson(report), sample).toBe(run.stdout);
    }
  });

  it('writes the fixture reports as JSON.stringify would', () => {
    for (const report of [REPORT, singleFeedReport(), reportOf([]), { summary: REPORT.summary, issues: [] }]) expect(renderJson(report)).toBe(expected(report));
  });

  it('writes 5,000 generated issues with hostile strings as JSON.stringify would, whole and in chunks', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const report = reportOf(generatedIssues(seed, 1_000));
      const want = expected(report);
      expect(renderJson(report)).toBe(want);
      expect([...renderJsonChunks(report, 37)].join('')).toBe(want);
    }
  });

  it('writes each issue as JSON.stringify would, one at a time (a failure names the issue)', () => {
    for (const issue of generatedIssues(99, 2_000)) {
      const report = reportOf([issue]);
      expect(renderJson(report)).toBe(expected(report));
    }
  });
});

/** Items outside the flat shape: each is left to JSON.stringify, with its neighbours. */
class Finding {
  constructor(readonly code: string) {}
}

const ODD_ITEMS: ReadonlyArray<[string, unknown]> = [
  ['a nested object', { code: 'a', params: { limit: 3, list: [1, 'x'] } }],
  ['an array value', { code: 'a', path: ['Visible', 'Clothing'] }],
  ['an empty object', {}],
  ['an object of undefined only', { hint: undefined }],
  ['a null value', { code: 'a', hint: null }],
  ['booleans', { code: 'a', fixed: true, seen: false }],
  ['a function value (left out)', { code: 'a', f: () => 1 }],
  ['a symbol value (left out)', { code: 'a', s: Symbol('s') }],
  ['a Date (toJSON)', { code: 'a', at: new Date(0) }],
  ['an own toJSON', { code: 'a', toJSON: () => ({ replaced: true }) }],
  ['an integer-like key', { code: 'a', 7: 'seven', 10: 'ten' }],
  ['a key that needs escaping', { 'co"de\n': 'a', '\ud800': 1 }],
  ['a class instance', new Finding('a')],
  ['a null-prototype object', Object.assign(Object.create(null) as object, { code: 'a' })],
  ['null', null],
  ['undefined (null in a list)', undefined],
  ['a string', 'text "quoted"'],
  ['a number', 12],
  ['a nested list', [{ code: 'a' }, []]],
  ['a boxed string', Object('boxed')],
];

describe('listItemsText', () => {
  it.each(ODD_ITEMS)('leaves %s to JSON.stringify, byte for byte', (_name, odd) => {
    const items = [{ code: 'before', record: 1 }, odd, { code: 'after', record: 2 }];
    expect(expected(reportOf(items))).toBe(renderJson(reportOf(items)));
    // The list's items as JSON.stringify nests them at `pad`: cut out of the list, every line indented.
    for (const pad of ['', '  ', '    ']) expect(listItemsText(items, pad)).toBe(JSON.stringify(items, null, 2).slice(1, -2).replace(/\n/g, `\n${pad}`));
  });

  it('is empty for no items', () => {
    expect(listItemsText([], '  ')).toBe('');
  });

  it('ignores enumerable keys added to Object.prototype, as JSON.stringify does', () => {
    const proto = Object.prototype as Record<string, unknown>;
    const report = reportOf(generatedIssues(7, 50));
    try {
      proto['hint'] = 'polluted';
      proto['extra'] = 'polluted';
      expect(renderJson(report)).toBe(expected(report));
    } finally {
      delete proto['hint'];
      delete proto['extra'];
    }
  });

  it('honours a toJSON added to Object.prototype, as JSON.stringify does', () => {
    const report = reportOf(generatedIssues(8, 20));
    const want = expected(report);
    try {
      Object.defineProperty(Object.prototype, 'toJSON', { value: function toJSON(this: unknown) { return this; }, configurable: true, writable: true });
      expect(renderJson(report)).toBe(expected(report));
    } finally {
      delete (Object.prototype as Record<string, unknown>)['toJSON'];
    }
    expect(renderJson(report)).toBe(want);
  });

  it('writes a string of 10 million characters', () => {
    const message = '"\\\u2028\ud800'.repeat(2_500_000);
    const report = reportOf([{ code: 'a', message }]);
    expect(renderJson(report)).toBe(expected(report));
  });
});
