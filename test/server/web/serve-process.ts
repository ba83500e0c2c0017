// The real service as a user starts it: `catalog-gate serve --port 0` (the built CLI) on loopback, its URL read
// from what it prints, stopped with SIGTERM.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { CLI } from '../../helpers/paths.js';

export interface ServeProcess {
  url: string;
  close(): Promise<void>;
}

export async function startServe(opts: { token?: string; args?: readonly string[] } = {}): Promise<ServeProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.CATALOG_GATE_TOKEN;
  if (opts.token !== undefined) env.CATALOG_GATE_TOKEN = opts.token;
  const child: ChildProcess = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--host', '127.0.0.1', ...(opts.args ?? [])], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`catalog-gate serve printed no URL within 20 s:\n${out}`)), 20_000);
    const fail = (e: Error): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(e);
    };
    const look = (chunk: Buffer): void => {
      out += chunk.toString('utf8');
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (m !== null) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    };
    child.stdout?.on('data', look);
    child.stderr?.on('data', look);
    child.on('exit', (code) => fail(new Error(`catalog-gate serve exited (${code ?? 'signal'}) before listening:\n${out}`)));
  });
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
