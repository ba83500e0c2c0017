// The key that tells whether two items of a variant group are the same combination: their variant attribute names and
// normalised values together. Built for every item in a group, so the usual two names cost one join of four texts.
import { sameTexts } from './members.js';
import { setKey } from './set-key.js';

/**
 * Two names whose pairs sort the same whatever the values (they differ before either ends): the key's fixed texts,
 * "a=" before the first value and NUL "b=" before the second, and whether the second name's value comes first.
 */
interface TwoNamePlan {
  head: string;
  middle: string;
  swap: boolean;
}

/** The last two names planned (a copy: the caller's list may change), and their plan. */
let lastNames: readonly string[] = [];
let lastPlan: TwoNamePlan | undefined;

function planOf(l1: string, l2: string): TwoNamePlan | undefined {
  if (l1 === l2 || l1.startsWith(l2) || l2.startsWith(l1)) return undefined;
  const [a, b] = l1 < l2 ? [l1, l2] : [l2, l1];
  return { head: [a, '='].join(''), middle: ['\u0000', b, '='].join(''), swap: a !== l1 };
}

/**
 * Names and normalised values together, so items varying by different attributes never match; undefined when a value
 * is blank. The key is the set of "name=value" pairs, sorted and joined (see set-key.ts); for the usual one or two
 * names it is built in one join, without making the pairs first.
 */
export function combinationKey(lowerNames: readonly string[], values: ReadonlyArray<string | undefined>): string | undefined {
  // A missing value is variants.missing_attribute_value's finding, and blanks would match each other.
  for (const value of values) if (value === undefined) return undefined;
  if (lowerNames.length === 1) return [lowerNames[0] as string, values[0] as string].join('=');
  if (lowerNames.length === 2) {
    if (!sameTexts(lowerNames, lastNames)) {
      lastNames = lowerNames.slice();
      lastPlan = planOf(lowerNames[0] as string, lowerNames[1] as string);
    }
    const plan = lastPlan;
    if (plan !== undefined) return plan.swap ? [plan.head, values[1], plan.middle, values[0]].join('') : [plan.head, values[0], plan.middle, values[1]].join('');
    const l1 = lowerNames[0] as string;
    const v1 = values[0] as string;
    const l2 = lowerNames[1] as string;
    const v2 = values[1] as string;
    const order = pairOrder(l1, v1, l2, v2);
    if (order === 0) return [l1, v1].join('=');
    return (order < 0 ? [l1, '=', v1, '\u0000', l2, '=', v2] : [l2, '=', v2, '\u0000', l1, '=', v1]).join('');
  }
  return setKey(
    lowerNames.map((name, i) => [name, values[i] as string].join('=')),
    '\u0000',
  );
}

/** How "l1=v1" sorts against "l2=v2" (negative, 0, positive), mostly without building them. */
function pairOrder(l1: string, v1: string, l2: string, v2: string): number {
  if (l1 === l2) return v1 === v2 ? 0 : v1 < v2 ? -1 : 1;
  // Names that differ before either ends sort as the pairs do; when one name starts the other, "=" meets a
  // character of the longer name, so the pairs themselves are compared.
  if (!l1.startsWith(l2) && !l2.startsWith(l1)) return l1 < l2 ? -1 : 1;
  const p1 = `${l1}=${v1}`;
  const p2 = `${l2}=${v2}`;
  return p1 === p2 ? 0 : p1 < p2 ? -1 : 1;
}
