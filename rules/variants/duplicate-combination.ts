// variants.duplicate_combination: two items of a group with the same values for every variant attribute are
// indistinguishable in the selector; Walmart keeps one, so the later ones are flagged against the earliest.
import type { RuleFinding } from '../../src/core/rule.js';
import { defineFeedRule } from '../../src/core/rule.js';
import type { Groups, MemberRef } from './members.js';
import { GROUP_ID, NAMES, addMember, describeRef, groupIdOf, namesOf, placeOn, refOf } from './members.js';
import { displayValue, normaliseValue } from './values.js';

interface ComboMember extends MemberRef {
  names: string[];
  /** The values as shown to the merchandiser, in the order of names. */
  shown: string[];
  /** Names and normalised values together, so items varying by different attributes never match. */
  key: string;
}

export default defineFeedRule<Groups<ComboMember>>({
  id: 'variants.duplicate_combination',
  pack: 'variants',
  severity: 'error',
  description: 'No two items of a variant group may have the same values for all variant attributes.',
  needs: [GROUP_ID, NAMES],
  start: () => new Map(),
  visit(groups, record) {
    const groupId = groupIdOf(record);
    const names = namesOf(record);
    if (groupId === undefined || names.length === 0) return;
    const pairs: string[] = [];
    for (const name of names) {
      const value = normaliseValue(record.get(name));
      // A missing value is variants.missing_attribute_value's finding, and blanks would match each other.
      if (value === undefined) return;
      pairs.push(`${name.toLowerCase()}=${value}`);
    }
    const key = [...new Set(pairs)].sort().join('\u0000');
    addMember(groups, groupId, { ...refOf(record), names, shown: names.map((n) => displayValue(record.get(n))), key });
  },
  finish(groups) {
    const findings: RuleFinding[] = [];
    for (const [groupId, members] of groups) {
      const firstByKey = new Map<string, ComboMember>();
      for (const m of members) {
        const earlier = firstByKey.get(m.key);
        if (earlier === undefined) {
          firstByKey.set(m.key, m);
          continue;
        }
        findings.push({
          // The finding sits on the first variant attribute: its cell is where the merchandiser will change a value.
          attribute: m.names[0] ?? NAMES,
          ...placeOn(m),
          params: { groupId, names: m.names, values: m.shown, earlierRecord: earlier.record, earlierSku: earlier.sku },
        });
      }
    }
    return findings;
  },
  message(finding, titleOf) {
    const { groupId, earlierRecord, earlierSku } = finding.params;
    const names = finding.params.names as string[];
    const values = finding.params.values as string[];
    const combo = names.map((n, i) => `${titleOf(n)} "${values[i] ?? ''}"`).join(', ');
    return `${combo} repeats the combination of ${describeRef(earlierRecord, earlierSku)} in variant group "${String(groupId)}".`;
  },
  hint() {
    return 'Each item of a variant group must differ in at least one variant attribute: correct the values, or remove the duplicate item.';
  },
});
