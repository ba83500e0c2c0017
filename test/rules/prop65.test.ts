// Prop 65 pack: "Yes" to Is Prop 65 Warning Required makes Prop 65 Warning Text required.
import { describe, expect, it } from 'vitest';
import prop65 from '../../rules/prop65/index.js';
import rule from '../../rules/prop65/warning-text-required.js';
import { fakeRecord } from '../helpers/record-view.js';

const TITLES = { isProp65WarningRequired: 'Is Prop 65 Warning Required', prop65WarningText: 'Prop 65 Warning Text' };

function run(values: Record<string, unknown>) {
  const record = fakeRecord(values, { index: 3, defines: Object.keys(TITLES), titles: TITLES });
  const titleOf = (a: string): string => record.title(a);
  return rule.check(record).map((f) => ({ ...f, message: rule.message(f, titleOf), hint: rule.hint?.(f, titleOf) }));
}

function attaches(r: { needs: readonly string[]; needsAnyOf?: readonly string[] }, defined: readonly string[]): boolean {
  const has = new Set(defined);
  return r.needs.every((a) => has.has(a)) && (r.needsAnyOf === undefined || r.needsAnyOf.some((a) => has.has(a)));
}

describe('prop65.warning_text_required', () => {
  it('is the pack', () => {
    expect(prop65).toEqual([rule]);
    expect(rule.id).toBe('prop65.warning_text_required');
    expect(rule.severity).toBe('error');
  });

  it.each([
    ['text missing', { isProp65WarningRequired: 'Yes' }, undefined],
    ['text blank', { isProp65WarningRequired: 'Yes', prop65WarningText: ' ' }, undefined],
    ['answer in lower case', { isProp65WarningRequired: 'yes' }, undefined],
    ['placeholder text', { isProp65WarningRequired: 'Yes', prop65WarningText: 'None' }, 'None'],
    ['N/A text', { isProp65WarningRequired: 'Yes', prop65WarningText: 'N/A' }, 'N/A'],
  ])('flags %s', (_name, values, placeholder) => {
    const findings = run(values);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f?.attribute).toBe('prop65WarningText');
    expect(f?.code ?? rule.id).toBe('prop65.warning_text_required');
    expect(f?.severity ?? rule.severity).toBe('error');
    expect(f?.message).toContain('Prop 65 Warning Text');
    expect(f?.message).toContain('Is Prop 65 Warning Required');
    expect(f?.message).toContain(`"${values.isProp65WarningRequired}"`);
    if (placeholder !== undefined) expect(f?.message).toContain(`"${placeholder}"`);
    expect(f?.hint).toContain('"No"');
  });

  it.each([
    ['text given', { isProp65WarningRequired: 'Yes', prop65WarningText: 'WARNING: This product can expose you to lead.' }],
    ['answer No', { isProp65WarningRequired: 'No', prop65WarningText: 'None' }],
    ['answer No, no text', { isProp65WarningRequired: 'No' }],
    ['no answer', {}],
  ])('passes when %s', (_name, values) => {
    expect(run(values)).toEqual([]);
  });

  it.each([
    ['MP_ITEM 4.3 (text only)', ['prop65WarningText'], false],
    ['v5-style spec', ['isProp65WarningRequired', 'prop65WarningText'], true],
  ])('attaches to %s: %s', (_name, defined, expected) => {
    expect(rule.needs).toContain('isProp65WarningRequired');
    expect(attaches(rule, defined)).toBe(expected);
  });
});
