// A scripted Walmart on loopback: POST /v3/token issues numbered tokens (and checks the Basic
// credentials); every other request goes to the test's handler with the token it carried.
import type { ServerResponse } from 'node:http';
import { afterEach } from 'vitest';
import type { WalmartClientOptions, WalmartConfigInput } from '../../../src/walmart/index.js';
import { WalmartClient, resolveConfig } from '../../../src/walmart/index.js';
import type { Received, TestServer } from './server.js';
import { sendJson, startServer } from './server.js';

export const CLIENT_ID = 'test-client-id';
export const CLIENT_SECRET = 'very-secret-client-secret-42';
export const BASIC = Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64');

export function tokenValue(n: number): string {
  return `access-token-number-${n}-aaaaaaaaaaaaaaaa`;
}

export interface FakeWalmart extends TestServer {
  tokenRequests: Received[];
  apiRequests: Received[];
}

export interface FakeOptions {
  tokenTtlS?: number;
  /** Override the token endpoint's answer (status and body). */
  tokenAnswer?: (n: number, req: Received, res: ServerResponse) => boolean | Promise<boolean>;
}

export type ApiHandler = (req: Received, res: ServerResponse, token: string | undefined) => void | Promise<void>;

const servers: TestServer[] = [];
const clients: WalmartClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

export async function fakeWalmart(api: ApiHandler, options: FakeOptions = {}): Promise<FakeWalmart> {
  const tokenRequests: Received[] = [];
  const apiRequests: Received[] = [];
  const server = await startServer(async (req, res) => {
    if (req.method === 'POST' && req.pathname === '/v3/token') {
      tokenRequests.push(req);
      const n = tokenRequests.length;
      if (options.tokenAnswer !== undefined && (await options.tokenAnswer(n, req, res))) return;
      if (req.headers.authorization !== `Basic ${BASIC}`) {
        sendJson(res, 401, { error: [{ code: 'UNAUTHORIZED.GMP_GATEWAY_API', description: 'Unauthorized', category: 'DATA', severity: 'ERROR' }] });
        return;
      }
      sendJson(res, 200, { access_token: tokenValue(n), token_type: 'Bearer', expires_in: options.tokenTtlS ?? 900 });
      return;
    }
    apiRequests.push(req);
    const token = req.headers['wm_sec.access_token'];
    await api(req, res, typeof token === 'string' ? token : undefined);
  });
  servers.push(server);
  return Object.assign(server, { tokenRequests, apiRequests });
}

export function testClient(url: string, options: WalmartClientOptions & { config?: Partial<WalmartConfigInput> } = {}): WalmartClient {
  const { config, ...clientOptions } = options;
  const client = new WalmartClient(resolveConfig({ baseUrl: url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, ...config }), {
    random: () => 0.5,
    ...clientOptions,
  });
  clients.push(client);
  return client;
}

export function trackServer(server: TestServer): TestServer {
  servers.push(server);
  return server;
}

export { sendJson };

/** Counts a fake's requests in flight at once: `await gauge.hold(ms)` in a handler keeps one in flight for ms. */
export function concurrencyGauge(): { readonly most: number; hold(ms: number): Promise<void> } {
  let now = 0;
  let most = 0;
  return {
    get most() {
      return most;
    },
    async hold(ms) {
      now++;
      most = Math.max(most, now);
      await new Promise((r) => setTimeout(r, ms));
      now--;
    },
  };
}
