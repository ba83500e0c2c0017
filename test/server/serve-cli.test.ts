// End to end: the built `catalog-gate serve` as a user starts it, on 127.0.0.1, stopped with SIGTERM.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { CLI, SAMPLES } from '../helpers/paths.js';
import { formFor, postFile, postJson } from './helpers.js';

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

function start(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Started> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--workers', '2', ...args], { env: { ...process.env, CATALOG_GATE_TOKEN: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
  child.stderr.on('data', (b: Buffer) => (out += b.toString('utf8')));
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m !== null) {
        clearInterval(timer);
        resolve({ child, url: m[1] as string, output: () => out });
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`serve exited with ${String(code)}: ${out}`));
    });
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe('catalog-gate serve', () => {
  it('serves the API and the page on 127.0.0.1 and stops cleanly on SIGTERM', async () => {
    const { child, url } = await start([]);
    expect(((await (await fetch(`${url}/healthz`)).json()) as { status: string }).status).toBe('ok');
    expect((await fetch(`${url}/`)).status).toBe(200);
    const feed = `${SAMPLES}feeds/clothing-4.3-errors.json`;
    const res = await postJson(`${url}/v1/validate`, await readFile(feed, 'utf8'));
    expect(await res.json()).toEqual(JSON.parse(cli(['validate', feed, '--format', 'json']).stdout));
    const sheet = await postFile(`${url}/v1/validate/file`, await formFor(`${SAMPLES}sheets/catalog-v5-errors.xlsx`));
    expect(((await sheet.json()) as { summary: { records: number } }).summary.records).toBe(8);
    expect(await stop(child)).toBe(0);
  }, 120_000);

  it('takes the token from CATALOG_GATE_TOKEN and never prints it', async () => {
    const token = 'e2e-secret-7d1c55aa90';
    const { child, url, output } = await start(['--log'], { CATALOG_GATE_TOKEN: token });
    expect((await fetch(`${url}/v1/specs`)).status).toBe(401);
    expect((await fetch(`${url}/v1/specs`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
    expect(await stop(child)).toBe(0);
    expect(output()).toContain('/v1 needs the API token');
    expect(output()).toMatch(/GET \/v1\/specs 401 \d+ms/);
    expect(output()).not.toContain(token);
  }, 120_000);

  it('refuses to bind beyond loopback without a token: exit 2, one line', () => {
    const r = cli(['serve', '--host', '0.0.0.0', '--port', '0'], { CATALOG_GATE_TOKEN: '' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^catalog-gate: binding to 0\.0\.0\.0 .* --token or CATALOG_GATE_TOKEN/);
  });

  it('refuses bad flags with exit 2', () => {
    for (const args of [['--port', 'eighty'], ['--workers', '0'], ['--max-rows', '-1'], ['--timeout', 'soon']]) {
      const r = cli(['serve', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('shows examples in --help', () => {
    const r = cli(['serve', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('curl -s -F file=@');
  });
});
