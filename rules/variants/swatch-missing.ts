// variants.swatch_missing: once an item gives swatches, each visual variant attribute needs one, or the
// selector shows a swatch for some choices and a plain label for others.
import type { RuleFinding } from '../../src/core/rule.js';
import { defineRecordRule, isPresent } from '../../src/core/rule.js';
import { NO_FINDINGS } from '../no-findings.js';
import { NAMES, SWATCHES, lowerNamesOf, namesOf } from './members.js';
import { hasText } from './trimmed.js';

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

/** isPresent, with the usual text (a URL) told from its first and last characters rather than a trimmed copy. */
function isGiven(value: unknown): boolean {
  return typeof value === 'string' ? hasText(value) : isPresent(value);
}

/** Whether a swatch with an image URL is for this attribute (given in lower case); case does not matter. */
function hasSwatchFor(value: unknown, key: string): boolean {
  if (!Array.isArray(value)) return false;
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { swatchVariantAttribute, swatchImageUrl } = item as Record<string, unknown>;
    if (typeof swatchVariantAttribute !== 'string') continue;
    // The usual swatch names the attribute as listed: no copy to trim and lower-case (`key` is both already).
    if ((swatchVariantAttribute === key || swatchVariantAttribute.trim().toLowerCase() === key) && isGiven(swatchImageUrl)) return true;
  }
  return false;
}

/** The last list of lower-case names seen (lowerNamesOf hands out the same list while the names stay the same). */
let lastKeys: readonly string[] | undefined;
/** The positions of its visual attributes. */
let lastVisual: readonly number[] = [];

/** Where the visual attributes are in the names: worked out once per list of names, not once per record. */
function visualOf(keys: readonly string[]): readonly number[] {
  if (keys !== lastKeys) {
    const visual: number[] = [];
    for (let i = 0; i < keys.length; i++) if (VISUAL.has(keys[i] as string)) visual.push(i);
    lastKeys = keys;
    lastVisual = visual;
  }
  return lastVisual;
}

export default defineRecordRule({
  id: 'variants.swatch_missing',
  pack: 'variants',
  severity: 'warning',
  description: 'When Swatch Images are given, each visual variant attribute needs a swatch.',
  needs: [NAMES, SWATCHES],
  check(record) {
    // Without a visual attribute there is nothing to ask of the swatches: they are not read.
    const keys = lowerNamesOf(record);
    const visual = visualOf(keys);
    if (visual.length === 0) return NO_FINDINGS;
    const swatches = record.get(SWATCHES);
    if (!isPresent(swatches)) return NO_FINDINGS;
    let findings: RuleFinding[] | undefined;
    // The list of covered attributes is for the message, so it is made only for a finding (once, shared by all).
    let covered: string[] | undefined;
    for (let v = 0; v < visual.length; v++) {
      const i = visual[v] as number;
      if (hasSwatchFor(swatches, keys[i] as string)) continue;
      covered ??= swatchedAttributes(swatches);
      (findings ??= []).push({ attribute: SWATCHES, params: { missing: namesOf(record)[i], covered } });
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
