// Injected faults: rates from a spec string, deterministic for a seed, and never corrupting state; the
// `reset` of a feed POST is accepted-then-reset by default (the submitter must find the feed it lost).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { parseFaults } from '../../src/emulator/index.js';
import type { Emulator } from '../../src/emulator/index.js';
import { SAMPLES } from '../helpers/paths.js';
import { call, emulator, token } from './helpers.js';

const FEED = readFileSync(`${SAMPLES}feeds/clothing-4.3-clean.json`, 'utf8');

async function statuses(emu: Emulator, tok: string, n: number): Promise<Array<number | 'reset'>> {
  const out: Array<number | 'reset'> = [];
  for (let i = 0; i < n; i++) {
    try {
      out.push((await call(emu, 'GET', '/v3/items', { token: tok })).status);
    } catch {
      out.push('reset');
    }
  }
  return out;
}

function postFeed(emu: Emulator, tok: string): ReturnType<typeof call> {
  return call(emu, 'POST', '/v3/feeds?feedType=MP_ITEM', { token: tok, contentType: 'application/json', body: FEED });
}

describe('fault specs', () => {
  it('parses rates and refuses bad ones with a usage error', () => {
    expect(parseFaults('429=0.2,503=0.1,reset=0.05,423=0.01,500=0.01,504=0.01,slow=0.05,expire=0.01')).toEqual({
      '429': 0.2,
      '503': 0.1,
      reset: 0.05,
      '423': 0.01,
      '500': 0.01,
      '504': 0.01,
      slow: 0.05,
      expire: 0.01,
    });
    expect(() => parseFaults('418=0.1')).toThrow(UsageError);
    expect(() => parseFaults('429=2')).toThrow(/from 0 to 1/);
    expect(() => parseFaults('429=0.7,503=0.7')).toThrow(/must not exceed 1/);
  });
});

describe('random faults', () => {
  it('hit the same requests for the same seed, and others for another seed', async () => {
    const faults = '429=0.2,503=0.1,500=0.05,504=0.05,423=0.05,reset=0.05';
    const a = await emulator({ faults, seed: 7 });
    const b = await emulator({ faults, seed: 7 });
    const c = await emulator({ faults, seed: 8 });
    const [sa, sb, sc] = await Promise.all([statuses(a, await token(a), 60), statuses(b, await token(b), 60), statuses(c, await token(c), 60)]);
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
    const faulted = sa.filter((s) => s !== 200).length;
    // Half the requests are meant to fail; 60 draws land well inside these bounds.
    expect(faulted).toBeGreaterThan(15);
    expect(faulted).toBeLessThan(45);
    expect(new Set(sa)).toEqual(new Set([200, 429, 503, 500, 504, 423, 'reset']));
    expect(a.state.faults.counts()).toEqual(b.state.faults.counts());
  });

  it('answer in Walmart\'s forms: 503 bare, the others in the envelope', async () => {
    const emu = await emulator();
    const tok = await token(emu);
    const expected: Array<[string, number, string | undefined]> = [
      ['503', 503, undefined],
      ['500', 500, 'SYSTEM_ERROR.GMP_GATEWAY_API'],
      ['504', 504, 'DOWNSTREAM_SYSTEM_TIME_OUT.GMP_GATEWAY_API'],
      ['423', 423, 'RESOURCE_IS_LOCKED.GMP_RECEIVER_API'],
      ['429', 429, 'REQUEST_THRESHOLD_VIOLATED.GMP_GATEWAY_API'],
    ];
    for (const [kind, status, code] of expected) {
      emu.state.faults.inject(kind as '503');
      const r = await call(emu, 'GET', '/v3/feeds', { token: tok, correlationId: `cid-${kind}` });
      expect(r.status).toBe(status);
      expect(r.headers.get('WM_QOS.CORRELATION_ID')).toBe(`cid-${kind}`);
      if (code === undefined) expect(r.text).toBe('Service Unavailable');
      else expect(r.json).toMatchObject({ error: [{ code }] });
      if (kind === '429') expect(r.headers.get('x-current-token-count')).toBe('0');
    }
  });

  it('spare the token endpoint unless told otherwise', async () => {
    const spared = await emulator({ faults: '503=1' });
    const tok = await token(spared);
    expect((await call(spared, 'GET', '/v3/feeds', { token: tok })).status).toBe(503);
    const hit = await emulator({ faults: '503=1', faultsOnToken: true });
    await expect(token(hit)).rejects.toThrow(/503/);
  });
});

describe('faults never corrupt state', () => {
  it('does not accept a feed POST answered with 503, 429, 500 or 423', async () => {
    const emu = await emulator();
    const tok = await token(emu);
    for (const kind of ['503', '429', '500', '423', '504'] as const) {
      emu.state.faults.inject(kind);
      expect((await postFeed(emu, tok)).status).toBe(Number(kind));
    }
    expect(emu.state.feeds.size).toBe(0);
  });

  it('tells the truth about the bucket when a fault gives the token back (a 503 on the last feed token read "0 left", and a client waited out the hour)', async () => {
    const emu = await emulator({ rateLimits: { feedSubmit: { limit: 2, windowMs: 3_600_000 } } });
    const tok = await token(emu);
    expect((await postFeed(emu, tok)).headers.get('x-current-token-count')).toBe('1');
    emu.state.faults.inject('503');
    const unavailable = await postFeed(emu, tok);
    expect(unavailable.status).toBe(503);
    // The token went back: one is still left, and the next POST takes it.
    expect(unavailable.headers.get('x-current-token-count')).toBe('1');
    const last = await postFeed(emu, tok);
    expect(last.status).toBe(200);
    expect(last.headers.get('x-current-token-count')).toBe('0');
  });

  it('accepts a feed POST before resetting its connection, by default', async () => {
    const emu = await emulator({ processingMs: 0 });
    const tok = await token(emu);
    emu.state.faults.inject('reset', { path: '/v3/feeds' });
    await expect(postFeed(emu, tok)).rejects.toThrow();
    expect(emu.state.feeds.size).toBe(1);
    // The submitter's way back: list the feeds and find the one it never heard about.
    const list = (await call(emu, 'GET', '/v3/feeds', { token: tok })).json as { totalResults: number; results: { feed: Array<{ feedId: string }> } };
    expect(list.totalResults).toBe(1);
    const lost = await emu.state.feeds.settled(list.results.feed[0]?.feedId ?? '');
    expect(lost.status).toBe('PROCESSED');
  });

  it('drops a feed POST before accepting it when resetAcceptsFeed is false, and never changes state on a GET reset', async () => {
    const emu = await emulator({ resetAcceptsFeed: false });
    const tok = await token(emu);
    emu.state.faults.inject('reset');
    await expect(postFeed(emu, tok)).rejects.toThrow();
    expect(emu.state.feeds.size).toBe(0);
    emu.state.faults.inject('reset');
    await expect(call(emu, 'GET', '/v3/items', { token: tok })).rejects.toThrow();
    expect((await call(emu, 'GET', '/v3/items', { token: tok })).status).toBe(200);
  });

  it('expires the caller\'s token with `expire`, and delays the answer with `slow`', async () => {
    const emu = await emulator({ slowMs: 150 });
    const tok = await token(emu);
    emu.state.faults.inject('expire');
    const expired = await call(emu, 'GET', '/v3/feeds', { token: tok });
    expect(expired.status).toBe(401);
    expect((await call(emu, 'GET', '/v3/feeds', { token: tok })).status).toBe(401);
    const fresh = await token(emu);
    emu.state.faults.inject('slow');
    const t0 = performance.now();
    const slow = await call(emu, 'POST', '/v3/feeds?feedType=MP_ITEM', { token: fresh, contentType: 'application/json', body: FEED });
    expect(slow.status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
    expect(emu.state.feeds.size).toBe(1);
  });
});
