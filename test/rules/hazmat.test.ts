// Hazmat pack: chemical and lithium/lead-acid triggers require hazmat attributes; battery answers must agree.
import { describe, expect, it } from 'vitest';
import type { RecordRule } from '../../src/core/rule.js';
import hazmat from '../../rules/hazmat/index.js';
import required from '../../rules/hazmat/required-attributes.js';
import contradiction from '../../rules/hazmat/has-batteries-contradiction.js';
import { fakeRecord } from '../helpers/record-view.js';

const TITLES: Record<string, string> = {
  chemicalAerosolPesticide: 'Contains Chemical, Aerosol or Pesticide?',
  batteryTechnologyType: 'Contained Battery Type',
  safetyDataSheet: 'Safety Data Sheet',
  hasBatteries: 'Batteries Included',
  batterySize: 'Battery Size',
  numberOfHazardousComponents: 'Number of Hazardous Components',
  lithiumBatteryEnergyContent: 'Lithium Battery Energy Content',
  lithiumBatteryWeight: 'Lithium Battery Weight',
  batteryCount: 'Battery Count',
  batteryPackagingType: 'Battery Packaging Type',
};

// MP_WFS_ITEM 4.2 defines these hazmat attributes; a v5-style spec adds the battery section.
const WFS_42 = ['chemicalAerosolPesticide', 'batteryTechnologyType', 'safetyDataSheet', 'hasBatteries', 'batterySize', 'numberOfHazardousComponents'];
const V5 = [...WFS_42, 'lithiumBatteryEnergyContent', 'lithiumBatteryWeight', 'batteryCount', 'batteryPackagingType'];

function run(rule: RecordRule, values: Record<string, unknown>, defines: readonly string[] = V5) {
  const record = fakeRecord(values, { index: 4, sku: 'H-1', defines, titles: TITLES });
  const titleOf = (a: string): string => record.title(a);
  return rule.check(record).map((f) => ({ ...f, message: rule.message(f, titleOf), hint: rule.hint?.(f, titleOf) }));
}

function attaches(r: { needs: readonly string[]; needsAnyOf?: readonly string[] }, defined: readonly string[]): boolean {
  const has = new Set(defined);
  return r.needs.every((a) => has.has(a)) && (r.needsAnyOf === undefined || r.needsAnyOf.some((a) => has.has(a)));
}

const COMPLETE = {
  safetyDataSheet: ['https://example.com/sds.pdf'],
  hasBatteries: 'Yes',
  batterySize: 'AA',
  numberOfHazardousComponents: 0,
  lithiumBatteryEnergyContent: { measure: 2, unit: 'Wh' },
  lithiumBatteryWeight: { measure: 0.01, unit: 'lb' },
  batteryCount: 2,
  batteryPackagingType: 'Packed with Equipment',
};

describe('hazmat pack', () => {
  it('lists its rules in order', () => {
    expect(hazmat.map((r) => r.id)).toEqual(['hazmat.required_attributes', 'hazmat.has_batteries_contradiction']);
  });
});

describe('hazmat.required_attributes', () => {
  it.each([
    [
      'chemical: SDS and hazardous components',
      { chemicalAerosolPesticide: 'Yes' },
      V5,
      ['safetyDataSheet', 'numberOfHazardousComponents'],
      'chemicalAerosolPesticide',
      'Yes',
    ],
    [
      'lithium: every battery attribute the spec defines',
      { batteryTechnologyType: 'Lithium Ion' },
      V5,
      ['safetyDataSheet', 'hasBatteries', 'batterySize', 'numberOfHazardousComponents', 'batteryCount', 'batteryPackagingType', 'lithiumBatteryEnergyContent', 'lithiumBatteryWeight'],
      'batteryTechnologyType',
      'Lithium Ion',
    ],
    [
      'lithium on MP_WFS 4.2: battery section not required where undefined',
      { batteryTechnologyType: 'Lithium Primary (Lithium Metal)' },
      WFS_42,
      ['safetyDataSheet', 'hasBatteries', 'batterySize', 'numberOfHazardousComponents'],
      'batteryTechnologyType',
      'Lithium Primary (Lithium Metal)',
    ],
    [
      'lead acid: no lithium attributes',
      { batteryTechnologyType: 'Lead Acid (Non-Spillable)', ...COMPLETE, hasBatteries: undefined, lithiumBatteryWeight: undefined },
      V5,
      ['hasBatteries'],
      'batteryTechnologyType',
      'Lead Acid (Non-Spillable)',
    ],
    [
      'lead-acid spelled with a hyphen, lower case',
      { batteryTechnologyType: 'lead-acid', ...COMPLETE, batteryCount: undefined },
      V5,
      ['batteryCount'],
      'batteryTechnologyType',
      'lead-acid',
    ],
    [
      'battery types as an array',
      { batteryTechnologyType: ['Alkaline', 'Lithium Ion'], ...COMPLETE, safetyDataSheet: [] },
      V5,
      ['safetyDataSheet'],
      'batteryTechnologyType',
      'Alkaline, Lithium Ion',
    ],
    [
      'chemical trigger wins for what both ask; battery trigger names the rest',
      { chemicalAerosolPesticide: 'Yes', batteryTechnologyType: 'Lithium Ion', ...COMPLETE, safetyDataSheet: undefined },
      V5,
      ['safetyDataSheet'],
      'chemicalAerosolPesticide',
      'Yes',
    ],
  ])('%s', (_name, values, defines, attributes, trigger, seen) => {
    const findings = run(required, values, defines);
    expect(findings.map((f) => f.attribute)).toEqual(attributes);
    for (const f of findings) {
      expect(f.code ?? required.id).toBe('hazmat.required_attributes');
      expect(f.severity ?? required.severity).toBe('error');
      expect(f.params.trigger).toBe(trigger);
      expect(f.message).toContain(TITLES[f.attribute]);
      expect(f.message).toContain(TITLES[trigger]);
      expect(f.message).toContain(`"${seen}"`);
    }
  });

  it.each([
    ['chemical No', { chemicalAerosolPesticide: 'No' }, V5],
    ['no battery', { batteryTechnologyType: 'Does Not Contain a Battery' }, V5],
    ['alkaline battery', { batteryTechnologyType: 'Alkaline' }, V5],
    ['nickel metal hydride', { batteryTechnologyType: ['Nickel Metal Hydride'] }, V5],
    ['lithium, all given', { batteryTechnologyType: 'Lithium Ion', ...COMPLETE }, V5],
    ['chemical, all given', { chemicalAerosolPesticide: 'Yes', safetyDataSheet: ['https://example.com/sds.pdf'], numberOfHazardousComponents: 1 }, V5],
    // MP_ITEM 4.3 defines the triggers but none of the chemical targets: nothing to require.
    ['chemical on a spec with no targets', { chemicalAerosolPesticide: 'Yes' }, ['chemicalAerosolPesticide', 'batteryTechnologyType']],
    ['no triggers', {}, V5],
  ])('passes: %s', (_name, values, defines) => {
    expect(run(required, values, defines)).toEqual([]);
  });

  it.each([
    ['chemical trigger only', ['chemicalAerosolPesticide', 'safetyDataSheet'], true],
    ['battery trigger only', ['batteryTechnologyType', 'batterySize'], true],
    ['no trigger defined', ['safetyDataSheet', 'hasBatteries', 'batterySize'], false],
  ])('needsAnyOf decides attachment: %s', (_name, defined, expected) => {
    expect(required.needsAnyOf).toEqual(['chemicalAerosolPesticide', 'batteryTechnologyType']);
    expect(attaches(required, defined)).toBe(expected);
  });
});

describe('hazmat.has_batteries_contradiction', () => {
  it.each([
    ['lithium but no batteries', { batteryTechnologyType: 'Lithium Ion', hasBatteries: 'No' }, 'No', 'Lithium Ion'],
    ['alkaline but no batteries', { batteryTechnologyType: ['Alkaline'], hasBatteries: 'no' }, 'no', 'Alkaline'],
    ['no battery but batteries included', { batteryTechnologyType: 'Does Not Contain a Battery', hasBatteries: 'Yes' }, 'Yes', 'Does Not Contain a Battery'],
  ])('warns: %s', (_name, values, seen, type) => {
    const findings = run(contradiction, values);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f?.attribute).toBe('hasBatteries');
    expect(f?.code ?? contradiction.id).toBe('hazmat.has_batteries_contradiction');
    expect(f?.severity ?? contradiction.severity).toBe('warning');
    expect(f?.message).toContain('Batteries Included');
    expect(f?.message).toContain(`"${seen}"`);
    expect(f?.message).toContain(`"${type}"`);
  });

  it.each([
    ['lithium, batteries included', { batteryTechnologyType: 'Lithium Ion', hasBatteries: 'Yes' }],
    ['no battery, none included', { batteryTechnologyType: 'Does Not Contain a Battery', hasBatteries: 'No' }],
    ['battery type without answer', { batteryTechnologyType: 'Lithium Ion' }],
    ['answer without battery type', { hasBatteries: 'No' }],
  ])('passes: %s', (_name, values) => {
    expect(run(contradiction, values)).toEqual([]);
  });

  it('needs both attributes', () => {
    expect(attaches(contradiction, ['batteryTechnologyType', 'hasBatteries'])).toBe(true);
    // MP_ITEM 4.3 has the battery type but no Batteries Included.
    expect(attaches(contradiction, ['batteryTechnologyType', 'batterySize'])).toBe(false);
  });
});
