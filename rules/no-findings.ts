// What a record rule returns when it finds nothing: one shared empty list. Most rules find nothing in most records,
// and a new empty array per rule per record is garbage to collect. Frozen, so code that tried to add to it would fail.
import type { RuleFinding } from '../src/core/rule.js';

export const NO_FINDINGS: RuleFinding[] = Object.freeze([]) as unknown as RuleFinding[];
