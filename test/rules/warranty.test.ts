// Warranty pack: a Has Written Warranty answer makes Warranty URL or Warranty Text required.
import { describe, expect, it } from 'vitest';
import type { RecordRule } from '../../src/core/rule.js';
import warranty from '../../rules/warranty/index.js';
import urlRequired from '../../rules/warranty/url-required.js';
import textRequired from '../../rules/warranty/text-required.js';
import { fakeRecord } from '../helpers/record-view.js';

const TITLES = { has_written_warranty: 'Has Written Warranty', warrantyURL: 'Warranty URL', warrantyText: 'Warranty Text' };
const DEFINES = ['has_written_warranty', 'warrantyURL', 'warrantyText'];

function run(rule: RecordRule, values: Record<string, unknown>) {
  const record = fakeRecord(values, { index: 7, sku: 'W-1', defines: DEFINES, titles: TITLES });
  const titleOf = (a: string): string => record.title(a);
  return rule.check(record).map((f) => ({
    ...f,
    message: rule.message(f, titleOf),
    hint: rule.hint?.(f, titleOf),
  }));
}

/** The documented attachment test: every `needs` attribute, and one of `needsAnyOf` when given. */
function attaches(rule: { needs: readonly string[]; needsAnyOf?: readonly string[] }, defined: readonly string[]): boolean {
  const has = new Set(defined);
  return rule.needs.every((a) => has.has(a)) && (rule.needsAnyOf === undefined || rule.needsAnyOf.some((a) => has.has(a)));
}

describe('warranty pack', () => {
  it('lists its rules in order, one per code', () => {
    expect(warranty.map((r) => r.id)).toEqual(['warranty.url_required', 'warranty.text_required']);
    expect(warranty.every((r) => r.scope === 'record' && r.pack === 'warranty' && r.severity === 'error')).toBe(true);
  });

  it.each([
    ['url_required', urlRequired, { has_written_warranty: 'Yes - Warranty URL' }, 'warrantyURL', 'Warranty URL', 'Yes - Warranty URL'],
    ['url_required, blank URL', urlRequired, { has_written_warranty: 'Yes - Warranty URL', warrantyURL: '  ' }, 'warrantyURL', 'Warranty URL', 'Yes - Warranty URL'],
    ['url_required, loose spelling', urlRequired, { has_written_warranty: 'yes – warranty url' }, 'warrantyURL', 'Warranty URL', 'yes – warranty url'],
    ['url_required, only text given', urlRequired, { has_written_warranty: 'Yes - Warranty URL', warrantyText: '1 year' }, 'warrantyURL', 'Warranty URL', 'Yes - Warranty URL'],
    ['text_required', textRequired, { has_written_warranty: 'Yes - Warranty Text' }, 'warrantyText', 'Warranty Text', 'Yes - Warranty Text'],
    ['text_required, empty text', textRequired, { has_written_warranty: 'Yes - Warranty Text', warrantyText: '' }, 'warrantyText', 'Warranty Text', 'Yes - Warranty Text'],
  ])('%s: flags the missing attribute', (_name, rule, values, attribute, title, seen) => {
    const findings = run(rule, values);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f?.attribute).toBe(attribute);
    expect(f?.code ?? rule.id).toBe(rule.id);
    expect(f?.severity ?? rule.severity).toBe('error');
    expect(f?.message).toContain(title);
    expect(f?.message).toContain('Has Written Warranty');
    expect(f?.message).toContain(`"${seen}"`);
    expect(f?.hint).toContain(title);
  });

  it.each([
    ['url_required, URL given', urlRequired, { has_written_warranty: 'Yes - Warranty URL', warrantyURL: 'https://example.com/w' }],
    ['url_required, answer is text', urlRequired, { has_written_warranty: 'Yes - Warranty Text' }],
    ['url_required, answer is No', urlRequired, { has_written_warranty: 'No' }],
    ['url_required, no answer', urlRequired, {}],
    ['text_required, text given', textRequired, { has_written_warranty: 'Yes - Warranty Text', warrantyText: '1 year parts' }],
    ['text_required, answer is URL', textRequired, { has_written_warranty: 'Yes - Warranty URL' }],
    ['text_required, answer is No', textRequired, { has_written_warranty: 'No' }],
  ])('%s: passes', (_name, rule, values) => {
    expect(run(rule, values)).toEqual([]);
  });

  it.each([
    ['url_required', urlRequired, ['has_written_warranty', 'warrantyURL']],
    ['text_required', textRequired, ['has_written_warranty', 'warrantyText']],
  ])('%s needs the Yes/No question and its target', (_name, rule, needs) => {
    expect(rule.needs).toEqual(expect.arrayContaining(needs));
  });

  it.each([
    ['MP_ITEM 4.3 (no Yes/No question)', ['warrantyURL', 'warrantyText', 'prop65WarningText'], false],
    ['v5-style spec', ['has_written_warranty', 'warrantyURL', 'warrantyText'], true],
  ])('attaches to %s: %s', (_name, defined, expected) => {
    expect(warranty.map((r) => attaches(r, defined))).toEqual([expected, expected]);
  });
});
