// Lent Int32Arrays (src/core/int32-scratch.ts) must look exactly like fresh ones to the groupings that borrow them:
// the length asked for, all zeros, and never the memory of an array still out.
import { describe, expect, it } from 'vitest';
import { borrowInt32, giveBack } from '../../src/core/int32-scratch.js';

describe('borrowInt32', () => {
  it('lends a given-back array again, zeroed and of the length asked for', () => {
    const first = borrowInt32(1000).fill(7);
    const buffer = first.buffer;
    giveBack(first);
    const again = borrowInt32(600);
    expect(again.buffer).toBe(buffer);
    expect(again.length).toBe(600);
    expect(again.every((x) => x === 0)).toBe(true);
    giveBack(again);
    // Given back as a shorter view, the whole array is kept: a longer request is served from it too.
    const whole = borrowInt32(1000);
    expect(whole.buffer).toBe(buffer);
    expect(whole.every((x) => x === 0)).toBe(true);
    giveBack(whole);
  });

  it('never lends memory that is still out', () => {
    const out = Array.from({ length: 20 }, () => borrowInt32(500));
    expect(new Set(out.map((a) => a.buffer)).size).toBe(20);
    giveBack(...out);
    const next = Array.from({ length: 20 }, (_, i) => borrowInt32(100 + i).fill(i + 1));
    expect(new Set(next.map((a) => a.buffer)).size).toBe(20);
    for (let i = 0; i < next.length; i++) expect((next[i] as Int32Array).every((x) => x === i + 1)).toBe(true);
    giveBack(...next);
  });

  it('makes short arrays afresh and keeps no very long one', () => {
    const short = borrowInt32(10);
    expect(short.length).toBe(10);
    giveBack(short);
    expect(borrowInt32(10).buffer).not.toBe(short.buffer);
    const long = borrowInt32(1 << 18);
    giveBack(long);
    expect(borrowInt32(1 << 18).buffer).not.toBe(long.buffer);
  });
});
