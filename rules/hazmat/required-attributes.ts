// hazmat.required_attributes: chemicals, aerosols, pesticides and lithium or lead-acid batteries go through
// Walmart's hazmat review, which needs the safety data sheet and battery details the item's spec asks for.
import type { RecordView, RuleFinding } from '../../src/core/rule.js';
import { defineRecordRule } from '../../src/core/rule.js';
import { NO_FINDINGS } from '../no-findings.js';
import { BATTERY_TYPE, batteryTypes, formatTypes, isLeadAcid, isLithium, isYes } from './battery-types.js';

export const CHEMICAL = 'chemicalAerosolPesticide';

// A chemical with no battery has no battery size or count to give, so each trigger asks only for what applies to it.
const CHEMICAL_TARGETS = ['safetyDataSheet', 'numberOfHazardousComponents'] as const;
const BATTERY_TARGETS = [
  'safetyDataSheet',
  'hasBatteries',
  'batterySize',
  'numberOfHazardousComponents',
  'batteryCount',
  'batteryPackagingType',
] as const;
const LITHIUM_TARGETS = ['lithiumBatteryEnergyContent', 'lithiumBatteryWeight'] as const;

interface Trigger {
  attribute: string;
  /** The value seen, as shown in the message. */
  value: string;
  targets: readonly string[];
}

function triggersOf(record: RecordView): Trigger[] {
  const triggers: Trigger[] = [];
  const chemical = record.get(CHEMICAL);
  if (isYes(chemical)) triggers.push({ attribute: CHEMICAL, value: String(chemical), targets: CHEMICAL_TARGETS });
  const types = batteryTypes(record.get(BATTERY_TYPE));
  const hazardous = types.filter((t) => isLithium(t) || isLeadAcid(t));
  if (hazardous.length > 0) {
    const targets = hazardous.some(isLithium) ? [...BATTERY_TARGETS, ...LITHIUM_TARGETS] : BATTERY_TARGETS;
    triggers.push({ attribute: BATTERY_TYPE, value: formatTypes(types), targets });
  }
  return triggers;
}

export default defineRecordRule({
  id: 'hazmat.required_attributes',
  pack: 'hazmat',
  severity: 'error',
  description:
    'Items with chemicals, aerosols, pesticides or lithium/lead-acid batteries must give the hazmat attributes their spec defines.',
  needs: [],
  // Attaching also needs one of the targets to be defined; needs/needsAnyOf hold one list, so check() tests that.
  needsAnyOf: [CHEMICAL, BATTERY_TYPE],
  check(record) {
    const triggers = triggersOf(record);
    if (triggers.length === 0) return NO_FINDINGS;
    const findings: RuleFinding[] = [];
    const seen = new Set<string>();
    for (const trigger of triggers) {
      for (const target of trigger.targets) {
        if (seen.has(target) || !record.defines(target)) continue;
        seen.add(target);
        if (record.has(target)) continue;
        findings.push({ attribute: target, params: { trigger: trigger.attribute, value: trigger.value } });
      }
    }
    return findings;
  },
  message(finding, titleOf) {
    const { trigger, value } = finding.params;
    return `${titleOf(finding.attribute)} is required because ${titleOf(String(trigger))} is "${String(value)}".`;
  },
  hint(finding, titleOf) {
    const trigger = String(finding.params.trigger);
    const why =
      trigger === CHEMICAL
        ? 'Walmart reviews chemicals, aerosols and pesticides as hazardous materials'
        : 'Walmart reviews lithium and lead-acid batteries as hazardous materials';
    return `Fill in ${titleOf(finding.attribute)}; ${why}. If ${titleOf(trigger)} is wrong, correct it instead.`;
  },
});
