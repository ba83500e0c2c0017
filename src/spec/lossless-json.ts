// Walmart's specs carry number literals that a double cannot hold (a `maximum` of 401 digits); JSON.parse
// turns them into Infinity. Specs are read and written through here so those literals survive untouched.
import { LosslessNumber, isLosslessNumber, isSafeNumber, parse, stringify } from 'lossless-json';

export { LosslessNumber, isLosslessNumber };

/** Parses JSON, keeping any number that would lose digits as a LosslessNumber. */
export function parseSpecJson(text: string): unknown {
  return parse(text, null, (value: string) => (isSafeNumber(value) ? Number(value) : new LosslessNumber(value)));
}

/** Serialises a spec, writing LosslessNumbers back as the exact literals they were read from. */
export function stringifySpecJson(value: unknown): string {
  const out = stringify(value, undefined, 1);
  if (out === undefined) throw new TypeError('spec is not serialisable');
  return out + '\n';
}
