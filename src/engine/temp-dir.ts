// A private directory for a run's temporary files (feed-rule tuples past their budget, a sheet's issues): made with
// mkdtemp under the OS temp directory, with fixed file names inside (never anything from the input), and removed by
// remove() or, failing that, when the process exits or is stopped by SIGINT/SIGTERM.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogGateError } from '../core/errors.js';

/** Runs an IO step on temporary files, turning its failure into a one-line reason a user can act on. */
export function tempIo<T>(what: string, purpose: string, step: () => T): T {
  try {
    return step();
  } catch (e) {
    if (e instanceof CatalogGateError) throw e;
    const reason = e instanceof Error ? e.message : String(e);
    throw new CatalogGateError('CACHE_IO', `Could not ${what} the temporary files that hold ${purpose} (${reason}); set TMPDIR to a writable directory with free space.`, { cause: e });
  }
}

const live = new Set<PrivateTempDir>();
let exitHook = false;

function removeAllLive(): void {
  for (const dir of live) dir.remove();
}

function removeAndDie(signal: NodeJS.Signals): void {
  removeAllLive();
  process.kill(process.pid, signal);
}

export class PrivateTempDir {
  readonly path: string;

  /** `purpose` names what the files hold, for the message when the directory cannot be made. */
  constructor(prefix: string, purpose: string) {
    this.path = tempIo('make', purpose, () => mkdtempSync(join(tmpdir(), prefix)));
    live.add(this);
    if (!exitHook) {
      exitHook = true;
      process.once('exit', removeAllLive);
      // Killed by Ctrl-C or SIGTERM, a process runs no exit handlers: where nothing else handles the signal,
      // remove the files and die of it as before.
      for (const signal of ['SIGINT', 'SIGTERM'] as const) if (process.listenerCount(signal) === 0) process.once(signal, removeAndDie);
    }
  }

  /** A file name inside the directory. */
  file(name: string): string {
    return join(this.path, name);
  }

  /** Removes the directory and everything in it; safe to call twice. */
  remove(): void {
    if (!live.delete(this)) return;
    rmSync(this.path, { recursive: true, force: true });
  }
}
