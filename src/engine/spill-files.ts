// The files feed rules spill their tuples to past their memory budget (see core/keyed-tuples.ts): one private
// directory per feed, made with mkdtemp under the OS temp directory only when first needed, fixed file names (a
// counter, never anything from the input), removed when the feed ends and, failing that, when the process exits.
import { closeSync, fstatSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogGateError } from '../core/errors.js';
import type { SpillFile, SpillFiles } from '../core/keyed-tuples.js';

/** Runs an IO step, turning its failure into a one-line reason a user can act on. */
function io<T>(what: string, step: () => T): T {
  try {
    return step();
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new CatalogGateError(
      'CACHE_IO',
      `Could not ${what} the temporary files that hold the cross-record checks' state for a large feed (${reason}); set TMPDIR to a writable directory with free space.`,
      { cause: e },
    );
  }
}

const live = new Set<TempSpillFiles>();
let exitHook = false;

function removeAllLive(): void {
  for (const files of live) files.removeAll();
}

function removeAndDie(signal: NodeJS.Signals): void {
  removeAllLive();
  process.kill(process.pid, signal);
}

class TempFile implements SpillFile {
  readonly #path: string;
  #fd: number | undefined;
  #size = 0;

  constructor(path: string) {
    this.#path = path;
  }

  get size(): number {
    return this.#size;
  }

  append(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    io('write', () => this.#write(bytes));
  }

  #write(bytes: Uint8Array): void {
    // Opened on the first write: most partitions of a small spill stay empty and make no file.
    this.#fd ??= openSync(this.#path, 'wx+', 0o600);
    for (let at = 0; at < bytes.length; ) at += writeSync(this.#fd, bytes, at, bytes.length - at, this.#size + at);
    this.#size += bytes.length;
  }

  readAll(): Uint8Array {
    return io('read', () => this.#read());
  }

  #read(): Uint8Array {
    const bytes = new Uint8Array(this.#size);
    if (this.#fd === undefined) return bytes;
    if (fstatSync(this.#fd).size !== this.#size) throw new Error('a spill file changed size while in use');
    for (let at = 0; at < bytes.length; ) {
      const n = readSync(this.#fd, bytes, at, bytes.length - at, at);
      if (n === 0) throw new Error('a spill file was cut short while in use');
      at += n;
    }
    return bytes;
  }

  remove(): void {
    if (this.#fd === undefined) return;
    closeSync(this.#fd);
    this.#fd = undefined;
    rmSync(this.#path, { force: true });
  }
}

/** Spill files for one feed. removeAll() when the feed is done; an exit hook removes what is left. */
export class TempSpillFiles implements SpillFiles {
  #dir: string | undefined;
  #next = 0;
  readonly #open = new Set<TempFile>();

  /** The directory, once a file was made. */
  get dir(): string | undefined {
    return this.#dir;
  }

  create(): SpillFile {
    if (this.#dir === undefined) {
      this.#dir = io('make', () => mkdtempSync(join(tmpdir(), 'catalog-gate-feed-')));
      live.add(this);
      if (!exitHook) {
        exitHook = true;
        process.once('exit', removeAllLive);
        // Killed by Ctrl-C or SIGTERM, a process runs no exit handlers: where nothing else handles the signal,
        // remove the files and die of it as before.
        for (const signal of ['SIGINT', 'SIGTERM'] as const) if (process.listenerCount(signal) === 0) process.once(signal, removeAndDie);
      }
    }
    const file = new TempFile(join(this.#dir, `part-${String(this.#next++)}`));
    this.#open.add(file);
    return file;
  }

  removeAll(): void {
    for (const file of this.#open) file.remove();
    this.#open.clear();
    if (this.#dir !== undefined) rmSync(this.#dir, { recursive: true, force: true });
    this.#dir = undefined;
    live.delete(this);
  }
}
