// Variants pack: per-item checks and checks across each variant group.
import { describe, expect, it } from 'vitest';
import type { FeedRule, RecordRule, RecordView, RuleFinding } from '../../src/core/rule.js';
import variants from '../../rules/variants/index.js';
import namesMissing from '../../rules/variants/names-missing.js';
import missingAttributeValue from '../../rules/variants/missing-attribute-value.js';
import swatchMissing from '../../rules/variants/swatch-missing.js';
import noPrimary from '../../rules/variants/no-primary.js';
import twoPrimaries from '../../rules/variants/two-primaries.js';
import attributeNamesDiffer from '../../rules/variants/attribute-names-differ.js';
import duplicateCombination from '../../rules/variants/duplicate-combination.js';
import { fakeRecord } from '../helpers/record-view.js';
import { givenValuesOf, groupIdOf, lowerNamesOf, namesOf } from '../../rules/variants/members.js';

const TITLES: Record<string, string> = {
  variantGroupId: 'Variant Group ID',
  variantAttributeNames: 'Variant Attribute Names',
  isPrimaryVariant: 'Is Primary Variant',
  swatchImages: 'Swatch Images',
  color: 'Color',
  size: 'Size',
  pattern: 'Pattern',
  assembledProductHeight: 'Assembled Product Height',
};
const titleOf = (a: string): string => TITLES[a] ?? a;
const DEFINES = Object.keys(TITLES);

type Values = Record<string, unknown>;

function item(index: number, values: Values): RecordView {
  return fakeRecord(values, { index, sku: `V-${index}`, defines: DEFINES, titles: TITLES });
}

function items(...values: Values[]): RecordView[] {
  return values.map((v, i) => item(i + 1, v));
}

interface Seen extends RuleFinding {
  message: string;
}

function runFeed<S>(rule: FeedRule<S>, records: readonly RecordView[]): Seen[] {
  const s = rule.start();
  records.forEach((r) => rule.visit(s, r));
  return rule.finish(s).map((f) => ({ ...f, message: rule.message(f, titleOf) }));
}

function runRecord(rule: RecordRule, values: Values): Seen[] {
  const record = item(1, values);
  return rule.check(record).map((f) => ({ ...f, message: rule.message(f, titleOf) }));
}

function attaches(r: { needs: readonly string[]; needsAnyOf?: readonly string[] }, defined: readonly string[]): boolean {
  const has = new Set(defined);
  return r.needs.every((a) => has.has(a)) && (r.needsAnyOf === undefined || r.needsAnyOf.some((a) => has.has(a)));
}

const member = (group: string, primary: string | undefined, extra: Values = {}): Values => ({
  variantGroupId: group,
  variantAttributeNames: ['color', 'size'],
  isPrimaryVariant: primary,
  ...extra,
});

describe('variants pack', () => {
  it('lists record rules before feed rules, one rule per code', () => {
    expect(variants.map((r) => r.id)).toEqual([
      'variants.names_missing',
      'variants.missing_attribute_value',
      'variants.swatch_missing',
      'variants.no_primary',
      'variants.two_primaries',
      'variants.attribute_names_differ',
      'variants.duplicate_combination',
    ]);
    expect(variants.map((r) => r.scope)).toEqual(['record', 'record', 'record', 'feed', 'feed', 'feed', 'feed']);
  });

  it.each([
    ['MP_ITEM 4.3 type with variants', ['variantGroupId', 'variantAttributeNames', 'isPrimaryVariant', 'swatchImages'], true],
    ['type without variant attributes', ['color', 'size'], false],
  ])('attaches to %s: %s', (_name, defined, expected) => {
    expect(variants.every((r) => attaches(r, defined) === expected)).toBe(true);
  });

  it.each([
    [noPrimary.id, noPrimary.needs, ['variantGroupId', 'isPrimaryVariant']],
    [twoPrimaries.id, twoPrimaries.needs, ['variantGroupId', 'isPrimaryVariant']],
    [attributeNamesDiffer.id, attributeNamesDiffer.needs, ['variantGroupId', 'variantAttributeNames']],
    [duplicateCombination.id, duplicateCombination.needs, ['variantGroupId', 'variantAttributeNames']],
    [missingAttributeValue.id, missingAttributeValue.needs, ['variantGroupId', 'variantAttributeNames']],
    [namesMissing.id, namesMissing.needs, ['variantGroupId', 'variantAttributeNames']],
    [swatchMissing.id, swatchMissing.needs, ['variantAttributeNames', 'swatchImages']],
  ])('%s needs %j', (_id, needs, expected) => {
    expect([...needs].sort()).toEqual([...expected].sort());
  });
});

describe('variants.no_primary', () => {
  it.each([
    ['two members, both No', items(member('G1', 'No'), member('G1', 'No')), [1], 'error', '"No"'],
    ['blank answers', items(member('G1', undefined), member('G1', 'No')), [1], 'error', 'blank'],
    ['second group has none', items(member('G1', 'Yes'), member('G2', 'No'), member('G1', 'No'), member('G2', 'No')), [2], 'error', '"No"'],
    ['a lone member is only a warning', items(member('G1', 'No')), [1], 'warning', '"No"'],
  ])('flags %s', (_name, records, indices, severity, seen) => {
    const findings = runFeed(noPrimary, records);
    expect(findings.map((f) => f.record)).toEqual(indices);
    for (const f of findings) {
      expect(f.code ?? noPrimary.id).toBe('variants.no_primary');
      expect(f.severity ?? noPrimary.severity).toBe(severity);
      expect(f.attribute).toBe('isPrimaryVariant');
      expect(f.sku).toBe(`V-${f.record}`);
      expect(f.message).toContain('Is Primary Variant');
      expect(f.message).toContain(seen);
    }
  });

  it.each([
    ['one primary', items(member('G1', 'No'), member('G1', 'Yes'))],
    ['lower-case yes', items(member('G1', 'yes'), member('G1', 'No'))],
    ['a lone primary', items(member('G1', 'Yes'))],
    ['items outside groups', items({ isPrimaryVariant: 'No' }, { variantGroupId: ' ', isPrimaryVariant: 'No' })],
  ])('passes: %s', (_name, records) => {
    expect(runFeed(noPrimary, records)).toEqual([]);
  });
});

describe('variants.two_primaries', () => {
  it.each([
    ['two primaries', items(member('G1', 'Yes'), member('G1', 'No'), member('G1', 'Yes')), [3], 1],
    ['three primaries: every one after the first', items(member('G1', 'No'), member('G1', 'Yes'), member('G1', 'Yes'), member('G1', 'YES')), [3, 4], 2],
    ['per group', items(member('G1', 'Yes'), member('G2', 'Yes'), member('G2', 'Yes'), member('G1', 'No')), [3], 2],
  ])('flags %s', (_name, records, indices, firstPrimary) => {
    const findings = runFeed(twoPrimaries, records);
    expect(findings.map((f) => f.record)).toEqual(indices);
    for (const f of findings) {
      expect(f.code ?? twoPrimaries.id).toBe('variants.two_primaries');
      expect(f.severity ?? twoPrimaries.severity).toBe('error');
      expect(f.attribute).toBe('isPrimaryVariant');
      expect(f.sku).toBe(`V-${f.record}`);
      expect(f.message).toContain('Is Primary Variant');
      expect(f.message).toMatch(/"yes"/i);
      expect(f.message).toContain(`record ${firstPrimary} (SKU V-${firstPrimary})`);
    }
  });

  it.each([
    ['one primary', items(member('G1', 'Yes'), member('G1', 'No'))],
    ['no primary (no_primary reports it)', items(member('G1', 'No'), member('G1', 'No'))],
    ['one primary in each group', items(member('G1', 'Yes'), member('G2', 'Yes'))],
  ])('passes: %s', (_name, records) => {
    expect(runFeed(twoPrimaries, records)).toEqual([]);
  });
});

describe('variants.attribute_names_differ', () => {
  const names = (group: string, n: unknown): Values => ({ variantGroupId: group, variantAttributeNames: n });

  it.each([
    ['one member lacks size', items(names('G1', ['color', 'size']), names('G1', ['size', 'color']), names('G1', ['color'])), [3], 'color', 'color, size', 1],
    ['the majority wins over the first', items(names('G1', ['color']), names('G1', ['color', 'size']), names('G1', ['size', 'color'])), [1], 'color', 'color, size', 2],
    ['a tie goes to the first', items(names('G1', ['color']), names('G1', ['pattern'])), [2], 'pattern', 'color', 1],
  ])('flags %s', (_name, records, indices, seen, expected, refRecord) => {
    const findings = runFeed(attributeNamesDiffer, records);
    expect(findings.map((f) => f.record)).toEqual(indices);
    for (const f of findings) {
      expect(f.code ?? attributeNamesDiffer.id).toBe('variants.attribute_names_differ');
      expect(f.severity ?? attributeNamesDiffer.severity).toBe('error');
      expect(f.attribute).toBe('variantAttributeNames');
      expect(f.sku).toBe(`V-${f.record}`);
      expect(f.message).toContain('Variant Attribute Names');
      expect(f.message).toContain(`"${seen}"`);
      expect(f.message).toContain(`"${expected}"`);
      expect(f.message).toContain(`record ${refRecord}`);
    }
  });

  it.each([
    ['same set, other order and case', items(names('G1', ['color', 'size']), names('G1', ['Size', 'color']))],
    ['different groups may differ', items(names('G1', ['color']), names('G2', ['size']))],
    ['a member without names is names_missing', items(names('G1', ['color']), names('G1', []), names('G1', undefined))],
  ])('passes: %s', (_name, records) => {
    expect(runFeed(attributeNamesDiffer, records)).toEqual([]);
  });
});

describe('variants.duplicate_combination', () => {
  const v = (group: string, extra: Values, n: string[] = ['color', 'size']): Values => ({
    variantGroupId: group,
    variantAttributeNames: n,
    ...extra,
  });

  it.each([
    ['same values, different case and spacing', items(v('G1', { color: 'Red', size: 'M' }), v('G1', { color: ' red', size: 'm' })), [2], [1], 'color', ['Color', 'Size', '"red"']],
    ['arrays compared as sets', items(v('G1', { color: ['Blue', 'Red'], size: 'M' }), v('G1', { color: ['red', 'blue'], size: 'M' })), [2], [1], 'color', ['Color', '"red, blue"']],
    ['names in another order', items(v('G1', { color: 'Red', size: 'M' }), v('G1', { color: 'Red', size: 'M' }, ['size', 'color'])), [2], [1], 'size', ['Size', '"M"']],
    ['measures', items(v('G1', { assembledProductHeight: { measure: 10, unit: 'in' } }, ['assembledProductHeight']), v('G1', { assembledProductHeight: { unit: 'in', measure: '10' } }, ['assembledProductHeight'])), [2], [1], 'assembledProductHeight', ['Assembled Product Height', '"10 in"']],
    ['every later copy names the earliest', items(v('G1', { color: 'Red', size: 'M' }), v('G1', { color: 'Red', size: 'L' }), v('G1', { color: 'Red', size: 'M' }), v('G1', { color: 'RED', size: 'M' })), [3, 4], [1, 1], 'color', ['Color', 'Size "M"']],
  ])('flags %s', (_name, records, indices, earlier, attribute, inMessage) => {
    const findings = runFeed(duplicateCombination, records);
    expect(findings.map((f) => f.record)).toEqual(indices);
    findings.forEach((f, i) => {
      expect(f.code ?? duplicateCombination.id).toBe('variants.duplicate_combination');
      expect(f.severity ?? duplicateCombination.severity).toBe('error');
      expect(f.attribute).toBe(attribute);
      expect(f.sku).toBe(`V-${f.record}`);
      expect(f.params.earlierRecord).toBe(earlier[i]);
      expect(f.message).toContain(`record ${earlier[i]} (SKU V-${earlier[i]})`);
      for (const text of inMessage) expect(f.message).toContain(text);
    });
  });

  it.each([
    ['values differ', items(v('G1', { color: 'Red', size: 'M' }), v('G1', { color: 'Red', size: 'L' }))],
    ['same values in different groups', items(v('G1', { color: 'Red', size: 'M' }), v('G2', { color: 'Red', size: 'M' }))],
    ['blank values are missing_attribute_value', items(v('G1', { color: 'Red' }), v('G1', { color: 'Red', size: '' }))],
    ['different attributes never match', items(v('G1', { color: 'Red' }, ['color']), v('G1', { pattern: 'Red' }, ['pattern']))],
    ['no group', items({ variantAttributeNames: ['color'], color: 'Red' }, { variantAttributeNames: ['color'], color: 'Red' })],
  ])('passes: %s', (_name, records) => {
    expect(runFeed(duplicateCombination, records)).toEqual([]);
  });
});

describe('variants.missing_attribute_value', () => {
  it.each([
    ['color missing', { color: undefined, size: 'M' }, ['color']],
    ['color an empty array', { color: [], size: 'M' }, ['color']],
    ['both blank', { color: ' ', size: '' }, ['color', 'size']],
  ])('flags %s', (_name, values, attributes) => {
    const findings = runRecord(missingAttributeValue, member('G1', 'Yes', values));
    expect(findings.map((f) => f.attribute)).toEqual(attributes);
    for (const f of findings) {
      expect(f.code ?? missingAttributeValue.id).toBe('variants.missing_attribute_value');
      expect(f.severity ?? missingAttributeValue.severity).toBe('error');
      expect(f.message).toContain(titleOf(f.attribute));
      expect(f.message).toContain('Variant Attribute Names');
      expect(f.message).toContain('"color, size"');
    }
  });

  it.each([
    ['all given', member('G1', 'Yes', { color: ['Red'], size: 'M' })],
    ['measure given', { variantGroupId: 'G1', variantAttributeNames: ['assembledProductHeight'], assembledProductHeight: { measure: 3, unit: 'in' } }],
    ['no group', { variantAttributeNames: ['color'] }],
    ['no names (names_missing)', { variantGroupId: 'G1' }],
  ])('passes: %s', (_name, values) => {
    expect(runRecord(missingAttributeValue, values)).toEqual([]);
  });
});

describe('variants.names_missing', () => {
  it.each([
    ['names absent', { variantGroupId: 'G1' }, 'G1'],
    ['names empty', { variantGroupId: 'G7', variantAttributeNames: [] }, 'G7'],
    ['numeric group id', { variantGroupId: 889817835087, variantAttributeNames: [''] }, '889817835087'],
  ])('flags %s', (_name, values, groupId) => {
    const findings = runRecord(namesMissing, values);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f?.attribute).toBe('variantAttributeNames');
    expect(f?.code ?? namesMissing.id).toBe('variants.names_missing');
    expect(f?.severity ?? namesMissing.severity).toBe('error');
    expect(f?.message).toContain('Variant Attribute Names');
    expect(f?.message).toContain('Variant Group ID');
    expect(f?.message).toContain(`"${groupId}"`);
  });

  it.each([
    ['names given', { variantGroupId: 'G1', variantAttributeNames: ['color'] }],
    ['no group', {}],
    ['blank group', { variantGroupId: '', variantAttributeNames: [] }],
  ])('passes: %s', (_name, values) => {
    expect(runRecord(namesMissing, values)).toEqual([]);
  });
});

describe('variants.swatch_missing', () => {
  const swatch = (attribute: string, url = `https://example.com/${attribute}.jpg`) => ({ swatchVariantAttribute: attribute, swatchImageUrl: url });

  it.each([
    ['color not covered', { variantAttributeNames: ['color', 'size'], swatchImages: [swatch('size')] }, ['color'], '"size"'],
    ['swatch without image URL', { variantAttributeNames: ['color'], swatchImages: [swatch('color', '')] }, ['color'], 'none of its entries'],
    ['two visual attributes, one covered', { variantAttributeNames: ['color', 'pattern'], swatchImages: [swatch('color')] }, ['pattern'], '"color"'],
  ])('warns: %s', (_name, values, missing, seen) => {
    const findings = runRecord(swatchMissing, values);
    expect(findings.map((f) => f.params.missing)).toEqual(missing);
    for (const f of findings) {
      expect(f.attribute).toBe('swatchImages');
      expect(f.code ?? swatchMissing.id).toBe('variants.swatch_missing');
      expect(f.severity ?? swatchMissing.severity).toBe('warning');
      expect(f.message).toContain('Swatch Images');
      expect(f.message).toContain(titleOf(String(f.params.missing)));
      expect(f.message).toContain(seen);
    }
  });

  it.each([
    ['no swatches given', { variantAttributeNames: ['color'] }],
    ['color covered', { variantAttributeNames: ['color', 'size'], swatchImages: [swatch('Color')] }],
    ['only non-visual attributes', { variantAttributeNames: ['size'], swatchImages: [swatch('size')] }],
  ])('passes: %s', (_name, values) => {
    expect(runRecord(swatchMissing, values)).toEqual([]);
  });

  it('finds the visual attributes of each record as its names change, record after record', () => {
    // The visual attributes are worked out once per list of names: each record must still get its own list's.
    const records = items(
      { variantAttributeNames: ['color', 'size'], swatchImages: [swatch('size')] },
      { variantAttributeNames: ['color', 'size'], swatchImages: [swatch(' COLOR ')] },
      { variantAttributeNames: ['size', 'Pattern'], swatchImages: [swatch('size')] },
      { variantAttributeNames: ['size'], swatchImages: [swatch('size')] },
      { variantAttributeNames: ['Color', 'pattern'], swatchImages: [swatch('pattern')] },
      { variantAttributeNames: ['color', 'size'] },
      { variantAttributeNames: ['color', 'size'], swatchImages: [swatch('size')] },
    );
    expect(records.map((r) => swatchMissing.check(r).map((f) => f.params.missing))).toEqual([['color'], [], ['Pattern'], [], ['Color'], [], ['color']]);
  });
});

describe('what the variant rules read of a record', () => {
  it('is read again for each record, whichever reader asks first, and the values only of the record asked about', () => {
    const a = item(1, { variantGroupId: ' G1 ', variantAttributeNames: ['color', 'size'], color: 'Red', size: 'M' });
    const b = item(2, { variantGroupId: 42, variantAttributeNames: 'size; color', color: ['Blue'], size: '' });
    expect(lowerNamesOf(a)).toEqual(['color', 'size']);
    expect(givenValuesOf(b)).toEqual(['', ['Blue']]);
    expect(groupIdOf(a)).toBe('G1');
    expect(givenValuesOf(a)).toEqual(['Red', 'M']);
    expect(namesOf(b)).toEqual(['size', 'color']);
    expect(groupIdOf(b)).toBe('42');
    expect(givenValuesOf(b)).toEqual(['', ['Blue']]);
    expect(lowerNamesOf(b)).toEqual(['size', 'color']);
    expect(namesOf(a)).toEqual(['color', 'size']);
    expect(givenValuesOf(a)).toEqual(['Red', 'M']);
  });
});
