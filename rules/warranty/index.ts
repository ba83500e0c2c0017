// The warranty pack, in run order.
import type { Rule } from '../../src/core/rule.js';
import urlRequired from './url-required.js';
import textRequired from './text-required.js';

const warranty: readonly Rule[] = [urlRequired, textRequired];

export default warranty;
