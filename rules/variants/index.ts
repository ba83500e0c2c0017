// The variants pack, in run order: per-item checks first, then checks across each variant group.
import type { Rule } from '../../src/core/rule.js';
import namesMissing from './names-missing.js';
import missingAttributeValue from './missing-attribute-value.js';
import swatchMissing from './swatch-missing.js';
import noPrimary from './no-primary.js';
import twoPrimaries from './two-primaries.js';
import attributeNamesDiffer from './attribute-names-differ.js';
import duplicateCombination from './duplicate-combination.js';

const variants: readonly Rule[] = [
  namesMissing,
  missingAttributeValue,
  swatchMissing,
  noPrimary,
  twoPrimaries,
  attributeNamesDiffer,
  duplicateCombination,
];

export default variants;
