// A stored spec read by JSON.parse (parseStoredSpecJson) gives exactly what lossless-json's parse gives: the same
// values, the same LosslessNumbers for numbers a double cannot hold, on every cached spec and on generated ones.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../bench/data.js';
import { LosslessNumber, isLosslessNumber, parseSpecJson, parseStoredSpecJson, stringifySpecJson } from '../../src/spec/lossless-json.js';
import { LOCKFILE_NAME } from '../../src/spec/lockfile.js';
import { REPO } from '../helpers/paths.js';

const CACHE = join(REPO, 'schemas-cache');

function sameAsLossless(text: string): void {
  const want = parseSpecJson(text);
  const got = parseStoredSpecJson(text);
  if (!isDeepStrictEqual(got, want)) expect(got).toStrictEqual(want);
}

function countLossless(value: unknown): number {
  if (isLosslessNumber(value)) return 1;
  if (typeof value !== 'object' || value === null) return 0;
  return Object.values(value).reduce((n: number, v) => n + countLossless(v), 0);
}

/** A JSON number literal: up to 30 digits, maybe a fraction, maybe an exponent, maybe negative. */
function numberLiteral(next: () => number): string {
  const digits = (n: number): string => Array.from({ length: n }, () => String(Math.floor(next() * 10))).join('');
  const length = 1 + Math.floor(next() * 30);
  let text = length === 1 ? digits(1) : `${1 + Math.floor(next() * 9)}${digits(length - 1)}`;
  if (next() < 0.1) text = '0';
  if (next() < 0.4) text += `.${digits(1 + Math.floor(next() * 20))}`;
  if (next() < 0.15) text += `${next() < 0.5 ? 'e' : 'E'}${next() < 0.5 ? '-' : '+'}${Math.floor(next() * 400)}`;
  return next() < 0.3 ? `-${text}` : text;
}

describe('parseStoredSpecJson', () => {
  it('reads every cached spec as lossless-json does, LosslessNumbers included', () => {
    const lock = JSON.parse(readFileSync(join(CACHE, LOCKFILE_NAME), 'utf8')) as { entries: Record<string, { file: string }> };
    const files = Object.values(lock.entries).map((e) => e.file);
    expect(files.length).toBeGreaterThan(100);
    let lossless = 0;
    for (const file of files) {
      const text = readFileSync(join(CACHE, file), 'utf8');
      sameAsLossless(text);
      lossless += countLossless(parseStoredSpecJson(text));
    }
    expect(lossless).toBeGreaterThan(100);
  });

  it('reads 3,000 generated number literals as lossless-json does, in the stored layout and in others', () => {
    const rng = createRng(14);
    const next = (): number => rng.next();
    for (let doc = 0; doc < 100; doc++) {
      const literals = Array.from({ length: 30 }, () => numberLiteral(next));
      // Written as a spec is stored: numbers as values, in lists, beside strings and keys holding long digit runs.
      const props = literals.map((l, i) => `"k${i}${i % 7 === 0 ? '12345678901234567890' : ''}": ${l}`);
      const compact = `{${props.join(',')},"list":[${literals.join(',')}],"s":"plain"}`;
      const stored = stringifySpecJson(parseSpecJson(compact));
      sameAsLossless(stored);
      sameAsLossless(compact);
      // A string with a long digit run is not a number line: the whole text goes to lossless-json.
      sameAsLossless(stored.replace('"s": "plain"', '"s": "maximum: 123456789012345678901 1e5 \\" 99999999999999999"'));
      sameAsLossless(JSON.stringify(JSON.parse(compact) as unknown, null, 2).replace(/\n/g, '\r\n'));
    }
  });

  it('keeps a number that only looks long inside a string, and a string that looks like its mark', () => {
    for (const text of [
      '{\n "a": "x 12345678901234567890",\n "b": 12345678901234567890\n}\n',
      '{\n "a": "\\u0000lossless:5",\n "b": 12345678901234567890\n}\n',
      '{\n "a": "lossless:5",\n "b": [\n  1e400,\n  -0,\n  0.1\n ]\n}\n',
      '{\n "12345678901234567890": 1,\n "b": 1.0000000000000000000001\n}\n',
    ]) sameAsLossless(text);
    expect((parseStoredSpecJson('{\n "b": 12345678901234567890\n}\n') as { b: unknown }).b).toStrictEqual(new LosslessNumber('12345678901234567890'));
  });

  it('refuses text that is not JSON', () => {
    expect(() => parseStoredSpecJson('{\n "a": 12345678901234567890,\n')).toThrow();
    expect(() => parseStoredSpecJson('{ nope')).toThrow();
  });
});
