// The validation service: what other modules (the CLI, tests, benchmarks) may use.
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageVersion } from '../spec/package-root.js';
import { SpecStore } from '../spec/store.js';
import { resolveServeOptions } from './options.js';
import type { ResolvedServeOptions, ServeOptions } from './options.js';
import { WorkerPool } from './pool.js';
import type { PoolStats } from './pool.js';
import { ValidationServer } from './server.js';

export { DEFAULT_SERVE_LIMITS, isLoopback, resolveServeOptions } from './options.js';
export type { ResolvedServeOptions, ServeLimits, ServeOptions } from './options.js';
export type { EngineSettings } from './jobs.js';

export interface RunningServer {
  url: string;
  options: ResolvedServeOptions;
  stats(): PoolStats;
  close(): Promise<void>;
}

/** Starts the pool and the HTTP server; throws a UsageError for options that cannot be used (exit 2 in the CLI). */
export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  const o = resolveServeOptions(options);
  const store = new SpecStore(o.settings.cacheDir);
  // Read (and checked) once: a broken cache fails the start, not every request.
  await store.list();
  const tmpRoot = await mkdtemp(join(tmpdir(), 'catalog-gate-serve-'));
  const removeAtExit = (): void => rmSync(tmpRoot, { recursive: true, force: true });
  process.once('exit', removeAtExit);
  let pool: WorkerPool | undefined;
  try {
    pool = await WorkerPool.start({ size: o.workers, maxQueue: o.limits.maxQueue, heapMb: o.workerHeapMb, abandonedMs: o.limits.timeoutMs, tmpRoot, settings: o.settings, debug: o.debug });
    const server = new ValidationServer(o, pool, store, tmpRoot, packageVersion());
    const url = await server.listen();
    const running = pool;
    return {
      url,
      options: o,
      stats: () => running.stats,
      close: async () => {
        await server.close();
        await running.close();
        process.off('exit', removeAtExit);
        await rm(tmpRoot, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await pool?.close();
    process.off('exit', removeAtExit);
    await rm(tmpRoot, { recursive: true, force: true });
    throw e;
  }
}
