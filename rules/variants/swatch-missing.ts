// variants.swatch_missing: once an item gives swatches, each visual variant attribute needs one, or the
// selector shows a swatch for some choices and a plain label for others.
import type { RuleFinding } from '../../src/core/rule.js';
import { defineRecordRule, isPresent } from '../../src/core/rule.js';
import { NO_FINDINGS } from '../no-findings.js';
import { NAMES, SWATCHES, lowerNamesOf, namesOf } from './members.js';

// Attributes whose choices a shopper tells apart by look; size or count needs no swatch.
const VISUAL = new Set(
  ['color', 'pattern', 'accentColor', 'colorCategory', 'finish', 'material', 'character', 'sportsTeam'].map((a) => a.toLowerCase()),
);

/** Variant attributes that have a swatch with an image URL. */
function swatchedAttributes(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const covered: string[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { swatchVariantAttribute, swatchImageUrl } = item as Record<string, unknown>;
    if (typeof swatchVariantAttribute === 'string' && isPresent(swatchImageUrl)) covered.push(swatchVariantAttribute.trim());
  }
  return covered;
}

/** Whether a swatch with an image URL is for this attribute (given in lower case); case does not matter. */
function hasSwatchFor(value: unknown, key: string): boolean {
  if (!Array.isArray(value)) return false;
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { swatchVariantAttribute, swatchImageUrl } = item as Record<string, unknown>;
    if (typeof swatchVariantAttribute !== 'string') continue;
    // The usual swatch names the attribute as listed: no copy to trim and lower-case (`key` is both already).
    if ((swatchVariantAttribute === key || swatchVariantAttribute.trim().toLowerCase() === key) && isPresent(swatchImageUrl)) return true;
  }
  return false;
}

export default defineRecordRule({
  id: 'variants.swatch_missing',
  pack: 'variants',
  severity: 'warning',
  description: 'When Swatch Images are given, each visual variant attribute needs a swatch.',
  needs: [NAMES, SWATCHES],
  check(record) {
    const swatches = record.get(SWATCHES);
    if (!isPresent(swatches)) return NO_FINDINGS;
    let findings: RuleFinding[] | undefined;
    // The list of covered attributes is for the message, so it is made only for a finding (once, shared by all).
    let covered: string[] | undefined;
    const names = namesOf(record);
    const keys = lowerNamesOf(record);
    for (let i = 0; i < names.length; i++) {
      const key = keys[i] as string;
      if (!VISUAL.has(key) || hasSwatchFor(swatches, key)) continue;
      covered ??= swatchedAttributes(swatches);
      (findings ??= []).push({ attribute: SWATCHES, params: { missing: names[i], covered } });
    }
    return findings ?? NO_FINDINGS;
  },
  message(finding, titleOf) {
    const missing = String(finding.params.missing);
    const covered = finding.params.covered as string[];
    const seen = covered.length > 0 ? `it has swatches for "${covered.join(', ')}"` : 'none of its entries has a swatch attribute and image URL';
    return `${titleOf(SWATCHES)} has no swatch for ${titleOf(missing)}, which ${titleOf(NAMES)} lists; ${seen}.`;
  },
  hint(finding, titleOf) {
    return `Add a ${titleOf(SWATCHES)} entry with Swatch Variant Attribute "${String(finding.params.missing)}" and a swatch image URL.`;
  },
});
