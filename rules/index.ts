// Every rule pack, in the order they run. A pack is an ordered array of rule definitions, one rule a file.
import type { RecordScreen, Rule } from '../src/core/rule.js';
import warranty from './warranty/index.js';
import prop65 from './prop65/index.js';
import hazmat from './hazmat/index.js';
import identifiers from './identifiers/index.js';
import images from './images/index.js';
import variants from './variants/index.js';
import duplicates from './duplicates/index.js';
import identifiersScreen from './identifiers/screen.js';
import imagesScreen from './images/screen.js';
import hazmatScreen from './hazmat/screen.js';

export const PACKS: Readonly<Record<string, readonly Rule[]>> = {
  identifiers,
  images,
  warranty,
  prop65,
  hazmat,
  variants,
  duplicates,
};

export const ALL_RULES: readonly Rule[] = Object.values(PACKS).flat();

/** Quick exact tests that let the engine skip record rules on clean records (see RecordScreen). */
export const SCREENS: readonly RecordScreen[] = [identifiersScreen, imagesScreen, hazmatScreen];
