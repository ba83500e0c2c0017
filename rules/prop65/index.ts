// The California Prop 65 pack, in run order.
import type { Rule } from '../../src/core/rule.js';
import warningTextRequired from './warning-text-required.js';

const prop65: readonly Rule[] = [warningTextRequired];

export default prop65;
