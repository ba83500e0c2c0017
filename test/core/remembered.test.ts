import { describe, expect, it } from 'vitest';
import { Remembered } from '../../src/core/remembered.js';

describe('Remembered', () => {
  it('makes an answer once per owner and key, undefined answers included', () => {
    const r = new Remembered<object, string, string | undefined>(10);
    const owner = {};
    let made = 0;
    const make = (v: string | undefined) => () => {
      made++;
      return v;
    };
    expect(r.get(owner, 'a', make('A'))).toBe('A');
    expect(r.get(owner, 'a', make('other'))).toBe('A');
    expect(r.get(owner, 'none', make(undefined))).toBeUndefined();
    expect(r.get(owner, 'none', make('late'))).toBeUndefined();
    expect(made).toBe(2);
  });

  it('keeps owners apart', () => {
    const r = new Remembered<object, string, number>(10);
    const one = {};
    const two = {};
    expect(r.get(one, 'k', () => 1)).toBe(1);
    expect(r.get(two, 'k', () => 2)).toBe(2);
    expect(r.get(one, 'k', () => 3)).toBe(1);
  });

  it('starts over for an owner that reaches its bound, so endless distinct keys stay bounded', () => {
    const r = new Remembered<object, number, number>(3);
    const owner = {};
    let made = 0;
    for (let k = 0; k < 3; k++) r.get(owner, k, () => ++made);
    expect(made).toBe(3);
    r.get(owner, 99, () => ++made); // the fourth key: the three before are forgotten
    expect(r.get(owner, 99, () => ++made)).toBe(4);
    expect(r.get(owner, 0, () => ++made)).toBe(5);
  });
});
