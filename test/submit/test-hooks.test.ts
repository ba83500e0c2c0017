// The pause points the kill tests stop a submit at: the n-th arrival pauses, and from then on every other
// feed in flight stops at its next point too, so the run is frozen where the test asked.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { pauseHooksFrom } from '../../src/submit/test-hooks.js';

const settledWithin = async (p: Promise<void>, ms: number): Promise<boolean> =>
  Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

describe('pause hooks', () => {
  it('pause at the n-th arrival at a point, and freeze every later arrival at any point', async () => {
    const err = new PassThrough();
    const lines: string[] = [];
    err.on('data', (b: Buffer) => lines.push(b.toString()));
    const hooks = pauseHooksFrom('after-send:2', err);
    expect(await settledWithin(hooks.reach('before-send'), 50)).toBe(true);
    expect(await settledWithin(hooks.reach('after-send'), 50)).toBe(true);
    expect(await settledWithin(hooks.reach('after-send'), 50)).toBe(false);
    expect(lines.join('')).toBe('catalog-gate-pause after-send 2\n');
    // Another feed's worker reaching any point now stops there as well.
    expect(await settledWithin(hooks.reach('before-send'), 50)).toBe(false);
    expect(await settledWithin(hooks.reach('polling'), 50)).toBe(false);
  });
});
