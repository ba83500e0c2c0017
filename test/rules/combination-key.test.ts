// The combination key of a variant item: the set of "name=value" pairs, sorted and joined, however it is built.
import { describe, expect, it } from 'vitest';
import { combinationKey } from '../../rules/variants/combination-key.js';
import { setKey } from '../../rules/variants/set-key.js';

/** The key by its definition: every pair made, then the set sorted and joined. */
function byDefinition(names: readonly string[], values: readonly string[]): string {
  return setKey(
    names.map((n, i) => `${n}=${values[i] ?? ''}`),
    '\u0000',
  );
}

const NAMES: ReadonlyArray<readonly string[]> = [
  ['color', 'clothingsize'],
  ['clothingsize', 'color'],
  ['size', 'sizetype'],
  ['sizetype', 'size'],
  ['a', 'a=x'],
  ['color', 'color'],
  ['b', 'a'],
  ['color'],
  ['color', 'size', 'fit'],
];
const VALUES: ReadonlyArray<readonly string[]> = [
  ['red', 'm'],
  ['m', 'red'],
  ['x=b', 'c'],
  ['', 'z'],
  ['same', 'same'],
  ['é👕', '\u0000'],
  ['red', 'm', 'slim'],
];

describe('combinationKey', () => {
  it('is the sorted set of name=value pairs for every list of names and values, asked in any order', () => {
    // Each list of names twice, apart and in a row, so a plan kept from the last call is reused and replaced.
    for (const names of [...NAMES, ...NAMES.toReversed(), ...NAMES.flatMap((n) => [n, n])]) {
      for (const values of VALUES) {
        const used = values.slice(0, names.length);
        if (used.length < names.length) continue;
        expect(combinationKey(names, used), `${names.join('|')} ${used.join('|')}`).toBe(byDefinition(names, used));
      }
    }
  });

  it('gives nothing when a value is blank, and follows a list of names changed in place', () => {
    expect(combinationKey(['color', 'size'], ['red', undefined])).toBeUndefined();
    const names = ['color', 'size'];
    expect(combinationKey(names, ['red', 'm'])).toBe('color=red\u0000size=m');
    names[0] = 'width';
    expect(combinationKey(names, ['red', 'm'])).toBe('size=m\u0000width=red');
  });
});
