// hazmat.has_batteries_contradiction: Contained Battery Type and Batteries Included disagree, so one of them
// is wrong and the item may skip (or wrongly get) the battery hazmat review.
import { defineRecordRule } from '../../src/core/rule.js';
import { NO_FINDINGS } from '../no-findings.js';
import { BATTERY_TYPE, NO_BATTERY, batteryTypes, formatTypes, isNo, isNoBattery, isYes } from './battery-types.js';

const HAS_BATTERIES = 'hasBatteries';

export default defineRecordRule({
  id: 'hazmat.has_batteries_contradiction',
  pack: 'hazmat',
  severity: 'warning',
  description: 'Batteries Included must agree with Contained Battery Type.',
  needs: [BATTERY_TYPE, HAS_BATTERIES],
  check(record) {
    const types = batteryTypes(record.get(BATTERY_TYPE));
    if (types.length === 0) return NO_FINDINGS;
    const hasBatteries = record.get(HAS_BATTERIES);
    const realBattery = types.some((t) => !isNoBattery(t));
    if ((realBattery && isNo(hasBatteries)) || (!realBattery && isYes(hasBatteries))) {
      return [{ attribute: HAS_BATTERIES, params: { value: hasBatteries, batteryType: formatTypes(types), realBattery } }];
    }
    return NO_FINDINGS;
  },
  message(finding, titleOf) {
    const { value, batteryType, realBattery } = finding.params;
    const expected = realBattery ? 'Yes' : 'No';
    return `${titleOf(HAS_BATTERIES)} is "${String(value)}" but ${titleOf(BATTERY_TYPE)} is "${String(batteryType)}"; expected "${expected}".`;
  },
  hint(finding, titleOf) {
    const fix = finding.params.realBattery
      ? `set ${titleOf(HAS_BATTERIES)} to "Yes", or set ${titleOf(BATTERY_TYPE)} to "${NO_BATTERY}" if the item has no battery`
      : `set ${titleOf(HAS_BATTERIES)} to "No", or give the real battery type in ${titleOf(BATTERY_TYPE)}`;
    return `Make the two agree: ${fix}.`;
  },
});
