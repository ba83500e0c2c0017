// Serialises read-modify-write of the lockfile across processes (two `spec import`s at once must not
// lose each other's entries). A directory is the mutex: mkdir is atomic on every filesystem we target.
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SpecError } from '../core/errors.js';

const STALE_MS = 60_000;

export async function withCacheLock<T>(cacheDir: string, fn: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  await mkdir(cacheDir, { recursive: true });
  const dir = join(cacheDir, '.write-lock');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await mkdir(dir);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (await isStale(dir)) {
        await rm(dir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new SpecError('CACHE_IO', `the spec cache ${cacheDir} is locked by another catalog-gate process (remove ${dir} if none is running)`);
      }
      await sleep(50);
    }
  }
  try {
    await writeFile(join(dir, 'pid'), String(process.pid));
    return await fn();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function isStale(dir: string): Promise<boolean> {
  try {
    const pid = Number(await readFile(join(dir, 'pid'), 'utf8'));
    if (Number.isInteger(pid) && pid > 0 && !isAlive(pid)) return true;
    const info = await stat(dir);
    return Date.now() - info.mtimeMs > STALE_MS;
  } catch {
    return false;
  }
}

/** Whether a process with this pid runs (EPERM: it runs, as another user). Shared with the submit lock. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
