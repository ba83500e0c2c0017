// The hazmat pack's screen: an item that says nothing of chemicals and carries no battery type (nearly every item of
// most product types) gives neither hazmat rule anything to say, and that is two reads (RecordScreen).
import type { RecordScreen } from '../../src/core/rule.js';
import hazmat from './index.js';
import { BATTERY_TYPE, isYes } from './battery-types.js';
import { CHEMICAL } from './required-attributes.js';

const screen: RecordScreen = {
  covers: hazmat.map((r) => r.id),
  prepare(readerOf) {
    const readChemical = readerOf(CHEMICAL);
    const readBattery = readerOf(BATTERY_TYPE);
    // required_attributes is triggered only by Chemical Aerosol Pesticide "Yes" or a battery type, and
    // has_batteries_contradiction only by a battery type: without both, neither has anything to say.
    return (item) => (readChemical === undefined || !isYes(readChemical(item))) && (readBattery === undefined || readBattery(item) === undefined);
  },
};

export default screen;
