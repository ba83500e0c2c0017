// Emulator throughput: requests/s and latency for GET /v3/feeds/{feedId} with a valid token, from N
// concurrent keep-alive clients over loopback, in this process (the machine has 2 cores: client and
// server share them, so the figure is a floor). Usage: node dist/bench/emulator.js [seconds] [connections]
import { randomUUID } from 'node:crypto';
import { Pool } from 'undici';
import { startEmulator } from '../src/emulator/index.js';

const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 20);

const emu = await startEmulator({ rateLimits: false, processingMs: 0 });
const pool = new Pool(emu.url, { connections, pipelining: 1 });
const basic = Buffer.from('bench:bench-secret').toString('base64');
const tokenRes = await pool.request({
  method: 'POST',
  path: '/v3/token',
  headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', 'wm_svc.name': 'bench', 'wm_qos.correlation_id': randomUUID() },
  body: 'grant_type=client_credentials',
});
const token = ((await tokenRes.body.json()) as { access_token: string }).access_token;
const headers = (): Record<string, string> => ({ 'wm_sec.access_token': token, 'wm_qos.correlation_id': randomUUID(), 'wm_svc.name': 'bench', accept: 'application/json' });
const feed = await pool.request({
  method: 'POST',
  path: '/v3/feeds?feedType=MP_ITEM',
  headers: { ...headers(), 'content-type': 'application/json' },
  body: JSON.stringify({ MPItemFeedHeader: { version: '1.3' }, MPItem: [] }),
});
const feedId = ((await feed.body.json()) as { feedId: string }).feedId;
await new Promise((r) => setTimeout(r, 50));

const latencies: number[] = [];
let errors = 0;
const end = performance.now() + seconds * 1000;
async function worker(): Promise<void> {
  while (performance.now() < end) {
    const t = performance.now();
    const res = await pool.request({ method: 'GET', path: `/v3/feeds/${encodeURIComponent(feedId)}?includeDetails=true`, headers: headers() });
    await res.body.text();
    if (res.statusCode !== 200) errors++;
    latencies.push(performance.now() - t);
  }
}
const t0 = performance.now();
await Promise.all(Array.from({ length: connections }, worker));
const elapsed = (performance.now() - t0) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p: number): string => (latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0).toFixed(1);
console.log(`GET /v3/feeds/{id}: ${latencies.length} requests in ${elapsed.toFixed(1)} s = ${Math.round(latencies.length / elapsed)} req/s, ${connections} connections, p50 ${pct(50)} ms, p99 ${pct(99)} ms, non-200: ${errors}`);
await pool.close();
await emu.close();
