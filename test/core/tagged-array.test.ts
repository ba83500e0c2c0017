// taggedArray() exists for V8's elements kinds (a fresh store's arrays must have the hidden class the last store's
// arrays ended with): checked with V8's own test intrinsics, in a child process that allows them.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { taggedArray } from '../../src/core/tagged-array.js';

/** Runs `body` in a node allowed V8's %-intrinsics, with taggedArray defined from its own (compiled) source. */
function withIntrinsics(body: string): string {
  const script = `const taggedArray = ${taggedArray.toString()};\n${body}`;
  const run = spawnSync(process.execPath, ['--allow-natives-syntax', '-e', script], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return run.stdout.trim();
}

describe('taggedArray', () => {
  it('is a new empty array each time', () => {
    const a = taggedArray<string>();
    const b = taggedArray<string>();
    expect(a).toEqual([]);
    expect(a).not.toBe(b);
    a.push('x');
    expect(a).toEqual(['x']);
    expect(b).toEqual([]);
  });

  it('has the general elements kind from the start, where a literal [] has small integers', () => {
    expect(withIntrinsics('const a = taggedArray(); console.log(%HasObjectElements(a), %HasSmiElements(a), %HasSmiElements([]));')).toBe('true false true');
  });

  it('keeps one hidden class whatever it holds: texts, whole numbers, null, objects', () => {
    const out = withIntrinsics(
      [
        'const fresh = taggedArray();',
        "const texts = taggedArray(); texts.push('a', 'b');",
        'const mixed = taggedArray(); mixed.push(1, null, undefined, {}, 2);',
        'console.log(%HaveSameMap(fresh, texts), %HaveSameMap(fresh, mixed), %HaveSameMap(fresh, []));',
      ].join('\n'),
    );
    expect(out).toBe('true true false');
  });
});
