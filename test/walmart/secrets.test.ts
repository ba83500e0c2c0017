// Secrets: the client secret, the Basic credentials and access tokens never appear in an error message,
// a log event, JSON.stringify/util.inspect of the client or its config, even when Walmart echoes them back.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { WalmartEvent } from '../../src/walmart/index.js';
import { getFeedStatus, getToken, listItems, submitFeed } from '../../src/walmart/index.js';
import { BASIC, CLIENT_SECRET, fakeWalmart, sendJson, testClient, tokenValue, trackServer } from './helpers/fake-walmart.js';
import { ManualClock } from './helpers/manual-clock.js';
import { closedPort, startServer } from './helpers/server.js';

const FORBIDDEN = [CLIENT_SECRET, BASIC, tokenValue(1), tokenValue(2), tokenValue(3)];

function expectClean(text: string, where: string): void {
  for (const secret of FORBIDDEN) expect(text.includes(secret), `${where} leaks ${secret.slice(0, 8)}…`).toBe(false);
}

function views(e: unknown): string[] {
  const out = [String(e), inspect(e, { depth: 6 }), JSON.stringify(e)];
  if (e instanceof Error) out.push(e.message, e.stack ?? '');
  return out;
}

describe('secrets', () => {
  it('never reach error messages or log events, even when Walmart echoes them', async () => {
    const echo = (token: string | undefined) => ({
      error: [{ code: 'INVALID_REQUEST', description: `token ${String(token)} auth Basic ${BASIC} secret ${CLIENT_SECRET}`, info: `Authorization: Basic ${BASIC}` }],
    });
    let mode: 'badRequest' | 'unauthorized' | 'tokenRefused' = 'badRequest';
    const walmart = await fakeWalmart((_req, res, token) => sendJson(res, mode === 'badRequest' ? 400 : 401, echo(token)), {
      tokenAnswer: (_n, req, res) => {
        if (mode !== 'tokenRefused') return false;
        sendJson(res, 401, { error: [{ code: 'UNAUTHORIZED', description: `bad credentials ${String(req.headers.authorization)}` }] });
        return true;
      },
    });
    const events: WalmartEvent[] = [];
    const client = testClient(walmart.url, { logger: (e) => events.push(e), clock: new ManualClock() });
    const errors: unknown[] = [];

    errors.push(await listItems(client).catch((e: unknown) => e));
    mode = 'unauthorized';
    errors.push(await getFeedStatus(client, 'F').catch((e: unknown) => e));
    // Drop the cached token so the next call has to ask the (now refusing) token endpoint.
    client.tokens.invalidate((await getToken(client)).token);
    mode = 'tokenRefused';
    errors.push(await listItems(client).catch((e: unknown) => e));

    // Walmart's text is kept, with the secrets scrubbed out of it.
    expect((errors[0] as Error).message).toContain('[redacted]');
    expect(errors.map((e) => (e as { code?: string }).code)).toEqual(['WALMART_REJECTED', 'WALMART_AUTH', 'WALMART_AUTH']);
    for (const [i, e] of errors.entries()) for (const v of views(e)) expectClean(v, `error ${i}`);
    expect(events.length).toBeGreaterThan(5);
    expectClean(JSON.stringify(events), 'log events');
    expect(events.some((e) => e.type === 'error')).toBe(true);
  });

  it('never reach network-failure messages', async () => {
    const walmart = await fakeWalmart(() => undefined);
    const port = await closedPort();
    const reset = trackServer(await startServer((req, _res, raw) => void (req.pathname === '/v3/token' ? undefined : raw.socket.destroy())));
    const events: WalmartEvent[] = [];
    const config = { tokenUrl: `${walmart.url}/v3/token` };
    const a = testClient(`http://127.0.0.1:${port}`, { config, clock: new ManualClock(), retry: { maxAttempts: 2 }, logger: (e) => events.push(e) });
    const b = testClient(reset.url, { config, clock: new ManualClock(), logger: (e) => events.push(e) });
    const errors = [await listItems(a).catch((e: unknown) => e), await submitFeed(b, { feedType: 'MP_ITEM', body: '{}' }).catch((e: unknown) => e)];
    expect(errors.map((e) => (e as { code?: string }).code)).toEqual(['WALMART_NETWORK', 'WALMART_OUTCOME_UNKNOWN']);
    for (const e of errors) for (const v of views(e)) expectClean(v, 'network error');
    expectClean(JSON.stringify(events), 'log events');
  });

  it('never show in JSON.stringify or util.inspect of the client, its config or its token', async () => {
    const walmart = await fakeWalmart((_req, res) => sendJson(res, 200, { itemResponse: [] }));
    const client = testClient(walmart.url);
    await listItems(client);
    const token = await getToken(client);
    const texts = [
      JSON.stringify(client),
      inspect(client, { depth: 10, showHidden: true }),
      JSON.stringify(client.config),
      inspect(client.config, { depth: 10, showHidden: true }),
      JSON.stringify(token),
      inspect(token, { depth: 10, showHidden: true }),
      // Template strings go through Symbol.toPrimitive.
      `${client.config.clientSecret as unknown as string}`,
      String(token.token),
      JSON.stringify(client.tokens),
      JSON.stringify({ nested: { secret: client.config.clientSecret } }),
    ];
    for (const [i, t] of texts.entries()) expectClean(t, `view ${i}`);
    expect(JSON.stringify(client)).toContain('"clientSecret":"[redacted]"');
    expect(token.token.reveal()).toBe(tokenValue(1)); // still usable where it must go on the wire
  });
});
