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

/**
 * A number literal that may lose digits as a double: 16 or more digits, or an exponent. One with at most 15
 * significant digits and no exponent reads back exactly (a double holds 15 decimal digits), so isSafeNumber is
 * true for it and JSON.parse gives the same Number as parseSpecJson.
 */
const LONG_NUMBER = /\d(?:\.?\d){15,}|\d[eE]/g;
/** A line of stringifySpecJson's layout holding one number: `"key": 123,` or, in a list, `123,`. */
const NUMBER_LINE = /^\s*(?:"(?:[^"\\\r\n]|\\.)*":\s*)?(-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?),?\s*$/;
const MARK = '\u0000lossless:';

/**
 * parseSpecJson for a spec catalog-gate stored (stringifySpecJson's text, checked against the lockfile): the same
 * value, by the native JSON.parse. A cached spec is read on every run, and lossless-json's parser, plain
 * JavaScript, costs ~30 ms on a 45 KB spec where JSON.parse costs ~1 ms. Each number that would lose digits stands
 * on a line of its own there: it is written as a marked string, parsed, and made a LosslessNumber again. Text in any
 * other layout goes to parseSpecJson.
 */
export function parseStoredSpecJson(text: string): unknown {
  if (text.includes('lossless:')) return parseSpecJson(text);
  let marked = '';
  let from = 0;
  LONG_NUMBER.lastIndex = 0;
  for (let m = LONG_NUMBER.exec(text); m !== null; m = LONG_NUMBER.exec(text)) {
    const start = text.lastIndexOf('\n', m.index) + 1;
    let end = text.indexOf('\n', m.index);
    if (end === -1) end = text.length;
    const number = NUMBER_LINE.exec(text.slice(start, end))?.[1];
    if (number === undefined) return parseSpecJson(text);
    LONG_NUMBER.lastIndex = end;
    if (isSafeNumber(number)) continue;
    const at = text.lastIndexOf(number, end);
    marked += `${text.slice(from, at)}"\\u0000lossless:${number}"`;
    from = at + number.length;
  }
  return from === 0 ? JSON.parse(text) : revived(JSON.parse(marked + text.slice(from)));
}

/** The parsed value with each marked string made its LosslessNumber. */
function revived(value: unknown): unknown {
  if (typeof value === 'string') return value.startsWith(MARK) ? new LosslessNumber(value.slice(MARK.length)) : value;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = revived(value[i]);
    return value;
  }
  const object = value as Record<string, unknown>;
  for (const key in object) object[key] = revived(object[key]);
  return object;
}
