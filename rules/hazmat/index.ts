// The hazmat pack, in run order.
import type { Rule } from '../../src/core/rule.js';
import requiredAttributes from './required-attributes.js';
import hasBatteriesContradiction from './has-batteries-contradiction.js';

const hazmat: readonly Rule[] = [requiredAttributes, hasBatteriesContradiction];

export default hazmat;
